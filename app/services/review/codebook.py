"""The theme codebook: principal and emerging themes with descriptions and keywords.

Plain data, no Flask and no database: the review area stores themes in the database and converts them
to :class:`ThemeDef` before asking the theme suggester; the evaluation command and tests load the demo
codebook shipped in ``app/data/codebook.yaml`` (or a file given with ``--codebook``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DEFAULT_CODEBOOK_PATH = Path(__file__).resolve().parents[2] / "data" / "codebook.yaml"

KINDS = ("principal", "emerging")


@dataclass(frozen=True)
class ThemeDef:
    """One theme of the codebook, as the suggester sees it."""

    code: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    kind: str = "principal"
    name_fr: str = ""  # French name and description, shown on French pages and in French reports
    description_fr: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("a theme needs a code")
        if self.kind not in KINDS:
            raise ValueError(f"theme {self.code}: kind must be one of {KINDS}, not {self.kind!r}")


def _theme_from_mapping(item: dict) -> ThemeDef:
    keywords = item.get("keywords") or ()
    if isinstance(keywords, str):
        # Allow "a, b, c" as typed in an admin form.
        keywords = [k for k in (part.strip() for part in keywords.split(",")) if k]
    return ThemeDef(
        code=str(item["code"]).strip(),
        name=str(item.get("name") or item["code"]).strip(),
        description=" ".join(str(item.get("description") or "").split()),
        keywords=tuple(str(k).strip() for k in keywords if str(k).strip()),
        kind=str(item.get("kind") or "principal").strip(),
        name_fr=str(item.get("name_fr") or "").strip(),
        description_fr=" ".join(str(item.get("description_fr") or "").split()),
    )


def themes_from_data(data: dict | list) -> list[ThemeDef]:
    """Build theme definitions from parsed YAML/JSON (a list, or a mapping with a ``themes`` list)."""
    items: Iterable = data.get("themes", []) if isinstance(data, dict) else data
    themes = [_theme_from_mapping(item) for item in items]
    codes = [t.code for t in themes]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValueError(f"duplicate theme codes in codebook: {', '.join(duplicates)}")
    return themes


def load_codebook(path: str | Path) -> list[ThemeDef]:
    """Load a codebook from a ``.yaml``/``.yml`` or ``.json`` file."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
    else:
        import yaml  # PyYAML; imported here so JSON codebooks need nothing extra

        data = yaml.safe_load(text)
    return themes_from_data(data or [])


def load_default_codebook() -> list[ThemeDef]:
    """The demo codebook: the 13 themes of the C-NAP renewal consultation."""
    return load_codebook(DEFAULT_CODEBOOK_PATH)
