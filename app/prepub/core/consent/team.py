"""Setting up a team registry on PostgreSQL: the schema and roles, logins, and moving a personal
registry in. What ``prepub registry init``, ``user add`` and ``migrate`` run.

:func:`init` creates the three group roles (:mod:`.roles`), the schema (the same Alembic
migrations as a personal registry) and the grants, idempotently: running it again brings an
existing team registry up to date. It needs a login that may create roles and owns (or may
create objects in) the database, e.g. the cluster's superuser or a dedicated owner.

:func:`add_user` creates a login in one role (or gives an existing login a new password and
role). The password is never sent as text: libpq turns it into a SCRAM-SHA-256 verifier on this
machine, so it cannot show up in the server's statement log.

:func:`migrate_from` copies a personal registry (people, guardians, shoots, consents with their
channels and signatures, face references, exports, evidence files and the audit log) into the
team registry in one transaction, keeping every id. Running it again adds only what is new:
rows are matched by id, and the audit entries already copied are remembered in a
``registry.migrate`` audit entry (source, last entry copied, the source chain's head hash).
Where the team registry already holds a row that differs, the team's row is kept and the
difference reported; a withdrawal or an erasure in the personal registry is applied (the
protective value wins, as with consent sheets).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from prepub.core.consent import chain, erasure, postgres, records, roles, store
from prepub.core.consent import schema as t
from prepub.core.consent.types import RegistryError

USER_NAME = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


@dataclass(frozen=True)
class InitReport:
    location: str
    roles_created: tuple[str, ...]
    schema_before: str | None
    schema_after: str | None
    grants: dict[str, list[str]]


def team_url(url: str) -> URL:
    """A PostgreSQL registry URL, checked (TLS, no password) and with the psycopg driver."""
    u, path = store.resolve_url(url)
    if not postgres.is_postgresql(u) or path is not None:
        raise RegistryError(f"{url!r} is not a PostgreSQL address (postgresql://user@host/db)")
    return u


def _engine(u: URL, password: str | None) -> Engine:
    return store.make_engine(u, password=password)


def _label(u: URL) -> str:
    return u.render_as_string(hide_password=True)


def init(url: str, *, password: str | None = None) -> InitReport:
    """Create (or bring up to date) the team registry at ``url``: roles, schema, grants."""
    u = team_url(url)
    engine = _engine(u, password)
    try:
        with engine.begin() as conn:
            before = store.current_revision(conn)
            try:
                made = roles.create_roles(conn)
            except sa.exc.ProgrammingError as e:
                raise RegistryError(
                    f"{_label(u)}: this login may not create roles ({store._short(e)}); run "
                    "init as the database's owner with CREATEROLE (or the superuser)") from e
    except sa.exc.OperationalError as e:
        raise RegistryError(f"{_label(u)}: cannot connect ({store._short(e)})") from e
    finally:
        engine.dispose()
    store.migrate(u, label=_label(u), password=password)
    engine = _engine(u, password)
    try:
        with engine.begin() as conn:
            roles.apply_grants(conn)  # also when the schema was already current
            after = store.current_revision(conn)
    finally:
        engine.dispose()
    return InitReport(location=_label(u), roles_created=tuple(made), schema_before=before,
                      schema_after=after,
                      grants={s.name: roles.describe(s) for s in roles.ROLES.values()})


def add_user(url: str, name: str, *, role: str, new_password: str,
             password: str | None = None) -> bool:
    """Create login ``name`` in ``role`` (or reset an existing login's password and put it in
    ``role``, out of the other two); returns True when the login is new."""
    if role not in roles.ROLES:
        raise RegistryError(f"role must be one of {', '.join(roles.ROLES)}, not {role!r}")
    if not USER_NAME.match(name) or name.startswith(roles.ROLE_PREFIX):
        raise RegistryError(f"{name!r} is not a usable login name (lower-case letters, digits, "
                            "_ . @ -; not starting with 'prepub_')")
    if len(new_password) < 12:
        raise RegistryError("the password must have at least 12 characters")
    u = team_url(url)
    engine = _engine(u, password)
    try:
        with engine.begin() as conn:
            if len(roles.existing_roles(conn)) < len(roles.ROLES):
                raise RegistryError(f"{_label(u)}: the team roles do not exist yet; run "
                                    "'prepub registry init' first")
            raw = conn.connection.dbapi_connection
            verifier = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
                new_password.encode(), name.encode(), b"scram-sha-256").decode()
            ident = _ident(conn, name)
            exists = conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                  {"n": name}).first() is not None
            verb = "ALTER" if exists else "CREATE"
            conn.exec_driver_sql(f"{verb} ROLE {ident} LOGIN PASSWORD {_literal(conn, verifier)}")
            for other in roles.ROLES.values():
                if other.name != role:
                    conn.exec_driver_sql(f"REVOKE {other.db_role} FROM {ident}")
            conn.exec_driver_sql(f"GRANT {roles.db_role(role)} TO {ident}")
            return not exists
    except sa.exc.ProgrammingError as e:
        raise RegistryError(f"{_label(u)}: this login may not create logins "
                            f"({store._short(e)})") from e
    finally:
        engine.dispose()


def _ident(conn: sa.Connection, name: str) -> str:
    from psycopg import sql

    raw = conn.connection.dbapi_connection
    return sql.Identifier(name).as_string(raw)  # type: ignore[arg-type]


def _literal(conn: sa.Connection, value: str) -> str:
    from psycopg import sql

    raw = conn.connection.dbapi_connection
    return sql.Literal(value).as_string(raw)  # type: ignore[arg-type]


# --- moving a personal registry in --------------------------------------------------------------

@dataclass
class MigrateReport:
    source: str
    target: str
    added: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    differing: list[tuple[str, str, str]] = field(default_factory=list)  # table, id, field
    withdrawals_applied: int = 0
    erasures_applied: int = 0
    audit_entries_copied: int = 0
    evidence_files_copied: int = 0

    @property
    def nothing_new(self) -> bool:
        return not any(self.added.values()) and not self.audit_entries_copied \
            and not self.withdrawals_applied and not self.erasures_applied


# Tables with their own text primary key, in the order foreign keys need.
_KEYED = (("people", ("id",)), ("guardians", ("id",)), ("shoots", ("id",)),
          ("consents", ("id",)), ("consent_channels", ("consent_id", "channel")),
          ("face_refs", ("id",)), ("exports", ("id",)),
          ("export_files", ("export_id", "name")), ("export_consents", ("export_id", "consent_id")))
_COMPARED = {"people": ("name", "relation", "birth_year", "protected_identity"),
             "consents": ("person_id", "given_on", "expires_on", "purpose")}


def migrate_from(source: str, target: str, *, password: str | None = None,
                 actor: str | None = None) -> MigrateReport:
    """Copy the personal registry at ``source`` into the team registry at ``target``."""
    src = store.open_registry(source)
    try:
        report = src.verify_audit()
        if not report.ok:
            raise RegistryError(f"{src.location}: the audit log's hash chain breaks at entry "
                                f"{report.broken_at}; it is not copied into the team registry")
        dst_url = team_url(target)
        store.migrate(dst_url, label=_label(dst_url), password=password)
        engine = _engine(dst_url, password)
        try:
            with src._read() as sconn, engine.begin() as dconn:
                rep = MigrateReport(source=src.location, target=_label(dst_url))
                _copy(sconn, dconn, rep, src, actor=actor)
                return rep
        finally:
            engine.dispose()
    finally:
        src.close()


def _copy(s: sa.Connection, d: sa.Connection, rep: MigrateReport, src: Any,
          *, actor: str | None) -> None:
    from sqlalchemy.dialects.postgresql import insert

    newly_erased: list[str] = []
    new_consents: set[str] = set()
    for name, key in _KEYED:
        table = t.metadata.tables[name]
        rows = [dict(r._mapping) for r in s.execute(sa.select(table))]
        have = {tuple(r) for r in d.execute(sa.select(*(table.c[k] for k in key)))}
        fresh = [r for r in rows if tuple(r[k] for k in key) not in have]
        old = [r for r in rows if tuple(r[k] for k in key) in have]
        if name == "people":  # erased people arrive unerased, then are erased (see the guard)
            for r in fresh:
                if r["erased"]:
                    newly_erased.append(r["id"])
                    r["erased"] = False
        if name == "consents":
            new_consents = {r["id"] for r in fresh}
        if fresh:
            d.execute(insert(table).on_conflict_do_nothing(), fresh)
        rep.added[name] = len(fresh)
        rep.unchanged[name] = len(old)
        if name in ("people", "consents") and old:
            _reconcile(d, name, old, rep, newly_erased, actor=actor)
    sigs = [dict(r._mapping) for r in s.execute(sa.select(t.consent_signatures))
            if r.consent_id in new_consents]
    for r in sigs:
        r.pop("id")
    if sigs:
        d.execute(t.consent_signatures.insert(), sigs)
    rep.added["consent_signatures"] = len(sigs)
    _copy_evidence(s, d, rep, src)
    for pid in newly_erased:
        d.execute(t.people.update().where(t.people.c.id == pid).values(erased=True))
    _copy_audit(s, d, rep, actor=actor)


def _reconcile(d: sa.Connection, name: str, old: list[dict[str, Any]], rep: MigrateReport,
               newly_erased: list[str], *, actor: str | None) -> None:
    table = t.metadata.tables[name]
    ids = [r["id"] for r in old]
    mine = {r.id: r for r in d.execute(sa.select(table).where(table.c.id.in_(ids)))}
    for r in old:
        here = mine[r["id"]]
        if name == "people" and r["erased"] and not here.erased:
            erasure.erase(d, r["id"], actor=actor)
            rep.erasures_applied += 1
            continue
        if name == "consents" and r["withdrawn_at"] is not None and here.withdrawn_at is None:
            from prepub.core.consent import consents

            consents.withdraw(d, r["id"], at=r["withdrawn_at"], reason=r["withdrawal_reason"],
                              actor=actor)
            rep.withdrawals_applied += 1
        if name == "people" and here.erased:
            continue
        for f in _COMPARED[name]:
            if r[f] != getattr(here, f):
                rep.differing.append((name, r["id"], f))


def _copy_evidence(s: sa.Connection, d: sa.Connection, rep: MigrateReport, src: Any) -> None:
    from prepub.core.consent.evidence import insert_blob

    wanted = {h for (h,) in s.execute(sa.select(t.consents.c.evidence_sha256)
                                      .where(t.consents.c.evidence_sha256.is_not(None)))}
    have = {h for (h,) in d.execute(sa.select(t.evidence.c.sha256)
                                    .where(t.evidence.c.sha256.in_(sorted(wanted))))}
    for h in sorted(wanted - have):
        p = src.evidence_path(h)
        if p is None:
            rep.differing.append(("evidence", h, "missing_in_source"))
            continue
        data = Path(p).read_bytes()
        insert_blob(d, data)
        rep.evidence_files_copied += 1


def _copy_audit(s: sa.Connection, d: sa.Connection, rep: MigrateReport,
                *, actor: str | None) -> None:
    """Append the source's audit entries not copied before, in order, to the team's chain."""
    log = t.audit_log
    first = s.execute(sa.select(log.c.entry_hash).order_by(log.c.id).limit(1)).scalar()
    if first is None:
        return
    chain.lock(d)
    done = 0
    for (details,) in d.execute(sa.select(log.c.details).where(
            log.c.action == "registry.migrate").order_by(log.c.id)):
        info = json.loads(details or "{}")
        if info.get("source_first_hash") == first:
            done = max(done, int(info.get("through", 0)))
    rows = s.execute(sa.select(log).where(log.c.id > done).order_by(log.c.id)).all()
    if not rows:
        return
    for r in rows:
        records.write_audit(d, actor=r.actor, action=r.action, entity=r.entity,
                            entity_id=r.entity_id, details=json.loads(r.details or "{}"), at=r.at)
    rep.audit_entries_copied = len(rows)
    records.write_audit(d, actor=actor, action="registry.migrate", entity="registry",
                        entity_id=None, details={
                            "source_first_hash": first, "through": int(rows[-1].id),
                            "source_head": rows[-1].entry_hash, "entries": len(rows),
                            "added": {k: v for k, v in rep.added.items() if v}})


def current_roles(registry: Any) -> list[str]:
    """The team roles of the login an open registry uses (``[]`` for a personal registry)."""
    with registry._read() as conn:
        return roles.roles_of(conn)
