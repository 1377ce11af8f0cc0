"""The final gate every export passes: an independent check that shares none of the anonymizer's detection.

The anonymizer's statistical model and rules decide what a note loses; if they miss a name, the
same engine run again at export misses it again. This gate reads each text differently:

1. on its canonical form (anonymizer.canonical: invisible characters, soft hyphens, line-break
   hyphens and mixed-script look-alikes folded), compared case- and accent-insensitively, with
   whole-word look-alikes folded to Latin too;
2. the **roster**, fuzzily (``rapidfuzz``, one or two typos by length): full names, surnames,
   given names, hyphenated surnames, initials such as "M.-C. P.", affiliations (not allow-listed)
   and their acronyms. A name part that is also an ordinary word ("Will", "Hope") counts only
   when capitalised mid-sentence or next to another name part;
3. **contacts**: e-mail addresses (also "name (at) domain (dot) org"), URLs and domains, social
   handles, and phone numbers valid in any region (``phonenumbers``);
4. every remaining word that is neither ordinary vocabulary of the text's language
   (app.services.export.gate.lexicon) nor a word of the codebook, the allow-list or a placeholder:
   a **possible name** that a co-chair looks at and clears once per idea.

Roster and contact findings refuse the export; possible names block until cleared. Results are
cached per text hash for the gate context (app.services.export.gate.cache), so ideas checked as
they are approved cost nothing at export. Never logs or stores what it finds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from anonymizer.canonical import canonicalize

from app.services.export.gate import contacts as gate_contacts
from app.services.export.gate.lexicon import Lexicon, lexicon
from app.services.export.gate.roster import GateRoster, Token, key_text, sentence_start, tokens_of

ROSTER = "ROSTER"
CONTACT = "CONTACT"
POSSIBLE_NAME = "POSSIBLE_NAME"
REFUSING_LABELS = frozenset({ROSTER, CONTACT})


@dataclass(frozen=True)
class GateFinding:
    """One finding, with offsets in the ORIGINAL text (mapped back from the canonical form)."""

    start: int
    end: int
    label: str
    reason: str

    @property
    def refuses(self) -> bool:
        """Roster and contact findings refuse an export; possible names wait for a co-chair."""
        return self.label in REFUSING_LABELS


@dataclass(frozen=True)
class GateSettings:
    """The spaCy model names whose lemmatizer tables give the dictionaries."""

    en_model: str
    fr_model: str


class GateContext:
    """What one conference's texts are checked against: roster, allow-list, codebook vocabulary."""

    def __init__(self, roster_entries: Iterable[tuple[str, str]], allowed_terms: Iterable[str],
                 codebook_texts: Iterable[str], settings: GateSettings):  # noqa: D107
        self.settings = settings
        # The dictionaries are shared per process; the context (kept per app) holds them.
        self.lexicons: dict[str, Lexicon] = {lang: lexicon(lang, settings.en_model, settings.fr_model)
                                             for lang in ("en", "fr")}
        allowed_terms = [t for t in allowed_terms if t and t.strip()]
        codebook_texts = [t for t in codebook_texts if t and t.strip()]
        # Words the conference itself uses: never a possible name on their own.
        self.vocabulary: frozenset[str] = frozenset(
            t.key for text in (*allowed_terms, *codebook_texts) for t in tokens_of(text))
        self.roster = GateRoster(roster_entries, allowed_terms, self.vocabulary, settings.en_model,
                                 settings.fr_model)
        # Allow-listed bodies and the codebook's names and keywords mask the words they cover.
        self.phrases = _phrase_keys([*allowed_terms, *(t for t in codebook_texts if len(t.split()) <= 8)])

    def check(self, text: str, lang: Optional[str] = None) -> list[GateFinding]:
        """Every finding in one text, in original offsets."""
        canonical = canonicalize(text or "")
        key = key_text(canonical.text)
        tokens = tokens_of(canonical.text, key)
        found: list[tuple[int, int, str, str]] = []
        masked = _placeholder_mask(canonical.text) | _phrase_mask(key, self.phrases)
        for start, end, reason in gate_contacts.find(canonical.text):
            found.append((start, end, CONTACT, reason))
        contact_chars = {i for s, e, _, _ in found for i in range(s, e)}
        for start, end, reason in self.roster.find(canonical.text, tokens, lang or "en", masked):
            if start not in contact_chars:
                found.append((start, end, ROSTER, reason))
        taken = contact_chars | {i for s, e, label, _ in found if label == ROSTER for i in range(s, e)}
        found.extend(self._possible_names(canonical.text, tokens, lang, masked | taken))
        merged: list[list] = []
        for start, end, label, reason in sorted(found):
            if merged and merged[-1][2] == label and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)  # one span per overlapping run of a label
            else:
                merged.append([start, end, label, reason])
        return [GateFinding(*canonical.to_original(start, end), label, reason) for start, end, label, reason in merged]

    def _possible_names(self, text: str, tokens: Sequence[Token], lang: Optional[str], skip: set[int]):
        """Words that are not ordinary vocabulary: runs of them become one possible-name span."""
        words = self.lexicons["fr" if (lang or "").lower().startswith("fr") else "en"]
        # A lower-case or sentence-initial word of the other language (French in an English idea, or an
        # idea whose language was misread) is vocabulary too; a capitalised one mid-sentence is judged by
        # the idea's language only ("Pierre" is a name in English).
        other = self.lexicons["en" if words.lang == "fr" else "fr"]
        spans: list[list[int]] = []
        previous_end = -10
        for token in tokens:
            base = token.base
            if token.start in skip or len(base) < 2 or base in self.vocabulary or token.key in self.vocabulary:
                continue
            if words.knows(token.word) or words.knows(base):
                continue
            if (token.text.islower() or sentence_start(text, token.start)) and other.knows(token.word):
                continue
            if spans and token.start - previous_end <= 1:
                spans[-1][1] = token.end
            else:
                spans.append([token.start, token.end])
            previous_end = token.end
        return [(s, e, POSSIBLE_NAME, "not a dictionary word, nor on the allow-list or codebook")
                for s, e in spans]


def _phrase_keys(terms: Iterable[str]) -> Optional["re.Pattern[str]"]:
    """One pattern for the allow-listed and codebook phrases in key form (they mask the words they cover)."""
    keys = {" ".join(key_text(canonicalize(t).text).split()) for t in terms}
    keys = sorted((k for k in keys if k), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?!\w)")


def _phrase_mask(key: str, phrases: Optional["re.Pattern[str]"]) -> set[int]:
    if phrases is None:
        return set()
    masked: set[int] = set()
    for match in phrases.finditer(key):
        masked.update(range(match.start(), match.end()))
    return masked


def _placeholder_mask(text: str) -> set[int]:
    """Characters of the anonymizer's placeholders ("[Participant 1]", "[organization]")."""
    masked: set[int] = set()
    depth_start = None
    for index, char in enumerate(text):
        if char == "[":
            depth_start = index
        elif char == "]" and depth_start is not None:
            if index - depth_start <= 60:
                masked.update(range(depth_start, index + 1))
            depth_start = None
    return masked
