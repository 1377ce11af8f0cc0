"""Removals completed to the whole name or title: the particles and initials of a name, the linking words of an
organization's name, the French form of address before a title, a diplomat's posting after hers."""
import pytest

from anonymizer import AnonymizerEngine, Roster
from anonymizer.completion import complete_names
from anonymizer.reasons import Reason
from anonymizer.recognizers.base import Candidate
from anonymizer.resolve import resolve


def test_the_particles_between_two_parts_of_a_name_go_with_them():
    text = "Van den Berg met the High Commission of Ghana and Ana and Li."

    def at(word, label):
        return Candidate(text.index(word), text.index(word) + len(word), label, Reason.ORG_NAME)
    cands = [at("Van", "PERSON"), at("Berg", "PERSON"), at("High Commission", "ORG"), at("Ghana", "ORG"),
             at("Ana", "PERSON"), at("Li", "PERSON")]
    spans = [text[d.start:d.end] for d in resolve(complete_names(text, cands))]
    # "and" is no particle: two people stay two
    assert spans == ["Van den Berg", "High Commission of Ghana", "Ana", "Li"]


def test_lower_case_compound_initials_go_with_the_name_they_open(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Jean-Félix Arsenault", "Centre Passerelle")]),
                              allowlist=allow)
    result = engine.anonymize("Présences : Ana Li, j-f arsenault, 3 observatrices.", "fr")
    assert result.text == "Présences : [Participant 1], [Participant 2], 3 observatrices.", result.text


@pytest.mark.parametrize("note, lang, expected", [
    ("Mme la présidente. – Nous entendons Mme Vautrin. Monsieur le rapporteur, à vous.", "fr",
     "[Role]. – Nous entendons Mme [Participant 1]. [Role], à vous."),
    ("Mme le maire indique que la séance est ouverte.", "fr", "[Role] indique que la séance est ouverte."),
    ("M. Vandeputte (MR). – Monsieur le Ministre, une question sur les budgets.", "fr",
     "M. [Participant 1] ([Role]). – [Role], une question sur les budgets."),
    ("DEPUTY CONVENER: Morag Kell (Lothian) (Lab)", "en",
     "DEPUTY [Role]: [Participant 1] ([Organization 1]) ([Organization 2])"),
    ("Statement by Mr. Idris Kamau, Permanent Representative of Ghana to the United Nations, 3 May.", "en",
     "Statement by Mr. [Participant 1], [Role], 3 May."),
])
def test_the_form_of_address_and_the_posting_go_with_the_title(bare_engine, note, lang, expected):
    assert bare_engine.anonymize(note, lang).text == expected


def test_a_posting_is_read_only_after_a_diplomats_title(bare_engine):
    note = "The Minister will report to the House of Commons in June."
    assert bare_engine.anonymize(note, "en").text == "The [Role] will report to the House of Commons in June."
