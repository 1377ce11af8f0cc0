"""What co-chairs and drafters type, anonymized like an idea before it is stored.

Theme names, descriptions and keywords, proposal titles, reject and send-back reasons and edited
ideas all reach exports, the review pages or the audit trail. Each goes through the anonymizer
(the app's one door, app.services.anonymization); every span it detects, flagged ones included,
becomes its placeholder (a co-chair's text has no preview step to confirm a flag, and uncertain
means removed). The final gate's roster and contact check (app.services.export.gate.final) then runs on
the result, so a roster name the engine missed (lower case, a typo, a hidden character) is
replaced too.
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from app.models import Conference

# Placeholders for what the gate still finds after the engine.
_GATE_PLACEHOLDERS = {"CONTACT": "[Contact]"}


def without_spans(text: str, spans: Sequence[Any]) -> str:
    """The text with every detected span replaced by its placeholder, flagged ones included."""
    pieces: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor:
            continue  # overlapping spans: the first, longest one already covers it
        pieces.append(text[cursor:span.start])
        pieces.append(getattr(span, "placeholder", None) or f"[{span.label}]")
        cursor = span.end
    pieces.append(text[cursor:])
    return " ".join("".join(pieces).split())


def _gate_placeholder(finding) -> str:
    if finding.label in _GATE_PLACEHOLDERS:
        return _GATE_PLACEHOLDERS[finding.label]
    return "[Organization]" if "affiliation" in finding.reason else "[Participant]"


def scrub_roster(text: str, conference: Optional[Conference], settings, lang: Optional[str] = None) -> str:
    """Replace what the final gate reads as a roster name, affiliation or contact with a placeholder."""
    if conference is None or not text:
        return text
    from app.services.export.check.findings import gate_context

    context, _ = gate_context(conference, settings)
    findings = [f for f in context.check(text, lang) if f.refuses]
    for finding in sorted(findings, key=lambda f: -f.start):
        text = text[:finding.start] + _gate_placeholder(finding) + text[finding.end:]
    return " ".join(text.split())


def roster_hit(text: str, conference: Optional[Conference], settings) -> bool:
    """True when the final gate reads text as (containing) a roster name or affiliation."""
    if conference is None or not (text or "").strip():
        return False
    from app.services.export.check.findings import gate_context

    context, _ = gate_context(conference, settings)
    # In a neutral frame, so an ordinary-word name part ("Will") reads as capitalised mid-sentence.
    return any(f.label == "ROSTER" for f in context.check(f"They met {text.strip()} there."))


def clean_typed(text: str, conference: Optional[Conference], settings, lang: Optional[str] = None) -> str:
    """Anonymize a co-chair's or drafter's text for storage (engine, then the gate's roster check)."""
    from app.services.anonymization import anonymize

    from anonymizer.canonical import canonicalize

    # Stored in canonical form: no hidden character can split a name in two for the engine.
    text = " ".join(canonicalize(text or "").text.split())
    if not text:
        return ""
    clean = without_spans(text, anonymize(text, conference, settings, lang=lang).spans)
    return scrub_roster(clean, conference, settings, lang)


def clean_keywords(keywords: str, conference: Optional[Conference], settings) -> str:
    """Keywords (comma-separated) cleaned one by one; a keyword left with only placeholders goes."""
    kept = []
    for keyword in (keywords or "").split(","):
        clean = clean_typed(keyword, conference, settings)
        if clean and any(ch.isalnum() for ch in _strip_placeholders(clean)):
            kept.append(clean)
    return ", ".join(dict.fromkeys(kept))


def _strip_placeholders(text: str) -> str:
    out, depth = [], 0
    for char in text:
        depth += char == "["
        if not depth:
            out.append(char)
        depth -= char == "]" and depth > 0
    return "".join(out)
