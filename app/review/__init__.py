"""Co-chairs review ideas, theme them and merge proposals.

One blueprint; its views are split by area (routes: dashboard, queue and decisions on ideas;
codebook_views: the theme codebook; proposal_views: same-proposal merges). A decision a co-chair cannot
make raises ReviewError in the services, and the one handler in helpers answers it for every view.
"""
from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/review")

from app.review import codebook_views, helpers, labels, proposal_views, routes  # noqa: E402,F401
