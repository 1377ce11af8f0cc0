"""Contact details for the final export gate: e-mails, URLs and domains, handles, phone numbers.

Works on canonical text (app.services.export.gate.final canonicalizes first). Phone numbers are
validated with ``phonenumbers`` (Apache-2.0) for every region it knows: a digit run is a phone
number when it is a valid number written internationally, or written nationally in any region.
Dates, year ranges and sums of money are not candidates.
"""
from __future__ import annotations

import functools
import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_EMAIL_SPELLED = re.compile(
    r"[\w.+-]+\s*(?:[(\[{<]\s*(?:at|@|arobase)\s*[)\]}>]|\s(?:at|arobase)\s)\s*[\w-]+"
    r"(?:(?:\s*[(\[{<]\s*(?:dot|point|\.)\s*[)\]}>]\s*|\s(?:dot)\s|\.)[a-z]{2,6}\b)+", re.IGNORECASE)
_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|org|net|ca|fr|ke|uk|co|io|info|gov|gc|int|edu|"
    r"ngo|africa|eu|be|ch|de|ly|me|app|news|online)\b(?:/[^\s<>\"]*)?", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?\d{1,3}[\s.\-]?)?(?:\(\d{1,5}\)[\s.\-]?)?\d[\d\s.\-]{5,}\d(?!\w)")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-./]\s*(?:19|20)?\d\d")
_DATE = re.compile(r"(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4})")
_MONEY_AFTER = re.compile(r"\s*(?:\$|€|£|dollars?|euros?|cad|usd|kes|ksh|shillings?|francs?|pounds?|million|"
                          r"billion|milliards?|millions?|people|personnes|women|femmes)\b", re.IGNORECASE)
# Marks a reason for extraction; it is stored in English and translated when shown (reason_words).
N_ = str
_PRIORITY_REGIONS = ("CA", "US", "GB", "FR", "KE", "BE", "CH", "DE", "UG", "TZ", "NG", "ZA", "IN", "AU")


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every contact detail in text."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()

    def add(start: int, end: int, reason: str) -> None:
        if any(i in taken for i in range(start, end)):
            return
        taken.update(range(start, end))
        found.append((start, end, reason))

    for pattern, reason in ((_EMAIL, N_("an e-mail address")), (_EMAIL_SPELLED, N_("an e-mail address written out")),
                            (_URL, N_("a web address")), (_DOMAIN, N_("a web domain")),
                            (_HANDLE, N_("a social media handle"))):
        for match in pattern.finditer(text):
            add(match.start(), match.end(), reason)
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip(" .-")
        if _is_phone(candidate, text, match.end()):
            add(match.start(), match.start() + len(match.group(0).rstrip(" .-")), N_("a phone number"))
    return sorted(found)


def _is_phone(candidate: str, text: str, end: int) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    international = candidate.startswith("+")
    if digits < (7 if international else 8) or digits > 15:
        return False
    if not international and (_YEAR_RANGE.fullmatch(candidate) or _DATE.fullmatch(candidate)):
        return False
    if not international and _MONEY_AFTER.match(text, end):
        return False
    return _valid_anywhere(candidate)


@functools.lru_cache(maxsize=4096)
def _valid_anywhere(candidate: str) -> bool:
    """True when candidate is a valid number internationally or in any region's national format."""
    import phonenumbers

    if candidate.startswith("+"):
        return _valid(candidate, None)
    regions = list(_PRIORITY_REGIONS) + sorted(phonenumbers.SUPPORTED_REGIONS - set(_PRIORITY_REGIONS))
    return any(_valid(candidate, region) for region in regions)


def _valid(candidate: str, region) -> bool:
    import phonenumbers

    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)
