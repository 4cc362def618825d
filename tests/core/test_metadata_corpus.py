"""prepub.core.metadata against the real corpus in ``testdata/exif`` (190 camera/phone files).

Ground truth: ``metadata.csv`` (measured with exifread and Pillow) and ExifTool itself, called once
for the whole folder. Where the CSV and this reader disagree, ExifTool decides, and the file is
listed below with the reason.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from prepub.core.metadata import UnreadableImage, read_metadata
from prepub.core.model import Metadata

# Files of the corpus this reader may refuse, with why. Every file, broken ones included, has a
# parseable header, so none is refused; a new refusal fails the test until it is explained here.
EXPECTED_UNREADABLE: dict[str, str] = {}

# metadata.csv was measured from EXIF only, with Pillow's view of a GPS IFD. ExifTool agrees with
# this reader on these files:
CSV_DISAGREES = {
    # XMP-exif:GPSLatitude/Longitude hold a position; the EXIF GPS IFD has empty coordinates
    "mei__jpg__Nikon_D5000.jpg": "has_gps",
    # `exiftool -v`: "GPS directory with 0 entries" -> a GPS block exists, and it is empty
    "pillow__empty_gps_ifd.jpg": "gps_ifd_present",
    # `exiftool -v`: "Wrong format (string) for IFD0 0x8825 GPSInfo" -> a (broken) GPS block
    "pillow__exif_gps_typeerror.jpg": "gps_ifd_present",
}


@dataclass
class Corpus:
    root: Path
    rows: dict[str, dict[str, str]]
    results: dict[str, Metadata | UnreadableImage]
    changed: list[str]
    seconds: float


@pytest.fixture(scope="module")
def corpus(testdata: Path) -> Corpus:
    root = testdata / "exif"
    with open(root / "metadata.csv", newline="", encoding="utf-8") as f:
        rows = {r["file"]: r for r in csv.DictReader(f)}
    results: dict[str, Metadata | UnreadableImage] = {}
    changed = []
    start = time.perf_counter()
    for name in sorted(rows):
        path = root / name
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            results[name] = read_metadata(path)
        except UnreadableImage as e:
            results[name] = e
        if hashlib.sha256(path.read_bytes()).hexdigest() != before:
            changed.append(name)
    return Corpus(root, rows, results, changed, time.perf_counter() - start)


def _read_ok(corpus: Corpus) -> dict[str, Metadata]:
    return {n: r for n, r in corpus.results.items() if isinstance(r, Metadata)}


@pytest.mark.timeout(120)
def test_every_file_is_read_or_refused_as_expected(corpus: Corpus) -> None:
    assert len(corpus.rows) == 190
    refused = {n: r.code for n, r in corpus.results.items() if isinstance(r, UnreadableImage)}
    assert set(refused) == set(EXPECTED_UNREADABLE), refused
    for name in refused:
        assert corpus.rows[name]["category"] in ("broken", "odd"), name
    for name, md in _read_ok(corpus).items():
        assert md.format == corpus.rows[name]["format"], name
        bad = [w for w in md.warnings if w.startswith(("internal", "xmp.unreadable"))]
        assert not bad, (name, bad)


def test_reading_never_changes_a_file(corpus: Corpus) -> None:
    assert corpus.changed == []


def test_upright_size_and_orientation_agree_with_the_csv(corpus: Corpus) -> None:
    for name, md in _read_ok(corpus).items():
        row = corpus.rows[name]
        want = int(row["orientation"]) if row["orientation"].strip().isdigit() else None
        assert md.orientation == want, (name, row["orientation"], md.orientation)
        w, h = (int(x) for x in row["dims"].split("x"))
        # the CSV has Pillow's size: stored pixels, except HEIF, where libheif already rotated
        if md.format != "HEIF" and want in (5, 6, 7, 8):
            w, h = h, w
        assert (md.width, md.height) == (w, h), name


def test_gps_flags_agree_with_the_csv(corpus: Corpus) -> None:
    for name, md in _read_ok(corpus).items():
        row = corpus.rows[name]
        zero = row["zero_coords"] == "yes"
        has_gps = row["has_gps"] == "yes" and not zero
        ifd = row["gps_ifd_present"] == "yes"
        if CSV_DISAGREES.get(name) == "has_gps":
            assert not has_gps and md.gps is not None and md.gps.source == "XMP:exif:GPS", name
        else:
            assert (md.gps is not None) == has_gps, (name, md.gps)
        if zero:
            assert md.gps is None and md.gps_present and md.gps_empty, name
        if CSV_DISAGREES.get(name) == "gps_ifd_present":
            assert not ifd and md.gps_present and md.gps_empty, name
        else:
            assert md.gps_present == ifd, (name, md.gps_present)
        assert md.gps_empty == (md.gps_present and md.gps is None), name


@pytest.fixture(scope="module")
def exiftool(corpus: Corpus) -> dict[str, dict[str, object]]:
    """ExifTool's view of every file, from one run over the whole folder."""
    exe = shutil.which("exiftool")
    if exe is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl)")
    out = subprocess.run(
        [exe, "-n", "-j", "-a", "-G1", "-q", "-q", "-GPSLatitude", "-GPSLongitude",
         "-GPSAltitude", "-ThumbnailImage", "-PreviewImage", "-PhotoshopThumbnail", "-MPImage2",
         str(corpus.root)],
        capture_output=True, timeout=120, check=False)
    return {Path(d["SourceFile"]).name: d for d in json.loads(out.stdout or b"[]")}


def _num(v: object) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _expected_position(d: dict[str, object]) -> tuple[float, float, float | None] | None:
    """ExifTool's signed position: Composite (EXIF + refs) first, else XMP-exif."""
    for group in ("Composite", "XMP-exif"):
        lat, lon = _num(d.get(f"{group}:GPSLatitude")), _num(d.get(f"{group}:GPSLongitude"))
        if lat is not None and lon is not None:
            # Composite:GPSAltitude needs GPSAltitudeRef; without one the raw value is above sea
            alt = _num(d.get(f"{group}:GPSAltitude"))
            if alt is None and group == "Composite":
                alt = _num(d.get("GPS:GPSAltitude"))
            return lat, lon, alt
    return None


def test_gps_agrees_with_exiftool_to_a_microdegree(corpus: Corpus,
                                                   exiftool: dict[str, dict[str, object]]) -> None:
    et = exiftool
    with_gps = agreed = 0
    for name, md in _read_ok(corpus).items():
        want = _expected_position(et.get(name, {}))
        if want is None:
            assert md.gps is None, (name, md.gps)
            continue
        with_gps += 1
        lat, lon, alt = want
        if lat == 0 and lon == 0:  # "location data present but empty"
            assert md.gps is None and md.gps_present and md.gps_empty, name
        else:
            assert md.gps is not None, name
            assert abs(md.gps.lat - lat) <= 1e-6 and abs(md.gps.lon - lon) <= 1e-6, (name, want)
            if alt is None:
                assert md.gps.alt is None, name
            else:
                assert md.gps.alt is not None and abs(md.gps.alt - alt) <= 1e-6, (name, want)
        agreed += 1
    assert with_gps == agreed == 42  # 41 EXIF (3 at 0,0) + 1 only in XMP (Nikon D5000)


@pytest.mark.parametrize("name,field,value", [
    # ExifTool's MWG test file: the values named RIGHT are the ones MWG reconciliation picks
    ("exiftool__MWG.jpg", "photographer",
     ("RIGHT1of2-EXIF-Creator; RIGHT2of2-EXIF-Creator", "EXIF:Artist")),
    ("exiftool__MWG.jpg", "copyright", ("RIGHT-XMP-Copyright", "XMP:dc:rights")),
    ("exiftool__MWG.jpg", "caption", ("RIGHT-EXIF-Description", "EXIF:ImageDescription")),
    ("exiftool__IPTC.jpg", "photographer", ("Phil Harvey", "IPTC:By-line")),
    ("exiftool__PNG.png", "photographer", ("Phil Harvey", "XMP:dc:creator")),
    ("exiftool__Canon.jpg", "owner_name", ("Phil Harvey", "MakerNote:OwnerName")),
    ("mei__jpg__Canon_EOS_7D.jpg", "owner_name", ("Peter Bemmann", "XMP:aux:OwnerName")),
    ("pillow__multiple_exif.jpg", "caption", ("firstsecond", "EXIF:ImageDescription")),
    ("mei__jpg__Nikon_D1X.jpg", "caption",
     ("Workshop showing workbench and storage", "IPTC:Caption-Abstract")),
])
def test_known_values(corpus: Corpus, name: str, field: str, value: tuple[str, str]) -> None:
    md = corpus.results[name]
    assert isinstance(md, Metadata)
    t = getattr(md, field)
    assert t is not None and (t.value, t.source) == value


@pytest.mark.parametrize("name,serials", [
    ("exiftool__Canon.jpg", [("560018150", "MakerNote:SerialNumber")]),
    ("ianare__jpg__tests__32-lens_data.jpeg", [("3105364", "MakerNote:SerialNumber")]),
    ("mei__avif__Issue_649.avif", [("053022005903", "EXIF:BodySerialNumber"),
                                   ("0000214e1c", "EXIF:LensSerialNumber"),
                                   ("FA0381304", "MakerNote:InternalSerialNumber")]),
    ("mei__jpg__Nikon_D5000.jpg", [("6607572", "XMP:aux:SerialNumber")]),
])
def test_known_serial_numbers(corpus: Corpus, name: str, serials: list[tuple[str, str]]) -> None:
    md = corpus.results[name]
    assert isinstance(md, Metadata)
    assert [(s.value, s.source) for s in md.serial_numbers] == serials


def _binary_size(d: dict[str, object], *tags: str) -> int:
    sizes = [int(str(v).split("Binary data ")[1].split()[0]) for k, v in d.items()
             if k.split(":")[-1] in tags and "Binary data" in str(v)]
    return max(sizes, default=0)


# Where this reader and ExifTool differ on embedded pictures, and why
THUMBNAIL_DIFFERS = {
    "ianare__jpg__exif-org__kodak-dc210.jpg": "uncompressed IFD1 thumbnail (96x72 strips)",
    "ianare__jpg__exif-org__sony-d700.jpg": "uncompressed IFD1 thumbnail (strips)",
    "pillow__invalid-exif.jpg": "EXIF with a broken byte-order mark: ExifTool refuses, we salvage",
}
PREVIEW_DIFFERS = {
    "mei__jpg__Android_Depth_Map.jpg": "Google GImage:Data (the unblurred original) in XMP",
    "ianare__jpg__corrupted.jpg": "Olympus preview lies outside the 64 KB EXIF segment: missed",
}


def test_thumbnails_agree_with_exiftool(corpus: Corpus,
                                        exiftool: dict[str, dict[str, object]]) -> None:
    for name, md in _read_ok(corpus).items():
        # ExifTool's stub images keep a 28-byte non-JPEG "thumbnail": not a picture
        theirs = _binary_size(exiftool.get(name, {}), "ThumbnailImage") > 100
        if name in THUMBNAIL_DIFFERS:
            assert md.has_thumbnail and not theirs, name
        else:
            assert md.has_thumbnail == theirs, name


def test_previews_agree_with_exiftool(corpus: Corpus,
                                      exiftool: dict[str, dict[str, object]]) -> None:
    for name, md in _read_ok(corpus).items():
        theirs = _binary_size(exiftool.get(name, {}), "PreviewImage", "PhotoshopThumbnail",
                              "MPImage2") > 0
        if md.format == "HEIF" and md.has_preview and not theirs:
            continue  # a HEIF thumbnail item, which ExifTool does not call a preview
        if name in PREVIEW_DIFFERS:
            assert md.has_preview != theirs, name
        else:
            assert md.has_preview == theirs, name


def test_embedded_images_and_maker_notes(corpus: Corpus) -> None:
    ok = _read_ok(corpus)
    assert ok["pillow__sugarshack.mpo"].has_preview  # MPF second image
    assert ok["ianare__heic__mobile__iphone_13_pro_max.HEIC"].has_preview  # HEIF thumbnail
    assert ok["mei__webp__Nikon_Coolpix_P7000.webp"].has_preview  # Nikon PreviewIFD in EXIF
    assert ok["ianare__jpg__exif-org__olympus-d320l.jpg"].has_thumbnail  # JFXX thumbnail
    assert ok["ianare__jpg__tests__45-gps_ifd.jpg"].has_maker_note
    assert not ok["ianare__jpg__orientation__landscape_6.jpg"].has_maker_note
