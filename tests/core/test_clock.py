"""Time comes from one injectable clock: no business logic reads the wall clock itself."""

from __future__ import annotations

import ast
from datetime import date, datetime, timezone
from pathlib import Path

from prepub.core import clock

APP = Path(__file__).resolve().parents[2] / "app" / "prepub"
WALL_CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
              ("time", "time"), ("time", "time_ns")}


def wall_clock_reads(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and (node.value.id, node.attr) in WALL_CLOCK:
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_only_the_clock_module_reads_the_wall_clock() -> None:
    offenders = {}
    for path in APP.rglob("*.py"):
        rel = path.relative_to(APP)
        if rel == Path("core/clock.py") or rel.name.startswith("bench"):
            continue  # the clock itself; benchmarks measure, they never decide
        found = wall_clock_reads(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(rel)] = found
    assert offenders == {}


def test_the_scan_sees_each_form() -> None:
    src = "a = datetime.now()\nb = date.today()\nc = time.time()\nf = date.today"
    assert len(wall_clock_reads(src)) == 4


def test_frozen_clock_and_advance() -> None:
    with clock.frozen(date(2030, 1, 2)) as c:
        assert clock.today(timezone.utc) == date(2030, 1, 2)
        c.advance(days=1)
        assert clock.now() == datetime(2030, 1, 3, 12, tzinfo=timezone.utc)
    assert clock.now().year != 2030 or clock.now().month != 1  # restored after the block


def test_registry_stamps_follow_the_clock(tmp_path: Path) -> None:
    """A withdrawal is stamped by the clock, so it is in effect on the day the clock says
    (CI went red on 2026-11-30 because withdrawals stamped the real date)."""
    from prepub.core.consent import open_registry

    with clock.frozen("2031-05-06T09:00:00+00:00"):
        with open_registry(f"sqlite:///{tmp_path / 'r.sqlite3'}", evidence_dir=tmp_path / "ev") as reg:
            p = reg.add_person(name="Ada Berg", relation="external", birth_year=1980)
            c = reg.add_consent(person_id=p.id, channels=["instagram"], purpose="test",
                                given_on=date(2031, 5, 1), signed_by=["self"], verbal_note="ok", logged_by="test")
            reg.withdraw_consent(c.id, reason="changed her mind")
            st = reg.consent_status(p.id, channels=["instagram"], on=date(2031, 5, 6),
                                    guardian_consent_age=15, all_custodians_under=13)
            assert not st.valid
