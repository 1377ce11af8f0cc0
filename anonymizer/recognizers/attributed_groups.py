"""Bodies and groups in attribution position that no list names.

- Department short forms in speech: "Justice's people", "officials from finance", "from a Health
  perspective", "treasury board said" (the short forms are data: ``data/en/body_short_forms.txt``).
- An organization's head-word hyphen-joined to a country ("Alliance-Canada"): a short form of its name.
- Lower-case civil-society groups: "someone from the newcomer youth hub", "a tenants' rights clinic
  said", "Name from the Somali youth hub": a group named by its kind still tells who spoke.
The same words as subject matter ("access to justice", "the youth hub should get core funding") stay:
only the attribution frame makes them go.
"""
from __future__ import annotations

import functools
import re

from ..reasons import Reason
from ..lexicon import CIVIL_HEADS, PLACE_WORDS
from ..org_shapes import NAME_HEADS
from ..vocab import FUNCTION_WORDS, ORG_HEADS, SPEECH_VERBS, fold, load
from .attribution import AttributionReader, ReaderStage

_SAID = r"(?:said|says|noted|notes|explained|argued|told|added|replied|stressed|asked|mentioned|responded|pointed out|" \
        r"warned|suggested|proposed|insisted|countered|agreed|disagreed|commented|reported)"
_PEOPLE = r"(?:officials?|witness(?:es)?|people|folks|colleagues?|reps?|representatives?|someone|somebody|" \
          r"participants?|delegates?|staff(?:ers?)?|speakers?|members?|analysts?|guys|team|voices?|officers?|" \
          r"delegation|panellists?|panelists?|experts?|advis[eo]rs?|lawyers?)"
_SIDE = r"(?:side|people|folks|team|officials|view|position|perspective|reps?|representatives?|person|delegation|" \
        r"colleagues|staff|lens|take|presenter|witness(?:es)?)"
# lower-case heads of group names beyond the civil-society head-words
_GROUP_HEADS = frozenset(CIVIL_HEADS | {"group", "organization", "organisation", "council", "committee", "union",
                                         "collective", "lodge", "society", "agency", "program", "programme",
                                         "initiative", "project", "services", "house", "centre", "center", "bank"})


@functools.lru_cache(maxsize=1)
def _short_form_patterns() -> tuple[re.Pattern, ...]:
    """The attribution frames around a department short form, on folded text."""
    forms = sorted(load("body_short_forms"), key=len, reverse=True)
    sf = r"(?P<b>" + "|".join(re.escape(f) for f in forms) + r")"
    return (
        re.compile(r"\b" + sf + r"['’]s\s+" + _SIDE + r"\b"),
        re.compile(r"\b(?:" + _PEOPLE + r"\s+(?:from|of|at|with)|(?:spokes(?:person|woman|man)|reps?|representatives?|"
                   r"officials?)\s+for)\s+(?:the\s+)?" + sf + r"\b(?!\s+(?:and|of)\s+[a-z])"),
        re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?" + sf + r"\s+(?:perspective|point of view|standpoint|lens|angle|side)\b"),
        re.compile(r"(?:^|(?<=[\n.;:(]\s)|(?<=[\n.;:(]))(?:the\s+)?" + sf + r"\s+(?:also\s+|then\s+)?" + _SAID + r"\b"),
        re.compile(r"\b(?:speaking|speaks|spoke|here)\s+(?:for|from|on behalf of)\s+(?:the\s+)?" + sf + r"\b"),
        re.compile(r"\bthe\s+" + sf + r"\s+(?:folks|people|person|reps?|team|officials|delegation|contingent)\b"),
        # French, no article: "du côté de justice", "les gens de santé", "qqn de finances"
        re.compile(r"\b(?:du\s+cote|gens|monde|qqn|quelqu'un|personne|ppl|fonctionnaires|representante?s?|equipe)\s+(?:de|d')\s*"
                   + sf + r"\b(?!\s+(?:et|de|du|des)\s+[a-z]|\s+(?:sociale?s?|reparatrice|transformatrice|climatique|economique|"
                   r"alimentaire|mentale|publique|communautaire|penale|familiale|autochtone|reproductive)\b)"),
    )


# An organization's head-word joined to a country or region by a hyphen: a short form of the organization.
_HYPHEN_JOINED = re.compile(r"(?<![\w-])(?:[A-Z][\w'’]+-)*([A-Z][\w'’]+)-(?:Canada|Québec|Quebec|International|Global|"
                            r"Africa|Afrique|Ontario|Atlantic|Atlantique|Pacific|North|Nord|Sud|South|West|Ouest|East|Est)"
                            r"(?![\w-])")
_GROUP = r"(?P<g>(?:[\w'’-]+\s+){1,4}?(?P<h>" + "|".join(sorted(_GROUP_HEADS, key=len, reverse=True)) + r"))\b"
_FROM_GROUP = re.compile(r"\b(?:[Ss]omeone|[Ss]omebody|[Oo]ne|[Pp]eople|[Ff]olks|[Pp]articipants?|[Ww]oman|[Mm]an|"
                         r"[Dd]elegates?|[Rr]eps?|[Rr]epresentatives?|[Ss]taff|[Cc]olleagues?|[Ss]peakers?|[Mm]embers?|"
                         r"[Vv]olunteers?|[Ww]orkers?|[A-Z][\w'’-]+|"
                         # one person by her job: "a lawyer from a tenants' rights clinic"
                         r"(?:(?<=\b[Aa] )|(?<=\b[Tt]he ))(?:lawyer|counsell?or|nurse|advocate|coordinator|director|"
                         r"organi[sz]er|teacher|doctor|physician|manager|researcher|founder|caseworker|educator|"
                         r"psychologist|midwife|social worker|outreach worker|program officer))\s+(?:from|of|at|with)\s+"
                         r"(?:the|a|an|our|their)\s+"
                         + _GROUP + r"(?=[\s,:;.)]|$)")
_GROUP_SAID = re.compile(r"(?:^|(?<=\s)|(?<=\())(?:[Tt]he|[Aa]n?|[Oo]ur)\s+" + _GROUP + r"\s+(?:also\s+)?(?:" + _SAID
                         + r"|reps?|representatives?|person|folks|people|delegate|worker|staff)\b")


class AttributedGroups(ReaderStage):
    """Department short forms and lower-case groups in attribution phrases."""

    id = "attributed_groups"

    def run(self, att: AttributionReader) -> None:
        """Emit an ORG for each body or group named in an attribution frame."""
        ctx = att.ctx
        for rx in _short_form_patterns():
            for m in rx.finditer(ctx.ftext):
                att._emit((m.start("b"), m.end("b"), "ORG"), Reason.PUBLIC_BODY_ATTRIBUTED)
        for m in _HYPHEN_JOINED.finditer(ctx.text):
            if _hyphen_named(ctx, fold(m.group(1))):
                att._emit((m.start(), m.end(), "ORG"), Reason.ORG_NAME)  # "Alliance-Canada", "Nordwind-Canada"
        for rx in (_FROM_GROUP, _GROUP_SAID):
            for m in rx.finditer(ctx.text):
                span = _group_span(ctx, m)
                if span:
                    att._emit((span[0], span[1], "ORG"), Reason.SPEAKER_AFFILIATION)


# Prefixes of ordinary compounds before a region ("Pan-Canada", "Franco-Ontario", "Indo-Pacific").
_COMPOUND_PREFIXES = frozenset("""pan trans franco anglo afro indo euro sino inter intra latino asia asian arab
north south east west nord sud central centre""".split())


def _hyphen_named(ctx, key: str) -> bool:
    """'<head>-Canada' or '<coined word>-Canada': an organization's name with its country or region."""
    if key in ORG_HEADS or key in NAME_HEADS:
        return True
    return len(key) >= 4 and key not in _COMPOUND_PREFIXES and key not in PLACE_WORDS and key not in ctx.common


_PAREN_AFTER = re.compile(r"[ \t]*\(([^()\n]{2,60})\)[ \t]*[:–—]")


def speaker_parentheses(att: AttributionReader) -> None:
    """'- name (lower-case affiliation): ...': what a list line's speaker has in brackets is an affiliation,
    whatever its case (the capitalised case is read by the attribution recognizer)."""
    ctx = att.ctx
    for c in att.persons:
        m = _PAREN_AFTER.match(ctx.text, c.end)
        if not m or not _opens_line(ctx, c.start) or not m.group(1)[:1].isalpha():
            continue
        inner = m.group(1).strip()
        start = m.start(1) + m.group(1).index(inner)
        if _affiliation_like(ctx, start, inner):
            att._emit((start, start + len(inner), "ORG"), Reason.SPEAKER_AFFILIATION)


def _affiliation_like(ctx, start: int, inner: str) -> bool:
    """A listed body, a group name ("balkan women builders", "the shelter network") or one unknown word (an
    acronym typed in lower case); not a description ("walk-in", "retired diplomat, here in a personal capacity")."""
    if any(s == start for s, *_ in ctx.org_mentions):
        return True
    words = [fold(w) for w in re.findall(r"[\w'’-]+", inner)]
    if "," in inner or not words:
        return False
    if len(words) == 1:
        return words[0] not in ctx.common and "-" not in words[0]
    return any(w in _GROUP_HEADS or w.rstrip("s") in _GROUP_HEADS or w in _BUILDERS for w in words)


# plural heads of informal group names
_BUILDERS = frozenset({"builders", "mothers", "sisters", "women", "grandmothers", "elders", "youth", "survivors"})


def _opens_line(ctx, pos: int) -> bool:
    """Only a bullet, a number or spaces before *pos* on its line."""
    line = ctx.text[ctx.text.rfind("\n", 0, pos) + 1:pos]
    return not line.strip(" \t-–—•*·>0123456789.)")


def _group_span(ctx, m: re.Match):
    """The group's words when its head is a group head-word and its modifiers are content words."""
    if m.group("h").lower() not in _GROUP_HEADS:
        return None
    words = m.group("g").split()
    mods = words[:-1]
    if not mods or any(w.lower().strip("'’") in FUNCTION_WORDS or w.lower() in SPEECH_VERBS for w in mods):
        return None
    where = _IN_PLACE.match(ctx.text, m.end("g"))  # "the legal clinic in Saskatoon": the place names the clinic
    return m.start("g"), where.end() if where else m.end("g")


_IN_PLACE = re.compile(r"[ \t]+(?:in|à|de)[ \t]+[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’-]+)?")
