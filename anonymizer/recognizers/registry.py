"""The registry of recognizers the engine runs, in order (Presidio's RecognizerRegistry, spaCy-style).

The engine receives a registry as an argument; ``default_registry()`` builds the standard one.
``without(id)`` returns a copy with one recognizer switched off (used by the ablation command).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from .base import Recognizer


class Registry:
    """An ordered set of recognizers with unique ids."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()):  # noqa: D107
        self._items: list[Recognizer] = []
        for r in recognizers:
            self.add(r)

    def add(self, recognizer: Recognizer, before: Optional[str] = None, after: Optional[str] = None) -> None:
        """Register *recognizer* at the end, or just before / after the recognizer with that id."""
        if not isinstance(recognizer, Recognizer) or not isinstance(getattr(recognizer, "id", None), str):
            raise TypeError("a recognizer needs a string 'id' and an 'analyze(doc, context)' method")
        if recognizer.id in self.ids:
            raise ValueError(f"recognizer id {recognizer.id!r} is already registered")
        if before is None and after is None:
            self._items.append(recognizer)
            return
        anchor = before if before is not None else after
        pos = self.ids.index(anchor) + (0 if before is not None else 1)
        self._items.insert(pos, recognizer)

    def remove(self, rid: str) -> None:
        """Unregister the recognizer with id *rid* (KeyError when there is none)."""
        if rid not in self.ids:
            raise KeyError(rid)
        self._items = [r for r in self._items if r.id != rid]

    def without(self, *rids: str) -> "Registry":
        """A copy of this registry with the given recognizers switched off."""
        missing = [r for r in rids if r not in self.ids]
        if missing:
            raise KeyError(", ".join(missing))
        return Registry(r for r in self._items if r.id not in rids)

    def get(self, rid: str) -> Recognizer:
        """The recognizer with id *rid*."""
        for r in self._items:
            if r.id == rid:
                return r
        raise KeyError(rid)

    @property
    def ids(self) -> list[str]:
        """Recognizer ids in running order."""
        return [r.id for r in self._items]

    def __contains__(self, rid: object) -> bool:
        return rid in self.ids

    def __iter__(self) -> Iterator[Recognizer]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Registry({self.ids})"
