"""The export: from a checked draft to a complete, verified, publish-ready bundle, or nothing.

:func:`export_bundle` refuses while a blocking finding remains that no allowed override covers;
then writes, into a hidden ``.partial`` folder beside the target, the clean images (one file per
distinct rendition, never re-encoded above the original's JPEG quality; named after the bundle,
or after the originals with ``keep_names``), ``text/<channel>.txt``, the scheduling-tool CSVs
(``scheduling/<tool>-<channel>.csv``, dates in each tool's ``date_order``), ``bundle.json``,
``record.html`` and ``record.pdf`` (PDF/A-3b, when asked for) and, last, ``manifest.json``;
verifies every image; logs the export in the consent registry; and renames the folder (or a
``.zip``) into place. Cancel (between images), an error or a failed verification removes the
partial folder. What a written file lacks (line breaks a tool's import cannot keep, images to
attach by hand) is said per file in :attr:`ExportResult.file_notes`.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

from prepub.core import clock
from prepub.core.checks.gate import Gate, gate
from prepub.core.draft import Draft, Override
from prepub.core.export import atomic, documents, plan
from prepub.core.export.consents import consent_refs, image_release
from prepub.core.export.documents import ImageEntry, Rendition
from prepub.core.export.errors import ExportError
from prepub.core.export.images import PNG_CHANNELS, SUFFIX, prepare, render, rendition_size
from prepub.core.export.record import RecordPdfUnavailable, record_pdf, render_record
from prepub.core.export.scheduling import (REJECTING, TOOLS, MediaRef, ScheduledPost, ToolFile,
                                           build_tool_file, check_date_order, date_format_hint,
                                           hashtags, length_method, paragraphs,
                                           post_length)
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import source_type_for
from prepub.core.imageio import load_upright
from prepub.core.model import Finding, Severity
from prepub.core.policy import Policy
from prepub.core.progress import CancelToken, ProgressCallback, no_progress
from prepub.core.rules import RuleSpec, make_finding, register

REF_EXPORT = "Prepub: export endast när inget stoppar, med verifierade rena bilder"
register(
    RuleSpec("export.blocked", Severity.BLOCK, REF_EXPORT, can_disable=False),
    RuleSpec("export.verify_failed", Severity.BLOCK, REF_EXPORT, can_disable=False),
    RuleSpec("export.import_settings", Severity.INFO, REF_EXPORT),
    RuleSpec("export.media_upload", Severity.INFO, REF_EXPORT),
    RuleSpec("export.record_pdf_unavailable", Severity.INFO, REF_EXPORT),
)

FORMATS = ("publer", "hootsuite", "sprout", "json")
#: Notices that say what one written file lacks; listed per file in ExportResult.file_notes.
FILE_NOTES = frozenset({"export.schedule.line_breaks", "export.media_manual",
                        "export.schedule.formula_neutralised"})


class SkippedFile(NamedTuple):
    """A file the export was asked for but did not write, and why (in the export's language,
    from the findings in ``ExportResult.notices``). Unpacks as ``(file, reason)``."""

    file: str  # bundle-relative, e.g. scheduling/hootsuite-instagram.csv
    reason: str


@dataclass(frozen=True)
class ExportResult:
    """A finished bundle. ``files`` maps the bundle-relative names of every file written to
    its sha256; ``skipped`` lists every file asked for but not written (a scheduling tool's
    file without the publication time the tool needs, or breaking one of its limits; a PDF
    record this installation cannot write), each with the reason. ``notices`` are the
    export's own findings (tool files left out and why, what to attach or set by hand)."""

    path: Path
    name: str
    files: Mapping[str, str]
    notices: tuple[Finding, ...]
    overrides: tuple[Override, ...]
    consent_ids: tuple[str, ...]
    export_id: str | None = None  # the registry's record id, when a registry was given
    skipped: tuple[SkippedFile, ...] = ()
    #: bundle-relative file -> what it lacks, in the export's language (e.g. a Hootsuite CSV
    #: whose text lost its line breaks, because that import cannot keep them)
    file_notes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Every file asked for was written."""
        return not self.skipped

    def summary(self, lang: str | None = None) -> list[str]:
        from prepub.core.messages import message

        lines = [str(self.path)]
        lines += [message(f, lang) for f in self.notices]
        return lines


@dataclass
class _State:
    images: list[ImageEntry] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)
    consent_ids: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    file_findings: dict[str, list[Finding]] = field(default_factory=dict)


def export_bundle(draft: Draft, *, out_dir: str | Path, policy: Policy,
                  findings: Sequence[Finding], registry: Any = None,
                  consent_ids: Iterable[str] | None = None, formats: Iterable[str] | None = None,
                  zip: bool = False, overwrite: bool = False, name: str | None = None,
                  lang: str | None = None, user_name: str | None = None,
                  checked_at: datetime | None = None, media_base_url: str | None = None,
                  web_statement: str | None = None,
                  date_order: str | Mapping[str, str] | None = None,
                  approver: str | None = None, case_number: str | None = None,
                  keep_names: bool = False, record_pdf: bool | None = None,
                  now: datetime | None = None, decode: Callable[..., Any] = load_upright,
                  read_metadata: Callable[[Path], Any] | None = None,
                  progress: ProgressCallback = no_progress,
                  cancel: CancelToken | None = None) -> ExportResult:
    """Export ``draft`` into ``out_dir``; see the module docstring. Raises :class:`ExportError`
    (nothing written) or :class:`prepub.core.progress.Cancelled` (nothing written).

    ``date_order``: ``"dmy"``/``"mdy"`` for every tool that lets the user choose, or a mapping
    tool -> order (Publer always writes ISO dates). ``media_base_url`` (else the policy's) is
    validated and percent-encoded (:func:`plan.media_base`). ``approver`` and ``case_number``
    (diarienummer) go into the publication record and bundle.json; the organisation is the
    policy's name. ``record_pdf`` (else the policy's ``[export] record_pdf``) also writes
    ``record.pdf``, PDF/A-3b with the images and bundle.json embedded."""
    now = (now or clock.now()).astimezone(timezone.utc)
    fmts = _formats(formats)
    orders = _date_orders(date_order, fmts)
    zone = plan.export_zone(policy)
    lang = lang or policy.info.language
    when = plan.scheduled_time(draft, zone)
    if not draft.channels:
        raise ExportError("export.no_channels")
    g = gate(draft, list(findings) + _preflight(draft, fmts, policy, when, now, zone,
                                                     orders), policy)
    if not g.ok:
        raise plan.refuse(g, policy)
    out = Path(out_dir)
    bundle = name or plan.bundle_name(draft, (when or now).astimezone(zone))
    base_url = plan.media_base(media_base_url if media_base_url is not None
                               else str(policy.export.media_base_url or ""))
    want_pdf = bool(policy.export.record_pdf if record_pdf is None else record_pdf)
    approver = (approver or "").strip() or None
    case_number = (case_number or "").strip() or None
    today = now.astimezone(zone).date()
    user = _os_user() + (f" ({user_name})" if user_name else "")
    st = _State(consent_ids=sorted(set(consent_ids or ())))
    partial = atomic.make_partial_dir(out, bundle)
    try:
        _write_images(draft, partial, st, policy=policy, registry=registry, bundle=bundle,
                      today=today, lang=lang, base_url=base_url, web_statement=web_statement,
                      keep_names=keep_names, decode=decode, read_metadata=read_metadata,
                      progress=progress, cancel=cancel)
        if consent_ids is None:
            st.consent_ids = sorted({i for e in st.images for i in e.consent_ids})
        posts = _posts(draft, st.images, policy, when)
        for ch in draft.channels:
            atomic.write_file(partial / "text" / f"{plan.slug(ch) or 'channel'}.txt", documents.channel_text(
                text=paragraphs(draft.text_for(ch)), channel_label=_label(policy, ch), images=st.images,
                channel=ch, lang=lang))
        limit_checks = _tool_files(posts, fmts, partial, st, policy=policy, now=now, zone=zone,
                                   orders=orders, lang=lang)
        if base_url and st.images:
            st.notices.append(_finding("export.media_upload", policy, base_url=base_url))
        subjects = {im.path: f"image {i}" for i, im in enumerate(draft.images, 1)}
        over = {id(f) for f, _ in g.overridden}
        found = [documents.finding_dict(f, lang=lang, subjects=subjects, overridden=id(f) in over)
                 for f in findings]
        overrides = [documents.override_dict(o, subjects=subjects) for _, o in g.overridden]
        notices = [documents.finding_dict(f, lang=lang, subjects=subjects) for f in st.notices]
        refs = consent_refs(st.consent_ids, registry=registry, today=today)
        pol = {"name": policy.name, "version": policy.info.version, "file": Path(policy.path).name}
        if "json" in fmts:
            atomic.write_file(partial / "bundle.json", documents.bundle_json(
                post_id=draft.id, title=draft.title, scheduled_at=None if when is None else when.astimezone(zone),
                zone_name=zone.key, networks=[_network(p, policy) for p in posts],
                images=st.images, exported_at=now.astimezone(zone),
                checks={"policy": pol, "findings": found, "overrides": overrides,
                        "limits": limit_checks, "limits_source": documents.LIMITS_SOURCE},
                record={"organisation": policy.name, "approver": approver,
                        "case_number": case_number}))
        html = render_record(
            lang=lang, bundle_dir=partial, bundle=bundle, title=draft.title or bundle, post_id=draft.id,
            scheduled_at=None if when is None else when.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            zone_name=zone.key, channels=[{"id": c, "label": _label(policy, c), "text": paragraphs(draft.text_for(c))}
                                          for c in draft.channels],
            images=st.images, exported_at=now.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z"),
            exported_by=user, checked_at=None if checked_at is None else
            checked_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z"),
            findings=found, overrides=overrides, consents=refs, policy_name=policy.name,
            policy_version=pol["version"], files=_listing(partial), organisation=policy.name,
            approver=approver, case_number=case_number,
            exported_iso=now.astimezone(zone).isoformat(timespec="seconds"))
        atomic.write_file(partial / "record.html", html)
        if want_pdf:
            _write_pdf(partial, html, st, policy=policy, lang=lang)
            notices = [documents.finding_dict(f, lang=lang, subjects=subjects) for f in st.notices]
        files = _listing(partial)
        atomic.write_file(partial / "manifest.json", documents.manifest_json(
            bundle=bundle, created=now.astimezone(zone), draft_id=draft.id, title=draft.title,
            policy=pol, exported_by={"user": _os_user(), "name": user_name or ""}, files=files,
            images=st.images, findings=found, overrides=overrides, consents=refs, notices=notices))
        hashes = {f["path"]: f["sha256"] for f in _listing(partial)}
        suffix = ".zip" if zip else ""
        final = out / f"{bundle}{suffix}" if overwrite else atomic.free_name(out, bundle, suffix)
        if cancel is not None:
            cancel.raise_if_cancelled()
        export_id = _record(registry, final, draft, hashes, st.consent_ids, g, user)
        if zip:
            final = atomic.publish_zip(partial, final, overwrite=overwrite)
        else:
            final = atomic.publish_dir(partial, final, overwrite=overwrite)
    except BaseException:
        atomic.remove_partial(partial)
        raise
    progress(len(draft.images) + 1, len(draft.images) + 1, "")
    return ExportResult(path=final, name=bundle, files=hashes, notices=tuple(st.notices),
                        overrides=tuple(o for _, o in g.overridden),
                        consent_ids=tuple(st.consent_ids), export_id=export_id,
                        skipped=tuple(st.skipped), file_notes=_file_notes(st, lang))


# --- steps ---------------------------------------------------------------------------------------

def _write_images(draft: Draft, partial: Path, st: _State, *, policy: Policy, registry: Any,
                  bundle: str, today: Any, lang: str, base_url: str, web_statement: str | None,
                  keep_names: bool, decode: Callable[..., Any],
                  read_metadata: Callable[[Path], Any] | None,
                  progress: ProgressCallback, cancel: CancelToken | None) -> None:
    total = len(draft.images) + 1
    used: set[str] = set()
    for i, im in enumerate(draft.images, 1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(i - 1, total, f"image {i}")
        src = Path(im.path)
        source_sha = atomic.sha256_file(src) if src.is_file() else ""
        if not source_sha:
            raise ExportError("export.decode_failed", {"file": src.name, "reason": "the file does not exist"})
        prepared = prepare(src, blur_boxes=plan.blur_boxes(im), decode=decode)
        quality = plan.export_quality(policy.export.jpeg_quality, src)
        stem = plan.image_stem(bundle=bundle, index=i, source=src.name, keep_names=keep_names)
        rel = image_release(im, registry=registry, channels=draft.channels, policy=policy, today=today)
        original = _source_metadata(src, read_metadata)
        fallback = getattr(original, "photographer", None)
        meta = plan.image_meta(im, policy=policy, language=lang,
                               release_status=rel.status, release_ids=rel.consent_ids,
                               source_type=source_type_for(prepared.source_type, blurred=prepared.blurred > 0),
                               web_statement=web_statement, original=original,
                               photographer_fallback="" if im.photographer.strip() or fallback is None
                               else str(fallback.value).strip())
        entry = ImageEntry(index=i, source_sha256=source_sha, alt_text=meta.alt_text,
                           credit=meta.credit, rights=meta.rights, caption=meta.caption,
                           release_status=rel.status, digital_source_type=meta.digital_source_type,
                           blurred_faces=prepared.blurred, consent_ids=rel.consent_ids,
                           context={"what": im.context.what.strip(), "where": im.context.where.strip(),
                                    "when": im.context.when.strip()})
        groups: dict[tuple[Any, ...], list[str]] = {}
        limits: dict[tuple[Any, ...], int | None] = {}
        for ch in draft.channels:
            cfg = policy.channel(ch)
            png = prepared.has_alpha and ch in PNG_CHANNELS
            key = (rendition_size(prepared.image.size, cfg.get("image_max_px")), png)
            groups.setdefault(key, []).append(ch)
            cap = cfg.get("image_max_bytes")  # the strictest byte limit of the group applies
            limits[key] = cap if limits.get(key) is None else min(limits[key] or cap, cap or limits[key])
        for (size, png), chans in groups.items():
            max_bytes = limits[(size, png)]
            fmt = "PNG" if png else "JPEG"
            base = f"images/{stem}" if keep_names and len(groups) == 1 else \
                f"images/{stem}-{size[0]}x{size[1]}"
            fname, n = base + SUFFIX[fmt], 1
            while fname.casefold() in used:
                n += 1
                fname = f"{base}-{n}{SUFFIX[fmt]}"
            used.add(fname.casefold())
            (partial / "images").mkdir(exist_ok=True)
            w = render(prepared, partial / fname, meta=meta, max_side=max(size), fmt=fmt,
                       quality=quality, max_bytes=max_bytes)
            problems = verify_clean(w.path, read_metadata=read_metadata)
            if problems:
                raise ExportError("export.verify_failed", {"file": fname, "problems": "; ".join(problems)})
            url = plan.media_url(base_url, fname)
            entry.renditions.append(Rendition(file=fname, sha256=w.sha256, mime=w.mime, width=w.width,
                                              height=w.height, bytes=w.bytes, channels=list(chans),
                                              public_url=url))
        st.images.append(entry)


def _posts(draft: Draft, images: Sequence[ImageEntry], policy: Policy,
           when: datetime | None) -> list[ScheduledPost]:
    posts = []
    for ch in draft.channels:
        if ch in plan.SOCIAL_EXCLUDED:
            continue
        cfg = policy.channel(ch)
        media = tuple(MediaRef(file=r.file, alt_text=im.alt_text, url=r.public_url)
                      for im in images if (r := im.for_channel(ch)) is not None)
        posts.append(ScheduledPost(post_id=draft.id, channel=ch, text=paragraphs(draft.text_for(ch)),
                                   when=when,
                                   media=media, link=_link(draft), max_chars=cfg.get("max_chars"),
                                   url_length=cfg.get("url_length"), label=_label(policy, ch)))
    return posts


def _tool_files(posts: Sequence[ScheduledPost], fmts: Sequence[str], partial: Path, st: _State, *,
                policy: Policy, now: datetime, zone: Any, orders: Mapping[str, str],
                lang: str | None = None) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = []
    found: list[Finding] = []
    for tool in (t for t in fmts if t in TOOLS):
        for p in posts:
            fname = f"scheduling/{tool}-{plan.slug(p.channel) or 'channel'}.csv"
            tf: ToolFile = build_tool_file(tool, [p], now=now, zone=zone, policy=policy,
                                           date_order=orders.get(tool), subject=f"text:{p.channel}",
                                           file=fname)
            checks.extend(tf.checks)
            if tf.content is None:
                # only why the file is missing: what to do with a file not written is moot
                why = [f for f in tf.findings if f.rule in REJECTING]
                found.extend(why)
                st.skipped.append(_skipped(fname, why, lang))
                continue
            found.extend(tf.findings)
            st.file_findings[fname] = [f for f in tf.findings if f.rule in FILE_NOTES]
            atomic.write_file(partial / fname, tf.content)
            found.append(_finding("export.import_settings", policy, tool=TOOLS[tool].label,
                                  file=fname, channel=p.label or p.channel, timezone=zone.key,
                                  date_format=date_format_hint(tool, orders.get(tool))))
    st.notices.extend(merge_notices(found))
    return checks


def merge_notices(findings: Sequence[Finding]) -> list[Finding]:
    """One notice per rule, tool and severity: the channels and files of the per-file findings
    joined, so the summary says "Publer (Instagram, X): …" once instead of once per file."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    first: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        rest = tuple(sorted((k, str(v)) for k, v in f.params.items()
                            if k not in ("channel", "files", "file", "row", "same_as")))
        key = (f.rule, f.severity, rest)
        acc = merged.setdefault(key, {})
        first.setdefault(key, f)
        for k in ("channel", "files", "file"):
            if k in f.params:
                items = acc.setdefault(k, [])
                items += [x for x in str(f.params[k]).split(", ") if x and x not in items]
    out = []
    for key, f in first.items():
        params = dict(f.params)
        params.update({k: ", ".join(v) for k, v in merged[key].items()})
        out.append(Finding(rule=f.rule, severity=f.severity, params=params,
                           subject="post" if len(merged[key].get("channel", [])) > 1 else f.subject,
                           policy_ref=f.policy_ref))
    return out


def _preflight(draft: Draft, fmts: Sequence[str], policy: Policy, when: datetime | None,
               now: datetime, zone: Any, orders: Mapping[str, str]) -> list[Finding]:
    """Scheduling findings the policy raised to ``block``, so the gate sees them up front."""
    out: list[Finding] = []
    posts = _posts(draft, [], policy, when)
    for tool in (t for t in fmts if t in TOOLS):
        for p in posts:
            out += [f for f in build_tool_file(tool, [p], now=now, zone=zone, policy=policy,
                                               date_order=orders.get(tool),
                                               subject=f"text:{p.channel}").findings
                    if f.blocks]
    return out


def _record(registry: Any, final: Path, draft: Draft, hashes: Mapping[str, str],
            consent_ids: Sequence[str], g: Gate, user: str) -> str | None:
    """Log the export (and each override) in the registry's audit log before publishing it: an
    export that cannot be logged is not published."""
    if registry is None:
        return None
    try:
        rec = registry.record_export(bundle_path=str(final), draft_id=draft.id, files=dict(hashes),
                                     consent_ids=list(consent_ids), actor=_os_user())
        for f, o in g.overridden:
            registry.audit(action="export.override", entity="export", entity_id=getattr(rec, "id", None),
                           details={"rule": f.rule, "reason": o.reason, "by": o.by or user,
                                    "draft_id": draft.id}, actor=_os_user())
    except Exception as e:  # noqa: BLE001 - any registry failure stops the export
        raise ExportError("export.registry_failed", {"reason": str(e)}) from e
    return getattr(rec, "id", None)


def _write_pdf(partial: Path, html: str, st: _State, *, policy: Policy, lang: str) -> None:
    """``record.pdf``: the record's HTML as PDF/A-3b, the images and bundle.json embedded; a
    notice and a skipped entry instead when WeasyPrint cannot run here."""
    attach = [(partial / r.file, r.file, f"image {im.index}: {im.alt_text}"[:200])
              for im in st.images for r in im.renditions]
    if (partial / "bundle.json").is_file():
        attach.append((partial / "bundle.json", "bundle.json", "prepub.bundle (JSON)"))
    try:
        data = record_pdf(html, attachments=attach)
    except RecordPdfUnavailable as e:
        st.notices.append(_finding("export.record_pdf_unavailable", policy, reason=str(e)))
        st.skipped.append(_skipped("record.pdf", [st.notices[-1]], lang))
        return
    atomic.write_file(partial / "record.pdf", data)


def _network(p: ScheduledPost, policy: Policy) -> dict[str, Any]:
    """One ``networks[]`` item of bundle.json, with the length as the network counts it."""
    out: dict[str, Any] = {"channel": p.channel, "label": _label(policy, p.channel), "text": p.text,
                           "hashtags": hashtags(p.text), "link": p.link}
    if p.max_chars is not None:
        out["length"] = {"value": post_length(p.text, url_length=p.url_length, channel=p.channel),
                         "limit": p.max_chars, "method": length_method(p.channel)}
    return out


def _date_orders(date_order: str | Mapping[str, str] | None, fmts: Sequence[str]) -> dict[str, str]:
    """The date order per tool, checked against what each tool's import offers."""
    given = dict(date_order) if isinstance(date_order, Mapping) else \
        {t: date_order for t in TOOLS} if date_order else {}
    unknown = sorted(set(given) - set(TOOLS))
    if unknown:
        raise ExportError("export.unknown_format", {"formats": ", ".join(unknown),
                                                    "known": ", ".join(TOOLS)})
    return {t: check_date_order(t, given.get(t)) for t in TOOLS if t in fmts}


def _file_notes(st: _State, lang: str | None) -> dict[str, tuple[str, ...]]:
    from prepub.core.messages import message

    return {f: tuple(message(x, lang) for x in found) for f, found in st.file_findings.items() if found}


# --- small helpers -------------------------------------------------------------------------------

def _formats(formats: Iterable[str] | None) -> list[str]:
    fm = [f.strip().lower() for f in (formats or FORMATS) if f.strip()] or list(FORMATS)
    bad = [f for f in fm if f not in FORMATS]
    if bad:
        raise ExportError("export.unknown_format", {"formats": ", ".join(bad), "known": ", ".join(FORMATS)})
    return fm


def _listing(folder: Path) -> list[dict[str, Any]]:
    return [{"path": p.relative_to(folder).as_posix(), "bytes": p.stat().st_size,
             "sha256": atomic.sha256_file(p)}
            for p in sorted(folder.rglob("*")) if p.is_file()]


def _skipped(file: str, why: Sequence[Finding], lang: str | None) -> SkippedFile:
    from prepub.core.messages import message

    return SkippedFile(file=file, reason=" ".join(message(f, lang) for f in why))


def _finding(rule: str, policy: Policy, **params: Any) -> Finding:
    f = make_finding(rule, policy, subject="post", params=params)
    return f if f is not None else Finding(rule=rule, severity=Severity.INFO, params=params, subject="post")


def _label(policy: Policy, channel: str) -> str:
    return str(policy.channel(channel).get("label", channel))


def _link(draft: Draft) -> str | None:
    link = draft.extra.get("link")
    return link.strip() if isinstance(link, str) and link.strip() else None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "unknown"


def _default_lang() -> str:
    from prepub.core.messages import default_language

    return default_language()


def _source_metadata(src: Path, read_metadata: Callable[[Path], Any] | None) -> Any:
    """What the original file says about itself (photographer, rights, when it was taken), or
    None when it cannot be read. The photographer is used only when the draft names none; the
    rights are kept unless the draft replaces them (:func:`plan.image_meta`)."""
    read = read_metadata
    if read is None:
        try:
            from prepub.core.metadata import read_metadata as read
        except ImportError:
            return None
    try:
        return read(src)
    except Exception:  # noqa: BLE001 - a file the reader cannot read simply states nothing
        return None
