"""Old name of `app.services.conference` (the set-up area's package), kept so that code written before
the split keeps working; new code imports `app.services.conference`."""
from app.services.conference import *  # noqa: F401,F403
from app.services.conference import __all__  # noqa: F401
