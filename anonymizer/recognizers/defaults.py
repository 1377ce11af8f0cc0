"""The standard registry, in running order (later recognizers read what earlier ones found)."""
from __future__ import annotations

from .attributed_groups import AttributedGroups
from .attribution import Attribution
from .chat_handles import ChatHandles
from .civil_society import CivilSocietyNames
from .compound_initials import CompoundInitials
from .consistency import Consistency
from .contacts import Contacts
from .described_roles import DescribedRoles
from .fragments import NameFragments
from .french import FrenchAttribution, FrenchBodyMentions
from .french_names import FrenchGivenNames, FrenchInitials, FrenchNameParticles, FrenchOrigins
from .french_origins import FrenchSpeakerPlaces
from .context_names import ContextNames
from .given_names import GivenNames
from .name_initials import NameInitials
from .name_lists import NameLists
from .name_positions import NamePositions
from .neighbours import NameNeighbours
from .ner_persons import NerPersons
from .org_consistency import OrgConsistency
from .org_frames import OrgFrames
from .origins import Origins
from .public_bodies import PublicBodies
from .quasi import QuasiIdentifiers
from .registry import Registry
from .roles import Roles
from .roster_names import RosterNames
from .roster_orgs import RosterAffiliations
from .signature_blocks import SignatureBlocks
from .speaker_places import SpeakerPlaces
from .speaker_titles import SpeakerTitles
from .trained_spans import TrainedSpans
from .word_names import WordNames


def default_registry() -> Registry:
    """Contacts, roster affiliations and French public-body mentions, the person recognizers, roles, attribution, origins, quasi-identifiers,
    the trained domain model's spans (a no-op without its weights), name fragments beside found names and
    dotted initials, and note-level consistency (people, then organizations) last."""
    return Registry([
        Contacts(), ChatHandles(), SignatureBlocks(), RosterAffiliations(), FrenchBodyMentions(),
        RosterNames(), NerPersons(), ContextNames(), GivenNames(), NameNeighbours(), CompoundInitials(), WordNames(),
        NameLists(), NamePositions(), NameInitials(),
        Roles(), DescribedRoles(), CivilSocietyNames(), Attribution(), PublicBodies(), AttributedGroups(),
        FrenchAttribution(), OrgFrames(),
        Origins(), FrenchOrigins(), QuasiIdentifiers(), TrainedSpans(), SpeakerPlaces(), FrenchSpeakerPlaces(),
        SpeakerTitles(), FrenchInitials(), FrenchGivenNames(),
        NameFragments(), FrenchNameParticles(), Consistency(), OrgConsistency(),
    ])
