"""Property-based tests for the file loaders (issue 17, fuzzing): whatever a draft, a consent
sheet or a policy file holds, loading it gives a valid object or the loader's documented
error (DraftError, SheetError, PolicyError), never another exception."""

from __future__ import annotations

import copy
import json
import os
import string
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepub.core.consent.sheetfile import SheetData, SheetError, SheetReader
from prepub.core.draft import Draft, DraftError, load_draft
from prepub.core.policy import Policy, PolicyError, SECTIONS, parse_policy

# PREPUB_FUZZ_EXAMPLES=5000 for a longer local run; CI keeps the default (a few seconds)
FUZZ = settings(max_examples=int(os.environ.get("PREPUB_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10 ** 20), max_value=10 ** 20),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
                    st.sampled_from(["false", "true", "no", "0", "", "blur", "person", "own",
                                     "2026-12-01T10:00:00+01:00", "0" * 64]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=25)

GOOD_DRAFT: dict[str, Any] = {
    "format": "prepub.draft", "version": 1, "text": "Hej", "channels": ["facebook"],
    "trip_ended": False, "scheduled_at": "2026-12-01T10:00:00+01:00",
    "overrides": [{"rule": "location.trip", "reason": "r", "subject": None}],
    "images": [{"path": "/tmp/a.jpg", "sha256": None, "photographer": "Å",
                "context": {"what": "a", "where": "b", "when": "c"},
                "source": {"kind": "own", "licence": ""},
                "faces": [{"index": 0, "box": [1, 2, 30, 40], "decision": "blur",
                           "person_id": None, "confirmed_adult": False}]}],
}


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, prefix + (i,))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    obj = doc
    for p in path[:-1]:
        obj = obj[p]
    obj[path[-1]] = value
    return doc


DRAFT_PATHS = _paths(GOOD_DRAFT)


@FUZZ
@given(st.sampled_from(DRAFT_PATHS), json_values)
def test_a_draft_with_any_field_replaced_loads_or_says_why(path: tuple[Any, ...], value: Any) -> None:
    doc = _replace(GOOD_DRAFT, path, value)
    text = json.dumps(doc, indent=1)
    try:
        d = Draft.from_json(json.loads(text), text=text)
    except DraftError as e:
        assert str(e)
        return
    for im in d.images:  # what loads is what the declaration says
        for f in im.faces:
            assert type(f.confirmed_adult) is bool and type(f.index) is int and f.index >= 0
            assert len(f.box) == 4 and all(type(v) is int and 0 <= v <= 1_000_000 for v in f.box)
    assert type(d.trip_ended) is bool


@FUZZ
@given(json_values)
def test_any_json_document_loads_or_says_why(value: Any) -> None:
    for doc in (value, {"format": "prepub.draft", "version": 1, "images": value},
                {"format": "prepub.draft", "version": 1, **(value if isinstance(value, dict) else {})}):
        try:
            Draft.from_json(doc)
        except DraftError:
            pass


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_as_a_draft_file_load_or_say_why(tmp_path_factory: pytest.TempPathFactory,
                                                   raw: bytes) -> None:
    p = tmp_path_factory.mktemp("fz") / "x.prepub.json"
    p.write_bytes(raw)
    try:
        load_draft(p)
    except DraftError:
        pass


@FUZZ
@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=255))
def test_a_damaged_draft_file_loads_or_says_why(tmp_path_factory: pytest.TempPathFactory,
                                                pos: int, byte: int) -> None:
    raw = bytearray(json.dumps(GOOD_DRAFT, indent=2).encode())
    raw[pos % len(raw)] = byte
    p = tmp_path_factory.mktemp("fz") / "x.prepub.json"
    p.write_bytes(bytes(raw[: max(1, pos)]) if byte == 0 else bytes(raw))
    try:
        load_draft(p)
    except DraftError:
        pass


# --- consent sheets -----------------------------------------------------------------------------

AT = "2025-05-10T10:00:00+00:00"
GOOD_SHEET: dict[str, Any] = {
    "format": "prepub.consent-sheet", "version": 1, "sheet_id": "s",
    "shoot": {"id": "sh", "photographer": "P", "date": "2025-05-10", "place": "", "event": "",
              "notes": ""},
    "people": [{"id": "p", "name": "N", "relation": "staff", "protected_identity": False,
                "birth_year": 1980, "is_minor": None, "matching_consent": True}],
    "guardians": [{"id": "g", "child_id": "p", "name": "G", "relation": "parent", "contact": ""}],
    "consents": [{"id": "c", "person_id": "p", "given_on": "2025-05-10", "channels": ["website"],
                  "purpose": "x", "expires_on": None, "withdrawn_at": None, "withdrawal_reason": "",
                  "signatures": [{"signer": "self", "signed_at": AT}],
                  "evidence": {"sha256": "0" * 64, "filename": "f.pdf"}, "verbal_note": None,
                  "logged_by": "P", "shoot_id": "sh", "created_at": AT}],
    "face_references": [{"id": "f", "person_id": "p", "created_at": AT, "encoding": [0.5] * 128}],
}
SHEET_PATHS = [p for p in _paths(GOOD_SHEET) if not (len(p) > 3 and p[2] == "encoding")]


@FUZZ
@given(st.sampled_from(SHEET_PATHS), json_values)
def test_a_sheet_with_any_field_replaced_loads_or_says_why(path: tuple[Any, ...], value: Any) -> None:
    doc = _replace(GOOD_SHEET, path, value)
    text = json.dumps(doc, indent=1)
    try:
        d = SheetData(json.loads(text), Path("s.zip"), text=text)
    except SheetError as e:
        assert "sheet.json" in str(e)
        return
    for p in d.people:
        assert type(p["matching_consent"]) is bool and type(p["protected_identity"]) is bool
    for f in d.faces:
        assert len(f["encoding"]) == 128


@FUZZ
@given(st.binary(max_size=600))
def test_any_bytes_as_a_sheet_file_are_refused_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                                       raw: bytes) -> None:
    p = tmp_path_factory.mktemp("fz") / "x.prepub-consent.zip"
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("sheet.json", raw)
    for data in (raw, buf.getvalue()):
        p.write_bytes(data)
        try:
            with SheetReader(p) as sheet:
                SheetData(sheet.data, sheet.path, text=sheet.text)
        except SheetError:
            pass


# --- policy files -------------------------------------------------------------------------------

toml_scalars = st.one_of(
    st.booleans(), st.integers(min_value=-(10 ** 6), max_value=10 ** 6),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.text(alphabet=string.ascii_letters + " åäö-", max_size=12),
    st.sampled_from(["false", "true", "-1", "sv", "block", "SE"]))


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


KEYS = [(s, k) for s, m in SECTIONS.items() for k in m.model_fields]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(KEYS), toml_scalars | st.lists(toml_scalars, max_size=3)),
                max_size=6))
def test_any_policy_values_load_or_say_where(entries: list[tuple[tuple[str, str], Any]]) -> None:
    by_section: dict[str, dict[str, Any]] = {}
    for (section, key), value in entries:
        by_section.setdefault(section, {})[key] = value
    text = "".join(f"[{s}]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in kv.items()) + "\n"
                   for s, kv in by_section.items())
    try:
        p = parse_policy(text, "fuzz.toml")
    except PolicyError as e:
        assert str(e).startswith("fuzz.toml")
        return
    assert isinstance(p, Policy)
    assert 18 <= p.faces.minor_age_threshold <= 60


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_a_policy_loads_or_says_why(text: str) -> None:
    try:
        parse_policy(text, "fuzz.toml")
    except PolicyError:
        pass
