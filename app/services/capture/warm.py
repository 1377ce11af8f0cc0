"""Warm start for the capture path: what a rapporteur's first preview and submit would otherwise load."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from app.models import Conference

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings

WARM_UP_NOTE = "- The group asked for more funding for shelters.\n- Others agreed."


def warm_up(conference: Optional[Conference], settings: AnonymizerSettings) -> None:
    """Run one short note through the preview (engine, parse hand-over, clean-idea extractor and its
    vocabularies) and the server's pass before storing (the final gate's roster scrub, its dictionaries)."""
    from app.services.capture.preview import build_preview
    from app.services.capture.storage import clean_ideas_for_storage

    preview = build_preview(WARM_UP_NOTE, conference, settings)
    clean_ideas_for_storage(preview.ideas or [preview.text], conference, settings)
