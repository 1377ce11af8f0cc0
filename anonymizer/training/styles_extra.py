"""More writing styles for the synthetic notes: long prose reports, texted notes, capitals, e-mails,
hearings whose speakers are labelled by title, and meeting headers.

- ``report``: a long compte rendu in reported speech, sentences chained by connectors, one or two paragraphs;
- ``texting``: lower case, shorthand ("w/", "ppl", "bcp"), no final periods (cased in ``synth.make_note``);
- ``caps``: a note typed in capitals (cased in ``synth.make_note``);
- ``email``: a subject line, a greeting, the notes and a signature block (name, title, organization);
- ``hearing``: committee transcripts whose speaker labels are titles, with or without the name
  ("The Vice-Chair (Ms. Okafor):", "La sous-ministre déléguée :", "L'insp. Tremblay :").

Meeting headers ("Chair: Name", "Group C", "Présidence : Name") keep their field labels: only the name
after the label is labelled, so that the model learns that a bare caption word is not a person's title.
"""
from __future__ import annotations

from .fillers import Segs
from .segments import capitalize_first, drop_period

EXTRA_STYLES = ["report", "report", "texting", "caps", "email", "hearing"]

_CONNECT = {
    "en": ["In response, ", "She added that ", "He went on to say that ", "Later in the session, ", "By contrast, ",
           "Building on this, ", "It was also noted that ", "On the same point, ", "Finally, ", "Moreover, "],
    "fr": ["En réponse, ", "Elle a ajouté que ", "Il a poursuivi en disant que ", "Plus tard dans la séance, ",
           "Par ailleurs, ", "Dans la même veine, ", "Il a aussi été noté que ", "Enfin, ", "De plus, ",
           "Sur ce point, "],
}
_FIELD = {
    "en": ["Chair: ", "Co-chair: ", "Facilitator: ", "Rapporteur: ", "Note-taker: ", "Moderator: ", "Notes by ",
           "Prepared by: ", "Lead: ", "Chairperson: "],
    "fr": ["Présidence : ", "Coprésidence : ", "Animation : ", "Rapporteuse : ", "Prise de notes : ",
           "Notes de ", "Préparé par : ", "Animatrice : ", "Président : ", "Présidente : "],
}
_GROUP = {"en": ["Group ", "Breakout ", "Table ", "Group ", "Room ", "Session "],
          "fr": ["Groupe ", "Atelier ", "Table ", "Groupe ", "Salle ", "Séance "]}
_SHORTHAND = {
    "en": [(" and ", " & "), (" with ", " w/ "), (" people", " ppl"), (" because ", " bc "), (" about ", " abt "),
           (" should ", " shd "), (" government", " govt"), (" meeting", " mtg"), (" need ", " need ")],
    "fr": [(" pour ", " pr "), (" beaucoup", " bcp"), (" parce que ", " pcq "), (" quelque chose", " qqch"),
           (" gouvernement", " gouv"), (" avec ", " av "), (" tout le monde", " tlm"), (" rendez-vous", " rdv")],
}


def group_label(writer) -> Segs:
    """A breakout group's label ("Group C", "Atelier 3"): never a name."""
    rng = writer.rng
    tail = rng.choice("ABCDEFGH") if rng.random() < 0.6 else str(rng.randint(1, 9))
    return [(rng.choice(_GROUP[writer.lang]) + tail, None)]


def header(writer) -> list[Segs]:
    """Meeting header lines: a group label, a field such as "Chair: Name" (the field word stays), a blank."""
    rng, f = writer.rng, writer.f
    lines: list[Segs] = [group_label(writer)]
    for _ in range(rng.randint(1, 2)):
        lines.append([(rng.choice(_FIELD[writer.lang]), None)] + f.speaker())
    if rng.random() < 0.5:
        lines.append([("", None)])
    return lines


def _report(writer, n: int) -> list[Segs]:
    """A compte rendu: many sentences in one or two paragraphs, chained by connectors."""
    rng = writer.rng
    paras: list[Segs] = []
    for _ in range(rng.randint(1, 2)):
        para: Segs = []
        for i in range(rng.randint(max(4, n), n + 6)):
            sent = writer.sentence()
            if i and rng.random() < 0.35 and sent[0][1] is None and sent[0][0][:1].isupper() \
                    and not sent[0][0].startswith(("I ", "I'", "I’")):
                first = sent[0][0]
                sent = [(rng.choice(_CONNECT[writer.lang]) + first[:1].lower() + first[1:], None)] + sent[1:]
            para += ([(" ", None)] if para else []) + sent
        paras.append(para)
    return (header(writer) if rng.random() < 0.3 else []) + paras


def _texting(writer, n: int) -> list[Segs]:
    """Texted notes: shorthand words in the plain text, no final periods (lower-cased by make_note)."""
    rng, table = writer.rng, _SHORTHAND[writer.lang]
    out = []
    for _ in range(n):
        segs = drop_period(writer.sentence(), rng)
        for i, (text, label) in enumerate(segs):
            if label is None:
                for a, b in table:
                    if rng.random() < 0.7:
                        text = text.replace(a, b)
                segs[i] = (text, None)
        out.append([(rng.choice(["", "- ", "> ", "* "]), None)] + segs)
    return out


def _email(writer, n: int) -> list[Segs]:
    """An e-mail: subject, greeting, notes and a signature block (name, title, organization on their lines)."""
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    subject = [("Objet : notes, " if fr else "Subject: notes from ", None)] + group_label(writer)
    greet = rng.choice(["Bonjour à toutes et à tous,", "Bonjour,", "Salut l'équipe,"] if fr
                       else ["Hi all,", "Hello everyone,", "Dear colleagues,", "Hi team,"])
    if rng.random() < 0.4:
        hello = rng.choice(["Bonjour ", "Salut ", "Chère "] if fr else ["Hi ", "Hello ", "Dear "])
        greet_line = [(hello, None)] + rng.choice([f.word_name, f.speaker])() + [(",", None)]
    else:
        greet_line = [(greet, None)]
    body = [writer.sentence() for _ in range(n)]
    close = [(rng.choice(["Merci,", "Cordialement,", "Bonne journée,"] if fr else ["Thanks,", "Best,", "Regards,", "Cheers,"]), None)]
    sig = [f.speaker(), [(f.title(), "ROLE")], f.affiliation()]
    if rng.random() < 0.3:
        sig = [f.speaker() + [(" | ", None), (f.title(), "ROLE"), (" | ", None)] + f.affiliation()]
    return [subject, [("", None)], greet_line, [("", None)]] + body + [[("", None)], close] + sig


def _hearing(writer, n: int) -> list[Segs]:
    """Committee transcript with speakers labelled by title ("La vice-présidente (Mme X) :", "The Clerk:")."""
    rng, f, fr = writer.rng, writer.f, writer.lang == "fr"
    colon = " : " if fr else ": "
    out = []
    for _ in range(n):
        r = rng.random()
        role = f.role()
        role = [("L'" if role[0][0] == "l'" else role[0][0].capitalize() if fr else "The ", None), role[1]]
        if r < 0.3:
            who = role
        elif r < 0.55:
            who = role + [(" (", None)] + f.speaker() + [(")", None)]
        elif r < 0.75:
            who = f.speaker() + [(" (", None), (f.title(), "ROLE"), (", ", None)] + f.affiliation() + [(")", None)]
        elif r < 0.9:
            who = [(f.titles.rank(rng.random() < 0.6), "ROLE"), (" ", None)] + [(f.person_parts()[1], "PERSON")]
        else:
            who = f.speaker()
        out.append(capitalize_first(list(who)) + [(colon, None)] + writer.sentence())
    return (header(writer) if rng.random() < 0.4 else []) + out


def extra_lines(writer, style: str, n: int) -> list[Segs] | None:
    """The lines of a note in one of the extra styles (None when *style* is not one of them)."""
    if style == "report":
        return _report(writer, n)
    if style in ("texting", "caps"):
        lines = _texting(writer, n) if style == "texting" else [writer.sentence() for _ in range(n)]
        return (header(writer) if writer.rng.random() < 0.3 else []) + lines
    if style == "email":
        return _email(writer, n)
    if style == "hearing":
        return _hearing(writer, n)
    return None
