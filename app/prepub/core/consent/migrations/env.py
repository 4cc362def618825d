"""Alembic environment for the consent registry.

Prepub runs migrations from code (``prepub.core.consent.store.migrate``), which passes an open
connection in ``config.attributes["connection"]``; there is no alembic.ini and no logging setup.
A developer can still run ``alembic`` by hand with ``-x url=sqlite:///path``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from prepub.core.consent.schema import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    conn = config.attributes.get("connection")
    if conn is not None:
        _run(conn)
    else:
        url = context.get_x_argument(as_dictionary=True).get("url")
        if not url:
            raise SystemExit("pass -x url=<SQLAlchemy URL>")
        engine = create_engine(url, poolclass=pool.NullPool)
        with engine.begin() as c:
            _run(c)
