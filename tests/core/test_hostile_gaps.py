"""Silent gaps (issue 17, item 10): what the metadata reader could not read, and picture data
that is damaged although it decodes, are findings in ``--json`` and the window; hidden
``.partial-*`` folders an interrupted export left are removed at the next export."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from prepub import cli
from prepub.core.analyze import analyze_image
from prepub.core.draft import Draft
from prepub.core.export import export_bundle
from prepub.core.export.atomic import STALE_AFTER_SECONDS, clean_stale_partials, stale_partials
from prepub.core.jpegscan import scan_damage
from prepub.core.messages import catalogue, message
from prepub.core.policy import load_policy


def _natural(w: int = 480, h: int = 360, seed: int = 1) -> Image.Image:
    """Something photo-like: gradients and noise (every block has coefficients)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([(x * 255 // w), (y * 255 // h), ((x + y) * 127 // (w + h)) + 60], -1)
    noisy = np.clip(base + rng.normal(0, 25, (h, w, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(noisy, "RGB")


def _jpeg(**kw: object) -> bytes:
    buf = io.BytesIO()
    _natural().save(buf, "JPEG", quality=90, **kw)
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _rules(path: Path) -> dict[str, dict]:
    rep = analyze_image(path, policy=load_policy(language="en"), detector=None)
    return {f.rule: f for f in rep.findings}


def _check_json(*paths: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    rc = cli.main(["check", "--no-faces", "--json", *map(str, paths)])
    assert rc in (0, 1)
    return json.loads(capsys.readouterr().out)


# --- metadata read problems ---------------------------------------------------------------------

def test_a_truncated_png_is_a_finding_in_json(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    buf = io.BytesIO()
    _natural(120, 90).save(buf, "PNG")
    png = buf.getvalue()
    iend = png.rindex(b"IEND") - 4
    text = _chunk(b"tEXt", b"Comment\x00made by hand")
    p = tmp_path / "cut.png"
    p.write_bytes(png[:iend] + text)  # the picture is whole, the file ends before IEND
    doc = _check_json(p, capsys=capsys)
    (im,) = doc["images"]
    assert im["error"] is None  # the picture itself decodes
    found = {f["rule"]: f for f in im["findings"]}
    f = found["image.metadata_damaged"]
    assert f["severity"] == "warn" and "png.truncated" in f["params"]["codes"]
    assert "could not be read" in f["message"]


def test_corrupt_exif_and_a_refused_xmp_are_findings(tmp_path: Path) -> None:
    jpg = _jpeg()
    bad_exif = b"\xff\xe1" + struct.pack(">H", 2 + 6 + 12) + b"Exif\x00\x00" + b"XX\x2a\x00" + b"\x00" * 8
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
            b'22-rdf-syntax-ns#"><rdf:Description>&b;</rdf:Description></rdf:RDF></x:xmpmeta>')
    xmp = b"\xff\xe1" + struct.pack(">H", 2 + 29 + len(bomb)) + b"http://ns.adobe.com/xap/1.0/\x00" + bomb
    for name, segment, code in (("exif.jpg", bad_exif, "exif.corrupt"), ("xmp.jpg", xmp, "xmp.unreadable")):
        p = tmp_path / name
        p.write_bytes(jpg[:2] + segment + jpg[2:])
        f = _rules(p)["image.metadata_damaged"]
        assert code in f.params["codes"], f.params
        for lang in ("sv", "en", "da"):
            assert str(f.params["count"]) in message(f, lang)


def test_a_clean_photo_has_no_such_finding(tmp_path: Path) -> None:
    p = tmp_path / "clean.jpg"
    p.write_bytes(_jpeg())
    rules = _rules(p)
    assert "image.metadata_damaged" not in rules and "image.damaged" not in rules


# --- damaged picture data -----------------------------------------------------------------------

def _flipped(data: bytes) -> bytes:
    """``data`` with one bit flipped in its picture data, where the walk sees it (the first such
    position from the middle on; a flip in a value's own bits changes only that value)."""
    sos = data.index(b"\xff\xda")
    start = sos + 2 + struct.unpack(">H", data[sos + 2:sos + 4])[0]
    for pos in range((start + len(data)) // 2, len(data) - 2):
        if data[pos] in (0xFF, 0x00) or data[pos - 1] == 0xFF:
            continue
        b = bytearray(data)
        b[pos] ^= 0x10
        if scan_damage(bytes(b)):
            return bytes(b)
    raise AssertionError("no flip found")


@pytest.mark.parametrize("kw", [{}, {"subsampling": 0}, {"restart_marker_blocks": 4}],
                         ids=["420", "444", "restarts"])
def test_a_bit_flipped_jpeg_is_a_finding(tmp_path: Path, kw: dict) -> None:
    good = _jpeg(**kw)
    assert scan_damage(good) is None
    assert (b"\xff\xdd" in good) == ("restart_marker_blocks" in kw)
    p = tmp_path / "flipped.jpg"
    p.write_bytes(_flipped(good))
    Image.open(p).load()  # Pillow decodes it without a word
    f = _rules(p)["image.damaged"]
    assert f.severity.value == "warn" and f.params["reason"]
    assert "garbled" in message(f, "en") and "förvrängda" in message(f, "sv")


def test_a_cut_jpeg_is_damaged_or_unreadable(tmp_path: Path) -> None:
    good = _jpeg()
    p = tmp_path / "cut.jpg"
    p.write_bytes(good[: int(len(good) * 0.7)] + b"\xff\xd9")
    rules = _rules(p)
    assert "image.damaged" in rules or "image.unreadable" in rules


def test_the_real_corrupted_samples_are_noted(testdata: Path) -> None:
    for name in ("ianare__jpg__corrupted.jpg", "pillow__hopper_bad_exif.jpg"):
        p = testdata / "exif" / name
        if not p.exists():
            continue
        rules = _rules(p)
        assert "image.damaged" in rules or "image.unreadable" in rules, name


def test_every_new_code_speaks_three_languages() -> None:
    cat = catalogue()
    for key in ("image.metadata_damaged", "image.damaged", "reason.not_regular", "reason.timeout",
                "reason.out_of_memory"):
        for lang in ("sv", "en", "da"):
            assert cat[key][lang], (key, lang)


# --- stale partial folders ----------------------------------------------------------------------

def _age(path: Path, seconds: float, ref: float) -> None:
    os.utime(path, (ref - seconds, ref - seconds))
    if path.is_dir():
        for child in path.iterdir():
            os.utime(child, (ref - seconds, ref - seconds))


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_stale_partials_are_cleaned_at_the_next_export_but_not_live_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    probe = out / "probe"
    probe.write_text("x")
    now = probe.stat().st_mtime
    probe.unlink()
    old = out / ".post-2026-11-20.partial-abc123"
    (old / "images").mkdir(parents=True)
    (old / "images" / "1.jpg").write_bytes(b"half")
    old_zip = out / ".post-2026-11-20.partial-zz.zip"
    old_zip.write_bytes(b"PK")
    recent = out / ".post-2026-11-23.partial-def456"
    recent.mkdir()
    live = out / ".post-2026-11-22.partial-live"
    live.mkdir()
    for p in (old, old_zip, live):
        _age(p, STALE_AFTER_SECONDS + 3600, now)
    # another process, still exporting, holds its partial folder
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY);"
         " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(120)", str(live)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        photo = tmp_path / "p.jpg"
        _natural(200, 150).save(photo, "JPEG")
        d = Draft(text="Hej", channels=["website"], title="Post",
                  scheduled_at="2026-11-23T10:00:00+01:00")
        im = d.add_image(str(photo))
        im.photographer, im.alt_text = "Åsa", "Bild"
        res = export_bundle(d, out_dir=out, policy=load_policy(language="sv"), findings=[])
        assert res.path.exists()
        left = {p.name for p in stale_partials(out)}
        assert left == {recent.name, live.name}
    finally:
        holder.kill()
        holder.wait(10)
    # once its holder is gone, the old one is stale too
    assert live in clean_stale_partials(out)
    assert {p.name for p in stale_partials(out)} == {recent.name}
