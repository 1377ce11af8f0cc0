"""Where a model span is cut, and what a note typed all in lower case loses: a group's name in lower case keeps
its ordinary words, a name ends at a bracket or a verb, and lower-case names go when they act."""
import pytest

from anonymizer.recognizers.trained_spans import _only_common_words


def test_a_lower_case_group_in_brackets_goes_whole_and_the_name_before_it_too(bare_engine):
    res = bare_engine.anonymize("- ines (entraide des femmes en exil) veut un fonds", "fr")
    # the model reads the bracket as her group or her title; either way it goes whole
    assert res.text in ("- [Participant 1] ([Organization 1]) veut un fonds", "- [Participant 1] ([Role]) veut un fonds")


def test_a_lower_case_body_after_a_named_person_goes(bare_engine):
    res = bare_engine.anonymize("- nell (tenant union) wants rent data\n- ok\n- jun will circulate the notes", "en")
    assert res.text == "- [Participant 1] ([Organization 1]) wants rent data\n- ok\n- [Participant 2] will circulate the notes"


@pytest.mark.parametrize("note, name, kept", [
    ("notes rapides\n- on commence en retard\n- malika propose de relire le texte\n- pause cafe", "malika",
     "propose de relire le texte"),
    ("- bruno d'ircc: les delais sont longs\n- ok pour le suivi\n- fin a 16h", "bruno", "les delais sont longs"),
    # a name that is also an ordinary word, which no rule takes without the lower-case note and the verb after it
    ("notes rapides\n- on commence en retard\n- joy a offert de relire le texte\n- pause cafe", "joy",
     "a offert de relire le texte"),
])
def test_a_lower_case_name_that_acts_goes_in_a_lower_case_note(bare_engine, note, name, kept):
    res = bare_engine.anonymize(note, "fr")
    assert name not in res.text
    assert "[Participant 1]" in res.text and kept in res.text


def test_a_group_name_ends_before_the_verb(bare_engine):
    res = bare_engine.anonymize("The Maple Ridge Tenants Network should get core funding.", "en")
    assert res.text == "The [Organization 1] should get core funding."


@pytest.mark.parametrize("surface, spelled", [("g a c", True), ("i s e d", True), ("a plan", False)])
def test_letters_spelled_one_by_one_are_no_ordinary_words(surface, spelled):
    text = f"later the {surface} rep answered"
    assert _only_common_words(text, 10, surface) is not spelled


@pytest.mark.parametrize("text, cut, whole", [
    ("The director of refugee protection was away.", 3, "director of refugee protection"),
    ("La directrice des communications a parlé.", 3, "directrice des communications"),
    ("The chair of the board said no.", 3, "chair of the board"),
])
def test_a_title_left_hanging_on_its_preposition_takes_the_words_that_complete_it(pipelines, text, cut, whole):
    from spacy.tokens import Span

    from anonymizer.recognizers.trained_span_edges import trim_role as _trim_role

    doc = pipelines["fr" if text.startswith("La ") else "en"](text)
    assert _trim_role(Span(doc, 1, cut, label="ROLE")).text == whole


def test_the_co_chairs_of_a_meeting_are_named_by_their_plural_title(bare_engine):
    res = bare_engine.anonymize("After lunch the co-chairs summed up the three proposals.", "en")
    assert res.text == "After lunch the [Role] summed up the three proposals."


@pytest.mark.parametrize("surface", ["The Convener", "chairperson-designate", "garde des Sceaux"])
def test_titles_of_committees_and_hyphenated_titles_are_titles(surface):
    from anonymizer.recognizers.trained_span_edges import has_title_word

    assert has_title_word(surface)


@pytest.mark.parametrize("note, lang, name", [
    ("Hi all,\nThe draft is attached; comments by Tuesday please.\n\nThanks,\nGrant\n", "en", "Grant"),
    ("Bonjour à toutes,\nLe compte rendu est en pièce jointe.\n\nCordialement,\nAurore", "fr", "Aurore"),
])
def test_the_name_under_an_e_mail_sign_off_goes(bare_engine, note, lang, name):
    res = bare_engine.anonymize(note, lang)
    assert name not in res.text and res.text.rstrip().endswith("[Participant 1]")


def test_speaker_initials_in_square_brackets_go_as_people(bare_engine):
    note = "- the pilot ran in three provinces.\n- [TK] said the budget is too small.\n- [RB] wants a second round."
    res = bare_engine.anonymize(note, "en")
    assert res.text == ("- the pilot ran in three provinces.\n- [[Participant 1]] said the budget is too small.\n"
                        "- [[Participant 2]] wants a second round.")
