"""Offices described in prose ("who heads …", "qui dirige …") go as a role; work that is no post stays."""
import pytest


@pytest.mark.parametrize("note, lang, gone, kept", [
    ("Later Imani, who heads the tenant clinic's housing practice, offered to write the baseline.", "en",
     "heads the tenant clinic's housing practice", "offered to write the baseline."),
    ("Noor explained the grant rules; she manages the small grants window at the foundation.", "en",
     "manages the small grants window", "explained the grant rules;"),
    ("Nous avons entendu Aurore, qui dirige le volet jeunesse du réseau, sur la question des stages.", "fr",
     "dirige le volet jeunesse du réseau", "sur la question des stages."),
])
def test_an_office_described_by_what_a_person_leads_goes(bare_engine, note, lang, gone, kept):
    res = bare_engine.anonymize(note, lang)
    assert gone not in res.text and "[Role]" in res.text
    assert kept in res.text


@pytest.mark.parametrize("note, lang", [
    ("The fund that manages the small grants window should publish its criteria.", "en"),
    ("She leads the discussion on funding every Tuesday.", "en"),
    ("Le ministère qui gère le fonds devrait publier ses critères.", "fr"),
])
def test_work_that_is_no_post_stays(bare_engine, note, lang):
    assert "[Role]" not in bare_engine.anonymize(note, lang).text
