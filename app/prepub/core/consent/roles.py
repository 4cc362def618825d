"""The team registry's three roles and exactly what the database lets each do (PostgreSQL).

One declaration, :data:`ROLES`, read by ``prepub registry init`` (creates the roles),
``prepub registry user add`` (puts a login in one), the migrations (:func:`apply_grants` after
every schema change, so a new table is never left open or closed by accident) and the tests.
The roles are ``NOLOGIN`` group roles; people log in as their own users, members of one role.

- **photographer**: reads people, guardians, shoots and consents; adds shoots, people,
  guardians, consents (with their channels, signatures and evidence files). Cannot change or
  delete anything, cannot read evidence files or face references.
- **communicator**: reads everything but evidence files; links faces (adds face references),
  logs exports, and remembers a consenting person of unknown age as an adult (``is_minor``
  from unknown to false, checked by a trigger, migration 0006). Cannot add people or
  consents, nor change anything else about them.
- **admin**: everything both do, and withdraws consents, updates and erases people (UPDATE on
  the columns erasure blanks, DELETE of face references and evidence files), reads evidence.
- **everyone**: the audit log is append-only: no role has UPDATE, DELETE or TRUNCATE on it
  (and triggers refuse those to the owner too, migrations 0003 and 0005). Nobody may delete a
  person or a consent: erasure blanks and marks, it does not delete.

Rules that rights cannot express (a withdrawal stands, an erased person stays erased, no export
against a withdrawn consent) are triggers, in migration 0005.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

ROLE_PREFIX = "prepub_"

READ_ALL = ("people", "guardians", "shoots", "consents", "consent_channels",
            "consent_signatures", "face_refs", "exports", "export_files", "export_consents",
            "audit_log", "alembic_version")
ALL_TABLES = READ_ALL + ("evidence",)
SEQUENCES = ("audit_log_id_seq", "consent_signatures_id_seq")


@dataclass(frozen=True)
class Grant:
    privilege: str  # SELECT, INSERT, UPDATE, DELETE, USAGE (sequences)
    objects: tuple[str, ...]
    columns: tuple[str, ...] = ()  # column-level UPDATE

    def sql(self, role: str) -> str:
        cols = f" ({', '.join(self.columns)})" if self.columns else ""
        kind = "SEQUENCE " if self.privilege == "USAGE" else "TABLE "
        return f"GRANT {self.privilege}{cols} ON {kind}{', '.join(self.objects)} TO {role}"


@dataclass(frozen=True)
class RoleSpec:
    name: str  # what the command line calls it
    help: str
    grants: tuple[Grant, ...]
    member_of: tuple[str, ...] = ()  # other roles whose rights it inherits

    @property
    def db_role(self) -> str:
        return ROLE_PREFIX + self.name


ROLES: dict[str, RoleSpec] = {r.name: r for r in (
    RoleSpec("photographer", "adds shoots, people, guardians and consents; deletes nothing", (
        Grant("SELECT", ("people", "guardians", "shoots", "consents", "consent_channels",
                         "consent_signatures", "audit_log", "alembic_version")),
        Grant("SELECT", ("evidence",), ("sha256",)),  # "is this form stored?", never its content
        Grant("INSERT", ("people", "guardians", "shoots", "consents", "consent_channels",
                         "consent_signatures", "evidence", "audit_log")),
        Grant("USAGE", SEQUENCES),
    )),
    RoleSpec("communicator", "reads the registry, links faces, logs exports", (
        Grant("SELECT", READ_ALL),
        Grant("INSERT", ("face_refs", "exports", "export_files", "export_consents", "audit_log")),
        Grant("USAGE", ("audit_log_id_seq",)),
        # "I have checked: an adult" remembered for a consenting person; a trigger (0006)
        # allows a communicator only unknown -> adult, and only with a live consent
        Grant("UPDATE", ("people",), ("is_minor", "updated_at")),
    )),
    RoleSpec("admin", "withdraws consents, erases people, sees evidence files", (
        Grant("SELECT", ("evidence",)),
        Grant("UPDATE", ("people",), ("name", "name_folded", "relation", "protected_identity",
                                      "birth_year", "is_minor", "matching_consent", "updated_at",
                                      "deleted_at", "erased")),
        Grant("UPDATE", ("guardians",), ("name", "contact")),
        Grant("UPDATE", ("consents",), ("withdrawn_at", "withdrawal_reason", "purpose",
                                        "evidence_filename", "verbal_note")),
        Grant("DELETE", ("face_refs", "evidence")),
    ), member_of=("photographer", "communicator")),
)}


def db_role(name: str) -> str:
    """The database role of a command-line role name (``admin`` -> ``prepub_admin``)."""
    return ROLES[name].db_role


def existing_roles(conn: sa.Connection) -> set[str]:
    """Which of the three database roles exist in this cluster."""
    names = [r.db_role for r in ROLES.values()]
    rows = conn.execute(sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"),
                        {"n": names}).scalars().all()
    return set(rows)


def create_roles(conn: sa.Connection) -> list[str]:
    """Create the missing group roles (NOLOGIN) and their memberships; returns those created."""
    have = existing_roles(conn)
    made = []
    for spec in ROLES.values():
        if spec.db_role not in have:
            conn.exec_driver_sql(f"CREATE ROLE {spec.db_role} NOLOGIN")
            made.append(spec.db_role)
    for spec in ROLES.values():
        for parent in spec.member_of:
            conn.exec_driver_sql(f"GRANT {db_role(parent)} TO {spec.db_role}")
    return made


def apply_grants(conn: sa.Connection) -> bool:
    """Make the three roles' rights on this database exactly :data:`ROLES` (revoke, then grant),
    in the caller's transaction. Does nothing (False) where the roles do not exist: a database
    not set up as a team registry."""
    if conn.dialect.name != "postgresql":
        return False
    have = existing_roles(conn)
    if len(have) < len(ROLES):
        return False
    roles = ", ".join(sorted(have))
    conn.exec_driver_sql(f"REVOKE ALL ON TABLE {', '.join(ALL_TABLES)} FROM PUBLIC, {roles}")
    conn.exec_driver_sql(f"REVOKE ALL ON SEQUENCE {', '.join(SEQUENCES)} FROM PUBLIC, {roles}")
    for spec in ROLES.values():
        for g in spec.grants:
            conn.exec_driver_sql(g.sql(spec.db_role))
    return True


def roles_of(conn: sa.Connection) -> list[str]:
    """The command-line names of the team roles the connected login has (directly or through
    another role), e.g. ``["communicator", "photographer", "admin"]`` for an admin."""
    if conn.dialect.name != "postgresql":
        return []
    rows = conn.execute(sa.text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:n) "
        "AND pg_has_role(current_user, oid, 'USAGE')"),
        {"n": [r.db_role for r in ROLES.values()]}).scalars().all()
    return sorted(r[len(ROLE_PREFIX):] for r in rows)


def describe(spec: RoleSpec) -> list[str]:
    """The GRANT statements of one role, for ``prepub registry init`` to print."""
    out: list[Any] = [g.sql(spec.db_role) for g in spec.grants]
    out += [f"GRANT {db_role(p)} TO {spec.db_role}" for p in spec.member_of]
    return out
