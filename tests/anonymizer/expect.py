"""What the anonymizer tests assert about a result: a phrase removed whole, the idea's words kept."""
from __future__ import annotations


def removed(res, text: str, needle: str) -> bool:
    """Every letter and digit of *needle* (its first occurrence in *text*) lies inside a redaction."""
    start = text.index(needle)
    letters = [i for i in range(start, start + len(needle)) if text[i].isalnum()]
    return all(any(s.start <= i < s.end for s in res.redactions) for i in letters)


def check(engine, text: str, lang: str, gone, kept):
    """Anonymize *text*; each of *gone* is removed whole and each of *kept* is still in the output."""
    res = engine.anonymize(text, lang)
    for needle in gone:
        assert removed(res, text, needle), (needle, res.text)
    for words in kept:
        assert words in res.text, (words, res.text)
    return res
