"""Consents signed by several guardians, and the export log.

``consent_signatures`` replaces ``consents.given_by_guardian_id`` so that a child's consent can
carry the signature of every custodian. Existing consents get one signature each: the guardian
they named, or the person themselves. ``exports`` / ``export_files`` / ``export_consents`` record
every bundle and the consents it relied on, so a withdrawal can list earlier publications.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_signatures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("consent_id", sa.String(36), nullable=False),
        sa.Column("signer_kind", sa.String(8), nullable=False),
        sa.Column("guardian_id", sa.String(36), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consent_signatures"),
        sa.ForeignKeyConstraint(["consent_id"], ["consents.id"], ondelete="CASCADE",
                                name="fk_consent_signatures_consent_id_consents"),
        sa.ForeignKeyConstraint(["guardian_id"], ["guardians.id"],
                                name="fk_consent_signatures_guardian_id_guardians"),
        sa.CheckConstraint(
            "(signer_kind = 'self' AND guardian_id IS NULL) OR "
            "(signer_kind = 'guardian' AND guardian_id IS NOT NULL)",
            name="ck_consent_signatures_signer"),
    )
    op.create_index("ix_consent_signatures_consent_id", "consent_signatures", ["consent_id"])

    # One signature per existing consent: its guardian, or the person themselves. A single
    # INSERT ... SELECT, so it also renders in offline (--sql) mode.
    consents = sa.table("consents", sa.column("id", sa.String), sa.column("created_at", sa.DateTime),
                        sa.column("given_by_guardian_id", sa.String))
    signatures = sa.table("consent_signatures", sa.column("consent_id", sa.String),
                          sa.column("signer_kind", sa.String), sa.column("guardian_id", sa.String),
                          sa.column("signed_at", sa.DateTime))
    kind = sa.case((consents.c.given_by_guardian_id.is_(None), sa.literal("self")),
                   else_=sa.literal("guardian"))
    op.execute(signatures.insert().from_select(
        ["consent_id", "signer_kind", "guardian_id", "signed_at"],
        sa.select(consents.c.id, kind, consents.c.given_by_guardian_id, consents.c.created_at)))

    with op.batch_alter_table("consents") as batch:
        batch.drop_constraint("fk_consents_given_by_guardian_id_guardians", type_="foreignkey")
        batch.drop_column("given_by_guardian_id")

    op.create_table(
        "exports",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("bundle_path", sa.Text(), nullable=False),
        sa.Column("draft_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exports"),
    )
    op.create_table(
        "export_files",
        sa.Column("export_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("export_id", "name", name="pk_export_files"),
        sa.ForeignKeyConstraint(["export_id"], ["exports.id"], ondelete="CASCADE",
                                name="fk_export_files_export_id_exports"),
    )
    op.create_table(
        "export_consents",
        sa.Column("export_id", sa.String(36), nullable=False),
        sa.Column("consent_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("export_id", "consent_id", name="pk_export_consents"),
        sa.ForeignKeyConstraint(["export_id"], ["exports.id"], ondelete="CASCADE",
                                name="fk_export_consents_export_id_exports"),
        sa.ForeignKeyConstraint(["consent_id"], ["consents.id"],
                                name="fk_export_consents_consent_id_consents"),
    )
    op.create_index("ix_export_consents_consent_id", "export_consents", ["consent_id"])


def downgrade() -> None:
    op.drop_table("export_consents")
    op.drop_table("export_files")
    op.drop_table("exports")
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("given_by_guardian_id", sa.String(36), nullable=True))
        batch.create_foreign_key("fk_consents_given_by_guardian_id_guardians", "guardians",
                                 ["given_by_guardian_id"], ["id"])
    op.execute(
        "UPDATE consents SET given_by_guardian_id = (SELECT MIN(s.guardian_id) FROM "
        "consent_signatures s WHERE s.consent_id = consents.id AND s.signer_kind = 'guardian')")
    op.drop_table("consent_signatures")
