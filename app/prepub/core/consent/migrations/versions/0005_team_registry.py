"""Team registry: evidence files in the database, rules the database keeps, change notifications.

- ``evidence``: signed forms stored by SHA-256 (a team database holds them, so every authorised
  laptop can show them and erasure removes them everywhere). On PostgreSQL a CHECK makes the
  database itself verify that each file hashes to its name. (A personal SQLite registry keeps its
  files in the private ``evidence/`` folder; the table is there, empty.)
- Triggers on both engines, so a hand-run statement or a role with UPDATE rights cannot undo
  what the registry promises: a withdrawal stands (``withdrawn_at`` never changes once set); a
  consent's person, dates and id never change; an erased person stays erased; no consent is
  added for an erased person; and no export is logged against a consent withdrawn at or before
  the export (on PostgreSQL this check locks the consent row, so a withdrawal and an export
  that race are serialised: whichever commits first wins, and the export never relies on a
  consent withdrawn before it was logged).
- PostgreSQL only: ``TRUNCATE audit_log`` is refused like UPDATE and DELETE (0003), and every
  audit entry, consent change and person change sends ``NOTIFY prepub_registry`` with a small
  JSON payload of ids (never names), delivered when the transaction commits.

SQLite's batch mode rebuilds a table without its triggers: a later migration that alters
``consents``, ``people`` or ``export_consents`` in batch mode must recreate them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

WITHDRAWAL_STANDS = "a withdrawal stands: a withdrawn consent cannot be changed back"
FIXED_FIELDS = "a consent's id, person, dates and author cannot change"
ERASURE_STANDS = "an erased person stays erased"
ERASED_PERSON = "no consent can be added for an erased person"
EXPORT_WITHDRAWN = "consent withdrawn: an export cannot rely on it"

_FIXED = ("id", "person_id", "given_on", "expires_on", "logged_by", "created_at")

_SQLITE_TRIGGERS = {
    "consents_withdrawal_stands": (
        "BEFORE UPDATE ON consents WHEN OLD.withdrawn_at IS NOT NULL "
        "AND NEW.withdrawn_at IS NOT OLD.withdrawn_at", WITHDRAWAL_STANDS),
    "consents_fixed_fields": (
        "BEFORE UPDATE ON consents WHEN "
        + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _FIXED), FIXED_FIELDS),
    "people_erasure_stands": (
        "BEFORE UPDATE ON people WHEN OLD.erased AND NOT NEW.erased", ERASURE_STANDS),
    "consents_not_for_erased": (
        "BEFORE INSERT ON consents WHEN "
        "(SELECT erased FROM people WHERE id = NEW.person_id)", ERASED_PERSON),
    "export_consents_not_withdrawn": (
        "BEFORE INSERT ON export_consents WHEN EXISTS (SELECT 1 FROM consents c, exports e "
        "WHERE c.id = NEW.consent_id AND e.id = NEW.export_id AND c.withdrawn_at IS NOT NULL "
        "AND c.withdrawn_at <= e.at)", EXPORT_WITHDRAWN),
}

_PG_FUNCTIONS = f"""
CREATE FUNCTION prepub_consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at THEN
    RAISE EXCEPTION '{WITHDRAWAL_STANDS}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _FIXED)} THEN
    RAISE EXCEPTION '{FIXED_FIELDS.replace("'", "''")}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION prepub_people_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.erased AND NOT NEW.erased THEN
    RAISE EXCEPTION '{ERASURE_STANDS}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION prepub_consent_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT erased FROM people WHERE id = NEW.person_id) THEN
    RAISE EXCEPTION '{ERASED_PERSON}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

-- SECURITY DEFINER: the row lock (FOR SHARE) needs a right communicators do not have.
CREATE FUNCTION prepub_export_consent_guard() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  w timestamp;
  export_at timestamp;
BEGIN
  SELECT withdrawn_at INTO w FROM consents WHERE id = NEW.consent_id FOR SHARE;
  SELECT at INTO export_at FROM exports WHERE id = NEW.export_id;
  IF w IS NOT NULL AND w <= export_at THEN
    RAISE EXCEPTION '{EXPORT_WITHDRAWN}' USING ERRCODE = 'integrity_constraint_violation',
      DETAIL = 'consent ' || NEW.consent_id;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION prepub_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'audit_log' THEN
    PERFORM pg_notify('prepub_registry', json_build_object(
      'table', 'audit_log', 'audit_id', NEW.id, 'action', NEW.action, 'entity', NEW.entity,
      'entity_id', NEW.entity_id)::text);
  ELSIF TG_TABLE_NAME = 'consents' THEN
    PERFORM pg_notify('prepub_registry', json_build_object(
      'table', 'consents', 'id', NEW.id, 'person_id', NEW.person_id)::text);
  ELSE
    PERFORM pg_notify('prepub_registry', json_build_object(
      'table', TG_TABLE_NAME, 'id', NEW.id, 'person_id', NEW.id)::text);
  END IF;
  RETURN NULL;
END $$;
"""

_PG_TRIGGERS = """
CREATE TRIGGER consents_guard BEFORE UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION prepub_consent_guard();
CREATE TRIGGER people_guard BEFORE UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION prepub_people_guard();
CREATE TRIGGER consents_insert_guard BEFORE INSERT ON consents
  FOR EACH ROW EXECUTE FUNCTION prepub_consent_insert_guard();
CREATE TRIGGER export_consents_guard BEFORE INSERT ON export_consents
  FOR EACH ROW EXECUTE FUNCTION prepub_export_consent_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION prepub_audit_log_append_only();
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION prepub_notify_change();
CREATE TRIGGER consents_notify AFTER INSERT OR UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION prepub_notify_change();
CREATE TRIGGER people_notify AFTER UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION prepub_notify_change();
"""

_PG_DROP = """
DROP TRIGGER IF EXISTS people_notify ON people;
DROP TRIGGER IF EXISTS consents_notify ON consents;
DROP TRIGGER IF EXISTS audit_log_notify ON audit_log;
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
DROP TRIGGER IF EXISTS export_consents_guard ON export_consents;
DROP TRIGGER IF EXISTS consents_insert_guard ON consents;
DROP TRIGGER IF EXISTS people_guard ON people;
DROP TRIGGER IF EXISTS consents_guard ON consents;
DROP FUNCTION IF EXISTS prepub_notify_change();
DROP FUNCTION IF EXISTS prepub_export_consent_guard();
DROP FUNCTION IF EXISTS prepub_consent_insert_guard();
DROP FUNCTION IF EXISTS prepub_people_guard();
DROP FUNCTION IF EXISTS prepub_consent_guard();
"""


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_evidence"),
    )
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name, (when, message) in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{message.replace(chr(39), chr(39) * 2)}'); END")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE evidence ADD CONSTRAINT ck_evidence_hash "
                   "CHECK (sha256 = encode(sha256(data), 'hex') AND size = octet_length(data))")
        op.execute(_PG_FUNCTIONS)
        op.execute(_PG_TRIGGERS)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute(_PG_DROP)
    op.drop_table("evidence")
