"""Decoding photos: orientation, draft mode, pixel modes, broken files and bombs."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

from prepub.core.imageio import DecodeError, Decoded, decode_lock, load_upright, sha256_file

RED = (255, 0, 0)
GREEN = (0, 255, 0)

# The stored pixels for EXIF orientation o are the upright pixels with the inverse transform.
_INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def _upright(w: int, h: int) -> Image.Image:
    """Grey picture with a red block in the top-left and a green one in the top-right corner."""
    im = Image.new("RGB", (w, h), (128, 128, 128))
    b = max(4, w // 8)
    im.paste(RED, (0, 0, b, b))
    im.paste(GREEN, (w - b, 0, w, b))
    return im


def _save_oriented(upright: Image.Image, orientation: int, path: Path, **kw: object) -> None:
    t = _INVERSE[orientation]
    stored = upright if t is None else upright.transpose(t)
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, exif=exif.tobytes(), **kw)


def _colour_at(im: Image.Image, fx: float, fy: float) -> tuple[int, ...]:
    return im.getpixel((int(fx * (im.width - 1)), int(fy * (im.height - 1))))  # type: ignore[return-value]


def _is(c: tuple[int, ...], ref: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 60 for a, b in zip(c, ref))


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_every_orientation_is_decoded_upright(tmp_path: Path, orientation: int, fmt: str) -> None:
    path = tmp_path / f"o{orientation}.{fmt.lower()}"
    _save_oriented(_upright(120, 80), orientation, path, format=fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    d = load_upright(path)
    assert d.orientation == orientation
    assert d.image.mode == "RGB"
    assert d.size == (120, 80) and d.full_size == (120, 80) and d.scale == 1.0
    assert _is(_colour_at(d.image, 0.02, 0.02), RED)
    assert _is(_colour_at(d.image, 0.98, 0.02), GREEN)
    assert _is(_colour_at(d.image, 0.5, 0.9), (128, 128, 128))


@pytest.mark.parametrize("orientation", [1, 6, 8, 3])
def test_draft_mode_decodes_large_jpeg_reduced_with_full_size_and_scale(tmp_path: Path, orientation: int) -> None:
    path = tmp_path / "big.jpg"
    _save_oriented(_upright(4000, 3000), orientation, path, format="JPEG", quality=90)
    d = load_upright(path, max_side=500)
    assert d.full_size == (4000, 3000)
    assert max(d.size) == 500 and d.size == (500, 375)
    assert d.scale == pytest.approx(0.125)
    assert _is(_colour_at(d.image, 0.02, 0.02), RED)
    assert _is(_colour_at(d.image, 0.98, 0.02), GREEN)
    # A box on the reduced image maps back to full-resolution pixels.
    assert d.to_full((0, 0, 250, 375)) == (0, 0, 2000, 3000)
    assert d.point_to_full(50, 50) == pytest.approx((400, 400))


def test_draft_mode_really_decodes_at_reduced_scale(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    _upright(4000, 3000).save(path, quality=90)
    with Image.open(path) as im:
        im.draft("RGB", (500, 375))
        assert im.size == (500, 375)  # libjpeg scaled by 1/8 while decoding
    d = load_upright(path, max_side=700)  # draft to 1000x750, then exact resize
    assert d.size == (700, 525) and d.scale == pytest.approx(700 / 4000)


def test_small_images_are_not_enlarged(tmp_path: Path) -> None:
    path = tmp_path / "small.png"
    _upright(60, 40).save(path)
    d = load_upright(path, max_side=1280)
    assert d.size == (60, 40) and d.scale == 1.0


def _noisy_jpeg(path: Path) -> bytes:
    rng = np.random.default_rng(1)
    Image.fromarray(rng.integers(0, 255, (300, 400, 3), dtype=np.uint8)).save(path, quality=90)
    return path.read_bytes()


def test_truncated_jpeg_raises_even_after_face_recognition_import(tmp_path: Path) -> None:
    with decode_lock():
        import face_recognition  # noqa: F401 - sets ImageFile.LOAD_TRUNCATED_IMAGES = True
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # the hazard is real in this process
    full = _noisy_jpeg(tmp_path / "full.jpg")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(full[: len(full) * 6 // 10])
    with pytest.raises(DecodeError) as err:
        load_upright(cut)
    assert err.value.reason == "the file is truncated"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # restored for the library that wanted it
    assert load_upright(tmp_path / "full.jpg").size == (400, 300)


def test_truncated_png_raises(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    buf = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (200, 200, 3), dtype=np.uint8)).save(buf, format="PNG")
    data = buf.getvalue()
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DecodeError) as err:
        load_upright(cut)
    assert "truncated" in err.value.reason or "corrupt" in err.value.reason


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path: Path) -> None:
    arr = np.zeros((10, 30), dtype=np.uint16)
    arr[:, 10:20] = 32896  # half
    arr[:, 20:] = 65535
    path = tmp_path / "g16.png"
    Image.fromarray(arr).save(path)
    with Image.open(path) as im:
        assert im.mode.startswith("I")
    d = load_upright(path)
    assert d.image.mode == "RGB"
    assert d.image.getpixel((5, 5)) == (0, 0, 0)
    assert d.image.getpixel((15, 5)) == (128, 128, 128)
    assert d.image.getpixel((25, 5)) == (255, 255, 255)


def test_palette_with_transparency_is_composited_on_white(tmp_path: Path) -> None:
    im = Image.new("P", (20, 10), 0)
    im.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    im.paste(1, (10, 0, 20, 10))
    path = tmp_path / "p.png"
    im.save(path, transparency=0)
    d = load_upright(path)
    assert d.image.getpixel((2, 2)) == (255, 255, 255)
    assert d.image.getpixel((15, 2)) == RED


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_alpha_is_composited_on_white(tmp_path: Path, mode: str) -> None:
    im = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    im.paste((0, 0, 0, 255), (10, 0, 20, 10))
    path = tmp_path / f"a_{mode}.png"
    im.convert(mode).save(path)
    d = load_upright(path)
    assert d.image.getpixel((2, 2)) == (255, 255, 255)  # transparent black shows as white
    assert d.image.getpixel((15, 2)) == (0, 0, 0)


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    Image.new("RGB", (32, 16), RED).convert("CMYK").save(path, quality=95)
    with Image.open(path) as im:
        assert im.mode == "CMYK"
    d = load_upright(path)
    assert d.image.mode == "RGB" and _is(d.image.getpixel((8, 8)), RED)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_decompression_bomb_raises_without_relying_on_pillows_global(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 100 000 x 100 000 PNG header with almost no data: 10 gigapixels once decoded.
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _png_chunk(b"IEND", b"")
    path = tmp_path / "bomb.png"
    path.write_bytes(data)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # someone switched Pillow's guard off
    with pytest.raises(DecodeError) as err:
        load_upright(path)
    assert "too large" in err.value.reason
    small = tmp_path / "small.png"
    _upright(100, 100).save(small)
    with pytest.raises(DecodeError):
        load_upright(small, max_pixels=5_000)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"hello, this is text and not a photo\n" * 10, "not an image"),
        (b"\xff\xd8\xff\xe0garbage" * 3, "the file is truncated"),  # markers run off the end
        (b"\xff\xd8\xff\xd9" + b"\x00" * 64, "the JPEG file is damaged"),
    ],
)
def test_non_images_give_plain_reasons(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.jpg"
    path.write_bytes(content)
    with pytest.raises(DecodeError) as err:
        load_upright(path)
    assert err.value.reason.startswith(reason), err.value.reason
    assert str(path) in str(err.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match="does not exist"):
        load_upright(tmp_path / "nope.jpg")
    with pytest.raises(DecodeError, match="folder"):
        load_upright(tmp_path)


def test_decoding_never_writes_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "o6.jpg"
    _save_oriented(_upright(2000, 1500), 6, path, format="JPEG", quality=90)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    path.chmod(0o444)
    load_upright(path, max_side=300)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_sha256_file_streams_the_same_digest(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    data = np.random.default_rng(3).integers(0, 255, 3_000_000, dtype=np.uint8).tobytes()
    path.write_bytes(data)
    assert sha256_file(path, chunk_size=65536) == hashlib.sha256(data).hexdigest()


def test_decoded_array_is_contiguous_uint8() -> None:
    d = Decoded(image=_upright(40, 30), full_size=(80, 60), scale=0.5)
    a = d.array()
    assert a.shape == (30, 40, 3) and a.dtype == np.uint8 and a.flags["C_CONTIGUOUS"]
    assert d.to_full((10, 10, 20, 20)) == (20, 20, 40, 40)
    assert d.to_full((-5, -5, 100, 100)) == (0, 0, 80, 60)  # clipped to the image


def test_real_phone_heic_is_decoded_upright(testdata: Path) -> None:
    path = testdata / "exif" / "ianare__heic__mobile__iphone_13_pro_max.HEIC"
    if not path.exists():
        pytest.skip(f"{path.name} not in the test data")
    d = load_upright(path, max_side=640)
    assert d.format == "HEIF"
    assert d.full_size == (3024, 4032)  # stored landscape, shown portrait
    assert d.size == (480, 640)


def test_every_exif_corpus_file_decodes_or_gives_a_reason(testdata: Path) -> None:
    folder = testdata / "exif"
    checked = 0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".md", ".csv"):
            continue
        try:
            d = load_upright(path, max_side=256)
        except DecodeError as e:
            assert e.reason  # a plain reason, never another exception type
        else:
            assert d.image.mode == "RGB" and max(d.size) <= 256
        checked += 1
    assert checked > 100


# --- memory: large PNGs in bands, per-format pixel caps, no 64-bit copies (issue 13 / 17.6) ------

def _pattern(w: int, h: int, seed: int) -> np.ndarray:
    """Smooth gradients plus noise, so every PNG filter type gets chosen somewhere."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([(x * 255 // w), (y * 255 // h), ((x + y) * 255 // (w + h))], axis=2)
    return (base + rng.integers(0, 40, (h, w, 3))).clip(0, 255).astype(np.uint8)


def _png_variants(tmp_path: Path) -> dict[str, Path]:
    w, h = 601, 403
    rgb = _pattern(w, h, 1)
    alpha = np.tile(np.linspace(0, 255, w).astype(np.uint8), (h, 1))
    out = {}

    def save(name: str, im: Image.Image, **kw: object) -> None:
        out[name] = tmp_path / f"{name}.png"
        im.save(out[name], **kw)

    save("rgb", Image.fromarray(rgb))
    save("rgba", Image.fromarray(np.dstack([rgb, alpha])))
    save("grey", Image.fromarray(rgb[:, :, 0]))
    save("grey_alpha", Image.fromarray(np.dstack([rgb[:, :, 0], alpha])).convert("LA"))
    save("palette_trns", Image.fromarray(rgb).quantize(16), transparency=3)
    save("palette_4bit", Image.fromarray(rgb).quantize(16), bits=4)
    save("bilevel", Image.fromarray(rgb[:, :, 0]).convert("1"))
    save("grey16", Image.fromarray(rgb[:, :, 0].astype(np.uint16) * 257))
    save("rgb_key", Image.fromarray(rgb), transparency=tuple(int(v) for v in rgb[5, 5]))
    save("interlaced", Image.fromarray(rgb), interlace=1)  # not banded: decoded whole
    return out


def test_large_pngs_decoded_in_bands_match_the_whole_decode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prepub.core.imageio as imageio

    for name, path in _png_variants(tmp_path).items():
        def coarse(im: Image.Image) -> np.ndarray:  # box vs. bilinear reduction differ in detail
            return np.asarray(im.resize((50, 34), Image.Resampling.BOX), dtype=np.int16)

        whole = coarse(load_upright(path, max_side=150).image)
        monkeypatch.setattr(imageio, "PNG_BANDS_FROM_PIXELS", 1000)
        monkeypatch.setattr(imageio, "_BAND_BYTES", 7000)  # many bands, each a few rows
        banded = load_upright(path, max_side=150)
        monkeypatch.undo()
        assert banded.size == (150, 101) and banded.full_size == (601, 403), name
        diff = np.abs(coarse(banded.image) - whole)
        assert diff.mean() < 3 and np.percentile(diff, 99) < 24, (name, diff.mean())


def test_a_truncated_large_png_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prepub.core.imageio as imageio

    path = tmp_path / "noise.png"
    Image.fromarray(_pattern(400, 400, 2)).save(path)
    cut = tmp_path / "cut.png"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    monkeypatch.setattr(imageio, "PNG_BANDS_FROM_PIXELS", 1000)
    with pytest.raises(DecodeError) as err:
        load_upright(cut, max_side=100)
    assert "truncated" in err.value.reason or "corrupt" in err.value.reason


def test_formats_without_reduced_decoding_have_a_pixel_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prepub.core.imageio as imageio

    path = tmp_path / "big.tif"
    Image.new("RGB", (300, 200), (10, 20, 30)).save(path)
    monkeypatch.setattr(imageio, "MAX_DECODE_BYTES", 300 * 200 * 4 - 1)  # one pixel too many
    with pytest.raises(DecodeError) as err:
        load_upright(path, max_side=100)
    assert "too large" in err.value.reason and "TIFF" in err.value.reason
    jpeg = tmp_path / "big.jpg"  # JPEG decodes reduced (draft): the cap does not apply
    Image.new("RGB", (300, 200), (10, 20, 30)).save(jpeg)
    assert load_upright(jpeg, max_side=100).size == (100, 67)


def test_sixteen_bit_grey_is_reduced_before_it_is_converted(tmp_path: Path) -> None:
    arr = (np.arange(2000 * 1000, dtype=np.uint32).reshape(1000, 2000) % 65536).astype(np.uint16)
    path = tmp_path / "g16.tif"
    Image.fromarray(arr).save(path)
    d = load_upright(path, max_side=500)
    assert d.size == (500, 250) and d.image.mode == "RGB"


def test_orientation_of_a_png_whose_exif_follows_the_pixels_needs_no_decode(tmp_path: Path) -> None:
    path = tmp_path / "o6.png"
    _save_oriented(_upright(120, 80), 6, path, format="PNG")
    data = path.read_bytes()
    with Image.open(path) as im:
        assert "exif" in im.info or b"eXIf" in data
    d = load_upright(path)
    assert d.orientation == 6 and d.size == (120, 80)


def test_a_huge_sparse_png_is_checked_in_under_600_mb(tmp_path: Path) -> None:
    """Issue 17.6: a 13000 x 13000 RGBA PNG of well under 1 MB took 3.3 GB to check."""
    import json
    import os
    import subprocess
    import sys

    path = tmp_path / "huge.png"
    side = 13000
    row = b"\x00" + b"\xff\xff\xff\x00" * side  # filter 0, transparent white
    deflate = zlib.compressobj(9)
    idat = b"".join(deflate.compress(row) for _ in range(side)) + deflate.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
                     + _png_chunk(b"IEND", b""))
    assert path.stat().st_size < 1_000_000
    # VmHWM is the peak of this process image only (ru_maxrss would include pytest's own,
    # inherited through fork); ru_maxrss where /proc is missing.
    code = ("import resource, sys; from prepub.cli import main; rc = main(['check', '--json', sys.argv[1]]); "
            "sys.stdout.flush()\n"
            "try:\n    kb = int([ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')][0].split()[1])\n"
            "except OSError:\n    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == 'darwin' else 1)\n"
            "print('MAXRSS', kb, file=sys.stderr); sys.exit(rc)")
    env = {**os.environ, "PREPUB_NO_EXIFTOOL": "1"}
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=240, env=env)
    report = json.loads(proc.stdout)
    image = report["images"][0]
    assert image["error"] is None, image["error"]
    peak_mb = int(proc.stderr.rsplit("MAXRSS", 1)[1].split()[0]) / 1024  # KiB
    assert peak_mb <= 600, f"peak RSS {peak_mb:.0f} MB"


def test_limit_memory_caps_the_address_space_of_a_worker() -> None:
    import subprocess
    import sys

    code = ("from prepub.core.imageio import limit_memory; import numpy as np, sys\n"
            "limit = limit_memory(200 * 2**20)\n"
            "if limit is None: print('unsupported'); sys.exit(0)\n"
            "try:\n    np.ones(2 * 2**30, dtype=np.uint8)\nexcept MemoryError:\n    print('refused')\n"
            "else:\n    print('allocated')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    if "unsupported" in out:
        pytest.skip("this platform has no address-space limit")
    assert out.strip() == "refused"
