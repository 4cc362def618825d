"""Post drafts: the human-readable ``*.prepub.json`` document a communicator opens and saves.

A draft holds the post text, the target channels, the images, and per image what the user
filled in (photographer, context, source, alt text) and decided per detected face (a person from
the registry, not identifiable, or blur on export). It is versioned (``version``), written
atomically (temporary file, fsync, rename), autosaved beside itself (``<file>.autosave``) so a
crash loses at most the last few seconds, and it keeps every field it does not know, so a draft
saved by a newer Prepub survives a round trip through an older one.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Sequence

from prepub.core import clock

FORMAT = "prepub.draft"
VERSION = 1
SUFFIX = ".prepub.json"

DECISIONS = ("person", "not_identifiable", "blur")
SOURCE_KINDS = ("own", "stock", "partner", "unknown")


class DraftError(ValueError):
    """A draft file that cannot be opened, with the reason in plain words."""


@dataclass
class FaceDecision:
    """What the user decided about one detected face. ``box`` identifies the face across runs."""

    index: int
    box: list[int]
    decision: str | None = None  # one of DECISIONS, or None while undecided
    person_id: str | None = None  # registry person id when decision == "person"
    confirmed_adult: bool = False  # the user confirmed a possible minor is an adult
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    what: str = ""
    where: str = ""
    when: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def given(self) -> bool:
        return bool(self.what.strip()) and bool(self.where.strip() or self.when.strip())


@dataclass
class Source:
    """Where the photo comes from. ``kind`` starts as ``own`` for a new image; once the file
    has been read (:func:`prefill_from_file`) it is ``unknown`` instead when the file names a
    creator or rights holder other than the organisation, so the user must say what it is."""

    kind: str = "own"  # own, stock, partner, unknown
    licence: str = ""  # licence reference for stock, agreement for partner
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DraftImage:
    path: str
    sha256: str | None = None
    photographer: str = ""
    context: Context = field(default_factory=Context)
    source: Source = field(default_factory=Source)
    alt_text: str = ""
    caption: str = ""
    shoot_id: str | None = None
    faces: list[FaceDecision] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def face(self, index: int) -> FaceDecision | None:
        for f in self.faces:
            if f.index == index:
                return f
        return None

    def decide(self, index: int, box: list[int] | tuple[int, ...], decision: str | None, *,
               person_id: str | None = None, confirmed_adult: bool | None = None) -> FaceDecision:
        if decision is not None and decision not in DECISIONS:
            raise ValueError(f"unknown face decision {decision!r}")
        f = self.face(index)
        if f is None:
            f = FaceDecision(index=index, box=list(box))
            self.faces.append(f)
            self.faces.sort(key=lambda x: x.index)
        f.box = list(box)
        f.decision = decision
        f.person_id = person_id if decision == "person" else None
        if confirmed_adult is not None:
            f.confirmed_adult = confirmed_adult
        return f


@dataclass
class Override:
    rule: str
    reason: str
    subject: str | None = None
    by: str = ""
    at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Draft:
    text: str = ""
    channels: list[str] = field(default_factory=list)
    channel_texts: dict[str, str] = field(default_factory=dict)  # per-channel edits of the text
    images: list[DraftImage] = field(default_factory=list)
    language: str | None = None  # the user's override of the detected language
    scheduled_at: str | None = None  # ISO 8601 with offset
    trip_ended: bool = False  # the user states any trip shown has ended
    overrides: list[Override] = field(default_factory=list)
    title: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=lambda: _now())
    modified: str = field(default_factory=lambda: _now())
    extra: dict[str, Any] = field(default_factory=dict)

    def image(self, path: str | os.PathLike[str]) -> DraftImage | None:
        p = str(path)
        for im in self.images:
            if im.path == p:
                return im
        return None

    def add_image(self, path: str | os.PathLike[str], *, sha256: str | None = None) -> DraftImage:
        existing = self.image(path)
        if existing is not None:
            return existing
        im = DraftImage(path=str(path), sha256=sha256)
        self.images.append(im)
        return im

    def text_for(self, channel: str) -> str:
        return self.channel_texts.get(channel) or self.text

    def override_for(self, rule: str, subject: str | None) -> Override | None:
        for o in self.overrides:
            if o.rule == rule and (o.subject is None or o.subject == subject):
                return o
        return None

    # --- serialisation -----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, **_dump(self)}

    @classmethod
    def from_json(cls, data: Any) -> "Draft":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DraftError("this is not a Prepub draft (the 'format' field is missing or wrong)")
        v = data.get("version")
        if not isinstance(v, int) or v < 1:
            raise DraftError("the draft has no valid 'version'")
        body = {k: x for k, x in data.items() if k not in ("format", "version")}
        if v > VERSION:
            body.setdefault("extra", {})["_saved_by_version"] = v
        try:
            return _load(cls, body)
        except (TypeError, ValueError, AttributeError) as e:
            raise DraftError(f"the draft is damaged: {e}") from None


# --- filling in from the file -----------------------------------------------------------------

#: ``Source.extra`` keys: the file's rights were looked at once (the user's later choice of
#: kind is never overridden), and the other rights holder the file names, if any.
RIGHTS_CHECKED = "rights_checked"
RIGHTS_HOLDER = "rights_holder"


def prefill_from_file(im: DraftImage, md: Any, *, own_names: Sequence[str] = (),
                      people: Sequence[str] = ()) -> bool:
    """Fill ``im``'s empty fields with what the file says (the user sees and can change them):
    the photographer (creator), the day it was taken, and, once per image, the source kind.

    The kind, still at its default ``own``, becomes ``unknown`` when the file names a rights
    holder (copyright notice, credit line, PLUS owner or licensor) that is none of
    ``own_names`` (the organisation and its people; see :func:`own_rights_names`), or a
    creator who is not one of ``people`` when the organisation lists its people. The check is
    made once (``source.extra["rights_checked"]``), so a kind the user chose later stands when
    the draft is opened and analysed again. Returns whether anything changed."""
    if md is None:
        return False
    changed = False
    creator = getattr(md, "photographer", None)
    if not im.photographer.strip() and creator is not None and str(creator.value).strip():
        im.photographer = str(creator.value).strip()
        changed = True
    taken = getattr(md, "taken_at", None)
    if not im.context.when.strip() and taken is not None:
        when = taken.value
        im.context.when = when.date().isoformat() if hasattr(when, "date") else str(when)
        changed = True
    if not im.source.extra.get(RIGHTS_CHECKED):
        im.source.extra[RIGHTS_CHECKED] = True
        holder = foreign_rights_holder(md, own_names=own_names, people=people)
        if holder:
            im.source.extra[RIGHTS_HOLDER] = holder
            if (im.source.kind or "own") == "own" and not im.source.licence.strip():
                im.source.kind = "unknown"
        changed = True
    return changed


def own_rights_names(policy: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(own_names, people)`` for :func:`prefill_from_file` from a policy: the organisation's
    name and its listed people, and the people alone."""
    people = tuple(" ".join(str(p).split()) for p in
                   (getattr(getattr(policy, "organisation", None), "people", None) or ()) if str(p).strip())
    name = str(getattr(policy, "name", "") or "").strip()
    return ((name,) if name else ()) + people, people


def foreign_rights_holder(md: Any, *, own_names: Sequence[str] = (),
                          people: Sequence[str] = ()) -> str | None:
    """Who other than the organisation the file names as rights holder or creator, or None.

    The rights holders are the PLUS copyright owners and licensors and the copyright notice;
    when one of them names the organisation (or one of its people) the photo is taken to be
    its own. Without any, a credit line naming someone else counts. A notice that names
    nobody ("All rights reserved", "Copyright") names no holder. The creator counts only when
    the organisation lists its people and the creator is none of them. The answer is the
    credit line when there is one (the shortest way to say whose it is), else the holder."""
    own = [_fold(n) for n in own_names if _fold(n)]

    def ours(text: str) -> bool:
        t = _fold(text)
        return any(n in t for n in own)

    def text_of(t: Any) -> str:
        value = " ".join(str(getattr(t, "value", "") or "").split())
        return value if _names_someone(value) else ""

    holders = [v for v in (text_of(t) for t in (*(getattr(md, "rights_holders", ()) or ()),
                                                 getattr(md, "copyright", None))) if v]
    credit = text_of(getattr(md, "credit", None))
    found = ""
    if holders:
        if not any(ours(h) for h in holders):
            found = credit if credit and not ours(credit) else holders[0]
    elif credit:
        found = "" if ours(credit) else credit
    else:
        creator = text_of(getattr(md, "photographer", None))
        if creator and people and not any(_fold(p) and _fold(p) in _fold(creator) for p in people):
            found = creator
    if not found:
        return None
    return found if len(found) <= 200 else found[:199] + "…"


_NOT_A_NAME = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b\d{4}\b|\bby\b",
                         re.IGNORECASE)


def _names_someone(text: str) -> bool:
    rest = _NOT_A_NAME.sub(" ", text)
    return sum(ch.isalpha() for ch in rest) >= 2


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


# --- files ------------------------------------------------------------------------------------

def load_draft(path: str | os.PathLike[str]) -> Draft:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DraftError(f"{p}: no such draft") from None
    except UnicodeDecodeError:
        raise DraftError(f"{p}: the draft is not UTF-8 text") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise DraftError(f"{p}:{e.lineno}: the draft is not valid JSON ({e.msg})") from None
    draft = Draft.from_json(data)
    # Image paths are stored relative to the draft when they lie beside or below it.
    for im in draft.images:
        ip = Path(im.path)
        if not ip.is_absolute():
            im.path = str((p.parent / ip).resolve())
    return draft


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> Path:
    """Write ``draft`` atomically; removes a stale autosave afterwards."""
    p = Path(path)
    draft.modified = _now()
    data = draft.to_json()
    for im in data["images"]:
        try:
            im["path"] = os.path.relpath(im["path"], p.parent.resolve())
            if im["path"].startswith(".." + os.sep + ".."):
                im["path"] = str(Path(im["path"]).resolve())
        except ValueError:  # another drive on Windows
            pass
    _atomic_write(p, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    auto = autosave_path(p)
    if auto.exists():
        auto.unlink()
    return p


def autosave_path(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".autosave")


def autosave(draft: Draft, path: str | os.PathLike[str]) -> Path:
    """Write the autosave copy beside ``path`` (never the draft itself)."""
    a = autosave_path(path)
    data = draft.to_json()
    _atomic_write(a, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return a


def recoverable(path: str | os.PathLike[str]) -> Path | None:
    """The autosave of ``path`` when it is newer than the draft (a crash left it), else None."""
    p, a = Path(path), autosave_path(path)
    if not a.exists():
        return None
    if not p.exists() or a.stat().st_mtime > p.stat().st_mtime:
        return a
    return None


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _now() -> str:
    return clock.local_now().isoformat(timespec="seconds")


# --- generic dataclass <-> JSON keeping unknown fields -----------------------------------------



def _dump(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        out: dict[str, Any] = {}
        for f in fields(obj):
            if f.name == "extra":
                continue
            out[f.name] = _dump(getattr(obj, f.name))
        out.update(getattr(obj, "extra", {}) or {})
        return out
    if isinstance(obj, list):
        return [_dump(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _dump(v) for k, v in obj.items()}
    return obj


def _load(cls: type, data: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    known = {f.name: f for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = dict(data.get("extra", {})) if isinstance(data.get("extra"), dict) else {}
    for k, v in data.items():
        if k == "extra":
            continue
        if k not in known:
            extra[k] = v
            continue
        sub = _SUBTYPES.get((cls, k))
        if sub is not None:
            t, many = sub
            kwargs[k] = [_load(t, x) for x in (v or [])] if many else _load(t, v or {})
        else:
            kwargs[k] = v
    if "extra" in known:
        kwargs["extra"] = extra
    return cls(**kwargs)


_SUBTYPES: dict[tuple[type, str], tuple[type, bool]] = {
    (Draft, "images"): (DraftImage, True),
    (Draft, "overrides"): (Override, True),
    (DraftImage, "context"): (Context, False),
    (DraftImage, "source"): (Source, False),
    (DraftImage, "faces"): (FaceDecision, True),
}

__all__ = ["Draft", "DraftImage", "FaceDecision", "Context", "Source", "Override", "DraftError",
           "load_draft", "save_draft", "autosave", "autosave_path", "recoverable", "asdict",
           "prefill_from_file", "own_rights_names", "foreign_rights_holder"]
