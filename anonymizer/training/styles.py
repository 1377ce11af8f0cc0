"""Writing styles of the synthetic notes: each turns a writer into the lines of one note.

Styles: prose, shorthand bullets, "Name: text" transcripts, Q&A, parliamentary transcripts
("Ms OKAFOR: …", "The CHAIR: …"), UN meeting records ("the representative of Ghana said …"),
witness lists and captions ("Title, Organization"), minutes with attendance and action items,
and mixed English/French notes (assembled in ``synth.make_note``).
"""
from __future__ import annotations

from .fillers import Segs
from .segments import capitalize_first, drop_period
from .styles_extra import EXTRA_STYLES, extra_lines, header

STYLES = ["prose", "prose", "bullets", "transcript", "witnesses", "minutes", "qa", "mixed", "hansard",
          "un_record", "captions", "actions"] + EXTRA_STYLES


def _colon(writer) -> str:
    return " : " if writer.lang == "fr" and writer.rng.random() < 0.6 else ": "


def _bullets(writer, n: int) -> list[Segs]:
    mark = writer.rng.choice(["- ", "* ", "• ", "-- ", "> ", ""])
    return [[(mark, None)] + drop_period(writer.sentence(), writer.rng) for _ in range(n)]


def _transcript(writer, n: int, qa: bool) -> list[Segs]:
    rng, f = writer.rng, writer.f
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.7:
            who = f.speaker()
        elif r < 0.85:
            who = f.role()[1:] if rng.random() < 0.5 else f.role()
        else:
            who = [(rng.choice(["Facilitator", "Rapporteur", "Q", "A", "Participant", "Animatrice"]), None)]
        if qa and rng.random() < 0.5:
            who = [("Q (", None)] + f.speaker() + [(", ", None)] + f.affiliation() + [(")", None)]
        elif rng.random() < 0.15:
            who = who + [(" (", None)] + f.affiliation() + [(")", None)]
        out.append(capitalize_first(list(who)) + [(_colon(writer), None)] + writer.sentence())
    return out


def _hansard(writer, n: int) -> list[Segs]:
    """Parliamentary transcript: surnames in capitals, the chair by title, witnesses with title and body."""
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    out = []
    for _ in range(n):
        given, sur, female = f.person_parts()
        hon = f.pick(writer.v["honorific_f" if female else "honorific_m"]).rstrip(".") if not fr else ("Mme" if female else "M.")
        r = rng.random()
        if r < 0.3:
            who = [(hon + " ", None), (sur.upper(), "PERSON")]
        elif r < 0.45:
            who = [("La " if fr else "The ", None), (rng.choice(["PRÉSIDENTE", "Présidente", "présidente"] if fr else ["CHAIR", "Chair", "CHAIRMAN", "DEPUTY CHAIR", "Acting CHAIR"]), "ROLE")]
        elif r < 0.6:
            who = [(("Sénatrice " if female else "Sénateur ") if fr else "Senator ", None), (sur.upper(), "PERSON")]
        elif r < 0.8:
            who = [(hon + " ", None), (f"{given} {sur}", "PERSON"), (" (", None), (f.title(), "ROLE"),
                   (", ", None)] + f.affiliation() + [(")", None)]
        else:
            who = f.ranked(given, sur, female)
        sep = " —" if rng.random() < 0.2 else _colon(writer)
        out.append(who + [(sep, None)] + writer.sentence())
    return out


def _un_record(writer, n: int) -> list[Segs]:
    """UN-style meeting record: delegations speak by country, briefers by title."""
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    out: list[Segs] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            head = [("Le représentant de " if fr else "The representative of ", None)] + f.delegation()
            out.append(head + [(" a déclaré que " if fr else " said that ", None)] + writer.render(f.pick(writer.t["idea"])) + [(".", None)])
        elif r < 0.55:
            out.append(f.speaker() + [(" (", None)] + f.delegation() + [(") ", None),
                       (f.pick(writer.v["speech"]), None), (" que " if fr else " that ", None)]
                       + writer.render(f.pick(writer.t["idea"])) + [(".", None)])
        elif r < 0.75:
            out.append([("Exposé de " if fr else "Briefing by ", None)] + f.speaker() + [(", ", None), (f.title(), "ROLE"),
                       (", ", None)] + f.affiliation() + [(".", None)])
        else:
            out.append(writer.sentence())
    return out


def _witnesses(writer, n: int) -> list[Segs]:
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    head = [[(rng.choice(["Témoins", "TÉMOINS", "Comparaissent"]) if fr else rng.choice(["Witnesses", "WITNESSES", "Panel", "Appearing:"]), None)]]
    rows = []
    for _ in range(rng.randint(2, 5)):
        row = (f.speaker() + [(", ", None)] if rng.random() < 0.75 else []) + [(f.title(), "ROLE"), (", ", None)] + f.affiliation()
        if rng.random() < 0.2:
            row = [(f.title(), "ROLE"), (" — " if rng.random() < 0.5 else ", ", None)] + f.affiliation()
        rows.append(row)
    return head + rows + [writer.sentence() for _ in range(max(1, n - len(rows)))]


def _captions(writer, n: int) -> list[Segs]:
    """Captions and datelines: "Title, Organization", "– Body", "Name | Title | Org"."""
    rng, f = writer.rng, writer.f
    out = []
    for _ in range(max(2, n // 2)):
        r = rng.random()
        if r < 0.35:
            out.append([(f.title(), "ROLE"), (", ", None)] + f.affiliation())
        elif r < 0.55:
            out.append([(rng.choice(["– ", "— ", "- "]), None)] + f.affiliation())
        elif r < 0.8:
            out.append(f.speaker() + [(" | ", None), (f.title(), "ROLE"), (" | ", None)] + f.affiliation())
        else:
            out.append(f.speaker() + [(", ", None), (f.title(), "ROLE")])
        out.append(writer.sentence())
    return out


def _minutes(writer, n: int) -> list[Segs]:
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    present = [(rng.choice(["Présents : ", "Présences : "]) if fr else rng.choice(["Present: ", "Attendees: ", "Regrets: "]), None)]
    for i in range(rng.randint(2, 4)):
        present += ([(", ", None)] if i else []) + f.speaker()
        if rng.random() < 0.4:
            present += [(" (", None)] + f.affiliation() + [(")", None)]
    head = header(writer) if rng.random() < 0.5 else []
    return head + [present] + [writer.sentence() for _ in range(n)] + _action_items(writer, rng.randint(1, 3))


def _action_items(writer, k: int) -> list[Segs]:
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    out = []
    for _ in range(k):
        who = rng.choice([f.speaker, f.word_name, f.role, f.person])()
        verb = rng.choice([" fera circuler la note sur ", " enverra le document sur ", " fera le suivi sur "]) if fr else \
            rng.choice([" to circulate the note on ", " will send the draft on ", " to follow up on ", " - follow up re ", " owes us a paper on "])
        mark = rng.choice(["Suivi : ", "ACTION : ", "À faire : "]) if fr else rng.choice(["Action: ", "ACTION - ", "AI: ", "TODO ", "Next steps: "])
        out.append([(mark, None)] + who + [(verb, None), (f.pick(writer.v["theme"]), None)])
    return out


def lines_for(writer, style: str, n: int) -> list[Segs]:
    """The lines of a note in one style."""
    if style == "bullets":
        return _bullets(writer, n)
    if style in ("transcript", "qa"):
        return _transcript(writer, n, style == "qa")
    if style == "hansard":
        return _hansard(writer, n)
    if style == "un_record":
        return _un_record(writer, n)
    if style == "witnesses":
        return _witnesses(writer, n)
    if style == "captions":
        return _captions(writer, n)
    if style == "minutes":
        return _minutes(writer, n)
    extra = extra_lines(writer, style, n)
    if extra is not None:
        return extra
    if style == "actions":
        return [writer.sentence() for _ in range(max(1, n // 2))] + _action_items(writer, writer.rng.randint(2, 4))
    return [writer.sentence() for _ in range(n)]
