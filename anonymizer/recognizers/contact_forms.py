"""Contact details in forms the plain patterns miss: dictated, local, or postal.

Speech-to-text and hurried typing write contacts the way they are said: "amelie point tremblay arobas
exemple point ca", "j dot doe at example dot org", "six one three, five five five, oh one four two". A local
number typed without its area code ("texte au 5550142") is a phone number when a phone word introduces it.
A street address or a Canadian postal code points to one organization's office or one person's home.
"""
from __future__ import annotations

import re

_TLDS = r"(?:ca|com|org|net|io|info|me|fr|uk|gov|edu|int|co|qc|gc)"
_DOT = r"\s+(?:dot|point)\s+"
# found from the spoken "at" outwards, with bounded repeats: a long run of "x dot x dot …" costs one pass
_SPOKEN_AT = re.compile(r"\s(?:at|arobas|arobase|a commercial)\s", re.I)
_LOCAL_PART = re.compile(r"(?<![\w@-])(?:[\w-]{1,40}" + _DOT + r"){0,4}[\w-]{1,40}$", re.I)
_DOMAIN = re.compile(r"[\w-]{1,40}(?:" + _DOT + r"[\w-]{1,40}){0,3}?" + _DOT + _TLDS + r"\b", re.I)
_DIGIT_WORDS = (r"zero|oh|one|two|three|four|five|six|seven|eight|nine|"
                r"zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf")
_DIGIT = r"(?:\d|" + _DIGIT_WORDS + r")"
# seven or more digits said one by one, maybe grouped by commas, dashes or "dash"/"tiret"
SPOKEN_PHONE = re.compile(r"\b" + _DIGIT + r"(?:(?:\s*[,.-]\s*|\s+(?:dash|tiret)\s+|\s+)" + _DIGIT + r"){6,14}\b", re.I)
# words that only introduce a phone number ("number" does not: "the number is 1500000" is a figure)
_PHONE_CUE = (r"(?:phone|tel|tél|téléphone|telephone|call|text|cell|mobile|fax|appeler|"
              r"appelez|texte|texter|textez|joindre|rejoindre|cellulaire|sans frais|toll[- ]free)")
CUED_LOCAL_PHONE = re.compile(r"\b" + _PHONE_CUE + r"\.?\s*(?::\s*)?(?:au|at|à|on|is|est|c'est|:)?\s*(\d{7,11})\b", re.I)
_POSTAL = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \u00a0-]?\d[ABCEGHJ-NPRSTV-Z]\d\b"
POSTAL_CODE = re.compile(r"\b" + _POSTAL)
_STREET_FR = r"(?i:rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|route|rang|place|promenade|allée|côte|montée)"
# not "Court", "Place" or "Way": "2023 Supreme Court", "Canada Place" are no addresses
_STREET_EN = r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Boulevard|Blvd\.?|Crescent|Cres\.?|Lane)"
_NAME_WORDS = r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+la\s+|du\s+|des\s+|de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*){0,3}"
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}(?:-\d{1,5})?,?\s+(?:" + _STREET_FR + r"\s+(?:de\s+la\s+|du\s+|des\s+|de\s+|d['’])?" + _NAME_WORDS
    + r"|(?:" + _NAME_WORDS + r"|\d{1,3}(?:st|nd|rd|th)?)\s+" + _STREET_EN + r")(?![\w])")
# the rest of an address line up to its postal code: ", Suite 910, Ottawa ON K2P 1L5", ", bureau 3, Montréal (QC) H2W 2M5"
_TO_POSTAL = re.compile(r"[ \t]*,?[ \t]*[\w'’.,() \t-]{0,70}?" + _POSTAL)


def spoken_emails(text: str) -> list[tuple[int, int]]:
    """E-mail addresses said aloud or dictated ("jo point tan arobas exemple point ca")."""
    out = []
    for m in _SPOKEN_AT.finditer(text):
        local = _LOCAL_PART.search(text, max(0, m.start() - 200), m.start())
        domain = _DOMAIN.match(text, m.end())
        if local and domain:
            out.append((local.start(), domain.end()))
    return out


def spoken_phones(text: str) -> list[tuple[int, int]]:
    """Phone numbers said digit by digit ("six one three five five five …"), at least seven digits."""
    out = []
    for m in SPOKEN_PHONE.finditer(text):
        words = re.findall(r"\d|[^\W\d_]+", m.group())
        if sum(1 for w in words if not w.isdigit()) >= 3 and m.group().count(",") <= 3:
            out.append(m.span())  # not a count ("one, two, three, …"), not "613 555 0142" (the matcher's)
    return out


def cued_local_phones(text: str) -> list[tuple[int, int]]:
    """A run of seven to eleven digits right after a phone word ("texte au 5550142", "cell: 5550142")."""
    return [m.span(1) for m in CUED_LOCAL_PHONE.finditer(text)]


def postal_addresses(text: str) -> list[tuple[int, int]]:
    """Street addresses ("123, rue Principale", "45 Elgin Street") and Canadian postal codes ("E1C 1A1")."""
    spans = [m.span() for m in POSTAL_CODE.finditer(text)]
    for m in STREET_ADDRESS.finditer(text):
        tail = _TO_POSTAL.match(text, m.end())
        spans.append((m.start(), tail.end() if tail else m.end()))  # the whole line, street to postal code
    return spans
