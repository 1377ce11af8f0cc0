"""Once a civil-society organization's name goes, its short forms in the same note go with the same number;
a public body's short forms stay subject matter. Every organization and person here is invented."""
import pytest


@pytest.mark.parametrize("note, lang, expected", [
    ("Lakehead-Superior Newcomer Women's Network (Yasmin Qadri) spoke first. LSNWN hears from women whose sponsors control them.",
     "en", "[Organization 1] ([Participant 1]) spoke first. [Organization 1] hears from women whose sponsors control them."),
    ("The Coalition for Riverside Tenant Safety gave figures that the Coalition collected last year.", "en",
     "The [Organization 1] gave figures that the [Organization 1] collected last year."),
    ("La Coalition pour la paix des femmes de Laval a parlé. La Coalition demande un budget.", "fr",
     "La [Organization 1] a parlé. La [Organization 1] demande un budget."),
])
def test_short_forms_of_a_named_organization_go_with_its_number(bare_engine, note, lang, expected):
    assert bare_engine.anonymize(note, lang).text == expected


def test_short_forms_of_a_public_body_stay_subject_matter(bare_engine):
    note = "Public Safety Canada said it will report. PSC should fund shelters. The Network of shelters needs funds."
    assert bare_engine.anonymize(note, "en").text.endswith("PSC should fund shelters. The Network of shelters needs funds.")
