"""Away from the office: a photographer's local queue, and a communicator's read-only copy.

**Photographer (the outbox).** When the team server cannot be reached, photographer mode writes
into a personal registry on the laptop (:func:`open_outbox`, ``team-outbox.sqlite3`` in the
data folder) with the same API. :func:`push` sends it to the team registry shoot by shoot, as
consent sheets (:mod:`.sheet`): the ids travel with the records, so pushing twice changes
nothing; what differs is reported as conflicts and the team's record is kept; a withdrawal in
the team registry is never overwritten by an older consent (the sheet rules, and the database's
own trigger). Each push is noted in the outbox's audit log; :func:`pending` lists shoots changed
since their last push.

**Communicator (the copy).** :func:`refresh_copy` takes a consistent snapshot of the team
registry (everything but evidence files) into ``team-copy.sqlite3`` and notes when. Offline,
:func:`open_copy` gives a :class:`OfflineCopy`: a registry that answers every question but
refuses changes, with its age. An export from a copy older than the policy's limit is refused
(:class:`StaleCopyError`), because a withdrawal may be missing; a fresh copy logs the export in
a local queue (``team-copy.exports.jsonl``) that :func:`push_exports` writes to the team registry
when it is back, where the database re-checks every consent once more (a consent withdrawn
before the export was made is reported as a conflict and logged as ``export.offline_conflict``).
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import sqlalchemy as sa

from prepub.core.consent import records, store
from prepub.core.consent import schema as t
from prepub.core.consent.registry import Registry
from prepub.core.consent.types import (
    ExportRecord, ImportConflict, RegistryError, UnknownEntityError,
)

OUTBOX_NAME = "team-outbox.sqlite3"
COPY_NAME = "team-copy.sqlite3"
# Face references (biometric templates) stay on the server: a laptop's copy is for checking
# consent offline, and a lost laptop must not carry everyone's face encodings.
_COPY_TABLES = ("people", "guardians", "shoots", "consents", "consent_channels",
                "consent_signatures", "exports", "export_files", "export_consents",
                "audit_log")


class StaleCopyError(RegistryError):
    """The offline copy is older than the policy allows for an export."""


# --- the photographer's outbox -----------------------------------------------------------------

def open_outbox(folder: Path | None = None) -> Registry:
    """The laptop's local queue: a personal registry used while the team server is away."""
    path = (folder or store.data_dir()) / OUTBOX_NAME
    return store.open_registry(f"sqlite:///{path}")


@dataclass(frozen=True)
class PushResult:
    shoots: int
    added: int
    unchanged: int
    skipped_withdrawn: int
    conflicts: tuple[ImportConflict, ...]


def pending(outbox: Registry) -> list[str]:
    """Shoots with an audit entry (a consent, a shoot) after their last push, oldest first."""
    last_push: dict[str, int] = {}
    touched: dict[str, int] = {}
    for e in reversed(outbox.audit_entries(limit=1_000_000)):
        sid = e.entity_id if e.entity == "shoot" else e.details.get("shoot_id")
        if not sid:
            continue
        if e.action == "sync.push":
            last_push[sid] = int(e.details.get("upto", e.id))  # what its sheet covered
        elif e.action != "sheet.export":
            touched[sid] = e.id
    return [s for s, i in sorted(touched.items(), key=lambda kv: kv[1]) if i > last_push.get(s, 0)]


def waiting(outbox: Registry) -> int:
    """How many consents the outbox holds that were logged after their shoot's last push (of
    people not erased since): the entries still to sync (what photographer mode shows)."""
    last_push: dict[str, int] = {}
    logged: list[tuple[str, int, str | None]] = []
    for e in reversed(outbox.audit_entries(limit=1_000_000)):
        if e.action == "sync.push" and e.entity_id:
            last_push[e.entity_id] = int(e.details.get("upto", e.id))
        elif e.action == "consent.add" and e.details.get("shoot_id"):
            logged.append((e.details["shoot_id"], e.id, e.details.get("person_id")))
    people = {p.id: p for p in outbox.list_people(include_erased=True)}
    return sum(1 for sid, i, pid in logged if i > last_push.get(sid, 0)
               and not (pid in people and people[pid].erased))


def push(outbox: Registry, team: Registry, *, actor: str | None = None,
         shoots: Sequence[str] | None = None) -> PushResult:
    """Send the outbox's shoots (default: :func:`pending`) to ``team``, one sheet each."""
    from prepub.core.consent.sheet import export_sheet, import_sheet

    todo = list(shoots) if shoots is not None else pending(outbox)
    added = unchanged = skipped = 0
    conflicts: list[ImportConflict] = []
    with tempfile.TemporaryDirectory(prefix="prepub-push-") as tmp:
        for sid in todo:
            upto = outbox.latest_change()  # anything logged after this is sent next time
            sheet = export_sheet(outbox, shoot_id=sid, out_path=Path(tmp), actor=actor)
            res = import_sheet(team, sheet, actor=actor)
            added, unchanged = added + res.added, unchanged + res.unchanged
            skipped += res.skipped_withdrawn
            conflicts += res.conflicts
            outbox.audit(action="sync.push", entity="shoot", entity_id=sid, actor=actor,
                         details={"sheet_id": res.sheet_id, "added": res.added,
                                  "conflicts": len(res.conflicts), "target": team.location,
                                  "upto": upto})
    return PushResult(shoots=len(todo), added=added, unchanged=unchanged,
                      skipped_withdrawn=skipped, conflicts=tuple(conflicts))


# --- the communicator's read-only copy ---------------------------------------------------------

@dataclass(frozen=True)
class CopyInfo:
    synced_at: datetime
    source: str
    audit_head: int  # the newest audit entry copied

    def age(self, now: datetime | None = None) -> timedelta:
        return (now or records.now()) - self.synced_at


def _copy_path(folder: Path | None) -> Path:
    return (folder or store.data_dir()) / COPY_NAME


def _info_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _queue_path(path: Path) -> Path:
    return path.with_name(path.name.replace(".sqlite3", "") + ".exports.jsonl")


def refresh_copy(team: Registry, folder: Path | None = None) -> CopyInfo:
    """Replace the local copy with a snapshot of ``team`` (evidence files stay on the server)."""
    path = _copy_path(folder)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    copy = store.open_registry(f"sqlite:///{tmp}")
    try:
        with team._engine.connect() as src:
            if src.dialect.name == "postgresql":
                src = src.execution_options(isolation_level="REPEATABLE READ")
            with src.begin(), copy._write() as dst:
                erased: list[str] = []
                for name in _COPY_TABLES:
                    table = t.metadata.tables[name]
                    rows = [dict(r._mapping) for r in src.execute(sa.select(table))]
                    if name == "people":  # (the guard: no consent for an erased person)
                        erased = [r["id"] for r in rows if r["erased"]]
                        for r in rows:
                            r["erased"] = False
                    if rows:
                        dst.execute(table.insert(), rows)
                    if name == "consents" and erased:
                        dst.execute(t.people.update().where(t.people.c.id.in_(erased))
                                    .values(erased=True))
                head = int(dst.execute(sa.select(sa.func.max(t.audit_log.c.id))).scalar() or 0)
        if not copy.verify_audit().ok:
            raise RegistryError("the copied audit log does not verify; the old copy was kept")
    except BaseException:
        copy.close()
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink(missing_ok=True)
        raise
    store.checkpoint(copy._engine)  # everything in the main file before it is moved
    copy.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)
    info = CopyInfo(synced_at=records.now(), source=team.location, audit_head=head)
    _write_json(_info_path(path), {"synced_at": info.synced_at.isoformat(),
                                   "source": info.source, "audit_head": head})
    return info


def copy_info(folder: Path | None = None) -> CopyInfo | None:
    """When the local copy was taken, or None when there is none."""
    p = _info_path(_copy_path(folder))
    try:
        d = json.loads(p.read_text("utf-8"))
        return CopyInfo(synced_at=datetime.fromisoformat(d["synced_at"]), source=d["source"],
                        audit_head=int(d["audit_head"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ReadOnlyRegistry(Registry):
    """The offline copy: every read works; changes are refused, except logging an export
    (queued for the team registry) while the copy is younger than ``max_age``."""

    def __init__(self, *, info: CopyInfo, max_age: timedelta, queue: Path, **kw: Any) -> None:
        super().__init__(**kw)
        self.info, self.max_age, self._queue = info, max_age, queue

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        raise RegistryError(f"this is a read-only copy of the team registry "
                            f"(taken {self.info.synced_at.isoformat(timespec='minutes')}); "
                            "changes need the server")
        yield  # pragma: no cover

    def too_old(self, now: datetime | None = None) -> bool:
        return self.info.age(now) > self.max_age

    def record_export(self, *, bundle_path: str | Path, draft_id: str | None,
                      files: Mapping[str, str], consent_ids: Sequence[str],
                      actor: str | None = None) -> ExportRecord:
        if self.too_old():
            hours = self.info.age().total_seconds() / 3600
            raise StaleCopyError(
                f"the offline copy of the team registry is {hours:.0f} h old, more than the "
                f"policy's {self.max_age.total_seconds() / 3600:.0f} h: a withdrawal may be "
                "missing, so nothing is exported until the copy is refreshed")
        with self._read() as conn:
            from prepub.core.consent import consents as _consents

            for cid in consent_ids:
                _consents.get(conn, cid)
            at = records.now()
            _consents.recheck(conn, consent_ids, at=at)
        rec = ExportRecord(id=str(uuid.uuid4()), at=at, bundle_path=str(bundle_path),
                           draft_id=draft_id, files=dict(files),
                           consent_ids=tuple(sorted(set(consent_ids))))
        self._enqueue({"kind": "export", "id": rec.id, "at": at.isoformat(),
                       "bundle_path": rec.bundle_path, "draft_id": draft_id, "files": rec.files,
                       "consent_ids": list(rec.consent_ids), "actor": actor})
        return rec

    def audit(self, *, action: str, entity: str, entity_id: str | None = None,
              details: Mapping[str, Any] | None = None, actor: str | None = None) -> Any:
        self._enqueue({"kind": "audit", "action": action, "entity": entity,
                       "entity_id": entity_id, "details": dict(details or {}), "actor": actor,
                       "at": records.now().isoformat()})

    def _enqueue(self, item: dict[str, Any]) -> None:
        fd = os.open(self._queue, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())


def open_copy(folder: Path | None = None, *, max_age_hours: float,
              url: str | None = None) -> ReadOnlyRegistry:
    """The local copy as a read-only registry; RegistryError when there is none, or when
    ``url`` (the team registry wanted; None: the default address) is not the one it was
    copied from."""
    path = _copy_path(folder)
    info = copy_info(folder)
    if info is None or not path.exists():
        raise RegistryError("there is no offline copy of the team registry on this computer")
    if info.source != location_of(url):  # None: the address PREPUB_REGISTRY_URL names
        raise RegistryError(f"the offline copy on this computer is of another registry "
                            f"({info.source})")
    reg = store.open_registry(f"sqlite:///{path}")
    reg.close()  # opened once to check and migrate it; reopened read-only below
    engine = store.make_engine(sa.engine.make_url(f"sqlite:///{path}"))
    return ReadOnlyRegistry(engine=engine, evidence_dir=path.parent / "evidence",
                            location=f"{path} (offline copy)", info=info,
                            max_age=timedelta(hours=max_age_hours), queue=_queue_path(path))


def location_of(url: str | None) -> str:
    """How a registry at ``url`` names itself (:attr:`Registry.location`: no password)."""
    u, path = store.resolve_url(url)
    return str(path) if path is not None else u.render_as_string(hide_password=True)


def unopened(url: str, *, password: str | None = None) -> Registry:
    """A handle on a team registry that did not answer: its engine, not yet connected and not
    checked. Only for a :class:`~prepub.core.consent.watch.RegistryWatcher` (give it ``since``)
    that reports when the server answers again; then open it with :func:`store.open_registry`."""
    u, _path = store.resolve_url(url)
    engine = store.make_engine(u, password=password)
    return Registry(engine=engine, evidence_dir=store.data_dir() / "evidence",
                    location=u.render_as_string(hide_password=True))


@dataclass(frozen=True)
class ExportPushResult:
    exports: int
    audit_entries: int
    conflicts: tuple[str, ...]  # export ids the team registry refused (a consent withdrawn)


def push_exports(team: Registry, folder: Path | None = None) -> ExportPushResult:
    """Write the exports logged offline into ``team`` (each once), then empty the queue."""
    queue = _queue_path(_copy_path(folder))
    if not queue.exists():
        return ExportPushResult(0, 0, ())
    items = [json.loads(line) for line in queue.read_text("utf-8").splitlines() if line.strip()]
    n_exp = n_audit = 0
    conflicts: list[str] = []
    for it in items:
        if it["kind"] == "audit":
            team.audit(action=it["action"], entity=it["entity"], entity_id=it["entity_id"],
                       details={**it["details"], "offline": True}, actor=it["actor"])
            n_audit += 1
            continue
        with team._read() as conn:
            if conn.execute(sa.select(t.exports.c.id).where(t.exports.c.id == it["id"])).first():
                continue  # pushed before
        try:
            with team._write() as conn:
                _insert_export(conn, it)
            n_exp += 1
        except (RegistryError, sa.exc.IntegrityError):
            conflicts.append(it["id"])
            team.audit(action="export.offline_conflict", entity="export", entity_id=it["id"],
                       actor=it["actor"], details={"consent_ids": it["consent_ids"],
                                                   "at": it["at"], "draft_id": it["draft_id"]})
        except UnknownEntityError:
            conflicts.append(it["id"])
    queue.unlink()
    return ExportPushResult(n_exp, n_audit, tuple(conflicts))


def _insert_export(conn: sa.Connection, it: dict[str, Any]) -> None:
    at = datetime.fromisoformat(it["at"])
    conn.execute(t.exports.insert().values(id=it["id"], at=at, bundle_path=it["bundle_path"],
                                           draft_id=it["draft_id"]))
    if it["files"]:
        conn.execute(t.export_files.insert(), [{"export_id": it["id"], "name": n, "sha256": h}
                                               for n, h in it["files"].items()])
    if it["consent_ids"]:
        conn.execute(t.export_consents.insert(), [{"export_id": it["id"], "consent_id": c}
                                                  for c in it["consent_ids"]])
    records.write_audit(conn, actor=it["actor"], action="export.record", entity="export",
                        entity_id=it["id"], at=at,
                        details={"bundle_path": it["bundle_path"], "draft_id": it["draft_id"],
                                 "files": it["files"], "consent_ids": it["consent_ids"],
                                 "offline": True})


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
