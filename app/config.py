"""Default settings; instance/config.py and the test config override them."""
import os

# Notes longer than this are refused with a clear message (characters).
MAX_NOTE_CHARS = 50_000
# Encrypted drafts older than this are destroyed (seconds).
DRAFT_TTL_SECONDS = 12 * 3600
# Failed sign-ins before the account is locked, and for how long (seconds).
LOGIN_MAX_FAILURES = 5
LOGIN_LOCKOUT_SECONDS = 300
# spaCy model names: a site that installs the official en_core_web_sm just names it.
ANONYMIZER_EN_MODEL = os.environ.get("ANONYMIZER_EN_MODEL", "en_core_web_sm")
ANONYMIZER_FR_MODEL = os.environ.get("ANONYMIZER_FR_MODEL", "fr_core_news_sm")
# Requests larger than this are refused before they are read (bytes).
MAX_CONTENT_LENGTH = 2 * 1024 * 1024
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
REMEMBER_COOKIE_HTTPONLY = True
REMEMBER_COOKIE_SAMESITE = "Lax"
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
WTF_CSRF_TIME_LIMIT = None  # a breakout session outlasts the default hour
# Interface language when neither the user, the session nor the browser names English or French.
DEFAULT_LOCALE = "en"
LANGUAGES = ("en", "fr")
BABEL_DEFAULT_LOCALE = DEFAULT_LOCALE
