"""The given-name lexicon is evidence, not a verdict; the QUASI flag covers the identifying phrase only.

All names here are invented for the tests.
"""
import pytest

from anonymizer import AnonymizerEngine, Roster
from anonymizer.given_names import given_names, is_given_name

pytestmark = pytest.mark.skipif(not given_names(), reason="given-name data file missing")


def redacted_texts(res):
    return [s.text for s in res.redactions]


def test_lexicon_is_folded_and_knows_compounds():
    assert is_given_name("ottilie") and is_given_name("jean-philippe") and is_given_name("marie-eve")
    assert not is_given_name("shelter") and not is_given_name("xq")


def test_capitalised_and_all_caps_given_names_go_without_roster(bare_engine):
    res = bare_engine.anonymize("Thanks to Solveig for the minutes.\nSOLVEIG BRANNAGH SAID THE PLAN IS LATE.\n"
                                "Tamsin Quillfeather wants core funding for shelters.", "en")
    for frag in ("Solveig for", "SOLVEIG BRANNAGH", "Tamsin Quillfeather"):
        assert frag not in res.text, frag
    assert "core funding for shelters" in res.text and "THE PLAN IS LATE" in res.text


def test_ordinary_word_names_need_a_cue(bare_engine):
    theme = bare_engine.anonymize("We spoke of hope and joy. Hope for peace was the theme. In May the report is due.", "en")
    assert theme.redactions == [], redacted_texts(theme)
    assert theme.text == "We spoke of hope and joy. Hope for peace was the theme. In May the report is due."
    # once the note makes a word-name a person, every mention of it goes (note-level consistency)
    res = bare_engine.anonymize("Joy (Kestrel Women's Lodge) asked for data. Later we asked Hope about it.", "en")
    assert "Joy (" not in res.text and "asked Hope" not in res.text
    assert "asked for data. Later we asked [Participant" in res.text


def test_places_and_programmes_that_contain_given_names_stay(bare_engine):
    res = bare_engine.anonymize("Women in Sierra Leone and Georgia need support; Operation Florence trained medics.", "en")
    assert "Sierra Leone" in res.text and "Georgia" in res.text and "Operation Florence" in res.text


def test_roster_names_that_are_words_go_with_a_cue(pipelines, allow):
    roster = Roster.from_entries([("Joy Tremaine-Osei", "Harbourlight Collective"),
                                  ("Dawn Kettleby", "Prairie Loon Society")])
    engine = AnonymizerEngine(pipelines, roster=roster, allowlist=allow)
    res = engine.anonymize("notes grp b\njoy from the shelter said youth never get asked.\n"
                           "Everyone agreed, Dawn too. We asked joy again. There is little joy in the data.", "en")
    assert "joy from" not in res.text and "Dawn too" not in res.text and "asked joy" not in res.text
    assert "little joy in the data" in res.text


def test_quasi_flag_covers_the_phrase_not_the_sentence(bare_engine):
    text = ("As the only Inuk woman on the panel, she said the plan ignores the North and needs new money.\n"
            "A participant who led the 2014 review of the plan said the indicators were never funded.")
    res = bare_engine.anonymize(text, "en")
    flags = [s.text for s in res.spans if s.action == "flag"]
    assert "As the only Inuk woman on the panel" in flags
    assert "who led the 2014 review of the plan" in flags
    assert all("never funded" not in f and "needs new money" not in f for f in flags)


def test_grammar_words_in_the_name_lexicon_never_start_a_name(pipelines, allow):
    from anonymizer import AnonymizerEngine, Roster

    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow)
    for text in ("The Brightwater rep argued for core funding.", "The Tallis rep argued for core funding."):
        result = engine.anonymize(text)
        assert result.text.startswith("The [")  # the article stays; the affiliation goes
        assert [s.text for s in result.spans] == [text.split()[1]]



@pytest.mark.parametrize("note, lang, kept", [
    ("Action: lukas brennan to circulate the draft by Friday.", "en", "Action: [Participant 1] to circulate the draft"),
    ("Suivi : mireille fortier va envoyer la liste.", "fr", "Suivi : [Participant 1] va envoyer la liste."),
])
def test_the_lower_case_owner_of_an_action_item_goes(bare_engine, note, lang, kept):
    assert bare_engine.anonymize(note, lang).text.startswith(kept)


def test_an_action_item_on_a_thing_keeps_its_words(bare_engine):
    note = "Action: funding formula to be reviewed by Friday."
    assert bare_engine.anonymize(note, "en").text == note
