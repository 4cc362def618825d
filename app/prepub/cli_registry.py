"""``prepub registry init | user add | migrate | login``: setting up a team registry from the
command line (the ``verify`` action stays in :mod:`prepub.cli`).

Passwords never go on the command line. The password of the login that runs a command comes
from the system keyring (``prepub registry login``), else ``PREPUB_REGISTRY_PASSWORD``, else a
prompt on the terminal. A new user's password (``user add``) is read from standard input
(``--password-stdin``: the first line), else ``PREPUB_NEW_USER_PASSWORD``, else prompted twice.

Exit codes: 0 done, 1 the registry refused or could not be reached (the message says why),
2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from prepub.core.printable import printable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
ACTIONS = ("init", "user", "migrate", "login")


def add_parsers(ra: Any) -> None:
    """The actions next to ``verify`` under ``prepub registry``."""
    i = ra.add_parser("init", help="create a team registry on PostgreSQL: schema and roles",
                      description="Create (or bring up to date) the team registry: the schema, "
                                  "and the roles photographer, communicator and admin.")
    i.add_argument("--url", required=True, metavar="URL",
                   help="postgresql://ADMIN@HOST/DATABASE?sslrootcert=CA-FILE (no password)")

    u = ra.add_parser("user", help="logins of a team registry")
    ua = u.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = ua.add_parser("add", help="create a login in one role (or reset its password and role)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=("photographer", "communicator", "admin"))
    add.add_argument("--url", required=True, metavar="URL", help="the team registry, as its admin")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new password from the first line of standard input")

    m = ra.add_parser("migrate", help="move a personal registry into the team registry, or "
                                      "upgrade a team registry's schema",
                      description="With --from and --to: copy people, consents, evidence and the "
                                  "audit log (again: only what is new). With --url: upgrade.")
    m.add_argument("--from", dest="source", metavar="URL", help="sqlite:///path/registry.sqlite3")
    m.add_argument("--to", dest="target", metavar="URL", help="postgresql://ADMIN@HOST/DATABASE…")
    m.add_argument("--url", metavar="URL", help="upgrade this team registry's schema only")

    lg = ra.add_parser("login", help="store your team-registry password in the system keyring")
    lg.add_argument("--url", required=True, metavar="URL")
    lg.add_argument("--password-stdin", action="store_true")
    lg.add_argument("--forget", action="store_true", help="remove the stored password")


def run(args: argparse.Namespace) -> int:
    from prepub.core.consent import RegistryError

    try:
        if args.registry_action == "init":
            return _init(args)
        if args.registry_action == "user":
            return _user_add(args)
        if args.registry_action == "migrate":
            return _migrate(args)
        if args.registry_action == "login":
            return _login(args)
    except RegistryError as e:
        print(f"prepub: {printable(e)}", file=sys.stderr)
        return EXIT_FAILED
    except _Usage as e:
        print(f"prepub: {printable(e)}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE


class _Usage(Exception):
    pass


def _admin_password(url: str) -> str | None:
    """The password for the login in ``url``: environment, else keyring (None: the engine
    asks the keyring itself), else a prompt on a terminal."""
    env = os.environ.get("PREPUB_REGISTRY_PASSWORD")
    if env:
        return env
    from prepub.core.consent import postgres
    from prepub.core.consent.team import team_url

    u = team_url(url)
    if postgres.password_for(u) is not None or postgres.uses_client_certificate(u):
        return None
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Password for {u.username}@{postgres.host_of(u)}: ")
    return None


def _init(args: argparse.Namespace) -> int:
    from prepub.core.consent import team

    rep = team.init(args.url, password=_admin_password(args.url))
    print(f"Team registry ready at {printable(rep.location)}")
    print(f"Schema: {rep.schema_before or 'none'} -> {rep.schema_after}")
    made = ", ".join(rep.roles_created) or "none (they existed)"
    print(f"Roles created: {made}")
    for role, grants in rep.grants.items():
        print(f"  {role}:")
        for g in grants:
            print(f"    {g}")
    print("Next: 'prepub registry user add NAME --role photographer|communicator|admin --url …'")
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        pw = line.rstrip("\r\n")
        if not pw:
            raise _Usage("--password-stdin: standard input held no password")
        return pw
    env = os.environ.get("PREPUB_NEW_USER_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise _Usage("give the new password on standard input (--password-stdin), in "
                     "PREPUB_NEW_USER_PASSWORD, or run on a terminal to be asked")
    import getpass

    a = getpass.getpass(f"New password for {args.name}: ")
    b = getpass.getpass("Again: ")
    if a != b:
        raise _Usage("the two passwords differ")
    return a


def _user_add(args: argparse.Namespace) -> int:
    from prepub.core.consent import team

    new = _new_password(args)
    created = team.add_user(args.url, args.name, role=args.role, new_password=new,
                            password=_admin_password(args.url))
    verb = "Created" if created else "Updated"
    print(f"{verb} login {printable(args.name)} in role {args.role}.")
    print(f"On their laptop: prepub registry login --url postgresql://{printable(args.name)}@…")
    return EXIT_OK


def _migrate(args: argparse.Namespace) -> int:
    from prepub.core.consent import store, team

    if args.url and not (args.source or args.target):
        u = team.team_url(args.url)
        store.migrate(u, password=_admin_password(args.url))
        print(f"Schema of {printable(u.render_as_string(hide_password=True))} is up to date "
              f"({store.HEAD_REVISION}).")
        return EXIT_OK
    if not (args.source and args.target):
        raise _Usage("registry migrate needs --from URL --to URL (or --url URL to upgrade)")
    rep = team.migrate_from(args.source, args.target, password=_admin_password(args.target))
    print(f"From {printable(rep.source)}")
    print(f"To   {printable(rep.target)}")
    for table, n in rep.added.items():
        print(f"  {table:20} {n:6} added {rep.unchanged.get(table, 0):6} already there")
    print(f"  evidence files       {rep.evidence_files_copied:6} added")
    print(f"  audit entries        {rep.audit_entries_copied:6} added")
    if rep.withdrawals_applied or rep.erasures_applied:
        print(f"  withdrawals applied {rep.withdrawals_applied}, erasures applied "
              f"{rep.erasures_applied}")
    for table, rid, fld in rep.differing:
        print(f"  ! {table} {rid}: {fld} differs; the team registry's value was kept")
    if rep.nothing_new:
        print("Nothing new: the team registry already holds everything.")
    return EXIT_OK


def _login(args: argparse.Namespace) -> int:
    from prepub.core.consent import open_registry, postgres
    from prepub.core.consent.team import team_url

    u = team_url(args.url)
    if args.forget:
        postgres.forget_password(u)
        print("The stored password was removed.")
        return EXIT_OK
    if args.password_stdin:
        pw = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        pw = getpass.getpass(f"Password for {u.username}@{postgres.host_of(u)}: ")
    else:
        raise _Usage("give the password on standard input (--password-stdin) or run on a terminal")
    reg = open_registry(args.url, password=pw)  # proves the password before storing it
    try:
        from prepub.core.consent.team import current_roles

        who = ", ".join(current_roles(reg)) or "no team role"
    finally:
        reg.close()
    postgres.store_password(u, pw)
    print(f"Connected as {printable(u.username)} ({who}); the password is in the system keyring.")
    return EXIT_OK
