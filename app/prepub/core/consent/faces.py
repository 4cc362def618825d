"""Face references (biometric data) in the registry: storage format and proposing matches.

An encoding is what ``prepub.core.faces.encode_faces`` returns: 128 float64 values. It is stored
as exactly 1,024 little-endian bytes, never pickled. References exist only for people who agreed
to face matching; :func:`match` proposes candidates with their distance and never assigns a
person to a face. Whether matching runs at all is the organisation's policy
(``[faces] matching``), decided by the caller.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Sequence

import numpy as np
import sqlalchemy as sa

from prepub.core.consent import records
from prepub.core.consent import schema as t
from prepub.core.consent.types import FaceReference, Match, RegistryError

_DTYPE = np.dtype("<f8")


def to_bytes(encoding: Any) -> bytes:
    """Validate a 128-d encoding and serialise it as 128 little-endian float64 values."""
    try:
        arr = np.asarray(encoding, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise RegistryError(f"a face encoding must be 128 numbers ({e})") from None
    if arr.shape != (t.ENCODING_DIM,):
        raise RegistryError(f"a face encoding must have shape ({t.ENCODING_DIM},), not {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise RegistryError("a face encoding must hold finite numbers")
    return arr.astype(_DTYPE).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    if len(blob) != t.ENCODING_BYTES:
        raise RegistryError(f"a stored face encoding has {len(blob)} bytes, not {t.ENCODING_BYTES}")
    return np.frombuffer(blob, dtype=_DTYPE).astype(np.float64)


def add(conn: sa.Connection, *, person_id: str, encoding: Any, actor: str | None,
        ref_id: str | None = None, created_at: datetime | None = None) -> FaceReference:
    """Store a reference; refuses unless the person agreed to matching and is not erased."""
    p = records.load_person(conn, person_id)
    if p.erased:
        raise RegistryError(f"person {person_id} was erased; no face reference can be stored")
    if not p.matching_consent:
        raise RegistryError(f"person {person_id} has not agreed to face matching; "
                            "no face reference is stored without that consent")
    blob = to_bytes(encoding)
    rid = ref_id or str(uuid.uuid4())
    at = created_at or records.now()
    conn.execute(t.face_refs.insert().values(id=rid, person_id=person_id, encoding=blob,
                                             created_at=at))
    records.write_audit(conn, actor=actor, action="face_ref.add", entity="person",
                        entity_id=person_id, details={"face_ref_id": rid})
    return FaceReference(id=rid, person_id=person_id, created_at=at)


def references(conn: sa.Connection, person_id: str) -> list[tuple[FaceReference, np.ndarray]]:
    rows = conn.execute(sa.select(t.face_refs).where(t.face_refs.c.person_id == person_id)
                        .order_by(t.face_refs.c.created_at, t.face_refs.c.id)).all()
    return [(FaceReference(id=r.id, person_id=r.person_id, created_at=r.created_at),
             from_bytes(r.encoding)) for r in rows]


def delete_for(conn: sa.Connection, person_id: str) -> int:
    res = conn.execute(t.face_refs.delete().where(t.face_refs.c.person_id == person_id))
    return int(res.rowcount or 0)


def match(conn: sa.Connection, encodings: Sequence[Any], *, max_distance: float,
          limit: int = 3) -> list[list[Match]]:
    """For each encoding, up to ``limit`` people within ``max_distance``, closest first.

    Only people who agreed to matching and are not erased take part; a person's distance is the
    smallest over their references (Euclidean, as face_recognition uses).
    """
    queries = [np.asarray(e, dtype=np.float64) for e in encodings]
    for q in queries:
        if q.shape != (t.ENCODING_DIM,):
            raise RegistryError(f"a face encoding must have shape ({t.ENCODING_DIM},), not {q.shape}")
    if not queries:
        return []
    rows = conn.execute(
        sa.select(t.face_refs.c.person_id, t.face_refs.c.encoding, t.people.c.name)
        .join(t.people, t.people.c.id == t.face_refs.c.person_id)
        .where(t.people.c.matching_consent.is_(True), t.people.c.erased.is_(False))).all()
    if not rows:
        return [[] for _ in queries]
    refs = np.stack([from_bytes(r.encoding) for r in rows])
    owners = [r.person_id for r in rows]
    names = {r.person_id: r.name for r in rows}
    out: list[list[Match]] = []
    for q in queries:
        dist = np.linalg.norm(refs - q, axis=1)
        best: dict[str, float] = {}
        for pid, d in zip(owners, dist.tolist()):
            if d <= max_distance and d < best.get(pid, float("inf")):
                best[pid] = d
        ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0]))[:limit]
        out.append([Match(person_id=pid, name=names[pid], distance=d) for pid, d in ranked])
    return out
