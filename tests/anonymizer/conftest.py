"""Shared fixtures: the spaCy models are loaded once per test session (they take seconds)."""
import pytest

from anonymizer import AllowList, AnonymizerEngine, Roster, load_pipelines

from anonymizer_testdata import ALLOW_TERMS, ROSTER_ROWS


@pytest.fixture(scope="session")
def pipelines():
    return load_pipelines()


@pytest.fixture(scope="session")
def roster():
    return Roster.from_entries(ROSTER_ROWS)


@pytest.fixture(scope="session")
def allow():
    return AllowList(ALLOW_TERMS)


@pytest.fixture(scope="session")
def engine(pipelines, roster, allow):
    return AnonymizerEngine(pipelines, roster=roster, allowlist=allow)


@pytest.fixture(scope="session")
def bare_engine(pipelines, allow):
    """No roster: NER and context rules only."""
    return AnonymizerEngine(pipelines, roster=Roster.empty(), allowlist=allow)


def redacted(result, fragment):
    """True when every character of *fragment* (first occurrence in the input) is inside a redaction."""
    return fragment not in result.text
