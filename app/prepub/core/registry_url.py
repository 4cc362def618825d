"""Which consent registry a user chose, checked before anything connects: standard library only,
so the window's settings can be validated on its own thread without loading the database layer.

A registry address is empty (the personal SQLite registry in the user's data folder, or whatever
``PREPUB_REGISTRY_URL`` names) or a team registry on PostgreSQL:
``postgresql://user@host/database?sslrootcert=…``. The deeper checks (TLS mode, the driver) run
when it is opened (:mod:`prepub.core.consent.postgres`); these are the ones a settings field can
answer at once.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlsplit

TEAM_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
#: libpq options that carry a secret: never in an address that is stored or shown
SECRET_OPTIONS = ("password", "sslpassword")
EXAMPLE = "postgresql://user@host/database"


PROBLEMS = {  # what is wrong, as "… must be <this>"; the window words the codes itself
    "scheme": f"empty (the personal registry on this computer) or a team registry's address "
              f"like {EXAMPLE}",
    "invalid": f"a valid address like {EXAMPLE}",
    "password": "an address without a password (it would be stored in plain text); store the "
                "password with 'prepub registry login'",
    "database": f"an address that names the database, like {EXAMPLE}",
}


def check(url: str) -> str | None:
    """None when ``url`` can be used as the registry address, else a key of :data:`PROBLEMS`."""
    url = url.strip()
    if not url:
        return None
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in TEAM_SCHEMES:
        return "scheme"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        return "invalid"
    if parts.password is not None or secret_in_query(parts.query):
        return "password"
    if not parts.path.strip("/"):
        return "database"
    return None


def secret_in_query(query: str) -> bool:
    """Whether a URL's query string carries a password (``?password=…``, ``sslpassword``)."""
    return any(k.lower() in SECRET_OPTIONS for k, _v in parse_qsl(query, keep_blank_values=True))


def problem(url: str) -> str | None:
    """None when ``url`` can be used as the registry address, else what it must be instead."""
    code = check(url)
    return PROBLEMS[code] if code else None


def is_team(url: str | None) -> bool:
    """Whether ``url`` (or, when it is empty, ``PREPUB_REGISTRY_URL``) is a team registry."""
    raw = (url or os.environ.get("PREPUB_REGISTRY_URL") or "").strip()
    return "://" in raw and raw.split("://", 1)[0].lower() in TEAM_SCHEMES
