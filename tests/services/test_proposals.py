"""Same proposal raised by several groups: neighbours from other groups and automatic groups.

Every idea here is invented for these tests.
"""
from __future__ import annotations

import pytest

from app.services.review.proposals import IdeaRecord, as_record


# Models load once per test session: the default matcher shares the process-wide suggester.
@pytest.fixture(scope="session")
def proposal_matcher():
    from app.services.review.proposals import get_default_matcher

    return get_default_matcher()

IDEAS = [
    # 0-2: one proposal in three groups, little shared vocabulary, one in French.
    ("North", "Ottawa should bankroll small feminist organizations on the front lines for years at a time, "
              "not just for one-off projects."),
    ("South", "Multi-year, unrestricted grants for local women-led groups working in war-torn areas."),
    ("East", "Accorder aux associations féminines locales des pays en guerre un financement stable sur plusieurs "
             "années."),
    # 3-4: another proposal in two groups.
    ("North", "Every officer heading to a UN mission should first take a course on gender and on stopping "
              "sexual abuse."),
    ("West", "Make pre-departure instruction on gender and sexual-violence prevention compulsory for all "
             "deployed staff."),
    # 5: near-miss of 0-2: same words (funding, women's organizations), different ask.
    ("West", "Funding for women's organizations should be reported publicly each year so Parliament can "
             "see where the money went."),
    # 6: unrelated.
    ("South", "Recognize climate change as a driver of insecurity for women in coastal regions."),
    # 7: same group as 0, same topic: may never join 0 in one proposal.
    ("North", "Local women's groups in conflict zones need core funding that lasts several years."),
]


def test_records_accept_tuples_dicts_and_objects():
    assert as_record(("text", "G1")) == IdeaRecord("text", "G1", None)
    assert as_record(("text", "G1", "fr")).lang == "fr"
    assert as_record({"text": "t", "group": "G2"}) == IdeaRecord("t", "G2")


# Other ideas of the same consultation, as a real session would have: proposals are found among many
# ideas, and what all WPS ideas share is estimated from them.
BACKGROUND = [
    ("North", "Appoint a senior official who answers for the plan across all departments."),
    ("South", "Collect data on women's representation in the armed forces before setting any goal."),
    ("East", "Include protection of women human rights defenders who face reprisals online."),
    ("West", "Support women's economic recovery after conflict through access to land and credit."),
    ("East", "Study how Nordic countries monitor their own national action plans."),
    ("North", "Bring the justice and immigration departments into the plan as partners."),
    ("South", "Fund women mediators so they can take part in ceasefire talks."),
    ("West", "Ensure reproductive health care is part of every emergency response Canada funds."),
    ("East", "Prevent violent extremism by working with women community leaders."),
    ("North", "Apply gender-based analysis to every new defence program before it is approved."),
    ("South", "Address the security of Indigenous women in Canada within the plan."),
    ("West", "Set interim milestones halfway through the plan, not only final goals."),
    ("East", "Survivors of sexual violence should shape the services designed for them."),
    ("North", "Early warning systems should track threats against women as a sign of coming conflict."),
    ("South", "Les leçons du premier plan doivent guider la rédaction du suivant."),
    ("West", "Create an advisory committee of civil society to review the plan twice a year."),
]


def records():
    return [(text, group) for group, text in IDEAS + BACKGROUND]


def test_most_similar_finds_paraphrases_in_other_groups(proposal_matcher):
    recs = records()
    near = proposal_matcher.most_similar(recs, 0, k=3)
    assert all(recs[j][1] != "North" for j in near), "only ideas of other groups"
    assert {1, 2} <= set(near[:3])
    # The French paraphrase finds its English partners.
    assert set(proposal_matcher.most_similar(recs, 2, k=2)) & {0, 1, 7}
    assert proposal_matcher.most_similar(recs, 3, k=1) == [4]


def test_paraphrase_ranks_above_near_miss(proposal_matcher):
    recs = records()
    scored = dict(proposal_matcher.most_similar_scored(recs, 1, k=7))
    assert scored[0] > scored[5]
    assert scored[2] > scored[5]


def test_group_proposals_groups_paraphrases_and_keeps_near_miss_out(proposal_matcher):
    groups = proposal_matcher.group_proposals(records())
    as_sets = [set(g) for g in groups]
    funding = next(g for g in as_sets if 1 in g)
    assert len(funding & {0, 1, 2, 7}) >= 2
    assert 5 not in funding, "the reporting near-miss is another proposal"
    assert not any(6 in g and (g & {0, 1, 2, 3, 4, 5, 7}) for g in as_sets), "the climate idea joins none"
    assert {3, 4} in as_sets
    for group in groups:
        labels = [records()[i][1] for i in group]
        assert len(labels) == len(set(labels)), "at most one idea per group in a proposal"


def test_module_functions_and_edge_cases(proposal_matcher):
    from app.services.review import proposals

    recs = records()
    assert proposals.most_similar(recs, 3, k=1, matcher=proposal_matcher) == [4]
    assert proposals.group_proposals(recs[:1], matcher=proposal_matcher) == []
    assert proposals.group_proposals([("a", "G1"), ("b", "G1")], matcher=proposal_matcher) == []
