"""Overlapping detections: the merged span takes the label a reader expects."""
from anonymizer import AnonymizerEngine, Roster


def test_roster_organization_keeps_its_label_when_ner_reads_a_person(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Ilse Vandermeer", "Tessaly Women's Collective")]),
                              allowlist=allow)
    result = engine.anonymize("Ilse Vandermeer from the Tessaly Women's Collective said shelters need funding.")
    labels = {s.text: s.label for s in result.spans}
    assert labels["Tessaly Women's Collective"] == "ORG"
    assert "[Organization 1]" in result.text


def test_organization_name_is_not_called_a_person(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow)
    result = engine.anonymize("- Solenne Varga (Quillmere Women's Network) said the plan needs a budget.")
    labels = {s.text: s.label for s in result.spans}
    assert labels == {"Solenne Varga": "PERSON", "Quillmere Women's Network": "ORG"}
    assert result.text.startswith("- [Participant 1] ([Organization 1]) said")


def test_the_particles_between_two_parts_of_a_name_go_with_them():
    from anonymizer.reasons import Reason
    from anonymizer.recognizers.base import Candidate
    from anonymizer.resolve import bridge_name_particles, resolve

    text = "Van den Berg met the Embassy of the Netherlands and Ana and Li."
    def at(word, label):
        return Candidate(text.index(word), text.index(word) + len(word), label, Reason.ORG_NAME)
    cands = [at("Van", "PERSON"), at("Berg", "PERSON"), at("Embassy", "ORG"), at("Netherlands", "ORG"),
             at("Ana", "PERSON"), at("Li", "PERSON")]
    spans = [text[d.start:d.end] for d in resolve(bridge_name_particles(text, cands))]
    # "and" is no particle: two people stay two
    assert spans == ["Van den Berg", "Embassy of the Netherlands", "Ana", "Li"]


def test_observers_of_a_body_in_an_attendance_line_lose_the_body(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow)
    result = engine.anonymize("Present: Ana Lima, Kofi Mensah, two PHAC observers.\nIdea: PHAC should fund trauma care.")
    assert result.text.endswith("two [Organization 1] observers.\nIdea: PHAC should fund trauma care."), result.text


def test_lower_case_compound_initials_go_with_the_name_they_open(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.from_entries([("Jean-Félix Arsenault", "Centre Passerelle")]),
                              allowlist=allow)
    result = engine.anonymize("Présences : Ana Li, j-f arsenault, 3 observatrices.", "fr")
    assert result.text == "Présences : [Participant 1], [Participant 2], 3 observatrices.", result.text
