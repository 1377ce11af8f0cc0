"""Default settings; instance/config.py and the test config override them."""
import os

# Notes longer than this are refused with a clear message (characters).
MAX_NOTE_CHARS = 50_000
# Encrypted drafts older than this are destroyed (seconds).
DRAFT_TTL_SECONDS = 12 * 3600
# Finished jobs (theme suggestions, clusters) are deleted after this long; failed ones are kept (seconds).
JOBS_KEEP_DONE_SECONDS = 24 * 3600
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
# Rate limits (Flask-Limiter). Storage "memory://" counts per process; with several gunicorn
# servers use a shared store, e.g. RATELIMIT_STORAGE_URI = "redis://host:6379". Per-address
# limits are generous because a whole venue may share one address behind its Wi-Fi.
# Reverse proxies in front of the app (nginx: 1): client addresses then come from X-Forwarded-For.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
RATELIMIT_ENABLED = True
RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
RATELIMIT_HEADERS_ENABLED = True  # Retry-After on a 429
RATELIMIT_SWALLOW_ERRORS = True  # a shared store that is down must not stop rapporteurs saving
RATELIMIT_SIGN_IN_PER_ADDRESS = "60 per minute"
RATELIMIT_PREVIEW_PER_USER = "20 per minute"
RATELIMIT_PREVIEW_PER_ADDRESS = "300 per minute"
RATELIMIT_SUBMIT_PER_USER = "20 per minute"
RATELIMIT_SUBMIT_PER_ADDRESS = "300 per minute"
RATELIMIT_AUTOSAVE_PER_USER = "60 per minute"  # the page autosaves every few seconds
RATELIMIT_AUTOSAVE_PER_ADDRESS = "1200 per minute"
# The schedule's time zone (the dashboard greys sessions that have not started yet) and how long a
# co-chair can undo a theme merge or retirement.
CONFERENCE_TIMEZONE = os.environ.get("CONFERENCE_TIMEZONE", "America/Toronto")
THEME_UNDO_MINUTES = 15
# Interface language when neither the user, the session nor the browser names English or French.
DEFAULT_LOCALE = "en"
LANGUAGES = ("en", "fr")
BABEL_DEFAULT_LOCALE = DEFAULT_LOCALE
