"""Canary notes: invented people in many spellings, to show what the anonymizer lets through.

    python -m anonymizer.canary [--n-people 20] [--seed 0] [--out DIR] [--show N]

Writes ``len(SPELLINGS)`` notes per invented person (400 for 20 people), each carrying one
spelling of the person's name or affiliation, the person's phone number and one subject-matter
sentence; half of the people are on the roster (the roster CSV is written next to the notes).
Runs the anonymizer and prints, per spelling kind, how many outputs still show the name, the
affiliation or the phone number, after folding case and accents, removing invisible characters,
joining words hyphenated across lines and mapping look-alike letters back to Latin; and how many
lost their subject-matter sentence.  Exit status 1 when anything survives.

People come from Faker's per-locale name lists (MIT licence) with a fixed seed; organizations are
made of invented syllables; phone numbers are valid numbers (checked with ``phonenumbers``) from
Canada, the United Kingdom, France, Kenya and Liberia, the first three in ranges reserved for fiction.
Nothing here comes from any corpus.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

LOCALES = ["fr_CA", "en_GB", "ga_IE", "en_IN", "en_KE", "yo_NG", "ig_NG", "tw_GH", "zu_ZA", "es_CO",
           "es_MX", "pt_BR", "de_DE", "nl_NL", "pl_PL", "tr_TR", "fr_DZ", "en_PK", "id_ID", "fi_FI"]
PARTICLES = {"van", "von", "der", "den", "del", "della", "des", "mac", "mc", "ó", "ní", "da", "de", "do",
             "dos", "das", "le", "la", "bin", "ibn", "al", "el"}
ORG_HEADS = ["bran", "cor", "dal", "fen", "gil", "har", "kes", "lin", "mor", "nor", "quil", "ros", "tam",
             "vel", "wyn", "zel", "ash", "bel", "cal", "dun"]
ORG_TAILS = ["wick", "mere", "ford", "holm", "stead", "brook", "haven", "moor", "gate", "thorpe"]
ORG_KINDS = ["Women's Alliance", "Peace Collective", "Community Trust", "Rights Network", "Justice Circle",
             "Safety Society", "Mediation Forum", "Solidarity Fund", "Healing Lodge", "Youth Coalition"]
REGIONS = ["CA", "GB", "FR", "KE", "LR"]
# Latin letters and the Cyrillic letters that look the same (Unicode confusables, by hand).
LOOKALIKES = dict(zip("aceopxyijsABCEHIJKMOPSTXY", "асеорхуіјѕАВСЕНІЈКМОРЅТХУ"))
_GREEK = dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΧΥΖαοι", "ABEHIKMNOPTXYZaoi"))
_BACK = str.maketrans({**{v: k for k, v in LOOKALIKES.items()}, **_GREEK})

SUBJECTS = [
    "The group wants the next national action plan to fund rural shelters for five years.",
    "Canada should report to Parliament on Resolution 1325 every year.",
    "Women, peace and security must stay a whole-of-government commitment.",
    "Participants asked for progress reports in English and French on the same day.",
    "UN Women could help design outcome indicators with a 2023 baseline.",
    "Peacekeeping training should include a module on sexual exploitation and abuse.",
    "Funding for women's rights organizations should be core and multi-year.",
    "The plan should name climate and security as an emerging issue.",
    "Online violence against women human rights defenders needs its own pillar.",
    "A civil-society seat on the steering committee would improve accountability.",
    "Indigenous women should be partners in the plan, not beneficiaries.",
    "The benchmarking annex should compare the plan with those of Ireland and Norway.",
    "Thirty percent of humanitarian funding should go through local partners by 2026.",
    "An NGO coalition could monitor the targets independently.",
    "Refugee women need interpreters of their choice at every hearing.",
    "The mid-term review should be published in full.",
    "Gender advisers should deploy with the armed forces at home as well as abroad.",
    "Community mediation by women deserves a small-grants window.",
    "Data should be disaggregated by sex, age and disability.",
    "The New York negotiations on the next resolution should include civil society.",
]
NAME_FRAMES = ["{x} said the shelters need core funding.", "According to {x}, the targets are too vague.",
               "{x} asked for the report in plain language.", "Action: {x} to circulate the draft by Friday."]


@dataclass(frozen=True)
class Person:
    """An invented participant: name parts, affiliation, its distinctive word, a phone number."""

    given: str
    surname: str
    affiliation: str
    org_word: str
    phone: str  # E.164
    on_roster: bool

    @property
    def name(self) -> str:
        """Given name and surname."""
        return f"{self.given} {self.surname}"


@dataclass(frozen=True)
class CanaryNote:
    """One generated note and what it carries."""

    id: str
    kind: str
    person: Person
    text: str
    subject: str
    has_name: bool
    has_affiliation: bool


def _phone(rng: random.Random, region: str) -> str:
    """A valid number of *region* in E.164 form (fiction ranges where a country has one)."""
    makers = {
        "CA": lambda: f"+1613555{rng.randint(100, 199):04d}",
        "GB": lambda: f"+44207946{rng.randint(0, 999):04d}",
        "FR": lambda: f"+3319900{rng.randint(0, 9999):04d}",
        "KE": lambda: f"+2547{rng.choice('12')}{rng.randint(0, 9999999):07d}",
        "LR": lambda: f"+23177{rng.randint(0, 9999999):07d}",
    }
    while True:
        number = makers[region]()
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number


def _usable(part: str) -> bool:
    """Name parts the spellings can work with: Latin letters, at least three of them."""
    return len(part) >= 3 and all(unicodedata.name(ch, "").startswith("LATIN") or ch in " -'" for ch in part)


def make_people(n: int = 20, seed: int = 0) -> list[Person]:
    """*n* invented people from Faker's locales, organizations and phones, reproducible by *seed*."""
    from faker import Faker  # a development dependency: only the canary needs it

    rng = random.Random(seed)
    people: list[Person] = []
    seen: set[str] = set()
    for i in range(n):
        fake = Faker(LOCALES[i % len(LOCALES)])
        fake.seed_instance(seed * 1000 + i)
        given, surname = fake.first_name(), fake.last_name()
        while not (_usable(given) and _usable(surname)) or given.lower() in seen or surname.lower() in seen:
            given, surname = fake.first_name(), fake.last_name()
        seen.update({given.lower(), surname.lower()})
        word = (ORG_HEADS[(i + seed) % len(ORG_HEADS)] + ORG_TAILS[rng.randrange(len(ORG_TAILS))]).capitalize()
        affiliation = f"{word} {ORG_KINDS[i % len(ORG_KINDS)]}"
        people.append(Person(given, surname, affiliation, word, _phone(rng, REGIONS[i % len(REGIONS)]), i % 2 == 0))
    return people


def _inside(word: str, mark: str) -> str:
    """Put an invisible *mark* in the middle of every word of *word*."""
    return " ".join(w[: len(w) // 2] + mark + w[len(w) // 2:] if len(w) > 2 else w for w in word.split(" "))


def _lookalike(text: str) -> str:
    """Replace the first, third, fifth... replaceable letter by its Cyrillic look-alike."""
    out, seen = [], 0
    for ch in text:
        if ch in LOOKALIKES:
            out.append(LOOKALIKES[ch] if seen % 2 == 0 else ch)
            seen += 1
        else:
            out.append(ch)
    return "".join(out)


def _slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens (for URLs and e-mail addresses)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _break(p: Person) -> str:
    cut = max(2, len(p.surname) // 2)
    return f"{p.given} {p.surname[:cut]}-\n{p.surname[cut:]}"


# kind -> (fragment builder, frame or None for the name frames, carries name, carries affiliation)
SPELLINGS = {
    "plain": (lambda p: p.name, None, True, False),
    "capitals": (lambda p: p.name.upper(), None, True, False),
    "lower case": (lambda p: p.name.lower(), None, True, False),
    "surname only": (lambda p: p.surname, None, True, False),
    "possessive": (lambda p: f"{p.name}'s", "{x} proposal was adopted by the group.", True, False),
    "initials": (lambda p: f"{p.given[0]}.{p.surname[0]}.", None, True, False),
    "zero-width space": (lambda p: _inside(p.name, "\u200b"), None, True, False),
    "soft hyphen": (lambda p: _inside(p.name, "\u00ad"), None, True, False),
    "look-alike letters": (lambda p: _lookalike(p.name), None, True, False),
    "across a line break": (lambda p: f"{p.given}\n{p.surname}", None, True, False),
    "hyphen at line break": (_break, None, True, False),
    "in a URL": (lambda p: f"https://www.{_slug(p.org_word)}.org/team/{_slug(p.name)}",
                 "Slides are at {x} for anyone interested.", True, False),
    "in an e-mail": (lambda p: f"{_slug(p.name).replace('-', '.')}@{_slug(p.org_word)}.org",
                     "Questions to {x} please.", True, False),
    "Name (Affiliation)": (lambda p: f"{p.name} ({p.affiliation})", None, True, True),
    "the Affiliation rep": (lambda p: f"the {p.affiliation} rep", "Later {x} said the budget is too small.", False, True),
    "affiliation capitals": (lambda p: p.affiliation.upper(), "Someone from the {x} said the budget is too small.",
                             False, True),
    "affiliation lower case": (lambda p: p.affiliation.lower(), "Someone from the {x} said the budget is too small.",
                               False, True),
    "affiliation look-alikes": (lambda p: _lookalike(p.affiliation), "Someone from the {x} said the budget is too small.",
                                False, True),
    "affiliation zero-width": (lambda p: _inside(p.affiliation, "\u200b"), "Someone from the {x} said the budget is too small.",
                               False, True),
    "SURNAME, Given": (lambda p: f"{p.surname.upper()}, {p.given}", "{x}: the budget must grow.", True, False),
}
_FORMATS = [phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL,
            phonenumbers.PhoneNumberFormat.E164]


def make_notes(people: list[Person]) -> list[CanaryNote]:
    """Every person in every spelling: one note each (subject sentence, carrier, phone)."""
    notes = []
    for pi, person in enumerate(people):
        for ki, (kind, (build, frame, has_name, has_aff)) in enumerate(SPELLINGS.items()):
            frame = frame or NAME_FRAMES[(pi + ki) % len(NAME_FRAMES)]
            subject = SUBJECTS[(pi * 7 + ki) % len(SUBJECTS)]
            number = phonenumbers.parse(person.phone)
            phone = phonenumbers.format_number(number, _FORMATS[(pi + ki) % len(_FORMATS)])
            text = f"{subject}\n{frame.format(x=build(person))} Reach them at {phone}."
            notes.append(CanaryNote(f"canary-{pi:02d}-{ki:02d}", kind, person, text, subject, has_name, has_aff))
    return notes


def fold(text: str) -> str:
    """What a reader sees: no invisible characters, joined line-break hyphens, Latin letters, no case or accents."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.translate(_BACK)
    text = re.sub(r"-\s*\n\s*", "", text)
    text = re.sub(r"\s+", " ", text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text.casefold()


def _shows(needle: str, folded: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])", folded) is not None


def _name_needles(note: CanaryNote) -> list[str]:
    """The folded name parts this note's input actually contains (initials for the initials spelling)."""
    if note.kind == "initials":
        return [fold(f"{note.person.given[0]}.{note.person.surname[0]}.")]
    folded_input = fold(note.text)
    parts = re.split(r"[\s\-']+", fold(note.person.name))
    return [w for w in parts if len(w) >= 3 and w not in PARTICLES and _shows(w, folded_input)]


def _phone_shows(person: Person, output: str) -> bool:
    tail = phonenumbers.national_significant_number(phonenumbers.parse(person.phone))[-7:]
    runs = re.findall(r"\+?\d[\d\s().\-]{5,}\d", output)
    return any(tail in re.sub(r"\D", "", run) for run in runs)


def survivors(note: CanaryNote, output: str) -> set[str]:
    """Which of 'name', 'affiliation', 'phone' the anonymized *output* still shows."""
    folded, found = fold(output), set()
    if note.has_name and any(_shows(w, folded) for w in _name_needles(note)):
        found.add("name")
    if note.has_affiliation and _shows(fold(note.person.org_word), folded):
        found.add("affiliation")
    if _phone_shows(note.person, fold(output)):
        found.add("phone")
    return found


def write_roster(people: list[Person], path: Path) -> Path:
    """The registration list: the people flagged ``on_roster``, as ``name,affiliation``."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "affiliation"])
        writer.writerows([p.name, p.affiliation] for p in people if p.on_roster)
    return path


def anonymize_all(engine, notes: list[CanaryNote]) -> list[str]:
    """The anonymized text of every note (batched when the engine can)."""
    texts = [n.text for n in notes]
    if hasattr(engine, "anonymize_many"):
        return [r.text for r in engine.anonymize_many(texts)]
    return [engine.anonymize(t).text for t in texts]


def tally(notes: list[CanaryNote], outputs: list[str]) -> dict[str, dict[str, int]]:
    """Per spelling kind: notes, survivors by what survived, any survivor, subject sentences lost."""
    rows: dict[str, dict[str, int]] = {}
    for note, out in zip(notes, outputs):
        row = rows.setdefault(note.kind, {"notes": 0, "name": 0, "affiliation": 0, "phone": 0, "any": 0,
                                          "subject lost": 0})
        found = survivors(note, out)
        row["notes"] += 1
        for key in found:
            row[key] += 1
        row["any"] += bool(found)
        row["subject lost"] += note.subject not in out
    return rows


def format_table(rows: dict[str, dict[str, int]]) -> str:
    """The per-kind table and a total line."""
    cols = ["notes", "name", "affiliation", "phone", "any", "subject lost"]
    lines = [f"{'spelling':<24}" + "".join(f"{c:>13}" for c in cols)]
    total = {c: 0 for c in cols}
    for kind, row in rows.items():
        lines.append(f"{kind:<24}" + "".join(f"{row[c]:>13}" for c in cols))
        for c in cols:
            total[c] += row[c]
    lines.append(f"{'TOTAL':<24}" + "".join(f"{total[c]:>13}" for c in cols))
    return "\n".join(lines)


def _build_engine(args, roster_csv: Path):
    from . import AllowList, AnonymizerEngine, Roster, load_pipelines

    return AnonymizerEngine(load_pipelines(args.model_en, args.model_fr), roster=Roster.from_csv(str(roster_csv)),
                            allowlist=AllowList.empty())


def main(argv=None) -> int:
    """Generate, anonymize, report; 1 when any name, affiliation or phone survives."""
    ap = argparse.ArgumentParser(prog="python -m anonymizer.canary", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n-people", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="build/canary", help="folder for notes.txt and roster.csv")
    ap.add_argument("--show", type=int, default=0, help="print up to N surviving outputs (invented data only)")
    ap.add_argument("--model-en", default=None)
    ap.add_argument("--model-fr", default=None)
    args = ap.parse_args(argv)
    people = make_people(args.n_people, args.seed)
    notes = make_notes(people)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    roster_csv = write_roster(people, out_dir / "roster.csv")
    (out_dir / "notes.txt").write_text("".join(f"=== {n.id} | {n.kind}\n{n.text}\n\n" for n in notes), encoding="utf-8")
    outputs = anonymize_all(_build_engine(args, roster_csv), notes)
    rows = tally(notes, outputs)
    print(f"{len(notes)} canary notes, {len(people)} invented people ({sum(p.on_roster for p in people)} on the roster)")
    print(format_table(rows))
    shown = 0
    for note, out in zip(notes, outputs):
        found = survivors(note, out)
        if found and shown < args.show:
            shown += 1
            print(f"--- {note.id} [{note.kind}] {sorted(found)}\n{out}")
    return 1 if any(r["any"] for r in rows.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
