"""prepub.core.metadata on images the tests make: EXIF values, GPS, orientation, broken files."""

from __future__ import annotations

import hashlib
import io
import os
import struct
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import piexif
import pytest
from PIL import Image

from prepub.core.metadata import UnreadableImage, read_metadata


def _rat(x: float, den: int = 10_000) -> tuple[int, int]:
    f = Fraction(x).limit_denominator(den)
    return f.numerator, f.denominator


def _dms(deg: float) -> tuple[tuple[int, int], ...]:
    deg = abs(deg)
    d = int(deg)
    m = int((deg - d) * 60)
    s = (deg - d - m / 60) * 3600
    return (d, 1), (m, 1), (round(s * 10_000), 10_000)


def _gps(lat: float, lon: float, alt: float | None = None) -> dict[int, object]:
    g: dict[int, object] = {
        piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
        piexif.GPSIFD.GPSLatitudeRef: b"N" if lat >= 0 else b"S",
        piexif.GPSIFD.GPSLatitude: _dms(lat),
        piexif.GPSIFD.GPSLongitudeRef: b"E" if lon >= 0 else b"W",
        piexif.GPSIFD.GPSLongitude: _dms(lon),
    }
    if alt is not None:
        g[piexif.GPSIFD.GPSAltitudeRef] = 1 if alt < 0 else 0
        g[piexif.GPSIFD.GPSAltitude] = _rat(abs(alt))
    return g


def _jpeg(path: Path, *, exif: dict[str, object] | bytes | None = None, size=(64, 48),
          **save: object) -> Path:
    im = Image.new("RGB", size, (200, 120, 40))
    if exif is not None:
        save["exif"] = exif if isinstance(exif, bytes) else piexif.dump(exif)
    im.save(path, "JPEG", **save)
    return path


def _dms_value(parts: tuple[tuple[int, int], ...]) -> float:
    return sum(n / d / 60 ** i for i, (n, d) in enumerate(parts))


@pytest.mark.parametrize("lat,lon,alt", [
    (59.329323, 18.068581, 28.5),  # N/E, above sea level
    (-33.868820, 151.209290, 3.0),  # S/E
    (40.712776, -74.005974, None),  # N/W, no altitude
    (-34.603722, -58.381592, -12.5),  # S/W, below sea level (GPSAltitudeRef = 1)
])
def test_gps_signed_decimals_follow_the_refs(tmp_path: Path, lat: float, lon: float,
                                             alt: float | None) -> None:
    p = _jpeg(tmp_path / "g.jpg", exif={"GPS": _gps(lat, lon, alt)})
    md = read_metadata(p)
    g = _gps(lat, lon, alt)
    want_lat = _dms_value(g[piexif.GPSIFD.GPSLatitude]) * (1 if lat >= 0 else -1)
    want_lon = _dms_value(g[piexif.GPSIFD.GPSLongitude]) * (1 if lon >= 0 else -1)
    assert md.gps is not None
    assert md.gps.lat == pytest.approx(want_lat, abs=1e-9)
    assert md.gps.lon == pytest.approx(want_lon, abs=1e-9)
    assert abs(md.gps.lat - lat) < 1e-5 and abs(md.gps.lon - lon) < 1e-5
    if alt is None:
        assert md.gps.alt is None
    else:
        assert md.gps.alt == pytest.approx(alt)
    assert md.gps.source == "EXIF:GPS"
    assert md.gps_present and not md.gps_empty
    assert md.sources()["gps"] == "EXIF:GPS"


def test_gps_zero_zero_is_present_but_empty(tmp_path: Path) -> None:
    md = read_metadata(_jpeg(tmp_path / "z.jpg", exif={"GPS": _gps(0.0, 0.0, 0.0)}))
    assert md.gps is None
    assert md.gps_present and md.gps_empty


def test_gps_block_without_coordinates_is_present_but_empty(tmp_path: Path) -> None:
    gps = {piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0), piexif.GPSIFD.GPSLatitudeRef: b"N"}
    md = read_metadata(_jpeg(tmp_path / "v.jpg", exif={"GPS": gps}))
    assert (md.gps, md.gps_present, md.gps_empty) == (None, True, True)


def test_empty_gps_ifd_is_present_but_empty(tmp_path: Path) -> None:
    ex = Image.Exif()
    ex[0x010F] = "Maker"
    ex[0x8825] = {}  # a GPS IFD with zero entries
    md = read_metadata(_jpeg(tmp_path / "e.jpg", exif=ex.tobytes()))
    assert (md.gps, md.gps_present, md.gps_empty) == (None, True, True)
    assert md.camera_make is not None and md.camera_make.value == "Maker"


def test_no_gps_at_all(tmp_path: Path) -> None:
    md = read_metadata(_jpeg(tmp_path / "n.jpg", exif={"0th": {piexif.ImageIFD.Make: b"X"}}))
    assert (md.gps, md.gps_present, md.gps_empty) == (None, False, False)


def test_out_of_range_latitude_is_not_a_position(tmp_path: Path) -> None:
    gps = _gps(10.0, 10.0)
    gps[piexif.GPSIFD.GPSLatitude] = ((4294967295, 1), (0, 1), (0, 1))
    md = read_metadata(_jpeg(tmp_path / "r.jpg", exif={"GPS": gps}))
    assert (md.gps, md.gps_present, md.gps_empty) == (None, True, True)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_width_and_height_are_of_the_upright_image(tmp_path: Path, orientation: int) -> None:
    exif = {"0th": {piexif.ImageIFD.Orientation: orientation}}
    md = read_metadata(_jpeg(tmp_path / "o.jpg", exif=exif, size=(64, 48)))
    assert md.orientation == orientation
    assert (md.width, md.height) == ((48, 64) if orientation >= 5 else (64, 48))


def test_invalid_orientation_is_none_with_a_warning(tmp_path: Path) -> None:
    md = read_metadata(_jpeg(tmp_path / "o.jpg", exif={"0th": {piexif.ImageIFD.Orientation: 9}}))
    assert md.orientation is None and (md.width, md.height) == (64, 48)
    assert any(w.startswith("orientation.invalid") for w in md.warnings)


def test_people_and_text_tags_keep_their_source(tmp_path: Path) -> None:
    exif = {
        "0th": {piexif.ImageIFD.Artist: "Åsa Öberg".encode(),
                piexif.ImageIFD.Copyright: b"(c) 2024 Region Norr",
                piexif.ImageIFD.ImageDescription: b"Invigning av nya bron",
                piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"Canon EOS R6"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: b"012345678901",
                 piexif.ExifIFD.LensSerialNumber: b"0000c0ffee",
                 piexif.ExifIFD.CameraOwnerName: b"Kommunikationsavdelningen"},
    }
    md = read_metadata(_jpeg(tmp_path / "t.jpg", exif=exif))
    assert md.photographer is not None and md.photographer.value == "Åsa Öberg"
    assert md.photographer.source == "EXIF:Artist"
    assert (md.copyright.value, md.copyright.source) == ("(c) 2024 Region Norr", "EXIF:Copyright")
    assert (md.caption.value, md.caption.source) == ("Invigning av nya bron",
                                                     "EXIF:ImageDescription")
    assert (md.camera_make.value, md.camera_model.value) == ("Canon", "Canon EOS R6")
    assert [(s.value, s.source) for s in md.serial_numbers] == [
        ("012345678901", "EXIF:BodySerialNumber"), ("0000c0ffee", "EXIF:LensSerialNumber")]
    assert (md.owner_name.value, md.owner_name.source) == ("Kommunikationsavdelningen",
                                                           "EXIF:CameraOwnerName")
    assert md.has_exif and not md.has_xmp and not md.has_iptc
    src = md.sources()
    assert src["photographer"] == "EXIF:Artist"
    assert src["serial_numbers[1]"] == "EXIF:LensSerialNumber"


@pytest.mark.parametrize("junk", [b"OLYMPUS DIGITAL CAMERA", b"SONY DSC", b"          ",
                                  b"KONICA MINOLTA DIGITAL CAMERA", b"DCIM\\100GOPRO\\G0010.JPG"])
def test_camera_default_captions_are_ignored(tmp_path: Path, junk: bytes) -> None:
    md = read_metadata(_jpeg(tmp_path / "j.jpg",
                             exif={"0th": {piexif.ImageIFD.ImageDescription: junk}}))
    assert md.caption is None


def test_placeholder_serials_and_blank_strings_are_ignored(tmp_path: Path) -> None:
    exif = {"0th": {piexif.ImageIFD.Artist: b"   "},
            "Exif": {piexif.ExifIFD.BodySerialNumber: b"0000000000"}}
    md = read_metadata(_jpeg(tmp_path / "p.jpg", exif=exif))
    assert md.photographer is None and md.serial_numbers == ()


def test_taken_at_is_aware_when_the_offset_is_known(tmp_path: Path) -> None:
    exif = {"Exif": {piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 14:03:00",
                     piexif.ExifIFD.OffsetTimeOriginal: b"+02:00",
                     piexif.ExifIFD.SubSecTimeOriginal: b"25"}}
    md = read_metadata(_jpeg(tmp_path / "d.jpg", exif=exif))
    assert md.taken_at is not None and md.taken_at.source == "EXIF:DateTimeOriginal"
    assert md.taken_at.value == datetime(2024, 5, 1, 14, 3, 0, 250000,
                                         tzinfo=timezone(timedelta(hours=2)))
    assert md.to_dict()["taken_at"] == "2024-05-01T14:03:00.250000+02:00"


def test_taken_at_stays_naive_without_offset_and_falls_back(tmp_path: Path) -> None:
    exif = {"Exif": {piexif.ExifIFD.DateTimeOriginal: b"0000:00:00 00:00:00",
                     piexif.ExifIFD.DateTimeDigitized: b"2019:12:24 18:00:00"},
            "0th": {piexif.ImageIFD.DateTime: b"2020:01:01 00:00:00"}}
    md = read_metadata(_jpeg(tmp_path / "d.jpg", exif=exif))
    assert md.taken_at is not None
    assert (md.taken_at.value, md.taken_at.source) == (datetime(2019, 12, 24, 18, 0),
                                                       "EXIF:DateTimeDigitized")


def test_exif_thumbnail_is_detected(tmp_path: Path) -> None:
    thumb = io.BytesIO()
    Image.new("RGB", (16, 12), "blue").save(thumb, "JPEG")
    exif = {"0th": {piexif.ImageIFD.Make: b"X"}, "thumbnail": thumb.getvalue(),
            "1st": {piexif.ImageIFD.XResolution: (72, 1), piexif.ImageIFD.YResolution: (72, 1)}}
    assert read_metadata(_jpeg(tmp_path / "t.jpg", exif=exif)).has_thumbnail
    assert not read_metadata(_jpeg(tmp_path / "n.jpg", exif={"0th": {271: b"X"}})).has_thumbnail


def test_webp_exif_and_orientation(tmp_path: Path) -> None:
    exif = {"0th": {piexif.ImageIFD.Orientation: 6}, "GPS": _gps(62.39, 17.30, 12.0)}
    p = tmp_path / "w.webp"
    Image.new("RGB", (40, 30), "green").save(p, "WEBP", exif=piexif.dump(exif))
    md = read_metadata(p)
    assert (md.format, md.width, md.height, md.orientation) == ("WEBP", 30, 40, 6)
    assert md.gps is not None and md.gps.lat == pytest.approx(62.39, abs=1e-5)
    assert md.gps.alt == pytest.approx(12.0)


@pytest.mark.parametrize("fmt,name", [("TIFF", "t.tif"), ("PNG", "p.png"), ("HEIF", "h.heic"),
                                      ("AVIF", "a.avif")])
def test_other_containers_carry_exif(tmp_path: Path, fmt: str, name: str) -> None:
    exif = {"0th": {piexif.ImageIFD.Artist: b"Per Persson", piexif.ImageIFD.Make: b"Apple"},
            "GPS": _gps(-12.5, -45.25, -3.0)}
    p = tmp_path / name
    Image.new("RGB", (32, 24), "white").save(p, fmt, exif=piexif.dump(exif))
    md = read_metadata(p)
    assert md.format == fmt and (md.width, md.height) == (32, 24)
    assert md.photographer is not None and md.photographer.value == "Per Persson"
    assert md.gps is not None
    assert (round(md.gps.lat, 5), round(md.gps.lon, 5), md.gps.alt) == (-12.5, -45.25, -3.0)


def test_mpo_second_image_is_a_preview(tmp_path: Path) -> None:
    p = tmp_path / "m.mpo"
    im = Image.new("RGB", (32, 24), "white")
    im.save(p, "MPO", save_all=True, append_images=[im.resize((16, 12))])
    md = read_metadata(p)
    assert md.format == "MPO" and md.has_preview


def test_data_argument_reads_bytes_without_the_file(tmp_path: Path) -> None:
    p = _jpeg(tmp_path / "d.jpg", exif={"GPS": _gps(1.5, 2.5)})
    data = p.read_bytes()
    p.unlink()
    md = read_metadata("whatever.jpg", data=data)
    assert md.gps is not None and md.gps.lat == pytest.approx(1.5, abs=1e-6)


def test_the_file_is_opened_read_only_and_left_unchanged(tmp_path: Path) -> None:
    p = _jpeg(tmp_path / "ro.jpg", exif={"GPS": _gps(1.5, 2.5), "0th": {315: b"A"}})
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    mtime = p.stat().st_mtime_ns
    os.chmod(p, 0o444)
    read_metadata(p)
    assert hashlib.sha256(p.read_bytes()).hexdigest() == before
    assert p.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"Hej! Det har ar en textfil, ingen bild.\n" * 20, "unsupported"),
    (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "unsupported"),  # a format we do not take
])
def test_unreadable_files_raise_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "x.jpg"
    p.write_bytes(content)
    with pytest.raises(UnreadableImage) as e:
        read_metadata(p)
    assert e.value.code == reason and e.value.reason


def test_missing_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage) as e:
        read_metadata(tmp_path / "nope.jpg")
    assert e.value.code == "io_error"


def test_truncated_jpeg(tmp_path: Path) -> None:
    """Cut in the pixel data: metadata still reads (decoding is not our job). Cut inside the
    header: the header is broken, so the file is unreadable."""
    full = _jpeg(tmp_path / "f.jpg", exif={"GPS": _gps(55.6, 13.0), "0th": {315: b"Ann"}},
                 size=(256, 256), quality=95).read_bytes()
    sos = full.index(b"\xff\xda")
    cut_pixels = tmp_path / "cut_pixels.jpg"
    cut_pixels.write_bytes(full[: sos + (len(full) - sos) // 2])
    md = read_metadata(cut_pixels)
    assert md.gps is not None and md.photographer is not None and md.width == 256
    cut_header = tmp_path / "cut_header.jpg"
    cut_header.write_bytes(full[: full.index(b"Exif") + 40])
    with pytest.raises(UnreadableImage) as e:
        read_metadata(cut_header)
    assert e.value.code == "broken_header" and e.value.detail


def test_corrupt_exif_is_a_warning_not_an_exception(tmp_path: Path) -> None:
    # IFD0 claims 500 entries in a 40-byte block, and the Exif pointer leads past the end
    tiff = b"MM\x00*\x00\x00\x00\x08" + struct.pack(">H", 500) + b"\x87\x69\x00\x04" + \
        b"\x00\x00\x00\x01\x7f\xff\xff\xff" + b"\x00" * 16
    p = _jpeg(tmp_path / "c.jpg", exif=b"Exif\x00\x00" + tiff)
    md = read_metadata(p)
    assert md.has_exif and md.warnings
    assert any(w.startswith("exif.corrupt") for w in md.warnings)


def test_hostile_maker_note_is_bounded(tmp_path: Path) -> None:
    """An IFD claiming 65,535 entries inside a Canon maker note: read, noted, no hang."""
    note = b"\xff\xff" + b"\x00\x01\x00\x03" * 64
    exif = {"0th": {piexif.ImageIFD.Make: b"Canon"}, "Exif": {piexif.ExifIFD.MakerNote: note}}
    md = read_metadata(_jpeg(tmp_path / "mn.jpg", exif=exif))
    assert md.has_maker_note
    assert any(w.startswith("makernote.") for w in md.warnings)


def test_huge_dimensions_read_without_decoding(tmp_path: Path) -> None:
    """A 100,000 x 100,000 PNG header (a decompression bomb): metadata, not pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        import zlib
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2,
                                                             0, 0, 0))
           + chunk(b"IDAT", b"\x78\x9c\x03\x00\x00\x00\x00\x01") + chunk(b"IEND", b""))
    p = tmp_path / "bomb.png"
    p.write_bytes(png)
    md = read_metadata(p)
    assert (md.width, md.height) == (100_000, 100_000)
    assert any(w.startswith("pixels.over_limit") for w in md.warnings)


def test_ifd_loops_terminate(tmp_path: Path) -> None:
    """IFD0's next-IFD, Exif and GPS pointers all point back at IFD0, and the maker is one whose
    maker note exifread would decode: the read must still end, with what can be salvaged."""
    # a type-2 Nikon maker note whose own IFD also points back at itself
    note = b"Nikon\x00\x02\x10\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01" + struct.pack(
        ">HHII", 0x0011, 4, 1, 8) + struct.pack(">I", 8)
    entries = [(0x010F, 2, 6, 62), (0x8769, 4, 1, 8), (0x8825, 4, 1, 8),
               (0x927C, 7, len(note), 68)]
    ifd = struct.pack(">H", len(entries)) + b"".join(
        struct.pack(">HHII", *e) for e in entries) + struct.pack(">I", 8)
    tiff = b"MM\x00*\x00\x00\x00\x08" + ifd + b"NIKON\x00" + note
    md = read_metadata(_jpeg(tmp_path / "loop.jpg", exif=b"Exif\x00\x00" + tiff))
    assert md.camera_make is not None and md.camera_make.value == "NIKON"
    assert md.has_maker_note
    assert md.gps is None and md.gps_present


def test_mutated_files_never_raise_anything_but_unreadable(tmp_path: Path) -> None:
    """A small seeded fuzz: bit flips, cuts and inserted junk in the metadata of rich files."""
    import random

    thumb = io.BytesIO()
    Image.new("RGB", (16, 12), "blue").save(thumb, "JPEG")
    exif = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Artist: b"A"},
                        "Exif": {piexif.ExifIFD.MakerNote: b"\x00\x02" + b"\x00" * 40,
                                 piexif.ExifIFD.DateTimeOriginal: b"2024:01:02 03:04:05"},
                        "GPS": _gps(57.7, 11.9, 10.0), "1st": {}, "thumbnail": thumb.getvalue()})
    seeds = []
    for fmt in ("JPEG", "PNG", "WEBP", "TIFF"):
        buf = io.BytesIO()
        Image.new("RGB", (24, 16), "white").save(buf, fmt, exif=exif)
        seeds.append(buf.getvalue())
    rng = random.Random(20240501)
    outcomes = {"read": 0, "refused": 0}
    for _ in range(300):
        data = bytearray(rng.choice(seeds))
        span = min(len(data), 4000)
        if rng.random() < 0.7:
            for _ in range(rng.randint(1, 12)):
                data[rng.randrange(span)] = rng.randrange(256)
        else:
            data = data[: rng.randrange(span)]
        try:
            md = read_metadata("fuzz", data=bytes(data))
        except UnreadableImage as e:
            assert e.code in ("empty", "unsupported", "broken_header")
            outcomes["refused"] += 1
        else:
            assert not [w for w in md.warnings if w.startswith("internal")]
            outcomes["read"] += 1
    assert outcomes["read"] > 50 and outcomes["refused"] > 10, outcomes
