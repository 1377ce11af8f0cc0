"""French names beside the English ones: what French pages and French reports show."""
from __future__ import annotations

from typing import Optional

from app.models import Theme


def set_theme_french(theme: Theme, name_fr: Optional[str], description_fr: Optional[str]) -> None:
    """Change a theme's French name and description when given (None: unchanged; blank: the English shows)."""
    if name_fr is not None:
        theme.name_fr = " ".join(name_fr.split())[:300]
    if description_fr is not None:
        theme.description_fr = description_fr.strip()
