"""Command line (subprocess) and the evaluation command on a small invented gold file."""
import json
import subprocess
import sys
from pathlib import Path

from anonymizer.evaluation import evaluate, format_report, score

from anonymizer_testdata import ALLOW_TERMS, ROSTER_ROWS

ROOT = Path(__file__).resolve().parents[2]


def _files(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,affiliation\n" + "".join(f'"{n}","{a}"\n' for n, a in ROSTER_ROWS), encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("\n".join(ALLOW_TERMS) + "\n", encoding="utf-8")
    return roster, allow


def test_cli_jsonl_with_malformed_lines(tmp_path):
    roster, allow = _files(tmp_path)
    lines = [
        json.dumps({"id": "a", "text": "Priya Ramaswamy (Harbour Light) said DFO should act.", "lang": "en"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "Thomas a répondu au nom du MPO."}),
        "",
    ]
    proc = subprocess.run([sys.executable, "-m", "anonymizer", "--jsonl", "--roster", str(roster), "--allow", str(allow),
                           "--model-en", "en_core_web_sm", "--model-fr", "fr_core_news_sm"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode != 0
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "b", "c"]
    assert "error" in out[1] and "error" in out[2]
    assert "Priya" not in out[0]["text"] and "DFO should act" in out[0]["text"]
    sp = out[0]["spans"][0]
    assert {"start", "end", "label", "action", "reason"} <= set(sp) and "text" not in sp
    assert "Thomas" not in out[3]["text"]
    assert "Priya" not in proc.stderr  # nothing raw in logs


def test_cli_plain_mode(tmp_path):
    roster, allow = _files(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "anonymizer", "--roster", str(roster), "--allow", str(allow), "--model-fr", ""],
                          input="Joy Whitfield asked the Deputy Minister a question.\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.strip() == "[Participant 1] asked the [Role] a question."


GOLD = [
    {"id": "g1", "text": "Priya (Harbour Light) said DFO should hire women.",
     "redact": [{"start": 0, "end": 5, "label": "PERSON"}, {"start": 7, "end": 20, "label": "ORG"}],
     "keep": [{"start": 27, "end": 30}]},
    {"id": "g2", "text": "Rodrigo Alvarenga, the only man in the room, agreed.",
     "redact": [{"start": 0, "end": 17, "label": "PERSON"}, {"start": 19, "end": 43, "label": "QUASI"}],
     "keep": []},
]


def test_evaluate_on_small_gold(engine):
    res = evaluate(engine, GOLD)
    assert res["recall"] == 1.0 and res["keep_rate"] == 1.0 and res["quasi_caught"] == 1.0
    assert res["leak_free_notes"] == 1.0
    report = format_report(res)
    assert "overall recall" in report and "collateral" in report


def test_score_counts_a_leak():
    system = {"g1": {"spans": [{"start": 0, "end": 5, "action": "redact"}]}, "g2": {"spans": []}}
    res = score(GOLD, system)
    assert res["recall"] < 1.0 and res["leak_free_notes"] == 0.0
