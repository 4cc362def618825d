"""The registry's API: people, search, consents and evidence, exports, audit, faces, erasure."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from pg import registry_url  # noqa: F401 - the engine-parametrised fixture (sqlite, postgresql)
from prepub.core.consent import Registry, RegistryError, UnknownEntityError, open_registry
from prepub.core.consent.erasure import PLACEHOLDER


@pytest.fixture()
def reg(registry_url: str) -> Registry:
    r = open_registry(registry_url)
    yield r  # type: ignore[misc]
    r.close()


def _verbal(reg: Registry, pid: str, **kw: object) -> str:
    args: dict[str, object] = dict(person_id=pid, channels=["website"], purpose="p",
                                   given_on=date(2025, 1, 1), signed_by=["self"], logged_by="me",
                                   verbal_note="ja")
    args.update(kw)
    return reg.add_consent(**args).id  # type: ignore[arg-type]


def test_people_are_frozen_values_and_search_ignores_case_and_diacritics(reg: Registry) -> None:
    asa = reg.add_person(name="  Åsa   Öberg ", relation="staff", birth_year=1985, actor="anna")
    reg.add_person(name="Søren Kierkegaard", relation="external")
    reg.add_person(name="Ali Asaad", relation="member")
    assert asa.name == "Åsa Öberg"
    with pytest.raises(dataclasses.FrozenInstanceError):
        asa.name = "x"  # type: ignore[misc]
    assert [p.name for p in reg.search_people("asa")] == ["Ali Asaad", "Åsa Öberg"]
    assert [p.name for p in reg.search_people("ÅSA ÖB")] == ["Åsa Öberg"]
    assert [p.name for p in reg.search_people("soren")] == ["Søren Kierkegaard"]
    assert reg.search_people("%") == [] and reg.search_people("_") == []
    assert reg.search_people("   ") == []
    updated = reg.update_person(asa.id, name="Åsa Berg", protected_identity=True, actor="anna")
    assert updated.name == "Åsa Berg" and updated.protected_identity and updated.birth_year == 1985
    assert reg.get_person(asa.id) == updated
    assert reg.audit_entries(limit=1)[0].details == {"fields": ["name", "protected_identity"],
                                                     "face_refs_deleted": 0}
    assert reg.audit_entries(limit=1)[0].actor == "anna"
    with pytest.raises(UnknownEntityError):
        reg.get_person("nope")
    with pytest.raises(RegistryError, match="relation"):
        reg.add_person(name="X", relation="boss")
    with pytest.raises(RegistryError, match="birth year"):
        reg.add_person(name="X", relation="staff", birth_year=1200)


def test_consent_validation(reg: Registry, tmp_path: Path) -> None:
    p = reg.add_person(name="Per", relation="member").id
    other = reg.add_person(name="Other child", relation="public").id
    g_other = reg.add_guardian(child_id=other, name="Not Per's parent").id
    with pytest.raises(RegistryError, match="channel"):
        _verbal(reg, p, channels=[" "])
    with pytest.raises(RegistryError, match="evidence"):
        _verbal(reg, p, verbal_note=None)
    with pytest.raises(RegistryError, match="not a registered guardian"):
        _verbal(reg, p, signed_by=[g_other])
    with pytest.raises(RegistryError, match="who gave it"):
        _verbal(reg, p, signed_by=[])
    with pytest.raises(RegistryError, match="expire before"):
        _verbal(reg, p, expires_on=date(2024, 1, 1))
    with pytest.raises(UnknownEntityError):
        _verbal(reg, p, shoot_id="no-shoot")
    assert reg.consents_for(p) == []


def test_evidence_is_kept_privately_by_hash(reg: Registry, tmp_path: Path) -> None:
    form = tmp_path / "Per signed form.pdf"
    form.write_bytes(b"%PDF-1.4 signed")
    p = reg.add_person(name="Per", relation="member").id
    c = reg.add_consent(person_id=p, channels=["website"], purpose="p", given_on=date(2025, 1, 1),
                        signed_by=["self"], logged_by="me", evidence_file=form)
    assert c.evidence_filename == "Per signed form.pdf" and c.verbal_note is None
    stored = reg.evidence_path(c.evidence_sha256 or "")
    assert stored is not None and stored.read_bytes() == form.read_bytes()
    assert stored.name == c.evidence_sha256
    assert oct(stored.stat().st_mode & 0o777) == oct(0o600)
    assert oct(stored.parent.stat().st_mode & 0o777) == oct(0o700)
    # a consent that fails validation keeps no copy of its form
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4 another form")
    with pytest.raises(RegistryError, match="channel"):
        reg.add_consent(person_id=p, channels=[], purpose="p", given_on=date(2025, 1, 1),
                        signed_by=["self"], logged_by="me", evidence_file=other)
    assert sorted(f.name for f in stored.parent.iterdir()) == [c.evidence_sha256]
    if reg.dialect == "postgresql":  # the team registry keeps forms in its evidence table
        with reg._read() as conn:
            assert conn.exec_driver_sql("SELECT sha256 FROM evidence").scalars().all() == [
                c.evidence_sha256]
    with pytest.raises(RegistryError, match="cannot be read"):
        reg.add_consent(person_id=p, channels=["website"], purpose="p", given_on=date(2025, 1, 1),
                        signed_by=["self"], logged_by="me", evidence_file=tmp_path / "missing.pdf")


def test_withdrawal_lists_earlier_exports_and_stands(reg: Registry, fixed_clock) -> None:
    p = reg.add_person(name="Per", relation="member").id
    c1, c2 = _verbal(reg, p), _verbal(reg, p, channels=["facebook"])
    e1 = reg.record_export(bundle_path="/out/one", draft_id="d1", files={"a.jpg": "a" * 64},
                           consent_ids=[c1])
    fixed_clock.advance(minutes=5)  # exports are listed in the order they were made
    e2 = reg.record_export(bundle_path="/out/two", draft_id="d2",
                           files={"b.jpg": "b" * 64, "post.txt": "c" * 64}, consent_ids=[c1, c2])
    fixed_clock.advance(minutes=5)
    reg.record_export(bundle_path="/out/three", draft_id="d3", files={}, consent_ids=[c2])
    assert e2.files == {"b.jpg": "b" * 64, "post.txt": "c" * 64}
    assert set(e2.consent_ids) == {c1, c2}
    used = reg.withdraw_consent(c1, reason="vill inte längre", actor="anna")
    assert [(e.id, e.bundle_path) for e in used] == [(e1.id, "/out/one"), (e2.id, "/out/two")]
    first = reg.get_consent(c1)
    assert first.withdrawn and first.withdrawal_reason == "vill inte längre"
    again = reg.withdraw_consent(c1, reason="second time")
    assert [e.id for e in again] == [e1.id, e2.id]
    assert reg.get_consent(c1).withdrawn_at == first.withdrawn_at  # the first withdrawal stands
    assert reg.get_consent(c2).withdrawn_at is None
    with pytest.raises(UnknownEntityError):
        reg.record_export(bundle_path="/x", draft_id=None, files={}, consent_ids=["nope"])


def test_audit_log_is_append_only(reg: Registry, tmp_path: Path) -> None:
    p = reg.add_person(name="Per", relation="member", matching_consent=True).id
    c = _verbal(reg, p)
    reg.add_face_reference(p, encoding=np.zeros(128))
    reg.record_export(bundle_path="/b", draft_id=None, files={}, consent_ids=[c])
    before = [(e.id, e.at, e.action, e.entity_id, dict(e.details)) for e in reg.audit_entries()]
    reg.withdraw_consent(c, reason="r")
    reg.update_person(p, relation="staff")
    reg.delete_person(p)
    reg.audit(action="export.override", entity="draft", entity_id="d1",
              details={"rule": "gps.present"})
    after = [(e.id, e.at, e.action, e.entity_id, dict(e.details)) for e in reg.audit_entries()]
    assert after[-len(before):] == before  # no earlier entry changed or vanished
    ids = [e[0] for e in after]
    assert ids == list(range(len(ids), 0, -1))
    assert [e[2] for e in after[:5]] == ["export.override", "person.erase", "person.update",
                                         "consent.withdraw", "export.record"]
    assert not [m for m in dir(Registry) if "audit" in m and any(
        w in m for w in ("delete", "update", "remove", "clear", "edit"))]
    for stmt in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        if reg.dialect == "sqlite":
            con = sqlite3.connect(tmp_path / "r.db")
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                con.execute(stmt)
            con.close()
        else:  # the registry's owner, past every grant: the trigger still refuses
            with pytest.raises(Exception, match="append-only"):
                with reg._write() as conn:
                    conn.exec_driver_sql(stmt)
    assert len(reg.audit_entries(limit=1000)) == len(after)
    assert [e.action for e in reg.audit_entries(entity_id="d1")] == ["export.override"]


def test_face_reference_needs_matching_consent(reg: Registry) -> None:
    no = reg.add_person(name="Nej Tack", relation="member")
    with pytest.raises(RegistryError, match="not agreed to face matching"):
        reg.add_face_reference(no.id, encoding=np.zeros(128))
    yes = reg.add_person(name="Ja Tack", relation="member", matching_consent=True)
    with pytest.raises(RegistryError, match="shape"):
        reg.add_face_reference(yes.id, encoding=np.zeros(127))
    with pytest.raises(RegistryError, match="finite"):
        reg.add_face_reference(yes.id, encoding=np.full(128, np.nan))
    enc = np.random.default_rng(1).normal(size=128)
    reg.add_face_reference(yes.id, encoding=enc)
    [(ref, back)] = reg.face_references(yes.id)
    assert back.dtype == np.float64 and np.array_equal(back, enc)  # exact round trip, no pickle
    assert reg.face_references(no.id) == []


def test_matching_proposes_only_consenting_people(reg: Registry, tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    base = {k: rng.normal(scale=0.1, size=128) for k in "abcd"}
    a = reg.add_person(name="Anna", relation="staff", matching_consent=True).id
    b = reg.add_person(name="Bertil", relation="staff", matching_consent=True).id
    c = reg.add_person(name="Cecilia", relation="staff", matching_consent=True).id
    d = reg.add_person(name="David", relation="staff", matching_consent=False).id
    for pid, k in ((a, "a"), (b, "b"), (c, "c")):
        reg.add_face_reference(pid, encoding=base[k])
    reg.add_face_reference(a, encoding=base["a"] + 0.01)  # a second reference for Anna
    near_a = base["a"] + 0.002
    [[best, *rest]] = reg.match_faces([near_a], max_distance=10.0)
    assert best.person_id == a and best.name == "Anna"
    assert best.distance == pytest.approx(float(np.linalg.norm(near_a - base["a"])))
    assert [m.distance for m in [best, *rest]] == sorted(m.distance for m in [best, *rest])
    assert len({m.person_id for m in [best, *rest]}) == len([best, *rest])  # one row per person
    assert [m.person_id for m in reg.match_faces([near_a], max_distance=0.05)[0]] == [a]
    assert reg.match_faces([base["d"]], max_distance=0.01) == [[]]  # David has no reference
    # withdrawing matching consent deletes the references and removes Cecilia from matching
    reg.update_person(c, matching_consent=False)
    assert reg.face_references(c) == []
    assert c not in {m.person_id for m in reg.match_faces([base["c"]], max_distance=10.0)[0]}
    reg.delete_person(b)
    assert b not in {m.person_id for m in reg.match_faces([base["b"]], max_distance=10.0)[0]}
    assert reg.match_faces([], max_distance=1.0) == []
    assert d  # David was never matchable


NAME = "Zebulon Quixotewright"


def test_erasure_removes_personal_data_but_keeps_a_trace(reg: Registry, tmp_path: Path) -> None:
    form = tmp_path / f"{NAME} samtycke.pdf"
    form.write_bytes(b"%PDF " + NAME.encode())
    kid = reg.add_person(name=NAME, relation="public", birth_year=2014, matching_consent=True)
    g = reg.add_guardian(child_id=kid.id, name="Wilhelmina Quixotewright",
                         contact="wilhelmina@quixotewright.example")
    reg.add_face_reference(kid.id, encoding=np.ones(128))
    c_form = reg.add_consent(person_id=kid.id, channels=["website"], purpose=f"Bilder på {NAME}",
                             given_on=date(2025, 1, 1), signed_by=[g.id], logged_by="Pia",
                             evidence_file=form)
    c_verbal = _verbal(reg, kid.id, signed_by=[g.id], verbal_note=f"{NAME}s mamma sa ja")
    reg.withdraw_consent(c_verbal, reason=f"{NAME} har flyttat")
    export = reg.record_export(bundle_path="/out/x", draft_id="d", files={"a.jpg": "a" * 64},
                               consent_ids=[c_form.id])
    keep = reg.add_person(name="Kvar Kvarsson", relation="staff")
    if reg.dialect == "sqlite":
        assert _name_in_files(tmp_path)  # the byte check below can see the name when it is there
    else:
        assert _name_in_tables(reg)
    reg.delete_person(kid.id, actor="dpo")

    gone = reg.get_person(kid.id)
    assert gone.erased and gone.deleted_at is not None and gone.name == PLACEHOLDER
    assert gone.birth_year is None and not gone.matching_consent
    assert reg.face_references(kid.id) == []
    assert [(x.name, x.contact) for x in reg.guardians_of(kid.id)] == [("", "")]
    for c in reg.consents_for(kid.id):
        assert c.withdrawn and c.purpose == "" and c.withdrawal_reason == ""
        assert c.evidence_filename is None and c.verbal_note in (None, "")
    assert reg.evidence_path(c_form.evidence_sha256 or "") is None  # the signed form is deleted
    assert reg.exports_using(c_form.id)[0].id == export.id  # the publication record holds
    assert reg.search_people("zebulon") == [] and kid.id not in {p.id for p in reg.list_people()}
    assert reg.get_person(keep.id).name == "Kvar Kvarsson"
    trail = reg.audit_entries(entity_id=kid.id)
    assert trail[0].action == "person.erase" and trail[0].details == {} and trail[0].actor == "dpo"
    for e in reg.audit_entries(limit=1000):
        assert "quixotewright" not in str(e.details).lower()
    with pytest.raises(RegistryError, match="erased"):
        reg.update_person(kid.id, name="Back again")
    with pytest.raises(RegistryError, match="erased"):
        _verbal(reg, kid.id)
    reg.delete_person(kid.id)  # erasing twice is harmless
    if reg.dialect == "sqlite":
        # Not a byte of the name is left in the database files, without any VACUUM.
        assert _name_in_files(tmp_path) == []
    else:  # no live row holds it (old row versions go at the server's next VACUUM)
        assert _name_in_tables(reg) == []


def _name_in_files(folder: Path) -> list[str]:
    found = []
    for f in sorted(folder.glob("r.db*")):
        data = f.read_bytes().lower()
        found += [f"{n} in {f.name}" for n in ("quixotewright", "zebulon") if n.encode() in data]
    return found


def _name_in_tables(reg: Registry) -> list[str]:
    """Tables with a live row holding the name anywhere (PostgreSQL: each row as text)."""
    import sqlalchemy as sa

    found = []
    with reg._read() as conn:
        for table in ("people", "guardians", "consents", "audit_log", "shoots"):
            n = conn.execute(sa.text(f"SELECT count(*) FROM {table} x WHERE lower(x::text) LIKE :a "
                                     "OR lower(x::text) LIKE :b"),
                             {"a": "%quixotewright%", "b": "%zebulon%"}).scalar()
            if n:
                found.append(table)
        if conn.execute(sa.text("SELECT count(*) FROM evidence WHERE "
                                "position(convert_to('Quixotewright', 'UTF8') in data) > 0")).scalar():
            found.append("evidence")
    return found
