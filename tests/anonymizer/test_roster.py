"""What a registration list changes in a transcript: a witness's public body is not hers alone, and her surname
goes after a courtesy title even when it is also a town."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster
from anonymizer.french_bodies import is_public_body

ROWS = [("Odile Brassard", "Sénat"), ("Hugo Laval", "Université du Littoral"), ("Ama Kyei", "Nations Unies"),
        ("Tess Marwick", "Harbour Lights Collective")]


@pytest.fixture(scope="module")
def roster_engine(pipelines):
    # no allow-list: a conference administrator rarely lists every body
    return AnonymizerEngine(pipelines, roster=Roster.from_entries(ROWS), allowlist=AllowList([]))


def test_a_public_body_on_the_roster_stays_when_it_is_the_subject(roster_engine):
    text = ("Mme Brassard : Le Sénat a déjà étudié la question, et la charte des Nations Unies est claire.\n"
            "Mme Kyei (Nations Unies) : Je confirme.")
    res = roster_engine.anonymize(text, "fr")
    assert res.text == ("Mme [Participant 1] : Le Sénat a déjà étudié la question, et la charte des Nations Unies "
                        "est claire.\nMme [Participant 2] ([Organization 1]) : Je confirme.")


def test_a_civil_society_body_on_the_roster_goes_everywhere(roster_engine):
    res = roster_engine.anonymize("The Harbour Lights Collective runs two shelters.", "en")
    assert res.text == "The [Organization 1] runs two shelters."


def test_a_surname_that_is_also_a_town_goes_after_a_courtesy_title(roster_engine):
    res = roster_engine.anonymize("M. Laval : Les refuges de Laval débordent.", "fr")
    assert res.text == "M. [Participant 1] : Les refuges de Laval débordent."


@pytest.mark.parametrize("name, public", [
    ("Senate of Canada", True), ("ministère de la Justice", True), ("Embassy of Norway", True), ("RCMP", True),
    ("Cour d'appel de Lyon", True), ("Harbour Lights Collective", False), ("Université du Littoral", False),
])
def test_public_bodies_are_told_from_other_affiliations(name, public):
    assert is_public_body(name) is public


def test_a_demonym_or_a_subject_word_in_a_roster_group_name_is_no_short_form_of_it(pipelines):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Ines Bako", "African Peacekeeping Veterans Circle")]),
                              allowlist=AllowList(["Peacekeeping"]))
    res = engine.anonymize("The African Union backs the Peacekeeping training. The African Peacekeeping Veterans Circle "
                           "disagreed.", "en")
    assert res.text == "The African Union backs the Peacekeeping training. The [Organization 1] disagreed."
