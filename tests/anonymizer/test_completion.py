"""Removals completed to the whole name or title: the particles and initials of a name, the linking words of an
organization's name, the French form of address before a title, a diplomat's posting after hers."""
import pytest

from anonymizer import AnonymizerEngine, Roster
from anonymizer.completion import complete_names
from anonymizer.reasons import Reason
from anonymizer.recognizers.base import Candidate
from anonymizer.resolve import resolve


def test_the_particles_between_two_parts_of_a_name_go_with_them():
    text = "Van den Berg met the Embassy of the Netherlands and Ana and Li."

    def at(word, label):
        return Candidate(text.index(word), text.index(word) + len(word), label, Reason.ORG_NAME)
    cands = [at("Van", "PERSON"), at("Berg", "PERSON"), at("Embassy", "ORG"), at("Netherlands", "ORG"),
             at("Ana", "PERSON"), at("Li", "PERSON")]
    spans = [text[d.start:d.end] for d in resolve(complete_names(text, cands))]
    # "and" is no particle: two people stay two
    assert spans == ["Van den Berg", "Embassy of the Netherlands", "Ana", "Li"]


def test_lower_case_compound_initials_go_with_the_name_they_open(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Jean-Félix Arsenault", "Centre Passerelle")]),
                              allowlist=allow)
    result = engine.anonymize("Présences : Ana Li, j-f arsenault, 3 observatrices.", "fr")
    assert result.text == "Présences : [Participant 1], [Participant 2], 3 observatrices.", result.text


@pytest.mark.parametrize("note, lang, expected", [
    ("Mme la présidente. – Nous recevons Mme Vautrin. Monsieur le rapporteur, vous avez la parole.", "fr",
     "[Role]. – Nous recevons Mme [Participant 1]. [Role], vous avez la parole."),
    ("Mme le maire indique que la séance est ouverte.", "fr", "[Role] indique que la séance est ouverte."),
    ("M. Dethomas (MR). – Monsieur le Ministre, un dernier débat.", "fr", "M. [Participant 1] ([Role]). – [Role], un dernier débat."),
    ("DEPUTY CONVENER: Hamish Lyle (Mid Scotland and Fife) (Con)", "en",
     "DEPUTY [Role]: [Participant 1] ([Organization 1]) ([Organization 2])"),
    ("Statement by Mr. Idris Kamau, Permanent Representative of Kenya to the United Nations, 3 May.", "en",
     "Statement by Mr. [Participant 1], [Role], 3 May."),
])
def test_the_form_of_address_and_the_posting_go_with_the_title(bare_engine, note, lang, expected):
    assert bare_engine.anonymize(note, lang).text == expected


def test_a_posting_is_read_only_after_a_diplomats_title(bare_engine):
    note = "The Minister will report to the House of Commons in June."
    assert bare_engine.anonymize(note, "en").text == "The [Role] will report to the House of Commons in June."
