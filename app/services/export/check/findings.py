"""The final anonymization check every export passes before it is served.

Two independent layers read each idea, theme name and description and proposal title:

1. the final gate (app.services.export.gate): canonical text, the roster matched fuzzily,
   contacts, and every word that is not ordinary vocabulary as a "possible name";
2. the anonymizer engine built with the conference roster (app.services.export.check.engine, whose
   results are stored when an idea is approved, so an export reuses them).

- **block**: a roster or contact finding of the gate; a PERSON redaction, a CONTACT or anything
  on the roster from the engine. The export is refused until a co-chair edits the text.
- **warn**: a possible name (gate); the engine's weaker detections (ORG not on the roster, ROLE,
  PLACE, QUASI, a PERSON whose only evidence is an unknown capitalised word). A co-chair looks
  once and clears it for that idea until its text changes (ClearedWarning: label + text hashes).

Uncleared warnings on ideas block the export too; on theme and proposal texts (not clearable
per idea) they are shown but do not block, while blocking findings there do.
"""
from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from typing import Iterable, Optional

from sqlalchemy import select

from app.extensions import db
from app.models import Conference, Idea, Theme, User
from app.models_export import ClearedWarning
from app.services import audit
from app.services.conference import allowlist_terms, load_roster

BLOCK = "block"
WARN = "warn"


@dataclass
class CheckSpan:
    """One detection in a checked text, with how much it matters."""

    start: int
    end: int
    label: str
    action: str
    reason: str
    text: str
    severity: str
    fingerprint: str
    cleared: bool = False


@dataclass
class CheckedItem:
    """A text of the export that the check found something in."""

    kind: str  # "idea" | "theme" | "proposal"
    target_id: object  # idea id, theme code, proposal id
    field: str  # "text" | "name" | "description" | "title"
    text: str
    spans: list[CheckSpan] = field(default_factory=list)

    @property
    def blocking(self) -> list[CheckSpan]:
        """Spans that refuse the export."""
        return [s for s in self.spans if s.severity == BLOCK]

    @property
    def open_warnings(self) -> list[CheckSpan]:
        """Warnings not yet cleared by a co-chair."""
        return [s for s in self.spans if s.severity == WARN and not s.cleared]

    @property
    def cleared_warnings(self) -> list[CheckSpan]:
        """Warnings a co-chair already cleared for this text."""
        return [s for s in self.spans if s.severity == WARN and s.cleared]

    @property
    def warnings_block(self) -> bool:
        """Warnings block only on ideas, where a co-chair can clear them."""
        return self.kind == "idea"


@dataclass
class CheckReport:
    """What the final check found in one export's content."""

    items: list[CheckedItem]
    checked_texts: int
    seconds: float

    @property
    def blocking_items(self) -> list[CheckedItem]:
        """Texts with a finding that refuses the export."""
        return [i for i in self.items if i.blocking]

    @property
    def warning_items(self) -> list[CheckedItem]:
        """Texts with warnings still waiting for a co-chair (and no blocking finding)."""
        return [i for i in self.items if i.open_warnings and not i.blocking]

    @property
    def refused(self) -> bool:
        """True when the export may not be served."""
        return any(i.blocking or (i.open_warnings and i.warnings_block) for i in self.items)

    @property
    def blocking_idea_ids(self) -> list[int]:
        """Ideas to edit before the export can go out."""
        return [i.target_id for i in self.items if i.kind == "idea" and i.blocking]

    @property
    def warning_idea_ids(self) -> list[int]:
        """Ideas with warnings a co-chair has not cleared."""
        return [i.target_id for i in self.items if i.kind == "idea" and i.open_warnings and not i.blocking]

    @property
    def cleared_count(self) -> int:
        """Warnings that were found but had been cleared before."""
        return sum(len(i.cleared_warnings) for i in self.items)


def fingerprint(label: str, item_text: str, span_text: str) -> str:
    """Identify a warning on one idea: label + hash of the idea text and the flagged words.

    Any edit of the idea changes it, so a cleared warning comes back once the text changes.
    """
    digest = hashlib.sha256(f"{item_text}\x00{span_text}".encode("utf-8")).hexdigest()
    return f"{label[:30]}:{digest}"


def _fold(text: str) -> str:
    from app.services.anonymization import fold

    return " ".join(fold(text).split())


class RosterIndex:
    """Folded roster names and affiliations for classifying spans (memory only, never logged)."""

    def __init__(self, entries: Iterable[tuple[str, str]], allowed: Iterable[str]):  # noqa: D107
        allowed_folded = {_fold(term) for term in allowed}
        self.names: set[str] = set()
        self.name_parts: set[str] = set()
        self.affiliations: set[str] = set()
        self.acronyms: set[str] = set()
        scan: list[str] = []
        for name, affiliation in entries:
            folded_name = _fold(name)
            if folded_name:
                self.names.add(folded_name)
                self.name_parts.update(p for p in re.split(r"[\s.]+", folded_name) if len(p) >= 3)
                if len(folded_name.split()) >= 2:
                    scan.append(folded_name)
            folded_aff = _fold(affiliation)
            if folded_aff:
                self.affiliations.add(folded_aff)
                words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]+", affiliation) if w[0].isupper()]
                if len(words) >= 2:
                    self.acronyms.add("".join(w[0] for w in words).lower())
                # A civil-society affiliation may not appear at all; an allow-listed body may.
                if folded_aff not in allowed_folded and len(folded_aff.split()) >= 2:
                    scan.append(folded_aff)
        self._scan = (re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(scan, key=len, reverse=True))
                                 + r")(?!\w)") if scan else None)

    def matches(self, span_text: str) -> bool:
        """True when a detected span is a roster name or affiliation, or contains one."""
        folded = _fold(span_text).strip(" .,;:()'\"")
        if not folded:
            return False
        if folded in self.names or folded in self.affiliations or folded in self.acronyms:
            return True
        if any(aff in folded for aff in self.affiliations) or any(name in folded for name in self.names):
            return True
        if len(folded.split()) >= 2 and any(folded in aff for aff in self.affiliations):
            return True
        # A capitalized word of the span that is a roster first name or surname.
        words = re.findall(r"[^\W\d_][\w'-]*", span_text)
        return any(w[0].isupper() and _fold(w) in self.name_parts for w in words if len(w) >= 3)


@dataclass
class _Text:
    kind: str
    target_id: object
    field: str
    text: str
    lang: Optional[str] = None


def _texts_of(data) -> list[_Text]:
    """Every free text an export will contain: ideas, theme names/descriptions, proposal titles."""
    texts = [_Text("idea", i.id, "text", i.text, i.lang) for i in data.ideas]
    for theme in data.themes:
        texts.append(_Text("theme", theme.code, "name", theme.name))
        if theme.description.strip():
            texts.append(_Text("theme", theme.code, "description", theme.description))
    for proposal in data.proposals:
        if proposal.has_own_title:
            texts.append(_Text("proposal", proposal.id, "title", proposal.title))
    return texts


def _classify(span, roster: RosterIndex) -> str:
    """block for a person's name, a contact detail or anything on the roster; warn otherwise."""
    from app.services.anonymization import is_roster, is_weak_person

    label = (span.label or "").upper()
    if label == "CONTACT":
        return BLOCK
    if is_roster(span.codes) or roster.matches(span.text or ""):
        return BLOCK
    # a capitalised word no rule could place, with no other evidence of a name: a co-chair
    # looks at it once instead of every export failing
    if label == "PERSON" and span.action == "redact" and not is_weak_person(span.codes):
        return BLOCK
    return WARN


def _codebook_texts(conference: Conference) -> list[str]:
    """The codebook's own words: theme names, descriptions and keywords (never possible names)."""
    texts: list[str] = []
    for theme in db.session.scalars(select(Theme).where(Theme.conference_id == conference.id)):
        texts.extend([theme.name, theme.description or "", *theme.keyword_list])
    return texts


def gate_context(conference: Conference, settings, roster_entries=None):
    """The final gate's context for a conference and its cached results (kept in the app's service
    container until the roster, allow-list or codebook change), as (GateContext, GateState)."""
    from app.services.anonymization import engine_version
    from app.services.export.gate import cache, final as final_gate

    codebook = _codebook_texts(conference)
    digest = hashlib.sha256("\x00".join(codebook).encode("utf-8", "surrogatepass")).hexdigest()
    version = f"{engine_version(conference)}|{digest}|{settings.en_model}|{settings.fr_model}"

    def build():
        entries = roster_entries if roster_entries is not None else load_roster(conference, settings.key_path)
        return final_gate.GateContext(entries, allowlist_terms(conference), codebook,
                                      final_gate.GateSettings(settings.en_model, settings.fr_model))

    state = cache.state_for(conference.id, version, build)
    return state.context, state


def gate_findings(conference: Conference, settings, pairs, use_cache: bool, roster_entries=None) -> list:
    """The gate's findings for each (text, lang), cached by text hash unless use_cache is False."""
    context, state = gate_context(conference, settings, roster_entries)
    if not use_cache:
        return [tuple(context.check(text, lang)) for text, lang in pairs]
    return state.check_many(pairs)


def _gate_span(entry: _Text, finding, cleared: set) -> CheckSpan:
    """A gate finding as a check span: roster and contacts refuse, possible names wait for a co-chair."""
    severity = BLOCK if finding.refuses else WARN
    span_text = entry.text[finding.start:finding.end]
    fp = fingerprint(finding.label, entry.text, span_text)
    return CheckSpan(finding.start, finding.end, finding.label, "redact" if finding.refuses else "flag",
                     finding.reason, span_text, severity, fp,
                     cleared=severity == WARN and (entry.target_id, fp) in cleared)


def check_texts(conference: Conference, texts: list[_Text], settings, use_cache: bool = True) -> CheckReport:
    """Run the final gate and the anonymizer over texts; mark warnings already cleared.

    The gate (app.services.export.gate) is the independent layer; the engine's detections
    (app.services.export.check.engine, stored at approval) are the second.
    """
    from app.services.export.check import engine as engine_check

    started = time.perf_counter()
    entries = load_roster(conference, settings.key_path)
    roster = RosterIndex(entries, allowlist_terms(conference))
    idea_ids = [t.target_id for t in texts if t.kind == "idea"]
    cleared = _cleared_fingerprints(idea_ids)
    pairs = [(t.text, t.lang) for t in texts]
    gated = gate_findings(conference, settings, pairs, use_cache, entries)
    results = engine_check.detect(conference, settings, pairs, use_cache)
    items: list[CheckedItem] = []
    for entry, found, gate_found in zip(texts, results, gated):
        spans: list[CheckSpan] = []
        for span in found:
            severity = _classify(span, roster)
            fp = fingerprint(span.label, entry.text, span.text)
            spans.append(CheckSpan(span.start, span.end, span.label, span.action, span.reason, span.text,
                                   severity, fp,
                                   cleared=severity == WARN and (entry.target_id, fp) in cleared))
        for finding in gate_found:
            if not any(s.severity == BLOCK and s.start <= finding.start and s.end >= finding.end for s in spans):
                spans.append(_gate_span(entry, finding, cleared))
        if spans:
            spans.sort(key=lambda s: (s.start, -s.end))
            items.append(CheckedItem(entry.kind, entry.target_id, entry.field, entry.text, spans))
    return CheckReport(items=items, checked_texts=len(texts), seconds=time.perf_counter() - started)


def check_export(conference: Conference, data, settings, use_cache: bool = True) -> CheckReport:
    """The final check of an export's content (ExportData from app.services.export.gather)."""
    return check_texts(conference, _texts_of(data), settings, use_cache)


def _cleared_fingerprints(idea_ids: list) -> set[tuple[int, str]]:
    if not idea_ids:
        return set()
    found: set[tuple[int, str]] = set()
    ids = list(idea_ids)
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start:start + 500]
        found.update((idea_id, fp) for idea_id, fp in db.session.execute(
            select(ClearedWarning.idea_id, ClearedWarning.fingerprint).where(ClearedWarning.idea_id.in_(chunk))
        ))
    return found


def check_idea(conference: Conference, idea: Idea, settings) -> Optional[CheckedItem]:
    """The check of one idea's current text (None when nothing is found)."""
    report = check_texts(conference, [_Text("idea", idea.id, "text", idea.text, idea.lang)], settings)
    return report.items[0] if report.items else None


def clear_warnings(conference: Conference, idea: Idea, fingerprints: Iterable[str], user: Optional[User],
                   settings) -> int:
    """Clear warnings on an idea for good (until its text changes); returns how many were cleared.

    Only warnings the check finds on the idea's current text can be cleared: a blocking finding,
    or a fingerprint from an older text, is ignored.
    """
    if idea.conference_id != conference.id:
        return 0
    item = check_idea(conference, idea, settings)
    wanted = set(fingerprints)
    open_now = {s.fingerprint: s for s in (item.open_warnings if item else [])}
    to_clear = [open_now[f] for f in wanted if f in open_now]
    for span in to_clear:
        db.session.add(ClearedWarning(idea_id=idea.id, fingerprint=span.fingerprint,
                                      cleared_by_id=user.id if user else None))
    if to_clear:
        # Labels only: the flagged words stay out of the audit trail.
        audit.record(user, "export_warning_cleared", "idea", idea.id,
                     labels=sorted({s.label for s in to_clear}), count=len(to_clear))
        db.session.commit()
    return len(to_clear)


@dataclass
class Segment:
    """A piece of a checked text for display: plain, or a highlighted span with its label."""

    text: str
    label: str = ""
    severity: str = ""
    reason: str = ""
    cleared: bool = False


def highlight_segments(item: CheckedItem) -> list[Segment]:
    """Cut a text into plain and highlighted pieces (overlapping spans: the most severe one shows)."""
    text = item.text
    marks: list[Optional[CheckSpan]] = [None] * len(text)
    rank = {BLOCK: 2, WARN: 1}
    for span in item.spans:
        for index in range(max(0, span.start), min(len(text), span.end)):
            current = marks[index]
            weight = rank[span.severity] - (0.5 if span.cleared else 0)
            if current is None or weight > rank[current.severity] - (0.5 if current.cleared else 0):
                marks[index] = span
    segments: list[Segment] = []
    for index, char in enumerate(text):
        span = marks[index]
        key = (span.label, span.severity, span.reason, span.cleared) if span else ("", "", "", False)
        if segments and (segments[-1].label, segments[-1].severity, segments[-1].reason,
                         segments[-1].cleared) == key and (span is None or marks[index - 1] is span):
            segments[-1].text += char
        else:
            segments.append(Segment(char, *key))
    return segments
