"""Real public text annotated by hand, for training: ``real/notes.txt`` in the corpus markup.

``[[span|LABEL]]`` marks what must go (PERSON, ORG, ROLE, PLACE; QUASI is left to the quasi-identifier
recognizer and trained as no entity), ``{{span}}`` what must stay (KEEP). Sources, licences and how the
passages were paraphrased are in ``real/README.md``; a sealed part of the same collection lives in
``evaluation/real_sealed_<date>/`` and is never trained on.
"""
from __future__ import annotations

import re
from pathlib import Path

from .synth import LABELS, Note

REAL_NOTES = Path(__file__).parent / "real" / "notes.txt"
_HEADER = re.compile(r"^=== (\S+)\s*\|(.*)$")
_TOKEN = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]|\{\{(.+?)\}\}")


def parse_marked(raw: str, lang: str) -> Note:
    """One marked-up passage -> a Note with gold spans (offsets into the text without markup)."""
    text, spans, pos = "", [], 0
    for m in _TOKEN.finditer(raw):
        text += raw[pos:m.start()]
        span = m.group(1) if m.group(1) is not None else m.group(3)
        label = m.group(2) if m.group(1) is not None else "KEEP"
        if label in LABELS or label == "KEEP":
            spans.append((len(text), len(text) + len(span), label))
        text += span
        pos = m.end()
    return Note(text + raw[pos:], lang, spans, "real")


def load_real(path: Path = REAL_NOTES, lang: str | None = None) -> list[Note]:
    """The annotated passages (of one language when *lang* is given), in file order."""
    if not path.exists():
        return []
    notes = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        head, _, body = block.partition("\n")
        meta = dict(part.strip().split("=", 1) for part in _HEADER.match(head).group(2).split("|") if "=" in part)
        if lang is None or meta.get("lang") == lang:
            notes.append(parse_marked(body, meta.get("lang", "en")))
    return notes
