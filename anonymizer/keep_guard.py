"""The keep guard: the last word on every candidate, after the whole registry has run.

Over-removal destroys ideas ("Rankin Inlet and Pangnirtung need safe houses" → "[Participant 1]
and [Participant 2] need safe houses") and makes rapporteurs stop trusting the preview. The
recognizers each see a little of the note; the guard sees every candidate and drops or trims only
what is clearly not identifying:

- **trim** words that are no part of a name from a span's edges: courtesy titles and
  determiners before it ("Mme", "Madame la", "The"), a verb or a clause after it ("Sarah a
  traduit" keeps "a traduit");
- **veto** a guessed span that is a heading, label, greeting, month or language word, a real
  programme or law ("Jordan's Principle"), a place named as subject, a function word of the
  sentence's language, a run of ordinary words in ALL CAPS, a capitalised ordinary word at the start
  of a sentence that the parser reads as a verb or adjective, a group letter ("group D"), a modal
  verb ("everyone will agree"), or a place or an ordinary phrase that is only part of a roster
  organization's name ("Afghan women's groups");
- then drop the note-level echoes (consistency) of what it vetoed.

Roster names are never vetoed by a lexicon (only the modal and roster-organization rules, which
are about roster candidates, touch them), and every veto needs the whole span to be one of these
things: a name in the same shape is still removed.
"""
from __future__ import annotations

from .french import is_french_word
from .given_names import is_given_name
from .keep_lexicon import (CLAUSE_WORDS, CLITIC_VERB, COURTESY, COURTESY_FR, DETERMINERS, GROUPING_NOUNS, KEEP_LABELS,
                           LANGUAGE_CODES, LINE_LABEL_ROLES, MODALS, ORIGIN_BEFORE, ORIGIN_PERSONS_OF, RESIDENCE_WORDS, SETTING_NOUNS, SHOUTED_ARTICLES,
                           SUBJECT_PLACES, TITLE_WORDS, place_spans, programme_spans)
from .keep_words import WordView, initial as _initial, stop_words as _stop_words
from .lexicon import CIVIL_HEADS
from .reasons import ROSTER_REASONS, Reason
from .recognizers.base import Candidate
from .recognizers.context import NoteContext
from .subject_phrases import subject_phrase
from .text import Word
from .vocab import FUNCTION_WORDS, HONORIFICS, PERSON_NOUNS, NAME_PARTICLES, ORG_HEADS, SPEECH_VERBS, fold

_GUESSED = ("PERSON", "ORG")
ORG_WORDS = ORG_HEADS | CIVIL_HEADS
# An organization read in an attribution slot ("Amara (Nunavut):") that turns out to be a place is
# still someone's origin: removed as a place, never kept.
_ATTRIBUTING = frozenset({Reason.SPEAKER_AFFILIATION, Reason.AFFILIATION_CUE})


def keep_guard(ctx: NoteContext, cands: list[Candidate]) -> list[Candidate]:
    """*cands* with non-identifying words trimmed from their edges and non-identifying spans vetoed."""
    if not cands:
        return cands
    guard = _Guard(ctx)
    out: list[Candidate] = []
    weak: list[Candidate] = []
    vetoed: set[str] = set()
    for c in cands:
        if c.action != "redact" or c.label in ("CONTACT", "QUASI", "PLACE"):
            out.append(c)
            continue
        guard.trim(c)
        guard.title_as_role(c)
        guard.weak = False
        if c.end > c.start and not guard.veto(c) and not subject_phrase(ctx.text, c):
            out.append(c)
        elif guard.weak:
            weak.append(c)
        else:
            vetoed.update(w.key for w in guard.words_in(c.start, c.end))
    # a word vetoed only by its shape ("the Campos") that is part of a full name found in the note
    # ("said Juan Campos") is that name again
    named = {w.key for c in out if c.label == "PERSON" and c.recognizer != "consistency"
             for w in guard.words_in(c.start, c.end) if len(guard.words_in(c.start, c.end)) >= 2}
    for c in weak:
        keys = {w.key for w in guard.words_in(c.start, c.end)}
        if keys & named:
            out.append(c)
        else:
            vetoed |= keys
    return _person_not_org(guard, _drop_echoes(guard, out, vetoed))


def _person_not_org(guard: "_Guard", cands: list[Candidate]) -> list[Candidate]:
    """A guessed organization over exactly a person's name ("– Rosaline Thibodelle" read as an ORG by
    the model) goes, so the placeholder says Participant: a given name first, no organization word."""
    persons = {(c.start, c.end) for c in cands if c.label == "PERSON" and c.action == "redact"}
    out = []
    for c in cands:
        if c.label == "ORG" and (c.start, c.end) in persons and c.reason not in ROSTER_REASONS:
            words = guard.words_in(c.start, c.end)
            if words and is_given_name(words[0].key) and not any(w.key in ORG_WORDS for w in words):
                continue
        out.append(c)
    return out


def _drop_echoes(guard: "_Guard", cands: list[Candidate], vetoed: set[str]) -> list[Candidate]:
    """Consistency candidates repeating only a vetoed word ("Sahel" again after "the Sahel" was kept);
    an echo inside a place that follows 'from' stays, as a place ("one from Rankin Inlet")."""
    if not vetoed:
        return cands
    alive = {w.key for c in cands if c.label == "PERSON" and c.recognizer != "consistency" and c.action == "redact"
             for w in guard.words_in(c.start, c.end)}
    gone = vetoed - alive
    out = []
    for c in cands:
        if c.recognizer == "consistency" and c.reason == Reason.NAME_CONSISTENCY \
                and {w.key for w in guard.words_in(c.start, c.end)} <= gone:
            origin = next(((s, e) for s, e in guard.origin_places() if s <= c.start and c.end <= e), None)
            if origin is None:
                continue
            c.start, c.end, c.label, c.key = origin[0], origin[1], "PLACE", None
        out.append(c)
    return out


class _Guard(WordView):
    """The rules, with what they need about one note (words, parse, programme mentions)."""

    def __init__(self, ctx: NoteContext):  # noqa: D107
        super().__init__(ctx)
        lexicon, pattern = programme_spans(ctx.text, ctx.ftext)
        self.programmes_lexicon = lexicon
        self.programmes_pattern = pattern
        self._origins: list[tuple[int, int]] | None = None
        self._places: list[tuple[int, int]] | None = None
        self.weak = False  # the last veto rested on the word's shape only (see keep_guard)

    def origin_places(self) -> list[tuple[int, int]]:
        """Known places of the note written right after an origin cue ('from', 'venue de')."""
        if self._origins is None:
            self._origins = [(s, e) for s, e in place_spans(self.ctx.ftext) if self._after_origin_cue(s)]
        return self._origins

    # ---- trimming --------------------------------------------------------------------------------
    def trim(self, c: Candidate) -> None:
        """Courtesy titles and determiners off the front; a verb or clause off the back of a name."""
        words = self.words_in(c.start, c.end)
        if not words:
            return
        if words[0].key.rstrip(".") in COURTESY or (self._courtesy_fr(words[0]) and len(words) > 1 and words[1].cap
                                                     and not _initial(words[1])):
            if c.label == "ORG" and c.reason not in ROSTER_REASONS:
                c.label = "PERSON"  # "(Mme Lucie Brassard)" is a person, whatever the parenthesis suggested
        while len(words) > 1 and self._trimmable_front(c, words):
            words = words[1:]
        if len(words) < len(self.words_in(c.start, c.end)):
            c.start = words[0].start
        if c.label == "PERSON" and len(words) > 1:
            for k in range(1, len(words)):
                if self._clause_word(words, k):
                    # everything cut must be clause words too: "NOTED BY TALULAH" keeps its name
                    if all(self._clause_word(words, j) or self._plain_word(words[j]) for j in range(k, len(words))):
                        c.end = words[k - 1].end
                    break
        while c.end > c.start and not self.text[c.end - 1].isalnum() and self.text[c.end - 1] not in ".)":
            c.end -= 1

    def title_as_role(self, c: Candidate) -> None:
        """'The Chair:', 'La Présidente :' guessed as a person's name: the placeholder says [Role]."""
        if c.label != "PERSON" or c.reason in ROSTER_REASONS:
            return
        words = [w for w in self.words_in(c.start, c.end) if fold(w.text) not in DETERMINERS]
        if words and all(w.key in TITLE_WORDS for w in words):
            c.label = "ROLE"

    def _trimmable_front(self, c: Candidate, words: list[Word]) -> bool:
        first, nxt = words[0], words[1]
        key = first.key.rstrip(".")
        if key in COURTESY or (self._courtesy_fr(first) and nxt.cap and not _initial(nxt)):
            # "Mr. Chair", "Madam Speaker", "Madame la Présidente": the address is said with the title and goes
            # with it (completion.py gives it to the titles that lack it); before a name it stays
            return c.label == "PERSON"
        if _initial(first):
            return False
        if fold(first.text) in DETERMINERS and not first.upper:
            # "the Chair", "La Présidente", "Le Bouthillier": an article before a capital stays
            return not nxt.cap and not nxt.upper
        if c.label == "PERSON" and self.sentence_opener(first, nxt):
            return True  # "Ideas Amina raised", "Questions Kofi asked": the sentence's first word is no name
        stop = _stop_words(self.lang(first.start))
        if c.label == "PERSON" and key in stop and key not in NAME_PARTICLES and not nxt.cap and not nxt.upper \
                and not is_given_name(key):
            return True  # "Je remercie Carole" (but "will okonjo" is a name typed in lower case)
        return c.label == "PERSON" and not first.cap and not first.upper and self.ctx.pos(first) in ("VERB", "AUX") \
            and not is_given_name(key) and key not in NAME_PARTICLES

    def _courtesy_fr(self, w: Word) -> bool:
        return fold(w.text) in COURTESY_FR and self.lang(w.start) == "fr"

    def _clause_word(self, words: list[Word], k: int) -> bool:
        """Word *k* of a person span starts a clause: a lower-case function word, verb or ordinary
        word that is no particle of the name ("Sarah a traduit", "CAROLE, QUI VIENT")."""
        w = words[k]
        key = w.key
        if _initial(w) or self._particle(words, k):
            return False
        if is_given_name(key):
            return False
        if w.upper:
            return key in _stop_words(self.lang(w.start)) and key not in NAME_PARTICLES
        if w.cap:
            return False
        if not (words[0].cap or words[0].upper):  # a name typed in lower case: only function words end it
            return key in FUNCTION_WORDS
        # a lower-case ordinary word may still be a surname ("Grace baker") and, in French, part of a
        # name ("Politiques stratégiques"): only function words and verbs end the span
        return key in FUNCTION_WORDS or self.ctx.pos(w) in ("VERB", "AUX")

    def _plain_word(self, w: Word) -> bool:
        """An ordinary word or a verb, written as one: no capital unless the whole line shouts."""
        if is_given_name(w.key) or (w.cap and not w.upper) or (w.upper and not self._shouted(w)):
            return False
        return self.ordinary(w) or self.ctx.pos(w) in ("VERB", "AUX")

    def _particle(self, words: list[Word], k: int) -> bool:
        """Word *k* is a particle of the name: 'de la' before 'Cruz', 'van der' before 'Merwe'."""
        j = k
        while j < len(words) and words[j].key in NAME_PARTICLES and not words[j].cap:
            j += 1
        return j > k and j < len(words) and (words[j].cap or words[j].upper)

    # ---- vetoes ----------------------------------------------------------------------------------
    def veto(self, c: Candidate) -> bool:
        """True when the whole span is clearly not identifying (see the module docstring)."""
        words = self.words_in(c.start, c.end)
        if not words:
            return True
        if c.label == "PERSON" and (self._modal(words) or (len(words) == 1 and CLITIC_VERB.search(words[0].text))):
            return True  # "Écrivez-moi :", "Dites-nous": a French verb with its pronoun, never a name
        if c.reason == Reason.ROSTER_AFFILIATION:
            return self._roster_org_part(c, words)
        if c.reason == Reason.ROSTER_INITIALS:
            return self._shouted_article(words)
        if c.label == "PERSON" and self._inside(c, self.programmes_lexicon):
            return True  # "the Victims Bill of Rights" names no roster "Bill"
        if c.reason in ROSTER_REASONS:
            return False
        surface = " ".join(fold(self.text[c.start:c.end]).split())
        if surface in KEEP_LABELS and (c.label != "ROLE" or self.ctx.line_start_before(words[0])):
            return True  # a title word is a label only where a label stands: opening a line
        if self._group_letter(c, words) or self._line_label(words):
            return True
        if c.label not in _GUESSED or self._after_title_comma(c.start):
            return False  # "Program Officer, Sahel and Lake Chad": the region is part of a title
        if self._inside(c, self.programmes_lexicon) or self._inside(c, self.programmes_pattern):
            return True
        place = self._place_around(c, words)
        if place is not None:
            if not self._after_origin_cue(place[0]) and c.reason not in _ATTRIBUTING:
                return True
            c.start, c.end, c.label, c.key = place[0], place[1], "PLACE", None  # "one from Rankin Inlet"
            return False
        return self._ordinary_words(c, words)

    def _place_around(self, c: Candidate, words: list[Word]) -> tuple[int, int] | None:
        """The known place that holds the whole span, unless the span reads as a person's name: a given
        name, a courtesy title before it ("Mme London"), a speech verb after it ("London said")."""
        end = c.end  # "the Bangsamoro peace process": a place, then ordinary lower-case words
        while c.label == "PERSON" and len(words) > 1 and not words[-1].cap and not words[-1].upper \
                and self.ordinary(words[-1]):
            words = words[:-1]
            end = words[-1].end
        if any(is_given_name(w.key) for w in words):
            return None
        prev, nxt = self.word_before(c.start), self.word_after(c.end)
        if (prev is not None and prev.key in HONORIFICS) or (nxt is not None and nxt.key in SPEECH_VERBS):
            return None
        if self._places is None:
            self._places = place_spans(self.ctx.ftext)
        return next(((s, e) for s, e in self._places if s <= c.start and end <= e), None)

    def _after_origin_cue(self, pos: int) -> bool:
        """The place at *pos* follows 'from' or a French 'de' that is not a setting's ('la région de')."""
        prev = self.word_before(pos)
        if prev is None or self.text[prev.end:pos].strip(" \t"):
            return False
        if prev.key in ORIGIN_BEFORE:
            return True
        if prev.key == "of":  # "an Elder of Arviat", "Mary Ittusardjuat, of Arviat,"
            before = self.word_before(prev.start)
            return before is not None and (before.key in ORIGIN_PERSONS_OF or before.key in PERSON_NOUNS
                                           or self.text[before.end:prev.start].strip() == ",")
        if prev.key in ("a", "in", "en", "au", "at"):  # "en poste à Inukjuak", "based in Iqaluit"
            before = self.word_before(prev.start)
            return before is not None and before.key in RESIDENCE_WORDS
        if prev.key not in ("de", "d", "du") and not self.text[prev.start:pos].lower().startswith(("d'", "d’")):
            return False
        before = self.word_before(prev.start)
        return before is None or before.key not in SETTING_NOUNS

    def _after_title_comma(self, pos: int) -> bool:
        """*pos* follows 'Title, ' in a caption or witness list ("Senior Program Officer, …")."""
        prev = self.word_before(pos)
        return prev is not None and self.text[prev.end:pos].strip() == "," and prev.key in TITLE_WORDS

    def _inside(self, c: Candidate, spans: list[tuple[int, int]]) -> bool:
        return any(s <= c.start and c.end <= e for s, e in spans)

    def _modal(self, words: list[Word]) -> bool:
        """'everyone will agree', 'if I may add': a lower-case modal before a bare verb."""
        if len(words) != 1 or words[0].key not in MODALS or words[0].cap or words[0].upper:
            return False
        nxt = self.word_after(words[0].end)
        if nxt is None or nxt.cap:
            return False
        tok = self.ctx.tokens.at(nxt.start) if self.ctx.tokens is not None else None
        return tok is not None and (tok.tag_ == "VB" or (tok.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm")))

    def _shouted_article(self, words: list[Word]) -> bool:
        """Roster initials 'LA' in 'CONFIANCE À LA SQ': an article after a preposition in a shouted line."""
        if len(words) != 1 or not words[0].upper:
            return False
        w = words[0]
        prev = self.word_before(w.start)
        stop = _stop_words(self.lang(w.start))
        return w.key in stop and prev is not None and prev.key in stop and prev.text.isupper() and self._shouted(w)

    def _line_label(self, words: list[Word]) -> bool:
        """'Moderator: …', 'Rapporteuse : …': a label word opening a line names no one by itself
        (the name after it is removed on its own)."""
        if len(words) != 1 or words[0].key not in LINE_LABEL_ROLES:
            return False
        return self.ctx.line_start_before(words[0]) and self.ctx.next_char(words[0].end) == ":"

    def _group_letter(self, c: Candidate, words: list[Word]) -> bool:
        """'group D', 'Table C': a lone capital after a noun of grouping."""
        if len(words) != 1 or len(words[0].key) != 1 or not words[0].text[:1].isupper():
            return False
        prev = self.word_before(c.start)
        return prev is not None and prev.key in GROUPING_NOUNS

    def _roster_org_part(self, c: Candidate, words: list[Word]) -> bool:
        """Part of a roster organization's name used as an ordinary phrase or a place: 'Afghan
        women's groups' (roster "Afghan Women's … Circle"), 'à Kuujjuaq' (roster "… de Kuujjuaq")."""
        key = c.key or ""
        if not (key[:1] == "o" and key[1:].isdigit()) or int(key[1:]) >= len(self.ctx.roster.orgs):
            return False
        org = self.ctx.roster.orgs[int(key[1:])]
        surface = " ".join(fold(self.text[c.start:c.end]).split())
        if surface == " ".join(fold(org.name).split()) or any(w.upper for w in words):
            return False
        if surface in SUBJECT_PLACES:
            return not self._after_origin_cue(c.start)
        content = [w for w in words if w.key not in NAME_PARTICLES and w.key not in FUNCTION_WORDS]
        return bool(content) and any(not w.cap for w in content) and all(
            self.ordinary(w) or is_french_word(w.key) or w.key in SUBJECT_PLACES
            or w.key.removesuffix("'s") in self.ctx.common
            for w in content)

    def _ordinary_words(self, c: Candidate, words: list[Word]) -> bool:
        """A guessed span made of ordinary words only, in a shape a name does not take."""
        ctx = self.ctx
        if c.reason == Reason.PUBLIC_BODY_ATTRIBUTED or any(w.key in TITLE_WORDS for w in words):
            return False  # "THE DEPUTY MINISTER", "La Présidente": a title singles out one person
        if len(words) == 1 and self._single_ordinary(c, words[0]):
            self.weak = True
            return True
        if any(s < c.end and c.start < e for s, e, *_ in ctx.org_mentions) or any(
                w.key in SUBJECT_PLACES for w in words):
            return False
        if len(words) >= 2 and all(w.upper for w in words) and self._shouted_ordinary(c, words):
            return True  # "TOLÉRANCE ZÉRO", "FUND LAND-BASED HEALING IN EVERY REGION"
        return c.label == "ORG" and len(words) >= 4 and any(w.key in CLAUSE_WORDS for w in words) and all(
            w.key in FUNCTION_WORDS or self.dictionary_word(w) for w in words)

    def _single_ordinary(self, c: Candidate, w: Word) -> bool:
        """One word: a function word of the sentence's language, an ordinary noun after an article,
        a French infinitive opening a sentence or a bullet, a language code in 'FR/EN'."""
        stop = _stop_words(self.lang(c.start))
        nxt = self.word_after(w.end)
        particle = w.key in NAME_PARTICLES and nxt is not None and nxt.cap  # "da" in "Mme da Costa"
        if w.key in stop and "." not in w.text and (self.lang(c.start) == "fr" or not is_given_name(w.key)) \
                and (not w.upper or self._shouted(w)) and not particle:
            return True  # "Les reports…", "Je résume", "AS CHAIR OF…"
        if w.key in LANGUAGE_CODES and "/" in (self.text[c.start - 1:c.start] + self.text[c.end:c.end + 1]):
            return True  # "(FR/EN)"
        prev = self.word_before(w.start)
        if prev is not None and fold(prev.text) in DETERMINERS and self.ordinary(w) and not prev.upper \
                and self.text[prev.end:w.start] == " " \
                and (prev.cap or not (self.word_before(prev.start) or prev).key in NAME_PARTICLES):
            return c.label == "PERSON"  # "La Ville devrait…": a name takes no article
        return w.initial and c.label == "PERSON" and not is_given_name(w.key) and not self._verb_follows(w) \
            and self._french_infinitive(w)  # "– Inclure les femmes…"

    def _shouted_ordinary(self, c: Candidate, words: list[Word]) -> bool:
        """Capitals, several words, all ordinary: a shouted phrase, not a shouted name. A function
        word in it ("N'EST PAS CONVAINCUE") or an article first ("THE FLOOR") makes it a clause."""
        stop = _stop_words(self.lang(c.start))
        if words[0].key in SHOUTED_ARTICLES and all(w.key in stop or self.dictionary_word(w) for w in words[1:]):
            return True  # a name never opens with "THE"
        if any(is_given_name(w.key) for w in words):
            return False
        clause = any(w.key in stop and w.key not in NAME_PARTICLES for w in words)
        if self.ctx.next_char(c.end) in "(:" and not clause:
            return False
        return all(w.key in stop or (len(w.key) >= 4 and (self.dictionary_word(w) or (clause and self.ordinary(w))))
                   for w in words)
