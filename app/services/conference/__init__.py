"""Conference set-up: the conference file (file, spec), its dry run (diff) and in-place import (apply),
the roster (roster), uploads waiting for confirmation (sealed) and the set-up export (transfer).

The public names of setup are re-exported here for the views, commands and other areas.
"""
from app.services.conference.roster import RosterPreview, parse_roster_csv, read_roster  # noqa: F401
from app.services.conference.setup import *  # noqa: F401,F403 (re-exported)
from app.services.conference.setup import __all__ as _setup_names

__all__ = [*_setup_names, "RosterPreview", "parse_roster_csv", "read_roster"]
