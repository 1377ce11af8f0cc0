"""Contacts written as they are said or typed in a hurry: dictated e-mails and numbers, local numbers,
non-breaking hyphens, postal addresses; and the figures and counts that look like them but stay."""
import pytest

from expect import check


@pytest.mark.parametrize("lang, note, gone, kept", [
    ("fr", "son courriel c'est ines point rovald arobas exemple point ca, elle attend nos idées",
     ["ines point rovald arobas exemple point ca"], ["son courriel c'est", "elle attend nos idées"]),
    ("en", "so um email her at tam dot okwir at example dot org okay next point",
     ["tam dot okwir at example dot org"], ["so um email her at", "okay next point"]),
    ("en", "call six one three five five five oh one four two for the shelter list",
     ["six one three five five five oh one four two"], ["for the shelter list"]),
    ("fr", "rappeler au six un trois, cinq cinq cinq, zéro un quatre deux pour la suite",
     ["six un trois, cinq cinq cinq, zéro un quatre deux"], ["pour la suite"]),
    ("fr", "texte au 5550142 si tu veux la présentation", ["5550142"], ["si tu veux la présentation"]),
    ("fr", "Tél. : 613\u2011555\u20110142 (bureau)", ["613\u2011555\u20110142"], ["(bureau)"]),
    ("fr", "Écrire au 819-555-0177, poste 3318, avant midi.", ["819-555-0177, poste 3318"], ["Écrire au", "avant midi."]),
    ("fr", "Le centre est au 214, rue des Érables, Moncton (N.-B.) E1A 3K9 depuis mars.",
     ["214, rue des Érables", "E1A 3K9"], ["Le centre est au", "depuis mars."]),
    ("en", "Send the forms to 88 Larchmont Avenue, Ottawa K1S 4X2 by Friday.",
     ["88 Larchmont Avenue", "K1S 4X2"], ["Send the forms to", "by Friday."]),
])
def test_contact_written_as_said_or_in_a_hurry_is_removed(bare_engine, lang, note, gone, kept):
    res = check(bare_engine, note, lang, gone, kept)
    assert "[Contact]" in res.text


@pytest.mark.parametrize("lang, note", [
    ("en", "Our priorities: one, two, three, four, five, six and seven are all about funding."),
    ("en", "The number is 1500000 women displaced, and the 2023 Supreme Court ruling matters."),
    ("en", "We met at noon; the point is that Canada Place hosted the 2019 forum."),
    ("fr", "Un, deux, trois, quatre, cinq, six, sept : les étapes du plan sont claires."),
])
def test_counts_figures_and_places_that_look_like_contacts_stay(bare_engine, lang, note):
    res = bare_engine.anonymize(note, lang)
    assert "[Contact]" not in res.text
    assert any(ch.isdigit() for ch in note) <= any(ch.isdigit() for ch in res.text)


@pytest.mark.parametrize("lang, note, label", [
    ("en", "Email: info@example.org", "Email:"), ("fr", "Courriel : info@example.ca", "Courriel :"),
    ("fr", "Écrivez à info@example.ca avant vendredi.", "Écrivez à"),
])
def test_the_word_that_introduces_a_contact_stays(bare_engine, lang, note, label):
    res = bare_engine.anonymize(note, lang)
    assert res.text.startswith(label) and "[Contact]" in res.text
