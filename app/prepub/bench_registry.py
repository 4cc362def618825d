"""Benchmark: consent lookup for a 10-face photo in a team registry of 100,000 people and
300,000 consents.

    uv run python -m prepub.bench_registry                 # a throwaway PostgreSQL cluster
    uv run python -m prepub.bench_registry --url postgresql://owner@host/db?sslrootcert=…

Without ``--url`` it starts a throwaway cluster (Debian's PostgreSQL binaries, the test
suite's ``tests/core/pg.py``) and connects over TCP with TLS (verify-full), as a laptop would.
It fills an empty registry with ``--people`` people (a tenth of them children with one or two
guardians) and three consents each (some withdrawn, some expired; one to three channels), then
times ``Registry.consent_status`` for 10 random people per "photo" (what the post checks do for
a photo with 10 linked faces) and prints p50 / p95 / max per photo. Figures only: nothing is
asserted. The registry's audit log is left empty (the load goes in by COPY).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CHANNELS = ("website", "facebook", "instagram", "linkedin", "print", "x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m prepub.bench_registry",
                                 description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--url", help="an EMPTY team registry database, as its owner (default: a "
                                  "throwaway cluster)")
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--consents-per-person", type=int, default=3)
    ap.add_argument("--photos", type=int, default=300, help="photos to time")
    ap.add_argument("--faces", type=int, default=10, help="linked faces per photo")
    args = ap.parse_args(argv)

    from prepub.core.consent import open_registry

    cluster = None
    password = None
    url = args.url
    if url is None:
        cluster = _throwaway()
        db = cluster.create_database("bench")
        url, password = cluster.tcp_url(db, "postgres"), cluster.superuser_password
    try:
        reg = open_registry(url, password=password)
        try:
            t0 = time.monotonic()
            ids = _fill(reg, people=args.people, per_person=args.consents_per_person)
            print(f"filled {args.people:,} people, {args.people * args.consents_per_person:,} "
                  f"consents in {time.monotonic() - t0:.1f} s")
            _time(reg, ids, photos=args.photos, faces=args.faces)
        finally:
            reg.close()
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


def _throwaway() -> Any:
    here = Path(__file__).resolve().parents[2] / "tests" / "core"
    sys.path.insert(0, str(here))
    try:
        import pg  # the test suite's throwaway cluster
    except ImportError:
        raise SystemExit(f"no --url, and {here / 'pg.py'} is not there to start a cluster")
    reason = pg.skip_reason()
    if reason:
        raise SystemExit(reason)
    print("starting a throwaway PostgreSQL cluster…", flush=True)
    return pg.start_cluster()


def _fill(reg: Any, *, people: int, per_person: int) -> list[str]:
    rnd = random.Random(16)
    now = datetime(2026, 11, 1, tzinfo=timezone.utc).replace(tzinfo=None)
    raw = reg._engine.raw_connection()
    try:
        conn = raw.driver_connection
        cur = conn.cursor()
        try:
            cur.execute("SET session_replication_role = replica")  # no triggers during the load
        except Exception:  # noqa: BLE001 - not a superuser: triggers run, the load is slower
            conn.rollback()
        ids: list[str] = []
        with cur.copy("COPY people (id, name, name_folded, relation, protected_identity, "
                      "birth_year, is_minor, matching_consent, created_at, updated_at, erased) "
                      "FROM STDIN") as cp:
            for i in range(people):
                pid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
                ids.append(pid)
                child = i % 10 == 0
                cp.write_row((pid, f"Person {i}", f"person {i}", "public", False,
                              2016 if child else 1960 + i % 45, None, False, now, now, False))
        guardians: dict[str, list[str]] = {}
        with cur.copy("COPY guardians (id, child_id, name, relation, contact, created_at) "
                      "FROM STDIN") as cp:
            for i, pid in enumerate(ids):
                if i % 10 == 0:
                    gs = [str(uuid.uuid4()) for _ in range(1 + i % 2)]
                    guardians[pid] = gs
                    for g in gs:
                        cp.write_row((g, pid, "Guardian", "parent", "", now))
        consents: list[tuple[str, str]] = []
        with cur.copy("COPY consents (id, person_id, given_on, purpose, expires_on, withdrawn_at, "
                      "withdrawal_reason, verbal_note, logged_by, created_at) FROM STDIN") as cp:
            for pid in ids:
                for k in range(per_person):
                    cid = str(uuid.uuid4())
                    consents.append((cid, pid))
                    given = date(2024, 1, 1) + timedelta(days=rnd.randrange(900))
                    expires = given + timedelta(days=365 * 2) if k == 1 else None
                    withdrawn = now if rnd.random() < 0.1 else None
                    cp.write_row((cid, pid, given, "Bench", expires, withdrawn, "", "ja", "bench",
                                  now))
        with cur.copy("COPY consent_channels (consent_id, channel) FROM STDIN") as cp:
            for cid, _pid in consents:
                for ch in rnd.sample(CHANNELS, 1 + rnd.randrange(3)):
                    cp.write_row((cid, ch))
        with cur.copy("COPY consent_signatures (consent_id, signer_kind, guardian_id, signed_at) "
                      "FROM STDIN") as cp:
            for cid, pid in consents:
                gs = guardians.get(pid)
                if gs:
                    for g in gs:
                        cp.write_row((cid, "guardian", g, now))
                else:
                    cp.write_row((cid, "self", None, now))
        conn.commit()
        conn.autocommit = True
        cur.execute("ANALYZE")
        conn.autocommit = False
    finally:
        raw.close()
    return ids


def _time(reg: Any, ids: list[str], *, photos: int, faces: int) -> None:
    rnd = random.Random(7)
    on = date(2026, 11, 23)
    for pid in rnd.sample(ids, 50):  # warm the pool and the server's caches
        reg.consent_status(pid, channels=["instagram"], on=on, guardian_consent_age=15,
                           all_custodians_under=13)
    per_photo, per_face, batched = [], [], []
    valid = 0
    for _ in range(photos):
        people = rnd.sample(ids, faces)
        channels = rnd.sample(CHANNELS, 2)
        t0 = time.perf_counter()
        one_by_one = []
        for pid in people:
            t1 = time.perf_counter()
            one_by_one.append(reg.consent_status(pid, channels=channels, on=on,
                                                 guardian_consent_age=15, all_custodians_under=13))
            per_face.append(time.perf_counter() - t1)
        per_photo.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        together = reg.consent_statuses(people, channels=channels, on=on,
                                        guardian_consent_age=15, all_custodians_under=13)
        batched.append(time.perf_counter() - t0)
        assert [together[p] for p in people] == one_by_one  # the same answer either way
        valid += sum(s.valid for s in one_by_one)
    print(f"{photos} photos x {faces} faces ({valid} of {photos * faces} lookups valid), "
          f"registry at {reg.location}")
    for label, xs in (("photo, consent_status per face", per_photo),
                      ("photo, one consent_statuses call", batched),
                      ("one face (consent_status)", per_face)):
        q = statistics.quantiles(xs, n=100)
        print(f"  {label:34} p50 {1000 * q[49]:5.1f} ms   p95 {1000 * q[94]:5.1f} ms   "
              f"max {1000 * max(xs):5.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
