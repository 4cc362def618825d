"""Post drafts: the human-readable ``*.prepub.json`` document a communicator opens and saves.

A draft holds the post text, the target channels, the images, and per image what the user
filled in (photographer, context, source, alt text) and decided per detected face (a person from
the registry, not identifiable, or blur on export). It is versioned (``version``), written
atomically (temporary file, fsync, rename), autosaved beside itself (``<file>.autosave``) so a
crash loses at most the last few seconds, and it keeps every field it does not know, so a draft
saved by a newer Prepub survives a round trip through an older one.

The dataclasses below are the format's one declaration: every known field with its strict type
and range (``"false"`` is text, not false; a face box is four whole numbers inside the largest
picture Prepub decodes). :func:`load_draft` validates a file against them and reports the first
mistake as a :class:`DraftError` naming the file, the line and the field; unknown fields are
kept in ``extra``, untyped, and written back as they were.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Sequence

from pydantic import (
    AfterValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr, TypeAdapter,
    ValidationError, with_config,
)

from prepub.core import clock, jsondoc
from prepub.core.inputfiles import FileTooLarge, NotRegularFile, read_regular

FORMAT = "prepub.draft"
VERSION = 1
SUFFIX = ".prepub.json"

DECISIONS = ("person", "not_identifiable", "blur")
SOURCE_KINDS = ("own", "stock", "partner", "unknown")

MAX_DRAFT_BYTES = 32 * 1024 * 1024
MAX_IMAGES = 10_000
MAX_FACES = 10_000  # per image
MAX_COORD = 1_000_000  # px: beyond any picture Prepub decodes (imageio.MAX_PIXELS)


class DraftError(ValueError):
    """A draft file that cannot be opened, with the reason in plain words; ``path``, ``line``
    and ``field`` say where (each may be None or "")."""

    def __init__(self, text: str, *, path: str | None = None, line: int | None = None,
                 field: str = "") -> None:
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + text)
        self.path, self.line, self.field = path, line, field


# --- the declaration: field types and ranges ----------------------------------------------------

def _ordered_box(box: list[int]) -> list[int]:
    if box[2] < box[0] or box[3] < box[1]:
        raise ValueError("[left, top, right, bottom] with right ≥ left and bottom ≥ top")
    return box


def _iso_time(value: str) -> str:
    if value.strip():
        try:
            datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("a time like 2026-12-01T10:00+01:00") from None
    return value


def _file_path(value: str) -> str:
    if "\x00" in value:
        raise ValueError("a file path (this one holds a NUL character)")
    return value


def _unique_faces(faces: list[Any]) -> list[Any]:
    seen: set[int] = set()
    for f in faces:
        if f.index in seen:
            raise ValueError(f"a list with each face once (face {f.index} appears twice)")
        seen.add(f.index)
    return faces


Coord = Annotated[StrictInt, Field(ge=0, le=MAX_COORD)]
Box = Annotated[list[Coord], Field(min_length=4, max_length=4), AfterValidator(_ordered_box)]
FaceIndex = Annotated[StrictInt, Field(ge=0, lt=MAX_FACES)]
Decision = Literal["person", "not_identifiable", "blur"]
SourceKind = Literal["own", "stock", "partner", "unknown"]
Sha256 = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
ImagePath = Annotated[StrictStr, Field(min_length=1, max_length=4096), AfterValidator(_file_path)]
Time = Annotated[StrictStr, Field(max_length=64), AfterValidator(_iso_time)]
Id = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Extra = dict[str, Any]

_KNOWN_ONLY = ConfigDict(extra="forbid")


@with_config(_KNOWN_ONLY)
@dataclass
class FaceDecision:
    """What the user decided about one detected face. ``box`` identifies the face across runs."""

    index: FaceIndex
    box: Box
    decision: Decision | None = None  # one of DECISIONS, or None while undecided
    person_id: StrictStr | None = None  # registry person id when decision == "person"
    confirmed_adult: StrictBool = False  # the user confirmed a possible minor is an adult
    extra: Extra = field(default_factory=dict)


@with_config(_KNOWN_ONLY)
@dataclass
class Context:
    what: StrictStr = ""
    where: StrictStr = ""
    when: StrictStr = ""
    extra: Extra = field(default_factory=dict)

    @property
    def given(self) -> bool:
        return bool(self.what.strip()) and bool(self.where.strip() or self.when.strip())


@with_config(_KNOWN_ONLY)
@dataclass
class Source:
    """Where the photo comes from. ``kind`` starts as ``own`` for a new image; once the file
    has been read (:func:`prefill_from_file`) it is ``unknown`` instead when the file names a
    creator or rights holder other than the organisation, so the user must say what it is."""

    kind: SourceKind = "own"  # own, stock, partner, unknown
    licence: StrictStr = ""  # licence reference for stock, agreement for partner
    extra: Extra = field(default_factory=dict)


@with_config(_KNOWN_ONLY)
@dataclass
class DraftImage:
    path: ImagePath
    sha256: Sha256 | None = None
    photographer: StrictStr = ""
    context: Context = field(default_factory=Context)
    source: Source = field(default_factory=Source)
    alt_text: StrictStr = ""
    caption: StrictStr = ""
    shoot_id: StrictStr | None = None
    faces: Annotated[list[FaceDecision], Field(max_length=MAX_FACES),
                     AfterValidator(_unique_faces)] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)

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
        f.decision = decision  # type: ignore[assignment]
        f.person_id = person_id if decision == "person" else None
        if confirmed_adult is not None:
            f.confirmed_adult = confirmed_adult
        return f


@with_config(_KNOWN_ONLY)
@dataclass
class Override:
    rule: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    reason: StrictStr
    subject: StrictStr | None = None
    by: StrictStr = ""
    at: StrictStr = ""
    extra: Extra = field(default_factory=dict)


@with_config(_KNOWN_ONLY)
@dataclass
class Draft:
    text: StrictStr = ""
    channels: list[Annotated[StrictStr, Field(max_length=100)]] = field(default_factory=list)
    channel_texts: dict[StrictStr, StrictStr] = field(default_factory=dict)  # per-channel edits
    images: Annotated[list[DraftImage], Field(max_length=MAX_IMAGES)] = field(default_factory=list)
    language: Annotated[StrictStr, Field(max_length=16)] | None = None  # the user's override
    scheduled_at: Time | None = None  # ISO 8601 with offset
    trip_ended: StrictBool = False  # the user states any trip shown has ended
    overrides: list[Override] = field(default_factory=list)
    title: StrictStr = ""
    id: Id = field(default_factory=lambda: uuid.uuid4().hex)
    created: StrictStr = field(default_factory=lambda: _now())
    modified: StrictStr = field(default_factory=lambda: _now())
    extra: Extra = field(default_factory=dict)

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
    def from_json(cls, data: Any, *, text: str | None = None, path: str | None = None) -> "Draft":
        """Validate ``data`` (parsed JSON) against the declaration; raises :class:`DraftError`.
        ``text`` (the file's text) and ``path`` let the error name the line and the file."""
        def fail(text_: str, loc: Sequence[Any]) -> DraftError:
            line = jsondoc.line_of(text, loc) if text is not None else None
            return DraftError(text_, path=path, line=line, field=jsondoc.field_path(loc))

        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise fail("this is not a Prepub draft (the 'format' field is missing or wrong)",
                       ["format"] if isinstance(data, dict) and "format" in data else [])
        v = data.get("version")
        if type(v) is not int or v < 1:
            raise fail("the draft has no valid 'version' (a whole number, 1 or more)",
                       ["version"] if "version" in data else [])
        body = _sort_unknown(Draft, {k: x for k, x in data.items() if k not in ("format", "version")})
        try:
            draft = _SCHEMA.validate_python(body)
        except ValidationError as e:
            p = jsondoc.explain(e, text)
            raise DraftError(f"the draft is damaged: {p.text}", path=path, line=p.line,
                             field=p.field) from None
        if v > VERSION:
            draft.extra["_saved_by_version"] = v
        return draft


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
    """Open a draft; raises :class:`DraftError` naming the file, the line and the field for
    anything that is not a valid draft (a FIFO or a device is refused without waiting)."""
    p = Path(path)
    try:
        raw = read_regular(p, limit=MAX_DRAFT_BYTES)
    except FileNotFoundError:
        raise DraftError("no such draft", path=str(p)) from None
    except IsADirectoryError:
        raise DraftError("this is a folder, not a draft", path=str(p)) from None
    except NotRegularFile as e:
        raise DraftError(f"this is {e.kind}, not a draft file", path=str(p)) from None
    except FileTooLarge as e:
        raise DraftError(f"the file is too large for a draft ({e.strerror})", path=str(p)) from None
    except OSError as e:
        raise DraftError(f"the draft cannot be read ({e.strerror or e})", path=str(p)) from None
    try:
        text = jsondoc.decode(raw)
        data = jsondoc.parse(text)
    except jsondoc.Problem as e:
        what = "the draft is not UTF-8 text" if "UTF-8" in e.text else f"not a valid draft: {e.text}"
        raise DraftError(what, path=str(p), line=e.line) from None
    draft = Draft.from_json(data, text=text, path=str(p))
    # Image paths are stored relative to the draft when they lie beside or below it.
    for im in draft.images:
        ip = Path(im.path)
        if not ip.is_absolute():
            try:
                im.path = str((p.parent / ip).resolve())
            except (OSError, RuntimeError, ValueError) as e:  # a symlink loop, say
                raise DraftError(f"the image path {im.path!r} cannot be resolved ({e})",
                                 path=str(p)) from None
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


# --- dataclass <-> JSON keeping unknown fields ------------------------------------------------

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


def _sort_unknown(cls: type, data: Any) -> Any:
    """``data`` with every key ``cls`` does not declare moved into ``extra`` (also in the
    nested objects); anything not shaped as expected is left for the validator to refuse."""
    if not isinstance(data, dict):
        return data
    known = {f.name for f in fields(cls)} - {"extra"}
    out: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for k, v in data.items():
        if k not in known:
            extra[k] = v
            continue
        sub = _SUBTYPES.get((cls, k))
        if sub is not None:
            t, many = sub
            if many and isinstance(v, list):
                v = [_sort_unknown(t, x) for x in v]
            elif not many:
                v = _sort_unknown(t, v)
        out[k] = v
    out["extra"] = extra
    return out


_SUBTYPES: dict[tuple[type, str], tuple[type, bool]] = {
    (Draft, "images"): (DraftImage, True),
    (Draft, "overrides"): (Override, True),
    (DraftImage, "context"): (Context, False),
    (DraftImage, "source"): (Source, False),
    (DraftImage, "faces"): (FaceDecision, True),
}

_SCHEMA: TypeAdapter[Draft] = TypeAdapter(Draft)

__all__ = ["Draft", "DraftImage", "FaceDecision", "Context", "Source", "Override", "DraftError",
           "load_draft", "save_draft", "autosave", "autosave_path", "recoverable", "asdict",
           "prefill_from_file", "own_rights_names", "foreign_rights_holder"]
