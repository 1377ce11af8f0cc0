"""Contact details: e-mail addresses, web addresses, social handles and phone numbers.

Phone numbers come from Google's libphonenumber metadata (``phonenumbers``, Apache-2.0): numbers
in international format (+ and a country code) of every region, and national formats valid in
Canada (the default region) or in the regions whose numbers conference participants most often
give (``NATIONAL_REGIONS``). Only stretches of text that hold enough digits are handed to the
matcher, so a long note costs little.
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency

from ..reasons import Reason
from .base import Candidate
from .contact_forms import cued_local_phones, postal_addresses, spoken_emails, spoken_phones
from .context import NoteContext

# Every pattern starts only where a run of word characters starts (a look-behind), so a long
# run without "@" or "." costs one pass, not one pass per character.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.+-])[\w.+-]+\s*[\[(]\s*at\s*[\])]\s*[\w-]+"
                   r"(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[\w-]+)+", re.I)
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:ca|com|org|net|io|info|me|fr|"
                 r"uk|gov|edu|int|co)(?:/[^\s<>()\"']*)?\b", re.I)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")
DEFAULT_REGION = "CA"
NATIONAL_REGIONS = ("CA", "US", "GB", "FR", "BE", "CH", "KE", "LR", "NG", "GH", "UG", "ZA", "AU", "DE")
# a stretch that may hold a phone number: 7+ digits with separators, maybe a + or a parenthesis
_DIGITS = re.compile(r"(?:\+|\b00|\()?\d[\d \t().\-/\u2010-\u2015\u2212]{5,24}\d")  # any dash, non-breaking too
_EXTENSION = re.compile(r"\s*,?\s*(?:x|ext\.?|extension|poste|p\.)\s*\d{1,5}\b", re.I)  # "…-0162, poste 2214"


class Contacts:
    """E-mail addresses, URLs, @handles and phone numbers."""

    id = "contacts"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Every contact detail in the note."""
        text = context.text
        out = []
        for rx, reason in ((EMAIL, Reason.EMAIL), (URL, Reason.URL), (HANDLE, Reason.HANDLE)):
            for m in rx.finditer(text):
                s, e = m.start(), m.end()
                while e > s and text[e - 1] in ".,;:)":
                    e -= 1
                if rx is URL and not _real_url(text, s, e, m.group()):
                    continue
                out.append(Candidate(s, e, "CONTACT", reason, recognizer=self.id, prio=5))
        out += [Candidate(s, e, "CONTACT", Reason.PHONE, recognizer=self.id, prio=5) for s, e in phone_spans(text)]
        said_or_postal = ((spoken_emails(text), Reason.EMAIL), (spoken_phones(text) + cued_local_phones(text), Reason.PHONE),
                          (postal_addresses(text), Reason.ADDRESS))
        for spans, reason in said_or_postal:
            out += [Candidate(s, e, "CONTACT", reason, recognizer=self.id, prio=5) for s, e in spans]
        return out


def _real_url(text: str, s: int, e: int, raw: str) -> bool:
    """Not the domain of an e-mail address; a scheme, a path or a common top-level domain."""
    if "@" in text[max(0, s - 1):e]:
        return False
    return raw.lower().startswith(("http", "www")) or "/" in raw or bool(
        re.search(r"\.(ca|com|org|net|io|info|me)\b", raw, re.I))


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers (international of any region, national of the likely regions)."""
    spans: set[tuple[int, int]] = set()
    for m in _DIGITS.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) < 7:
            continue
        lo = max(0, m.start() - 2)
        piece = text[lo:m.end() + 24]
        for region in (DEFAULT_REGION,) + NATIONAL_REGIONS:
            lenient = Leniency.POSSIBLE if region == DEFAULT_REGION else Leniency.VALID
            for pm in phonenumbers.PhoneNumberMatcher(piece, region, leniency=lenient):
                if lenient is Leniency.POSSIBLE and not pm.raw_string.startswith("+") \
                        and not phonenumbers.is_valid_number(pm.number):
                    continue  # a bare run of digits counts only when it is a valid number
                spans.add((lo + pm.start, lo + pm.end))
    out = []
    for s, e in sorted(spans):
        ext = _EXTENSION.match(text, e)
        e = ext.end() if ext else e
        if text[s] == "(" and ")" not in text[s:e]:
            s += 1  # the note's own bracket around the number, not an area code's: it stays
        out.append((s, e))
    return out
