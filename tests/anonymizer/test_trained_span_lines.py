"""Line checks on the trained model's spans (anonymizer/recognizers/trained_span_lines.py). Names and
organizations are invented."""
import pytest
import spacy
from spacy.tokens import Span

from anonymizer import AllowList, AnonymizerEngine, Roster
from anonymizer.recognizers.trained_span_lines import field_label, first_line


def _span(text, start_word, end_word, label="ROLE"):
    doc = spacy.blank("en")(text)
    return Span(doc, start_word, end_word, label=label)


def test_a_span_stops_at_the_line_break_and_keeps_its_label():
    text = "Senior Counsel, Family Section\n\nGroup C"
    sp = _span(text, 0, 8)
    assert "Group" in sp.text
    cut = first_line(sp)
    assert cut.text == "Senior Counsel, Family Section" and cut.label_ == "ROLE"


def test_a_word_hyphenated_at_the_line_end_stays_whole():
    text = "Tobiah Hart-\nwell spoke"
    doc = spacy.blank("en")(text)
    sp = Span(doc, 0, len(doc) - 1, label="PERSON")
    assert first_line(sp).text.endswith("well")


def test_a_span_starting_with_a_line_break_is_dropped():
    doc = spacy.blank("en")("\nGroup C")
    assert first_line(Span(doc, 0, 1, label="ORG")) is None


@pytest.mark.parametrize("text,label_end,person_start,expected", [
    ("Chair: Odile Brunner-Haas", 5, 7, True),
    ("Présidente : Mme Ysaline Trépanier", 10, 17, True),
    ("- Rapporteur: Jo Tan", 12, 14, True),
    ("The Chair: we resume with the budget.", 9, 11, False),       # a speaker label with speech after it
    ("Chair: we resume with the budget.", 5, 99, False),           # no name after the colon
    ("Deputy Director General Policy: Jo Tan", 30, 32, False),     # a long title is not a field caption
])
def test_field_captions(text, label_end, person_start, expected):
    start = 4 if text.startswith("The") else 2 if text.startswith("-") else 0
    assert field_label(text, start, label_end, frozenset([person_start])) is expected


@pytest.fixture(scope="module")
def engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList([]))


@pytest.mark.parametrize("text,lang,gone,kept", [
    ("Présidente : Mme Ysaline Trépanier\nLe plan manque de cibles.", "fr", "Ysaline Trépanier", "Présidente :"),
    ("Facilitator: Odile Brunner-Haas\nThe plan needs targets.", "en", "Odile Brunner-Haas", "Facilitator:"),
])
def test_field_caption_stays_and_the_name_goes(engine, text, lang, gone, kept):
    res = engine.anonymize(text, lang)
    assert gone not in res.text and res.text.startswith(kept), res.text


@pytest.mark.parametrize("text,lang,gone,kept", [
    ("Amara Okafor, who flew in from Inuvik, said shelters are full.", "en", "Inuvik", "said shelters are full"),
    ("Notre collègue de Rimouski a souligné que les refuges débordent.", "fr", "Rimouski", "les refuges débordent"),
    ("Depuis Iqaluit, Mme Tagak a rappelé que les refuges manquent de place.", "fr", "Iqaluit", "manquent de place"),
    ("Shelters are full and women in Nunavut need beds.", "en", None, "women in Nunavut need beds"),
])
def test_a_place_goes_as_origin_and_stays_as_subject(engine, text, lang, gone, kept):
    res = engine.anonymize(text, lang)
    assert kept in res.text, res.text
    if gone:
        assert gone not in res.text, res.text


@pytest.mark.parametrize("after,attributes", [
    (" a dit que les délais sont longs", True),
    (" n'était pas présente à la rencontre", True),
    (" a envoyé quelqu'un pour écouter", True),
    (" wasn't in the room", True),
    (" sent two officers to the session", True),
    (" is present in 600 communities", False),      # subject matter: where the body works
    (" est présente dans 600 communautés", False),
    (" should publish data on arrests", False),
])
def test_a_body_as_subject_of_speech_or_presence(after, attributes):
    from anonymizer.recognizers.trained_span_cues import PRESENT_AFTER
    assert bool(PRESENT_AFTER.match(after)) is attributes
