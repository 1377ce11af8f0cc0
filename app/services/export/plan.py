"""Where a Day-2 idea goes in the plan tables: its kind first, then its wording, then its session.

The second day of the consultation builds the plan's structure (partners' programs, baselines,
targets, actions, indicators). Rapporteurs do not type into the session that matches each idea:
a target comes up in the baselines session, an indicator in the plenary. The clean-idea kind
(anonymizer.ideas) says what an idea is; a figure or a proposal is then placed by its wording:

- ``baseline`` / ``target`` / ``indicator`` / ``action`` kinds go to their row directly;
- a figure or proposal naming a target ("30% by 2030", "d'ici 2030", "at least half") → targets;
- one naming what to measure without a value ("track the number of …", "indicateur") → indicators;
- a figure otherwise states where things stand → baselines;
- a proposal or commitment otherwise is something to do → actions (in the partners' session it
  stays a partner's program);
- findings, concerns, questions and ideas without a kind keep their session's part of the plan.

Cue words are general English and French vocabulary, not taken from any note.
"""
from __future__ import annotations

import re
from typing import Optional

from app.services.conference import PLAN_SECTIONS

# Kinds that name their row (a drafter's or a future extractor's finer kinds).
_EXPLICIT = {"baseline": "baselines", "target": "targets", "indicator": "indicators", "action": "actions"}
# Kinds whose wording decides between target, indicator, baseline and action.
_PLACED_BY_WORDING = frozenset({"figure", "proposal", "commitment"})

_NUMBER = re.compile(r"\d|\b(?:half|third|quarter|double|moitié|tiers|quart|doubler)\b", re.IGNORECASE)
_TARGET = re.compile(
    r"\b(?:targets?|goal|aim (?:for|at)|reach(?:es|ing)?|at least|by (?:the end of |20\d\d|19\d\d)"
    r"|cibles?|objectifs?|atteindre|au moins|d'ici|d’ici|d'ici à|à l'horizon)\b", re.IGNORECASE)
_INDICATOR = re.compile(
    r"\b(?:indicators?|measured?|measuring|track(?:s|ed|ing)?|monitor(?:s|ed|ing)?|disaggregated"
    r"|indicateurs?|mesur(?:er|é|ée|és|ées)|suivre|suivi|ventilées?|désagrégées?)\b", re.IGNORECASE)
_METRIC = re.compile(
    r"\b(?:number|share|percentage|proportion|rate|ratio) of\b|\b(?:nombre|part|pourcentage|proportion|taux) d",
    re.IGNORECASE)


def figure_row(text: str) -> str:
    """Baselines, targets or indicators for a figure, from its wording."""
    if _TARGET.search(text) and _NUMBER.search(text):
        return "targets"
    if _INDICATOR.search(text) or (_METRIC.search(text) and not _NUMBER.search(text)):
        return "indicators"
    return "baselines"


def _worded_row(kind: str, text: str, session_section: str) -> str:
    """The row of a figure, proposal or commitment: a target or indicator by its words, else its nature."""
    row = figure_row(text)
    if kind == "figure" or row != "baselines":
        return row
    if session_section == "partners":
        return "partners"  # a partner's program is what the partners' session is for
    return "actions"


def plan_element(kind: Optional[str], text: str, session_section: str, on_plan_day: bool) -> Optional[str]:
    """The plan table row of an idea (one of PLAN_SECTIONS), or None when it belongs to the narrative.

    on_plan_day: the idea's day has plan sessions (Day 2), so a figure, proposal or action raised in
    its plenary belongs to the plan too; session_section: the idea's session's own part of the plan.
    """
    section = session_section if session_section in PLAN_SECTIONS else ""
    if not section and not on_plan_day:
        return None
    if kind in _EXPLICIT:
        return _EXPLICIT[kind]
    if kind in _PLACED_BY_WORDING:
        return _worded_row(kind, text, section)
    return section or None
