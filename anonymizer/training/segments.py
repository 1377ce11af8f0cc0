"""Small edits of a sentence's segments that keep every gold span's offsets valid."""
from __future__ import annotations

import random

from .fillers import Segs

__all__ = ["capitalize_first", "drop_period"]


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
