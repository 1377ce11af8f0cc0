"""The co-chairs' review, by area: the queue, decisions on ideas, themes on ideas (tags), the codebook and
its changes (with undo), same-proposal merges and the dashboard.

Plain functions with explicit arguments (the views pass the signed-in user and the settings). Every
decision is written to the audit trail with ids and action names only, never idea text. Anything a
co-chair types that ends up stored (an edited idea, a reason, a proposal title) goes through the
anonymizer first, because the invariant holds for co-chairs too.

``from app.services import review; review.approve(...)`` keeps working: the public names are re-exported
here, loaded on first use (PEP 562) so that importing one small module of the package, such as the plain
:mod:`~app.services.review.codebook`, never loads the others and their imports.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "common": ("ReviewError", "get_idea", "get_theme", "get_proposal"),
    "queue": ("STATUS_CHOICES", "QUEUE_PAGE_SIZE", "POLL_LIMIT", "QueueFilters", "PollResult", "queue_ideas",
              "latest_idea_id", "poll_queue", "filter_choices"),
    "decisions": ("MAX_IDEA_CHARS", "MAX_REASON_CHARS", "EditOutcome", "approve", "reject", "send_back",
                  "reopen", "edit"),
    "tags": ("confirm_theme", "change_theme", "remove_theme"),
    "codebook_changes": ("CODE_PATTERN", "add_theme", "update_theme", "merge_themes", "merge_preview",
                         "retire_theme", "restore_theme", "refresh_suggestions",
                         "rerank_waiting_ideas", "promote_candidate", "codebook_sections"),
    "theme_undo": ("undoable_changes", "undo_change", "undo_until", "get_change"),
    "proposal_merges": ("PROPOSAL_SUGGESTED", "PROPOSAL_ACCEPTED", "PROPOSAL_UNDONE", "PROPOSAL_MERGED",
                        "LIVE_PROPOSAL_STATUSES", "SEVERAL_GROUPS", "Reach", "reach", "plenary_free_group_count",
                        "matcher_for", "detect_proposals", "accept_proposal", "undo_proposal", "merge_by_hand",
                        "split_proposal", "proposals_overview", "similar_ideas"),
    "dashboard": ("ReportingCell", "ReportingRow", "ThemeCount", "reporting", "theme_counts", "status_counts",
                  "dashboard_figures", "not_started"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
# Emerging clusters moved to app.services.nlp.clustering; callers of review.X still find them.
_ELSEWHERE = {name: "app.services.nlp.clustering"
              for name in ("Candidate", "unthemed_pool", "compute_candidates", "candidates_pending",
                           "emerging_candidates")}

__all__ = sorted(_WHERE) + sorted(_ELSEWHERE)


def __getattr__(name: str) -> Any:
    """Load a re-exported name from the module that defines it."""
    if name in _WHERE:
        module = importlib.import_module(f"{__name__}.{_WHERE[name]}")
    elif name in _ELSEWHERE:
        module = importlib.import_module(_ELSEWHERE[name])
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
