"""A throwaway PostgreSQL cluster for the registry tests, and the fixtures that use it.

:func:`cluster` starts one real server per test process (Debian's binaries; ``PREPUB_PG_BIN``
or ``pg_config --bindir`` point elsewhere) in a fresh folder under ``/tmp``, and stops it at
exit. PostgreSQL refuses to run as root, so as root every server command runs as the
``postgres`` user (``runuser``) in a folder handed to that user. The server listens on
127.0.0.1 only, with TLS (a certificate from a CA made with ``openssl`` for this run) and no
plain TCP at all (``hostssl`` lines only), and on a Unix socket in its own folder, where the
superuser ``postgres`` is trusted: the engine-parametrised tests use the socket, the TLS and role
tests use TCP with passwords.

Tests import the fixtures: ``from pg import registry_url, pg_cluster  # noqa: F401``. Without
PostgreSQL binaries every PostgreSQL test skips, saying so; nothing is mocked.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

SUPERUSER = "postgres"
CERT_GROUP = "prepub_test_certusers"  # members log in with a client certificate, no password


def verbal_consent(reg: Any, pid: str, **kw: Any) -> str:
    """A verbal consent for ``pid`` to Instagram (the team tests' usual one); ``kw`` overrides."""
    from datetime import date

    args: dict[str, Any] = dict(person_id=pid, channels=["instagram"], purpose="Öppet hus",
                                given_on=date(2026, 11, 1), signed_by=["self"], logged_by="Pia",
                                verbal_note="ja")
    args.update(kw)
    return reg.add_consent(**args).id


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is not installed."""
    env = os.environ.get("PREPUB_PG_BIN")
    if env:  # authoritative when set (an empty folder shows what the suite does without them)
        ok = (Path(env) / "initdb").is_file() and (Path(env) / "pg_ctl").is_file()
        return Path(env) if ok else None
    candidates: list[Path] = []
    cfg = shutil.which("pg_config")
    if cfg:
        try:
            out = subprocess.run([cfg, "--bindir"], capture_output=True, text=True, timeout=10)
            candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted((p for p in debian.iterdir() if p.name.isdigit()),
                          key=lambda p: int(p.name), reverse=True)
        candidates += [v / "bin" for v in versions]
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def skip_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here (None: they can)."""
    if find_bin_dir() is None:
        return ("no PostgreSQL server binaries (initdb, pg_ctl) found: install Debian's "
                "'postgresql' package or set PREPUB_PG_BIN")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return "running as root, and there is no 'postgres' user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed CA (certificate, key) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    crt, key = folder / f"{name}.crt", folder / f"{name}.key"
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(crt), "-days", "2", "-subj", f"/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    return crt, key


def issue_cert(folder: Path, name: str, *, ca: tuple[Path, Path], cn: str,
               san: str | None = None) -> tuple[Path, Path]:
    """A certificate for ``cn`` signed by ``ca``; ``san`` like ``IP:127.0.0.1,DNS:localhost``."""
    crt, key, csr = folder / f"{name}.crt", folder / f"{name}.key", folder / f"{name}.csr"
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={cn}", cwd=folder)
    ext = folder / f"{name}.ext"
    ext.write_text("basicConstraints=CA:FALSE\n" + (f"subjectAltName={san}\n" if san else ""))
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca[0]), "-CAkey", str(ca[1]),
             "-CAcreateserial", "-out", str(crt), "-days", "2", "-extfile", str(ext), cwd=folder)
    os.chmod(key, 0o600)
    return crt, key


@dataclass
class Cluster:
    """A running throwaway server. ``ca`` is the CA clients verify it with (``verify-full``)."""

    bin_dir: Path
    base: Path
    port: int
    ca: Path
    superuser_password: str
    rogue_ca: Path  # a CA the server's certificate does NOT chain to
    _dbs: list[str] = field(default_factory=list)

    @property
    def ca_key(self) -> Path:
        return self.ca.with_suffix(".key")

    @property
    def socket_dir(self) -> Path:
        return self.base / "run"

    def socket_url(self, database: str, user: str = SUPERUSER) -> str:
        """A URL over the Unix socket (trusted for the superuser; TLS does not apply)."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, database: str, user: str, **query: str) -> str:
        """A URL over TCP to 127.0.0.1 with the test CA (verify-full is Prepub's default)."""
        q = {"sslrootcert": str(self.ca), **query}
        return (f"postgresql://{user}@127.0.0.1:{self.port}/{database}?"
                + "&".join(f"{k}={v}" for k, v in q.items()))

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` as the superuser over the socket; returns psql's unaligned output."""
        out = _run_as_owner([str(self.bin_dir / "psql"), "-X", "-q", "-A", "-t", "-v",
                             "ON_ERROR_STOP=1", "-h", str(self.socket_dir), "-p", str(self.port),
                             "-U", SUPERUSER, "-d", database, "-c", sql])
        return out.strip()

    def create_database(self, prefix: str = "reg") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.psql(f'CREATE DATABASE "{name}"')
        self._dbs.append(name)
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run(_as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.base / "data"),
                                  "-m", "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", SUPERUSER, "--", *cmd]
    return cmd


def _run_as_owner(cmd: list[str], timeout: float = 120) -> str:
    r = subprocess.run(_as_owner(cmd), capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:2])} failed ({r.returncode}): {r.stderr.strip()[-2000:]}")
    return r.stdout


def start_cluster() -> Cluster:
    """initdb + TLS certificates + pg_ctl start, in a new folder under /tmp."""
    reason = skip_reason()
    if reason:
        raise RuntimeError(reason)
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    base = Path(tempfile.mkdtemp(prefix="prepub-pg-"))
    tls = base / "tls"
    ca = make_ca(tls, "office-ca")
    rogue = make_ca(tls, "rogue-ca")
    server = issue_cert(tls, "server", ca=ca, cn="127.0.0.1", san="IP:127.0.0.1,DNS:localhost")
    (base / "run").mkdir()
    password = uuid.uuid4().hex
    pwfile = base / "pw"
    pwfile.write_text(password + "\n")
    os.chmod(pwfile, 0o600)
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam(SUPERUSER)
        for p in [base, *base.rglob("*")]:
            os.chown(p, pw.pw_uid, pw.pw_gid)
    data = base / "data"
    _run_as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8",
                   "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
                   f"--pwfile={pwfile}", "--no-sync"], timeout=300)
    pwfile.unlink()
    for _attempt in range(5):
        port = _free_port()
        conf = data / "postgresql.conf"
        with open(conf, "a") as fh:
            fh.write(f"""
# Prepub test cluster
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{base / "run"}'
ssl = on
ssl_cert_file = '{server[0]}'
ssl_key_file = '{server[1]}'
ssl_ca_file = '{ca[0]}'
password_encryption = 'scram-sha-256'
max_connections = 60
shared_buffers = 64MB
fsync = off
full_page_writes = off
synchronous_commit = off
""")
        (data / "pg_hba.conf").write_text(
            "# TYPE  DATABASE USER     ADDRESS        METHOD\n"
            f"local   all      {SUPERUSER} trust\n"
            f"hostssl all      +{CERT_GROUP} 127.0.0.1/32 cert\n"
            "hostssl all      all      127.0.0.1/32   scram-sha-256\n")
        r = subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                                      str(base / "server.log"), "-w", "-t", "60", "start"]),
                           capture_output=True, text=True, timeout=120)
        if r.returncode == 0:
            c = Cluster(bin_dir=bin_dir, base=base, port=port, ca=ca[0],
                        superuser_password=password, rogue_ca=rogue[0])
            return c
        log = (base / "server.log").read_text(errors="replace") if (base / "server.log").exists() else ""
        if "could not bind" not in log and "already in use" not in log:
            shutil.rmtree(base, ignore_errors=True)
            raise RuntimeError(f"pg_ctl start failed: {r.stderr.strip()} {log[-2000:]}")
    shutil.rmtree(base, ignore_errors=True)
    raise RuntimeError("no free port for the test cluster")


_CLUSTER: Cluster | None = None


def cluster() -> Cluster:
    """The test process's one cluster, started on first use and stopped at exit."""
    global _CLUSTER
    if _CLUSTER is None:
        _CLUSTER = start_cluster()
        atexit.register(_CLUSTER.stop)
    return _CLUSTER


# --- pytest fixtures --------------------------------------------------------------------------

try:
    import pytest
except ImportError:  # the benchmark script imports this module without pytest
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture(scope="session")
    def pg_cluster() -> Cluster:
        """The running throwaway cluster; skips the test with the reason when there is none."""
        reason = skip_reason()
        if reason:
            pytest.skip(reason)
        return cluster()

    @pytest.fixture()
    def pg_database(pg_cluster: Cluster) -> Iterator[str]:
        """A fresh, empty database's name (dropped afterwards)."""
        name = pg_cluster.create_database()
        yield name
        pg_cluster.drop_database(name)

    @pytest.fixture(params=["sqlite", "postgresql"])
    def registry_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
        """An empty registry's URL on each engine: an SQLite file in ``tmp_path / 'r.db'``, and
        a fresh database in the throwaway cluster (as its owner, over the Unix socket)."""
        if request.param == "sqlite":
            yield f"sqlite:///{tmp_path / 'r.db'}"
            return
        reason = skip_reason()
        if reason:
            pytest.skip(reason)
        c = cluster()
        name = c.create_database()
        yield c.socket_url(name)
        c.drop_database(name)

    # --- a team registry with one login per role, passwords in a keyring ----------------------

    import keyring
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):
        """A real keyring backend that keeps passwords in memory (CI has no Secret Service)."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            from keyring.errors import PasswordDeleteError

            if self.items.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    @pytest.fixture()
    def memory_keyring() -> Iterator[MemoryKeyring]:
        """The system keyring replaced by :class:`MemoryKeyring` for one test."""
        before = keyring.get_keyring()
        kr = MemoryKeyring()
        keyring.set_keyring(kr)
        yield kr
        keyring.set_keyring(before)

    @dataclass
    class Team:
        """A team registry set up as IT would (``init``, one ``user add`` per role), reached over
        TCP with TLS verified against the test CA; every password is in the keyring."""

        cluster: Cluster
        database: str
        owner_url: str
        users: dict[str, str]  # role -> login name
        passwords: dict[str, str]

        def url(self, role: str) -> str:
            return self.cluster.tcp_url(self.database, self.users[role])

        def open(self, role: str) -> Any:
            from prepub.core.consent import open_registry

            return open_registry(self.url(role))

    @pytest.fixture()
    def team(pg_cluster: Cluster, memory_keyring: MemoryKeyring) -> Iterator[Team]:
        from prepub.core.consent import postgres, team as team_mod
        from prepub.core.consent.store import resolve_url

        db = pg_cluster.create_database("team")
        owner = pg_cluster.tcp_url(db, SUPERUSER)
        postgres.store_password(resolve_url(owner)[0], pg_cluster.superuser_password)
        team_mod.init(owner)
        tag = uuid.uuid4().hex[:6]
        users, passwords = {}, {}
        for role in ("photographer", "communicator", "admin"):
            name, pw = f"{role[:5]}_{tag}", uuid.uuid4().hex
            team_mod.add_user(owner, name, role=role, new_password=pw)
            users[role], passwords[role] = name, pw
            postgres.store_password(resolve_url(pg_cluster.tcp_url(db, name))[0], pw)
        yield Team(cluster=pg_cluster, database=db, owner_url=owner, users=users,
                   passwords=passwords)
        pg_cluster.drop_database(db)
        for name in users.values():
            pg_cluster.psql(f'DROP ROLE IF EXISTS "{name}"')
