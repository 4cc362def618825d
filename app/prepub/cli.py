"""The command line: ``prepub`` opens the app; ``prepub check``, ``prepub export`` and friends run
the same core headless.

Exit codes: 0 nothing blocks, 1 something blocks (or the export was refused), 2 usage errors
(unknown option, missing file, invalid policy or draft: the message names the file, the line
and the field), 3 an internal error (a bug: one line on stderr, never a traceback; set
PREPUB_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

from prepub import __version__
from prepub.core.languages import UI_LANGUAGES
from prepub.core.printable import printable
from prepub.core.messages import render

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="prepub",
        description="Prepub checks photos and post text against your organisation's policy before "
                    "publication, and exports a clean, publish-ready bundle. Without a command it "
                    "opens the app.")
    p.add_argument("--version", action="version", version=f"prepub {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="check that every model loads, the registry opens and an image round-trips")
    p.add_argument("--registry", dest="gui_registry", metavar="URL",
                   help="open the app with this consent registry (a team registry: "
                        "postgresql://NAME@SERVER/DATABASE?sslrootcert=CA-FILE) instead of the one "
                        "in Settings, for this run")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="check images, folders or a post draft",
                       description="Check images, folders (recursively) or a post draft (*.prepub.json).")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--json", action="store_true", help="print one JSON document")
    c.add_argument("--policy", metavar="FILE", help="policy file (default: PREPUB_POLICY or the built-in)")
    c.add_argument("--no-faces", action="store_true", help="skip face detection (metadata only)")
    c.add_argument("--registry", metavar="URL", help="consent registry URL (default: your own)")
    c.add_argument("--lang", choices=UI_LANGUAGES, help="language of messages")
    c.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)

    d = sub.add_parser("draft", help="create a post draft from images and text")
    d.add_argument("images", nargs="*", metavar="IMAGE")
    d.add_argument("-o", "--output", required=True, metavar="FILE.prepub.json")
    d.add_argument("--text", default=None, help="the post text")
    d.add_argument("--text-file", metavar="FILE", help="read the post text from a file")
    d.add_argument("--channel", action="append", default=[], metavar="NAME",
                   help="a target channel (repeat), e.g. instagram")
    d.add_argument("--photographer", default="", help="photographer of every image")
    d.add_argument("--at", metavar="TIME", help="publication time, e.g. 2026-12-01T10:00+01:00")

    e = sub.add_parser("export", help="export a publish-ready bundle from a draft")
    e.add_argument("draft", metavar="DRAFT")
    e.add_argument("--out", required=True, metavar="DIR")
    e.add_argument("--zip", action="store_true", help="write one .zip file instead of a folder")
    e.add_argument("--format", action="append", default=[], metavar="NAME",
                   help="scheduling-tool file(s) to write: publer, hootsuite, sprout, json (default all)")
    e.add_argument("--override", action="append", default=[], metavar="RULE=REASON",
                   help="export past a blocking rule the policy lets you override, with a reason")
    e.add_argument("--date-order", action="append", default=[], metavar="[TOOL=]ORDER",
                   help="the date order your scheduling tool's import is set to: dmy (day/month/"
                        "year, the default) or mdy, for every tool or one (hootsuite=mdy); "
                        "Publer always reads ISO dates")
    e.add_argument("--media-base-url", metavar="URL",
                   help="public address the images will be served from (https://…/); fills the "
                        "tools' media columns (default: the policy's [export] media_base_url)")
    e.add_argument("--approver", metavar="NAME",
                   help="who approved the post for publication (written in the publication record)")
    e.add_argument("--case-number", metavar="TEXT",
                   help="case or diary number (diarienummer) for the publication record")
    e.add_argument("--keep-names", action="store_true",
                   help="name the exported images after the original files (default: after the post)")
    e.add_argument("--record-pdf", action=argparse.BooleanOptionalAction, default=None,
                   help="also write the publication record as PDF/A (default: the policy's "
                        "[export] record_pdf)")
    e.add_argument("--policy", metavar="FILE")
    e.add_argument("--registry", metavar="URL")
    e.add_argument("--lang", choices=UI_LANGUAGES)
    e.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)

    ru = sub.add_parser("rules", help="list every rule with its severity and policy paragraph, "
                                      "as the policy sets them")
    ru.add_argument("--policy", metavar="FILE")
    ru.add_argument("--lang", choices=UI_LANGUAGES)

    r = sub.add_parser("registry", help="look after the consent registry")
    ra = r.add_subparsers(dest="registry_action", metavar="ACTION", required=True)
    rv = ra.add_parser("verify", help="check the audit log's hash chain (exit 0 intact, 1 broken)")
    rv.add_argument("--registry", metavar="URL", help="consent registry URL (default: your own)")
    rv.add_argument("--lang", choices=UI_LANGUAGES, help="language of messages")
    from prepub.cli_registry import add_parsers as _registry_parsers

    _registry_parsers(ra)  # init, user add, migrate, login: the team registry
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. `prepub check --json … | head`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        print("prepub: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a bug must not print a traceback at the user
        if os.environ.get("PREPUB_DEBUG"):
            raise
        print(f"prepub: internal error ({printable(type(e).__name__)}: {printable(e)}); "
              "please report it (PREPUB_DEBUG=1 shows the details)", file=sys.stderr)
        return EXIT_INTERNAL


def _main(argv: Sequence[str] | None) -> int:
    from prepub.core.workers import cap_malloc_arenas

    cap_malloc_arenas()  # memory that decoder threads free is used again (see the function)
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        registry, rest = gui_registry(args_list)
        to_open = gui_paths(rest, commands=command_names(parser))
    except _Usage as e:
        print(f"prepub: {printable(e)}\nCommands: {', '.join(command_names(parser))} (see prepub --help).",
              file=sys.stderr)
        return EXIT_USAGE
    if to_open is not None:
        return _run_gui(to_open, parser, registry=registry)
    args = parser.parse_args(args_list)
    if args.self_test:
        from prepub.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        return _run_gui([], parser, registry=registry)
    if args.gui_registry and getattr(args, "registry", "") is None:
        args.registry = args.gui_registry  # `prepub --registry URL check …`
    if getattr(args, "lang", None):
        os.environ["PREPUB_LANG"] = args.lang
    try:
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "draft":
            return _cmd_draft(args)
        if args.command == "export":
            return _cmd_export(args)
        if args.command == "rules":
            return _cmd_rules(args)
        if args.command == "registry":
            if args.registry_action != "verify":
                from prepub.cli_registry import run as _cmd_registry_team

                return _cmd_registry_team(args)
            return _cmd_registry_verify(args)
    except _Usage as e:
        print(f"prepub: {printable(e)}", file=sys.stderr)
        return EXIT_USAGE
    parser.print_help()
    return EXIT_USAGE


class _Usage(Exception):
    pass


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices]


def gui_paths(argv: Sequence[str], *, commands: Sequence[str]) -> list[str] | None:
    """The files and folders ``argv`` asks the window to open, made absolute (``prepub photo.jpg``
    and the desktop file's ``Exec=prepub %F``; ``[]`` opens an empty window), or None when
    ``argv`` is for the command parser: it starts with a command or has an option in it. After
    ``--`` every argument is a path, even one named like a command. Raises :class:`_Usage` for
    a name that is neither a command nor an existing file or folder."""
    args = list(argv)
    if args[:1] == ["--"]:
        paths = args[1:]
    elif (args and args[0] in commands) or any(a.startswith("-") for a in args):
        return None
    else:
        paths = args
    for p in paths:
        if not Path(p).exists():
            raise _Usage(f"no such command or file: {p}")
    return [os.path.abspath(p) for p in paths]


def gui_registry(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--registry URL`` (or ``--registry=URL``) at the start of ``argv``: the window's registry
    for this run, checked, and the arguments after it. Raises :class:`_Usage` for an address
    that cannot be a registry."""
    from prepub.core.registry_url import EXAMPLE, PROBLEMS, check

    args = list(argv)
    if args[:1] == ["--registry"] and len(args) >= 2:
        url, rest = args[1], args[2:]
    elif args and args[0].startswith("--registry="):
        url, rest = args[0].split("=", 1)[1], args[1:]
    else:
        return None, args
    code = check(url) if url.strip() else "scheme"
    if code:
        why = f"a team registry's address like {EXAMPLE}" if code == "scheme" else PROBLEMS[code]
        raise _Usage(f"--registry must be {why}")  # (never echoed: it may hold a password)
    return url.strip(), rest


def _run_gui(argv: list[str], parser: argparse.ArgumentParser, *,
             registry: str | None = None) -> int:
    """Open the window; ``argv`` holds the files and folders to open in it (see gui_paths);
    ``registry`` the consent registry for this run (``--registry``)."""
    try:
        from prepub.gui.app import run
    except ImportError as e:
        print(f"prepub: the desktop app is not available ({e}).", file=sys.stderr)
        parser.print_help()
        return EXIT_OK
    return int((run(argv) if registry is None else run(argv, registry_url=registry)) or 0)


def _policy(path: str | None) -> Any:
    from prepub.core.policy import PolicyError, load_policy

    try:
        return load_policy(path)
    except PolicyError as e:
        raise _Usage(f"policy: {e}") from None


def _today(s: str | None) -> date:
    """The day the checks run on: ``--today`` (a hidden option for replays and tests) fixes the
    one clock for the whole command, so time stamps in the registry and the bundle agree."""
    from prepub.core import clock

    if s:
        try:
            day = date.fromisoformat(s)
        except ValueError:
            raise _Usage(f"--today must be YYYY-MM-DD, not {s!r}") from None
        clock.set_clock(clock.FixedClock(datetime.combine(day, datetime.min.time().replace(hour=12))
                                         .astimezone()))
    return clock.today()


def _open_registry(url: str | None, policy: Any = None) -> Any:
    """The registry at ``url`` (default: your own). A team registry that does not answer is
    replaced by this computer's read-only copy of it, said on stderr with its age: the checks
    run on it, and the policy's ``offline_copy_max_age_hours`` blocks an export from a copy
    too old (``registry.offline_copy_stale``), as in the window. Anything else that keeps the
    registry shut is a usage error with the reason, never a traceback."""
    try:
        from prepub.core.consent import RegistryError, open_registry
        from prepub.core.consent.types import RegistryUnreachable
    except ImportError:
        return None
    try:
        return open_registry(url)
    except RegistryUnreachable as e:
        if policy is None:
            raise _Usage(f"consent registry: {printable(str(e))}") from None
        from prepub.core.consent import sync

        try:
            copy = sync.open_copy(max_age_hours=float(policy.consent.offline_copy_max_age_hours),
                                  url=url)
        except RegistryError as no_copy:
            raise _Usage(f"consent registry: {printable(str(e))}; {printable(str(no_copy))}") \
                from None
        hours = copy.info.age().total_seconds() / 3600
        print(render("cli.offline_copy", {"taken": copy.info.synced_at.isoformat(timespec="minutes"),
                                          "hours": f"{hours:.1f}"}), file=sys.stderr)
        return copy
    except RegistryError as e:
        raise _Usage(f"consent registry: {printable(str(e))}") from None


# --- check ---------------------------------------------------------------------------------------

def _cmd_check(args: argparse.Namespace) -> int:
    from prepub.core.analyze import analyze_paths, default_detector, find_images
    from prepub.core.draft import SUFFIX, DraftError, load_draft

    policy = _policy(args.policy)
    for p in args.paths:
        if not Path(p).exists():
            raise _Usage(f"{p}: no such file or folder")
    drafts = [p for p in args.paths if str(p).endswith(SUFFIX)]
    plain = [p for p in args.paths if not str(p).endswith(SUFFIX)]
    detector = None if args.no_faces else default_detector()
    today = _today(args.today)
    out_images: list[dict[str, Any]] = []
    out_posts: list[dict[str, Any]] = []
    blocked = False
    progress = _Progress(enabled=not args.json)

    if plain:
        files = find_images(plain)
        progress.start(len(files))
        for rep in analyze_paths(files, policy=policy, detector=detector, progress=progress):
            out_images.append(_image_json(rep))
            blocked |= rep.blocked
            if not args.json:
                progress.clear()
                _print_image(rep)
        progress.done()

    for dp in drafts:
        try:
            draft = load_draft(dp)
        except DraftError as e:
            raise _Usage(str(e)) from None
        post, images, draft_blocked = _check_draft(draft, dp, policy=policy, detector=detector,
                                                   registry_url=args.registry, today=today,
                                                   progress=progress, quiet=args.json)
        out_posts.append(post)
        out_images.extend(images)
        blocked |= draft_blocked

    if args.json:
        doc: dict[str, Any] = {"prepub": __version__, "policy": policy.path, "images": out_images}
        if out_posts:
            doc["posts"] = out_posts
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        n = len(out_images)
        print("\n" + render("cli.summary_blocked" if blocked else "cli.summary_ok", {"count": n}))
    return EXIT_BLOCKED if blocked else EXIT_OK


def _check_draft(draft: Any, path: str, *, policy: Any, detector: Any, registry_url: str | None,
                 today: date, progress: "_Progress", quiet: bool) -> tuple[dict[str, Any], list[dict[str, Any]], bool]:
    from prepub.core.matching import proposals_json
    from prepub.core.messages import message
    from prepub.core.review import review_draft

    registry = _open_registry(registry_url, policy)
    progress.start(len(draft.images))
    try:
        rv = review_draft(draft, policy=policy, detector=detector, registry=registry, today=today,
                          progress=progress)
    finally:
        progress.done()
        if registry is not None:
            registry.close()
    ev, reports = rv.evaluation, rv.reports
    blocks = rv.blocks(policy)
    images = []
    for im in draft.images:
        rep = reports[im.path]
        d = _image_json(rep, findings=[f for f in ev.findings if f.subject == im.path])
        d["decisions"] = [{"face": f.index, "box": f.box, "decision": f.decision,
                           "person_id": f.person_id, "confirmed_adult": f.confirmed_adult}
                          for f in im.faces]
        d["fields"] = {"photographer": im.photographer, "context": {"what": im.context.what,
                       "where": im.context.where, "when": im.context.when},
                       "source": im.source.kind, "licence": im.source.licence, "alt_text": im.alt_text}
        if im.path in rv.matches:
            d["match_proposals"] = proposals_json(rv.matches[im.path])
        images.append(d)
    post_findings = [f for f in ev.findings if f.subject not in reports]
    post = {"draft": str(path), "channels": draft.channels, "blocked": bool(blocks),
            "findings": [f.to_dict(message=message(f)) for f in post_findings],
            "overrides": [{"rule": o.rule, "subject": o.subject, "reason": o.reason} for o in draft.overrides],
            "consents": sorted(ev.consent_ids)}
    if not quiet:
        labels = ", ".join(str(policy.channel(c).get("label") or c) for c in draft.channels)
        print("\n" + printable(render("cli.draft", {"path": path,
                                                    "channels": labels or render("cli.no_channels", {})})))
        for im in draft.images:
            _print_findings(Path(im.path).name, [f for f in ev.findings if f.subject == im.path])
        _print_findings(render("cli.post", {}), post_findings)
    return post, images, bool(blocks)


def _image_json(rep: Any, findings: Any = None) -> dict[str, Any]:
    from prepub.core.messages import message

    fs = rep.findings if findings is None else findings
    return {
        "path": rep.path,
        "error": rep.error,
        "sha256": rep.sha256,
        "metadata": None if rep.metadata is None else rep.metadata.to_dict(),
        "faces": [f.to_dict() for f in rep.faces],
        "findings": [f.to_dict(message=message(f)) for f in fs],
    }


_SIGN = {"block": "✖", "warn": "⚠", "info": "·"}


def _mark(severity: str) -> str:
    """"✖ BLOCK", "⚠ warn " … in the user's language, padded so the messages line up."""
    from prepub.core.messages import render

    words = {s: render(f"cli.{s}", {}) for s in _SIGN}
    width = max(len(w) for w in words.values())
    return f"{_SIGN[severity]} {words[severity]:<{width}}"


def _print_image(rep: Any) -> None:
    md = rep.metadata
    head = Path(rep.path).name
    if md is not None:
        bits = [f"{md.format or '?'} {md.width}×{md.height}"]
        if md.taken_at is not None:
            bits.append(str(md.taken_at.value))
        cam = " ".join(str(t.value) for t in (md.camera_make, md.camera_model) if t is not None)
        if cam:
            bits.append(cam)
        if md.photographer is not None:
            bits.append(render("cli.by", {"name": md.photographer.value}))
        head += "  (" + ", ".join(bits) + ")"
    if rep.faces:
        head += "  " + render("cli.faces", {"count": len(rep.faces)})
    _print_findings(head, rep.findings)


def _print_findings(head: str, findings: Any) -> None:
    from prepub.core.messages import message

    print(printable(head))
    if not findings:
        print("    ✓ " + render("cli.nothing", {}))
    for f in sorted(findings, key=lambda f: -f.severity.rank):
        print(f"    {_mark(f.severity.value)}  {printable(message(f))}")


class _Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal and the run is long."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = 0

    def start(self, total: int) -> None:
        self.total = total

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.enabled or total < 3:
            return
        width = 30
        filled = int(width * done / max(1, total))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled and self.total >= 3:
            sys.stderr.write("\r" + " " * 80 + "\r")

    def done(self) -> None:
        self.clear()


# --- draft, export, rules ------------------------------------------------------------------------

def _cmd_draft(args: argparse.Namespace) -> int:
    from prepub.core.analyze import find_images
    from prepub.core.draft import SUFFIX, Draft, own_rights_names, prefill_from_file, save_draft
    from prepub.core.metadata import UnreadableImage, read_metadata

    out = Path(args.output)
    if not out.name.endswith(SUFFIX):
        raise _Usage(f"the draft file name must end in {SUFFIX}")
    if out.exists():
        raise _Usage(f"{out} exists already; choose another name")
    text = args.text or ""
    if args.text_file:
        text = _text_file(args.text_file)
    draft = Draft(text=text, channels=list(args.channel))
    if args.at:
        try:
            when = datetime.fromisoformat(args.at)
        except ValueError:
            raise _Usage(f"--at must be an ISO time like 2026-12-01T10:00+01:00, not {args.at!r}") from None
        draft.scheduled_at = when.isoformat()
    own, people = own_rights_names(_policy(None))
    for img in find_images(args.images):
        im = draft.add_image(str(img.resolve()))
        im.photographer = args.photographer
        try:  # what the file says, filled in as the window does when a photo is added
            prefill_from_file(im, read_metadata(img), own_names=own, people=people)
        except UnreadableImage:
            pass  # `prepub check` reports it
    save_draft(draft, out)
    print(printable(render("cli.wrote_draft", {"path": out, "count": len(draft.images)})))
    return EXIT_OK


def _text_file(path: str) -> str:
    from prepub.core.inputfiles import read_regular

    try:
        return read_regular(path, limit=16 * 1024 * 1024).decode("utf-8")
    except UnicodeDecodeError:
        raise _Usage(f"{path}: the text file is not UTF-8 text") from None
    except OSError as e:
        raise _Usage(f"{path}: the text file cannot be read ({e.strerror or e})") from None


def _cmd_export(args: argparse.Namespace) -> int:
    from prepub.core.analyze import default_detector
    from prepub.core.draft import DraftError, Override, load_draft
    from prepub.core.export import ExportError, export_bundle
    from prepub.core.messages import message
    from prepub.core.progress import Cancelled
    from prepub.core.review import review_draft

    from prepub.core.export.plan import media_base

    policy = _policy(args.policy)
    orders = _date_orders(args.date_order)
    if args.media_base_url is not None:
        try:
            media_base(args.media_base_url)
        except ExportError as e:
            raise _Usage(f"--media-base-url: {e.message()}") from None
    try:
        draft = load_draft(args.draft)
    except DraftError as e:
        raise _Usage(str(e)) from None
    for spec in args.override:
        rule, sep, reason = spec.partition("=")
        if not sep or not reason.strip():
            raise _Usage(f"--override needs RULE=REASON, not {spec!r}")
        draft.overrides.append(Override(rule=rule.strip(), reason=reason.strip(),
                                        by=os.environ.get("USER", "")))
    registry = _open_registry(args.registry, policy)
    progress = _Progress(enabled=True)
    try:
        progress.start(len(draft.images))
        rv = review_draft(draft, policy=policy, detector=default_detector(), registry=registry,
                          today=_today(args.today), progress=progress)
        progress.done()
        try:
            result = export_bundle(draft, out_dir=args.out, policy=policy, findings=rv.findings,
                                   registry=registry, consent_ids=rv.evaluation.consent_ids,
                                   formats=args.format or None, zip=args.zip, progress=progress,
                                   date_order=orders, media_base_url=args.media_base_url,
                                   approver=args.approver, case_number=args.case_number,
                                   keep_names=args.keep_names, record_pdf=args.record_pdf)
        except ExportError as e:
            progress.done()
            print(f"prepub: export refused: {printable(e.message())}", file=sys.stderr)
            for f in e.findings:
                print(f"    ✖ {printable(message(f))}", file=sys.stderr)
            return EXIT_BLOCKED
        except Cancelled:
            return EXIT_BLOCKED
        progress.done()
    finally:
        if registry is not None:
            registry.close()
    from prepub.core.export.scheduling import REJECTING

    skipped = tuple(getattr(result, "skipped", ()))
    print(printable(render("cli.exported_to", {"path": result.path})))
    print(render("cli.written", {"count": len(result.files)}))
    notes = dict(getattr(result, "file_notes", {}) or {})
    for name in sorted(result.files):
        print(f"    ✔ {printable(name)}")
        for note in notes.get(name, ()):
            print(f"        ! {printable(note)}")
    if skipped:
        print(render("cli.not_written", {"count": len(skipped)}))
        for file, reason in skipped:
            print(f"    ✖ {printable(file)}: {printable(reason)}")
    # the reasons of the files not written are above; the rest is what to do by hand
    notices = [message(f) for f in result.notices if not (skipped and f.rule in REJECTING)]
    if notices:
        print(render("cli.by_hand", {}))
    for line in notices:
        print(f"    · {printable(line)}")
    return EXIT_OK


def _date_orders(specs: Sequence[str]) -> dict[str, str] | None:
    """``--date-order`` values (``mdy`` or ``hootsuite=mdy``) as tool -> order, or None."""
    from prepub.core.export.scheduling import DATE_ORDERS, TOOLS

    out: dict[str, str] = {}
    for spec in specs:
        tool, sep, order = spec.rpartition("=")
        order = order.strip().lower()
        if order not in DATE_ORDERS:
            raise _Usage(f"--date-order must be dmy or mdy (or TOOL=ORDER), not {spec!r}")
        tools = [tool.strip().lower()] if sep else [t for t in TOOLS if len(TOOLS[t].date_orders) > 1]
        for t in tools:
            if t not in TOOLS:
                raise _Usage(f"--date-order: unknown tool {t!r} (known: {', '.join(TOOLS)})")
            if order not in TOOLS[t].date_orders:
                raise _Usage(f"--date-order: {TOOLS[t].label} reads only "
                             f"{'/'.join(TOOLS[t].date_orders)} dates")
            out[t] = order
    return out or None


def _cmd_rules(args: argparse.Namespace) -> int:
    """Every rule as the policy (``--policy``, else the default in the language) sets it: its
    severity, whether it runs, and the policy's name for it."""
    from prepub.core.rules import all_rules

    policy = _policy(args.policy)
    for rule, spec in sorted(all_rules().items()):
        cfg = policy.rule_config(rule)
        flags = "" if spec.can_disable else "  (cannot be switched off)"
        if spec.overridable:
            flags += "  (may be overridden with a reason)"
        severity = "off" if cfg.get("enabled", True) is False else cfg.get("severity", spec.severity.value)
        print(printable(f"{rule:32} {severity:5}  {cfg.get('ref', spec.ref)}{flags}"))
    return EXIT_OK


def _cmd_registry_verify(args: argparse.Namespace) -> int:
    """``prepub registry verify``: 0 when the audit log's hash chain holds, 1 when it breaks
    (the first broken entry named) or the registry cannot be opened."""
    from prepub.core.consent import RegistryError, open_registry
    from prepub.core.messages import render

    try:
        reg = open_registry(args.registry)
    except RegistryError as e:
        print(f"prepub: {printable(e)}", file=sys.stderr)
        return EXIT_BLOCKED
    try:
        report = reg.verify_audit()
    finally:
        reg.close()
    if report.ok:
        print(printable(render("registry.audit_ok", {"entries": report.entries,
                                                     "location": reg.location})))
        return EXIT_OK
    from prepub.core.checks.post import audit_broken_finding
    from prepub.core.messages import message

    print(printable(message(audit_broken_finding(report))))  # type: ignore[arg-type]
    return EXIT_BLOCKED


if __name__ == "__main__":
    sys.exit(main())
