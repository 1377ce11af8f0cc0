"""Cues that tie a place or a body the model found to a person in the room."""
import pytest

from anonymizer.recognizers.trained_span_cues import ORIGIN_BEFORE
from anonymizer.recognizers.trained_spans import _attributed


@pytest.mark.parametrize("before", [
    "Vuong: hi everyone, connecting from ", "she zoomed in this morning from ", "venue en train de ",
    "arrivée hier de ", "Salma, une étudiante ", "l'avocate ",
])
def test_a_place_after_these_words_is_a_speakers_origin(before):
    assert ORIGIN_BEFORE.search(before)


@pytest.mark.parametrize("before", ["les femmes ", "des pays comme le ", "funding for shelters in "])
def test_a_place_after_these_words_is_no_origin(before):
    assert not ORIGIN_BEFORE.search(before)


@pytest.mark.parametrize("text, body", [
    ("A QUICK WORD FROM THE DFO WOMAN (ILSE): LICENSING DELAYS HURT.", "DFO"),
    ("The IRCC note-taker sent the summary on Tuesday.", "IRCC"),
    ("the corrections lawyer thinks parole rules changed", "corrections"),
    ("côté asfc, rien de neuf sur les délais", "asfc"),
])
def test_a_body_next_to_one_person_is_attributed(text, body):
    s = text.index(body)
    e = s + len(body)
    assert _attributed(text, s, e, text[max(0, s - 60):s], text[e:e + 30])


def test_a_body_before_people_in_general_is_not_attributed():
    text = "The RCMP should train more officers in rural detachments."
    s = text.index("RCMP")
    assert not _attributed(text, s, s + 4, text[:s], text[s + 4:s + 34])
