"""An office that a note proposes to create or fill is an idea about a post and stays; the same titles pointing at
one person still go."""
import pytest


@pytest.mark.parametrize("note, lang", [
    ("Idée : nommer une commissaire indépendante aux victimes dans chaque province.", "fr"),
    ("Le rapport devra aller au futur commissaire aux victimes.", "fr"),
    ("We need to appoint an ombudsperson for veterans in each region.", "en"),
    ("The group proposes a Veterans Commissioner with real powers.", "en"),
])
def test_a_proposed_office_stays(bare_engine, note, lang):
    assert bare_engine.anonymize(note, lang).text == note


@pytest.mark.parametrize("note, lang, title, kept", [
    ("The new Deputy Minister said the plan is late.", "en", "Deputy Minister", " said the plan is late."),
    ("La nouvelle présidente a ouvert la séance.", "fr", "présidente", " a ouvert la séance."),
    ("La commissaire aux victimes a répondu aux questions.", "fr", "commissaire", " a répondu aux questions."),
])
def test_the_holder_of_an_office_still_goes(bare_engine, note, lang, title, kept):
    text = bare_engine.anonymize(note, lang).text
    assert title not in text and text.endswith(kept), text
