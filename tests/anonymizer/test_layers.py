"""Behaviour of each detection layer, on invented notes."""
from anonymizer import AnonymizationResult, Span


def red_texts(res):
    return {s.text for s in res.spans if s.action == "redact"}


def labels(res):
    return {(s.text, s.label) for s in res.spans if s.action == "redact"}


# ---- layer 1: spaCy NER -------------------------------------------------------------------
def test_ner_person_not_on_roster(engine):
    res = engine.anonymize("Dr. Oluwaseun Adebayo-Hart presented the survey and Adebayo-Hart took questions.", "en")
    assert "Oluwaseun" not in res.text and "Adebayo-Hart" not in res.text
    assert res.text.startswith("Dr. [Participant 1]")


# ---- layer 2: roster variants -------------------------------------------------------------
def test_roster_variants(engine):
    text = ("Priya Ramaswamy opened. Later priya asked a question, RAMASWAMY agreed, "
            "and P.R. summarised. Ms. Ramaswmy (typo) closed; Ramaswamy's point stood.")
    res = engine.anonymize(text, "en")
    for frag in ("Priya", "priya", "RAMASWAMY", "P.R.", "Ramaswmy", "Ramaswamy"):
        assert frag not in res.text, frag
    assert "'s point" in res.text  # possessive 's stays outside the span


def test_roster_nicknames_and_initials(engine):
    res = engine.anonymize("Trish (Collectif Aurore) spoke first; Ted from the Canadian Coast Guard replied. "
                           "ASB (DFO): agreed.", "en")
    assert "Trish" not in res.text and "Ted" not in res.text and "ASB" not in res.text
    assert "Collectif Aurore" not in res.text
    assert "Canadian Coast Guard" not in res.text  # allow-listed, but here it attributes
    # What the reader still gets: who spoke in which order, as placeholders, and what they did.
    assert res.text.startswith("[Participant 1] ([Organization 1]) spoke first; [Participant 2] from the")
    assert res.text.endswith("replied. [Participant 3] ([Organization 3]): agreed.")


def test_common_word_name_needs_context(engine):
    res = engine.anonymize("Joy (Prairie Sky Institute) said there was little joy in the old plan.", "en")
    assert res.text.startswith("[Participant 1]")
    assert "little joy" in res.text


def test_participant_org_always_removed(engine):
    res = engine.anonymize("Harbour Light Women's Network should get core funding.", "en")
    assert "Harbour Light" not in res.text
    assert res.text == "[Organization 1] should get core funding."  # the proposal itself stays


# ---- layer 3: attribution -----------------------------------------------------------------
def test_allowlisted_body_stays_as_subject(engine):
    res = engine.anonymize("DFO should publish annual reports on women in fisheries.", "en")
    assert "DFO should publish" in res.text


def test_allowlisted_body_goes_when_attributing(engine):
    res = engine.anonymize("The DFO rep said the data exist. Kim Osei (DFO) agreed.", "en")
    assert "DFO" not in res.text
    assert "rep said the data exist." in res.text and "[Participant 1] ([Organization 1]) agreed." in res.text


def test_affiliation_cues(bare_engine):
    res = bare_engine.anonymize("Speaking for Bluewater Mothers Alliance, Ngozi Eke said the plan is weak.", "en")
    assert "Bluewater" not in res.text and "Ngozi" not in res.text
    assert res.text.endswith("[Participant 1] said the plan is weak.")


# ---- layer 4: roles, contacts, places -----------------------------------------------------
def test_singling_roles(engine):
    res = engine.anonymize("The Deputy Minister opened. Later the MP for Thunder Bay asked a question.", "en")
    assert "Deputy Minister" not in res.text and "MP for Thunder Bay" not in res.text
    assert "[Role]" in res.text


def test_contacts(engine):
    text = "Write to j.doe@example.org, call 613-555-0100, follow @someone_x or see www.example-site.ca today."
    res = engine.anonymize(text, "en")
    assert {s.label for s in res.spans if s.action == "redact"} == {"CONTACT"}
    assert res.text.count("[Contact]") == 4


def test_place_as_origin_but_not_subject(engine):
    res = engine.anonymize("The Kenyan expert said that women in Kenya and Somalia need safe houses.", "en")
    assert "Kenyan expert" not in res.text
    assert "women in Kenya and Somalia" in res.text


# ---- layer 5: consistency -----------------------------------------------------------------
def test_same_person_same_number(engine):
    res = engine.anonymize("Rodrigo Alvarenga argued for targets. Thomas disagreed. Alvarenga insisted; Rodrigo won.", "en")
    assert res.text.count("[Participant 1]") == 3
    assert "[Participant 2]" in res.text


def test_numbers_do_not_carry_over(engine):
    a = engine.anonymize("Thomas Okonkwo spoke.", "en")
    b = engine.anonymize("Priya Ramaswamy spoke.", "en")
    assert "[Participant 1]" in a.text and "[Participant 1]" in b.text


def test_consistency_for_unknown_names(bare_engine):
    res = bare_engine.anonymize("Mrs. Halvorsen-Quist opened the session. Later, Halvorsen-Quist asked for a budget.", "en")
    assert "Halvorsen" not in res.text
    # Both mentions become the same participant; the substance stays.
    assert res.text == "Mrs. [Participant 1] opened the session. Later, [Participant 1] asked for a budget."


# ---- layer 6: quasi-identifiers -----------------------------------------------------------
def test_quasi_flagged_not_removed(engine):
    text = "Priya, the only Deaf woman on the panel, asked for captioning."
    res = engine.anonymize(text, "en")
    flags = [s for s in res.spans if s.action == "flag"]
    assert flags and flags[0].label == "QUASI" and flags[0].placeholder is None
    assert "the only Deaf woman on the panel" in res.text


# ---- result object ------------------------------------------------------------------------
def test_spans_sorted_with_offsets_into_input(engine):
    text = "Thomas Okonkwo (DFO) and Priya said yes."
    res = engine.anonymize(text, "en")
    assert isinstance(res, AnonymizationResult)
    starts = [s.start for s in res.spans]
    assert starts == sorted(starts)
    for s in res.spans:
        assert isinstance(s, Span) and text[s.start:s.end] == s.text and s.reason
    d = res.to_dict("n1")
    assert d["id"] == "n1" and all("text" not in sp for sp in d["spans"])
