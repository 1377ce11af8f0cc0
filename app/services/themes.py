"""Old import path of the theme suggester, now in ``app.services.nlp`` (embedding, lemmatizer, linkage,
themes). Kept only so branches written against the old path still run after the merge; new code imports
from ``app.services.nlp``."""
from app.services.nlp.embedding import Embedder, get_embedder  # noqa: F401
from app.services.nlp.embedding import normalize_rows as _normalize  # noqa: F401
from app.services.nlp.lemmatizer import Lemmatizer, characteristic_words, detect_language, get_lemmatizer  # noqa: F401
from app.services.nlp.linkage import average_linkage  # noqa: F401
from app.services.nlp.themes import Candidate, ThemeSuggester, get_default_suggester  # noqa: F401
