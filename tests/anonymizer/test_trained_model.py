"""The trained domain span model: the training code runs, and the shipped weights do their job.

All names and organizations below are invented for these tests.
"""
import hashlib
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from anonymizer import AllowList, AnonymizerEngine, Roster
from anonymizer.domain_model import COMPONENT, domain_spans, member_paths, model_dir
from anonymizer.evaluation import load_jsonl
from anonymizer.training.lexicon import load_lexicon
from anonymizer.training.real_text import load_real, parse_marked
from anonymizer.training.written import WRITTEN_SETS, load_written, note_from_record
from anonymizer.training.styles import STYLES
from anonymizer.training.synth import generate, make_note
from anonymizer.training.validate import build
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


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_style_appears_and_its_spans_line_up(lang):
    notes = generate(160, lang, seed=5)
    assert {n.style for n in notes} == set(STYLES)
    for note in notes:
        starts = sorted(note.spans)
        for (s1, e1, _), (s2, _e2, _) in zip(starts, starts[1:]):
            assert e1 <= s2, "spans never overlap"
    spans = [(n.text[s:e], lab) for n in notes for s, e, lab in n.spans]
    assert {"PERSON", "ORG", "ROLE", "PLACE", "KEEP"} <= {lab for _t, lab in spans}
    # the same public body is sometimes removed (affiliation) and sometimes kept (subject matter)
    orgs = {t for t, lab in spans if lab == "ORG"}
    kept = {t for t, lab in spans if lab == "KEEP"}
    assert orgs & kept
    # case styles: some notes are all lower case, some all capitals
    assert any(n.text == n.text.lower() for n in notes) and any(n.text == n.text.upper() for n in notes)


def test_a_transcript_line_labels_speaker_title_and_body():
    note = make_note(random.Random(11), "en", seed=0, style="hansard")
    lines = note.text.splitlines()
    assert len(lines) >= 3 and all(": " in ln or " —" in ln for ln in lines)
    assert any(lab == "PERSON" for _s, _e, lab in note.spans)


def test_french_bodies_keep_their_article_outside_the_span():
    notes = generate(200, "fr", seed=2)
    for note in notes:
        for s, e, lab in note.entities:
            if lab in ("ORG", "PLACE"):  # a surname may start with a particle ("du Pont")
                assert not re.match(r"(?:la|le|les|du|des) ", note.text[s:e]), note.text[s:e]


def test_validation_split_draws_names_the_training_never_sees():
    train, valid = load_lexicon(0, "train"), load_lexicon(0, "valid")
    only_valid = set(valid.surnames) - set(train.surnames)
    assert len(only_valid) > 0.7 * len(set(valid.surnames))
    assert not set(valid.bodies) & set(train.bodies)
    assert not set(valid.cso["type"]) & set(train.cso["type"])


def test_validation_corpus_is_in_the_annotated_format(tmp_path):
    build(tmp_path, n_per_lang=6, seed=9)
    gold = load_jsonl(tmp_path / "notes.jsonl")
    assert {g["lang"] for g in gold} == {"en", "fr"} and len(gold) == 12
    for g in gold:
        for sp in g["redact"] + g["keep"]:
            assert g["text"][sp["start"]:sp["end"]] == sp["text"]
    assert "Global Affairs Canada" in (tmp_path / "allowlist.txt").read_text(encoding="utf-8").splitlines()


def test_training_runs_on_a_tiny_set(tmp_path):
    out = train_language("en", 20, seed=0, out=tmp_path, max_epochs=1, log=lambda *_: None, annotated_repeat=1, max_steps=30)
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["ner"]
    assert {"PERSON", "ORG", "ROLE"} <= set(nlp.get_pipe("ner").labels)


def _file_digests(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_training_runs_write_identical_files_whatever_the_hash_seed(tmp_path):
    """Reproducibility: the same seed and data give byte-identical weights, even when Python's string hashing
    (and so set order, which decides the order new labels are added in) differs between the runs."""
    outs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"run{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-m", "anonymizer", "train", "--lang", "fr", "--n-notes", "30",
                        "--max-steps", "8", "--annotated-repeat", "1", "--jobs", "1", "--out", str(out)],
                       check=True, env=env, cwd=Path(__file__).resolve().parents[2], capture_output=True)
        outs.append(_file_digests(out))
    assert "fr/ner/model" in outs[0] and "fr/ner/moves" in outs[0] and "fr-2/ner/model" in outs[0]
    assert outs[0] == outs[1]
    # the second member of the ensemble is what a lone run on the next seed writes
    alone = tmp_path / "alone"
    subprocess.run([sys.executable, "-m", "anonymizer", "train", "--lang", "fr", "--n-notes", "30", "--seed", "1",
                    "--max-steps", "8", "--annotated-repeat", "1", "--jobs", "1", "--members", "1", "--out", str(alone)],
                   check=True, env={**os.environ, "PYTHONHASHSEED": "0"}, cwd=Path(__file__).resolve().parents[2],
                   capture_output=True)
    assert not (alone / "fr-2").exists()
    second = {k[len("fr-2/"):]: v for k, v in outs[0].items() if k.startswith("fr-2/")}
    assert second == {k[len("fr/"):]: v for k, v in _file_digests(alone).items() if k.startswith("fr/")}


def test_the_ensemble_loads_its_members_in_order(tmp_path):
    for name in ("en", "en-2", "en-10", "en-x", "fr-2"):
        (tmp_path / name).mkdir()
    assert [p.name for p in member_paths(tmp_path / "en")] == ["en", "en-2", "en-10"]


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
    # both models of the shipped ensemble read the note, and no two of their spans overlap
    assert len(nlp.get_pipe(COMPONENT).ners) == 2
    spans = sorted(domain_spans(doc), key=lambda span: span.start)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


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


def test_marked_real_passage_parses_to_offsets():
    note = parse_marked("Ms [[Orlaith Venn|PERSON]], [[Deputy Secretary, Policy|ROLE]], said {{UN Women}} should lead.", "en")
    assert note.text == "Ms Orlaith Venn, Deputy Secretary, Policy, said UN Women should lead."
    assert [(note.text[s:e], lab) for s, e, lab in note.spans] == [
        ("Orlaith Venn", "PERSON"), ("Deputy Secretary, Policy", "ROLE"), ("UN Women", "KEEP")]


def test_real_training_passages_load_in_both_languages():
    en, fr = load_real(lang="en"), load_real(lang="fr")
    assert en and fr
    for note in en + fr:
        assert note.entities and all(note.text[s:e].strip() == note.text[s:e] for s, e, _ in note.spans)


def test_written_record_keeps_its_entities_and_subject_matter_but_not_contacts():
    text = "Per Ilsabet Quorne (Rivermark Collective): call 613-555-0142. Nunavut needs shelters."
    record = {"lang": "en", "text": text, "keep": [{"start": 62, "end": 69, "label": "KEEP"}], "redact": [
        {"start": 4, "end": 18, "label": "PERSON"}, {"start": 20, "end": 40, "label": "ORG"},
        {"start": 48, "end": 60, "label": "CONTACT"}]}
    note = note_from_record(record)
    assert [(note.text[s:e], lab) for s, e, lab in note.spans] == [
        ("Ilsabet Quorne", "PERSON"), ("Rivermark Collective", "ORG"), ("Nunavut", "KEEP")]
    assert [note.text[s:e] for s, e, _ in note.entities] == ["Ilsabet Quorne", "Rivermark Collective"]


def test_written_training_sets_load_in_both_languages_and_none_is_still_an_evaluation_set():
    en, fr = load_written(lang="en"), load_written(lang="fr")
    assert len(en) >= 50 and len(fr) >= 50
    assert all(note.lang == "fr" for note in fr)
    for note in en + fr:
        assert all(note.text[s:e].strip() == note.text[s:e] and s < e for s, e, _ in note.spans)
    evaluation = Path(__file__).resolve().parents[2] / "evaluation"
    checked = {p.parent.name for p in evaluation.glob("**/notes.jsonl")}
    assert checked and not checked & {p.parent.name for p in WRITTEN_SETS.glob("*/notes.jsonl")}


@shipped
@pytest.mark.parametrize("note, gone, stays", [
    ("Witnesses\nVeradine Okolue, Director General, Quillmoor Tenants Network\nThe plan needs targets.",
     ["Veradine Okolue", "Director General", "Quillmoor Tenants Network"], ["The plan needs targets."]),
    ("The representative of Ghana said that mediation training needs money. Women in Ghana lead mediation.",
     ["representative of Ghana said"], ["Women in Ghana lead mediation."]),
    ("SENATOR PALLIDRENKO: THE PLAN NEEDS BASELINES.", ["PALLIDRENKO"], ["THE PLAN NEEDS BASELINES."]),
])
def test_model_spans_that_attribute_go_and_subject_matter_stays(pipelines, note, gone, stays):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(["Global Affairs Canada"]))
    result = engine.anonymize(note)
    for text in gone:
        assert text not in result.text
    for text in stays:
        assert text in result.text


@shipped
def test_named_lower_case_group_goes_but_a_kind_of_group_stays(pipelines):
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList([]))
    result = engine.anonymize("Someone from the youth drop-in said that every town should fund a youth drop-in.")
    assert "from the youth drop-in said" not in result.text
    assert "fund a youth drop-in" in result.text
