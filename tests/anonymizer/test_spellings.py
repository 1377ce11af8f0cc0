"""Names, affiliations and phone numbers in the spellings that slipped through before (invented people)."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster

ROSTER = [("Ysaline Quentin", "Harrow Bay Collective"), ("Tobiah Hartwell", "Brightwater Tenants Union"),
          ("Oriel Fenwick", "Lanternfield Refugee Clinic")]
WPS_ROSTER = ROSTER + [("Ysolde Parrinder", "Women, Peace and Security Network – Canada"),
                       ("Corwin Astley", "New York University"),
                       ("Hesper Mallory", "NGO Working Group on Women, Peace and Security")]


@pytest.fixture(scope="module")
def spelled(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.from_entries(ROSTER), allowlist=AllowList([]))


@pytest.fixture(scope="module")
def wps(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.from_entries(WPS_ROSTER),
                            allowlist=AllowList(["Resolution 1325", "Global Affairs Canada"]))


def _removed(engine, text, *needles):
    res = engine.anonymize(text)
    for needle in needles:
        start = text.index(needle)
        end = start + len(needle)
        covered = [s for s in res.redactions if s.start <= start and end <= s.end]
        assert covered, f"{needle!r} survived in {res.text!r}"
    return res


@pytest.mark.parametrize("text,needle", [
    ("Ysa\u200bline Quen\u200btin said the fund is late.", "Ysa\u200bline Quen\u200btin"),
    ("As Hart\u00adwell said, rents keep rising.", "Hart\u00adwell"),
    ("The point from Tobiah Hart-\nwell was about rents.", "Hart-\nwell"),
    ("\u0412rightwater Tenants Union asked for a registry.", "\u0412rightwater Tenants Union"),
    ("oriel fenwick said the clinic needs interpreters.", "oriel fenwick"),
    ("the harrow bay collective wants a shelter review.", "harrow bay collective"),
    ("YSALINE QUENTIN ASKED ABOUT FUNDING.", "YSALINE QUENTIN"),
    pytest.param("HARROW BAY COLLECTIVE TABLED A PROPOSAL.", "HARROW BAY COLLECTIVE", marks=pytest.mark.xfail(
        strict=True, reason="known collateral: the whole upper-case sentence becomes [Organization 1]")),
    ("Quentin's proposal was backed by the group.", "Quentin"),
    ("Fen\u200bwick (Lantern\u200bfield Refugee Clinic) agreed.", "Lantern\u200bfield Refugee Clinic"),
])
def test_hidden_and_case_variants_are_removed(spelled, text, needle):
    res = _removed(spelled, text, needle)
    assert "\u200b" not in res.text and "\u00ad" not in res.text and "\u0412" not in res.text
    # Only the name goes: the rest of the sentence, down to its last word, is still there.
    assert text.split()[-1].rstrip(".") in res.text, res.text


def test_clean_text_is_canonical_and_spans_point_into_the_input(spelled):
    text = "Quen\u200btin and Ysa\u00adline met the ﬁeld team."
    res = spelled.anonymize(text)
    assert res.text == "[Participant 1] and [Participant 1] met the field team."
    assert [text[s.start:s.end] for s in res.redactions] == ["Quen\u200btin", "Ysa\u00adline"]


@pytest.mark.parametrize("number", ["+44 20 7946 0958", "020 7946 0958", "+33 1 45 67 89 10", "01 45 67 89 10",
                                    "+254 712 345678", "0712 345 678", "+231 77 012 3456", "0770 123 456",
                                    "(613) 555-0147", "613.555.0199 poste 12"])
def test_phone_numbers_of_several_regions_are_removed(spelled, number):
    text = f"Reach the clinic on {number} after the session."
    res = _removed(spelled, text, number)
    assert "[Contact]" in res.text
    assert res.redactions[0].code.value == "phone"


def test_years_and_counts_are_not_phone_numbers(spelled):
    text = "Between 2019-2020 the clinic served 12 345 678 meals under Resolution 1325."
    assert spelled.anonymize(text).text == text


def test_roster_affiliations_never_remove_the_subject_matter(wps):
    text = ("Participants said Resolution 1325 on women, peace and security still lacks funding. "
            "Women, Peace and Security must be a standing item. The NGO sector wants the same access, "
            "and New York should host the next review.")
    res = wps.anonymize(text)
    for kept in ("Resolution 1325", "women, peace and security", "Women, Peace and Security", "NGO", "New York"):
        assert kept in res.text, kept
    assert res.redactions == []


def test_roster_affiliations_still_go_in_full(wps):
    text = ("Ysolde Parrinder (Women, Peace and Security Network – Canada) spoke after Corwin Astley "
            "of New York University and the NGO Working Group on Women, Peace and Security.")
    res = _removed(wps, text, "Women, Peace and Security Network – Canada", "New York University",
                   "NGO Working Group on Women, Peace and Security", "Ysolde Parrinder", "Corwin Astley")
    assert "Organization" in res.text


def test_reason_codes_and_messages_in_both_languages(spelled):
    res = spelled.anonymize("Ysaline Quentin (Harrow Bay Collective) wrote to yq@example.org.")
    codes = {s.code.value for s in res.redactions}
    assert {"roster_name", "roster_affiliation", "email"} <= codes
    person = next(s for s in res.redactions if s.label == "PERSON")
    assert person.message("en") == "a name on the conference roster"
    assert person.message("fr") == "nom inscrit sur la liste des participants"
    assert "roster_names" in person.recognizers


@pytest.mark.parametrize("text", [("word-" * 10_000)[:50_000], ("Ysaline Quentin said " + "x" * 6_000 + "\n") * 8,
                                  "y" * 50_000])
def test_pathological_input_costs_little(spelled, text):
    import time

    started = time.perf_counter()
    res = spelled.anonymize(text)
    assert time.perf_counter() - started < 2.0
    assert "Ysaline" not in res.text
    assert len(res.text) >= len(text) // 2
