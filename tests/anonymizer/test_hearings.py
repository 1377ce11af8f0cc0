"""Committee hearings: witnesses introduced in a sentence lose their names and bodies, and the chair's words
around them stay."""
import pytest


def test_a_witness_introduction_keeps_the_sentence_after_it(bare_engine):
    text = ("Today we welcome, from the Office of Coastal Safety, Commodore Rhys Abernethy, Director General, Fleet "
            "Readiness, and from the Northern Freight Board, Ms. Ilse Brandvold, Assistant Deputy Minister. "
            "The floor is yours.")
    res = bare_engine.anonymize(text, "en")
    assert "Brandvold" not in res.text and "Coastal Safety" not in res.text
    assert res.text.endswith(". The floor is yours.")


def test_some_honourable_members_are_no_one(bare_engine):
    res = bare_engine.anonymize("Some hon. members: Agreed.\nThe Chair: The motion is carried.", "en")
    assert res.text.startswith("Some hon. members: Agreed.")


def test_a_french_witness_caption_chain_loses_its_department(bare_engine):
    text = ("Nous recevons ce matin Mme Ilse Brandvold, sous-ministre adjointe, Secteur des politiques, "
            "ministère des Pêches et des Océans, ainsi que M. Omar Haddad.")
    res = bare_engine.anonymize(text, "fr")
    assert "Pêches" not in res.text and "Brandvold" not in res.text and "Haddad" not in res.text
    assert res.text.startswith("Nous recevons ce matin Mme [Participant 1], ")


def test_a_body_heading_its_witnesses_goes_even_when_allow_listed(pipelines):
    from anonymizer import AllowList, AnonymizerEngine, Roster
    engine = AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(["Northern Freight Safety Authority"]))
    text = ("Witnesses\nNorthern Freight Safety Authority\nMs Dana Oduya, Chief Executive\nCHAIR: Welcome.\n"
            "Northern Freight Safety Authority should publish its rail data.")
    res = engine.anonymize(text, "en")
    # the heading over the witness is her body; the same body as the subject of an idea stays
    assert res.text.startswith("Witnesses\n[Organization 1]\nMs [Participant 1], [Role]\nCHAIR: Welcome.\n")
    assert res.text.endswith("\nNorthern Freight Safety Authority should publish its rail data.")


def test_a_body_a_french_hearing_hears_goes_and_the_same_body_as_subject_stays(bare_engine):
    res = bare_engine.anonymize("Pour terminer, nous entendons le ministère de la justice, qui pilote la réforme pénale.\n"
                                "Le ministère de la justice doit publier ses données.", "fr")
    assert res.text == ("Pour terminer, nous entendons le [Organization 1], qui pilote la réforme pénale.\n"
                        "Le ministère de la justice doit publier ses données.")


@pytest.mark.parametrize("text,lang,body,idea", [
    ("- Mark Chen, senior analyst, Public Safety Canada: no clear mandate abroad; Canada can still share data.", "en",
     "Public Safety Canada", ": no clear mandate abroad; Canada can still share data."),
    ("- Samira Abdi, directrice, Alliance des Soeurs du Nil : la diaspora connaît les réseaux locaux de paix.",
     "fr", "Alliance des Soeurs du Nil", " : la diaspora connaît les réseaux locaux de paix."),
])
def test_a_speaker_caption_ends_at_her_colon(bare_engine, text, lang, body, idea):
    """'<Name>, <title>, <Org>: <point>': the organization goes, the point after the colon stays whole."""
    res = bare_engine.anonymize(text, lang)
    assert body not in res.text and "Abdi" not in res.text and "Chen" not in res.text
    assert res.text.endswith(idea), res.text
