"""The word lists behind the synthetic notes: data files in ``data/`` plus Faker's locale name lists.

Every list states its source and licence in its header. Faker (MIT) supplies given names and
surnames for many origins; Latin-script locales are used as they are, Japanese and Chinese through
Faker's own romanized lists, other scripts through the hand lists in ``data/names_extra.txt``.
"""
from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Locales whose names Faker writes in Latin script, grouped so that every origin gets a share.
LATIN_LOCALES = ["en_CA", "fr_CA", "fr_FR", "en_GB", "en_IE", "ga_IE", "de_DE", "nl_NL", "es_MX", "es_CO",
                 "pt_BR", "en_IN", "en_PK", "en_KE", "en_NG", "yo_NG", "ig_NG", "ha_NG", "sw", "tw_GH",
                 "zu_ZA", "vi_VN", "tr_TR", "pl_PL", "it_IT", "sv_SE", "fr_CH", "es_AR"]
ROMANIZED_LOCALES = ["ja_JP", "zh_CN"]
NAMES_PER_LOCALE = 60


def read_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def read_sections(name: str) -> dict[str, list[str]]:
    """A data file cut into ``[section]`` blocks; a block's lines keep their order."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(line)
    return out


def _pipe_items(lines: list[str]) -> list[str]:
    """Items of '|'-separated lines, flattened."""
    return [item.strip() for line in lines for item in line.split("|") if item.strip()]


@dataclass
class Lexicon:
    """Everything the generator draws from, for one run (deterministic for a seed)."""

    given_f: list[str] = field(default_factory=list)
    given_m: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    word_names: list[str] = field(default_factory=list)
    bodies: list[tuple[str, str, str, str]] = field(default_factory=list)
    titles_en: list[str] = field(default_factory=list)
    titles_fr: list[tuple[str, str]] = field(default_factory=list)
    abbrev: list[tuple[str, str]] = field(default_factory=list)
    countries: list[list[str]] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    residents: list[tuple[str, str]] = field(default_factory=list)
    cso: dict[str, list[str]] = field(default_factory=dict)
    subject: dict[str, list[str]] = field(default_factory=dict)
    templates: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    vocab: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _faker_names(seed: int) -> tuple[list[str], list[str], list[str]]:
    """Female given names, male given names and surnames from Faker's locale lists."""
    from faker import Faker

    fem: set[str] = set()
    mal: set[str] = set()
    sur: set[str] = set()
    for i, loc in enumerate(LATIN_LOCALES + ROMANIZED_LOCALES):
        fake = Faker(loc)
        fake.seed_instance(seed * 1000 + i)
        roman = loc in ROMANIZED_LOCALES
        for _ in range(NAMES_PER_LOCALE):
            if roman:
                fem.add(fake.first_romanized_name())
                sur.add(fake.last_romanized_name())
                continue
            fem.add(getattr(fake, "first_name_female", fake.first_name)())
            mal.add(getattr(fake, "first_name_male", fake.first_name)())
            sur.add(fake.last_name())
    clean = lambda xs: sorted(x for x in xs if x and x.replace("-", "").replace("'", "").replace(" ", "").isalpha())
    return clean(fem), clean(mal), clean(sur)


@functools.lru_cache(maxsize=4)
def load_lexicon(seed: int = 0) -> Lexicon:
    """Read the data files and Faker's names once per seed."""
    lex = Lexicon()
    fem, mal, sur = _faker_names(seed)
    extra = read_sections("names_extra.txt")
    extra_given = " ".join(extra["given"]).split()
    extra_sur = [s.replace("_", " ") for s in " ".join(extra["surname"]).split()]
    rng = random.Random(seed)
    rng.shuffle(extra_given)
    half = len(extra_given) // 2
    lex.given_f = fem + extra_given[:half] * 2
    lex.given_m = mal + extra_given[half:] * 2
    lex.surnames = sur + extra_sur * 2
    lex.word_names = " ".join(read_lines("word_names.txt")).split()
    lex.bodies = [tuple(x.strip() for x in line.split("|")) for line in read_lines("public_bodies.txt")]  # type: ignore[misc]
    lex.titles_en = read_lines("titles_en.txt")
    lex.titles_fr = [tuple(line.split("|")) for line in read_lines("titles_fr.txt")]  # type: ignore[misc]
    lex.abbrev = [tuple(line.split("|")) for line in read_lines("titles_abbrev.txt")]  # type: ignore[misc]
    lex.countries = [line.split("|") for line in read_lines("countries.txt")]
    lex.places = [tuple(line.split("|")) for line in read_lines("places.txt")]  # type: ignore[misc]
    lex.residents = [tuple(line.split("|")) for line in read_lines("resident_nouns.txt")]  # type: ignore[misc]
    lex.cso = {k: _pipe_items(v) for k, v in read_sections("civil_society.txt").items()}
    lex.subject = {k: _pipe_items(v) for k, v in read_sections("subject_terms.txt").items()}
    for lang in ("en", "fr"):
        lex.templates[lang] = read_sections(f"templates_{lang}.txt")
        lex.vocab[lang] = {k: _pipe_items(v) for k, v in read_sections(f"vocab_{lang}.txt").items()}
    return lex
