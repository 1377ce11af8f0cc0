"""Leak kinds beyond the roster (titles, public bodies as attribution, word-names, places of a
speaker, collateral), with invented people and organizations, and the subject of an idea kept."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster

ALLOW = ["Public Safety Canada", "Canada Border Services Agency", "CBSA", "Correctional Service of Canada", "CSC",
         "RCMP", "Resolution 1325"]


@pytest.fixture(scope="module")
def open_engine(pipelines):
    return AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=AllowList(ALLOW))


@pytest.mark.parametrize("text,gone", [
    ("Executive Director, Harlow Tenants Network, told the committee rents doubled.", ["Executive Director"]),
    ("Madam Chair, thank you. The deputy chair asked about funding.", ["Madam Chair", "deputy chair"]),
    ("La vice-présidente a rappelé que la greffière transmettra le document.", ["vice-présidente", "greffière"]),
    ("La sous-ministre déléguée aux Affaires autochtones a répondu.", ["sous-ministre déléguée aux Affaires"]),
    ("Officials of Public Safety and the CBSA said the backlog grew.", ["Public Safety", "CBSA"]),
    ("cbsa said the queue is long; the csc person disagreed.", ["cbsa", "csc"]),
    ("From a CSC perspective, reintegration needs housing.", ["CSC"]),
    ("At Tallowmere Direct we fund local groups.", ["Tallowmere Direct"]),
    ("Faith will send the draft. Sunny to circulate the list.", ["Faith", "Sunny"]),
    ("We hope May Chen will join the working group.", ["May Chen"]),
    ("OKONKWO ADEYEMI SAID THE PLAN IS LATE.", ["OKONKWO ADEYEMI"]),
    ("As a Quebecer myself, I worry about the wait lists.", ["Quebecer"]),
    ("I represent Halifax, Nova Scotia, on this file.", ["Halifax, Nova Scotia"]),
    ("the thornbury legal clinic said the wait is long.", ["thornbury legal clinic"]),
    ("Thornbury Legal Clinic said the wait is long.", ["Thornbury Legal Clinic"]),
    ("kwame asabre said the plan is late.", ["kwame asabre"]),
    ("La présidente : Je cède la parole au témoin.", ["présidente"]),
    ("Témoins : Aurélie Fontanelle, directrice générale, Centre Lumière des Femmes.",
     ["Aurélie Fontanelle", "directrice générale", "Centre Lumière des Femmes"]),
    ("Merci.\n— Public Safety Canada", ["Public Safety Canada"]),
])
def test_kind_is_removed(open_engine, text, gone):
    res = open_engine.anonymize(text)
    for needle in gone:
        start = text.index(needle)
        letters = [i for i in range(start, start + len(needle)) if text[i].isalnum()]
        assert all(any(s.start <= i < s.end for s in res.redactions) for i in letters), (needle, res.text)


@pytest.mark.parametrize("text", [
    "Resolution 1325 matters. The RCMP should recruit more women.",
    "The CBSA wants fewer detentions and Public Safety supports the review.",
    "I'm worried. We're late. It's a question of money.",
    "Mesdames et messieurs, merci. Ensuite, le plan doit être financé.",
    "In May the plan starts; hope is not a strategy.",
    "Women, Peace and Security must stay a standing item.",
    "Every legal clinic and youth network needs core funding.",
])
def test_subject_matter_and_grammar_stay(open_engine, text):
    assert open_engine.anonymize(text).text == text
