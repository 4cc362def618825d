"""bundle.json is what its published JSON Schema (resources/schemas/bundle.schema.json) says, for
every kind of export: with and without a time, images, a media address, overrides, a zip."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pytest

import prepub.core.checks.post  # noqa: F401 - registers face.blurred
from prepub.core.draft import Draft
from prepub.core.export import export_bundle
from prepub.core.export.documents import SCHEMA_ID
from prepub.core.policy import load_policy
from prepub.core.resources import resource
from prepub.core.rules import make_finding
from test_export_bundle import make_draft

jsonschema = pytest.importorskip("jsonschema")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
POLICY = load_policy(language="sv")
SCHEMA = json.loads(resource("schemas", "bundle.schema.json").read_text(encoding="utf-8"))


def _validate(doc: Any) -> None:
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.FormatChecker())


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$id"] == SCHEMA_ID


def _text_only(tmp: Path) -> Draft:
    return Draft(text="Bara text i dag.\n\nMed två stycken 🎉", channels=["x", "linkedin"], title="Text")


def _no_time(tmp: Path) -> Draft:
    d = make_draft(tmp, n=1)
    d.scheduled_at = None
    return d


VARIANTS: dict[str, tuple[Callable[[Path], Draft], dict[str, Any]]] = {
    "default": (lambda t: make_draft(t), {}),
    "three renditions, media address, approver": (
        lambda t: make_draft(t, size=(3000, 2000)),
        {"media_base_url": "https://www.example.se/media/", "approver": "Karin Holm",
         "case_number": "KS 2026/1", "date_order": "mdy"}),
    "no time": (_no_time, {}),
    "text only": (_text_only, {}),
    "zip, original names": (lambda t: make_draft(t, n=1), {"zip": True, "keep_names": True}),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_export_matches_the_schema(tmp_path: Path, variant: str) -> None:
    build, kwargs = VARIANTS[variant]
    d = build(tmp_path)
    found = [make_finding("face.blurred", POLICY, subject=d.images[0].path, face=0)] if d.images else []
    r = export_bundle(d, out_dir=tmp_path / "out", policy=POLICY, findings=found, now=NOW, **kwargs)
    if kwargs.get("zip"):
        with zipfile.ZipFile(r.path) as z:
            name = next(n for n in z.namelist() if n.endswith("bundle.json"))
            doc = json.loads(z.read(name).decode("utf-8"))
    else:
        doc = json.loads((r.path / "bundle.json").read_text(encoding="utf-8"))
    _validate(doc)
    assert doc["$schema"] == SCHEMA_ID


def test_the_schema_refuses_what_it_should(tmp_path: Path) -> None:
    r = export_bundle(make_draft(tmp_path, n=1), out_dir=tmp_path / "out", policy=POLICY,
                      findings=[], now=NOW)
    doc = json.loads((r.path / "bundle.json").read_text(encoding="utf-8"))
    for broken in (
        lambda d: d.update(version=2),
        lambda d: d["posts"][0].pop("record"),
        lambda d: d["posts"][0]["networks"][0]["media"][0].update(sha256="xyz"),
        lambda d: d["posts"][0]["networks"][0]["media"][0].update(public_url="https://x.se/a b.jpg"),
        lambda d: d["posts"][0]["checks"]["findings"].append(
            {"rule": "face.blurred", "severity": "info", "params": {}, "message": "Ansikte {face}"}),
    ):
        bad = json.loads(json.dumps(doc))
        broken(bad)
        with pytest.raises(jsonschema.ValidationError):
            _validate(bad)
