"""Synthetic breakout notes and transcripts with gold spans, for training the domain span model.

Notes are about a consultation on Canada's National Action Plan on Women, Peace and Security, in
English and French, in many styles (prose, bullets, transcripts, witness lists, minutes, mixed
languages, lower case, capitals). Labels follow the corpus SPEC: PERSON, ORG (affiliation, or any
civil-society organization), ROLE (a title singling out one person), PLACE (a speaker's origin).
Half the sentences are negatives: the same public bodies and places as subject matter, generic roles,
figures, resolutions, sentence-initial French words and contractions, all left unlabelled.

Every name and organization is generated (Faker's lists, hand lists, compositional inventions);
nothing comes from the project's dev corpus or any evaluation set.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .fillers import VOWELS, Fillers, Segs
from .lexicon import load_lexicon

SLOT = re.compile(r"\{([A-Z]+)\}")
STYLES = ["prose", "prose", "bullets", "transcript", "witnesses", "minutes", "qa", "mixed"]


@dataclass
class Note:
    """One synthetic note: its text, language and gold spans (start, end, label)."""

    text: str
    lang: str
    spans: list[tuple[int, int, str]]


class NoteWriter:
    """Renders templates into segments for one language."""

    def __init__(self, lang: str, rng: random.Random, seed: int = 0):  # noqa: D107
        self.lang, self.rng = lang, rng
        self.lex = load_lexicon(seed)
        self.f = Fillers(self.lex, lang, rng)
        self.t = self.lex.templates[lang]
        self.v = self.lex.vocab[lang]

    def slot(self, name: str) -> Segs:
        """Fill one slot."""
        f, v = self.f, self.v
        table = {
            "P": f.person, "W": f.word_name, "O": f.affiliation, "R": f.role, "RA": f.abbrev,
            "MC": f.address, "D": f.demonym, "DN": f.resident, "L": f.place,
            "OA": lambda: [(f.body(acronym=True), "ORG")], "CSO": lambda: [(f.cso(), "ORG")],
            "OS": lambda: [(f.pick(v["short_body"]), "ORG")], "RT": lambda: [(f.title(), "ROLE")],
            "B": lambda: [(f.body(), None)], "BA": lambda: [(f.body(acronym=True), None)],
            "C": lambda: [(f.country(), None)], "G": lambda: [(f.pick(v["generic"]), None)],
            "N": lambda: [(f.figure(), None)], "Y": lambda: [(str(self.rng.randint(2020, 2035)), None)],
            "U": lambda: [(f.pick(v["resolution"]), None)], "T": lambda: [(f.pick(v["theme"]), None)],
            "V": lambda: [(f.pick(v["speech"]), None)], "PR": lambda: [(f.programme(), None)],
            "PRA": lambda: [(f.programme_acronym(), None)], "EV": lambda: [(f.event(), None)],
            "DEM": lambda: [(f.demonym()[0][0], None)], "CITY": lambda: [(f.city(), None)], "I": lambda: self.render(f.pick(self.t["idea"])),
        }
        return table[name]()

    def render(self, template: str) -> Segs:
        """Template text -> segments."""
        segs: Segs = []
        pos = 0
        for m in SLOT.finditer(template):
            segs.append((template[pos:m.start()], None))
            segs.extend(self.slot(m.group(1)))
            pos = m.end()
        segs.append((template[pos:], None))
        return _french_elisions(segs) if self.lang == "fr" else segs

    def sentence(self, negative: bool | None = None) -> Segs:
        """One sentence, attributed (labels) or neutral (subject matter only), capitalized."""
        if negative is None:
            negative = self.rng.random() < 0.5
        segs = self.render(self.f.pick(self.t["neutral" if negative else "attrib"]))
        return _capitalize_first(segs)


def _french_elisions(segs: Segs) -> Segs:
    """'de le' -> 'du', 'à le' -> 'au', 'de Affaires' -> "d'Affaires", 'que il' -> "qu'il" across segments."""
    out: Segs = []
    for text, label in segs:
        if out and out[-1][1] is None:
            prev = out[-1][0]
            for a, b, c in ((r"\bde $", r"^le ", "du "), (r"\bde $", r"^les ", "des "),
                            (r"\bà $", r"^le ", "au "), (r"\bà $", r"^les ", "aux ")):
                if label is None and re.search(a, prev) and re.match(b, text):
                    prev, text = re.sub(a, "", prev), re.sub(b, c, text)
            if text[:1] and text[0] in VOWELS and re.search(r"\b(de|que|le|la) $", prev):
                prev = re.sub(r"\b(de|que|le|la) $", lambda m: ("l" if m.group(1) in ("le", "la") else m.group(1)[:-1]) + "'", prev)
            out[-1] = (prev, None)
        out.append((text, label))
    return [(t, lab) for t, lab in out if t]


def _capitalize_first(segs: Segs) -> Segs:
    """Upper-case the first letter of a sentence (length unchanged)."""
    for i, (text, label) in enumerate(segs):
        if text.strip():
            j = len(text) - len(text.lstrip())
            segs[i] = (text[:j] + text[j].upper() + text[j + 1:], label)
            break
    return segs


def _lines(writer: NoteWriter, style: str, n: int) -> list[Segs]:
    """The lines of a note in one style."""
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    if style == "bullets":
        mark = rng.choice(["- ", "* ", "• ", "-- "])
        return [[(mark, None)] + _drop_period(writer.sentence(), rng) for _ in range(n)]
    if style in ("transcript", "qa"):
        out = []
        for _ in range(n):
            who = f.speaker() if rng.random() < 0.75 else (f.role() if rng.random() < 0.5 else
                                                          [(rng.choice(["Facilitator", "Rapporteur", "Q", "A"]), None)])
            if style == "qa" and rng.random() < 0.5:
                who = [("Q (", None)] + f.speaker() + [(", ", None)] + f.affiliation() + [(")", None)]
            who = _capitalize_first(list(who))
            out.append(who + [(" : " if fr and rng.random() < 0.6 else ": ", None)] + writer.sentence())
        return out
    if style == "witnesses":
        head = [[("Témoins" if fr else rng.choice(["Witnesses", "WITNESSES", "Panel"]), None)]]
        rows = [(f.speaker() + [(", ", None)] if rng.random() < 0.8 else []) + [(f.title(), "ROLE"), (", ", None)]
                + f.affiliation() for _ in range(rng.randint(2, 5))]
        return head + rows + [writer.sentence() for _ in range(max(1, n - len(rows)))]
    if style == "minutes":
        present = [("Présents : " if fr else "Present: ", None)]
        for i in range(rng.randint(2, 4)):
            present += ([(", ", None)] if i else []) + f.speaker()
            if rng.random() < 0.4:
                present += [(" (", None)] + f.affiliation() + [(")", None)]
        actions = [[("Suivi : " if fr else rng.choice(["Action: ", "ACTION - ", "AI: "]), None)]
                   + rng.choice([f.speaker, f.word_name, f.role])()
                   + [(" fera circuler la note sur " if fr else " to circulate the note on ", None),
                      (f.pick(writer.v["theme"]), None)] for _ in range(rng.randint(1, 3))]
        return [present] + [writer.sentence() for _ in range(n)] + actions
    return [writer.sentence() for _ in range(n)]


def _drop_period(segs: Segs, rng: random.Random) -> Segs:
    """Shorthand bullets often drop the final period."""
    text, label = segs[-1]
    if label is None and text.endswith(".") and rng.random() < 0.5:
        segs[-1] = (text[:-1], None)
    return segs


def make_note(rng: random.Random, lang: str, seed: int = 0, other: NoteWriter | None = None) -> Note:
    """One note in a random style; ``other`` (a writer in the other language) mixes languages."""
    writer = NoteWriter(lang, rng, seed)
    style = rng.choice(STYLES)
    n = rng.randint(3, 9)
    if style == "mixed" and other is not None:
        lines = [(other if rng.random() < 0.35 else writer).sentence() for _ in range(n)]
    else:
        lines = _lines(writer, style, n)
    sep = "\n" if style != "prose" or rng.random() < 0.3 else " "
    case = rng.random()
    text, spans = "", []
    for i, segs in enumerate(lines):
        if i:
            text += sep
        for piece, label in segs:
            piece = piece.lower() if case < 0.08 else piece.upper() if case < 0.13 else piece
            if label and piece.strip():
                spans.append((len(text), len(text) + len(piece), label))
            text += piece
    return Note(text, lang, spans)


def generate(n_notes: int, lang: str, seed: int = 0) -> list[Note]:
    """``n_notes`` notes in one language, deterministic for the seed."""
    rng = random.Random(f"{lang}:{seed}")
    writer_cache: dict[str, NoteWriter] = {}
    other_lang = "fr" if lang == "en" else "en"
    writer_cache[other_lang] = NoteWriter(other_lang, rng, seed)
    return [make_note(rng, lang, seed, writer_cache[other_lang]) for _ in range(n_notes)]
