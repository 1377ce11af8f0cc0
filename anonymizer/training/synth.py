"""Synthetic breakout notes and transcripts with gold spans, for training the domain span model.

Notes are about a consultation on Canada's National Action Plan on Women, Peace and Security, in
English and French, in many styles (prose, bullets, transcripts, witness lists, minutes, mixed
languages, lower case, capitals). Labels follow the corpus SPEC: PERSON, ORG (affiliation, or any
civil-society organization), ROLE (a title singling out one person), PLACE (a speaker's origin).
Half the sentences are negatives: the same public bodies and places as subject matter, generic roles,
figures, resolutions, sentence-initial French words and contractions. Subject matter carries the label
KEEP: the model learns it as no entity, and a validation set scores it as text that must stay.

Every name and organization is generated (Faker's lists, hand lists, compositional inventions);
nothing comes from the project's dev corpus or any evaluation set.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..domain_model import LABELS
from .fillers import VOWELS, Fillers, Segs
from .kinds import new_kind_lines
from .lexicon import load_lexicon
from .styles import STYLES, capitalize_first, lines_for

SLOT = re.compile(r"\{([A-Z]+)\}")


@dataclass
class Note:
    """One synthetic note: its text, language and gold spans (start, end, label)."""

    text: str
    lang: str
    spans: list[tuple[int, int, str]]  # labels of LABELS, and KEEP for subject matter that must stay
    style: str = ""
    kind: str = ""  # the new kind of attributing text mixed in (kinds.KINDS), if any

    @property
    def entities(self) -> list[tuple[int, int, str]]:
        """The spans to remove (KEEP left out): what the model learns as entities."""
        return [sp for sp in self.spans if sp[2] in LABELS]


class NoteWriter:
    """Renders templates into segments for one language."""

    def __init__(self, lang: str, rng: random.Random, seed: int = 0, split: str = "train"):  # noqa: D107
        self.lang, self.rng = lang, rng
        self.lex = load_lexicon(seed, split)
        self.f = Fillers(self.lex, lang, rng)
        self.t = self.lex.templates[lang]
        self.v = self.lex.vocab[lang]

    def slot(self, name: str) -> Segs:
        """Fill one slot."""
        f, v = self.f, self.v
        keep = lambda make: lambda: [(make(), "KEEP")]
        table = {
            "P": f.person, "W": f.word_name, "O": f.affiliation, "R": f.role, "RA": f.abbrev,
            "MC": f.address, "D": f.demonym, "DN": f.resident, "L": f.place, "DESC": f.descriptive,
            "DEL": f.delegation, "RK": lambda: f.ranked(*f.person_parts()),
            "OA": lambda: [(f.body(acronym=True), "ORG")], "CSO": lambda: [(f.cso(), "ORG")],
            "OS": lambda: [(f.pick(v["short_body"]), "ORG")], "RT": lambda: [(f.title(), "ROLE")],
            "B": keep(f.body), "BA": keep(lambda: f.body(acronym=True)), "C": keep(f.country),
            "G": lambda: [(f.pick(v["generic"]), None)],
            "N": keep(f.figure), "Y": lambda: [(str(self.rng.randint(2020, 2035)), None)],
            "U": keep(lambda: f.pick(v["resolution"])), "T": lambda: [(f.pick(v["theme"]), None)],
            "V": lambda: [(f.pick(v["speech"]), None)], "PR": keep(f.programme),
            "PRA": keep(f.programme_acronym), "EV": lambda: [(f.event(), None)],
            "DEM": lambda: [(f.demonym()[0][0], None)], "CITY": keep(f.city),
            "I": lambda: self.render(f.pick(self.t["idea"])),
            "CSOS": f.cso_short, "OL": f.body_lower, "BL": lambda: f.body_lower(keep=True),
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
        return _split_article(_french_elisions(segs)) if self.lang == "fr" else segs

    def sentence(self, negative: bool | None = None) -> Segs:
        """One sentence, attributed (labels) or neutral (subject matter only), capitalized."""
        if negative is None:
            negative = self.rng.random() < 0.5
        segs = self.render(self.f.pick(self.t["neutral" if negative else "attrib"]))
        return capitalize_first(segs)


def _french_elisions(segs: Segs) -> Segs:
    """'de le' -> 'du', 'à le' -> 'au', 'de Affaires' -> "d'Affaires", 'que il' -> "qu'il" across segments.

    The contracted form goes to the plain text before the segment, so a labelled span never starts
    with "du" or "des" ("le représentant du [Ghana]").
    """
    out: Segs = []
    for text, label in segs:
        if out and out[-1][1] is None:
            prev = out[-1][0]
            for a, b, c in ((r"\bde $", r"^le ", "du "), (r"\bde $", r"^les ", "des "),
                            (r"\bà $", r"^le ", "au "), (r"\bà $", r"^les ", "aux ")):
                if re.search(a, prev) and re.match(b, text):
                    prev, text = re.sub(a, c, prev), re.sub(b, "", text)
            if text[:1] and text[0] in VOWELS and re.search(r"\b(de|que|le|la) $", prev):
                prev = re.sub(r"\b(de|que|le|la) $", lambda m: ("l" if m.group(1) in ("le", "la") else m.group(1)[:-1]) + "'", prev)
            out[-1] = (prev, None)
        out.append((text, label))
    return [(t, lab) for t, lab in out if t]


def _split_article(segs: Segs) -> Segs:
    """A French labelled body keeps its article outside the span ("la [Sécurité publique]")."""
    out: Segs = []
    for text, label in segs:
        m = re.match(r"(?:la |le |les |l'|l’)(?=\w)", text) if label in ("ORG", "KEEP", "PLACE") else None
        if m and text[m.end():m.end() + 1].isupper():
            out.append((m.group(), None))
            text = text[m.end():]
        out.append((text, label))
    return out


def make_note(rng: random.Random, lang: str, seed: int = 0, other: NoteWriter | None = None,
              split: str = "train", style: str | None = None) -> Note:
    """One note in a random style; ``other`` (a writer in the other language) mixes languages."""
    writer = NoteWriter(lang, rng, seed, split)
    style = style or rng.choice(STYLES)
    n = rng.randint(3, 9)
    if style == "mixed" and other is not None:
        lines = [(other if rng.random() < 0.35 else writer).sentence() for _ in range(n)]
    else:
        lines = lines_for(writer, style, n)
    kind, extra = new_kind_lines(writer)
    for segs in extra:
        if style in ("hansard", "transcript", "qa", "hearing"):  # a transcript line keeps its speaker
            segs = writer.f.speaker() + [(" : " if lang == "fr" else ": ", None)] + segs
        lines.insert(rng.randrange(len(lines) + 1), segs)
    if lang == "fr":
        lines = [_split_article(_french_elisions(segs)) for segs in lines]
    sep = "\n" if style != "prose" or rng.random() < 0.3 else " "
    case = rng.random()
    case = 0.0 if style == "texting" else 0.1 if style == "caps" else case  # below 0.08 lower, below 0.13 capitals
    text, spans = "", []
    for i, segs in enumerate(lines):
        if i:
            text += sep
        for piece, label in segs:
            piece = piece.lower() if case < 0.08 else piece.upper() if case < 0.13 else piece
            if label and piece.strip():
                spans.append((len(text), len(text) + len(piece), label))
            text += piece
    return Note(text, lang, spans, style, kind)


def generate(n_notes: int, lang: str, seed: int = 0, split: str = "train") -> list[Note]:
    """``n_notes`` notes in one language, deterministic for the seed and split."""
    rng = random.Random(f"{lang}:{seed}" if split == "train" else f"{lang}:{seed}:{split}")
    other_lang = "fr" if lang == "en" else "en"
    other = NoteWriter(other_lang, rng, seed, split)
    return [make_note(rng, lang, seed, other, split) for _ in range(n_notes)]


def to_gold(note: Note, note_id: str) -> dict:
    """The note in the annotated corpus format (``redact`` and ``keep`` spans with offsets)."""
    redact = [{"start": s, "end": e, "label": lab, "text": note.text[s:e]} for s, e, lab in note.spans if lab in LABELS]
    keep = [{"start": s, "end": e, "text": note.text[s:e]} for s, e, lab in note.spans if lab == "KEEP"]
    return {"id": note_id, "lang": note.lang, "style": note.style, "text": note.text, "redact": redact, "keep": keep}
