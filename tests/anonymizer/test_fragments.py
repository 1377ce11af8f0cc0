"""Name fragments beside a found name, and dotted initials (invented names only)."""
from __future__ import annotations

import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster


@pytest.fixture(scope="module")
def engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.from_entries([("Oriane Velasquez-Thorn", "Lowmoor Tenants Circle")]),
                            allowlist=AllowList(["UN Women"]))


@pytest.mark.parametrize("note, leaked", [
    ("According to oriane velasquez-thorn, the targets are too vague.", "oriane"),
    ("Funding must reach rural shelters.\nOriane\nVelasquez-Thorn said the fund matters.", "Oriane"),
    ("Action: emma velasquez-thorn to circulate the draft.", "emma"),
    ("K.T. asked for the report in plain language.", "K.T."),
])
def test_the_rest_of_a_name_goes(engine, note, leaked):
    out = engine.anonymize(note).text
    assert leaked not in out
    assert "[Participant 1]" in out


def test_grammar_words_and_dotted_abbreviations_stay(engine):
    out = engine.anonymize("Oriane Velasquez-Thorn may attend; the U.S. and UN Women should fund shelters by 3 p.m.").text
    assert out.startswith("[Participant 1] may attend;")
    assert "the U.S. and UN Women should fund shelters by 3 p.m." in out


def test_a_lower_case_surname_that_is_also_a_word_goes(engine):
    out = engine.anonymize("Action: oriane arias to circulate the draft by Friday.").text
    assert "arias" not in out and out.startswith("Action: [Participant 1] to circulate the draft")
