"""The capture area's services: where a rapporteur captures, the preview, restores, the server's own
pass before storing, ideas, clean ideas and encrypted drafts.

    places       assigned (session, group) places, sent-back ideas
    segments     a note cut into removals with reasons and confidence; the clean text composed from them
    preview      the preview of one note (one parse: clean ideas reuse the engine's)
    restores     whether a removed term may be put back (the server's detection decides)
    storage      the server's pass before storing: anonymizer, then the final roster scrub
    splitting    the one idea splitter (bullets and paragraphs)
    ideas        submit (idempotent), edit before approval
    clean_ideas  clean-idea extraction for the preview, kinds and support sent back
    drafts       autosaved drafts, encrypted, destroyed on submit or expiry
"""
from app.services.capture.errors import CaptureError
from app.services.capture.places import CapturePlace, assigned_places, find_place, summarize_places
from app.services.capture.preview import Preview, build_preview
from app.services.capture.segments import Segment, compose, segments_of
from app.services.capture.splitting import split_into_ideas
from app.services.capture.storage import CleanText, clean_for_storage, clean_ideas_for_storage

__all__ = ["CaptureError", "CapturePlace", "CleanText", "Preview", "Segment", "assigned_places", "build_preview",
           "clean_for_storage", "clean_ideas_for_storage", "compose", "find_place", "segments_of",
           "split_into_ideas", "summarize_places"]
