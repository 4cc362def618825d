"""The audit log becomes a hash chain: ``prev_hash`` and ``entry_hash`` on every entry.

The append-only triggers of 0003 stop a casual UPDATE, but whoever can drop and recreate them
can rewrite an entry and ``PRAGMA integrity_check`` still says ok. With the chain, an entry's
hash covers the previous entry's hash and its own canonical content (``prepub.core.consent.chain``),
so such an edit is found by ``prepub registry verify`` and on every open.

Existing entries are sealed here, in id order, with the same function the registry writes with.
The triggers are lifted for this one pass and put back as 0003 made them. Sealing reads the rows, so it runs
only online. Offline (``--sql``) output adds the columns and leaves the entries unsealed; a
registry migrated that way reports them as unsealed until it is migrated through Prepub.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from prepub.core.consent import chain
from prepub.core.consent.schema import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MESSAGE = "audit_log is append-only"  # as in 0003


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(64), nullable=True))
    op.add_column("audit_log", sa.Column("entry_hash", sa.String(64), nullable=True))
    if context.is_offline_mode():
        return
    dialect = op.get_context().dialect.name
    _lift_triggers(dialect)
    _seal(op.get_bind())
    _restore_triggers(dialect)


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
    if op.get_context().dialect.name == "sqlite":
        # SQLite's batch mode rebuilt the table and dropped its triggers with it
        _restore_triggers("sqlite")


def _seal(conn: sa.Connection) -> None:
    log = sa.table("audit_log", sa.column("id", sa.Integer), sa.column("at", UTCDateTime),
                   sa.column("actor", sa.String), sa.column("action", sa.String),
                   sa.column("entity", sa.String), sa.column("entity_id", sa.String),
                   sa.column("details", sa.Text), sa.column("prev_hash", sa.String),
                   sa.column("entry_hash", sa.String))
    rows = conn.execute(sa.select(log.c.id, log.c.at, log.c.actor, log.c.action, log.c.entity,
                                  log.c.entity_id, log.c.details).order_by(log.c.id)).all()
    prev, sealed = chain.GENESIS, []
    for r in rows:
        h = chain.entry_hash(prev_hash=prev, at=r.at, actor=r.actor, action=r.action,
                             entity=r.entity, entity_id=r.entity_id, details=r.details)
        sealed.append({"row_id": r.id, "prev": prev, "hash": h})
        prev = h
    if sealed:
        conn.execute(log.update().where(log.c.id == sa.bindparam("row_id"))
                     .values(prev_hash=sa.bindparam("prev"), entry_hash=sa.bindparam("hash")),
                     sealed)


def _lift_triggers(dialect: str) -> None:
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")


def _restore_triggers(dialect: str) -> None:
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{event.lower()} BEFORE {event} "
                f"ON audit_log BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
