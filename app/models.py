"""Typed SQLAlchemy 2 models.

The invariant shapes this schema: an idea holds only anonymized text and the
session and group it came from, never a speaker. Raw notes never reach a table
in clear: autosaved drafts and the participant roster are stored encrypted.
"""
from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from typing import Optional

from flask_babel import gettext
from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.sign_in_models import LoginThrottle, SessionVersioned, username_key  # noqa: F401 (LoginThrottle: a model)


def utcnow() -> datetime:
    """Timezone-aware now, so comparisons never mix naive and aware times."""
    return datetime.now(timezone.utc)


def as_utc(moment: Optional[datetime]) -> Optional[datetime]:
    """Attach UTC to a datetime read back naive (SQLite drops the zone)."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


class Role(str, enum.Enum):
    """What an account may do; one role per account."""

    ADMIN = "admin"
    COCHAIR = "cochair"
    RAPPORTEUR = "rapporteur"
    DRAFTER = "drafter"

    @property
    def label(self) -> str:
        """Human name of the role."""
        return {
            "admin": gettext("Administrator"),
            "cochair": gettext("Co-chair"),
            "rapporteur": gettext("Rapporteur"),
            "drafter": gettext("Report drafter"),
        }[self.value]


class SessionKind(str, enum.Enum):
    """Plenary sessions gather everyone; breakout sessions run in groups."""

    PLENARY = "plenary"
    BREAKOUT = "breakout"


class IdeaStatus(str, enum.Enum):
    """Where an idea stands in review."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"  # sent back to the rapporteur to rework


class ThemeKind(str, enum.Enum):
    """Principal themes come from the codebook; emerging ones are promoted by co-chairs."""

    PRINCIPAL = "principal"
    EMERGING = "emerging"


class Conference(db.Model):
    """One consultation conference; everything else hangs off it."""

    __tablename__ = "conference"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    # French names beside the English ones (empty: the English is shown); see app.i18n.localized.
    name_fr: Mapped[str] = mapped_column(String(300), default="")
    # Off by default: under the Rule, even a group letter can narrow who spoke.
    show_groups_in_exports: Mapped[bool] = mapped_column(Boolean, default=False)
    # Off by default: a clean idea is stored without the (anonymized) sentence it came from.
    keep_idea_sources: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    days: Mapped[list["ConferenceDay"]] = relationship(
        back_populates="conference", order_by="ConferenceDay.number", cascade="all, delete-orphan"
    )
    groups: Mapped[list["BreakoutGroup"]] = relationship(
        back_populates="conference", order_by="BreakoutGroup.label", cascade="all, delete-orphan"
    )
    themes: Mapped[list["Theme"]] = relationship(
        back_populates="conference", order_by="Theme.code", cascade="all, delete-orphan"
    )


class ConferenceDay(db.Model):
    """A day of the conference (Day 1, Day 2)."""

    __tablename__ = "conference_day"
    __table_args__ = (UniqueConstraint("conference_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    title_fr: Mapped[str] = mapped_column(String(300), default="")

    conference: Mapped[Conference] = relationship(back_populates="days")
    sessions: Mapped[list["Session"]] = relationship(
        back_populates="day", order_by="Session.position", cascade="all, delete-orphan"
    )


class Session(db.Model):
    """A plenary or breakout session within a day."""

    __tablename__ = "session"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("conference_day.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    title_fr: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[SessionKind] = mapped_column(Enum(SessionKind, native_enum=False, length=20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[Optional[str]] = mapped_column(String(5), nullable=True)  # "09:30"
    # For Day 2: which part of the plan's structure this session feeds
    # (partners, baselines, targets, actions, indicators); empty otherwise.
    plan_section: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # Stable key for re-importing the conference file (migration 0007); None: matched by day and title.
    code: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)

    day: Mapped[ConferenceDay] = relationship(back_populates="sessions")

    @property
    def conference_id(self) -> int:
        """The conference this session belongs to."""
        return self.day.conference_id


class BreakoutGroup(db.Model):
    """A breakout group (Group A ... Group H); plenaries use a group named 'Plenary'."""

    __tablename__ = "breakout_group"
    __table_args__ = (UniqueConstraint("conference_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    label: Mapped[str] = mapped_column(String(80))
    is_plenary: Mapped[bool] = mapped_column(Boolean, default=False)

    conference: Mapped[Conference] = relationship(back_populates="groups")


class User(SessionVersioned, UserMixin, db.Model):
    """A staff account: administrator, co-chair, rapporteur or report drafter."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    username_key: Mapped[str] = mapped_column(String(160), unique=True)  # lower-cased: "Admin" = "admin"
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # see get_id
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Interface language the user chose with the EN | FR switch; None follows the browser.
    locale: Mapped[Optional[str]] = mapped_column(String(5), nullable=True)

    assignments: Mapped[list["Assignment"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    @validates("username")
    def _keep_username_key(self, _key: str, username: str) -> str:
        self.username_key = username_key(username)
        return username

    def set_password(self, password: str) -> None:
        """Store a salted hash, never the password; sessions signed in with the old one end."""
        self.password_hash = generate_password_hash(password)
        self.session_version = (self.session_version or 0) + 1

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login reads this
        """Deactivated accounts cannot sign in."""
        return self.active

    def has_role(self, *roles: Role) -> bool:
        """True for any of the roles; administrators may do everything."""
        return self.role == Role.ADMIN or self.role in roles


class Assignment(db.Model):
    """A rapporteur assigned to a breakout group, for one session or for all of them."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("user_id", "group_id", "session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("breakout_group.id"), index=True)
    # None: the rapporteur covers this group in every session.
    session_id: Mapped[Optional[int]] = mapped_column(ForeignKey("session.id"), nullable=True)

    user: Mapped[User] = relationship(back_populates="assignments")
    group: Mapped[BreakoutGroup] = relationship()
    session: Mapped[Optional[Session]] = relationship()


class Theme(db.Model):
    """A code of the theme codebook."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("conference_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    name_fr: Mapped[str] = mapped_column(String(300), default="")
    description_fr: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    kind: Mapped[ThemeKind] = mapped_column(
        Enum(ThemeKind, native_enum=False, length=20), default=ThemeKind.PRINCIPAL
    )
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[Optional[int]] = mapped_column(ForeignKey("theme.id"), nullable=True)

    conference: Mapped[Conference] = relationship(back_populates="themes")

    @property
    def keyword_list(self) -> list[str]:
        """Keywords as a list, blanks dropped."""
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class Proposal(db.Model):
    """The same proposal raised by several groups: a merge of ideas that can be undone."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    # suggested: proposed by the tool; accepted: confirmed or made by a co-chair.
    status: Mapped[str] = mapped_column(String(20), default="accepted")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    ideas: Mapped[list["Idea"]] = relationship(back_populates="proposal")


class Idea(db.Model):
    """One anonymized idea. Holds no speaker, only session and group."""

    __tablename__ = "idea"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("breakout_group.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(5), default="en")
    status: Mapped[IdeaStatus] = mapped_column(
        Enum(IdeaStatus, native_enum=False, length=20), default=IdeaStatus.SUBMITTED, index=True
    )
    review_note: Mapped[str] = mapped_column(Text, default="")  # reason for reject / send back
    # The client's key for one submitted note plus the idea's position in it:
    # a retried request finds these and stores nothing twice.
    submission_key: Mapped[str] = mapped_column(String(80), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    proposal_id: Mapped[Optional[int]] = mapped_column(ForeignKey("proposal.id"), nullable=True, index=True)
    # Clean-idea kind (proposal, finding, concern, question, commitment, figure) when the rapporteur
    # submitted clean ideas, and how many in the room supported it: a count they confirmed, never names.
    kind: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    support: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The anonymized sentence a clean idea came from, only when the conference keeps sources.
    source_text: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("submission_key", "position"),)

    session: Mapped[Session] = relationship()
    group: Mapped[BreakoutGroup] = relationship()
    proposal: Mapped[Optional[Proposal]] = relationship(back_populates="ideas")
    themes: Mapped[list["IdeaTheme"]] = relationship(
        back_populates="idea", order_by="IdeaTheme.rank", cascade="all, delete-orphan"
    )


class IdeaTheme(db.Model):
    """A theme on an idea: a ranked suggestion, or one a co-chair confirmed."""

    __tablename__ = "idea_theme"
    __table_args__ = (UniqueConstraint("idea_id", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    idea: Mapped[Idea] = relationship(back_populates="themes")
    theme: Mapped[Theme] = relationship()


class EncryptedRoster(db.Model):
    """The participant roster, encrypted as one blob; only its size is readable."""

    __tablename__ = "encrypted_roster"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), unique=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    entry_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AllowTerm(db.Model):
    """A public body or subject-matter term that may stay when it is the subject of an idea."""

    __tablename__ = "allow_term"
    __table_args__ = (UniqueConstraint("conference_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    term: Mapped[str] = mapped_column(String(300))


class Draft(db.Model):
    """An autosaved note, encrypted; destroyed on submit or when it expires."""

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("user_id", "session_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    group_id: Mapped[int] = mapped_column(ForeignKey("breakout_group.id"))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class AuditEvent(db.Model):
    """Who did what to the record (approved, exported, restored a term); never who said what."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    user: Mapped[Optional[User]] = relationship()
