"""Old import path of ``app.services.nlp.evaluation`` (the same module object); kept only so branches
written against the old path still run after the merge. New code imports from ``app.services.nlp``."""
import sys

from app.services.nlp import evaluation as _moved

sys.modules[__name__] = _moved
