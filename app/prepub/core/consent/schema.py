"""The registry's tables as they are at the newest migration (SQLAlchemy Core).

The migrations in ``migrations/versions`` build exactly this schema (a test compares them). Every
column is explicit; there are no pickled blobs: a face encoding is 128 float64 values stored
little-endian (1,024 bytes). Times are stored as naive UTC and handed out as aware UTC.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

# CHECK constraints carry their full names (no "ck" convention): Alembic's batch rebuild on
# SQLite would otherwise apply the convention a second time to the reflected name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ENCODING_DIM = 128
ENCODING_BYTES = ENCODING_DIM * 8


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC on every backend and returned as an aware UTC datetime."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


metadata = sa.MetaData(naming_convention=NAMING)


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(36), primary_key=True)


people = sa.Table(
    "people", metadata,
    _id(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("name_folded", sa.String(200), nullable=False, index=True),
    sa.Column("relation", sa.String(16), nullable=False),
    sa.Column("protected_identity", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("birth_year", sa.Integer, nullable=True),
    sa.Column("is_minor", sa.Boolean, nullable=True),
    sa.Column("matching_consent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("deleted_at", UTCDateTime, nullable=True),
    sa.Column("erased", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("relation IN ('staff', 'elected', 'member', 'public', 'external')",
                       name="ck_people_relation"),
)

guardians = sa.Table(
    "guardians", metadata,
    _id(),
    sa.Column("child_id", sa.String(36), sa.ForeignKey("people.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("relation", sa.String(16), nullable=False),
    sa.Column("contact", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

shoots = sa.Table(
    "shoots", metadata,
    _id(),
    sa.Column("photographer", sa.String(200), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("place", sa.String(200), nullable=False, server_default=""),
    sa.Column("event", sa.String(200), nullable=False, server_default=""),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

consents = sa.Table(
    "consents", metadata,
    _id(),
    sa.Column("person_id", sa.String(36), sa.ForeignKey("people.id"), nullable=False, index=True),
    sa.Column("given_on", sa.Date, nullable=False),
    sa.Column("purpose", sa.Text, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=True),
    sa.Column("withdrawn_at", UTCDateTime, nullable=True),
    sa.Column("withdrawal_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("evidence_sha256", sa.String(64), nullable=True),
    sa.Column("evidence_filename", sa.String(255), nullable=True),
    sa.Column("verbal_note", sa.Text, nullable=True),
    sa.Column("logged_by", sa.String(200), nullable=False),
    sa.Column("shoot_id", sa.String(36), sa.ForeignKey("shoots.id"), nullable=True, index=True),
    sa.Column("source_sheet_id", sa.String(36), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("evidence_sha256 IS NOT NULL OR verbal_note IS NOT NULL", name="ck_consents_evidence"),
)

consent_channels = sa.Table(
    "consent_channels", metadata,
    sa.Column("consent_id", sa.String(36), sa.ForeignKey("consents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("channel", sa.String(40), primary_key=True),
)

consent_signatures = sa.Table(
    "consent_signatures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("consent_id", sa.String(36), sa.ForeignKey("consents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("signer_kind", sa.String(8), nullable=False),
    sa.Column("guardian_id", sa.String(36), sa.ForeignKey("guardians.id"), nullable=True),
    sa.Column("signed_at", UTCDateTime, nullable=False),
    sa.CheckConstraint(
        "(signer_kind = 'self' AND guardian_id IS NULL) OR "
        "(signer_kind = 'guardian' AND guardian_id IS NOT NULL)", name="ck_consent_signatures_signer"),
)

face_refs = sa.Table(
    "face_refs", metadata,
    _id(),
    sa.Column("person_id", sa.String(36), sa.ForeignKey("people.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("encoding", sa.LargeBinary, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

exports = sa.Table(
    "exports", metadata,
    _id(),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("bundle_path", sa.Text, nullable=False),
    sa.Column("draft_id", sa.String(64), nullable=True),
)

export_files = sa.Table(
    "export_files", metadata,
    sa.Column("export_id", sa.String(36), sa.ForeignKey("exports.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("name", sa.String(500), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False),
)

export_consents = sa.Table(
    "export_consents", metadata,
    sa.Column("export_id", sa.String(36), sa.ForeignKey("exports.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("consent_id", sa.String(36), sa.ForeignKey("consents.id"), primary_key=True,
              index=True),
)

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=True, index=True),
    sa.Column("details", sa.Text, nullable=False, server_default="{}"),
    # The hash chain (see .chain): the previous entry's hash and this entry's. Nullable only
    # because migration 0004 adds them to existing rows; every entry written is sealed, and
    # verification reports an entry without them.
    sa.Column("prev_hash", sa.String(64), nullable=True),
    sa.Column("entry_hash", sa.String(64), nullable=True),
)

evidence = sa.Table(
    # Signed forms by content (migration 0005). A team (PostgreSQL) registry keeps them here, and
    # the database checks each hash; a personal SQLite registry keeps them in its private folder.
    "evidence", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)
