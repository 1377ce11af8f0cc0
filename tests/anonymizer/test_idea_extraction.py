"""Clean ideas: frames go, agreement becomes support, contact lines vanish, nothing is invented.

Notes here are invented for these tests (not taken from the gold set or any corpus).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from anonymizer.ideas import IdeaExtractor, ideas_from_parse, project_parse
from anonymizer.ideas.evaluation import has_scaffolding, invented, token_f1
from anonymizer.ideas.vocab import DATA_DIR
from anonymizer.canonical import canonicalize

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor(pipelines):
    return IdeaExtractor(pipelines)


def texts_kinds(result):
    return [(i.text, i.kind) for i in result.ideas]


@pytest.mark.parametrize("note, expected", [
    ("[Participant 4] argued that rural clinics need a second nurse.",
     [("Rural clinics need a second nurse.", "proposal")]),
    ("Ms. [Participant 2] ([Organization 3]) noted that the pilot reached 2,300 households in 2024.",
     [("The pilot reached 2,300 households in 2024.", "figure")]),
    ("According to [Participant 6], the tribunal has never published its caseload.",
     [("The tribunal has never published its caseload.", "finding")]),
    ("[Participant 1] recommended a standing youth panel.", [("A standing youth panel.", "proposal")]),
    ("[Participant 9] asked how the board would be chosen.", [("How the board would be chosen.", "question")]),
    ("[Participant 3] cautioned that volunteers are burning out.",
     [("Volunteers are burning out.", "concern")]),
    ("[Role] [Participant 5] will draft the terms of reference by May.",
     [("Draft the terms of reference by May.", "commitment")]),
    ("The waiting list grew by 40% last winter, [Participant 8] said.",
     [("The waiting list grew by 40% last winter.", "figure")]),
])
def test_english_frames_go_and_kinds_follow(extractor, note, expected):
    assert texts_kinds(extractor.extract(note, "en")) == expected


@pytest.mark.parametrize("note, expected", [
    ("[Participant 2] a souligné que les cliniques rurales manquent d'infirmières.",
     [("Les cliniques rurales manquent d'infirmières.", "concern")]),
    ("Selon [Participant 7], le tribunal publie déjà ses statistiques.",
     [("Le tribunal publie déjà ses statistiques.", "finding")]),
    ("[Participant 4] propose de créer un comité des jeunes.", [("Créer un comité des jeunes.", "proposal")]),
    ("Selon [Participant 3], de [Organization 2], il faudrait publier les contrats.",
     [("Il faudrait publier les contrats.", "proposal")]),
    ("[Participant 1] : comment choisira-t-on les membres du conseil ?",
     [("Comment choisira-t-on les membres du conseil ?", "question")]),
])
def test_french_frames_go(extractor, note, expected):
    assert texts_kinds(extractor.extract(note, "fr")) == expected


def test_agreement_is_support_for_the_idea_before_it(extractor):
    note = ("[Participant 1] said the hotline should run at night.\n[Participant 2] agreed.\n"
            "[Participant 3] and [Participant 4] both supported this.\n[Participant 5] proposed a text service.")
    result = extractor.extract(note, "en")
    assert texts_kinds(result) == [("The hotline should run at night.", "proposal"),
                                   ("A text service.", "proposal")]
    assert [i.support for i in result.ideas] == [3, 0]


def test_agreement_before_any_idea_is_counted_apart(extractor):
    result = extractor.extract("Everyone agreed.", "en")
    assert result.ideas == [] and result.unattached_support == 1


def test_agreement_with_new_content_keeps_the_content(extractor):
    result = extractor.extract("[Participant 1] said fees deter applicants. [Participant 2] agreed and added "
                               "that the forms are only in English.", "en")
    assert texts_kinds(result) == [("Fees deter applicants.", "finding"),
                                   ("The forms are only in English.", "finding")]
    assert result.ideas[0].support == 1


@pytest.mark.parametrize("note", [
    "Please send your comments to [Contact] by Monday.",
    "Lunch is served at 12:15 in [Place].",
    "Attendees: [Participant 1], [Participant 2], [Participant 3]",
    "[Participant 6] had to step out for a call.",
    "Thème : logement",
])
def test_contact_logistics_and_attendance_lines_are_not_ideas(extractor, note):
    result = extractor.extract(note)
    assert result.ideas == []
    # ... while an idea next to such a line still comes through, whole.
    beside = extractor.extract(note + "\nShelters in the north need five-year funding.")
    assert ("Shelters in the north need five-year funding.", "proposal") in texts_kinds(beside)


def test_possessive_pointing_to_the_speaker_becomes_the_article(extractor):
    result = extractor.extract("[Participant 3] said her unit trains 50 staff a year.", "en")
    assert texts_kinds(result) == [("The unit trains 50 staff a year.", "finding")]


def test_two_ideas_in_one_line_and_offsets_point_to_their_source(extractor):
    note = "[Participant 2] noted that shelters are full; she also stressed that transport is scarce."
    result = extractor.extract(note, "en")
    assert [i.text for i in result.ideas] == ["Shelters are full", "Transport is scarce."]
    for idea in result.ideas:
        assert note[idea.start:idea.end].lower().rstrip(".") == idea.text.lower().rstrip(".")


NOTES = [
    "Dr. [Participant 1] from [Organization 2] proposed that her team lead the audit.",
    "- [Participant 3]: more money for interpreters\n- [Participant 4]: agreed, and sooner rather than later",
    "Q ([Participant 5]): who owns the data?\nA ([Role]): the statistics office does.",
    "[Participant 6] (de [Organization 1]) a dit qu'il faudrait doubler le budget.",
]


@pytest.mark.parametrize("note", NOTES)
def test_nothing_invented_and_no_scaffolding(extractor, note):
    result = extractor.extract(note)
    assert result.ideas, "each of these notes holds an idea"
    for idea in result.ideas:
        assert invented(idea.text, note) == []
        assert not has_scaffolding(idea.text, "fr" if "qu'" in note else "en"), idea.text


def test_reusing_the_anonymizers_parse_gives_the_same_ideas(pipelines, bare_engine, extractor):
    raw = ("Dr. Ottilie Brennagh from the Saltmarsh Collective said the agency should fund night buses. "
           "Ruaridh Penhallow agreed; he said ridership doubled after the last pilot.")
    result = bare_engine.anonymize(raw, "en")
    assert "Ottilie" not in result.text
    parsed = project_parse(pipelines["en"](canonicalize(raw).text), result.text, result.redactions)
    reused = ideas_from_parse(parsed, "en").ideas
    fresh = extractor.extract(result.text, "en").ideas
    assert [(i.text, i.kind, i.start, i.end, i.support) for i in reused] == \
        [(i.text, i.kind, i.start, i.end, i.support) for i in fresh]
    assert reused[0].text == "The agency should fund night buses." and reused[0].support == 1


def test_token_f1():
    assert token_f1("The plan needs money.", "the plan needs money") == 1.0
    assert token_f1("a b c d e", "a b c d x") == pytest.approx(0.8)


def test_vocabulary_files_state_source_and_licence():
    for path in DATA_DIR.glob("*.txt"):
        head = path.read_text(encoding="utf-8")[:600].lower()
        assert "source:" in head and "licence" in head, path.name


def _run(args, stdin=""):
    return subprocess.run([sys.executable, "-m", "anonymizer", "ideas", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_cli_jsonl_and_evaluate(tmp_path):
    lines = [json.dumps({"id": "n1", "text": "[Participant 1] said the depot needs ramps. Others concurred."}),
             "{broken",
             json.dumps({"id": "n2", "text": "Écrire à [Contact].", "lang": "fr"})]
    proc = _run(["--jsonl"], "\n".join(lines) + "\n")
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0] == {"id": "n1", "ideas": [{"text": "The depot needs ramps.", "kind": "proposal",
                                              "start": 21, "end": 43, "support": 1}]}
    assert "error" in out[1] and "broken" not in out[1]["error"]
    assert out[2] == {"id": "n2", "ideas": []}
    assert proc.returncode == 1
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "lang": "en", "split": "dev", "text": lines[0] and
                                "[Participant 1] said the depot needs ramps.",
                                "ideas": [{"text": "The depot needs ramps.", "kind": "proposal"}]}) + "\n")
    proc = _run(["--evaluate", str(gold)])
    assert proc.returncode == 0
    assert re.search(r"idea match F1\s+1\.000", proc.stdout)
    assert re.search(r"words invented\s+0", proc.stdout)


GOLD = ROOT / "tests" / "anonymizer" / "data" / "ideas_gold.jsonl"


def test_gold_set_meets_the_bar(extractor):
    from anonymizer.ideas.evaluation import evaluate, load_gold

    records = load_gold(str(GOLD))
    assert len(records) >= 170 and {r["lang"] for r in records} == {"en", "fr"}
    res = evaluate(extractor, records)
    assert res["f1"] >= 0.85
    assert res["kind_accuracy"] >= 0.80
    assert res["scaffolding_left"] <= 0.02
    assert res["words_invented"] == 0
