"""Per-language vocabularies for clean-idea extraction, read from ``data/<lang>.txt``.

Each section holds entries of one or more words; a multi-word entry is matched as a sequence of
lower-cased spaCy tokens, so French elisions are written as spaCy splits them ("s' engage à").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
Entry = tuple[str, ...]


@dataclass(frozen=True)
class IdeaVocab:
    """The sections of one language's file: entries as token tuples, labels with their kind hints."""

    lang: str
    sections: dict[str, frozenset[Entry]]
    labels: dict[Entry, str]
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _by_first: dict[str, dict[str, list[Entry]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Indexes built once: matching runs for every token of every note.
        for section, entries in self.sections.items():
            self._words[section] = frozenset(e[0] for e in entries if len(e) == 1)
            index: dict[str, list[Entry]] = {}
            for e in sorted(entries, key=len, reverse=True):
                index.setdefault(e[0], []).append(e)
            self._by_first[section] = index

    def entries(self, section: str) -> frozenset[Entry]:
        """All entries of *section* (empty when the file has none)."""
        return self.sections.get(section, frozenset())

    def words(self, section: str) -> frozenset[str]:
        """The one-word entries of *section*."""
        return self._words.get(section, frozenset())

    def first_words(self, section: str):
        """The words that start an entry of *section* (a fast pre-check)."""
        return self._by_first.get(section, {}).keys()

    def match(self, words: list[str], i: int, section: str) -> int:
        """Length of the longest entry of *section* starting at ``words[i]`` (0 when none)."""
        if i >= len(words):
            return 0
        for entry in self._by_first.get(section, {}).get(words[i], ()):
            if tuple(words[i:i + len(entry)]) == entry:
                return len(entry)
        return 0


def _parse(text: str) -> tuple[dict[str, set[Entry]], dict[Entry, str]]:
    """Read the ``[section]`` file format; label lines are ``words = kind``."""
    sections: dict[str, set[Entry]] = {}
    labels: dict[Entry, str] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]") and len(line) > 2:
            current = line[1:-1]
            sections.setdefault(current, set())
            continue
        if current is None:
            continue
        if current == "label":
            words, _, kind = line.partition("=")
            labels[tuple(words.split())] = kind.strip()
            continue
        sections[current].add(tuple(line.split()))
    return sections, labels


@functools.lru_cache(maxsize=4)
def load_vocab(lang: str) -> IdeaVocab:
    """The vocabulary for *lang* ("en" or "fr"; anything else falls back to English)."""
    path = DATA_DIR / f"{lang}.txt"
    if not path.exists():
        path = DATA_DIR / "en.txt"
        lang = "en"
    sections, labels = _parse(path.read_text(encoding="utf-8"))
    return IdeaVocab(lang, {k: frozenset(v) for k, v in sections.items()}, labels)
