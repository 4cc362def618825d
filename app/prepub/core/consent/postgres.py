"""Connecting to a team registry on PostgreSQL: the driver, TLS, and where the password comes from.

A team registry URL looks like
``postgresql://anna@db.office.example/prepub?sslrootcert=/etc/prepub/office-ca.crt``.
Prepub talks to it with psycopg 3 (``postgresql://`` means ``postgresql+psycopg://``).

- **TLS is required by default**: ``sslmode`` is ``verify-full`` (the server's certificate must
  chain to the organisation's CA and name the host) unless the URL says ``verify-ca``. Weaker
  modes are refused for any host but this machine (loopback or a Unix socket, where TLS has no
  job to do). The CA file is the URL's ``sslrootcert``, else ``PREPUB_REGISTRY_CA``, else
  libpq's default (``~/.postgresql/root.crt``).
- **No password is ever written down**: a URL holding one is refused. The password is read from
  the system keyring (the ``keyring`` package: Secret Service, macOS Keychain, Windows
  Credential Locker) under :data:`KEYRING_SERVICE` and the key :func:`credential_key` gives
  (``prepub registry login`` stores it). A client certificate (``sslcert`` and ``sslkey`` in the
  URL) needs no password at all. The password is fetched when a connection opens and handed to
  the driver; it is not kept on the engine or the URL.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Any

from sqlalchemy.engine import URL

from prepub.core.consent.types import RegistryError
from prepub.core.registry_url import SECRET_OPTIONS

DRIVER = "postgresql+psycopg"
KEYRING_SERVICE = "prepub-registry"
SAFE_SSLMODES = ("verify-full", "verify-ca")
CONNECT_TIMEOUT_S = 5  # an office server that does not answer in 5 s counts as offline
CHANNEL = "prepub_registry"  # the LISTEN/NOTIFY channel the triggers of migration 0005 use


def is_postgresql(u: URL) -> bool:
    return u.get_backend_name() == "postgresql"


def normalise(u: URL) -> URL:
    """``postgresql://`` and ``postgres://`` with psycopg 3 as the driver."""
    if u.get_backend_name() == "postgresql" and u.get_driver_name() != "psycopg":
        return u.set(drivername=DRIVER)
    return u


def host_of(u: URL) -> str | None:
    """The host the URL connects to: a name, an address, a socket folder, or None (libpq's
    default socket)."""
    q = u.query.get("host")
    if isinstance(q, tuple):
        q = q[0] if q else None
    return u.host or q or None


def is_local(u: URL) -> bool:
    """Whether the server is on this machine: a Unix socket, ``localhost`` or a loopback address."""
    host = host_of(u)
    if host is None or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def credential_key(u: URL) -> str:
    """The keyring entry's name for this login: ``user@host:port/database``."""
    return f"{u.username or ''}@{host_of(u) or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def check_url(u: URL) -> None:
    """Refuse what Prepub will not connect with: a password in the URL, or TLS switched off for a
    server on another machine."""
    if u.password is not None or any(str(k).lower() in SECRET_OPTIONS for k in u.query):
        raise RegistryError(
            "the registry address must not contain a password (it would be stored in plain "
            "text); store the password in the system keyring with 'prepub registry login'")
    mode = _query(u, "sslmode")
    if mode is not None and mode not in SAFE_SSLMODES and not is_local(u):
        raise RegistryError(
            f"sslmode={mode} would let the connection to {host_of(u)} go unencrypted or "
            f"unverified; the team registry needs {' or '.join(SAFE_SSLMODES)}")


def connect_args(u: URL) -> dict[str, Any]:
    """Driver arguments the URL does not carry itself: TLS defaults, the CA, a timeout."""
    args: dict[str, Any] = {"application_name": "prepub"}
    if _query(u, "sslmode") is None:
        args["sslmode"] = "verify-full"
    if _query(u, "sslrootcert") is None and os.environ.get("PREPUB_REGISTRY_CA"):
        args["sslrootcert"] = os.environ["PREPUB_REGISTRY_CA"]
    if _query(u, "connect_timeout") is None:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    return args


def uses_client_certificate(u: URL) -> bool:
    return _query(u, "sslcert") is not None


def password_for(u: URL) -> str | None:
    """The stored password for this login, or None (no entry, or no usable keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, credential_key(u))
    except (KeyringError, RuntimeError, OSError):
        return None


def store_password(u: URL, password: str) -> None:
    """Put the password into the system keyring (RegistryError when there is no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, credential_key(u), password)
    except (KeyringError, RuntimeError, OSError) as e:
        raise RegistryError(
            f"the password cannot be stored: no usable system keyring ({e}). Use a client "
            "certificate (sslcert/sslkey in the address) instead") from e


def forget_password(u: URL) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, credential_key(u))
    except (PasswordDeleteError, KeyringError, RuntimeError, OSError):
        pass


def install_hooks(engine: Any, u: URL, *, password: str | None = None) -> None:
    """Hand the driver the password when a connection opens: ``password`` (a one-off from a
    prompt, never stored), else the keyring's."""
    from sqlalchemy import event

    @event.listens_for(engine, "do_connect")
    def _credentials(_dialect: Any, _rec: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        if cparams.get("password") or uses_client_certificate(u):
            return
        pw = password if password is not None else password_for(u)
        if pw is not None:
            cparams["password"] = pw


# How libpq words a server that cannot be reached, and a login without a (right) password.
# Connection failures carry no SQLSTATE, so the driver's message is all there is to go by.
_UNREACHABLE = ("connection refused", "timeout expired", "could not translate host name",
                "name or service not known", "temporary failure in name resolution",
                "failed to resolve host", "network is unreachable", "no route to host",
                "server closed the connection unexpectedly", "connection reset by peer",
                "the database system is starting up", "the database system is shutting down",
                "could not connect to server", "consuming input failed", "ssl syscall error")
_PASSWORD = ("no password supplied", "password authentication failed")


def failure_kind(error: BaseException) -> str | None:
    """``"unreachable"`` when ``error`` (a driver or SQLAlchemy error) says the server did not
    answer, ``"password"`` when it wants a password the login lacks, else None."""
    orig = getattr(error, "orig", None)
    state = getattr(orig, "sqlstate", None)
    if state == "28P01":  # invalid_password (a translated server message says the same)
        return "password"
    if state in ("57P03", "08001", "08006"):  # cannot_connect_now, connection failures
        return "unreachable"
    said = f"{orig if orig is not None else error}".lower()
    if any(m in said for m in _PASSWORD):
        return "password"
    if any(m in said for m in _UNREACHABLE):
        return "unreachable"
    return None


def _query(u: URL, key: str) -> str | None:
    v = u.query.get(key)
    if isinstance(v, tuple):
        return v[0] if v else None
    return v
