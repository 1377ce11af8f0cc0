"""The one idea splitter: one idea per bullet, or per paragraph when a paragraph has no bullets.

The capture page asks the server (``POST /capture/split``) instead of keeping a copy of this rule.
"""
from __future__ import annotations

import re

# "- ", "* ", "• ", "– ", "1. ", "1) ", "a) " at the start of a line mark a bullet.
BULLET = re.compile(r"^\s*(?:[-*•‣◦–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


def _bulleted(lines: list[str]) -> list[str]:
    """The ideas of a paragraph with bullets: lines without a marker continue the bullet before."""
    ideas: list[str] = []
    current: list[str] = []
    for line in lines:
        if BULLET.match(line):
            if current:
                ideas.append(" ".join(current))
            current = [BULLET.sub("", line, count=1).strip()]
        else:
            current.append(line.strip())
    if current:
        ideas.append(" ".join(current))
    return ideas


def split_into_ideas(text: str) -> list[str]:
    """One idea per bullet, or per paragraph when a paragraph has no bullets.

    Lines that continue a bullet (no marker of their own) belong to it; bullet markers are
    dropped; blank ideas vanish.
    """
    ideas: list[str] = []
    for paragraph in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        if any(BULLET.match(line) for line in lines):
            ideas.extend(_bulleted(lines))
        else:
            ideas.append(" ".join(line.strip() for line in lines))
    return [" ".join(idea.split()) for idea in ideas if idea.strip()]
