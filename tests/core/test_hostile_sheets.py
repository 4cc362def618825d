"""Malformed consent sheets (issue 17, item 2): ``"matching_consent": "false"`` is refused, not
stored as agreement with the face encoding; every field is typed and the error names the field
and its line in sheet.json; nothing from a refused sheet is imported."""

from __future__ import annotations

import copy
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from prepub.core.consent import Registry, SheetError, import_sheet, open_registry

AT = "2025-05-10T10:00:00+00:00"


def _good() -> dict[str, Any]:
    return {
        "format": "prepub.consent-sheet", "version": 1, "sheet_id": "sheet-1",
        "created": AT, "created_by": "pia", "photographer": "Pia Fotograf",
        "shoot": {"id": "shoot-1", "photographer": "Pia Fotograf", "date": "2025-05-10",
                  "place": "Åby skola", "event": "Vårfest", "notes": ""},
        "people": [{"id": "p-1", "name": "Åsa Lärare", "relation": "staff",
                    "protected_identity": False, "birth_year": 1980, "is_minor": False,
                    "matching_consent": False}],
        "guardians": [],
        "consents": [{"id": "c-1", "person_id": "p-1", "given_on": "2025-05-10",
                      "channels": ["website"], "purpose": "Vårfesten", "expires_on": None,
                      "withdrawn_at": None, "withdrawal_reason": "",
                      "signatures": [{"signer": "self", "signed_at": AT}], "evidence": None,
                      "verbal_note": "Sa ja", "logged_by": "Pia", "shoot_id": "shoot-1",
                      "created_at": AT}],
        "face_references": [{"id": "f-1", "person_id": "p-1", "created_at": AT,
                             "encoding": [0.01 * i for i in range(128)]}],
    }


def _zip(path: Path, text: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("sheet.json", text)
    return path


@pytest.fixture()
def office(tmp_path: Path) -> Registry:
    r = open_registry(f"sqlite:///{tmp_path / 'office.sqlite3'}")
    yield r  # type: ignore[misc]
    r.close()


def test_a_good_sheet_imports_and_without_matching_consent_no_face_is_kept(
        tmp_path: Path, office: Registry) -> None:
    res = import_sheet(office, _zip(tmp_path / "ok.zip", json.dumps(_good(), indent=2)))
    assert res.added >= 3
    (p,) = office.list_people()
    assert p.matching_consent is False
    assert list(office.face_references(p.id)) == []


@pytest.mark.parametrize("field,value", [("matching_consent", "false"), ("matching_consent", "no"),
                                         ("matching_consent", 1),
                                         ("protected_identity", "false"), ("is_minor", "false")])
def test_text_false_is_refused_and_nothing_is_imported(field: str, value: Any, tmp_path: Path,
                                                       office: Registry) -> None:
    """The reported attack: "matching_consent": "false" was stored as true, with the face
    encoding."""
    doc = _good()
    doc["people"][0][field] = value
    text = json.dumps(doc, indent=2)
    with pytest.raises(SheetError) as e:
        import_sheet(office, _zip(tmp_path / "bad.zip", text))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if f'"{field}"' in ln)
    assert f"sheet.json:{line}: 'people[0].{field}' must be true or false" in str(e.value)
    assert office.list_people() == []


BAD: list[tuple[str, str, Any]] = [
    ("encoding-short", "face_references[0].encoding", [0.1] * 127),
    ("encoding-long", "face_references[0].encoding", [0.1] * 129),
    ("encoding-text", "face_references[0].encoding", ["0.1"] * 128),
    ("encoding-huge", "face_references[0].encoding", [1e300] * 128),
    ("encoding-string", "face_references[0].encoding", "0.1,0.2"),
    ("birth-year-text", "people[0].birth_year", "1980"),
    ("birth-year-range", "people[0].birth_year", -5),
    ("relation-unknown", "people[0].relation", "friend"),
    ("name-blank", "people[0].name", "   "),
    ("name-number", "people[0].name", 7),
    ("people-object", "people", {"p-1": {}}),
    ("given-on-words", "consents[0].given_on", "last spring"),
    ("given-on-number", "consents[0].given_on", 20250510),
    ("channels-string", "consents[0].channels", "website"),
    ("signatures-null-item", "consents[0].signatures", [None]),
    ("signed-at-words", "consents[0].signatures[0].signed_at", "yesterday"),
    ("evidence-hash", "consents[0].evidence", {"sha256": "abc"}),
    ("created-at-missing", "consents[0].created_at", None),
    ("shoot-string", "shoot", "shoot-1"),
    ("shoot-date", "shoot.date", "10/05/2025"),
    ("sheet-id-number", "sheet_id", 5),
]


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    obj: Any = doc
    for p in parts[:-1]:
        obj = obj[int(p)] if p.isdigit() else obj[p]
    obj[int(parts[-1]) if parts[-1].isdigit() else parts[-1]] = value


@pytest.mark.parametrize("name,field,value", BAD, ids=[b[0] for b in BAD])
def test_every_field_is_typed_and_named(name: str, field: str, value: Any, tmp_path: Path,
                                        office: Registry) -> None:
    doc = copy.deepcopy(_good())
    doc["people"][0]["matching_consent"] = True
    _set(doc, field, value)
    with pytest.raises(SheetError) as e:
        import_sheet(office, _zip(tmp_path / f"{name}.zip", json.dumps(doc, indent=2)))
    assert "sheet.json:" in str(e.value) and f"'{field}" in str(e.value), str(e.value)
    assert office.list_people() == []


@pytest.mark.parametrize("text", [
    '{"format": "prepub.consent-sheet", "version": 1, "x": NaN}',
    '{"format": "prepub.consent-sheet", "version": 1, "sheet_id": "a", "sheet_id": "b"}',
    '{"format": "prepub.consent-sheet", "version": true}',
    '{"format": "prepub.consent-sheet", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"format": "prepub.consent-sheet"',
])
def test_malformed_json_is_refused(text: str, tmp_path: Path, office: Registry) -> None:
    with pytest.raises(SheetError):
        import_sheet(office, _zip(tmp_path / "j.zip", text))


def test_a_fifo_sheet_is_refused_at_once(tmp_path: Path, office: Registry) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX FIFOs")
    fifo = tmp_path / "pipe.prepub-consent.zip"
    os.mkfifo(fifo)
    with pytest.raises(SheetError, match="not a consent sheet"):
        import_sheet(office, fifo)
