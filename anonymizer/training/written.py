"""Notes written and annotated by people, retired from checking to training: ``written/<set>/notes.jsonl``.

Each set was written for the project by a writer who never saw its code (English and French breakout notes,
minutes and transcripts of invented consultations; see each set's README for who wrote it, how and its
licence). They served as validation sets first; once the rules had been tuned on them they said little about
unseen text, so they now teach the span model other writers' habits. Sets still used for checking live in
``evaluation/validation/`` and are never read here.
"""
from __future__ import annotations

import json
from pathlib import Path

from .synth import LABELS, Note

WRITTEN_SETS = Path(__file__).parent / "written"


def note_from_record(record: dict) -> Note:
    """One corpus record (``text``, ``redact``, ``keep``) -> a Note: labels of LABELS are entities, ``keep``
    spans are KEEP, and CONTACT and QUASI (left to their own recognizers) are trained as no entity."""
    spans = [(s["start"], s["end"], s["label"]) for s in record.get("redact", []) if s["label"] in LABELS]
    spans += [(s["start"], s["end"], "KEEP") for s in record.get("keep", [])]
    return Note(record["text"], record.get("lang") or "en", sorted(spans), "written")


def load_written(root: Path = WRITTEN_SETS, lang: str | None = None) -> list[Note]:
    """Every note of every set under *root* (of one language when *lang* is given), sets in name order."""
    notes = []
    for path in sorted(root.glob("*/notes.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                note = note_from_record(json.loads(line))
                if lang is None or note.lang == lang:
                    notes.append(note)
    return notes
