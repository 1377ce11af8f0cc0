"""The conference roster and the allow-list, with variant generation.

The roster is sensitive: entries live only in this object's memory, are never logged, and
``repr`` never shows them.  Variants are generated once, at construction, so matching a note
is a dictionary look-up per token rather than a scan of the roster.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Iterable

from nameparser import HumanName

from .french_bodies import is_public_body
from .vocab import nickname_table, STOP_PARTICLES, fold

_SPLIT = re.compile(r"[\s]+")
_ACRONYM_STOP = STOP_PARTICLES | {"-", "–", "&"}
# Trailing qualifiers that rapporteurs drop ("<Name> Canada" -> "<Name>").
_TRAILING_QUALIFIERS = {"canada", "canadá", "international", "internationale", "intl", "intl."}


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’:.-]+|&", text) if w.strip(".-")]


def _initial_letters(part: str) -> str:
    """'Anne-Laure' -> 'AL'; 'Jean-Paul' -> 'JP'."""
    return "".join(p[0] for p in re.split(r"[-]", part) if p).upper()


@dataclass
class RosterPerson:
    """One participant and the lookup keys derived from the name (kept in memory only)."""

    pid: int
    name: str
    affiliation: str
    first: list[str] = field(default_factory=list)   # folded first-name forms (incl. nicknames)
    surnames: list[str] = field(default_factory=list)  # folded surname forms
    initials: set[str] = field(default_factory=set)    # e.g. {"MJB", "MJ"}

    def __repr__(self) -> str:  # never reveal roster data in logs or tracebacks
        return f"RosterPerson(pid={self.pid})"


@dataclass
class RosterOrg:
    """One affiliation with its long, short and acronym forms (folded)."""

    oid: int
    name: str
    forms: set[str] = field(default_factory=set)        # folded multi-word / single distinctive forms
    acronyms: set[str] = field(default_factory=set)     # upper-case acronyms
    whole: set[str] = field(default_factory=set)        # folded full-name forms (no short forms)
    allowlisted: bool = False

    def __repr__(self) -> str:
        return f"RosterOrg(oid={self.oid}, allowlisted={self.allowlisted})"


class AllowList:
    """Public bodies and subject-matter terms that may stay when they are the subject of an idea."""

    def __init__(self, terms: Iterable[str] = ()):  # noqa: D107
        self.terms = [t.strip() for t in terms if t and t.strip()]
        self._folded = {fold(t) for t in self.terms}

    @classmethod
    def from_file(cls, path) -> "AllowList":
        """Read one term a line (blank lines and '#' comments ignored)."""
        with open(path, encoding="utf-8") as fh:
            return cls(line.strip() for line in fh if line.strip() and not line.startswith("#"))

    @classmethod
    def empty(cls) -> "AllowList":
        """An allow-list with no terms: every attributed body is removed, nothing is protected."""
        return cls([])

    def __contains__(self, text: str) -> bool:
        return fold(text.strip()) in self._folded

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"AllowList({len(self.terms)} terms)"


def name_parts(name: str) -> tuple[list[str], list[str]]:
    """Split 'Dr. Lucas de la Fuente' into given names ['Lucas'] and surname ['de la Fuente'].

    ``nameparser`` drops titles and keeps particles with the surname ("bin Rashid", "Ó Briain").
    """
    parsed = HumanName(name)
    given = f"{parsed.first} {parsed.middle}".split()
    if not given:
        toks = name.split()
        return (toks[:1] or [name]), ([" ".join(toks[1:])] if len(toks) > 1 else [])
    return given, ([parsed.last] if parsed.last else [])


def acronyms_of(words: list[str]) -> set[str]:
    """Acronyms a rapporteur may use for an organization name, e.g. 'BMA', 'CPRN-C', 'OSAPP'."""
    out: set[str] = set()
    content = [w for w in words if fold(w) not in _ACRONYM_STOP and w[0].isalpha()]
    caps = [w for w in content if w[0].isupper()]
    for seq in (content, caps):
        if len(seq) >= 2:
            out.add("".join(w[0] for w in seq).upper())
    # "<Words> Network - Canada" -> initials + "-C"
    if len(caps) >= 3 and fold(caps[-1]) in _TRAILING_QUALIFIERS:
        out.add("".join(w[0] for w in caps[:-1]).upper() + "-" + caps[-1][0].upper())
        out.add("".join(w[0] for w in caps[:-1]).upper())
    # words already in capitals ("ABC Canada" -> "ABC")
    for w in words:
        if len(w) >= 2 and w.isupper() and w.isalpha():
            out.add(w)
    return {a for a in out if len(a) >= 2}


class Roster:
    """Participants (name, affiliation) with every variant the matcher needs.

    Build with :meth:`from_csv`, :meth:`from_entries` or :meth:`empty`.  The allow-list is
    consulted later (by the engine) to mark which affiliations are public bodies.
    """

    def __init__(self, entries: Iterable[tuple[str, str]] = ()):  # noqa: D107
        self.people: list[RosterPerson] = []
        self.orgs: list[RosterOrg] = []
        org_index: dict[str, int] = {}
        for name, aff in entries:
            name = (name or "").strip()
            aff = (aff or "").strip()
            if aff and fold(aff) not in org_index:
                org_index[fold(aff)] = len(self.orgs)
                self.orgs.append(self._make_org(len(self.orgs), aff))
            if name:
                self.people.append(self._make_person(len(self.people), name, aff))
        self.person_org = {p.pid: org_index.get(fold(p.affiliation)) for p in self.people}

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def from_csv(cls, path) -> "Roster":
        """Read a ``name,affiliation`` CSV (header optional)."""
        rows = []
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                if not row or not row[0].strip():
                    continue
                if fold(row[0]) == "name" and len(row) > 1 and fold(row[1]) == "affiliation":
                    continue
                rows.append((row[0], row[1] if len(row) > 1 else ""))
        return cls(rows)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str]]) -> "Roster":
        """Build from ``(name, affiliation)`` pairs."""
        return cls(entries)

    @classmethod
    def empty(cls) -> "Roster":
        """No roster: the engine then relies on NER and context rules only."""
        return cls([])

    def __len__(self) -> int:
        return len(self.people)

    def __repr__(self) -> str:  # never print entries
        return f"Roster({len(self.people)} people, {len(self.orgs)} organizations)"

    @staticmethod
    def _make_person(pid: int, name: str, aff: str) -> RosterPerson:
        first, surname = name_parts(name)
        p = RosterPerson(pid, name, aff)
        first_full = " ".join(first)
        firsts = {fold(first_full)}
        if len(first) > 1:  # "Anna Maria" -> also "Anna"
            firsts.add(fold(first[0]))
        for f in list(firsts):
            if "-" in f:  # "Anne-Laure" -> "Anne Laure"
                firsts.add(f.replace("-", " "))
        for f in list(firsts):
            for nick in nickname_table().get(f, ()):
                firsts.add(nick)
            for full, nicks in nickname_table().items():  # "Will" registered -> "William", "Bill"
                if f in nicks:
                    firsts.add(full)
                    firsts.update(n for n in nicks if len(n) >= 3)
        # short forms rapporteurs invent: the first 3-4 letters ("Bartholomew" -> "Bar", "Bart")
        for f in [fold(first[0])]:
            base = f.split("-")[0]
            if len(base) >= 6:
                for k in (3, 4):
                    firsts.add(base[:k])
            elif len(base) == 5:
                firsts.add(base[:4])
        p.first = sorted(firsts)
        sur = set()
        for s in surname:
            sur.add(fold(s))
            sur.add(fold(s).replace("-", " "))
            if "-" in s:  # a double-barrelled surname: its first part alone
                sur.add(fold(s.split("-")[0]))
            toks = s.split()
            if len(toks) > 1:  # "de la Fuente" -> "Fuente"; "bin Rashid" -> "Rashid"
                sur.add(fold(toks[-1]))
                # a particle-led surname: its first non-particle word
                core = [t for t in toks if fold(t) not in STOP_PARTICLES]
                if core:
                    sur.add(fold(core[0]))
        p.surnames = sorted(sur)
        # initials: first-name letters (hyphen parts) + surname letters
        fl = "".join(_initial_letters(f) for f in first)
        fl_short = _initial_letters(first[0])
        sl = "".join(_initial_letters(s) for s in surname[0].split() if fold(s) not in STOP_PARTICLES) if surname else ""
        inits = {fl + sl, fl_short + sl}
        if len(first) > 1 or "-" in first[0]:
            inits.add(fl)  # "MJ", "JF"
        # nickname initials ("Ted Morrow" -> "TM")
        for f in p.first:
            if len(f) >= 3 and " " not in f and sl:
                inits.add(f[0].upper() + sl)
        p.initials = {i for i in inits if len(i) >= 2}
        return p

    @staticmethod
    def _make_org(oid: int, aff: str) -> RosterOrg:
        o = RosterOrg(oid, aff)
        o.forms, o.acronyms = org_variants(aff)
        o.whole = whole_forms(aff)
        return o

    def mark_allowlisted(self, allow: AllowList) -> None:
        """Flag affiliations that are public bodies, on the allow-list or not (kept when subject matter): a
        witness from the Senate does not make every "Senate" in the transcript hers."""
        for o in self.orgs:
            o.allowlisted = any(f in allow._folded for f in o.forms | {fold(o.name)}) or any(
                fold(a) in allow._folded for a in o.acronyms) or is_public_body(o.name)


def whole_forms(name: str) -> set[str]:
    """Folded full forms of an organization name: as written, without a parenthesis or a
    dash-separated tail, and without trailing qualifiers ("Canada", "International")."""
    main = re.sub(r"\s*\([^)]*\)", "", name).strip()
    out = set()
    for piece in (main, re.split(r"\s+[-–]\s+", main)[0]):
        words = _words(piece)
        while words:
            out.add(fold(" ".join(words)))
            if len(words) > 1 and fold(words[-1]) in _TRAILING_QUALIFIERS:
                words = words[:-1]
                continue
            break
    return {f for f in out if f} | {f.replace("'s", "s").replace("'", "") for f in out if f}


def org_variants(name: str) -> tuple[set[str], set[str]]:
    """Folded long/short forms and acronyms a rapporteur may use for an organization name.

    "<Words> Circle of <Place>" -> "<words> circle", ...; "<Words> Network - Canada" -> its
    initials with and without "-C"; "University of X" -> "uX".
    Acronyms come only from the whole name (and its trimmed forms), never from comma pieces,
    which would invent short acronyms that collide with initials.
    """
    forms: set[str] = set()
    acr: set[str] = set()
    main = re.sub(r"\s*\([^)]*\)", "", name).strip()
    no_dash = re.split(r"\s+[-–]\s+", main)[0]
    whole_forms = [main, no_dash]
    pieces = whole_forms + [p.strip() for p in main.split(",") if p.strip()]
    for k, piece in enumerate(pieces):
        words = _words(piece)
        if not words:
            continue
        is_whole = k < len(whole_forms)
        forms.add(fold(" ".join(words)))
        if is_whole:
            acr |= acronyms_of(words)
        trimmed = list(words)
        while len(trimmed) > 1 and fold(trimmed[-1]) in _TRAILING_QUALIFIERS:
            trimmed = trimmed[:-1]
            forms.add(fold(" ".join(trimmed)))
            if is_whole:
                acr |= acronyms_of(trimmed)
        # "X of <Place>" / "X de <Place>" / "X pour la paix": keep the head before the particle
        for i in range(2, len(trimmed)):
            if fold(trimmed[i]) in STOP_PARTICLES:
                forms.add(fold(" ".join(trimmed[:i])))
        # prefixes of two words or more (the index keeps only those with a distinctive word)
        for i in range(2, len(trimmed)):
            if fold(trimmed[i - 1]) not in STOP_PARTICLES:
                forms.add(fold(" ".join(trimmed[:i])))
        if len(trimmed) >= 4:
            forms.add(fold(" ".join(trimmed[:-1])))
        m = re.match(r"(?i)(university|université) (?:of |de |du |d')?(.+)$", " ".join(words))
        if m:
            forms.add("u" + fold(m.group(2)).replace(" ", ""))
            forms.add(fold(m.group(2)))
        m = re.match(r"(?i)(.+) (university|université)$", " ".join(words))
        if m:
            forms.add(fold(m.group(1)))
    forms |= {f.replace("'s", "s").replace("'", "") for f in forms}
    return {f for f in forms if f}, {a for a in acr if len(a) >= 2}
