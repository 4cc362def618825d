"""Metadata hidden in a maker segment: FLIR's APP1 "FLIR" record directory, and ExifTool as a
second reader for whatever our own parsers do not know (issue 11).

The real file is ``exif/mei__jpg__FLIR_Vue_Pro_640.jpg`` of the shared test data: a FLIR Vue
Pro whose FLIR segment holds the camera's serial numbers, model, time and a GPS record. Its GPS
record (like its EXIF GPS IFD) says 0,0, so a copy with a position written into the FLIR GPS
record only is made in ``tmp_path`` (ExifTool confirms it reads that position).
Synthetic FLIR files test the native parser without the shared data or ExifTool.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from prepub.core.metadata import exiftool as exiftoolmod
from prepub.core.metadata import read_metadata
from prepub.core.metadata import reader as readermod
from prepub.core.metadata.flir import FlirInfo, parse_fff

FLIR_NAME = "mei__jpg__FLIR_Vue_Pro_640.jpg"
LAT, LON, ALT = 59.329323, 18.068581, 28.5


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture
def flir_file(testdata: Path) -> Path:
    p = testdata / "exif" / FLIR_NAME
    if not p.exists():
        pytest.skip(f"{FLIR_NAME} is not in the test data at {p.parent}")
    return p


@pytest.fixture
def exiftool_exe() -> str:
    exe = shutil.which("exiftool")
    if exe is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl)")
    return exe


@pytest.fixture(autouse=True)
def _fresh_second_reader(monkeypatch: pytest.MonkeyPatch):
    """Every test starts with ExifTool allowed and no failures counted (and none left after)."""
    monkeypatch.delenv("PREPUB_NO_EXIFTOOL", raising=False)
    monkeypatch.delenv("PREPUB_EXIFTOOL", raising=False)
    exiftoolmod.reset_failures()
    yield
    exiftoolmod.shutdown()
    exiftoolmod.reset_failures()


def exiftool_json(exe: str, path: Path) -> dict[str, object]:
    out = subprocess.run([exe, "-config", "", "-j", "-n", "-a", "-G1", str(path)],
                         capture_output=True, timeout=60, check=True)
    return json.loads(out.stdout)[0]


def no_flir_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend our reader does not know the FLIR layout (as for any maker segment it lacks)."""
    monkeypatch.setattr(readermod, "parse_fff", lambda data: FlirInfo())


# --- building and patching FLIR segments ---------------------------------------------------------

def _jpeg_segments(data: bytes):
    """(marker, payload start, payload end) of each JPEG segment up to the scan."""
    assert data[:2] == b"\xff\xd8"
    pos = 2
    while pos + 4 <= len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        yield marker, pos + 4, pos + 2 + length
        if marker == 0xDA:
            return
        pos += 2 + length


def patch_flir_gps(data: bytes, lat: float, lon: float, alt: float) -> bytes:
    """Write a position into the FLIR GPS record (little-endian, as ExifTool reads it)."""
    chunks = []  # (file offset of the FFF bytes, length), in chunk order
    for marker, start, end in _jpeg_segments(data):
        if marker == 0xE1 and data[start:start + 5] == b"FLIR\x00":
            chunks.append((data[start + 6], start + 8, end - (start + 8)))
    chunks.sort()
    fff = b"".join(data[s:s + n] for _, s, n in chunks)

    def file_offset(fff_off: int) -> int:
        for _, s, n in chunks:
            if fff_off < n:
                return s + fff_off
            fff_off -= n
        raise AssertionError("offset past the FLIR data")

    pos, num = struct.unpack(">II", fff[0x18:0x20])
    for i in range(num):
        rtype, = struct.unpack(">H", fff[pos + 32 * i:pos + 32 * i + 2])
        if rtype == 0x2B:
            off, = struct.unpack(">I", fff[pos + 32 * i + 12:pos + 32 * i + 16])
            break
    else:
        raise AssertionError("no FLIR GPS record")
    out = bytearray(data)
    record = (struct.pack("<I", 1) + bytes(4) + b"N\x00E\x00" + bytes(4)
              + struct.pack("<ddf", lat, lon, alt))
    for k, b in enumerate(record):  # byte by byte: the record may straddle two segments
        out[file_offset(off + k)] = b
    return bytes(out)


def build_fff(*, lat: float = LAT, lon: float = LON, alt: float = ALT, gps_order: str = "<",
              valid: bool = True, serial: bytes = b"4242424", model: bytes = b"FLIR E8",
              taken: int = 1_700_000_000, tz_minutes: int = -60) -> bytes:
    """A big-endian FFF file with a little-endian CameraInfo and a GPS record."""
    cam = bytearray(0x400)
    cam[0:2] = struct.pack("<H", 2)  # reads 2 little-endian: the record is little-endian
    cam[0xD4:0xD4 + len(model)] = model
    cam[0x104:0x104 + len(serial)] = serial
    cam[0x1A0:0x1A7] = b"LENS-77"
    cam[0x384:0x38E] = struct.pack("<IIh", taken, 123, tz_minutes)
    gps = bytearray(0x68)
    gps[0:4] = struct.pack(gps_order + "I", 1 if valid else 0)
    gps[4:8] = b"2200"
    gps[8:12] = b"N\x00E\x00"
    gps[0x10:0x24] = struct.pack(gps_order + "ddf", lat, lon, alt)
    records = [(0x20, bytes(cam)), (0x2B, bytes(gps))]
    directory_at = 0x40
    body_at = directory_at + 0x20 * len(records)
    header = bytearray(0x40)
    header[0:4] = b"FFF\x00"
    header[4:8] = b"Test"
    header[0x14:0x20] = struct.pack(">III", 100, directory_at, len(records))
    directory = b""
    body = b""
    for rtype, rec in records:
        directory += struct.pack(">HHIIII", rtype, 1, 0x64, 1, body_at + len(body), len(rec))
        directory += bytes(12)
        body += rec
    return bytes(header) + directory + body


def flir_jpeg(fff: bytes, *, chunk: int = 300, drop: int | None = None) -> bytes:
    """A small JPEG with ``fff`` in APP1 "FLIR" segments of ``chunk`` bytes each."""
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (40, 60, 200)).save(buf, "JPEG")
    jpg = buf.getvalue()
    parts = [fff[i:i + chunk] for i in range(0, len(fff), chunk)]
    segs = b""
    for n, part in enumerate(parts):
        if n == drop:
            continue
        payload = b"FLIR\x00\x01" + bytes([n, len(parts) - 1]) + part
        segs += b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpg[:2] + segs + jpg[2:]


# --- the native FLIR parser (no shared data, no ExifTool) ----------------------------------------

@pytest.mark.parametrize("gps_order", ["<", ">"])
def test_native_parser_reads_a_synthetic_flir_segment(tmp_path: Path, gps_order: str) -> None:
    """ExifTool reads the GPS record little-endian; a Vue Pro writes its valid flag big-endian.
    Either way the position is found, across three joined APP1 chunks."""
    p = tmp_path / "flir.jpg"
    p.write_bytes(flir_jpeg(build_fff(gps_order=gps_order)))
    md = read_metadata(p, exiftool=False)
    assert md.gps is not None, md.warnings
    assert (md.gps.lat, md.gps.lon, md.gps.source) == (LAT, LON, "FLIR:GPSInfo")
    assert md.gps.alt == pytest.approx(ALT)
    assert [(s.value, s.source) for s in md.serial_numbers] == [
        ("4242424", "FLIR:CameraSerialNumber"), ("LENS-77", "FLIR:LensSerialNumber")]
    assert md.camera_model is not None and md.camera_model.value == "FLIR E8"
    want = datetime.fromtimestamp(1_700_000_000, timezone(timedelta(hours=1))).replace(
        microsecond=123_000)
    assert md.taken_at is not None and md.taken_at.value == want
    assert md.taken_at.value.utcoffset() == timedelta(hours=1)


def test_native_parser_empty_and_invalid_positions(tmp_path: Path) -> None:
    p = tmp_path / "zero.jpg"
    p.write_bytes(flir_jpeg(build_fff(lat=0.0, lon=0.0)))
    md = read_metadata(p, exiftool=False)
    assert md.gps is None and md.gps_present and md.gps_empty
    # a position with the camera's "not valid" flag still leaks: it is reported
    p.write_bytes(flir_jpeg(build_fff(valid=False)))
    md = read_metadata(p, exiftool=False)
    assert md.gps is not None and md.gps.lat == LAT


def test_native_parser_survives_damage(tmp_path: Path) -> None:
    fff = build_fff()
    # a missing middle chunk: what comes before it is read, the rest is noted
    md = read_metadata("x.jpg", data=flir_jpeg(fff, chunk=200, drop=4))
    assert any(w.startswith("flir.incomplete") for w in md.warnings), md.warnings
    assert md.serial_numbers  # the camera record lies before the gap
    # garbage everywhere: never an exception, at most notes
    assert parse_fff(b"").warnings
    assert parse_fff(b"FFF\x00" + bytes(60)).warnings  # version 0
    bad = bytearray(fff)
    bad[0x18:0x20] = struct.pack(">II", 0x40, 0xFFFFFFF)  # a directory claiming 268 M entries
    assert parse_fff(bytes(bad)).warnings
    bad = bytearray(fff)
    bad[0x40 + 0x20 + 0x0C:0x40 + 0x20 + 0x14] = struct.pack(">II", len(fff) - 8, 0x68)
    info = parse_fff(bytes(bad))  # the GPS record runs past the end
    assert any("flir.truncated" in w for w in info.warnings)
    for cut in range(0, len(fff), 37):
        parse_fff(fff[:cut])


def test_synthetic_segment_reads_the_same_in_exiftool(tmp_path: Path, exiftool_exe: str) -> None:
    """Our synthetic layout is what ExifTool understands too (so the tests above test FLIR)."""
    p = tmp_path / "flir.jpg"
    p.write_bytes(flir_jpeg(build_fff()))
    d = exiftool_json(exiftool_exe, p)
    assert d["FLIR:GPSLatitude"] == pytest.approx(LAT) and d["FLIR:GPSLongitude"] == pytest.approx(LON)
    assert str(d["FLIR:CameraSerialNumber"]) == "4242424" and d["FLIR:CameraModel"] == "FLIR E8"


# --- the real FLIR file --------------------------------------------------------------------------

def test_real_flir_file_is_read_natively(flir_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPUB_NO_EXIFTOOL", "1")  # a pure read: no second reader
    md = read_metadata(flir_file)
    # the EXIF GPS IFD and the FLIR GPS record both say 0,0: present but empty
    assert md.gps is None and md.gps_present and md.gps_empty
    assert [(s.value, s.source) for s in md.serial_numbers] == [
        ("162682", "FLIR:CameraSerialNumber"), ("1175627", "FLIR:LensSerialNumber")]
    assert md.camera_model is not None and md.camera_model.value == "Vue Pro 640 13mm"
    assert md.taken_at is not None
    assert md.taken_at.value.isoformat() == "2016-06-27T15:29:42.041000-04:00"
    assert not any(w.startswith(("flir.", "internal", "exiftool")) for w in md.warnings), md.warnings


def test_real_flir_file_agrees_with_exiftool(flir_file: Path, exiftool_exe: str) -> None:
    d = exiftool_json(exiftool_exe, flir_file)
    md = read_metadata(flir_file, exiftool=False)
    assert (d["FLIR:GPSLatitude"], d["FLIR:GPSLongitude"]) == (0, 0) and md.gps_empty
    assert {str(d["FLIR:CameraSerialNumber"]), str(d["FLIR:LensSerialNumber"])} == {
        s.value for s in md.serial_numbers}
    assert md.camera_model is not None and d["FLIR:CameraModel"] == md.camera_model.value


def test_gps_only_in_the_flir_segment_is_found(flir_file: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug: a position only in the FLIR segment was missed ("empty GPS block")."""
    monkeypatch.setenv("PREPUB_NO_EXIFTOOL", "1")
    p = tmp_path / "flir_gps.jpg"
    p.write_bytes(patch_flir_gps(flir_file.read_bytes(), LAT, LON, ALT))
    md = read_metadata(p)
    assert md.gps is not None, md.warnings
    assert (md.gps.lat, md.gps.lon, md.gps.source) == (LAT, LON, "FLIR:GPSInfo")
    assert not md.gps_empty

    from prepub.core.checks.image import metadata_findings
    from prepub.core.policy import load_policy

    found = {f.rule: f for f in metadata_findings(md, policy=load_policy(), subject=str(p))}
    assert "gps.present" in found and "gps.empty" not in found
    assert found["gps.present"].params["source"] == "FLIR:GPSInfo"


def test_the_patched_copy_is_what_exiftool_reads(flir_file: Path, tmp_path: Path,
                                                 exiftool_exe: str) -> None:
    p = tmp_path / "flir_gps.jpg"
    p.write_bytes(patch_flir_gps(flir_file.read_bytes(), LAT, LON, ALT))
    d = exiftool_json(exiftool_exe, p)
    assert d["FLIR:GPSLatitude"] == pytest.approx(LAT, abs=1e-9)
    assert d["FLIR:GPSLongitude"] == pytest.approx(LON, abs=1e-9)
    assert d["GPS:GPSLatitude"] == 0 and d["GPS:GPSLongitude"] == 0  # the EXIF still says 0,0
    assert not [w for k, w in d.items() if k.endswith(":Warning")]


# --- ExifTool as the second reader ---------------------------------------------------------------

def test_exiftool_reports_a_position_only_it_sees(flir_file: Path, tmp_path: Path,
                                                  exiftool_exe: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A maker segment we cannot parse: ExifTool's position is reported, and says so."""
    no_flir_parser(monkeypatch)
    p = tmp_path / "flir_gps.jpg"
    p.write_bytes(patch_flir_gps(flir_file.read_bytes(), LAT, LON, ALT))
    md = read_metadata(p)
    assert md.gps is not None, md.warnings
    assert md.gps.source == "ExifTool:FLIR:GPSLatitude"
    assert md.gps.lat == pytest.approx(LAT, abs=1e-9) and md.gps.lon == pytest.approx(LON, abs=1e-9)
    assert md.gps_present and not md.gps_empty
    assert "exiftool.only: GPS position in FLIR:GPSLatitude (only ExifTool reads it)" in md.warnings
    # the serial numbers only ExifTool sees are reported too, with their source
    serials = {s.value: s.source for s in md.serial_numbers}
    assert serials["162682"] == "ExifTool:FLIR:CameraSerialNumber"
    assert serials["1175627"] in ("ExifTool:FLIR:LensSerialNumber", "ExifTool:FLIR:FilterSerialNumber")
    assert md.to_dict()["sources"]["gps"] == "ExifTool:FLIR:GPSLatitude"
    # …and a pure read does not see them
    monkeypatch.setenv("PREPUB_NO_EXIFTOOL", "1")
    pure = read_metadata(p)
    assert pure.gps is None and not pure.serial_numbers
    assert not any(w.startswith("exiftool") for w in pure.warnings)


def test_exiftool_adds_nothing_our_reader_already_has(flir_file: Path, tmp_path: Path,
                                                      exiftool_exe: str) -> None:
    p = tmp_path / "flir_gps.jpg"
    p.write_bytes(patch_flir_gps(flir_file.read_bytes(), LAT, LON, ALT))
    md = read_metadata(p)
    assert md.gps is not None and md.gps.source == "FLIR:GPSInfo"
    assert [s.source for s in md.serial_numbers] == ["FLIR:CameraSerialNumber",
                                                     "FLIR:LensSerialNumber"]
    assert not any(w.startswith("exiftool") for w in md.warnings), md.warnings


def test_exiftool_reports_a_maker_note_serial_only_it_sees(testdata: Path, exiftool_exe: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    p = testdata / "exif" / "exiftool__Panasonic.jpg"
    if not p.exists():
        pytest.skip(f"{p.name} is not in the test data")
    md = read_metadata(p)
    assert [(s.value, s.source) for s in md.serial_numbers] == [
        ("S000407190102", "ExifTool:Panasonic:InternalSerialNumber")]
    monkeypatch.setenv("PREPUB_NO_EXIFTOOL", "1")
    assert read_metadata(p).serial_numbers == ()


def test_one_exiftool_serves_many_files(testdata: Path, exiftool_exe: str) -> None:
    """Per-file cost: ExifTool starts once (~100-250 ms), then each file costs a few ms."""
    if sys.platform == "win32":
        pytest.skip("on Windows ExifTool runs once per file")
    files = sorted((testdata / "exif").glob("*.jpg"))[:12]
    read_metadata(files[0])
    d = exiftoolmod._daemon
    assert d is not None
    pid = d.proc.pid
    for f in files[1:]:
        read_metadata(f)
    assert exiftoolmod._daemon is d and d.proc.pid == pid  # one process for every file


def test_without_exiftool_the_reader_works(flir_file: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPUB_EXIFTOOL", str(tmp_path / "no-such-exiftool"))
    assert not exiftoolmod.enabled() and exiftoolmod.version() is None
    md = read_metadata(flir_file, exiftool=True)  # asked for, not there: a pure read, no noise
    assert md.serial_numbers and not any(w.startswith("exiftool") for w in md.warnings)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for ExifTool")
def test_a_hanging_exiftool_is_killed_and_then_left_out(flir_file: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "exiftool"
    fake.write_text(f"#!/bin/sh\nexec '{sys.executable}' -c 'import time; time.sleep(30)'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PREPUB_EXIFTOOL", str(fake))
    monkeypatch.setattr(exiftoolmod, "TIMEOUT", 0.5)
    for _ in range(exiftoolmod.MAX_FAILURES):
        md = read_metadata(flir_file)
        assert md.serial_numbers  # our own reading is untouched
        # the timeout answered, not the fake's 30 s sleep (no wall-clock budget in the test)
        assert any(w.startswith("exiftool.failed: no answer within") for w in md.warnings)
    assert not exiftoolmod.enabled()  # switched off for the rest of the process
    md = read_metadata(flir_file)
    assert not any(w.startswith("exiftool") for w in md.warnings)


@pytest.mark.skipif(sys.platform == "win32", reason="the watchdog is POSIX only")
def test_exiftool_does_not_outlive_a_killed_process(flir_file: Path, exiftool_exe: str) -> None:
    """A worker process killed mid-run must not leave its ExifTool polling forever."""
    code = textwrap.dedent(f"""
        import os, sys
        from prepub.core.metadata import read_metadata
        from prepub.core.metadata import exiftool
        read_metadata({str(flir_file)!r})
        print(exiftool._daemon.proc.pid, flush=True)
        os._exit(9)  # like SIGKILL: no atexit, no cleanup
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                       env={**os.environ, "PREPUB_NO_EXIFTOOL": ""})
    pid = int(r.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    assert not _alive(pid), f"ExifTool {pid} outlived its parent"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie waiting for init to reap it is gone for our purpose
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


# --- export ---------------------------------------------------------------------------------------

def test_export_strips_the_flir_segment(flir_file: Path, tmp_path: Path, exiftool_exe: str) -> None:
    from prepub.core.export import verify_clean
    from prepub.core.export.images import write_clean_image
    from prepub.core.export.xmp import ExportMeta

    src = tmp_path / "flir_gps.jpg"
    src.write_bytes(patch_flir_gps(flir_file.read_bytes(), LAT, LON, ALT))
    assert read_metadata(src).gps is not None
    out = write_clean_image(src, tmp_path / "out.jpg", meta=ExportMeta(creators=("Test",)))
    data = out.path.read_bytes()
    assert b"FLIR\x00" not in data and b"FFF\x00" not in data
    d = exiftool_json(exiftool_exe, out.path)
    leaks = {k: v for k, v in d.items()
             if k.split(":")[0] == "FLIR" or "GPS" in k or "Serial" in k
             or "latitude" in k.lower() or "longitude" in k.lower()}
    assert leaks == {}
    assert verify_clean(out.path) == []
    md = read_metadata(out.path)  # both readers
    assert md.gps is None and not md.gps_present and not md.serial_numbers


# --- coordinates elsewhere in XMP ----------------------------------------------------------------

def _with_xmp(packet: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buf, "JPEG")
    jpg = buf.getvalue()
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode("utf-8")
    return jpg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpg[2:]


def test_coordinates_in_other_xmp_properties_are_found(tmp_path: Path) -> None:
    """A drone's own XMP namespace and a location struct: any latitude/longitude pair counts."""
    drone = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
      xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/"
        drone-dji:GpsLatitude="+57.708870" drone-dji:GpsLongitude="+11.974560"/>
      </rdf:RDF></x:xmpmeta>"""
    md = read_metadata("d.jpg", data=_with_xmp(drone))
    assert md.gps is not None and (md.gps.lat, md.gps.lon) == (57.70887, 11.97456)
    assert md.gps.source == "XMP:drone-dji:GpsLatitude"
    shown = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
      xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
        xmlns:exif="http://ns.adobe.com/exif/1.0/">
      <Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">
        <exif:GPSLatitude>59,19.7595N</exif:GPSLatitude>
        <exif:GPSLongitude>18,4.1149E</exif:GPSLongitude>
      </rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>
      </rdf:Description></rdf:RDF></x:xmpmeta>"""
    md = read_metadata("s.jpg", data=_with_xmp(shown))
    assert md.gps is not None and md.gps.source == "XMP:exif:GPSLatitude"
    assert md.gps.lat == pytest.approx(59.329325) and md.gps.lon == pytest.approx(18.068582)
    none = shown.replace("59,19.7595N", "0,0N").replace("18,4.1149E", "0,0E")
    md = read_metadata("z.jpg", data=_with_xmp(none))
    assert md.gps is None and md.gps_present and md.gps_empty
