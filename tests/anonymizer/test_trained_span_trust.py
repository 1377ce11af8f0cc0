"""When a place, body or title found by the trained model goes without a cue word, and when it stays."""
import pytest

from anonymizer.recognizers.trained_span_trust import defined_terms, place_is_setting, trusted_org, trusted_role
from expect import check


@pytest.mark.parametrize("surface, before, after", [
    ("Tamale", "she runs a radio programme for women in ", ", which the plan could fund"),
    ("Tanzania and Malawi", "funds groups from ", " to train mediators."),
    ("Chiapas", "the pilots in Oaxaca and ", " were cheaper."),
    ("Nunavik", "les refuges au ", " manquent de places."),
    ("Gabon", "Nous savons que le ", " n'a pas encore de plan."),
])
def test_a_place_where_something_happens_is_a_setting(surface, before, after):
    assert place_is_setting(surface, before, after)


@pytest.mark.parametrize("surface, before, after", [
    ("Kugluktuk", "Ayla, Kugluktuk: ", ""), ("Tamale", "Ama Boakye-Nti, ", ": the plan needs money."),
    ("Chibougamau", "Mme Laferrière (", ") a ouvert la séance."),
    ("Moncton", "Next up, straight from ", ": she wants core funding for rural shelters."),
])
def test_a_place_beside_a_speaker_is_no_setting(surface, before, after):
    assert not place_is_setting(surface, before, after)


@pytest.mark.parametrize("surface, trusted", [
    ("Brightwater Legal Clinic", True), ("the youth drop-in", True), ("Qilak Women's Circle", True),
    ("Northern fund for trainers, open to groups", False), ("women's voice", False),
    ("one two three four five six seven words", False), ("SQ", False), ("Public Safety Canada", False),
    ("the RCMP", False), ("KWN", True),
])
def test_an_organization_is_trusted_when_it_reads_as_a_name(surface, trusted):
    words = [w.lower() for w in surface.replace(",", " ").split()]
    assert trusted_org(surface, words) is trusted


@pytest.mark.parametrize("words, trusted", [
    (["sous-ministre", "déléguée"], True), (["directrice", "du", "kivalliq"], True),
    (["kivalliq", "liaison"], True), (["policy", "lead"], True), (["staff"], False),
    (["agente", "de", "liaison"], True),
    (["prevoir"], False), (["key", "themes"], False), (["funding", "gaps"], False), (["advice", "for", "ottawa"], False),
])
def test_a_title_is_trusted_unless_it_ends_in_a_plural_or_is_a_lone_infinitive(words, trusted):
    assert trusted_role(words) is trusted


@pytest.mark.parametrize("lang, note, kept", [
    ("en", "Shelters in Yellowknife and Inuvik need stable funding, and groups in Tamale want the same.",
     ["Shelters in Yellowknife and Inuvik need stable funding"]),
    ("fr", "Les refuges au Nunavik et en Abitibi manquent de places; le Gabon n'a pas encore de plan.",
     ["Les refuges au Nunavik et en Abitibi manquent de places"]),
])
def test_places_that_are_the_subject_of_an_idea_stay(bare_engine, lang, note, kept):
    check(bare_engine, note, lang, [], kept)


@pytest.mark.parametrize("surface, before, after", [
    ("Tamale", "Ama Boakye-Nti, ", ", Ghana: the plan needs money."),
    ("Ghana", "Ama Boakye-Nti, Tamale, ", ": the plan needs money."),
])
def test_a_caption_with_commas_is_no_list_of_places(surface, before, after):
    assert not place_is_setting(surface, before, after)


def test_a_title_ending_in_a_named_place_is_no_plural():
    assert trusted_role(["member", "for", "gulf", "islands"], "member for Gulf Islands")
    assert not trusted_role(["key", "themes"], "key themes")


def test_an_acronym_the_note_defines_from_ordinary_words_names_a_subject():
    text = ("Groups raised sexual harassment and abuse (SHA) in missions; les mutilations génitales féminines (MGF) "
            "aussi. The Kivu Women Network (KWN) asked for funding.")
    assert defined_terms(text) == {"SHA", "MGF"}


@pytest.mark.parametrize("lang, note, gone, kept", [
    ("en", "Welcome round. Next up, straight from Moncton: she wants core funding for rural shelters.",
     ["Moncton"], ["she wants core funding for rural shelters"]),
    ("en", "Groups raised sexual harassment and abuse (SHA) in missions; SHA reporting is weak.",
     [], ["sexual harassment and abuse (SHA) in missions; SHA reporting is weak"]),
    ("en", "Hope for peace dominated the morning. Faith opened the session with a question on shelters.",
     ["Faith"], ["Hope for peace dominated the morning", "opened the session with a question on shelters"]),
])
def test_the_model_is_trusted_unless_the_words_around_say_otherwise(bare_engine, lang, note, gone, kept):
    check(bare_engine, note, lang, gone, kept)
