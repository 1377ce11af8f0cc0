"""Small edits of a sentence's segments that keep every gold span's offsets valid."""
from __future__ import annotations

import random
import re

from .fillers import Segs

__all__ = ["capitalize_first", "drop_period", "fill_slots"]
_SLOT = re.compile(r"<(\w+)>")


def capitalize_first(segs: Segs) -> Segs:
    """Upper-case the first letter of a sentence (length unchanged)."""
    for i, (text, label) in enumerate(segs):
        if text.strip():
            j = len(text) - len(text.lstrip())
            segs[i] = (text[:j] + text[j].upper() + text[j + 1:], label)
            break
    return segs


def drop_period(segs: Segs, rng: random.Random) -> Segs:
    """Shorthand bullets often drop the final period."""
    text, label = segs[-1]
    if label is None and text.endswith(".") and rng.random() < 0.5:
        segs[-1] = (text[:-1], None)
    return segs


def fill_slots(writer, template: str, slots: dict) -> Segs:
    """Template with ``<slot>`` markers (labelled segments, a slot may be a callable drawn anew at each use) and
    the generator's own ``{X}`` slots in the plain parts."""
    segs: Segs = []
    pos = 0
    for m in _SLOT.finditer(template):
        segs += writer.render(template[pos:m.start()]) if pos < m.start() else []
        value = slots[m.group(1)]
        segs += value() if callable(value) else value
        pos = m.end()
    segs += writer.render(template[pos:]) if pos < len(template) else []
    return [(t, lab) for t, lab in segs if t]
