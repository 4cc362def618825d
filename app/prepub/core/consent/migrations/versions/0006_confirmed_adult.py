"""Communicators may remember a consenting person as an adult; the database keeps it that narrow.

"I have checked: this person is an adult" on a face linked to a registry person is remembered in
the registry (``Registry.confirm_adult``), so the next post does not flag the same colleague as a
possible child again. A communicator gets UPDATE on ``people.is_minor`` and ``updated_at`` only
(:mod:`prepub.core.consent.roles`), and on PostgreSQL a trigger narrows that further for anyone
who is not an admin: ``is_minor`` may only go from unknown to false, only while the birth year is
unknown, only for a person with a consent that is not withdrawn and with no guardian (none
registered, none who signed), and ``updated_at`` only forward. So a communicator can never turn a
known child into an adult, nor record anything about someone who has not consented.

SQLite (a personal registry) has no roles; the registry method applies the same rules.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

from prepub.core.consent.roles import ROLE_PREFIX

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NARROW = ("only an admin may change whether a person is a minor; others may only record a "
          "consenting person of unknown age as an adult")

_PG_UP = f"""
CREATE FUNCTION prepub_people_minor_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a registry without the team roles (a plain PostgreSQL registry) has nobody to narrow
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE_PREFIX}communicator') THEN
    RETURN NEW;
  END IF;
  IF NOT pg_has_role(current_user, '{ROLE_PREFIX}communicator', 'MEMBER')
     OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE_PREFIX}admin')
         AND pg_has_role(current_user, '{ROLE_PREFIX}admin', 'MEMBER')) THEN
    RETURN NEW;  -- an admin, or the owner: the grants decide
  END IF;
  -- a communicator may do exactly one thing to a person: unknown -> adult, for someone who
  -- consented and has no guardian, moving updated_at forward
  IF NOT (OLD.is_minor IS NULL AND NEW.is_minor = false AND OLD.birth_year IS NULL
          AND NEW.birth_year IS NULL AND NEW.updated_at >= OLD.updated_at
          AND EXISTS (SELECT 1 FROM consents c
                      WHERE c.person_id = OLD.id AND c.withdrawn_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = OLD.id)
          AND NOT EXISTS (SELECT 1 FROM consent_signatures s JOIN consents c
                          ON c.id = s.consent_id
                          WHERE c.person_id = OLD.id AND s.signer_kind = 'guardian')) THEN
    RAISE EXCEPTION '{NARROW}' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER people_minor_guard BEFORE UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION prepub_people_minor_guard();
"""

_PG_DOWN = """
DROP TRIGGER IF EXISTS people_minor_guard ON people;
DROP FUNCTION IF EXISTS prepub_people_minor_guard();
"""


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(_PG_UP)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(_PG_DOWN)
