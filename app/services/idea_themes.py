"""Theme suggestions attached to ideas as they arrive (filled in by the review area)."""
from __future__ import annotations

from typing import Sequence

from app.models import Conference, Idea


def attach_suggestions(conference: Conference, ideas: Sequence[Idea]) -> None:
    """Rank theme suggestions for newly stored ideas (the caller commits)."""
    return None
