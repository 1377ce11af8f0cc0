"""English rule layer, kind by kind (issue 9): what goes and what stays visible. Every person and
organization here is invented; the public bodies are real Canadian federal bodies (general knowledge)."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster
from tests.anonymizer.expect import check

ALLOW = ["Parole Board of Canada", "Treasury Board", "Correctional Service Canada", "CSC", "RCMP",
         "Royal Canadian Mounted Police", "Department of Finance", "Health Canada", "GAC", "Global Affairs Canada"]
ROSTER = [("Rain Okafor-Lindh", "Saltmarsh Tenants Union"), ("Bo Ferreyra", "Kestrel Mediation Circle"),
          ("Dawn Ekwueme", "Bramblewood Family Services")]


@pytest.fixture(scope="module")
def open_engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(ALLOW))


@pytest.fixture(scope="module")
def roster_engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.from_entries(ROSTER), allowlist=AllowList(ALLOW))


def _check(engine, text, gone, kept):
    """These notes are all English."""
    return check(engine, text, "en", gone, kept)


@pytest.mark.parametrize("text,gone,kept", [
    # a rank before a name stays and the name goes (the corpus spec leaves ranks unmarked); alone it is a title
    ("Insp. Vantongeren said the unit now trains every recruit.", ["Vantongeren"], ["Insp. [Participant",
                                                                                   "trains every recruit"]),
    ("Cpl. Ashdown and LCol Mbatha-Reyes presented the pilot.", ["Ashdown", "Mbatha-Reyes"],
     ["Cpl. [Participant", "LCol [Participant", "pilot"]),
    ("A Staff Sergeant from the coastal detachment said victims wait.", ["Staff Sergeant"], ["victims wait"]),
    # committee roles: a speaker turn, an address, a role with a modifier or tenure
    ("Chair: Thank you. We will hear the next witness.", ["Chair"], ["Thank you", "next witness"]),
    ("Chair: Odile Brunner-Haas", ["Odile Brunner-Haas"], ["Chair:"]),
    ("The civil society co-chair, Ilse Vandermeer, read the summary.", ["civil society co-chair"], ["read the summary"]),
    ("A former ambassador noted that embassies do not track spending.", ["former ambassador"], ["embassies"]),
    # a position described in prose
    ("The woman who heads the branch's reporting to the UN said the data are late.",
     ["who heads the branch's reporting to the UN"], ["data are late"]),
    # "Name, Title, Org" captions: the allow-listed body goes too, and the unit after it
    ("Ilse Vandermeer, Assistant Commissioner, Correctional Service Canada",
     ["Ilse Vandermeer", "Assistant Commissioner", "Correctional Service Canada"], []),
    ("Tomas Riedl, Assistant Deputy Minister, Department of Finance, Tax Policy Branch",
     ["Department of Finance", "Tax Policy Branch"], []),
])
def test_titles(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text,gone,kept", [
    ("Justice's people said the review starts next year.", ["Justice"], ["review starts"]),
    ("speaking from finance's side of the table, one participant said the money exists.", ["finance"], ["money exists"]),
    ("Officials from Health said the program is renewed.", ["Health"], ["program is renewed"]),
    ("The Parole Board member said victims may attend by video.", ["Parole Board"], ["attend by video"]),
    ("A Treasury Board analyst said the template changes.", ["Treasury Board"], ["template changes"]),
    ("Someone from the rural newcomer hub said young women are never asked.", ["rural newcomer hub"], ["young women"]),
    ("A migrant workers' legal clinic said housing is a safety issue.", ["migrant workers' legal clinic"],
     ["housing is a safety issue"]),
    ("Then a lawyer from a tenants' rights clinic spoke about evictions.", ["tenants' rights clinic"],
     ["spoke about evictions"]),
    ("The woman from the local food bank asked about core funding.", ["local food bank"], ["asked about core funding"]),
])
def test_bodies_and_groups_as_attribution(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text", [
    "Access to justice should be funded. Health Canada should fund trauma care.",
    "The Parole Board of Canada should publish how many victims attend hearings.",
    "Every newcomer youth hub needs core funding, and legal clinics too.",
    "Lawyers at legal clinics and the local food bank network need core funding.",
    "Programs in Nova Scotia should fund rural transit to shelters.",
    "Group B notes\nIdea: the RCMP should publish data every year.",
    "I'm tired of reports. We're late. They're not listening.",
    "NATO member states should adopt national action plans.",
])
def test_subject_matter_and_labels_stay(open_engine, text):
    assert open_engine.anonymize(text, "en").text == text


@pytest.mark.parametrize("text,gone,kept", [
    ("M-J. R. and J-P. L. took notes; AvdB kept time.", ["M-J. R.", "J-P. L.", "AvdB"], ["took notes", "kept time"]),
    ("The minutes were checked with AvdB.", ["AvdB"], ["The minutes were checked with"]),
    # a lower-case particle between two parts of a name goes with them
    ("Van den Berg and Okonkwo disagreed on the budget.", ["Van den Berg", "Okonkwo"], ["disagreed on the budget"]),
    ("one delegate flew in from Addis Ababa and described the camps", ["Addis Ababa"], ["described the camps"]),
    ("I'm from Thunder Bay, said another, and we see the same.", ["Thunder Bay"], ["I'm from", "we see the same"]),
])
def test_initials_and_places(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text,gone,kept", [
    ("Rain to circulate the draft by Friday.", ["Rain"], ["to circulate the draft"]),
    ("Summary written by dawn.", ["dawn"], ["Summary written by"]),
    ("thanks to bo for hosting. per rain, the survey closes monday.", ["bo", "rain"], ["for hosting", "survey closes"]),
    ("bo and Ekwueme disagreed about pooled funds.", ["bo", "Ekwueme"], ["disagreed about pooled funds"]),
])
def test_roster_names_that_are_ordinary_words(roster_engine, text, gone, kept):
    _check(roster_engine, text, gone, kept)


def test_ordinary_words_of_a_roster_name_stay_in_prose(roster_engine):
    text = "Heavy rain closed the road at dawn, so the shelter opened early."
    assert roster_engine.anonymize(text, "en").text == text


@pytest.mark.parametrize("text,gone,kept", [
    ("joy said the survey closes soon. What patience asked got support.", ["joy", "patience"], ["survey closes"]),
    ("- kit to check the 2021 figures", ["kit"], ["to check the 2021 figures"]),
    ("Present: Ama Quartey-Lund, Ai Vanterpool, Seo-yeon Halloran", ["Ai Vanterpool"], ["Present"]),
])
def test_given_names_without_a_roster(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text", [
    "they said hope is not a plan. Our joy was short-lived.",
    "Rapporteurs hope to send it soon; the grace period ends in June.",
])
def test_ordinary_words_stay_without_a_roster(open_engine, text):
    assert open_engine.anonymize(text, "en").text == text


def test_witness_list_body_on_its_own_line_goes_with_its_witness(open_engine):
    text = ("Witnesses\nDepartment of Finance\nOdalys Brennan-Achebe, Senior Counsel, Family and Youth Section\n\n"
            "Group C\nIdea: the Department of Finance should publish a gender budget statement.")
    res = _check(open_engine, text, ["Odalys Brennan-Achebe", "Senior Counsel", "Family and Youth Section"],
                 ["Witnesses", "Group C", "Department of Finance should publish"])
    assert not res.text.split("\n")[1].startswith("Department"), res.text


def test_lower_case_speaker_lines_lose_name_and_affiliation(open_engine):
    text = ("grp A notes\n- summer (saltmarsh tenants union): rents doubled\n- Ana Lutz (walk-in): we need beds\n"
            "- Idea (from the group): fund shelters")
    _check(open_engine, text, ["summer", "saltmarsh tenants union", "Ana Lutz"],
           ["grp A notes", "rents doubled", "(walk-in)", "Idea (from the group): fund shelters"])


def test_senator_from_a_province_and_chief_executive_of_a_body(open_engine):
    text = "The senator from Manitoba disagreed. I am the chief executive of Tidewater Partners."
    _check(open_engine, text, ["senator", "Manitoba", "chief executive", "Tidewater Partners"], ["disagreed"])


@pytest.mark.parametrize("text,gone,kept", [
    ("Alliance-Canada said the funding is late.", ["Alliance-Canada"], ["funding is late"]),
    ("She came down from Whitehorse for the session.", ["Whitehorse"], ["for the session"]),
])
def test_hyphen_joined_short_forms_and_travellers(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text,gone,kept", [
    ("The person responsible for gender equality at the Kestrel Trust said training is mandatory.",
     ["responsible for gender equality", "Kestrel Trust"], ["said training is mandatory"]),
    ("Our colleague in charge of the northern file said the data are incomplete.",
     ["in charge of the northern file"], ["data are incomplete"]),
    ("A spokesperson for Corrections said the policy changed.", ["Corrections"], ["policy changed"]),
])
def test_positions_in_prose(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


@pytest.mark.parametrize("text,gone,kept", [
    ("insp. halvorsen said the unit is short. sgt morrow agreed.", ["halvorsen", "morrow"],
     ["insp. [Participant", "said the unit is short", "sgt [Participant", "agreed"]),
    ("S/Sgt. Oyelowo described the case.", ["S/Sgt", "Oyelowo"], ["described the case"]),
])
def test_ranks_in_any_case(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


def test_all_caps_speaker_whose_name_looks_inflected(open_engine):
    text = "TSERING WANGMO (LHASA WEAVERS' COLLECTIVE): FUNDING CYCLES ARE TOO SHORT.\nPlanning (the committee): next steps"
    _check(open_engine, text, ["TSERING WANGMO", "LHASA WEAVERS' COLLECTIVE"],
           ["FUNDING CYCLES ARE TOO SHORT", "Planning (the committee): next steps"])


@pytest.mark.parametrize("text,gone,kept", [
    ("Our friends from Norway shared their plan.", ["Norway"], ["shared their plan"]),
    ("Sweden's representative asked about funding.", ["Sweden"], ["representative asked about funding"]),
    ("An Afghan activist said schools are closed.", ["Afghan"], ["An", "activist said schools are closed"]),
])
def test_places_of_speakers(open_engine, text, gone, kept):
    _check(open_engine, text, gone, kept)


def test_places_as_subject_matter_stay(open_engine):
    text = "The plan should support women in Gaza and Afghanistan. Sweden has a feminist foreign policy."
    assert open_engine.anonymize(text, "en").text == text
