"""The one roster index: every name variant and affiliation form of a (roster, allow-list) pair.

Built once per engine. Names are looked up per word (folded key) and per run of words;
organization forms (roster affiliations and allow-listed bodies) are matched with a spaCy
``PhraseMatcher`` over the words of the folded text (separators left out); small
typos go through ``rapidfuzz`` (optimal string alignment distance 1: insert, delete, substitute
or swap one letter). Affiliations give their full forms, acronyms and distinctive words, never
a run of ordinary words: "Women, Peace and Security Network" yields neither "women" nor
"peace and security", so the conference's own subject matter is never removed because it is
part of a participant's organization name.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from rapidfuzz import process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from rapidfuzz.distance import OSA

from .gazetteer import is_demonym
from .lexicon import PLACE_WORDS
from .roster import AllowList, Roster, name_parts
from .vocab import COMMON_ACRONYMS, COMMON_PHRASES, nickname_table, ORG_HEADS, STOP_PARTICLES, common_words, fold
from .wordclass import placeish, rwords


class RosterIndex:
    """Dictionary look-ups for every roster name variant and affiliation form."""

    def __init__(self, roster: Roster, allow: AllowList):  # noqa: D107
        self.roster = roster
        self.allow = allow
        roster.mark_allowlisted(allow)
        self.common = common_words()
        self.full: dict[tuple[str, ...], int] = {}
        self.single: dict[str, set[int]] = {}
        self.single_kind: dict[tuple[str, int], str] = {}
        self.prefix: dict[str, set[int]] = {}
        self.initials: dict[str, set[int]] = {}
        self.typo_targets: list[str] = []
        for p in roster.people:
            self._index_person(p)
        self.typo_targets = sorted(set(self.typo_targets))
        self.org_forms: dict[str, tuple[int, bool]] = {}
        self.org_acronyms: dict[str, tuple[int, bool]] = {}
        for o in roster.orgs:
            self._index_org(o)
        self.allow_forms: set[str] = set(allow._folded)
        self.derived_acronyms: dict[str, str] = {}
        self._index_allow_list(allow)
        self.org_words: dict[str, int] = {}
        # a word of the allow-list's subject terms ("Peacekeeping") or a demonym ("African") names no one group
        self.subject_words = {fold(w) for t in allow.terms for w in rwords(t)}
        for o in roster.orgs:
            if not o.allowlisted:
                self._index_org_words(o)
        self._org_matcher = self._compile_orgs()
        self.full_first = {k[0] for k in self.full}

    # ---- people ---------------------------------------------------------------------
    def _index_person(self, p) -> None:
        firsts = p.first
        originals = _orig_firsts(p)
        for f in firsts:
            if len(f) <= 4 and f not in all_nicknames() and f not in originals:
                self.prefix.setdefault(f, set()).add(p.pid)  # an invented short form ("Bart")
                continue
            self.single.setdefault(f, set()).add(p.pid)
            self.single_kind[(f, p.pid)] = "first name" if f in originals else "nickname"
        for s in p.surnames:
            self.single.setdefault(s, set()).add(p.pid)
            self.single_kind[(s, p.pid)] = "surname"
        for f in firsts:
            for s in p.surnames:
                self.full[tuple(f.split()) + tuple(s.split())] = p.pid
                self.full[tuple(f.split()) + (s[0],)] = p.pid  # "Jo K."
                self.full[(f[0],) + tuple(s.split())] = p.pid  # "J. Kowalski"
        self.full[tuple(fold(p.name).split())] = p.pid
        for ini in p.initials:
            self.initials.setdefault(ini, set()).add(p.pid)
        self.typo_targets += [t for t in set(firsts) | set(p.surnames) if len(t) >= 5 and " " not in t]

    def typo_of(self, key: str) -> Optional[str]:
        """A roster name part within one edit (insert, delete, substitute, swap) of *key*."""
        if len(key) < 5 or not self.typo_targets:
            return None
        hit = process.extractOne(key, self.typo_targets, scorer=OSA.distance, score_cutoff=1)
        return hit[0] if hit else None

    # ---- organizations ------------------------------------------------------------------
    def _index_org(self, o) -> None:
        for f in o.forms:
            if self._usable_form(f, f in o.whole):
                self.org_forms.setdefault(f, (o.oid, f in self.allow._folded or o.allowlisted))
        for a in o.acronyms:
            if len(a) >= 2 and a not in COMMON_ACRONYMS:
                self.org_acronyms.setdefault(a, (o.oid, fold(a) in self.allow._folded or o.allowlisted))

    def _usable_form(self, form: str, whole: bool) -> bool:
        """A form that names this organization and nothing else.

        The full name as listed is used unless it is a place, an allow-listed or common phrase
        or one ordinary word; a shorter form needs a distinctive word: never a run of ordinary
        words or a place ("women", "peace and security", "New York").
        """
        words = form.split()
        content = [w for w in words if w not in STOP_PARTICLES]
        if not content or form in PLACE_WORDS or form in self.allow._folded or form in COMMON_PHRASES:
            return False
        if len(words) == 1:
            return not (form in self.common or placeish(form) or form in ORG_HEADS or len(form) < 4)
        if whole:
            return True
        if all(w in ORG_HEADS for w in content):
            return False
        return any(w not in self.common and not placeish(w) and w not in ORG_HEADS
                   and not self._in_place_name(w, words) for w in content)

    @staticmethod
    def _in_place_name(word: str, words: list[str]) -> bool:
        """'york' in 'new york university': part of a multi-word place inside the name."""
        for i in range(len(words) - 1):
            for j in (i + 2, i + 3):
                if " ".join(words[i:j]) in PLACE_WORDS and word in words[i:j]:
                    return True
        return False

    def _index_allow_list(self, allow: AllowList) -> None:
        """Allow-listed bodies: literal forms, short forms ("Pêches et Océans") and derived initials."""
        allow_words = {w for t in allow.terms for w in re.findall(r"[\w'-]+", t)}
        for t in allow.terms:
            words = rwords(t)
            if len(words) < 2:
                continue
            trimmed = list(words)
            while len(trimmed) > 1 and fold(trimmed[-1]) in {"canada", "canadá"}:
                trimmed = trimmed[:-1]
                if len(trimmed) >= 2 or fold(trimmed[0]) not in self.common:
                    self.allow_forms.add(fold(" ".join(trimmed)))
            for seq in (words, trimmed):
                content = [w for w in seq if fold(w) not in STOP_PARTICLES and w[:1].isalpha() and not w.isupper()]
                if len(content) >= 2:
                    a = "".join(w[0] for w in content).upper()
                    if fold(a) not in allow._folded and a not in allow_words and a not in COMMON_ACRONYMS:
                        self.derived_acronyms.setdefault(a, t)

    def _index_org_words(self, o) -> None:
        """Distinctive single words of a participant organization ("Bluewater"): capitalised in the
        name, not ordinary words, places, nationalities, or part of a place name ("York")."""
        words = rwords(re.sub(r"\([^)]*\)", "", o.name))
        folded = [fold(w) for w in words]
        for w, fw in zip(words, folded):
            if (len(fw) >= 4 and w[0].isupper() and fw not in self.common and not placeish(fw)
                    and fw not in self.subject_words and not is_demonym(fw)
                    and fw not in ORG_HEADS and fw not in STOP_PARTICLES and fw.upper() not in COMMON_ACRONYMS
                    and not self._in_place_name(fw, folded)):
                self.org_words.setdefault(fw, o.oid)

    def _compile_orgs(self):
        """A spaCy ``PhraseMatcher`` over the words of the folded text (folded forms on both sides), separators
        (commas, hyphens, dashes, ampersands, spaces) left out on both sides, so "Women, Peace and
        Security Network" matches the form written without commas."""
        forms = sorted(f for f in set(self.org_forms) | self.allow_forms if f)
        if not forms:
            return None
        vocab = _vocab()
        matcher = PhraseMatcher(vocab, attr="ORTH")  # both sides are folded already
        for f in forms:
            words = [m.group() for m in _TOKEN.finditer(f)]
            if words:
                matcher.add(f, [Doc(vocab, words=words)])
        return matcher

    def org_matches(self, ftext: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of organization forms in a folded text: longest first, never
        overlapping, never inside an e-mail address or a web address."""
        if self._org_matcher is None:
            return []
        tokens = list(_TOKEN.finditer(ftext))
        if not tokens:
            return []
        doc = Doc(_vocab(), words=[m.group() for m in tokens])
        found = filter_spans([Span(doc, s, e, label=match_id) for match_id, s, e in self._org_matcher(doc)])
        out = []
        for sp in found:
            start, end = tokens[sp.start].start(), tokens[sp.end - 1].end()
            if start and ftext[start - 1] in "@.":
                continue
            if end < len(ftext) and ftext[end] == "@":
                continue
            out.append((start, end, sp.label_))
        return out


# words and single punctuation marks; separators between words are not tokens
_TOKEN = re.compile(r"\w+|[^\w\s,&\-–—]")


@functools.lru_cache(maxsize=1)
def _vocab():
    """A blank spaCy vocabulary shared by the organization matchers."""
    from spacy.vocab import Vocab

    return Vocab()


@functools.lru_cache(maxsize=1)
def all_nicknames() -> frozenset[str]:
    """Every full name and nickname of the nickname table."""
    out: set[str] = set()
    for full, nicks in nickname_table().items():
        out.add(full)
        out.update(nicks)
    return frozenset(out)


def _orig_firsts(p) -> set[str]:
    """The given name(s) as written on the roster (folded), whole and first part."""
    first, _ = name_parts(p.name)
    out = {fold(" ".join(first)), fold(first[0])}
    return out | {x.replace("-", " ") for x in out}
