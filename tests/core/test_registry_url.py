"""The registry address a user types (Settings, ``prepub --registry``) is checked before anything
connects, with the standard library only (issue 16)."""

from __future__ import annotations

import sys

import pytest

from prepub.core import registry_url


@pytest.mark.parametrize("url, code", [
    ("", None),
    ("  ", None),
    ("postgresql://omar@db.office.example/prepub?sslrootcert=/etc/prepub/ca.crt", None),
    ("postgres://omar@db:5433/prepub", None),
    ("postgresql+psycopg://omar@db/prepub", None),
    ("postgresql://postgres@/prepub?host=/run/postgresql", None),
    ("sqlite:///home/omar/registry.sqlite3", "scheme"),
    ("https://db.office.example/prepub", "scheme"),
    ("db.office.example/prepub", "scheme"),
    ("postgresql://omar:secret@db/prepub", "password"),
    ("postgresql://omar@db/prepub?password=hunter2&sslrootcert=/ca.crt", "password"),
    ("postgresql://omar@db/prepub?sslcert=/c.crt&SSLPASSWORD=x", "password"),
    ("postgresql://omar@db:port/prepub", "invalid"),
    ("postgresql://omar@db", "database"),
    ("postgresql://omar@db/", "database"),
])
def test_addresses(url: str, code: str | None) -> None:
    assert registry_url.check(url) == code
    assert (registry_url.problem(url) is None) == (code is None)


def test_team_or_personal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREPUB_REGISTRY_URL", raising=False)
    assert registry_url.is_team("postgresql://omar@db/prepub")
    assert not registry_url.is_team(None) and not registry_url.is_team("")
    monkeypatch.setenv("PREPUB_REGISTRY_URL", "postgresql://omar@db/prepub")
    assert registry_url.is_team(None)  # the environment's, as the core opens it


def test_the_check_loads_no_database_layer() -> None:
    import subprocess

    code = ("import sys, prepub.core.registry_url as r; r.check('postgresql://a@b/c'); "
            "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("url", ["postgresql://omar@db/prepub?password=hunter2",
                                 "postgresql://omar@db/prepub?sslpassword=x&sslcert=/c.crt"])
def test_the_core_refuses_a_password_in_the_query_too(url: str) -> None:
    from prepub.core.consent import RegistryError, open_registry

    with pytest.raises(RegistryError, match="must not contain a password") as err:
        open_registry(url)
    assert "hunter2" not in str(err.value)
