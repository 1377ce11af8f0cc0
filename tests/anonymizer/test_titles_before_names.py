"""A rank or form of address right before a removed name stays; the same word alone is a title and goes."""
import pytest

from anonymizer.titles_before_names import is_rank


@pytest.mark.parametrize("lang, note, name, rank", [
    ("en", "Present: Sgt Okwuosa-Bell (RCMP) and LCol Brannigan (DND).", "Okwuosa-Bell", "Sgt"),
    ("en", "Insp. Vantreight said the unit has no interpreters.", "Vantreight", "Insp."),
    ("fr", "Lieutenante-colonelle Pélissard a présenté le bilan des déploiements.", "Pélissard", "Lieutenante-colonelle"),
    ("fr", "Selon la commandante Harvelin, les quarts de nuit manquent de personnel.", "Harvelin", "commandante"),
    # an abbreviated rank before a surname that is also a common word ("gagné": won)
    ("fr", "Présences : surint. Gagné, Ana Li, trois observatrices.", "Gagné", "surint."),
])
def test_the_rank_before_a_removed_name_stays(bare_engine, lang, note, name, rank):
    res = bare_engine.anonymize(note, lang)
    assert name not in res.text
    assert f"{rank} [Participant" in res.text


@pytest.mark.parametrize("lang, note, title", [
    ("en", "The Inspector said the unit has no interpreters.", "Inspector"),
    ("fr", "La colonelle a rappelé les chiffres de recrutement.", "colonelle"),
    ("en", "Deputy Commissioner Vantreight (RCMP) opened the session.", "Deputy Commissioner"),
])
def test_a_title_alone_or_an_office_before_a_name_goes(bare_engine, lang, note, title):
    res = bare_engine.anonymize(note, lang)
    assert title not in res.text and "[Role" in res.text


def test_ranks_are_matched_whatever_the_case_accents_and_final_dot():
    assert is_rank("LCOL") and is_rank("Insp.") and is_rank("lieutenante-colonelle") and is_rank("SÉNATRICE")
    assert not is_rank("Deputy Commissioner") and not is_rank("Director")


def test_people_addressed_in_the_plural_are_no_organization(bare_engine):
    res = bare_engine.anonymize("Madame la présidente, Mmes et MM. les membres du comité, le plan tarde.", "fr")
    assert "Mmes et MM. les membres du comité, le plan tarde." in res.text
