"""Canary spellings: two invented people (one on the roster, one not) in every spelling of
``anonymizer.canary``; nothing of their names, affiliations or phone numbers may survive, and the
subject-matter sentence of each note must still be there."""
from anonymizer import AllowList, AnonymizerEngine, Roster
from anonymizer.canary import SPELLINGS, anonymize_all, make_notes, make_people, survivors, write_roster


def test_no_canary_spelling_survives_and_subjects_stay(pipelines, tmp_path):
    people = make_people(2, seed=0)
    assert [p.on_roster for p in people] == [True, False]
    notes = make_notes(people)
    assert len(notes) == 2 * len(SPELLINGS)
    roster = Roster.from_csv(str(write_roster(people, tmp_path / "roster.csv")))
    engine = AnonymizerEngine(pipelines, roster=roster, allowlist=AllowList.empty())
    outputs = anonymize_all(engine, notes)
    leaked = [f"{n.kind} ({'roster' if n.person.on_roster else 'not on roster'}): {sorted(found)}"
              for n, out in zip(notes, outputs) if (found := survivors(n, out))]
    lost = [n.kind for n, out in zip(notes, outputs) if n.subject not in out]
    assert leaked == [], f"{len(leaked)} of {len(notes)} canary notes still show: " + "; ".join(leaked)
    assert lost == [], f"subject-matter sentence removed in: {lost}"


def test_canary_checker_sees_disguised_survivors():
    """The checker folds what a reader would still recognise: invisible characters, look-alikes, case, hyphens."""
    person = make_people(1, seed=3)[0]
    note = next(n for n in make_notes([person]) if n.kind == "look-alike letters")
    assert survivors(note, note.text) == {"name", "phone"}
    zw = next(n for n in make_notes([person]) if n.kind == "affiliation zero-width")
    assert survivors(zw, zw.text) == {"affiliation", "phone"}
    broken = next(n for n in make_notes([person]) if n.kind == "hyphen at line break")
    assert "name" in survivors(broken, broken.text)
    assert survivors(broken, f"{broken.subject}\n[Participant 1] asked. Reach them at [Contact].") == set()
