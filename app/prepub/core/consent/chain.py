"""The audit log's hash chain: what each entry's hash covers, and checking the whole chain.

Each entry stores ``prev_hash`` (the previous entry's ``entry_hash``; :data:`GENESIS` for the
first) and ``entry_hash`` = SHA-256 of its canonical content: the format tag, ``prev_hash``, the
time in UTC with microseconds, actor, action, entity, entity id and the ``details`` text exactly
as stored. Rewriting an entry, even with the append-only triggers dropped and recreated around
the edit, changes its hash; removing, inserting or re-hashing an entry breaks the next one's link.
:func:`verify` walks the entries in id order and names the first that does not hold.

What a chain cannot show on its own: the newest entries removed from the end, or every entry from
some point on recomputed by someone who knows this scheme. Both need the head hash kept outside the
database (e.g. in each export's record); :func:`head` gives it.

The format is fixed by :data:`FORMAT`. Migration 0004 sealed the entries that existed before the
chain with the same function, so a later change of format needs a new tag, not an edit here.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from prepub.core.consent.types import AuditChainReport

FORMAT = "prepub-audit-v1"
GENESIS = "0" * 64


def utc(at: datetime) -> datetime:
    """``at`` as an aware UTC time (a naive time is UTC already, as the registry stores it)."""
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def entry_hash(*, prev_hash: str, at: datetime, actor: str, action: str, entity: str,
               entity_id: str | None, details: str) -> str:
    """The SHA-256 (hex) of one entry's canonical content; ``details`` is the stored JSON text."""
    content = [FORMAT, prev_hash, utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), actor, action, entity,
               entity_id, details]
    raw = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def head(conn: sa.Connection, table: Any) -> str:
    """The newest entry's hash (what the next entry links to), or :data:`GENESIS`."""
    row = conn.execute(sa.select(table.c.entry_hash).order_by(table.c.id.desc()).limit(1)).first()
    if row is None:
        return GENESIS
    return row.entry_hash or ""  # an unsealed entry: verify() names it


# The PostgreSQL advisory lock that serialises writers of the chain (an arbitrary, fixed key).
ADVISORY_KEY = 0x707265707562  # "prepub"


def lock(conn: sa.Connection) -> None:
    """Serialise writers of the chain. SQLite's writing transactions (BEGIN IMMEDIATE) already
    are; on PostgreSQL two writers would otherwise link to the same head. An advisory lock held
    to the end of the transaction (``LOCK TABLE`` in a mode that excludes other writers needs
    UPDATE or DELETE rights on the table, which no team role has on the audit log)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_KEY})")


def verify(conn: sa.Connection, table: Any) -> AuditChainReport:
    """Walk every entry in id order; the report names the first one that does not hold."""
    cols = table.c
    q = sa.select(cols.id, cols.at, cols.actor, cols.action, cols.entity, cols.entity_id,
                  cols.details, cols.prev_hash, cols.entry_hash).order_by(cols.id)
    prev, n = GENESIS, 0
    for row in conn.execute(q):
        n += 1
        if not row.entry_hash or not row.prev_hash:
            return AuditChainReport(ok=False, entries=n, broken_at=row.id, reason="unsealed")
        if row.prev_hash != prev:
            return AuditChainReport(ok=False, entries=n, broken_at=row.id, reason="link")
        expected = entry_hash(prev_hash=row.prev_hash, at=row.at, actor=row.actor,
                              action=row.action, entity=row.entity, entity_id=row.entity_id,
                              details=row.details)
        if expected != row.entry_hash:
            return AuditChainReport(ok=False, entries=n, broken_at=row.id, reason="content")
        prev = row.entry_hash
    return AuditChainReport(ok=True, entries=n, head=prev)
