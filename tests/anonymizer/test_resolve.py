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


def test_observers_of_a_body_in_an_attendance_line_lose_the_body(pipelines, allow):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow)
    result = engine.anonymize("Present: Ana Lima, Kofi Mensah, two PHAC observers.\nIdea: PHAC should fund trauma care.")
    assert result.text.endswith("two [Organization 1] observers.\nIdea: PHAC should fund trauma care."), result.text

