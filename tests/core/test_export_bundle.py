"""The whole export: layout, manifest, refusal and overrides, no silent overwrite, cancel and
failure leave nothing, the registry log, the publication record."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import prepub.core.checks.post  # noqa: F401 - registers the rules the findings below use
from prepub.core.draft import Draft, Override
from prepub.core.export import bundle as bundle_mod
from prepub.core.export import export_bundle
from prepub.core.export.errors import ExportError
from prepub.core.export.verify import verify_clean
from prepub.core.model import Finding
from prepub.core.policy import load_policy, parse_policy
from prepub.core.progress import CancelToken, Cancelled
from prepub.core.resources import resource
from prepub.core.rules import make_finding

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def photo(path: Path, size: tuple[int, int] = (3000, 2000), seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (size[1] // 50, size[0] // 50, 3), dtype=np.uint8)
    Image.fromarray(small).resize(size, Image.Resampling.BICUBIC).save(path, quality=90)
    return path


def make_draft(tmp_path: Path, n: int = 2, size: tuple[int, int] = (1200, 800)) -> Draft:
    """A draft with ``n`` photos; the first has one face marked "blur on export". At the
    default size every channel gets the same rendition; 3000x2000 gives three."""
    d = Draft(text="Vi invigde den nya bryggan i dag.\nVälkomna! #brygga #sommar",
              channels=["website", "instagram", "x"], title="Ny brygga i hamnen",
              scheduled_at="2026-12-01T10:00:00+01:00")
    for i in range(n):
        im = d.add_image(str(photo(tmp_path / f"IMG_{i:04d}.jpg", size=size, seed=i)))
        im.photographer = "Åsa Öberg"
        im.alt_text = f"Bryggan sedd från vattnet, bild {i + 1}"
        im.context.what, im.context.where = "Invigning", "Hamnen"
    w, h = size
    d.images[0].decide(0, [w * 2 // 5, h * 3 // 10, w // 2, h // 2], "blur")
    return d


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    return load_policy(language="sv")


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _everything(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_bundle_layout_manifest_and_originals(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, size=(3000, 2000))
    originals = {im.path: _sha(Path(im.path)) for im in d.images}
    seen: list[tuple[int, int]] = []
    r = export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[], now=NOW, lang="sv",
                      progress=lambda done, total, label="": seen.append((done, total)))
    assert r.path == tmp_path / "out" / "ny-brygga-i-hamnen-2026-12-01"
    assert [p.name for p in (tmp_path / "out").iterdir()] == [r.path.name]  # no partial left
    names = _everything(r.path)
    for expected in ("bundle.json", "manifest.json", "record.html", "text/instagram.txt",
                     "text/website.txt", "text/x.txt", "scheduling/publer-instagram.csv",
                     "scheduling/hootsuite-x.csv", "scheduling/sprout-instagram.csv"):
        assert expected in names
    assert not any(n.startswith("scheduling/") and "website" in n for n in names)
    images = sorted(n for n in names if n.startswith("images/") and n.endswith(".jpg"))
    # 3000x2000 → website 2400, instagram 1440, x 2048: three renditions per image
    assert [n.rsplit("-", 1)[-1] for n in images[:3]] == ["1440x960.jpg", "2048x1365.jpg", "2400x1600.jpg"]
    assert len(images) == 6
    for n in images:
        assert verify_clean(r.path / n) == []
    manifest = json.loads((r.path / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == {n for n in names if (r.path / n).is_file()} - {"manifest.json"}
    for name, f in listed.items():
        assert f["sha256"] == _sha(r.path / name) and f["bytes"] == (r.path / name).stat().st_size
    assert manifest["policy"]["name"] == policy.name and manifest["images"][0]["blurred_faces"] == 1
    assert manifest["images"][0]["digital_source_type"] == "humanEdits"
    assert manifest["images"][1]["digital_source_type"] == "digitalCapture"
    assert manifest["images"][0]["release_status"] == "MR-NAP"
    assert set(r.files) == set(listed) | {"manifest.json"}
    assert {im.path: _sha(Path(im.path)) for im in d.images} == originals
    assert seen[-1][0] == seen[-1][1]
    text = (r.path / "text" / "x.txt").read_text(encoding="utf-8")
    assert text.startswith("Vi invigde den nya bryggan i dag.\nVälkomna!")  # line breaks kept here
    assert "Foto: Åsa Öberg" in text and "Bryggan sedd från vattnet, bild 2" in text
    doc = json.loads((r.path / "bundle.json").read_text(encoding="utf-8"))["posts"][0]
    assert doc["scheduled_at"] == "2026-12-01T10:00+01:00" and doc["timezone"] == "Europe/Stockholm"
    ig = next(n for n in doc["networks"] if n["channel"] == "instagram")
    assert ig["hashtags"] == ["brygga", "sommar"]
    m = ig["media"][0]
    assert (m["width"], m["height"], m["mime"]) == (1440, 960, "image/jpeg") and m["public_url"] is None
    assert m["sha256"] == _sha(r.path / m["file"]) and m["bytes"] == (r.path / m["file"]).stat().st_size
    assert any(c["check"] == "minutes_ahead" and c["passed"] for c in doc["checks"]["limits"])
    assert "IMG_0000" not in json.dumps(manifest) + json.dumps(doc)  # no source file names
    assert any(f.rule == "export.media_manual" for f in r.notices)


def test_blocked_draft_refuses_and_writes_nothing(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    f = make_finding("face.unresolved", policy, subject=d.images[0].path, face=0)
    assert f is not None
    with pytest.raises(ExportError) as e:
        export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[f], now=NOW)
    assert e.value.rule == "export.blocked" and e.value.findings == (f,)
    assert "face.unresolved" in str(e.value)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def _trip(d: Draft, policy) -> Finding:  # type: ignore[no-untyped-def]
    f = make_finding("location.trip", policy, subject=d.images[0].path,
                     params={"km": 1200, "days": 2, "home": "Stockholm"})
    assert f is not None and f.blocks
    return f


def test_override_only_for_rules_the_policy_allows(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    trip = _trip(d, policy)
    d.overrides.append(Override(rule="location.trip", reason="", by="anna"))
    with pytest.raises(ExportError):  # an override needs a reason
        export_bundle(d, out_dir=tmp_path / "a", policy=policy, findings=[trip], now=NOW)
    d.overrides[0].reason = "Resan är slut; bilden visar bara vattnet."
    strict = parse_policy(resource("policy", "default.sv.toml").read_text(encoding="utf-8").replace(
        'overrides_allowed = ["location.trip", ', "overrides_allowed = ["))
    with pytest.raises(ExportError) as e:  # not in this policy's overrides_allowed
        export_bundle(d, out_dir=tmp_path / "b", policy=strict, findings=[trip], now=NOW)
    assert "location.trip" in e.value.params["refused"]
    r = export_bundle(d, out_dir=tmp_path / "c", policy=policy, findings=[trip], now=NOW, lang="sv")
    manifest = json.loads((r.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["overrides"][0]["reason"] == "Resan är slut; bilden visar bara vattnet."
    assert manifest["findings"][0]["overridden"] is True
    assert manifest["findings"][0]["subject"] == "image 1"
    assert "Resan är slut" in (r.path / "record.html").read_text(encoding="utf-8")
    assert r.overrides == (d.overrides[0],)


def test_people_protecting_rules_are_never_overridden(tmp_path: Path) -> None:
    text = resource("policy", "default.sv.toml").read_text(encoding="utf-8").replace(
        'overrides_allowed = [', 'overrides_allowed = ["face.possible_minor", ')
    lax = parse_policy(text)
    d = make_draft(tmp_path, n=1)
    minor = make_finding("face.possible_minor", lax, subject=d.images[0].path, face=0, params={"age": 9})
    assert minor is not None
    d.overrides.append(Override(rule="face.possible_minor", reason="Föräldern sa ja muntligt"))
    with pytest.raises(ExportError) as e:
        export_bundle(d, out_dir=tmp_path / "out", policy=lax, findings=[minor], now=NOW)
    assert e.value.rule == "export.blocked"


def test_second_export_never_overwrites_the_first(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    out = tmp_path / "out"
    first = export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW)
    stamp = _sha(first.path / "manifest.json")
    second = export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW + timedelta(minutes=1))
    assert second.path.name == first.path.name + "-2"
    assert _sha(first.path / "manifest.json") == stamp
    again = export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW + timedelta(minutes=2),
                          overwrite=True)
    assert again.path == first.path and _sha(first.path / "manifest.json") != stamp
    z1 = export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW, zip=True)
    z2 = export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW, zip=True)
    assert z1.path.name == first.path.name + ".zip" and z2.path.name == first.path.name + "-2.zip"
    with zipfile.ZipFile(z1.path) as zf:
        names = zf.namelist()
        assert names[-1].endswith("/manifest.json")  # written last
        assert all(n.startswith(first.path.name + "/") for n in names)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [first.path.name, second.path.name, z1.path.name, z2.path.name])


def test_cancel_and_failures_leave_nothing(tmp_path: Path, policy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=2)
    out = tmp_path / "out"
    token = CancelToken()

    def progress(done: int, total: int, label: str = "") -> None:
        if done >= 1:
            token.cancel()

    with pytest.raises(Cancelled):
        export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW, progress=progress, cancel=token)
    assert list(out.iterdir()) == []
    monkeypatch.setattr(bundle_mod, "verify_clean", lambda path, **kw: ["EXIF GPS IFD"])
    with pytest.raises(ExportError) as e:
        export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW)
    assert e.value.rule == "export.verify_failed" and "EXIF GPS IFD" in str(e.value)
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    Path(d.images[1].path).write_bytes(b"\xff\xd8\xff\xe0truncated")
    with pytest.raises(ExportError) as e:
        export_bundle(d, out_dir=out, policy=policy, findings=[], now=NOW)
    assert e.value.rule == "export.decode_failed"
    assert list(out.iterdir()) == []


def test_media_base_url_fills_url_cells(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    r = export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[], now=NOW,
                      media_base_url="https://kommun.example/media/", formats=["publer", "json"])
    rows = list(csv.reader(io.StringIO((r.path / "scheduling" / "publer-instagram.csv")
                                       .read_text(encoding="utf-8"), newline="")))
    assert rows[1][3] == "https://kommun.example/media/ny-brygga-i-hamnen-2026-12-01-01-1200x800.jpg"
    assert not (r.path / "scheduling" / "hootsuite-x.csv").exists()  # only the formats asked for
    doc = json.loads((r.path / "bundle.json").read_text(encoding="utf-8"))
    urls = [m["public_url"] for n in doc["posts"][0]["networks"] for m in n["media"]]
    assert urls and all(u.startswith("https://kommun.example/media/") for u in urls)
    assert any(f.rule == "export.media_upload" for f in r.notices)
    assert not any(f.rule == "export.media_manual" and "Publer" in f.params["tool"] for f in r.notices)
    with pytest.raises(ExportError):
        export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[], formats=["buffer"])


def test_too_soon_leaves_out_tool_files_with_a_notice(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    d.scheduled_at = (NOW + timedelta(minutes=3)).isoformat()
    r = export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[], now=NOW)
    assert not (r.path / "scheduling").exists()
    assert {f.params["tool"] for f in r.notices if f.rule == "export.schedule.too_soon"} == {
        "Publer", "Hootsuite", "Sprout Social"}
    assert (r.path / "bundle.json").exists()


def test_registry_log_release_ids_and_minor_privacy(tmp_path: Path, policy) -> None:  # type: ignore[no-untyped-def]
    consent = pytest.importorskip("prepub.core.consent")
    reg = consent.open_registry(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        adult = reg.add_person(name="Erik Lund", relation="staff", birth_year=1980)
        child = reg.add_person(name="Lisa Barnsson", relation="public", birth_year=2018)
        parent = reg.add_guardian(child_id=child.id, name="Maria Barnsson")
        channels = ["website", "instagram", "x"]
        c1 = reg.add_consent(person_id=adult.id, channels=channels, purpose="Webb och sociala medier",
                             given_on=date(2026, 1, 1), signed_by=["self"], logged_by="anna",
                             expires_on=date(2027, 12, 31), verbal_note="muntligt, Anna antecknade")
        c2 = reg.add_consent(person_id=child.id, channels=channels, purpose="Webb och sociala medier",
                             given_on=date(2026, 1, 1), signed_by=[parent.id], logged_by="anna",
                             verbal_note="blankett")
        d = make_draft(tmp_path, n=1)
        d.images[0].decide(1, [100, 300, 250, 500], "person", person_id=adult.id)
        d.images[0].decide(2, [800, 300, 950, 500], "person", person_id=child.id, confirmed_adult=False)
        trip = _trip(d, policy)
        d.overrides.append(Override(rule="location.trip", reason="Resan avslutad", by="anna"))
        r = export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[trip], registry=reg,
                          now=NOW, lang="sv", user_name="Anna Svensson")
        assert set(r.consent_ids) == {c1.id, c2.id}
        used = reg.exports_using(c2.id)
        assert [e.bundle_path for e in used] == [str(r.path)] and used[0].id == r.export_id
        assert used[0].files["manifest.json"] == _sha(r.path / "manifest.json")
        actions = [a.action for a in reg.audit_entries(limit=20)]
        assert "export.override" in actions and "export.record" in actions
    finally:
        reg.close()
    meta = pytest.importorskip("prepub.core.metadata")
    img = next((r.path / "images").glob("*-1200x800.jpg"))
    raw = img.read_bytes().decode("latin-1")
    assert "MR-UMR" in raw and c1.id in raw and c2.id in raw  # opaque release ids
    assert meta.read_metadata(img).persons_shown == ()
    record = (r.path / "record.html").read_text(encoding="utf-8")
    manifest = (r.path / "manifest.json").read_text(encoding="utf-8")
    for doc in (record, manifest, (r.path / "bundle.json").read_text(encoding="utf-8")):
        # the child's birth year as a number of its own (a random id or a file hash may hold the digits)
        assert "Lisa" not in doc and "Barnsson" not in doc and not re.search(r"(?<![0-9a-fA-F])2018(?![0-9a-fA-F])", doc)
    assert f"Vårdnadshavares samtycke, id {c2.id}" in record
    assert f"Samtycke, id {c1.id}" in record and "2027-12-31" in record
    assert "Anna Svensson" in record
    assert {"id": c2.id, "kind": "guardian"} in json.loads(manifest)["consents"]


@pytest.mark.parametrize("lang,heading", [("sv", "Publiceringsunderlag"), ("en", "Publication record"),
                                          ("da", "Publiceringsdokumentation")])
def test_record_is_self_contained(tmp_path: Path, policy, lang: str, heading: str) -> None:  # type: ignore[no-untyped-def]
    d = make_draft(tmp_path, n=1)
    trip = _trip(d, policy)
    d.overrides.append(Override(rule="location.trip", reason="Resan avslutad"))
    info = make_finding("image.alt_text_redundant", policy, subject=d.images[0].path, params={"start": "Bild på"})
    assert info is not None
    r = export_bundle(d, out_dir=tmp_path / "out", policy=policy, findings=[trip, info], now=NOW, lang=lang)
    html = (r.path / "record.html").read_text(encoding="utf-8")
    assert f"<h1>{heading}</h1>" in html and f'<html lang="{lang}">' in html
    assert "<script" not in html.lower() and "http://" not in html.replace(
        "http://www.w3.org", "") and 'src="http' not in html and "url(" not in html
    assert html.count('src="data:image/jpeg;base64,') == 1
    assert "Vi invigde den nya bryggan" in html and "Resan avslutad" in html
    from prepub.core.messages import render

    assert render("image.alt_text_redundant", {"start": "Bild på"}, lang).split("{")[0][:20] in html
    assert _sha(r.path / "text" / "x.txt") in html  # file hashes are listed
