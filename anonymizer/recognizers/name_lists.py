"""Names that stand in lists, labels and signatures, with or without a roster and in any case.

- An attendance list after a label ("Present: ...", "cc: dawn, rain, sky", "Présents : ..."): every item of
  one to four name-like words is a person.
- Any comma list with two or more given names that are not ordinary words ("roseline, wilfrid, nadia,
  yasmina + 2 ppl"): its name-like items are people.
- A speaker label typed in lower case at the start of a line ("roseline : les femmes ...", "- kit: ...").
- A signature after a dash at the end of a line ("[post-it] données désagrégées!!! — amina").
- Lower-case particles before a found surname at the start of a sentence ("van der <Surname> compared").
- The sender of a meeting-chat line ("10:08 From <anything> to Everyone:"), whatever its spelling.
"""
from __future__ import annotations

import re

from ..given_names import is_family_name, is_given_name, is_position_name
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, NAME_PARTICLES
from .context import word_index_at
from .name_positions import _candidate
from .persons import PersonFinder, PersonStage

_LIST_LABEL = re.compile(r"(?im)^[ \t>*•-]*(?:present|attendees|attending|attendance|participants|regrets|absent|"
                         r"guests|cc|bcc|to|from|invited|panel|panellists|panelists|speakers|présents?|présentes?|"
                         r"absents?|absentes?|invités?|invitées?|excusés?|excusées?|participantes?)[ \t]*:[ \t]*")
_ITEM_SPLIT = re.compile(r"[ \t]*(?:[,;/+]|\b(?:and|et)\b)[ \t]*")
_LINE_LABEL = re.compile(r"(?m)^[ \t]*(?:[-•*>][ \t]*)?(?P<n>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)[ \t]*:[ \t]+(?=\S)")
_SIGNATURE = re.compile(r"(?m)[ \t][—–-][ \t]+(?P<n>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*\.?)?)[ \t]*$")


class NameLists(PersonStage):
    """Attendance lists, lists of given names, lower-case speaker labels, signatures, leading particles."""

    id = "name_lists"

    def run(self, pf: PersonFinder) -> None:
        """Each list and label pattern of the module docstring."""
        _attendance_lists(pf)
        _given_name_lists(pf)
        _labels_and_signatures(pf)
        _leading_particles(pf)
        _chat_senders(pf)


def _attendance_lists(pf: PersonFinder) -> None:
    ctx = pf.ctx
    for m in _LIST_LABEL.finditer(ctx.text):
        _list_items(pf, m.end(), _line_end(ctx.text, m.end()), require_name=False)


def _given_name_lists(pf: PersonFinder) -> None:
    """A comma list of two or more unambiguous given names names people: take its name-like items."""
    ctx = pf.ctx
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.count(",") < 1:
            continue
        names = [w for w in ctx.words if start <= w.start < start + len(line) and not w.cap and not w.upper
                 and is_given_name(w.key) and not ctx.is_common(w)]
        if len(names) >= 2:
            _list_items(pf, start, start + len(line), require_name=True)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _list_items(pf: PersonFinder, start: int, end: int, require_name: bool) -> None:
    """Split text[start:end] at commas, semicolons, '+', 'and'/'et'; judge each item."""
    ctx = pf.ctx
    pos = start
    for piece in _ITEM_SPLIT.split(ctx.text[start:end]):
        at = ctx.text.find(piece, pos) if piece else -1
        if at < 0:
            continue
        pos = at + len(piece)
        _list_item(pf, at, pos, require_name)


def _list_item(pf: PersonFinder, start: int, end: int, require_name: bool) -> None:
    """One list item, without a trailing '(affiliation)': a person when its words are name-like."""
    ctx = pf.ctx
    words = [w for w in ctx.words if start <= w.start and w.end <= end]
    paren = next((k for k, w in enumerate(words) if "(" in ctx.text[start:w.start]), len(words))
    words = words[:paren]
    if not 1 <= len(words) <= 4 or (require_name and len(words) > 2):
        return
    found = [w for w in words if w.i in pf.covered]
    words = [w for w in words if w.i not in pf.covered]  # "Ai <found surname>": the given name joins it
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return
    if not all(_candidate(pf, w) or is_family_name(w.key) for w in words):
        return
    if not found and not any(is_position_name(w.key) or not ctx.is_common(w) for w in words):
        return
    after = next((c for c in pf.found if found and c.start == found[0].start and found[0].i == words[-1].i + 1), None)
    if after is not None and ctx.text[words[-1].end:after.start] == " ":
        after.start = words[0].start  # the given name before a found surname joins that name
        pf.covered.update(w.i for w in words)
        return
    pf._add(words[0], words[-1], Reason.PERSON_CONTEXT, None, False, key="u:" + " ".join(w.key for w in words))


def _labels_and_signatures(pf: PersonFinder) -> None:
    """'roseline : ...' at a line start; '— amina' at a line end."""
    ctx = pf.ctx
    for rx in (_LINE_LABEL, _SIGNATURE):
        for m in rx.finditer(ctx.text):
            first, last = word_index_at(ctx, m.start("n")), word_index_at(ctx, m.end("n") - 1)
            if first is None or last is None:
                continue
            words = ctx.words[first:last + 1]
            if any(w.i in pf.covered for w in words) or not _candidate(pf, words[0]):
                continue
            if len(words) == 2 and not (_candidate(pf, words[1]) or is_family_name(words[1].key)
                                        or len(words[1].key) == 1):
                continue
            if not (is_position_name(words[0].key) or not words[0].cap and not ctx.is_common(words[0])):
                continue  # a capitalised unknown word is the speaker-label cue's business ("Montréal-Nord : ...")
            pf._add(words[0], words[-1], Reason.PERSON_CONTEXT, None, False, key="u:" + " ".join(w.key for w in words))


def _leading_particles(pf: PersonFinder) -> None:
    """'van der <Surname> compared ...': particles typed in lower case opening a line or sentence."""
    ctx = pf.ctx
    for c in pf.found:
        i = word_index_at(ctx, c.start)
        if i is None:
            continue
        k = i
        while k - 1 >= 0 and ctx.words[k - 1].key in NAME_PARTICLES and not ctx.words[k - 1].cap \
                and ctx.gap(ctx.words[k - 1], ctx.words[k]) == " " and i - k < 2:
            k -= 1
        if k == i:
            continue
        lead = ctx.words[k]
        particles = {w.key for w in ctx.words[k:i]}
        romance_only = particles <= {"de", "du", "la", "le", "da", "di", "dos", "das", "del", "della"}
        if (ctx.line_start_before(lead) or ctx.prev_char(lead.start) in ".!?:;") and not (romance_only and k == i - 1):
            c.start = lead.start
            pf.covered.update(range(k, i))


# Video-meeting chat exports: "10:08 From wanjiru.k to Everyone: ...", "From Tess D. to Me (Privately):".
_CHAT_SENDER = re.compile(r"(?m)^[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]*)?(?:From|De)[ \t]+(?P<n>\S[^\n:]{0,40}?)[ \t]+"
                          r"(?:to|à)[ \t]+(?:Everyone|everyone|All|all|Me|me|Host|host|Tous|tous|moi|Moi)\b")


def _chat_senders(pf: PersonFinder) -> None:
    """The sender of each chat line is a person, however the name is typed."""
    ctx = pf.ctx
    for m in _CHAT_SENDER.finditer(ctx.text):
        first, last = word_index_at(ctx, m.start("n")), word_index_at(ctx, m.end("n") - 1)
        if first is None or last is None or any(w.i in pf.covered for w in ctx.words[first:last + 1]):
            continue
        a, b = ctx.words[first], ctx.words[last]
        if not pf._blocked(a) and not (a.key in FUNCTION_WORDS and not a.cap):  # "From the group to everyone"
            pf._add(a, b, Reason.PERSON_CONTEXT, None, False, key="u:" + m.group("n").lower())
