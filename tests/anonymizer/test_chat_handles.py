"""A pasted chat log: every author's screen name goes, a host's title goes as a role, a guest number stays."""


def test_chat_authors_go_whatever_their_screen_names_look_like(bare_engine):
    log = ("09:58 Moderator: welcome all, cameras optional\n10:01 kofi_b: joining from home today\n"
           "10:02 Guest 2 (Mireya): +1 to that\n10:03 lu.t: the plan needs money")
    res = bare_engine.anonymize(log, "en")
    assert res.text == ("09:58 [Role]: welcome all, cameras optional\n10:01 [Participant 1]: joining from home today\n"
                        "10:02 Guest 2 ([Participant 2]): +1 to that\n10:03 [Participant 3]: the plan needs money")


def test_a_time_in_a_sentence_is_no_chat_message(bare_engine):
    text = "The meeting starts at 10:30: bring the draft."
    assert bare_engine.anonymize(text, "en").text == text


def test_an_address_goes_whole_to_its_postal_code(bare_engine):
    res = bare_engine.anonymize("Ines Varga\nTreasurer\n17 Quarry Rd, Antigonish NS B2G 1A1 · 902-555-0101", "en")
    assert res.text == "[Participant 1]\n[Role]\n[Contact] · [Contact]"


def test_a_chat_self_introduction_loses_its_name_and_place_but_an_agenda_stays(bare_engine):
    log = ("15:41 ingrid.mp: Ingrid, MPA, Winnipeg. (ED)\n15:42 tova.r: good afternoon from The Hague!\n"
           "15:43 nadia_k: the shelters in Iqaluit are full, and funding from Ottawa is late")
    res = bare_engine.anonymize(log, "en")
    assert "Ingrid" not in res.text and "Winnipeg" not in res.text and "The Hague" not in res.text
    assert res.text.endswith(": the shelters in Iqaluit are full, and funding from Ottawa is late")
    agenda = "09:00 Registration: coffee in the lobby\n12:00 Lunch: in the atrium"
    assert bare_engine.anonymize(agenda, "en").text == agenda


def test_a_name_inside_a_screen_name_is_the_same_participant_later(bare_engine):
    res = bare_engine.anonymize("10:02 ines_okafor: hello all\n10:03 pat.l: agree with okafor on the data gap", "en")
    assert res.text == "10:02 [Participant 1]: hello all\n10:03 [Participant 2]: agree with [Participant 1] on the data gap"
