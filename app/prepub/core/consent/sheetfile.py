"""The consent-sheet file: one zip holding ``sheet.json`` and ``evidence/<sha256>`` files.

:class:`SheetReader` opens and checks the zip, :class:`SheetData` checks the JSON against the
format's one declaration (:class:`SheetDoc` and its parts: strict types, so ``"false"`` is text
and never agreement to face matching; ranges; each face encoding 128 finite numbers) and
reports the first mistake with the field and its line in ``sheet.json``; :func:`write_sheet`
writes one. Fields the declaration does not know are ignored (a sheet from a newer Prepub is
refused by its version).

Reading is defensive, because a sheet arrives from another computer: only those two kinds of
entry are accepted (no other names, no ``..``, no absolute or backslash paths, no duplicates, no
encrypted entries), sizes are capped both as declared and as actually decompressed, and every
evidence file must hash to its name. Nothing is ever extracted to the file system by name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from pydantic import (
    AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError,
)

from prepub.core import jsondoc
from prepub.core.consent.evidence import MAX_EVIDENCE_BYTES
from prepub.core.consent.types import RegistryError, Signature
from prepub.core.inputfiles import NotRegularFile, open_regular

FORMAT = "prepub.consent-sheet"
VERSION = 1
SUFFIX = ".prepub-consent.zip"
SHEET_JSON = "sheet.json"
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 5000
_EVIDENCE = re.compile(r"^evidence/([0-9a-f]{64})$")
_CHUNK = 1 << 20


class SheetError(RegistryError):
    """A consent sheet that cannot be read or imported; nothing from it was applied."""


def write_sheet(out: Path, data: dict[str, Any], evidence: dict[str, Path]) -> Path:
    """Write the zip atomically (temporary file, fsync, rename), mode 0600."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + out.name + ".", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(SHEET_JSON, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
                for sha, src in sorted(evidence.items()):
                    zf.write(src, f"evidence/{sha}")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    return out


class SheetReader:
    """An opened, structurally checked sheet. Use as a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.text = ""
        try:
            self._file = open_regular(self.path)  # a FIFO or a device is refused, never waited on
        except FileNotFoundError:
            raise SheetError(f"{self.path}: no such file") from None
        except NotRegularFile as e:
            raise SheetError(f"{self.path}: not a consent sheet (this is {e.kind})") from None
        except OSError as e:
            raise SheetError(f"{self.path}: the sheet cannot be read ({e.strerror or e})") from None
        try:
            self._zip = zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
            self._file.close()
            raise SheetError(f"{self.path}: not a consent sheet (not a readable zip: {e})") from None
        try:
            self.evidence_names = self._check_entries()
            self.data = self._read_json()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self._zip.close()
        self._file.close()

    def __enter__(self) -> "SheetReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fail(self, text: str) -> SheetError:
        return SheetError(f"{self.path}: {text}")

    def _check_entries(self) -> set[str]:
        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self._fail(f"the sheet holds more than {MAX_ENTRIES} files")
        names: set[str] = set()
        evidence: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if name in names:
                raise self._fail(f"the entry {name!r} appears twice")
            names.add(name)
            if info.flag_bits & 0x1:
                raise self._fail(f"the entry {name!r} is encrypted")
            if name == SHEET_JSON:
                limit = MAX_JSON_BYTES
            else:
                m = _EVIDENCE.match(name)
                if m is None:
                    raise self._fail(f"unexpected entry {name!r} (a sheet holds only sheet.json and "
                                     "evidence/<sha256>; paths outside are refused)")
                evidence.add(m.group(1))
                limit = MAX_EVIDENCE_BYTES
            if info.file_size > limit:
                raise self._fail(f"the entry {name!r} is larger than allowed")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise self._fail("the sheet is larger than allowed when unpacked")
        if SHEET_JSON not in names:
            raise self._fail("sheet.json is missing")
        return evidence

    def _read_limited(self, name: str, limit: int) -> Iterator[bytes]:
        """Decompressed content in blocks, failing past ``limit`` whatever the header claims."""
        got = 0
        try:
            with self._zip.open(name) as fh:
                for block in iter(lambda: fh.read(_CHUNK), b""):
                    got += len(block)
                    if got > limit:
                        raise self._fail(f"the entry {name!r} is larger than allowed")
                    yield block
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as e:
            raise self._fail(f"the entry {name!r} is damaged ({e})") from None

    def _read_json(self) -> dict[str, Any]:
        raw = b"".join(self._read_limited(SHEET_JSON, MAX_JSON_BYTES))
        try:
            self.text = jsondoc.decode(raw)
            data = jsondoc.parse(self.text)
        except jsondoc.Problem as e:
            where = f"sheet.json:{e.line}" if e.line else "sheet.json"
            raise self._fail(f"{where}: this is not a valid sheet ({e.text})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self._fail("this is not a Prepub consent sheet (wrong 'format')")
        v = data.get("version")
        if type(v) is not int or v < 1:
            raise self._fail("the sheet has no valid 'version'")
        if v > VERSION:
            raise self._fail(f"the sheet was made by a newer Prepub (version {v}); update Prepub")
        return data

    def hash_evidence(self, sha: str) -> str:
        """The SHA-256 of the stored entry ``evidence/<sha>`` (reads it through the size cap)."""
        h = hashlib.sha256()
        for block in self._read_limited(f"evidence/{sha}", MAX_EVIDENCE_BYTES):
            h.update(block)
        return h.hexdigest()

    def open_evidence(self, sha: str) -> "_LimitedStream":
        return _LimitedStream(self._read_limited(f"evidence/{sha}", MAX_EVIDENCE_BYTES))


# --- the declaration of sheet.json -------------------------------------------------------------

ENCODING_DIM = 128


def _iso_date(v: Any) -> Any:
    if isinstance(v, str):
        try:
            return date.fromisoformat(v)
        except ValueError:
            raise ValueError("a date (YYYY-MM-DD)") from None
    return v


def _iso_time(v: Any) -> Any:
    if isinstance(v, str):
        try:
            return datetime.fromisoformat(v)
        except ValueError:
            raise ValueError("a date and time (ISO 8601)") from None
    return v


def _non_blank(v: str) -> str:
    if not v.strip():
        raise ValueError("non-empty text")
    return v


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
IsoTime = Annotated[datetime, BeforeValidator(_iso_time)]
Ident = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_non_blank)]
Text = Annotated[str, Field(max_length=10_000)]
Relation = Literal["staff", "elected", "member", "public", "external"]  # types.RELATIONS
GuardianRelation = Literal["parent", "custodian", "guardian", "other"]  # types.GUARDIAN_RELATIONS
Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e6, le=1e6)]


class _Part(BaseModel):
    """A part of sheet.json: strict types (``"false"`` is text, ``1`` is not true), unknown
    fields ignored, immutable."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class SheetShoot(_Part):
    id: Ident
    photographer: Ident
    date: IsoDate
    place: Text | None = ""
    event: Text | None = ""
    notes: Text | None = ""


class SheetPerson(_Part):
    id: Ident
    name: Ident
    relation: Relation
    protected_identity: bool = False
    birth_year: Annotated[int, Field(ge=1880, le=2200)] | None = None
    is_minor: bool | None = None
    matching_consent: bool = False


class SheetGuardian(_Part):
    id: Ident
    child_id: Ident
    name: Text | None = ""
    relation: GuardianRelation
    contact: Text | None = ""


class SheetSignature(_Part):
    signer: Ident
    signed_at: IsoTime


class SheetEvidence(_Part):
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    filename: Annotated[str, Field(max_length=500)] | None = None
    path: Annotated[str, Field(max_length=500)] | None = None


class SheetConsent(_Part):
    id: Ident
    person_id: Ident
    given_on: IsoDate
    channels: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=100)]
    purpose: Text | None = ""
    expires_on: IsoDate | None = None
    withdrawn_at: IsoTime | None = None
    withdrawal_reason: Text | None = ""
    signatures: Annotated[list[SheetSignature], Field(max_length=100)] = []
    evidence: SheetEvidence | None = None
    verbal_note: Text | None = None
    logged_by: Text | None = ""
    shoot_id: Ident | None = None
    created_at: IsoTime


class SheetFace(_Part):
    id: Ident
    person_id: Ident
    created_at: IsoTime
    encoding: Annotated[list[Number], Field(min_length=ENCODING_DIM, max_length=ENCODING_DIM)]


class SheetDoc(_Part):
    """The whole sheet.json, typed (``format`` and ``version`` are checked when it is read)."""

    format: Literal["prepub.consent-sheet"]
    version: Annotated[int, Field(ge=1, le=VERSION)]
    sheet_id: Ident
    shoot: SheetShoot
    people: Annotated[list[SheetPerson], Field(max_length=MAX_ENTRIES)] = []
    guardians: Annotated[list[SheetGuardian], Field(max_length=MAX_ENTRIES)] = []
    consents: Annotated[list[SheetConsent], Field(max_length=MAX_ENTRIES)] = []
    face_references: Annotated[list[SheetFace], Field(max_length=MAX_ENTRIES)] = []


class SheetData:
    """The sheet's JSON, validated against :class:`SheetDoc`; the parts as plain dicts (dates
    as ``date``/``datetime``, signatures as :class:`Signature`) for the import."""

    def __init__(self, data: dict[str, Any], path: Path, *, text: str | None = None) -> None:
        self.path = path
        try:
            doc = SheetDoc.model_validate(data)
        except ValidationError as e:
            p = jsondoc.explain(e, text)
            where = f"sheet.json:{p.line}" if p.line else "sheet.json"
            raise SheetError(f"{path}: {where}: {p.text}") from None
        self.doc = doc
        self.sheet_id = doc.sheet_id
        shoot = doc.shoot.model_dump()
        self.shoot = {**shoot, **{k: shoot[k] or "" for k in ("place", "event", "notes")}}
        self.people = [p.model_dump() for p in doc.people]
        self.guardians = [g.model_dump() for g in doc.guardians]
        self.consents = []
        for c in doc.consents:
            d = c.model_dump()
            d["signatures"] = [Signature(signer=s.signer, signed_at=s.signed_at) for s in c.signatures]
            self.consents.append(d)
        self.faces = [f.model_dump() for f in doc.face_references]

    def fail(self, text: str) -> SheetError:
        return SheetError(f"{self.path}: sheet.json: {text}")


class _LimitedStream:
    """A minimal read() over the capped block iterator, for EvidenceStore.add_stream."""

    def __init__(self, blocks: Iterator[bytes]) -> None:
        self._blocks = blocks
        self._buf = b""

    def read(self, n: int = -1, /) -> bytes:
        while n < 0 or len(self._buf) < n:
            nxt = next(self._blocks, None)
            if nxt is None:
                break
            self._buf += nxt
        if n < 0:
            out, self._buf = self._buf, b""
        else:
            out, self._buf = self._buf[:n], self._buf[n:]
        return out
