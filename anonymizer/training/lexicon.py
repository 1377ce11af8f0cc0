"""The word lists behind the synthetic notes: data files in ``data/`` plus Faker's locale name lists.

Every list states its source and licence in its header. Faker (MIT) supplies given names and
surnames for many origins; Latin-script locales are used as they are, Japanese and Chinese through
Faker's own romanized lists, other origins through the hand lists in ``data/names_extra.txt``.

Two splits keep validation honest: ``train`` and ``valid`` draw names from disjoint Faker locales and
hand lists, invented organizations from disjoint parts, and each of the public-body, organization,
title, place and country lists gives every seventh line to ``valid`` only. A model that scores well on
``valid`` has learned the contexts, not the training vocabulary.
"""
from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Locales whose names Faker writes in Latin script, grouped so that every origin gets a share.
TRAIN_LOCALES = ["en_CA", "fr_CA", "fr_FR", "en_GB", "en_IE", "ga_IE", "de_DE", "nl_NL", "es_MX", "es_CO",
                 "pt_BR", "en_IN", "en_PK", "en_KE", "en_NG", "yo_NG", "ig_NG", "ha_NG", "sw", "tw_GH",
                 "zu_ZA", "vi_VN", "tr_TR", "pl_PL", "it_IT", "sv_SE", "fr_CH", "es_AR", "es_ES", "pt_PT",
                 "fr_BE", "en_NZ", "cs_CZ", "ro_RO", "hr_HR", "fi_FI", "az_AZ", "en_TH", "fr_DZ", "id_ID", "uz_UZ"]
# Validation only: origins the training never sees (Faker falls back to en_US for some locales; those are left out).
VALID_LOCALES = ["es_CL", "nl_BE", "de_AT", "da_DK", "no_NO", "hu_HU", "sk_SK", "sl_SI", "lt_LT", "lv_LV",
                 "et_EE", "is_IS"]
ROMANIZED = {"train": ["ja_JP", "zh_CN"], "valid": ["zh_TW"]}
NAMES_PER_LOCALE = 60
HOLDOUT_EVERY = 7  # every seventh line of a closed list is validation-only


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


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    """'fem|masc;fem|masc' lines -> [(fem, masc), ...]."""
    return [tuple(p.split("|")) for line in lines for p in line.split(";") if "|" in p]  # type: ignore[misc]


def split_items(items: list, split: str) -> list:
    """The share of a closed list that belongs to ``split`` (every seventh item is validation-only)."""
    keep_valid = split == "valid"
    return [x for i, x in enumerate(items) if (i % HOLDOUT_EVERY == 3) == keep_valid]


@dataclass
class Lexicon:
    """Everything the generator draws from, for one run (deterministic for a seed and split)."""

    given_f: list[str] = field(default_factory=list)
    given_m: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    particles: list[str] = field(default_factory=list)
    word_names: list[str] = field(default_factory=list)
    bodies: list[tuple[str, str, str, str]] = field(default_factory=list)
    real_cso: list[tuple[str, str, str]] = field(default_factory=list)
    titles_en: list[str] = field(default_factory=list)
    titles_fr: list[tuple[str, str]] = field(default_factory=list)
    abbrev: list[tuple[str, str]] = field(default_factory=list)
    title_parts: dict[str, list] = field(default_factory=dict)
    countries: list[list[str]] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    residents: list[tuple[str, str]] = field(default_factory=list)
    cso: dict[str, list[str]] = field(default_factory=dict)
    subject: dict[str, list[str]] = field(default_factory=dict)
    templates: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    vocab: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _faker_names(seed: int, split: str) -> tuple[list[str], list[str], list[str]]:
    """Female given names, male given names and surnames from Faker's locale lists."""
    from faker import Faker

    fem: set[str] = set()
    mal: set[str] = set()
    sur: set[str] = set()
    roman = ROMANIZED[split]
    for i, loc in enumerate((TRAIN_LOCALES if split == "train" else VALID_LOCALES) + roman):
        fake = Faker(loc)
        fake.seed_instance(seed * 1000 + i)
        for _ in range(NAMES_PER_LOCALE):
            if loc in roman:
                fem.add(fake.first_romanized_name())
                sur.add(fake.last_romanized_name())
                continue
            fem.add(getattr(fake, "first_name_female", fake.first_name)())
            mal.add(getattr(fake, "first_name_male", fake.first_name)())
            sur.add(fake.last_name())
    clean = lambda xs: sorted(x for x in xs if x and x.replace("-", "").replace("'", "").replace(" ", "").isalpha())
    return clean(fem), clean(mal), clean(sur)


def _names(lex: Lexicon, seed: int, split: str) -> None:
    """Given names, surnames and particles of the split."""
    fem, mal, sur = _faker_names(seed, split)
    extra = read_sections("names_extra.txt")
    prefix = "" if split == "train" else "valid_"
    extra_given = " ".join(extra[prefix + "given"]).split()
    extra_sur = [s.replace("_", " ") for s in " ".join(extra[prefix + "surname"]).split()]
    rng = random.Random(seed)
    rng.shuffle(extra_given)
    half = len(extra_given) // 2
    # the hand lists weigh three times: they hold the origins Faker lacks
    lex.given_f = fem + extra_given[:half] * 3
    lex.given_m = mal + extra_given[half:] * 3
    lex.surnames = sur + extra_sur * 3
    lex.particles = _pipe_items(extra["particle"])
    lex.word_names = split_items(" ".join(read_lines("word_names.txt")).split(), split)


def _organizations(lex: Lexicon, split: str) -> None:
    """Public bodies, real civil-society organizations and the parts of invented ones."""
    lex.bodies = split_items([tuple(x.strip() for x in line.split("|")) for line in read_lines("public_bodies.txt")], split)
    lex.real_cso = split_items([tuple(x.strip() for x in line.split("|")) for line in read_lines("real_cso.txt")], split)
    parts = {k: _pipe_items(v) for k, v in read_sections("civil_society.txt").items()}
    if split == "valid":
        for key in ("place", "noun", "type"):
            parts[key] = parts.pop("valid_" + key)
    for key in ("descriptive", "fr_descriptive", "fr_type", "fr_noun", "fr_place"):
        parts[key] = split_items(parts[key], split) if split == "valid" and len(parts[key]) > 20 else parts[key]
    lex.cso = parts


def _titles(lex: Lexicon, split: str) -> None:
    """Title lists and the parts of compositional titles."""
    lex.titles_en = split_items(read_lines("titles_en.txt"), split)
    lex.titles_fr = split_items([tuple(line.split("|")) for line in read_lines("titles_fr.txt")], split)  # type: ignore[misc]
    lex.abbrev = [tuple(line.split("|")) for line in read_lines("titles_abbrev.txt")]  # type: ignore[misc]
    raw = read_sections("title_parts.txt")
    parts: dict[str, list] = {}
    for key, lines in raw.items():
        items = _pairs(lines) if any(";" in line for line in lines) else _pipe_items(lines)
        parts[key] = split_items(items, split) if len(items) >= HOLDOUT_EVERY * 2 else items
    lex.title_parts = parts


@functools.lru_cache(maxsize=4)
def load_lexicon(seed: int = 0, split: str = "train") -> Lexicon:
    """Read the data files and Faker's names once per seed and split ("train" or "valid")."""
    if split not in ("train", "valid"):
        raise ValueError(f"unknown split {split!r}")
    lex = Lexicon()
    _names(lex, seed, split)
    _organizations(lex, split)
    _titles(lex, split)
    lex.countries = split_items([line.split("|") for line in read_lines("countries.txt")], split)
    lex.places = split_items([tuple(line.split("|")) for line in read_lines("places.txt")], split)  # type: ignore[misc]
    lex.residents = [tuple(line.split("|")) for line in read_lines("resident_nouns.txt")]  # type: ignore[misc]
    lex.subject = {k: _pipe_items(v) for k, v in read_sections("subject_terms.txt").items()}
    for lang in ("en", "fr"):
        lex.templates[lang] = read_sections(f"templates_{lang}.txt")
        lex.vocab[lang] = {k: _pipe_items(v) for k, v in read_sections(f"vocab_{lang}.txt").items()}
    return lex
