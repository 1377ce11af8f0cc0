"""An office that a note proposes to create or fill is an idea about a post and stays; the same titles pointing at
one person still go."""
import pytest


@pytest.mark.parametrize("note, lang", [
    ("Proposition : nommer un commissaire parlementaire aux FPS dans chaque province.", "fr"),
    ("Il faut un lien avec le futur commissaire à la sécurité numérique.", "fr"),
    ("We need to appoint an ombudsperson for veterans in each region.", "en"),
    ("The group proposes a Digital Safety Commissioner with order-making powers.", "en"),
])
def test_a_proposed_office_stays(bare_engine, note, lang):
    assert bare_engine.anonymize(note, lang).text == note


@pytest.mark.parametrize("note, lang, title, kept", [
    ("The new Deputy Minister said the plan is late.", "en", "Deputy Minister", " said the plan is late."),
    ("La nouvelle présidente a ouvert la séance.", "fr", "présidente", " a ouvert la séance."),
    ("Le commissaire parlementaire aux FPS a répondu aux questions.", "fr", "commissaire", " a répondu aux questions."),
])
def test_the_holder_of_an_office_still_goes(bare_engine, note, lang, title, kept):
    text = bare_engine.anonymize(note, lang).text
    assert title not in text and text.endswith(kept), text
