"""Export options of issue 14: JPEG quality never above the original's, original file names on
request, a validated and encoded media address, the date order per tool, the record's approver
and case number, from the core and from the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from prepub import cli
from prepub.core.draft import Draft, save_draft
from prepub.core.export import ExportError, export_bundle
from prepub.core.export.plan import estimate_jpeg_quality, media_base, media_url
from prepub.core.export.scheduling import date_example
from prepub.core.policy import load_policy
from prepub.core.resources import resource

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
POLICY = load_policy(language="sv")


def _photo(path: Path, size: tuple[int, int] = (1000, 750), quality: int = 87, seed: int = 1) -> Path:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (size[1] // 25, size[0] // 25, 3), dtype=np.uint8)
    Image.fromarray(small).resize(size, Image.Resampling.BICUBIC).save(path, quality=quality)
    return path


def _draft(*paths: Path, channels: tuple[str, ...] = ("facebook",)) -> Draft:
    d = Draft(text="Stycke ett.\n\nStycke två 🎉", channels=list(channels), title="Höstmöte",
              scheduled_at="2026-12-03T18:30:00+01:00")
    for p in paths:
        im = d.add_image(str(p))
        im.photographer, im.alt_text = "Åsa Öberg", "Ett möte i en sal"
        im.context.what, im.context.where, im.context.when = "Höstmöte", "Rådhuset", "2026-11-20"
    return d


def _rows(p: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))


@pytest.mark.parametrize("q", [60, 87])
def test_reencoding_never_exceeds_the_original_quality(tmp_path: Path, q: int) -> None:
    """Before: a q87 JPEG was re-encoded at the policy's fixed 90 and grew."""
    src = _photo(tmp_path / f"q{q}.jpg", quality=q)
    assert estimate_jpeg_quality(src) == q
    r = export_bundle(_draft(src), out_dir=tmp_path / "out", policy=POLICY, findings=[], now=NOW)
    [img] = [r.path / f for f in r.files if f.startswith("images/")]
    assert Image.open(img).size == Image.open(src).size  # same pixels: a fair size comparison
    assert estimate_jpeg_quality(img) == q
    assert img.stat().st_size <= src.stat().st_size * 1.02 + 4096  # + the new XMP packet


def test_original_file_names_on_request(tmp_path: Path) -> None:
    a = _photo(tmp_path / "Kör på Stortorget.jpg")
    (tmp_path / "b").mkdir()
    b = _photo(tmp_path / "b" / "Kör på Stortorget.jpg", seed=2)  # same name, other folder
    r = export_bundle(_draft(a, b), out_dir=tmp_path / "out", policy=POLICY, findings=[], now=NOW,
                      keep_names=True, media_base_url="https://www.example.se/bilder/")
    images = sorted(f for f in r.files if f.startswith("images/"))
    assert images == ["images/Kör på Stortorget-2.jpg", "images/Kör på Stortorget.jpg"]
    publer = _rows(r.path / "scheduling" / "publer-facebook.csv")
    assert publer[1][3] == ("https://www.example.se/bilder/K%C3%B6r%20p%C3%A5%20Stortorget.jpg,"
                            "https://www.example.se/bilder/K%C3%B6r%20p%C3%A5%20Stortorget-2.jpg")
    r2 = export_bundle(_draft(a), out_dir=tmp_path / "out2", policy=POLICY, findings=[], now=NOW)
    assert [f for f in r2.files if f.startswith("images/")] == ["images/hostmote-2026-12-03-01-1000x750.jpg"]


@pytest.mark.parametrize("url, expected", [
    ("https://www.example.se/media/kultur natt", "https://www.example.se/media/kultur%20natt/"),
    ("https://WWW.Example.se/a%20b/", "https://www.example.se/a%20b/"),  # encoded once, not twice
    ("http://cdn.example.se", "http://cdn.example.se/"),
    ("  ", ""),
])
def test_media_base_is_validated_and_encoded(url: str, expected: str) -> None:
    assert media_base(url) == expected


@pytest.mark.parametrize("url", ["ftp://example.se/", "example.se/media", "https://user:pw@example.se/",
                                 "https://example.se/m?sig=abc", "https://example.se/m#x",
                                 "https:///media", "https://exa mple.se/", "https://example.se:port/"])
def test_bad_media_bases_are_refused_before_anything_is_written(tmp_path: Path, url: str) -> None:
    with pytest.raises(ExportError) as e:
        media_base(url)
    assert e.value.rule == "export.media_base_url_invalid" and "{" not in e.value.message("sv")
    with pytest.raises(ExportError):
        export_bundle(_draft(_photo(tmp_path / "a.jpg")), out_dir=tmp_path / "out", policy=POLICY,
                      findings=[], now=NOW, media_base_url=url)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert media_url("", "images/a.jpg") is None


def test_date_order_per_tool(tmp_path: Path) -> None:
    """Before: dd/mm was fixed; a mm/dd account read 03/12 as 12 March."""
    when = datetime(2026, 12, 3, 18, 30)
    assert date_example("hootsuite", "mdy", when) == "12/03/2026 18:30"
    assert date_example("publer", "mdy", when) == "2026-12-03 18:30"  # Publer reads ISO only
    r = export_bundle(_draft(_photo(tmp_path / "a.jpg")), out_dir=tmp_path / "out", policy=POLICY,
                      findings=[], now=NOW, date_order={"hootsuite": "mdy", "sprout": "dmy"})
    assert _rows(r.path / "scheduling" / "hootsuite-facebook.csv")[0][0] == "12/03/2026 18:30"
    assert _rows(r.path / "scheduling" / "sprout-facebook.csv")[1][0] == "03/12/2026"
    hints = {f.params["tool"]: f.params["date_format"] for f in r.notices
             if f.rule == "export.import_settings"}
    assert hints == {"Publer": "YYYY-MM-DD HH:MM", "Hootsuite": "mm/dd/yyyy hh:mm",
                     "Sprout Social": "dd/mm/yyyy"}
    with pytest.raises(ExportError) as e:
        export_bundle(_draft(), out_dir=tmp_path / "x", policy=POLICY, findings=[], now=NOW,
                      date_order="ydm")
    assert e.value.rule == "export.bad_date_order"


def test_cli_export_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    import prepub.core.analyze as analyze

    monkeypatch.setattr(analyze, "default_detector", lambda *a, **k: None)  # metadata only
    src = _photo(tmp_path / "a.jpg")
    d = _draft(src, channels=("instagram",))
    d.text = "Vi invigde den nya bryggan i hamnen i dag.\n\nVälkomna dit!\n\nFoto: Åsa Öberg"
    draft_path = save_draft(d, tmp_path / "post.prepub.json")
    policy_path = tmp_path / "policy.toml"
    policy_path.write_text(resource("policy", "default.sv.toml").read_text(encoding="utf-8"), encoding="utf-8")
    base = ["export", str(draft_path), "--policy", str(policy_path), "--today", "2026-11-23"]
    code = cli.main([*base, "--out", str(tmp_path / "out"), "--date-order", "mdy",
                     "--date-order", "sprout=dmy", "--media-base-url", "https://www.example.se/m/",
                     "--approver", "Karin Holm", "--case-number", "KS 2026/9", "--no-record-pdf"])
    out = capsys.readouterr()
    assert code == cli.EXIT_OK, out.err + out.out
    [bundle] = list((tmp_path / "out").iterdir())
    assert _rows(bundle / "scheduling" / "hootsuite-instagram.csv")[0][0].startswith("12/03/2026")
    assert _rows(bundle / "scheduling" / "sprout-instagram.csv")[1][0] == "03/12/2026"
    doc = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert doc["posts"][0]["record"]["approver"] == "Karin Holm"
    assert doc["posts"][0]["record"]["case_number"] == "KS 2026/9"
    assert not (bundle / "record.pdf").exists()
    assert "! Hootsuite (Instagram): verktygets import kan inte ta emot radbrytningar" in out.out
    for bad in (["--date-order", "ymd"], ["--date-order", "buffer=mdy"],
                ["--media-base-url", "ftp://x.se/"]):
        assert cli.main([*base, "--out", str(tmp_path / "bad"), *bad]) == cli.EXIT_USAGE
        assert "prepub:" in capsys.readouterr().err
