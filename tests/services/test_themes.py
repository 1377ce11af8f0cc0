"""Theme suggestions, confirmations, emerging themes, the codebook, the metrics and evaluate-themes.

Every idea here is invented for these tests.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from app.services.review.codebook import ThemeDef, load_codebook
from app.services.nlp.evaluation import (
    METRIC_NAMES,
    dup_recall_at_k,
    format_last_line,
    pairwise_scores,
    parse_gold,
    theme_metrics,
)
from app.services.nlp.lemmatizer import detect_language
from app.services.nlp.linkage import average_linkage
from app.services.nlp.themes import ThemeSuggester


# Models load once per test session (they are process-wide); the suggester is built once here.
@pytest.fixture(scope="session")
def demo_codebook():
    from app.services.review.codebook import load_default_codebook

    return load_default_codebook()


@pytest.fixture(scope="session")
def theme_suggester():
    from app.services.nlp.themes import get_default_suggester

    return get_default_suggester()


def codes(ranked):
    return [code for code, _ in ranked]


# -- the codebook ---------------------------------------------------------------------------------
def test_demo_codebook_has_the_thirteen_themes(demo_codebook):
    assert [t.code for t in demo_codebook] == [
        "PART", "PREV", "PROT", "RELF", "EMRG", "LESS", "BENCH", "PARTN", "BASE", "TARG", "ACT", "IND", "RES"]
    for theme in demo_codebook:
        assert theme.description and len(theme.keywords) >= 10
        # French keywords too, so French ideas match on words as well as meaning.
        assert any(any(c in k for c in "éèàçêô") or " des " in k or " de " in k for k in theme.keywords)


def test_codebook_loads_from_json(tmp_path):
    path = tmp_path / "codebook.json"
    path.write_text(json.dumps({"themes": [
        {"code": "WATER", "name": "Water", "description": "Wells and pipes", "keywords": "wells, pipes",
         "kind": "emerging"}]}), encoding="utf-8")
    [theme] = load_codebook(path)
    assert theme == ThemeDef("WATER", "Water", "Wells and pipes", ("wells", "pipes"), "emerging")


def test_codebook_rejects_duplicate_codes(tmp_path):
    path = tmp_path / "codebook.json"
    path.write_text(json.dumps([{"code": "A", "name": "a"}, {"code": "A", "name": "b"}]), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        load_codebook(path)


# -- suggestions ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Canada should put more money behind grassroots women's groups, with grants they can rely on "
     "for several years.", "RES"),
    ("Women must have seats at the table when ceasefires are negotiated.", "PART"),
    ("After an earthquake or a war, relief convoys should bring midwives, contraceptives and food to the "
     "women in camps.", "RELF"),
    ("Compare our plan with the 1325 action plans of Germany and Chile to borrow what works there.", "BENCH"),
    ("Every commitment needs a yardstick so we can tell each year whether it is on track, and the "
     "findings should be made public.", "IND"),
    ("Rape used as a weapon of war must be prosecuted and survivors offered counselling.", "PROT"),
])
def test_top_suggestion_is_the_obvious_theme(theme_suggester, text, expected):
    ranked = theme_suggester.suggest(text, k=3)
    assert codes(ranked)[0] == expected, ranked


def test_suggestions_are_ranked_with_confidences(theme_suggester):
    ranked = theme_suggester.suggest("Fund women's shelters near the conflict zone for five years.", k=5)
    assert len(ranked) == 5 and len(set(codes(ranked))) == 5
    confidences = [c for _, c in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert confidences[0] > confidences[-1]


def test_an_idea_can_carry_several_themes(theme_suggester):
    # A target (a figure by a year) about women's participation in peacekeeping.
    ranked = codes(theme_suggester.suggest(
        "Aim for women to make up 40 percent of the officers Canada sends to UN missions by 2030.", k=3))
    assert {"TARG", "PART"} <= set(ranked)


def test_french_idea_gets_the_same_theme_as_english(theme_suggester):
    fr = "Il faut un budget réservé et suffisant pour chaque engagement du plan."
    en = "Every commitment of the plan needs its own sufficient, earmarked budget."
    assert detect_language(fr) == "fr" and detect_language(en) == "en"
    assert codes(theme_suggester.suggest(fr))[0] == codes(theme_suggester.suggest(en))[0] == "RES"


def test_suggest_many_matches_suggest(theme_suggester):
    texts = ["Publish what each department achieved every year.", "Train soldiers on gender before they leave."]
    assert [codes(r) for r in theme_suggester.suggest_many(texts)] == \
        [codes(theme_suggester.suggest(t)) for t in texts]
    assert theme_suggester.suggest_many([]) == []


def test_confirmations_improve_later_suggestions(demo_codebook, theme_suggester):
    # A promoted emerging theme has a thin codebook entry; what co-chairs confirm teaches it.
    codebook = list(demo_codebook) + [ThemeDef("WATR", "Water", "Water.", ("water",), "emerging")]
    suggester = ThemeSuggester(codebook, embedder=theme_suggester.embedder,
                               lemmatizer=theme_suggester.lemmatizer)
    new_idea = "Wells and irrigation in displacement camps are often placed where girls fetching supplies get attacked."
    before = codes(suggester.suggest(new_idea, k=3))
    assert before[0] != "WATR"
    for text in [
        "Boreholes should be dug inside camps so that girls do not walk far to fetch supplies and risk assault.",
        "Locate pumps and latrines in lit, safe places within settlements for displaced families.",
        "Les points d'eau dans les camps doivent être proches et éclairés pour protéger les filles.",
    ]:
        suggester.add_confirmed(text, ["WATR", "PROT"])
    assert suggester.confirmed_count == 3
    after = codes(suggester.suggest(new_idea, k=3))
    assert after[0] == "WATR" or after.index("WATR") < (before.index("WATR") if "WATR" in before else 99)
    assert "WATR" in after
    # An unrelated idea is not pulled towards the confirmed theme.
    assert codes(suggester.suggest("Set up a fund for women mediators.", k=1)) != ["WATR"]


def test_unknown_codes_in_confirmations_are_ignored(theme_suggester):
    suggester = ThemeSuggester(theme_suggester.themes, embedder=theme_suggester.embedder,
                               lemmatizer=theme_suggester.lemmatizer)
    suggester.add_confirmed("Anything at all.", ["NOPE"])
    assert suggester.confirmed_count == 0
    suggester.add_confirmed("Anything at all.", ["NOPE", suggester.codes[0]])  # the known code is kept
    assert suggester.confirmed_count == 1


# -- unthemed ideas and emerging candidates --------------------------------------------------------
def test_emerging_candidates_gather_low_fit_ideas(theme_suggester):
    on_topic = [
        "Give women's rights organizations multi-year core funding.",
        "Report to Parliament every year on the plan's results.",
        "Set a target for women in peace operations.",
        "Train all deployed personnel on preventing sexual violence.",
        "Include women in every peace negotiation Canada supports.",
    ]
    off_topic = [
        "The conference badges should be printed in a larger font.",
        "Name badges were hard to read from across the room; print them bigger.",
        "Print participant badges with bigger lettering next time.",
    ]
    texts = on_topic + off_topic
    fits = theme_suggester.fit(texts)
    assert max(fits[5:]) < min(fits[:5])
    candidates = theme_suggester.emerging_candidates(texts)
    assert candidates, "the three badge ideas should form a candidate"
    first = candidates[0]
    assert set(first.idea_indices) == {5, 6, 7}
    assert "badge" in first.top_words


def test_average_linkage_respects_cannot_link():
    import numpy as np

    sim = np.array([[1.0, 0.9, 0.8], [0.9, 1.0, 0.85], [0.8, 0.85, 1.0]])
    assert average_linkage(sim, 0.5) == [[0, 1, 2]]
    clusters = average_linkage(sim, 0.5, cannot_link=["g1", "g2", "g1"])
    assert sorted(clusters) == [[0, 1], [2]]


# -- metric functions on a hand-made example ------------------------------------------------------
GOLD_TEXT = """\
# group | themes | cluster | text
A | RES | c1 | money one
B | RES,IND | c1 | money two
C | IND | c1 | money three
A | PART | - | lonely idea
B | TARG | c2 | target one
C | TARG | c2 | target two
"""


def test_parse_gold():
    gold = parse_gold(GOLD_TEXT)
    assert len(gold) == 6
    assert gold[1].themes == ("RES", "IND") and gold[1].cluster == "c1" and gold[3].cluster is None


def test_theme_metrics_on_a_tiny_example():
    gold = [("RES",), ("RES", "IND"), ("IND",), ("PART",)]
    ranked = [["RES", "X", "Y"], ["IND", "X", "RES"], ["X", "Y", "Z"], ["X", "PART", "Y"]]
    m = theme_metrics(gold, ranked)
    assert m["theme_top1"] == pytest.approx(2 / 4)  # ideas 0 and 1
    assert m["theme_recall3"] == pytest.approx(3 / 4)  # all but idea 2


def test_dup_metrics_on_a_tiny_example():
    clusters = ["c1", "c1", "c1", None, "c2", "c2"]
    neighbours = [[1, 4], [0, 2], [5, 4], [0], [5], [0]]
    # idea 0: 1 of 2 partners; 1: 2/2; 2: 0/2; 4: 1/1; 5: 0/1 -> mean of (0.5, 1, 0, 1, 0)
    assert dup_recall_at_k(clusters, neighbours, k=5) == pytest.approx(2.5 / 5)
    scores = pairwise_scores(clusters, [[0, 1, 2], [3, 4]])
    # predicted pairs: (0,1) (0,2) (1,2) (3,4); gold pairs: (0,1) (0,2) (1,2) (4,5)
    assert scores["dup_precision"] == pytest.approx(3 / 4)
    assert scores["dup_recall"] == pytest.approx(3 / 4)
    assert scores["dup_f1"] == pytest.approx(3 / 4)
    assert pairwise_scores(clusters, [])["dup_f1"] == 0.0


def test_last_line_format():
    line = format_last_line({name: 0.5 for name in METRIC_NAMES})
    assert line == ("theme_top1 0.500 theme_recall3 0.500 dup_recall5 0.500 dup_precision 0.500 "
                    "dup_recall 0.500 dup_f1 0.500")


# -- the command ----------------------------------------------------------------------------------
def test_evaluate_themes_command_last_line(tmp_path, theme_suggester, monkeypatch):
    from app.review import commands
    from app.services.nlp import embedding, lemmatizer

    # Reuse the session's models instead of loading them again.
    monkeypatch.setattr(embedding.EMBEDDER, "value", theme_suggester.embedder)
    monkeypatch.setattr(lemmatizer.LEMMATIZER, "value", theme_suggester.lemmatizer)
    gold = tmp_path / "ideas.txt"
    gold.write_text("\n".join([
        "G1 | RES | r | Give grassroots women's organizations core funding for several years.",
        "G2 | RES | r | Financement pluriannuel pour les organisations locales de femmes.",
        "G3 | IND | i | Table a yearly report in Parliament on what the plan achieved.",
        "G1 | IND | i | Each year, tell Parliament publicly what progress was made under the plan.",
        "G2 | PART | - | Women should take part in every peace negotiation Canada supports.",
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(commands.evaluate_themes_command, [str(gold)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    parts = last.split()
    assert parts[0::2] == list(METRIC_NAMES)
    values = [float(v) for v in parts[1::2]]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(len(v.split(".")[1]) == 3 for v in parts[1::2])


def test_evaluate_themes_command_with_codebook_option(tmp_path, theme_suggester, monkeypatch):
    from app.review import commands
    from app.services.nlp import embedding, lemmatizer

    monkeypatch.setattr(embedding.EMBEDDER, "value", theme_suggester.embedder)
    monkeypatch.setattr(lemmatizer.LEMMATIZER, "value", theme_suggester.lemmatizer)
    codebook = tmp_path / "cb.json"
    codebook.write_text(json.dumps([
        {"code": "MONEY", "name": "Funding", "description": "Budgets, grants and funding", "keywords": ["funding"]},
        {"code": "TALK", "name": "Peace talks", "description": "Women in negotiations", "keywords": ["negotiation"]},
    ]), encoding="utf-8")
    gold = tmp_path / "ideas.txt"
    gold.write_text("G1 | MONEY | - | Give women's groups more funding.\n"
                    "G2 | TALK | - | Women at every negotiating table.\n", encoding="utf-8")
    result = CliRunner().invoke(commands.evaluate_themes_command, [str(gold), "--codebook", str(codebook)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("theme_top1 1.000 theme_recall3 1.000 ")
