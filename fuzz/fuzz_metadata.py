"""Coverage-guided fuzzing of the metadata readers (atheris / libFuzzer).

One input is the bytes of one image file. :func:`one_input` reads them the way Prepub does
(``read_metadata`` without ExifTool, the JPEG scan walk, the findings and their messages) and
fails on any exception other than the documented ``UnreadableImage``. Run it for minutes:

    uv run --group fuzz python fuzz/fuzz_metadata.py fuzz/corpus -artifact_prefix=fuzz/ -max_total_time=600

The corpus folder is filled with small seed files (JPEG with EXIF, GPS and XMP; PNG with text,
eXIf and XMP; TIFF; WebP) on the first run; libFuzzer adds what it finds there (both stay out
of git). A crash is written as ``fuzz/crash-<hash>``; replay it with
``uv run --group fuzz python fuzz/fuzz_metadata.py fuzz/crash-<hash>``. atheris ships wheels
for Linux x86-64 (checked on Python 3.11 here); elsewhere the group may not install. ``tests/core/test_fuzz_metadata.py``
runs :func:`one_input` over the seeds (and Hypothesis mutations of them) in the normal suite.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from PIL import Image

XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'exif:GPSLatitude="59,19.5N" exif:GPSLongitude="18,4.1E"><dc:creator><rdf:Seq><rdf:li>'
       b'Fuzz Fotograf</rdf:li></rdf:Seq></dc:creator><dc:rights><rdf:Alt><rdf:li xml:lang='
       b'"x-default">(c) Someone</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF>'
       b'</x:xmpmeta><?xpacket end="w"?>')


def seeds() -> dict[str, bytes]:
    """Small files holding the blocks the readers parse."""
    im = Image.new("RGB", (64, 48), (120, 90, 60))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B], exif[0x8298] = "Make", "Model", "Artist", "(c) X"
    exif[0x0112] = 6
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (59.0, 19.0, 30.0), 3: "E", 4: (18.0, 4.0, 6.0)})
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd.update({0x9003: "2026:11:23 10:00:00", 0xA431: "SN12345", 0xA430: "Owner"})
    out: dict[str, bytes] = {}
    for name, fmt, kw in (("seed.jpg", "JPEG", {"exif": exif, "xmp": XMP, "quality": 80}),
                          ("seed-restarts.jpg", "JPEG", {"restart_marker_blocks": 2}),
                          ("seed.png", "PNG", {"exif": exif}),
                          ("seed.tif", "TIFF", {"exif": exif}),
                          ("seed.webp", "WEBP", {"exif": exif, "xmp": XMP})):
        buf = io.BytesIO()
        try:
            im.save(buf, fmt, **kw)
        except (OSError, KeyError, TypeError, ValueError):  # a codec this Pillow lacks
            continue
        out[name] = buf.getvalue()
    if "seed.png" in out:  # XMP in an iTXt chunk before IEND
        import struct
        import zlib

        data = out["seed.png"]
        body = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP
        chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
        end = data.rindex(b"IEND") - 4
        out["seed-xmp.png"] = data[:end] + chunk + data[end:]
    return out


_POLICY = None


def one_input(data: bytes) -> None:
    """Read ``data`` as Prepub reads a photo; only UnreadableImage may come out."""
    global _POLICY
    from prepub.core.checks.image import damage_findings, metadata_findings
    from prepub.core.jpegscan import scan_damage
    from prepub.core.messages import message
    from prepub.core.metadata import UnreadableImage, read_metadata
    from prepub.core.policy import load_policy

    if _POLICY is None:
        _POLICY = load_policy(language="en")
    reason = scan_damage(data)
    assert reason is None or isinstance(reason, str)
    try:
        md = read_metadata("fuzz-input", data=data, exiftool=False)
    except UnreadableImage:
        return
    json.dumps(md.to_dict(), ensure_ascii=False)
    for f in metadata_findings(md, policy=_POLICY, subject="fuzz") + damage_findings(
            reason, policy=_POLICY, subject="fuzz"):
        message(f, "sv")


def _write_seeds(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if not any(folder.iterdir()):
        for name, data in seeds().items():
            (folder / name).write_bytes(data)


def main() -> None:
    import atheris  # the "fuzz" dependency group: uv run --group fuzz …

    for arg in sys.argv[1:]:
        if not arg.startswith("-") and not Path(arg).is_file():
            _write_seeds(Path(arg))  # a corpus folder
    with atheris.instrument_imports():
        import prepub.core.checks.image  # noqa: F401
        import prepub.core.jpegscan  # noqa: F401
        import prepub.core.metadata  # noqa: F401
        import prepub.core.metadata.container  # noqa: F401
        import prepub.core.metadata.exif  # noqa: F401
        import prepub.core.metadata.iptc  # noqa: F401
        import prepub.core.metadata.xmp  # noqa: F401
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
