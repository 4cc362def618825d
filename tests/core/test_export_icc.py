"""Colour profiles on export (issue 17, item 3): a source's ICC profile, with its device names and
private tags, never reaches an exported file. The pixels are converted into the app's own sRGB
(or Display P3 for a P3 source) and only that profile is embedded; the export's verification
accepts no other profile, byte for byte."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms

from prepub.core.export.images import write_clean_image
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import ExportMeta, own_profile, own_profiles, profile_space

EXIFTOOL = shutil.which("exiftool")
META = ExportMeta(creators=("Anna Berg",), caption="Kajen", alt_text="En kaj")
SECRETS = (b"Minolta", b"DiMAGE", b"SN-0123456", b"Anna Berg-Owner", b"59.329300", b"18.068600",
           b"Apple Computer")
PRIVATE = "Owner: Anna Berg-Owner; Serial: SN-0123456; GPS 59.329300 N 18.068600 E"


# --- a crafted profile: a real one with identifying text added -------------------------------------

def _mluc(text: str) -> bytes:
    s = text.encode("utf-16-be")
    return b"mluc" + bytes(4) + struct.pack(">II", 1, 12) + b"enUS" + struct.pack(">II", len(s), 28) + s


def _desc_v2(text: str) -> bytes:
    a = text.encode("ascii") + b"\x00"
    return b"desc" + bytes(4) + struct.pack(">I", len(a)) + a + bytes(4 + 4 + 2 + 1 + 67)


def _text(text: str) -> bytes:
    return b"text" + bytes(4) + text.encode("ascii") + b"\x00"


def _tags(icc: bytes) -> dict[bytes, bytes]:
    count = struct.unpack(">I", icc[128:132])[0]
    out = {}
    for k in range(count):
        sig, off, size = struct.unpack(">4sII", icc[132 + 12 * k:144 + 12 * k])
        out[sig] = icc[off:off + size]
    return out


def _rebuild(header: bytes, tags: dict[bytes, bytes]) -> bytes:
    table, blob = [], b""
    start = 128 + 4 + 12 * len(tags)
    for sig, data in tags.items():
        table.append(struct.pack(">4sII", sig, start + len(blob), len(data)))
        blob += data + bytes(-len(data) % 4)
    out = header[:128] + struct.pack(">I", len(tags)) + b"".join(table) + blob
    return struct.pack(">I", len(out)) + out[4:]


def crafted(base: bytes, *, description: str, device: str, model: str) -> bytes:
    """``base`` with the description, device manufacturer/model and a private tag replaced or
    added (manufacturer signature ``MNLT`` in the header), the way camera profiles carry them."""
    text = _desc_v2 if base[8] == 2 else _mluc
    tags = _tags(base)
    tags[b"desc"] = text(description)
    tags[b"dmnd"] = text(device)
    tags[b"dmdd"] = text(model)
    tags[b"zOwn"] = _text(PRIVATE)  # a private tag, as some camera makers write
    header = bytearray(base[:128])
    header[48:52], header[52:56] = b"MNLT", b"A2\x00\x00"
    header[84:100] = bytes(16)  # no profile ID
    return _rebuild(bytes(header), tags)


def srgb_minolta() -> bytes:
    base = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return crafted(base, description="sRGB (Minolta Co.,Ltd.)", device="Minolta Co.,Ltd.",
                   model="DiMAGE A2")


def p3_apple() -> bytes:
    return crafted(own_profile("display-p3"), description="Display P3 (Apple Computer Inc.)",
                   device="Apple Computer Inc.", model="DiMAGE A2")


def photo(path: Path, icc: bytes, fmt: str = "JPEG") -> Path:
    """Colour patches and a gradient, tagged with ``icc``."""
    arr = np.zeros((120, 240, 3), np.uint8)
    arr[:, :, 0] = np.linspace(0, 255, 240, dtype=np.uint8)[None, :]
    arr[:60, :80] = (200, 40, 40)
    arr[:60, 80:160] = (40, 180, 60)
    arr[:60, 160:] = (30, 60, 210)
    im = Image.fromarray(arr)
    if fmt == "PNG":
        im.save(path, "PNG", icc_profile=icc)
    else:
        im.save(path, "JPEG", quality=95, icc_profile=icc)
    return path


def _exiftool_icc(path: Path) -> list[str]:
    assert EXIFTOOL is not None
    out = subprocess.run([EXIFTOOL, "-icc_profile:all", "-s", "-S", str(path)], capture_output=True,
                         text=True, timeout=120).stdout
    return out.splitlines()


# --- tests ---------------------------------------------------------------------------------------

def test_the_crafted_profiles_carry_what_the_red_team_found() -> None:
    for icc in (srgb_minolta(), p3_apple()):
        prof = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile  # littleCMS reads it
        assert "Minolta" in prof.profile_description or "Apple" in prof.profile_description
        assert PRIVATE.encode() in icc
    assert profile_space(srgb_minolta()) == "srgb" and profile_space(p3_apple()) == "display-p3"


@pytest.mark.parametrize(("make", "space"), [(srgb_minolta, "srgb"), (p3_apple, "display-p3")])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_the_source_profile_is_replaced_by_the_apps_own(tmp_path: Path, make, space: str,  # type: ignore[no-untyped-def]
                                                        fmt: str) -> None:
    src = photo(tmp_path / f"src.{fmt.lower()}", make(), fmt)
    if fmt == "PNG":  # PNG output only for transparency: give it some
        with Image.open(src) as im:
            im.putalpha(255)
            im.save(src, "PNG", icc_profile=make())
    out = write_clean_image(src, tmp_path / f"out.{fmt.lower()}", meta=META, fmt=fmt)
    data = out.path.read_bytes()
    with Image.open(out.path) as im:
        assert im.info.get("icc_profile") == own_profile(space)
    for secret in SECRETS:  # as ASCII (v2 desc, text) and as UTF-16 (v4 mluc)
        assert secret not in data and secret.decode().encode("utf-16-be") not in data, secret
    assert b"zOwn" not in data and b"MNLT" not in data
    assert verify_clean(out.path) == []
    # the pixels keep their colours: same space in, same space out (littleCMS, within rounding)
    with Image.open(src) as a, Image.open(out.path) as b:
        before = np.asarray(a.convert("RGB"), dtype=int)[10:50:10, 20::40]
        after = np.asarray(b.convert("RGB"), dtype=int)[10:50:10, 20::40]
    assert np.abs(before - after).max() <= (3 if fmt == "PNG" else 8)


def test_a_wide_gamut_source_is_converted_to_srgb(tmp_path: Path) -> None:
    """A profile that is neither sRGB nor P3 (here: sRGB primaries with a gamma-1.0 curve,
    like a linear scan) gets its pixels converted, not just relabelled."""
    base = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    tags = _tags(base)
    for sig in (b"rTRC", b"gTRC", b"bTRC"):
        tags[sig] = b"curv" + bytes(4) + struct.pack(">I", 0)  # no points: identity, gamma 1.0
    icc = crafted(_rebuild(base, tags), description="Linear scan (Minolta Co.,Ltd.)",
                  device="Minolta Co.,Ltd.", model="DiMAGE A2")
    src = photo(tmp_path / "lin.jpg", icc)
    out = write_clean_image(src, tmp_path / "out.jpg", meta=META)
    with Image.open(out.path) as im:
        assert im.info["icc_profile"] == own_profile("srgb")
        mid = np.asarray(im.convert("RGB"), dtype=int)[100, 120, 0]
    with Image.open(src) as im:
        raw = np.asarray(im.convert("RGB"), dtype=int)[100, 120, 0]
    assert raw < 140 and mid > raw + 40  # linear 0.5 is sRGB ~0.73: converted, not relabelled
    assert verify_clean(out.path) == []


def test_verification_looks_inside_the_profile(tmp_path: Path) -> None:
    """A file that is clean but for a foreign profile fails; the app's own profiles pass."""
    arr = np.full((32, 32, 3), 128, np.uint8)
    for name, icc in (("foreign", srgb_minolta()), ("lcms", ImageCms.ImageCmsProfile(
            ImageCms.createProfile("sRGB")).tobytes())):
        for fmt in ("JPEG", "PNG"):
            p = tmp_path / f"{name}.{fmt.lower()}"
            Image.fromarray(arr).save(p, fmt, icc_profile=icc)
            assert any(x.startswith("ICC profile not Prepub's own") for x in verify_clean(p)), p
    for space, icc in own_profiles().items():
        for fmt in ("JPEG", "PNG"):
            p = tmp_path / f"own-{space}.{fmt.lower()}"
            Image.fromarray(arr).save(p, fmt, icc_profile=icc)
            assert verify_clean(p) == [], p


def test_verification_refuses_damaged_or_split_profiles(tmp_path: Path) -> None:
    arr = np.full((16, 16, 3), 128, np.uint8)
    p = tmp_path / "own.jpg"
    Image.fromarray(arr).save(p, "JPEG", icc_profile=own_profile("srgb"))
    data = p.read_bytes()
    i = data.index(b"ICC_PROFILE\x00")
    bad = data[:i + 12] + b"\x02\x02" + data[i + 14:]  # chunk 2 of 2, but there is no chunk 1
    (tmp_path / "bad.jpg").write_bytes(bad)
    assert any(x.startswith("ICC profile damaged") for x in verify_clean(tmp_path / "bad.jpg"))
    # an own profile with one byte appended is not an own profile
    q = tmp_path / "plus.png"
    Image.fromarray(arr).save(q, "PNG", icc_profile=own_profile("srgb") + b"\x00")
    assert any(x.startswith("ICC profile not Prepub's own") for x in verify_clean(q))
    # a compressed profile that inflates far beyond any of ours is not inflated
    bomb = zlib.compress(bytes(50 << 20))
    chunk = b"ICC Profile\x00\x00" + bomb
    png = tmp_path / "bomb.png"
    Image.fromarray(arr).save(png, "PNG")
    raw = png.read_bytes()
    body = struct.pack(">I", len(chunk)) + b"iCCP" + chunk
    body += struct.pack(">I", zlib.crc32(b"iCCP" + chunk) & 0xFFFFFFFF)
    png.write_bytes(raw[:33] + body + raw[33:])  # after IHDR
    assert any(x.startswith("ICC profile not Prepub's own") for x in verify_clean(png))


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_exiftool_sees_only_the_apps_profile(tmp_path: Path) -> None:
    for make, space in ((srgb_minolta, "srgb"), (p3_apple, "display-p3")):
        src = photo(tmp_path / f"{space}.jpg", make())
        assert any("Minolta" in line or "Apple" in line for line in _exiftool_icc(src))
        out = write_clean_image(src, tmp_path / f"out-{space}.jpg", meta=META)
        own = tmp_path / f"{space}.icc"
        own.write_bytes(own_profile(space))
        assert _exiftool_icc(out.path) == _exiftool_icc(own)


# One file per kind of profile in the shared data (descriptions as exiftool reads them).
SHARED = ["exiftool__ExifTool.jpg",  # Adobe RGB (1998)
          "ianare__jpg__Canon_40D.jpg",  # sRGB IEC61966-2.1 (Hewlett-Packard)
          "mei__heic__IMG_1034.heic",  # Display P3 (Apple Computer Inc.)
          "pillow__frame_size.mpo",  # Display P3 in an MPO
          "ianare__jpg__orientation__landscape_6.jpg",  # Generic RGB Profile (Apple), rotated
          "ianare__tiff__Cr_mieux11.tiff",  # Color LCD (a display's own profile), RGBA
          "pillow__xmp_tags_orientation.png",  # ColorMatch RGB, RGBA
          "mei__jpg__Issue_614.jpg",  # GIMP built-in sRGB
          "mei__webp__HTC_Desire.webp"]


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_shared_data_exports_carry_only_the_apps_profile(testdata: Path, tmp_path: Path) -> None:
    expected = {}
    for space, icc in own_profiles().items():
        (tmp_path / f"{space}.icc").write_bytes(icc)
        expected[space] = _exiftool_icc(tmp_path / f"{space}.icc")
    seen = set()
    for name in SHARED:
        src = testdata / "exif" / name
        if not src.exists():
            pytest.skip(f"{name} is missing from the shared data")
        with Image.open(src) as im:
            space = profile_space(im.info.get("icc_profile"))
        out = write_clean_image(src, tmp_path / f"{name}.out", meta=META, max_side=640,
                                fmt="PNG")
        assert verify_clean(out.path) == [], name
        assert _exiftool_icc(out.path) == expected[space], name
        seen.add(space)
    assert seen == {"srgb", "display-p3"}


def test_the_shipped_profiles_are_what_the_builder_makes() -> None:
    """resources/icc holds exactly what prepub.core.export.icc builds (no date, no id)."""
    from prepub.core.export.icc import SPACES, build_profile
    from prepub.core.export.xmp import own_profile

    for space in SPACES:
        assert own_profile(space) == build_profile(space) == build_profile(space)
