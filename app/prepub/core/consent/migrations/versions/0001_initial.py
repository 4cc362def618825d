"""Initial registry: people, guardians, shoots, consents with channels, face references, audit log.

In this first schema a consent names at most one guardian (``given_by_guardian_id``; NULL means
the person consented themselves). Revision 0002 replaces that with ``consent_signatures``.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_folded", sa.String(200), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("protected_identity", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("is_minor", sa.Boolean(), nullable=True),
        sa.Column("matching_consent", sa.Boolean(), nullable=False, server_default=sa.false()),
        _ts("created_at"), _ts("updated_at"), _ts("deleted_at", True),
        sa.Column("erased", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.CheckConstraint("relation IN ('staff', 'elected', 'member', 'public', 'external')",
                           name="ck_people_relation"),
    )
    op.create_index("ix_people_name_folded", "people", ["name_folded"])

    op.create_table(
        "guardians",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False, server_default=""),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_guardians"),
        sa.ForeignKeyConstraint(["child_id"], ["people.id"], name="fk_guardians_child_id_people"),
    )
    op.create_index("ix_guardians_child_id", "guardians", ["child_id"])

    op.create_table(
        "shoots",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("photographer", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False, server_default=""),
        sa.Column("event", sa.String(200), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_shoots"),
    )

    op.create_table(
        "consents",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("given_by_guardian_id", sa.String(36), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        _ts("withdrawn_at", True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("evidence_sha256", sa.String(64), nullable=True),
        sa.Column("evidence_filename", sa.String(255), nullable=True),
        sa.Column("verbal_note", sa.Text(), nullable=True),
        sa.Column("logged_by", sa.String(200), nullable=False),
        sa.Column("shoot_id", sa.String(36), nullable=True),
        sa.Column("source_sheet_id", sa.String(36), nullable=True),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_consents_person_id_people"),
        sa.ForeignKeyConstraint(["given_by_guardian_id"], ["guardians.id"],
                                name="fk_consents_given_by_guardian_id_guardians"),
        sa.ForeignKeyConstraint(["shoot_id"], ["shoots.id"], name="fk_consents_shoot_id_shoots"),
        sa.CheckConstraint("evidence_sha256 IS NOT NULL OR verbal_note IS NOT NULL",
                           name="ck_consents_evidence"),
    )
    op.create_index("ix_consents_person_id", "consents", ["person_id"])
    op.create_index("ix_consents_shoot_id", "consents", ["shoot_id"])

    op.create_table(
        "consent_channels",
        sa.Column("consent_id", sa.String(36), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("consent_id", "channel", name="pk_consent_channels"),
        sa.ForeignKeyConstraint(["consent_id"], ["consents.id"], ondelete="CASCADE",
                                name="fk_consent_channels_consent_id_consents"),
    )

    op.create_table(
        "face_refs",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("encoding", sa.LargeBinary(), nullable=False),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_face_refs"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name="fk_face_refs_person_id_people"),
    )
    op.create_index("ix_face_refs_person_id", "face_refs", ["person_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _ts("at"),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=True),
        sa.Column("details", sa.Text(), nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_entity_id", "audit_log", ["entity_id"])


def downgrade() -> None:
    for table in ("audit_log", "face_refs", "consent_channels", "consents", "shoots",
                  "guardians", "people"):
        op.drop_table(table)
