"""Cues that tie a place or a body the model found to a person in the room."""
import pytest

from anonymizer.recognizers.trained_span_cues import ORIGIN_BEFORE
from anonymizer.recognizers.trained_span_cues import attributed as _attributed


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
    ("- dfo: on a refait les cartes des zones", "dfo"),
    ("pis le gars de spac est parti tôt", "spac"),
    ("Our ISED program officer answered the last question.", "ISED"),
    # a hearing introduces its witnesses by their body
    ("CHAIR: I welcome officers of the Department of Coastal Affairs. Questions follow.", "Department of Coastal Affairs"),
    ("Our second panel is from the Northern Freight Safety Board.", "Northern Freight Safety Board"),
    ("From the Office of the Fisheries Ombud we have Ms. Tova Lind.", "Office of the Fisheries Ombud"),
    ("Nous accueillons donc, de la Sûreté municipale : M. Paul Arsenault.", "Sûreté municipale"),
    ("Ailsa Brodie (Fife North) (SLP): Thank you, convener.", "SLP"),
])
def test_a_body_next_to_one_person_is_attributed(text, body):
    s = text.index(body)
    e = s + len(body)
    assert _attributed(text, s, e, text[max(0, s - 60):s], text[e:e + 30])


def test_a_body_before_people_in_general_is_not_attributed():
    text = "The RCMP should train more officers in rural detachments."
    s = text.index("RCMP")
    assert not _attributed(text, s, s + 4, text[:s], text[s + 4:s + 34])


def test_a_body_right_after_a_persons_name_with_d_apostrophe_is_attributed():
    text = "Ensuite Rosalie d'Emploi Canada a parlé des stages."
    s = text.index("Emploi")
    e = s + len("Emploi Canada")
    people_ends = frozenset({text.index(" d'"), text.index(" d'") + 1})
    assert _attributed(text, s, e, text[:s], text[e:e + 30], people_ends)
    assert not _attributed(text, s, e, text[:s], text[e:e + 30])


def test_a_body_welcomed_as_news_is_not_a_witness():
    text = "I welcome the Coastal Affairs decision to fund shelters."
    s = text.index("Coastal Affairs")
    e = s + len("Coastal Affairs")
    assert not _attributed(text, s, e, text[:s], text[e:e + 30])


@pytest.mark.parametrize("text, body, tied", [
    ("Officials of the CBSA said the backlog is shrinking.", "CBSA", True),
    ("Officials of the CBSA should be trained in trauma-informed interviewing.", "CBSA", False),
    ("Les fonctionnaires de la GRC doivent suivre la formation.", "GRC", False),
])
def test_the_people_of_a_body_are_a_speaker_unless_told_what_they_should_do(text, body, tied):
    s = text.index(body)
    e = s + len(body)
    assert _attributed(text, s, e, text[max(0, s - 60):s], text[e:e + 30]) is tied
