"""Old import path of the same-proposal matcher, now app.services.review.proposals (kept for other areas)."""
from app.services.review.proposals import (  # noqa: F401
    IdeaRecord, ProposalMatcher, as_record, get_default_matcher, group_proposals, most_similar)
