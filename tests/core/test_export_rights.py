"""Issue 11: an export keeps the original's rights, restrictive usage terms block, the made-up
copyright year is the year the photo was taken, a photo naming someone else's rights starts as
source "unknown", and the export names every file it left out with the reason.

Before: exporting ``fr__obama.jpg`` replaced the White House's usage terms ("may not be used in
any commercial or political materials …") with "© 2026 Pete Souza" and its credit "The White
House" with "Foto: Pete Souza"; Hootsuite and Sprout files were left out without a word.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import piexif
import pytest
from PIL import Image

from prepub import cli
from prepub.core import clock
from prepub.core.checks.image import metadata_findings, restrictive_terms
from prepub.core.draft import (Draft, Override, foreign_rights_holder, load_draft, own_rights_names,
                               prefill_from_file, save_draft)
from prepub.core.export import ExportError, SkippedFile, export_bundle, gate, plan
from prepub.core.messages import catalogue, render
from prepub.core.metadata import read_metadata
from prepub.core.metadata.rights import restrictive
from prepub.core.policy import parse_policy
from prepub.core.resources import resource

EXIFTOOL = shutil.which("exiftool")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
WHITE_HOUSE = "may not be used in any commercial or political materials"


def _policy(*, allow: tuple[str, ...] = ()) -> Any:
    text = resource("policy", "default.sv.toml").read_text(encoding="utf-8")
    if allow:
        text = text.replace("overrides_allowed = [",
                            "overrides_allowed = [" + "".join(f'"{r}", ' for r in allow), 1)
    return parse_policy(text)


POLICY = _policy()


def photo(path: Path, *, xmp: str | None = None, iptc: dict[int, str] | None = None,
          taken: str | None = None, artist: str | None = None, size: tuple[int, int] = (640, 480)) -> Path:
    """A JPEG with the given XMP properties (RDF inside one rdf:Description), IPTC-IIM datasets
    (record 2, UTF-8) in a Photoshop APP13 block, EXIF DateTimeOriginal and Artist."""
    exif: dict[str, Any] = {"0th": {}, "Exif": {}, "GPS": {}, "1st": {}}
    if artist:
        exif["0th"][piexif.ImageIFD.Artist] = artist.encode()
    if taken:
        exif["Exif"][piexif.ExifIFD.DateTimeOriginal] = taken.encode()
    buf = io.BytesIO()
    Image.new("RGB", size, "#6688aa").save(buf, "JPEG", quality=85, exif=piexif.dump(exif))
    data = buf.getvalue()
    segments = b""
    if xmp is not None:
        packet = (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
            ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
            ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">'
            f"{xmp}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").encode("utf-8")
        body = b"http://ns.adobe.com/xap/1.0/\x00" + packet
        segments += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    if iptc:
        iim = b"\x1c\x01\x5a\x00\x03\x1b%G"  # 1:90 coded character set: UTF-8
        for ds, value in iptc.items():
            v = value.encode("utf-8")
            iim += b"\x1c\x02" + bytes([ds]) + struct.pack(">H", len(v)) + v
        irb = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
        irb += b"\x00" * (len(iim) % 2)
        body = b"Photoshop 3.0\x00" + irb
        segments += b"\xff\xed" + struct.pack(">H", len(body) + 2) + body
    path.write_bytes(data[:2] + segments + data[2:])
    return path


def lang_alt(name: str, value: str) -> str:
    return f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt></{name}>'


def draft_for(*paths: Path, photographer: str = "", when: str | None = "2026-12-01T10:00:00+01:00") -> Draft:
    d = Draft(text="Vi invigde bryggan i dag.", channels=["website"], title="Bryggan", scheduled_at=when)
    for p in paths:
        im = d.add_image(str(p))
        im.photographer = photographer
        im.alt_text = "Bryggan sedd från vattnet"
        im.context.what, im.context.where = "Invigning", "Hamnen"
    return d


def exiftool_json(path: Path, *tags: str) -> dict[str, Any]:
    out = subprocess.run([EXIFTOOL, "-j", "-a", "-G1", *tags, str(path)], capture_output=True,
                         text=True, timeout=60, check=True)
    return json.loads(out.stdout)[0]


def exported_image(r: Any) -> Path:
    images = sorted(p for p in r.files if p.startswith("images/"))
    assert len(images) == 1, images
    return Path(r.path) / images[0]


# --- the real photo ------------------------------------------------------------------------------

@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_white_house_photo_keeps_its_usage_terms_and_credit(testdata: Path, tmp_path: Path) -> None:
    src = testdata / "faces" / "fr__obama.jpg"
    if not src.exists():
        pytest.skip(f"{src} is not in the test data")
    md = read_metadata(src)
    assert md.credit is not None and md.credit.value == "The White House"
    # the notice is the usage terms: reading it is a blocking finding, with the terms shown
    found = [f for f in metadata_findings(md, policy=POLICY, subject=str(src)) if f.rule == "image.usage_terms"]
    assert len(found) == 1 and found[0].blocks
    assert WHITE_HOUSE in found[0].params["terms"]
    assert WHITE_HOUSE in render("image.usage_terms", found[0].params, "en")

    # the draft built from the file: photographer from the file, source "unknown", not "own"
    d = draft_for(src)
    own, people = own_rights_names(POLICY)
    assert prefill_from_file(d.images[0], md, own_names=own, people=people)
    im = d.images[0]
    assert im.photographer == "Pete Souza" and im.context.when == "2012-12-06"
    assert im.source.kind == "unknown" and im.source.extra["rights_holder"] == "The White House"

    # the policy does not list the rule: no override lets the export through
    d.overrides.append(Override(rule="image.usage_terms", reason="Vi har läst villkoren", subject=str(src)))
    with pytest.raises(ExportError) as e:
        export_bundle(d, out_dir=tmp_path / "refused", policy=POLICY, findings=found, now=NOW)
    assert [f.rule for f in e.value.findings] == ["image.usage_terms"]
    assert not (tmp_path / "refused").exists() or not any((tmp_path / "refused").iterdir())

    # a policy that lists it takes the override; the export keeps the original's rights
    lax = _policy(allow=("image.usage_terms",))
    r = export_bundle(d, out_dir=tmp_path / "out", policy=lax, findings=found, now=NOW)
    assert [o.rule for o in r.overrides] == ["image.usage_terms"]
    doc = exiftool_json(exported_image(r), "-XMP:all", "-EXIF:Copyright", "-EXIF:Artist")
    assert WHITE_HOUSE in doc["XMP-xmpRights:UsageTerms"]
    assert doc["XMP-photoshop:Credit"] == "The White House"
    assert WHITE_HOUSE in doc["XMP-dc:Rights"] and WHITE_HOUSE in doc["IFD0:Copyright"]
    assert doc["XMP-dc:Creator"] == "Pete Souza"
    flat = json.dumps(doc, ensure_ascii=False)
    assert "© 2026" not in flat and "Foto: Pete Souza" not in flat and "Photo: Pete Souza" not in flat
    bundle = json.loads((Path(r.path) / "bundle.json").read_text(encoding="utf-8"))
    assert bundle["posts"][0]["networks"] == [] or all(
        m["credit"] == "The White House" for n in bundle["posts"][0]["networks"] for m in n["media"])


# --- reading rights ------------------------------------------------------------------------------

RESTRICTED_XMP = (
    lang_alt("dc:rights", "© 2021 Reuters")
    + lang_alt("xmpRights:UsageTerms", "Editorial use only. Not for advertising or political campaigns.")
    + "<photoshop:Credit>Reuters</photoshop:Credit>"
    + "<xmpRights:WebStatement>https://example.org/licence</xmpRights:WebStatement>"
    + '<plus:CopyrightOwner><rdf:Seq><rdf:li rdf:parseType="Resource">'
      "<plus:CopyrightOwnerName>Thomson Reuters</plus:CopyrightOwnerName></rdf:li></rdf:Seq></plus:CopyrightOwner>"
    + '<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorName>Reuters Pictures'
      "</plus:LicensorName><plus:LicensorURL>https://pictures.example/</plus:LicensorURL></rdf:li>"
      "</rdf:Seq></plus:Licensor>")


def test_metadata_reads_credit_usage_terms_and_holders(tmp_path: Path) -> None:
    md = read_metadata(photo(tmp_path / "a.jpg", xmp=RESTRICTED_XMP))
    assert (md.credit.value, md.credit.source) == ("Reuters", "XMP:photoshop:Credit")
    assert md.usage_terms.value.startswith("Editorial use only")
    assert md.usage_terms.source == "XMP:xmpRights:UsageTerms"
    assert [(h.value, h.source) for h in md.rights_holders] == [
        ("Thomson Reuters", "XMP:plus:CopyrightOwner"), ("Reuters Pictures", "XMP:plus:Licensor")]
    assert md.rights_url.value == "https://example.org/licence"
    assert md.to_dict()["credit"] == "Reuters" and md.sources()["usage_terms"] == "XMP:xmpRights:UsageTerms"

    iptc = read_metadata(photo(tmp_path / "b.jpg", iptc={116: "© 2018 Scanpix Sverige", 110: "Scanpix"}))
    assert (iptc.credit.value, iptc.credit.source) == ("Scanpix", "IPTC:Credit")
    assert iptc.copyright.value == "© 2018 Scanpix Sverige" and iptc.usage_terms is None


@pytest.mark.parametrize("terms", [
    "This photograph may not be used in any commercial or political materials.",
    "Editorial use only", "For personal use only.", "Not for commercial use",
    "CC BY-NC-ND 4.0", "Creative Commons Attribution-NonCommercial 4.0",
    "Handout photo. Embargoed until 12:00 CET.",
    "Bilden får inte användas i reklam.", "Endast för redaktionellt bruk.",
    "Billedet må ikke bruges kommercielt.", "Kun til redaktionel brug.",
    "Darf nicht für Werbung verwendet werden.",
])
def test_restrictive_terms(terms: str) -> None:
    assert restrictive(terms)


@pytest.mark.parametrize("terms", [
    "", "© 2024 Kommunen", "Copyright 2023 Anna Svensson. All rights reserved.",
    "CC BY 4.0", "Creative Commons Attribution 4.0 International", "Public domain",
    "Foto: Åsa Öberg", "© Region Norr, alla rättigheter förbehållna",
])
def test_not_restrictive(terms: str) -> None:
    assert not restrictive(terms)


def test_restrictive_terms_are_a_blocking_finding_overridable_only_where_the_policy_allows(
        tmp_path: Path) -> None:
    src = photo(tmp_path / "a.jpg", xmp=RESTRICTED_XMP)
    md = read_metadata(src)
    assert restrictive_terms(md).source == "XMP:xmpRights:UsageTerms"
    found = [f for f in metadata_findings(md, policy=POLICY, subject=str(src)) if f.rule == "image.usage_terms"]
    assert len(found) == 1 and found[0].blocks
    assert found[0].params["terms"].startswith("Editorial use only")
    for lang in ("sv", "en", "da"):
        assert catalogue()["image.usage_terms"][lang] and catalogue()["image.usage_terms"][f"help_{lang}"]
        assert "Editorial use only" in render("image.usage_terms", found[0].params, lang)
    d = draft_for(src)
    d.overrides.append(Override(rule="image.usage_terms", reason="Redaktionellt inlägg", subject=str(src)))
    assert [f.rule for f in gate(d, found, POLICY).blocking] == ["image.usage_terms"]
    g = gate(d, found, _policy(allow=("image.usage_terms",)))
    assert g.ok and [o.rule for _, o in g.overridden] == ["image.usage_terms"]
    # a plain notice is no finding
    plain = read_metadata(photo(tmp_path / "b.jpg", xmp=lang_alt("dc:rights", "© 2024 Kommunen. All rights reserved.")))
    assert not [f for f in metadata_findings(plain, policy=POLICY, subject="b") if f.rule == "image.usage_terms"]


# --- writing rights ------------------------------------------------------------------------------

@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_export_keeps_xmp_rights_owners_and_licensors(tmp_path: Path) -> None:
    src = photo(tmp_path / "a.jpg", xmp=RESTRICTED_XMP, taken="2021:03:04 10:00:00", artist="Jane Doe")
    r = export_bundle(draft_for(src, photographer="Jane Doe"), out_dir=tmp_path / "out", policy=POLICY,
                      findings=[], now=NOW)
    doc = exiftool_json(exported_image(r), "-XMP:all", "-EXIF:Copyright")
    assert doc["XMP-dc:Rights"] == "© 2021 Reuters"
    assert "IFD0:Copyright" not in doc  # EXIF is ASCII: "©" is left to the XMP
    assert doc["XMP-xmpRights:UsageTerms"].startswith("Editorial use only")
    assert doc["XMP-photoshop:Credit"] == "Reuters"
    assert doc["XMP-plus:CopyrightOwnerName"] == "Thomson Reuters"
    assert doc["XMP-plus:LicensorName"] == "Reuters Pictures"
    assert doc["XMP-xmpRights:WebStatement"] == "https://example.org/licence"
    assert "XMP-dc:Rights-sv" not in doc  # the original's words are not claimed to be Swedish


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_export_keeps_iptc_copyright_notice_and_credit(tmp_path: Path) -> None:
    src = photo(tmp_path / "a.jpg", iptc={116: "© 2018 Scanpix Sverige", 110: "Scanpix"})
    r = export_bundle(draft_for(src, photographer="Lars Ek"), out_dir=tmp_path / "out", policy=POLICY,
                      findings=[], now=NOW)
    doc = exiftool_json(exported_image(r), "-XMP:all", "-EXIF:Copyright")
    assert doc["XMP-dc:Rights"] == "© 2018 Scanpix Sverige"
    assert doc["XMP-photoshop:Credit"] == "Scanpix"
    assert "XMP-xmpRights:UsageTerms" not in doc  # a notice that restricts nothing is no terms
    text = (Path(r.path) / "text" / "website.txt").read_text(encoding="utf-8")
    assert "Scanpix" in text


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_what_the_user_writes_in_the_draft_replaces_the_originals_rights(tmp_path: Path) -> None:
    src = photo(tmp_path / "a.jpg", xmp=RESTRICTED_XMP)
    d = draft_for(src, photographer="Jane Doe")
    d.images[0].extra.update({"copyright": "© 2025 Kommunen", "credit": "Foto: Kommunen",
                              "usage_terms": "Fri att använda med byline"})
    r = export_bundle(d, out_dir=tmp_path / "out", policy=POLICY, findings=[], now=NOW)
    doc = exiftool_json(exported_image(r), "-XMP:all")
    assert doc["XMP-dc:Rights"] == "© 2025 Kommunen"
    assert doc["XMP-photoshop:Credit"] == "Foto: Kommunen"
    assert doc["XMP-xmpRights:UsageTerms"] == "Fri att använda med byline"


def test_made_up_copyright_year_is_the_year_taken_never_the_export_year(tmp_path: Path) -> None:
    dated = photo(tmp_path / "dated.jpg", taken="2019:06:01 12:00:00")
    undated = photo(tmp_path / "undated.jpg")
    with clock.frozen(NOW):
        r = export_bundle(draft_for(dated, undated, photographer="Åsa Öberg"), out_dir=tmp_path / "out",
                          policy=POLICY, findings=[])
    images = sorted(p for p in r.files if p.startswith("images/"))
    rights = [read_metadata(Path(r.path) / p).copyright.value for p in images]
    assert rights == ["© 2019 Åsa Öberg", "© Åsa Öberg"]
    credits = [read_metadata(Path(r.path) / p) for p in images]
    assert all(md.photographer.value == "Åsa Öberg" for md in credits)
    # unit level: the original's taken_at gives the year, an explicit year wins
    md = read_metadata(dated)
    im = draft_for(dated, photographer="Åsa Öberg").images[0]
    kw: dict[str, Any] = dict(policy=POLICY, language="sv", release_status="MR-NAP", release_ids=(),
                              source_type="digitalCapture", web_statement=None)
    assert plan.image_meta(im, original=md, **kw).rights == "© 2019 Åsa Öberg"
    assert plan.image_meta(im, original=md, year=2017, **kw).rights == "© 2017 Åsa Öberg"
    assert plan.image_meta(im, original=None, **kw).rights == "© Åsa Öberg"


# --- the draft's source kind ---------------------------------------------------------------------

def test_source_starts_unknown_when_the_file_names_someone_elses_rights(tmp_path: Path) -> None:
    foreign = read_metadata(photo(tmp_path / "a.jpg", xmp=RESTRICTED_XMP))
    ours = read_metadata(photo(tmp_path / "b.jpg", iptc={116: "© 2024 Kommunen", 110: "Foto: Åsa Öberg"}))
    nothing = read_metadata(photo(tmp_path / "c.jpg", artist="Åsa Öberg"))
    reserved = read_metadata(photo(tmp_path / "d.jpg", xmp=lang_alt("dc:rights", "All rights reserved")))
    own = ("Kommunen",)
    assert foreign_rights_holder(foreign, own_names=own) == "Reuters"
    assert foreign_rights_holder(ours, own_names=own) is None
    assert foreign_rights_holder(nothing, own_names=own) is None
    assert foreign_rights_holder(reserved, own_names=own) is None  # names nobody
    # a creator counts only when the organisation lists its people
    assert foreign_rights_holder(nothing, own_names=own, people=("Erik Lund",)) == "Åsa Öberg"
    assert foreign_rights_holder(nothing, own_names=own, people=("Åsa Öberg",)) is None

    d = Draft()
    a, b = d.add_image("a.jpg"), d.add_image("b.jpg")
    assert a.source.kind == "own"  # a new image before its file is read
    prefill_from_file(a, foreign, own_names=own)
    prefill_from_file(b, ours, own_names=own)
    assert (a.source.kind, b.source.kind) == ("unknown", "own")
    assert a.source.extra["rights_holder"] == "Reuters"
    # the user's later choice stands when the file is read again (a reopened draft)
    a.source.kind = "own"
    prefill_from_file(a, foreign, own_names=own)
    assert a.source.kind == "own"
    # and survives a save and load
    p = save_draft(d, tmp_path / "post.prepub.json")
    again = load_draft(p)
    prefill_from_file(again.images[0], foreign, own_names=own)
    assert again.images[0].source.kind == "own"
    # a stock photo with its licence is left as the user said
    s = Draft().add_image("s.jpg")
    s.source.kind, s.source.licence = "stock", "Reuters #123"
    prefill_from_file(s, foreign, own_names=own)
    assert s.source.kind == "stock"


def test_own_rights_names_from_the_policy() -> None:
    pol = parse_policy(resource("policy", "default.sv.toml").read_text(encoding="utf-8").replace(
        "people = []", 'people = ["Anna  Svensson", "Erik Lund"]', 1))
    own, people = own_rights_names(pol)
    assert people == ("Anna Svensson", "Erik Lund")
    assert own[-2:] == people and pol.name in own


# --- files left out ------------------------------------------------------------------------------

def test_export_names_every_file_it_left_out_and_why(tmp_path: Path) -> None:
    src = photo(tmp_path / "a.jpg")
    d = draft_for(src, photographer="Åsa Öberg", when=None)
    d.channels = ["website", "instagram", "x"]
    r = export_bundle(d, out_dir=tmp_path / "out", policy=POLICY, findings=[], now=NOW, lang="en")
    assert all(isinstance(s, SkippedFile) for s in r.skipped)
    left_out = {file: reason for file, reason in r.skipped}
    assert set(left_out) == {"scheduling/hootsuite-instagram.csv", "scheduling/hootsuite-x.csv",
                             "scheduling/sprout-instagram.csv", "scheduling/sprout-x.csv"}
    assert all("publication time" in reason for reason in left_out.values()), left_out
    assert not set(left_out) & set(r.files) and not r.complete
    assert {"scheduling/publer-instagram.csv", "scheduling/publer-x.csv"} <= set(r.files)
    # notices about a file that was not written are moot: only why it is missing remains
    hootsuite = [f.rule for f in r.notices if f.params.get("tool") == "Hootsuite"]
    assert hootsuite == ["export.schedule.no_time"]

    d.scheduled_at = "2026-12-01T10:00:00+01:00"
    r = export_bundle(d, out_dir=tmp_path / "out2", policy=POLICY, findings=[], now=NOW)
    assert r.skipped == () and r.complete
    assert "scheduling/hootsuite-instagram.csv" in r.files

    text = resource("policy", "default.sv.toml").read_text(encoding="utf-8").replace(
        "record_pdf = false", "record_pdf = true")
    from prepub.core.export import bundle as bundle_mod
    from prepub.core.export.record import RecordPdfUnavailable

    def no_weasyprint(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RecordPdfUnavailable("OSError: cannot load library 'libpango-1.0-0'")

    mp = pytest.MonkeyPatch()
    mp.setattr(bundle_mod, "record_pdf", no_weasyprint)
    try:  # an installation without Pango: the PDF is named as left out, with why
        r = export_bundle(d, out_dir=tmp_path / "out3", policy=parse_policy(text), findings=[],
                          now=NOW, formats=["json"])
    finally:
        mp.undo()
    assert [f for f, _ in r.skipped] == ["record.pdf"] and "HTML" in r.skipped[0].reason
    assert "libpango" in r.skipped[0].reason


def test_cli_export_prints_written_and_skipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import prepub.core.analyze as analyze

    monkeypatch.setattr(analyze, "default_detector", lambda *a, **k: None)  # metadata only
    src = photo(tmp_path / "a.jpg", artist="Åsa Öberg")
    d = draft_for(src, photographer="Åsa Öberg", when=None)
    d.text = "Vi invigde den nya bryggan i hamnen i dag. Välkomna dit!\n\nFoto: Åsa Öberg"
    d.channels = ["instagram"]
    draft_path = save_draft(d, tmp_path / "post.prepub.json")
    policy_path = tmp_path / "policy.toml"
    policy_path.write_text(resource("policy", "default.sv.toml").read_text(encoding="utf-8"), encoding="utf-8")
    code = cli.main(["export", str(draft_path), "--out", str(tmp_path / "out"), "--policy",
                     str(policy_path), "--today", "2026-11-23"])
    out = capsys.readouterr()
    assert code == cli.EXIT_OK, out.err + out.out
    assert "Written:" in out.out and "✔ manifest.json" in out.out
    assert "✔ scheduling/publer-instagram.csv" in out.out
    assert "NOT written: 2 files" in out.out
    assert "✖ scheduling/hootsuite-instagram.csv:" in out.out
    assert "✖ scheduling/sprout-instagram.csv:" in out.out
