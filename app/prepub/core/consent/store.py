"""Where the registry lives and how it is opened: URL, folder, SQLite settings, checks, migrations.

:func:`open_registry` is the one way in. The default database is ``registry.sqlite3`` in the
user's data folder (``PREPUB_DATA_DIR`` or platformdirs), or any SQLAlchemy URL from the argument
or ``PREPUB_REGISTRY_URL`` (a team can point it at PostgreSQL). On open it makes the folder
private (0700), runs ``PRAGMA integrity_check`` on an existing SQLite file and refuses a damaged
one with :class:`RegistryError` (it never recreates a file silently), migrates the schema to the
newest Alembic revision, checks the audit log's hash chain (a break is reported on the registry,
:attr:`Registry.audit_chain`, not raised) and makes the database files private (0600).

Everything SQLite-specific lives here, in connection hooks and maintenance helpers: WAL,
``synchronous=FULL``, foreign keys, ``busy_timeout``, ``secure_delete``, and ``BEGIN IMMEDIATE``
for writing transactions so two writers queue instead of failing. Queries elsewhere are plain
SQLAlchemy.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url

from prepub.core.consent import postgres
from prepub.core.consent.types import (AuditChainReport, PasswordRequired, RegistryError,
                                       RegistryUnreachable)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from prepub.core.consent.registry import Registry

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_NAME = "registry.sqlite3"
# The newest migration. Opening an up-to-date registry compares with this and never imports
# Alembic (about a second of start-up); a test checks it equals the migrations' head.
HEAD_REVISION = "0006"
BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "prepub_write"  # execution option: begin the transaction with BEGIN IMMEDIATE


def data_dir() -> Path:
    """The folder for the registry and its evidence: ``PREPUB_DATA_DIR`` or the platform's."""
    env = os.environ.get("PREPUB_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Prepub", "Prepub"))


def resolve_url(url: str | None = None) -> tuple[URL, Path | None]:
    """The database URL to open and, for an SQLite file, its path."""
    raw = url or os.environ.get("PREPUB_REGISTRY_URL")
    if not raw:
        path = data_dir() / DB_NAME
        return URL.create("sqlite", database=str(path)), path
    try:
        u = make_url(raw)
    except sa.exc.ArgumentError as e:
        raise RegistryError(f"the registry address {raw!r} is not a valid database URL ({e})") from None
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" \
            and not u.database.startswith("file:"):
        return u, Path(u.database).expanduser().resolve()
    if postgres.is_postgresql(u):
        postgres.check_url(u)
        return postgres.normalise(u), None
    return u, None


def open_registry(url: str | None = None, *, evidence_dir: str | os.PathLike[str] | None = None,
                  password: str | None = None) -> "Registry":
    """Open (creating or upgrading as needed) the consent registry.

    Evidence files are kept beside an SQLite file (``evidence/``), in a PostgreSQL registry's
    ``evidence`` table, else in the data folder, unless ``evidence_dir`` says otherwise. A
    PostgreSQL registry is reached with TLS and the keyring's password (:mod:`.postgres`);
    ``password`` is a one-off from a prompt, used for this registry's connections and never
    stored. Raises :class:`RegistryError` when the database is damaged, unreachable, from a
    newer Prepub, or older and this login may not upgrade it.
    """
    from prepub.core.consent.registry import Registry

    u, path = resolve_url(url)
    if path is not None:
        _prepare_sqlite_file(path, private_dir=_is_own_dir(path.parent, url))
        ev = Path(evidence_dir) if evidence_dir else path.parent / "evidence"
    else:
        ev = Path(evidence_dir) if evidence_dir else data_dir() / "evidence"
    label = str(path) if path is not None else u.render_as_string(hide_password=True)

    try:
        engine = make_engine(u, password=password)
    except (sa.exc.SQLAlchemyError, ImportError) as e:  # e.g. no driver for the URL's database
        raise _open_error(label, e) from e
    try:
        if path is not None:
            check_integrity(engine, label)
        migrate(u, label=label, password=password)
        audit = verify_audit(engine)
    except RegistryError:
        engine.dispose()
        raise
    except sa.exc.SQLAlchemyError as e:
        engine.dispose()
        raise _open_error(label, e) from e
    if path is not None:
        make_private(path)
    store: Any = None
    if postgres.is_postgresql(u) and evidence_dir is None:
        from prepub.core.consent.evidence import DatabaseEvidenceStore

        store = DatabaseEvidenceStore(engine, label=label)
    return Registry(engine=engine, evidence_dir=ev, location=label, audit_chain=audit,
                    evidence_store=store)


def verify_audit(engine: Engine) -> AuditChainReport:
    """The audit log's hash chain checked entry by entry (a break is reported, not raised: the
    registry stays usable to look at, and the post checks block every export)."""
    from prepub.core.consent import chain
    from prepub.core.consent import schema as t

    with engine.connect() as conn:
        with conn.begin():
            return chain.verify(conn, t.audit_log)


def make_engine(u: URL, *, foreign_keys: bool = True, password: str | None = None) -> Engine:
    """An engine with Prepub's connection settings: SQLite pragmas; for PostgreSQL psycopg 3,
    TLS verified by default and the password from the keyring (or ``password``)."""
    kwargs: dict[str, Any] = {}
    if u.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        if u.database in (None, "", ":memory:"):
            kwargs["poolclass"] = sa.pool.StaticPool
    elif postgres.is_postgresql(u):
        postgres.check_url(u)
        u = postgres.normalise(u)
        kwargs["connect_args"] = postgres.connect_args(u)
        kwargs["pool_pre_ping"] = True  # a connection the server dropped is replaced, not used
    engine = sa.create_engine(u, **kwargs)
    if u.get_backend_name() == "sqlite":
        _install_sqlite_hooks(engine, foreign_keys=foreign_keys)
    elif postgres.is_postgresql(u):
        postgres.install_hooks(engine, u, password=password)
    return engine


def _install_sqlite_hooks(engine: Engine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # The driver must not open transactions itself: the "begin" hook below does, so that
        # writers take the write lock up front (BEGIN IMMEDIATE) and wait via busy_timeout.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA secure_delete = ON")  # erased data is zeroed, not left in free pages
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def check_integrity(engine: Engine, label: str) -> None:
    """``PRAGMA integrity_check`` on an SQLite database; RegistryError unless it says ``ok``."""
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    except sa.exc.DatabaseError as e:
        raise RegistryError(
            f"{label}: the registry file is damaged or is not a Prepub registry ({_short(e)}). "
            "It was left untouched; restore it from a backup.") from e
    if rows != ["ok"]:
        shown = "; ".join(str(r) for r in rows[:3])
        raise RegistryError(
            f"{label}: the registry file failed its integrity check ({shown}). "
            "It was left untouched; restore it from a backup.")


def alembic_config(connection: sa.Connection | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: sa.Connection) -> str | None:
    """The schema revision stored in the database, or None for an empty one."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def migrate(u: URL | str, *, label: str | None = None, revision: str = "head",
            password: str | None = None) -> None:
    """Bring the schema at ``u`` to ``revision`` (default: newest).

    On SQLite this runs with foreign keys switched off, as SQLite's documentation prescribes for
    schema changes (a table rebuild would otherwise cascade deletes into child tables), and
    then verifies every reference with ``PRAGMA foreign_key_check``. On PostgreSQL the team
    roles' rights are brought up to date in the same transaction (:func:`.roles.apply_grants`),
    and a login that may not change the schema gets a RegistryError saying who can.
    """
    u = make_url(u) if isinstance(u, str) else u
    label = label or u.render_as_string(hide_password=True)
    sqlite = u.get_backend_name() == "sqlite"
    engine = make_engine(u, foreign_keys=not sqlite, password=password)
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
            conn.rollback()
        if current == (HEAD_REVISION if revision == "head" else revision):
            return
        from alembic import command
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config())
        if current is not None and not _known(script, current):
            raise RegistryError(
                f"{label}: the registry was written by a newer Prepub (schema {current}); "
                "update Prepub to open it.")
        try:
            with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
                with conn.begin():
                    command.upgrade(alembic_config(conn), revision)
                    if sqlite:
                        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if bad:
                            raise RegistryError(
                                f"{label}: migration left broken references: {bad[:3]}")
                    elif postgres.is_postgresql(u):
                        from prepub.core.consent import roles

                        roles.apply_grants(conn)
        except sa.exc.ProgrammingError as e:
            if "permission denied" not in str(e) and "must be owner" not in str(e):
                raise
            raise RegistryError(
                f"{label}: the team registry's schema is {current or 'not set up'} and this "
                f"Prepub needs {HEAD_REVISION}; this login may not change it. Ask whoever "
                "looks after the registry to run 'prepub registry init' (a new registry) or "
                "'prepub registry migrate --url …' (an upgrade)") from e
    finally:
        engine.dispose()


def _known(script: "ScriptDirectory", revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises ResolutionError / CommandError for unknown ids
        return False


def _is_own_dir(folder: Path, url: str | None) -> bool:
    """Whether ``folder`` is Prepub's own data folder (made private) rather than one a URL named."""
    if url or os.environ.get("PREPUB_REGISTRY_URL"):
        return False
    return folder == data_dir()


def _prepare_sqlite_file(path: Path, *, private_dir: bool) -> None:
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    elif private_dir:
        os.chmod(folder, 0o700)
    if not path.exists():
        # Create the file private before SQLite does; SQLite gives -wal and -shm the same mode.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)


def make_private(path: Path) -> None:
    """Mode 0600 on the database file and its ``-wal`` / ``-shm`` companions."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with suppress(FileNotFoundError):
            if stat.S_IMODE(p.stat().st_mode) != 0o600:
                os.chmod(p, 0o600)


def checkpoint(engine: Engine) -> None:
    """Fold the SQLite write-ahead log into the main file and empty it (after an erasure)."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run inside one
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.fetchall()
        cur.close()
    finally:
        raw.close()


def _open_error(label: str, e: BaseException) -> RegistryError:
    """Why ``label`` could not be opened: :class:`RegistryUnreachable` when the server did not
    answer, :class:`PasswordRequired` when the login needs a password it does not have."""
    kind = postgres.failure_kind(e) if isinstance(e, sa.exc.OperationalError) else None
    cls = {"unreachable": RegistryUnreachable, "password": PasswordRequired}.get(kind or "",
                                                                               RegistryError)
    return cls(f"{label}: the registry cannot be opened ({_short(e)})")


def _short(e: BaseException) -> str:
    orig = getattr(e, "orig", None)
    return str(orig if orig is not None else e).splitlines()[0]
