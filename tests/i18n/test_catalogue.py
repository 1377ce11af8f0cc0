"""Every user-facing string is translated: Babel extracts the marked strings of the templates, the
Python code and the scripts (the same configuration as `make i18n-extract`) and each one must have a
French translation in the catalogue, not fuzzy, with the same placeholders."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "app" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "t": None, "tn": (1, 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]|\{(\w+)\}")


def extracted_messages() -> dict:
    """msgid (or (singular, plural)) -> where it was found, as `make i18n-extract` sees them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        key = message if isinstance(message, str) else tuple(message[:2])
        msgid = key if isinstance(key, str) else key[0]
        if msgid:
            found.setdefault(key, f"{filename}:{line}")
    return found


def untranslated(messages: dict, catalogue) -> list[str]:
    """Every extracted message without a complete, non-fuzzy French translation."""
    problems = []
    for key, where in sorted(messages.items(), key=lambda item: item[1]):
        msgid = key[0] if isinstance(key, tuple) else key
        entry = catalogue.get(msgid)
        strings = () if entry is None else (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or entry.fuzzy or not strings or not all(s and s.strip() for s in strings):
            problems.append(f"{where}: {msgid!r}")
    return problems


@pytest.fixture(scope="module")
def catalogue():
    with open(CATALOGUE, "rb") as handle:
        return read_po(handle, locale="fr")


@pytest.fixture(scope="module")
def messages():
    return extracted_messages()


def test_every_marked_string_has_a_french_translation(messages, catalogue):
    assert len(messages) > 400  # templates, Python and scripts all reached the extractor
    problems = untranslated(messages, catalogue)
    assert problems == [], f"{len(problems)} untranslated:\n" + "\n".join(problems)


def test_the_check_catches_a_missing_and_a_fuzzy_translation(messages, catalogue):
    some_id = next(iter(messages))
    assert untranslated({"A sentence nobody translated.": "x.html:1"}, catalogue) == ["x.html:1: 'A sentence nobody translated.'"]
    entry = catalogue.get(some_id if isinstance(some_id, str) else some_id[0])
    entry.flags.add("fuzzy")
    try:
        assert untranslated({some_id: "y.py:2"}, catalogue)
    finally:
        entry.flags.discard("fuzzy")


def test_scripts_and_templates_are_both_extracted(messages):
    files = set(where.split(":")[0] for where in messages.values())
    assert any(f.endswith("capture.js") for f in files)
    assert any(f.endswith("review.js") for f in files)
    assert any(f.endswith(".html") for f in files)
    assert any(f.endswith("routes.py") for f in files)
    assert ("{n} removal", "{n} removals") in messages


def test_translations_keep_every_placeholder(catalogue):
    mismatched = []
    for entry in catalogue:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = {m.group(0) for m in PLACEHOLDER.finditer(ids[-1])}
        for string in strings:
            got = {m.group(0) for m in PLACEHOLDER.finditer(string)}
            # A French singular may drop the count ("%(num)d" stays in the plural forms).
            if got != wanted and not (len(ids) == 2 and got <= wanted):
                mismatched.append((ids[0], string))
    assert mismatched == []


def test_the_catalogue_is_french_with_french_typography(catalogue):
    assert catalogue.get("Sign in").string == "Ouvrir une session"
    assert catalogue.get("Your sessions").string == "Vos séances"
    # A non-breaking space before the colon (Canadian typography), never a plain one.
    colons = [e.string for e in catalogue if e.id and isinstance(e.string, str) and " :" in e.string]
    assert colons == []
