"""E-mail signatures pasted into a note: the card under the sign-off tells who wrote, line by line."""


def test_a_signature_card_loses_name_title_body_and_city(bare_engine):
    text = ("Agreed on the timeline.\n\nBest,\nMarguerite\nSenior Policy Lead, Prairie Mediators Circle\n"
            "Saskatoon · 306-555-0142\n\nSent from my phone")
    res = bare_engine.anonymize(text, "en")
    assert res.text.startswith("Agreed on the timeline.\n\nBest,\n[Participant 1]\n")
    for word in ("Marguerite", "Senior Policy Lead", "Prairie Mediators", "Saskatoon", "0142"):
        assert word not in res.text
    assert res.text.endswith("\n\nSent from my phone")


def test_a_writer_signing_with_one_letter_goes_and_the_quoted_header_ends_the_card(bare_engine):
    res = bare_engine.anonymize("Fine by me.\n\nCheers,\nQ\n\n> Can we cut the list?", "en")
    assert res.text == "Fine by me.\n\nCheers,\n[Participant 1]\n\n> Can we cut the list?"


def test_a_french_card_loses_its_title_group_and_town(bare_engine):
    text = ("Je vous envoie la version révisée.\n\nCordialement,\nHélène Baptiste\n"
            "Coordonnatrice, Réseau des femmes du Haut-Richelieu\nSaint-Jean-sur-Richelieu | 450-555-0199")
    res = bare_engine.anonymize(text, "fr")
    assert res.text.startswith("Je vous envoie la version révisée.\n\nCordialement,\n[Participant 1]\n")
    for word in ("Coordonnatrice", "Haut-Richelieu", "Saint-Jean", "0199"):
        assert word not in res.text


def test_a_sentence_after_a_sign_off_is_no_card(bare_engine):
    text = "Thanks,\nThe group agreed that shelters need core funding and that data should be public."
    res = bare_engine.anonymize(text, "en")
    assert res.text == text
