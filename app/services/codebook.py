"""Old import path of the theme codebook, now app.services.review.codebook (kept for other areas' modules)."""
from app.services.review.codebook import (  # noqa: F401
    DEFAULT_CODEBOOK_PATH, KINDS, ThemeDef, load_codebook, load_default_codebook, themes_from_data)
