"""Scoring clean ideas against a gold set (``tests/anonymizer/data/ideas_gold.jsonl``).

- idea match: a predicted idea matches a gold idea of the same record when their token F1 (lower-cased
  words, punctuation ignored) is at least 0.8; precision, recall and F1 over all ideas;
- kind accuracy: share of matched ideas whose kind is the gold kind;
- scaffolding left: share of predicted ideas that still hold a person/organization/role placeholder, a
  pronoun or title that points to a person, or a reporting frame ("[P] said", "according to");
- words invented: words of predicted ideas that are not in the note (the article that replaces a
  possessive excepted); must be 0;
- support: share of records whose agreement count equals the gold one.
"""
from __future__ import annotations

import json
import re
from collections import Counter

from .extract import IdeaExtractor
from .vocab import load_vocab

MATCH_F1 = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)
_ATTRIBUTION = re.compile(r"\[(?:Participant|Organization) \d+\]|\[Role\]")
_PRONOUNS = {"en": {"he", "she", "him", "his", "her", "hers", "himself", "herself", "dr", "ms", "mr", "mrs", "prof"},
             "fr": {"elle", "lui", "mme", "il"}}
_IMPERSONAL_AFTER_IL = {"faut", "faudrait", "fallait", "y", "semble", "s", "agit", "reste", "suffit", "importe",
                        "est", "était", "serait", "sera"}
_FRAME_OPENERS = ("according to", "selon", "d'après", "as put it", "in the view of")
ALLOWED_NEW = {"the"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def token_f1(a: str, b: str) -> float:
    """Token-overlap F1 of two texts."""
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    p, r = common / sum(wa.values()), common / sum(wb.values())
    return 2 * p * r / (p + r)


def match(pred: list[str], gold: list[str]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index) with token F1 >= 0.8, best first."""
    scored = sorted(((token_f1(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
                    reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for f1, i, j in scored:
        if f1 < MATCH_F1:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def has_scaffolding(text: str, lang: str) -> bool:
    """Whether an idea still says who spoke (placeholder, person pronoun or title, reporting frame)."""
    if _ATTRIBUTION.search(text):
        return True
    ws = words(text)
    pronouns = _PRONOUNS.get(lang, _PRONOUNS["en"])
    for k, w in enumerate(ws):
        if w == "il" and ((k + 1 < len(ws) and ws[k + 1] in _IMPERSONAL_AFTER_IL) or (k and ws[k - 1] == "t")):
            continue  # "il faut", "y a-t-il", "le fonds acceptera-t-il": no person
        if w in pronouns:
            return True
    low = " ".join(ws)
    if any(low.startswith(opener) for opener in _FRAME_OPENERS):
        return True
    reporting = load_vocab(lang).words("report") | load_vocab(lang).words("proposal")
    return bool(re.match(r"^\w+ (?:\w+ )?(?:" + "|".join(map(re.escape, sorted(reporting))) + r") (?:that|que)\b",
                         low))


def invented(idea: str, note: str) -> list[str]:
    """Words of *idea* that do not occur in *note* (apart from the allowed article)."""
    source = set(words(note))
    return [w for w in words(idea) if w not in source and w not in ALLOWED_NEW]


def evaluate(extractor: IdeaExtractor, records: list[dict]) -> dict:
    """Score *extractor* on gold *records*; returns the figures and the per-record misses."""
    n_pred = n_gold = n_match = kind_ok = scaffold = support_ok = 0
    new_words: list[str] = []
    misses = []
    for rec in records:
        result = extractor.extract(rec["text"], rec.get("lang"))
        pred = result.ideas
        gold = rec.get("ideas", [])
        pairs = match([p.text for p in pred], [g["text"] for g in gold])
        n_pred, n_gold, n_match = n_pred + len(pred), n_gold + len(gold), n_match + len(pairs)
        kind_ok += sum(pred[i].kind == gold[j]["kind"] for i, j in pairs)
        scaffold += sum(has_scaffolding(p.text, rec.get("lang", "en")) for p in pred)
        for p in pred:
            new_words += invented(p.text, rec["text"])
        support_ok += result.total_support == rec.get("support", 0)
        if len(pairs) != len(pred) or len(pairs) != len(gold) or any(pred[i].kind != gold[j]["kind"]
                                                                      for i, j in pairs):
            misses.append({"id": rec.get("id"), "pred": [(p.kind, p.text) for p in pred],
                           "gold": [(g["kind"], g["text"]) for g in gold]})
    precision = n_match / n_pred if n_pred else 1.0
    recall = n_match / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"records": len(records), "gold_ideas": n_gold, "predicted_ideas": n_pred, "matched": n_match,
            "precision": precision, "recall": recall, "f1": f1,
            "kind_accuracy": kind_ok / n_match if n_match else 0.0,
            "scaffolding_left": scaffold / n_pred if n_pred else 0.0,
            "words_invented": len(new_words), "support_accuracy": support_ok / len(records) if records else 0.0,
            "misses": misses}


def load_gold(path: str, split: str | None = None) -> list[dict]:
    """Gold records from a JSONL file, only those of *split* ("dev"/"test") when given."""
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if split in (None, "all") or r.get("split") == split]


def format_report(res: dict, show_misses: bool = False) -> str:
    """The figures as text, one a line (and the misses, on request)."""
    lines = [f"records            {res['records']}",
             f"ideas              gold {res['gold_ideas']}, predicted {res['predicted_ideas']}, matched {res['matched']}",
             f"idea match F1      {res['f1']:.3f}  (P {res['precision']:.3f}, R {res['recall']:.3f}; token F1 >= 0.8)",
             f"kind accuracy      {res['kind_accuracy']:.3f}",
             f"scaffolding left   {res['scaffolding_left']:.1%}",
             f"words invented     {res['words_invented']}",
             f"support accuracy   {res['support_accuracy']:.3f}"]
    if show_misses:
        for m in res["misses"]:
            lines.append(f"- {m['id']}\n    pred {m['pred']}\n    gold {m['gold']}")
    return "\n".join(lines)
