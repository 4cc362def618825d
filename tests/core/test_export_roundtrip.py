"""Round trips on the real photos in ``testdata/exif``: every GPS-bearing file (and the MPO files
with a second image) comes out with no location, device or preview data, checked by our own
verifier, by exiftool and by the metadata reader; the new XMP fields read back."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from prepub.core.export.images import write_clean_image
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import ExportMeta
from prepub.core.imageio import DecodeError, load_upright

EXIFTOOL = shutil.which("exiftool")
# GPS-bearing files in metadata.csv that cannot be decoded at all. Every one of the 41 decodes
# today (the "broken" ones are broken metadata, not broken pixels); a decoder change that makes
# one fail must show up here, not be skipped silently.
UNDECODABLE_GPS: frozenset[str] = frozenset()
META = ExportMeta(creators=("Björn Ås",), credit="Foto: Björn Ås", rights="© 2026 Kommunen",
                  caption="Hamnen i Visby", alt_text="Segelbåtar i hamnen en solig dag",
                  language="sv", release_status="MR-NAP")


def _gps_rows(root: Path) -> list[dict[str, str]]:
    with (root / "exif" / "metadata.csv").open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["has_gps"] == "yes"]


@pytest.fixture(scope="module")
def exported(testdata: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every decodable GPS-bearing file and every MPO, exported once (long side 1024)."""
    out = tmp_path_factory.mktemp("roundtrip")
    rows = _gps_rows(testdata)
    assert len(rows) == 41  # the README's count; a changed data set should be noticed
    undecodable: set[str] = set()
    done: dict[str, Path] = {}
    names = [r["file"] for r in rows] + sorted(p.name for p in (testdata / "exif").glob("*.mpo"))
    for name in names:
        src = testdata / "exif" / name
        try:
            load_upright(src, max_side=64)
        except DecodeError:
            undecodable.add(name)
            continue
        before = hashlib.sha256(src.read_bytes()).hexdigest()
        w = write_clean_image(src, out / f"{src.stem}.jpg", meta=META, max_side=1024)
        assert hashlib.sha256(src.read_bytes()).hexdigest() == before, f"{name}: original changed"
        done[name] = w.path
    assert undecodable == set(UNDECODABLE_GPS)
    return done


def test_every_export_passes_our_verifier(exported: dict[str, Path]) -> None:
    bad = {name: verify_clean(p) for name, p in exported.items()}
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_exiftool_finds_no_location_device_or_preview_data(exported: dict[str, Path]) -> None:
    files = [str(p) for p in exported.values()]
    args = ["-a", "-G1", "-gps:all", "-xmp-exif:gps*", "-makernotes:all", "-SerialNumber",
            "-LensSerialNumber", "-OwnerName", "-ThumbnailImage", "-PreviewImage",
            "-PhotoshopThumbnail", "-MPImage2", "-RegionInfo", "-RegionInfoMP", "-ImageRegion",
            "-Comment", "-q", "-q"]
    out = subprocess.run([EXIFTOOL, *args, *files], capture_output=True, text=True, timeout=300)
    tags = [line for line in out.stdout.splitlines() if not line.startswith("========")]
    assert tags == []
    # the whole GPS group, in any container, is gone (also the empty blocks and 0,0 fixes)
    out = subprocess.run([EXIFTOOL, "-j", "-G", "-a", "-n", *files], capture_output=True, text=True,
                         timeout=300)
    for doc in json.loads(out.stdout):
        leaked = [k for k in doc if "GPS" in k or k.startswith(("MakerNotes", "IPTC", "Photoshop", "MPF"))]
        assert leaked == [], (doc["SourceFile"], leaked)


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_written_xmp_reads_back_with_exiftool(exported: dict[str, Path]) -> None:
    files = [str(p) for p in exported.values()]
    out = subprocess.run([EXIFTOOL, "-j", "-xmp:all", "-lang", "sv", *files], capture_output=True,
                         text=True, timeout=300)
    docs = json.loads(out.stdout)
    assert len(docs) == len(files)
    for doc in docs:
        assert doc.get("Creator") == "Björn Ås", doc
        assert doc.get("Credit") == "Foto: Björn Ås"
        assert doc.get("AltTextAccessibility") == "Segelbåtar i hamnen en solig dag"
        assert doc.get("ModelReleaseStatus") == "Not Applicable"
        assert str(doc.get("DigitalSourceType", "")).endswith("/digitalCapture")
        assert "PersonInImage" not in doc and "RegionInfo" not in doc


def test_metadata_reader_sees_only_the_new_values(exported: dict[str, Path]) -> None:
    metadata = pytest.importorskip("prepub.core.metadata")
    for name, p in exported.items():
        md = metadata.read_metadata(p)
        assert md.gps is None and not md.gps_present, name
        assert not md.serial_numbers and md.owner_name is None and not md.has_maker_note, name
        assert not md.has_thumbnail and not md.has_preview and not md.has_face_regions, name
        assert md.photographer is not None and md.photographer.value == "Björn Ås", name
        assert md.copyright is not None and md.copyright.value == "© 2026 Kommunen", name
        assert md.camera_make is None and md.taken_at is None, name
