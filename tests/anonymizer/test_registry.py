"""The recognizer registry: ids, order, removal for ablation, and a recognizer added from outside."""
import pytest

from anonymizer import AnonymizerEngine, Roster
from anonymizer.reasons import MESSAGES, Reason
from anonymizer.recognizers import Candidate, Registry, default_registry


class MarkerRecognizer:
    """An outside recognizer: marks the word 'zephyrine' as a person (stands for a trained model)."""

    id = "marker"

    def analyze(self, doc, context):
        start = context.text.find("zephyrine")
        if start < 0:
            return []
        return [Candidate(start, start + 9, "PERSON", Reason.MODEL, recognizer=self.id, score=0.6)]


def test_default_registry_order_and_ids():
    ids = default_registry().ids
    assert ids[0] == "contacts" and ids[-2:] == ["consistency", "org_consistency"]
    assert ids.index("roster_affiliations") < ids.index("roster_names") < ids.index("attribution")
    assert len(set(ids)) == len(ids)


def test_without_and_remove():
    reg = default_registry()
    smaller = reg.without("roles", "quasi")
    assert "roles" not in smaller and "quasi" not in smaller and "roles" in reg
    reg.remove("quasi")
    assert "quasi" not in reg
    with pytest.raises(KeyError):
        reg.without("no-such-recognizer")


def test_add_rejects_duplicates_and_non_recognizers():
    reg = Registry()
    reg.add(MarkerRecognizer())
    with pytest.raises(ValueError):
        reg.add(MarkerRecognizer())
    with pytest.raises(TypeError):
        reg.add(object())


def test_outside_recognizer_runs_and_is_reported(pipelines):
    reg = default_registry()
    reg.add(MarkerRecognizer(), before="consistency")
    engine = AnonymizerEngine(pipelines, registry=reg, roster=Roster.empty())
    res = engine.anonymize("the budget note came from zephyrine, and zephyrine agreed.")
    assert res.text.count("[Participant 1]") == 2  # the model's find, and consistency's second mention
    first = res.redactions[0]
    assert first.recognizers[0] == "marker" and first.code is Reason.MODEL


def test_every_reason_has_both_messages():
    for code in Reason:
        en, fr = MESSAGES[code]
        assert en and fr and en != fr
    assert Reason.SPEAKER_AFFILIATION.message("fr") == "affiliation de la personne qui parle"
