"""The trained domain span model: the training code runs, and the shipped weights do their job.

All names and organizations below are invented for these tests.
"""
import pytest
import spacy

from anonymizer import AllowList, AnonymizerEngine, Roster
from anonymizer.domain_model import COMPONENT, domain_spans, model_dir
from anonymizer.training.synth import generate
from anonymizer.training.train import train_language

shipped = pytest.mark.skipif(model_dir("en") is None or not (model_dir("en") / "ner").is_dir(),
                             reason="trained weights switched off or missing")


def test_generator_is_deterministic_and_labels_match_text():
    a, b = generate(30, "fr", seed=3), generate(30, "fr", seed=3)
    assert [n.text for n in a] == [n.text for n in b]
    labels = {lab for n in a for _s, _e, lab in n.spans}
    assert {"PERSON", "ORG", "ROLE"} <= labels
    for note in a:
        for s, e, _lab in note.spans:
            assert note.text[s:e].strip() == note.text[s:e] and e > s


def test_training_runs_on_a_tiny_set(tmp_path):
    out = train_language("en", 20, seed=0, out=tmp_path, max_epochs=1, log=lambda *_: None)
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["ner"]
    assert {"PERSON", "ORG", "ROLE"} <= set(nlp.get_pipe("ner").labels)


@shipped
def test_shipped_model_finds_an_invented_name(pipelines):
    nlp = pipelines["en"]
    assert COMPONENT in nlp.pipe_names
    doc = nlp("Zorvenka Palliday from the Quillmoor Tenants Alliance said the plan needs indicators.")
    found = {(s.text, s.label_) for s in domain_spans(doc)}
    assert ("Zorvenka Palliday", "PERSON") in found
    assert any(label == "ORG" and "Quillmoor" in text for text, label in found)
    # the general model's entities are left as they were for the rules
    assert all(e.label_ not in ("ROLE", "PLACE") for e in doc.ents)


@shipped
@pytest.mark.parametrize("note, body", [
    ("Global Affairs Canada should publish annual reports on mediation training.", "Global Affairs Canada"),
    ("Sécurité publique Canada devrait financer la formation des policières.", "Sécurité publique Canada"),
])
def test_allow_listed_body_as_subject_stays(pipelines, note, body):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList([body]))
    result = engine.anonymize(note)
    assert body in result.text


@shipped
def test_allow_listed_body_as_affiliation_goes(pipelines):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(["Global Affairs Canada"]))
    result = engine.anonymize("Officials of Global Affairs Canada said the indicators were late.")
    assert "Global Affairs Canada" not in result.text
    assert result.text.endswith("said the indicators were late.")
