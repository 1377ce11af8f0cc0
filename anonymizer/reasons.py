"""Why a span was removed or flagged: a stable code, with a plain message in English and French.

Downstream code (the app's preview, the export check) compares codes and recognizer ids; it
never parses the messages, which are for people and may be reworded at any time. A message
never contains words of the note.
"""
from __future__ import annotations

from enum import Enum


class Reason(str, Enum):
    """Reason codes. The value is the stable code stored or compared by callers."""

    ROSTER_NAME = "roster_name"
    ROSTER_NAME_VARIANT = "roster_name_variant"
    ROSTER_INITIALS = "roster_initials"
    ROSTER_AFFILIATION = "roster_affiliation"
    PERSON_NER = "person_ner"
    PERSON_CONTEXT = "person_context"
    UNKNOWN_PROPER_NOUN = "unknown_proper_noun"
    PERSON_INITIALS = "person_initials"
    GIVEN_NAME = "given_name"
    PERSON_COORDINATED = "person_coordinated"
    NAME_CONSISTENCY = "name_consistency"
    SPEAKER_AFFILIATION = "speaker_affiliation"
    AFFILIATION_CUE = "affiliation_cue"
    ORG_NAME = "org_name"
    PUBLIC_BODY_ATTRIBUTED = "public_body_attributed"
    ROLE = "role"
    ORIGIN = "origin"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    HANDLE = "handle"
    ADDRESS = "address"
    QUASI = "quasi"
    MODEL = "model"

    def message(self, lang: str = "en") -> str:
        """The plain-words message for this code in *lang* ('en' or 'fr'; English otherwise)."""
        return MESSAGES[self][1 if lang == "fr" else 0]


MESSAGES: dict[Reason, tuple[str, str]] = {
    Reason.ROSTER_NAME: ("a name on the conference roster", "nom inscrit sur la liste des participants"),
    Reason.ROSTER_NAME_VARIANT: ("a name on the conference roster, written differently",
                                 "nom inscrit sur la liste des participants, écrit autrement"),
    Reason.ROSTER_INITIALS: ("initials of a name on the conference roster",
                             "initiales d'un nom inscrit sur la liste des participants"),
    Reason.ROSTER_AFFILIATION: ("an organization on the conference roster",
                                "organisation inscrite sur la liste des participants"),
    Reason.PERSON_NER: ("a person's name", "nom d'une personne"),
    Reason.PERSON_CONTEXT: ("a person's name (from the words around it)",
                            "nom d'une personne (d'après les mots qui l'entourent)"),
    Reason.UNKNOWN_PROPER_NOUN: ("a capitalised word that may be a name", "mot à majuscule qui pourrait être un nom"),
    Reason.PERSON_INITIALS: ("a person's initials", "initiales d'une personne"),
    Reason.GIVEN_NAME: ("a given name", "prénom"),
    Reason.PERSON_COORDINATED: ("a name listed with another name", "nom cité avec un autre nom"),
    Reason.NAME_CONSISTENCY: ("the same name found elsewhere in the note",
                              "même nom trouvé ailleurs dans la note"),
    Reason.SPEAKER_AFFILIATION: ("affiliation of the person speaking", "affiliation de la personne qui parle"),
    Reason.AFFILIATION_CUE: ("an organization someone speaks for", "organisation au nom de laquelle on parle"),
    Reason.ORG_NAME: ("an organization's name", "nom d'une organisation"),
    Reason.PUBLIC_BODY_ATTRIBUTED: ("a public body named as the speaker's affiliation",
                                    "organisme public cité comme affiliation de la personne qui parle"),
    Reason.ROLE: ("a role or title that points to one person", "fonction ou titre qui désigne une personne"),
    Reason.ORIGIN: ("where the person speaking comes from", "origine de la personne qui parle"),
    Reason.EMAIL: ("an e-mail address", "adresse courriel"),
    Reason.PHONE: ("a phone number", "numéro de téléphone"),
    Reason.URL: ("a web address", "adresse web"),
    Reason.HANDLE: ("a social media handle", "identifiant de réseau social"),
    Reason.ADDRESS: ("a postal address", "adresse postale"),
    Reason.QUASI: ("a detail that may identify someone (please confirm)",
                   "détail qui pourrait identifier quelqu'un (à confirmer)"),
    Reason.MODEL: ("found by the trained detection model", "trouvé par le modèle de détection entraîné"),
}

# The reasons that say a span came from the roster (the export check treats them as certain).
ROSTER_REASONS = frozenset({Reason.ROSTER_NAME, Reason.ROSTER_NAME_VARIANT, Reason.ROSTER_INITIALS,
                            Reason.ROSTER_AFFILIATION})
# A capitalised word no rule could place, with no other evidence of a name: the export gate
# asks a person to look at it once rather than blocking every export.
WEAK_PERSON_REASONS = frozenset({Reason.UNKNOWN_PROPER_NOUN})
# The reasons that say an organization was named as someone's affiliation: never restorable.
ATTRIBUTION_REASONS = frozenset({Reason.SPEAKER_AFFILIATION, Reason.AFFILIATION_CUE,
                                 Reason.PUBLIC_BODY_ATTRIBUTED, Reason.ROSTER_AFFILIATION})


def is_weak_person(codes) -> bool:
    """True when every reason behind a PERSON span is weak evidence (see WEAK_PERSON_REASONS)."""
    codes = [Reason(c) for c in codes]
    return bool(codes) and all(c in WEAK_PERSON_REASONS for c in codes)


def is_roster(codes) -> bool:
    """True when a roster recognizer stands behind the span."""
    return any(Reason(c) in ROSTER_REASONS for c in codes)


def is_attribution(codes) -> bool:
    """True when the span names an organization as someone's affiliation."""
    return any(Reason(c) in ATTRIBUTION_REASONS for c in codes)


def message(code: "Reason | str", lang: str = "en") -> str:
    """Message for a code given as a :class:`Reason` or its string value."""
    return Reason(code).message(lang)
