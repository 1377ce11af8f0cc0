"""Bills and laws stay, even when their words are also names on the roster."""
import pytest

from anonymizer import AnonymizerEngine, Roster
from anonymizer.legislation import names_legislation


@pytest.mark.parametrize("text, word, legislation", [
    ("we continue our study of Bill S-9, an act respecting", "Bill", True),
    ("l'étude du projet de loi C-41 se poursuit", "C", True),
    ("Loi modifiant la Loi sur les océans", "Loi", True),
    ("Bill Okafor said the shelters are full", "Bill", False),
    ("C. Dufresne a pris la parole", "C", False),
])
def test_a_bill_number_or_a_law_title_marks_legislation(text, word, legislation):
    s = text.index(word)
    assert names_legislation(text, s, s + len(word)) is legislation


def test_a_bill_stays_even_with_a_bill_on_the_roster(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Bill Okafor", "Harbour Light Network")]),
                              allowlist=allow)
    res = engine.anonymize("Bill Okafor asked about Bill S-9. Bill thinks it is too narrow.", "en")
    assert res.text.startswith("[Participant 1] asked about Bill S-9. [Participant 1] thinks")


@pytest.mark.parametrize("lang, text, kept, gone", [
    ("fr", "Étude détaillée du projet de loi n° 12, Loi sur le Commissaire aux aînés et à la solidarité.",
     "Loi sur le Commissaire aux aînés", None),
    ("en", "Clause 4 of the Act respecting the Commissioner for Children sets the term. The Commissioner said it works.",
     "Act respecting the Commissioner for Children sets the term", "The Commissioner said"),
])
def test_the_office_a_law_creates_stays_in_its_title(pipelines, allow, lang, text, kept, gone):
    res = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow).anonymize(text, lang)
    assert kept in res.text
    if gone:
        assert gone not in res.text and "[Role] said it works" in res.text
