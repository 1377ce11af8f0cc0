"""Word classes shared by the rules: ordinary vocabulary (with inflections), places, name shapes."""
from __future__ import annotations

from .lexicon import NAME_WORDS, PLACE_WORDS
from .text import Word

_SUFFIXES = (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""),
             ("er", ""), ("ers", ""), ("ment", ""), ("ments", ""), ("ness", ""), ("d", ""))


_WORD_PREFIXES = ("under", "over", "cyber", "counter", "multi", "inter", "intra", "trans", "post", "pre", "non",
                  "anti", "sub", "super", "co", "re", "un", "mis", "self", "micro", "macro", "mega", "peace",
                  "sous", "sur", "auto", "contre", "cyber")
ALL_CAPS_TOKENS = frozenset({"hyperlink", "mergefield", "pageref", "toc", "formtext", "include", "embed", "shape"})


def is_common_key(k: str, common) -> bool:
    """Ordinary vocabulary, including regular inflections the word lists leave out ("emerging"),
    possessives ("women's") and prefixed words ("underfunded", "cybersecurity")."""
    if k in common:
        return True
    if k.endswith(("'s", "’s")) and len(k) > 4:
        return is_common_key(k[:-2], common)
    if k.endswith(("s'", "s’")) and len(k) > 4:
        return is_common_key(k[:-1], common)
    if "-" in k:
        return all(is_common_key(p, common) for p in k.split("-") if p)
    if inflected(k, common):
        return True
    if len(k) >= 8 and k.isalpha():
        for pre in _WORD_PREFIXES:
            # the rest must be a long word: "Underwood", "Coburn" stay names
            if k.startswith(pre) and len(k) - len(pre) >= 5 and inflected(k[len(pre):], common):
                return True
    return False


_NOUN_SUFFIXES = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence", "ism",
                  "isms", "ship", "ing", "ings", "ogy", "ics", "age", "ure", "ures", "ive", "ives", "ency", "ancy")


def noun_like(w: Word, common) -> bool:
    """A common noun that reads as a label or heading: a plural, an abstract-noun suffix, or
    an ALL-CAPS dictionary word.  Names that are ordinary words ("Hope", "Will") are none of these."""
    k = w.key
    if k in NAME_WORDS:
        return False
    if w.upper and len(k) >= 4 and is_common_key(k, common):
        return True
    if k.endswith("s") and not k.endswith("ss") and len(k) > 4 and inflected(k[:-1], common):
        return True
    if k.endswith("ies") and (k[:-3] + "y") in common:
        return True
    return k.endswith(_NOUN_SUFFIXES) and len(k) >= 6 and is_common_key(k, common)


def hyphen_name(w: Word) -> bool:
    """'Anne-Laure', 'Jean-Rémi': every hyphenated part capitalised, short, not all caps, not a place."""
    parts = w.text.split("-")
    return (len(parts) == 2 and not w.upper and all(p[:1].isupper() and p[1:].islower() and 2 <= len(p) <= 9 for p in parts)
            and w.key not in PLACE_WORDS and not w.key.startswith(("saint-", "sainte-", "st-")))


def inflected(k: str, common) -> bool:
    if k in common:
        return True
    for suf, rep in _SUFFIXES:
        if k.endswith(suf) and len(k) - len(suf) >= 3 and (k[: -len(suf)] + rep) in common:
            return True
    # doubled consonant: "planning", "stopped"
    for suf in ("ing", "ed"):
        if k.endswith(suf) and len(k) > len(suf) + 3 and k[-len(suf) - 1] == k[-len(suf) - 2] and k[: -len(suf) - 1] in common:
            return True
    return False




def rwords(text: str) -> list[str]:
    """Words of a roster or allow-list entry (apostrophes, colons and hyphens kept inside)."""
    import re
    return re.findall(r"[\w'’:-]+", text)


def placeish(key: str) -> bool:
    """A place or nationality, including plural and feminine forms ("maliennes")."""
    if key in PLACE_WORDS:
        return True
    for suffix in ("s", "es", "e"):
        if key.endswith(suffix) and key[: -len(suffix)] in PLACE_WORDS:
            return True
    return False
