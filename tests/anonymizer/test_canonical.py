"""Canonical text: invisible characters, look-alikes and line-break hyphens, with exact offsets back."""
import time

import pytest

from anonymizer.canonical import CanonicalText, canonicalize


def _back(c: CanonicalText, needle: str) -> str:
    """The original text behind the canonical occurrence of *needle*."""
    i = c.text.index(needle)
    s, e = c.to_original(i, i + len(needle))
    return c.original[s:e]


def test_plain_text_is_unchanged_and_maps_one_to_one():
    c = canonicalize("Tavi Orlen spoke about housing.")
    assert c.text == c.original
    assert c.to_original(5, 10) == (5, 10)


@pytest.mark.parametrize("raw", ["Ilse\u200b Brannagh", "Il\u200bse Bran\u200cnagh", "Ilse Bran\u00adnagh",
                                 "Ilse Bran\u2060nagh", "\ufeffIlse Brannagh", "Ilse \u202eBrannagh\u202c"])
def test_invisible_characters_are_removed(raw):
    c = canonicalize(raw)
    assert "Brannagh" in c.text
    assert not any(ch in c.text for ch in "\u200b\u200c\u00ad\u2060\ufeff\u202e\u202c")
    # the original span covers the invisible characters inside the name
    assert _back(c, "Brannagh").replace("\u200c", "").replace("\u00ad", "").replace("\u2060", "") \
        .replace("\u202c", "") == "Brannagh"


def test_zero_width_inside_name_maps_back_over_it():
    c = canonicalize("Met Quil\u200blan today")
    assert c.text == "Met Quillan today"
    assert _back(c, "Quillan") == "Quil\u200blan"


def test_hyphen_at_line_break_joins_the_word():
    c = canonicalize("as Dorvane Ekwu-\nsimba said")
    assert "Ekwusimba" in c.text
    assert _back(c, "Ekwusimba") == "Ekwu-\nsimba"


def test_hyphen_at_line_break_before_capital_keeps_the_hyphen():
    c = canonicalize("Marie-\n  Josette spoke")
    assert c.text.startswith("Marie-Josette spoke")


def test_soft_hyphen_at_line_break_joins_the_word():
    c = canonicalize("Brann\u00ad\nagh agreed")
    assert c.text == "Brannagh agreed"


def test_bullet_after_line_break_is_not_joined():
    c = canonicalize("items-\n- second")
    assert c.text == "items-\n- second"


def test_cyrillic_lookalike_in_latin_word_becomes_latin():
    raw = "\u0412luefen Collective (\u0430 new group)"  # Cyrillic Ve in a Latin word; a lone Cyrillic a
    c = canonicalize(raw)
    assert c.text.startswith("Bluefen Collective")
    assert _back(c, "Bluefen") == "\u0412luefen"
    assert "\u0430 new" in c.text  # a word of its own script is not touched


def test_greek_lookalike_in_latin_word_becomes_latin():
    c = canonicalize("T\u03bfrvik spoke")  # Greek omicron
    assert c.text == "Torvik spoke"


def test_cyrillic_text_stays_cyrillic():
    c = canonicalize("Спасибо, коллеги")
    assert c.text == "Спасибо, коллеги"


def test_nfkc_fullwidth_and_ligatures():
    c = canonicalize("\uff2f\uff52\uff4c\uff45\uff4e of the \ufb01eld")
    assert c.text == "Orlen of the field"
    assert _back(c, "Orlen") == "\uff2f\uff52\uff4c\uff45\uff4e"
    assert _back(c, "field") == "\ufb01eld"


def test_combining_accent_is_composed():
    c = canonicalize("Ame\u0301lie spoke")
    assert c.text == "Amélie spoke"
    assert _back(c, "Amélie") == "Ame\u0301lie"


def test_no_break_space_and_controls():
    c = canonicalize("Tavi\u00a0Orlen\x07said")
    assert c.text == "Tavi Orlen said"


def test_empty_spans_and_bounds():
    c = canonicalize("a\u200bb")
    assert c.text == "ab"
    assert c.to_original(2, 2) == (3, 3)
    assert c.to_original(0, 99) == (0, 3)


def test_long_text_is_fast():
    raw = ("Ekwu\u200b-simba " * 5000)[:50_000]
    t = time.perf_counter()
    c = canonicalize(raw)
    assert time.perf_counter() - t < 1.0
    assert "\u200b" not in c.text
