"""The consent-sheet file: one zip holding ``sheet.json`` and ``evidence/<sha256>`` files.

:class:`SheetReader` opens and checks the zip, :class:`SheetData` checks the JSON's fields and
types, :func:`write_sheet` writes one.

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
from typing import Any, Iterator

from prepub.core.consent.evidence import MAX_EVIDENCE_BYTES
from prepub.core.consent.types import (
    GUARDIAN_RELATIONS, RELATIONS, RegistryError, Signature,
)

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
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise SheetError(f"{self.path}: no such file") from None
        except (zipfile.BadZipFile, OSError) as e:
            raise SheetError(f"{self.path}: not a consent sheet (not a readable zip: {e})") from None
        try:
            self.evidence_names = self._check_entries()
            self.data = self._read_json()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> "SheetReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

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
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise self._fail(f"sheet.json is not valid JSON ({e})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self._fail("this is not a Prepub consent sheet (wrong 'format')")
        v = data.get("version")
        if not isinstance(v, int) or v < 1:
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


class SheetData:
    """The sheet's JSON, checked for the fields and types the import relies on."""

    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self.path = path
        self.sheet_id = self._str(data, "sheet_id", "sheet")
        shoot = self._obj(data.get("shoot"), "shoot")
        self.shoot = {"id": self._str(shoot, "id", "shoot"),
                      "photographer": self._str(shoot, "photographer", "shoot"),
                      "date": self._date(shoot.get("date"), "shoot.date"),
                      "place": str(shoot.get("place") or ""), "event": str(shoot.get("event") or ""),
                      "notes": str(shoot.get("notes") or "")}
        self.people = [self._obj(p, "people[]") for p in self._list(data, "people")]
        for p in self.people:
            self._str(p, "id", "person"), self._str(p, "name", "person")
            if p.get("relation") not in RELATIONS:
                raise self.fail(f"person {p['id']}: unknown relation {p.get('relation')!r}")
            if p.get("birth_year") is not None and not isinstance(p["birth_year"], int):
                raise self.fail(f"person {p['id']}: birth_year must be a whole number")
        self.guardians = [self._obj(g, "guardians[]") for g in self._list(data, "guardians")]
        for g in self.guardians:
            self._str(g, "id", "guardian"), self._str(g, "child_id", "guardian")
            if g.get("relation") not in GUARDIAN_RELATIONS:
                raise self.fail(f"guardian {g['id']}: unknown relation {g.get('relation')!r}")
        self.consents = [self._obj(c, "consents[]") for c in self._list(data, "consents")]
        for c in self.consents:
            cid = self._str(c, "id", "consent")
            self._str(c, "person_id", f"consent {cid}")
            c["given_on"] = self._date(c.get("given_on"), f"consent {cid} given_on")
            c["expires_on"] = self._date(c.get("expires_on"), f"consent {cid} expires_on", True)
            c["withdrawn_at"] = self._time(c.get("withdrawn_at"), f"consent {cid} withdrawn_at", True)
            c["created_at"] = self._time(c.get("created_at"), f"consent {cid} created_at")
            if not isinstance(c.get("channels"), list):
                raise self.fail(f"consent {cid}: channels must be a list")
            sigs = []
            for s in self._list(c, "signatures"):
                s = self._obj(s, f"consent {cid} signature")
                sigs.append(Signature(signer=self._str(s, "signer", f"consent {cid} signature"),
                                      signed_at=self._time(s.get("signed_at"), "signed_at")))
            c["signatures"] = sigs
            ev = c.get("evidence")
            if ev is not None:
                ev = self._obj(ev, f"consent {cid} evidence")
                if not re.fullmatch(r"[0-9a-f]{64}", str(ev.get("sha256", ""))):
                    raise self.fail(f"consent {cid}: evidence sha256 is not a SHA-256 hash")
                c["evidence"] = ev
        self.faces = [self._obj(f, "face_references[]") for f in self._list(data, "face_references")]
        for f in self.faces:
            self._str(f, "id", "face reference"), self._str(f, "person_id", "face reference")
            f["created_at"] = self._time(f.get("created_at"), "face reference created_at")

    def fail(self, text: str) -> SheetError:
        return SheetError(f"{self.path}: sheet.json: {text}")

    def _obj(self, v: Any, what: str) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise self.fail(f"{what} must be an object")
        return v

    def _list(self, d: dict[str, Any], key: str) -> list[Any]:
        v = d.get(key, [])
        if not isinstance(v, list):
            raise self.fail(f"'{key}' must be a list")
        return v

    def _str(self, d: dict[str, Any], key: str, what: str) -> str:
        v = d.get(key)
        if not isinstance(v, str) or not v.strip() or len(v) > 200:
            raise self.fail(f"{what}: '{key}' must be non-empty text")
        return v

    def _date(self, v: Any, what: str, optional: bool = False) -> Any:
        if v is None and optional:
            return None
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            raise self.fail(f"{what} is not a date (YYYY-MM-DD)") from None

    def _time(self, v: Any, what: str, optional: bool = False) -> Any:
        if v is None and optional:
            return None
        try:
            return datetime.fromisoformat(str(v))
        except ValueError:
            raise self.fail(f"{what} is not a date and time") from None


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
