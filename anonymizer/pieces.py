"""Bounded cost on any input: long notes go to spaCy in pieces, and very long tokens are broken.

spaCy's parser memory grows with a document's length, and a single "word" of thousands of
characters (a pasted hash, a chain of hyphenated words, a long URL) costs it thousands of
tokens. The recognizers always read the real (canonical) text; spaCy reads a *view* of the same
length in which every run of more than ``LONG_RUN`` non-space characters is blanked (no
sentence has such words; contacts and URLs are found on the real text), so every offset still
maps one to one.
"""
from __future__ import annotations

import re
from typing import Iterator

CHUNK_CHARS = 20_000  # well under spaCy's max_length
LONG_RUN = 64
_LONG = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split *text* on paragraph, line, sentence or word boundaries into pieces of at most *size*."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > size // 4:
                    end = start + cut + len(sep)
                    break
        yield start, text[start:end]
        start = end



def spacy_view(text: str) -> str:
    """The text spaCy parses: same length, very long runs of non-space characters blanked."""
    if len(text) <= LONG_RUN or not _LONG.search(text):
        return text
    return _LONG.sub(lambda m: " " * len(m.group()), text)
