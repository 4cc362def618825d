"""Consent sheets: the photographer's export, the communicator's idempotent, safe import."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from prepub.core.consent import (
    Registry, RegistryError, SheetError, export_sheet, import_sheet, open_registry,
)
from prepub.core.consent import sheetfile

SE = {"guardian_consent_age": 15, "all_custodians_under": 13}
ON = date(2025, 6, 1)


def _open(folder: Path) -> Registry:
    return open_registry(f"sqlite:///{folder / 'registry.sqlite3'}")


class Shoot:
    """A photographer's laptop after a school-fair shoot."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.reg = _open(tmp / "laptop")
        self.shoot = self.reg.add_shoot(photographer="Pia Fotograf", date=date(2025, 5, 10),
                                        place="Åby skola", event="Vårfest")
        self.kid = self.reg.add_person(name="Olle Ek", relation="public", birth_year=2015)
        self.mum = self.reg.add_guardian(child_id=self.kid.id, name="Anna Ek", contact="070-1")
        self.dad = self.reg.add_guardian(child_id=self.kid.id, name="Bo Ek", relation="custodian")
        form = tmp / "olle-form.pdf"
        form.write_bytes(b"%PDF-1.4 Olle Ek, signed by Anna Ek and Bo Ek")
        self.kid_consent = self.reg.add_consent(
            person_id=self.kid.id, channels=["website", "facebook"], purpose="Vårfesten",
            given_on=date(2025, 5, 10), signed_by=[self.mum.id, self.dad.id], logged_by="Pia",
            evidence_file=form, shoot_id=self.shoot.id, expires_on=date(2026, 5, 10))
        self.teacher = self.reg.add_person(name="Åsa Lärare", relation="staff", birth_year=1980,
                                           matching_consent=True)
        self.encoding = np.random.default_rng(3).normal(scale=0.1, size=128)
        self.reg.add_face_reference(self.teacher.id, encoding=self.encoding)
        self.teacher_consent = self.reg.add_consent(
            person_id=self.teacher.id, channels=["website", "instagram"], purpose="Vårfesten",
            given_on=date(2025, 5, 10), signed_by=["self"], logged_by="Pia",
            verbal_note="Sa ja muntligt vid entrén", shoot_id=self.shoot.id)
        self.parent = self.reg.add_person(name="Förälder Utan Matchning", relation="public",
                                          birth_year=1975)
        self.reg.add_consent(person_id=self.parent.id, channels=["website"], purpose="Vårfesten",
                             given_on=date(2025, 5, 10), signed_by=["self"], logged_by="Pia",
                             verbal_note="ja", shoot_id=self.shoot.id)
        self.bystander = self.reg.add_person(name="Ej På Skolfesten", relation="member")
        self.reg.add_consent(person_id=self.bystander.id, channels=["website"], purpose="annat",
                             given_on=date(2025, 5, 1), signed_by=["self"], logged_by="Pia",
                             verbal_note="ja")

    def export(self, name: str = "out") -> Path:
        return export_sheet(self.reg, shoot_id=self.shoot.id, out_path=self.tmp / name)


@pytest.fixture()
def laptop(tmp_path: Path) -> Shoot:
    s = Shoot(tmp_path)
    yield s  # type: ignore[misc]
    s.reg.close()


@pytest.fixture()
def office(tmp_path: Path) -> Registry:
    r = _open(tmp_path / "office")
    yield r  # type: ignore[misc]
    r.close()


def _counts(reg: Registry) -> dict[str, int]:
    con = sqlite3.connect(reg.location)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    out = {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    con.close()
    return out


def test_sheet_file_content(laptop: Shoot) -> None:
    path = laptop.export("Vårfest sheet")
    assert path.name == "Vårfest sheet.prepub-consent.zip"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
        data = json.loads(zf.read("sheet.json"))
        sha = laptop.kid_consent.evidence_sha256
        assert names == ["evidence/" + str(sha), "sheet.json"]
        assert zf.read(f"evidence/{sha}").startswith(b"%PDF-1.4 Olle Ek")
    assert data["format"] == "prepub.consent-sheet" and data["version"] == 1
    assert data["photographer"] == "Pia Fotograf" and data["shoot"]["event"] == "Vårfest"
    assert {p["name"] for p in data["people"]} == {"Olle Ek", "Åsa Lärare",
                                                    "Förälder Utan Matchning"}
    assert {g["name"] for g in data["guardians"]} == {"Anna Ek", "Bo Ek"}
    kid = next(c for c in data["consents"] if c["id"] == laptop.kid_consent.id)
    assert kid["evidence"]["filename"] == "olle-form.pdf" and kid["evidence"]["sha256"] == sha
    assert {s["signer"] for s in kid["signatures"]} == {laptop.mum.id, laptop.dad.id}
    # face references only for people who agreed to matching
    assert [f["person_id"] for f in data["face_references"]] == [laptop.teacher.id]
    assert np.array_equal(np.array(data["face_references"][0]["encoding"]), laptop.encoding)
    folder = laptop.tmp / "usb-stick"
    folder.mkdir()
    into_folder = export_sheet(laptop.reg, shoot_id=laptop.shoot.id, out_path=folder)
    assert into_folder.parent == folder
    assert into_folder.name.startswith("2025-05-10-Vårfest-")
    assert into_folder.name.endswith(".prepub-consent.zip")


def test_round_trip_then_status_and_matching_work_at_the_office(laptop: Shoot,
                                                                office: Registry) -> None:
    res = import_sheet(office, laptop.export(), actor="kommunikatör")
    assert res.added == 1 + 3 + 2 + 3 + 1  # shoot, people, guardians, consents, face reference
    assert res.unchanged == 0 and res.conflicts == () and res.skipped_withdrawn == 0
    assert office.get_person(laptop.kid.id).name == "Olle Ek"
    assert office.get_consent(laptop.kid_consent.id).signers == {laptop.mum.id, laptop.dad.id}
    got = office.get_consent(laptop.kid_consent.id)
    assert got.source_sheet_id == res.sheet_id and got.shoot_id == laptop.shoot.id
    assert office.evidence_path(got.evidence_sha256 or "") is not None
    st = office.consent_status(laptop.kid.id, channels=["website", "facebook"], on=ON, **SE)
    assert st.valid and st.consent_ids == (laptop.kid_consent.id,)
    assert st.expires_on == date(2026, 5, 10)
    [[m]] = office.match_faces([laptop.encoding + 0.001], max_distance=0.3)
    assert m.person_id == laptop.teacher.id and m.name == "Åsa Lärare"
    assert office.search_people("ej pa skolfesten") == []  # not part of this shoot
    assert office.audit_entries(limit=1)[0].action == "sheet.import"
    assert office.audit_entries(limit=1)[0].actor == "kommunikatör"


def test_import_twice_changes_nothing(laptop: Shoot, office: Registry) -> None:
    sheet = laptop.export()
    first = import_sheet(office, sheet)
    before = _counts(office)
    again = import_sheet(office, sheet)
    assert again.added == 0 and again.unchanged == first.added and again.conflicts == ()
    assert _counts(office) == before  # not even an audit entry: nothing changed
    # a fresh export of the same shoot (new sheet id) is just as idempotent
    assert import_sheet(office, laptop.export("second")).added == 0
    assert _counts(office) == before


def test_tampered_evidence_rejects_the_whole_sheet(laptop: Shoot, office: Registry,
                                                   tmp_path: Path) -> None:
    good = laptop.export()
    bad = tmp_path / "bad.prepub-consent.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("evidence/"):
                body = body.replace(b"Bo Ek", b"Bo Ex")
            dst.writestr(info.filename, body)
    before = _counts(office)
    with pytest.raises(SheetError, match="does not match its hash"):
        import_sheet(office, bad)
    assert _counts(office) == before
    assert not office.evidence.folder.exists() or not any(office.evidence.folder.iterdir())
    # a sheet whose evidence entry is missing altogether is refused too
    missing = tmp_path / "missing.prepub-consent.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(missing, "w") as dst:
        dst.writestr("sheet.json", src.read("sheet.json"))
    with pytest.raises(SheetError, match="missing"):
        import_sheet(office, missing)
    assert _counts(office) == before


def test_local_withdrawal_is_never_overwritten(laptop: Shoot, office: Registry) -> None:
    sheet = laptop.export()
    import_sheet(office, sheet)
    office.withdraw_consent(laptop.kid_consent.id, reason="föräldrarna ångrade sig")
    res = import_sheet(office, sheet)
    assert res.skipped_withdrawn == 1 and res.added == 0
    assert office.get_consent(laptop.kid_consent.id).withdrawn
    # an older consent under a new id (e.g. a second form from the same day) is skipped too,
    # while one given after the withdrawal is new consent and is added
    older = laptop.reg.add_consent(
        person_id=laptop.kid.id, channels=["facebook"], purpose="Vårfesten, kopia",
        given_on=date(2025, 5, 10), signed_by=[laptop.mum.id, laptop.dad.id], logged_by="Pia",
        verbal_note="samma dag", shoot_id=laptop.shoot.id)
    newer = laptop.reg.add_consent(
        person_id=laptop.kid.id, channels=["website"], purpose="Nytt samtycke",
        given_on=date(2099, 1, 1), signed_by=[laptop.mum.id, laptop.dad.id], logged_by="Pia",
        verbal_note="nytt", shoot_id=laptop.shoot.id)
    res = import_sheet(office, laptop.export("later"))
    assert res.skipped_withdrawn == 2 and res.added == 1
    with pytest.raises(RegistryError):
        office.get_consent(older.id)
    assert not office.get_consent(newer.id).withdrawn


def test_a_withdrawal_in_the_sheet_is_applied(laptop: Shoot, office: Registry) -> None:
    import_sheet(office, laptop.export())
    at = datetime(2025, 5, 20, 8, 30, tzinfo=timezone.utc)
    laptop.reg.withdraw_consent(laptop.teacher_consent.id, at=at, reason="ångrade sig")
    res = import_sheet(office, laptop.export("after-withdrawal"))
    assert res.withdrawals_applied == 1
    got = office.get_consent(laptop.teacher_consent.id)
    assert got.withdrawn_at == at and got.withdrawal_reason == "ångrade sig"
    assert office.audit_entries(entity_id=got.id)[0].action == "consent.withdraw"


def test_conflicts_keep_local_values_and_erased_people_stay_erased(laptop: Shoot,
                                                                    office: Registry) -> None:
    import_sheet(office, laptop.export())
    office.update_person(laptop.kid.id, name="Olle Eklund", birth_year=2014)
    office.add_person(name="Åsa  lärare", relation="member", person_id="local-asa")
    office.delete_person(laptop.parent.id)
    laptop.reg.update_person(laptop.teacher.id, protected_identity=True)
    res = import_sheet(office, laptop.export("again"))
    assert res.updated == 1 and office.get_person(laptop.teacher.id).protected_identity  # safer wins
    kinds = sorted((c.kind, c.field) for c in res.conflicts)
    assert ("person_differs", "name") in kinds and ("person_differs", "birth_year") in kinds
    assert ("person_erased", None) in kinds
    differs = next(c for c in res.conflicts if c.field == "name")
    assert differs.local == "Olle Eklund" and differs.incoming == "Olle Ek"
    assert "Olle Eklund" in differs.describe()
    assert office.get_person(laptop.kid.id).name == "Olle Eklund"
    erased = office.get_person(laptop.parent.id)
    assert erased.erased and erased.name != "Förälder Utan Matchning"
    # a newcomer with the same name as a local person is added but flagged
    other = _open(laptop.tmp / "office2")
    try:
        other.add_person(name="Åsa Lärare", relation="staff")
        res = import_sheet(other, laptop.export("third"))
        assert [c.kind for c in res.conflicts] == ["possible_duplicate"]
        assert len(other.search_people("asa larare")) == 2
    finally:
        other.close()


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in entries.items():
            zf.writestr(name, body)
    return path


@pytest.fixture(scope="module")
def sheet_entries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The entries of one good sheet, made once for the tests that doctor it."""
    s = Shoot(tmp_path_factory.mktemp("laptop"))
    try:
        with zipfile.ZipFile(s.export()) as zf:
            return {n: zf.read(n) for n in zf.namelist()}
    finally:
        s.reg.close()


@pytest.mark.parametrize("evil", ["../evil.txt", "evidence/../../evil", "/etc/evil",
                                  "evidence\\..\\evil", "notes.txt", "evidence/ABC"])
def test_unsafe_entries_are_refused(sheet_entries: dict[str, bytes], office: Registry,
                                    tmp_path: Path, evil: str) -> None:
    path = _zip(tmp_path / "evil.prepub-consent.zip", {**sheet_entries, evil: b"payload"})
    with pytest.raises(SheetError, match="unexpected entry"):
        import_sheet(office, path)
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil").exists()
    assert office.list_people() == []
    good = _zip(tmp_path / "good.prepub-consent.zip", sheet_entries)
    assert import_sheet(office, good).added == 10  # the same sheet without the entry imports


def test_broken_sheets_give_clear_errors(office: Registry, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "junk.prepub-consent.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(SheetError, match="not a readable zip"):
        import_sheet(office, junk)
    with pytest.raises(SheetError, match="no such file"):
        import_sheet(office, tmp_path / "absent.zip")
    with pytest.raises(SheetError, match="sheet.json is missing"):
        import_sheet(office, _zip(tmp_path / "a.zip", {}))
    with pytest.raises(SheetError, match="not valid JSON"):
        import_sheet(office, _zip(tmp_path / "b.zip", {"sheet.json": b"{nope"}))
    with pytest.raises(SheetError, match="not a Prepub consent sheet"):
        import_sheet(office, _zip(tmp_path / "c.zip", {"sheet.json": b'{"format": "x"}'}))
    newer = json.dumps({"format": "prepub.consent-sheet", "version": 99}).encode()
    with pytest.raises(SheetError, match="newer Prepub"):
        import_sheet(office, _zip(tmp_path / "d.zip", {"sheet.json": newer}))
    no_shoot = json.dumps({"format": "prepub.consent-sheet", "version": 1, "sheet_id": "s"}).encode()
    with pytest.raises(SheetError, match="sheet.json:1: 'shoot' is missing"):
        import_sheet(office, _zip(tmp_path / "e.zip", {"sheet.json": no_shoot}))
    # a highly compressible entry larger than allowed is refused while reading, not trusted
    monkeypatch.setattr(sheetfile, "MAX_JSON_BYTES", 1000)
    big = json.dumps({"format": "prepub.consent-sheet", "version": 1, "pad": "0" * 5000}).encode()
    with pytest.raises(SheetError, match="larger than allowed"):
        import_sheet(office, _zip(tmp_path / "f.zip", {"sheet.json": big}))
    assert office.list_people() == []
