"""Soak benchmark: check 1,000 images in one process and compare its memory at the start and
the end.

    uv run python -m prepub.bench_soak [FOLDER] [--count 1000] [--no-faces]

The images are the folder's photos (``../shared/data/exif`` say), used round and round until
``--count`` have been checked, or, without a folder, small generated photos of varied kinds
(JPEG with EXIF and GPS, PNG, damaged files, a truncated JPEG). Each goes through the same
pipeline as ``prepub check`` (metadata, the JPEG scan walk, decode, faces unless
``--no-faces``, findings and their messages) in this one process. The resident memory is taken
after a warm-up (models loaded, caches filled, every distinct file seen once: the first pass
over the files, at least :data:`WARM_UP` images, at most half the run) and at the end, after a
garbage collection each time; it is also printed every 100 images. It prints the figures and
the growth, and exits 1 when the memory grew by more than 10 %.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import tempfile
import time
from pathlib import Path

WARM_UP = 50
LIMIT = 0.10


def rss_bytes() -> int:
    """This process's resident memory."""
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except ImportError:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def generated(folder: Path, n: int = 40) -> list[Path]:
    """``n`` small photos of varied kinds, some damaged, written to ``folder``."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(17)
    out = []
    for i in range(n):
        w, h = int(rng.integers(200, 900)), int(rng.integers(200, 900))
        arr = np.clip(rng.normal(128, 50, (h // 8, w // 8, 3)), 0, 255).astype(np.uint8)
        im = Image.fromarray(arr, "RGB").resize((w, h), Image.Resampling.BICUBIC)
        exif = Image.Exif()
        exif[0x013B] = f"Fotograf {i}"
        exif.get_ifd(0x8825).update({1: "N", 2: (59.0, 19.0, float(i)), 3: "E", 4: (18.0, 4.0, 6.0)})
        buf = io.BytesIO()
        kind = i % 4
        if kind == 0:
            im.save(buf, "PNG")
        else:
            im.save(buf, "JPEG", quality=85, exif=exif)
        data = buf.getvalue()
        if kind == 3 and i % 8 == 3:
            data = data[: len(data) * 2 // 3]  # cut short
        p = folder / f"soak-{i:03d}.{'png' if kind == 0 else 'jpg'}"
        p.write_bytes(data)
        out.append(p)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m prepub.bench_soak", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, nargs="?")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--no-faces", action="store_true", help="skip face detection")
    args = ap.parse_args(argv)

    from prepub.core.workers import cap_malloc_arenas

    cap_malloc_arenas()  # as `prepub check` and the analyser process do
    from prepub.core.analyze import analyze_image, default_detector, find_images
    from prepub.core.messages import message
    from prepub.core.policy import load_policy

    policy = load_policy(language="en")
    detector = None if args.no_faces else default_detector()
    with tempfile.TemporaryDirectory() as tmp:
        files = find_images([args.folder]) if args.folder else generated(Path(tmp))
        if not files:
            print("no images", file=sys.stderr)
            return 2
        warm_up = min(max(WARM_UP, len(files)), args.count // 2)
        start = end = 0
        t0 = time.perf_counter()
        unreadable = 0
        for i in range(args.count):
            if i == warm_up:
                gc.collect()
                start = rss_bytes()
                t0 = time.perf_counter()
            if i and i % 100 == 0:
                print(f"  {i:5d} images: {rss_bytes() / 2 ** 20:.1f} MB", flush=True)
            rep = analyze_image(files[i % len(files)], policy=policy, detector=detector)
            unreadable += rep.error is not None
            for f in rep.findings:
                message(f)
        gc.collect()
        end = rss_bytes()
        took = time.perf_counter() - t0
    measured = max(1, args.count - warm_up)
    growth = (end - start) / start if start else 0.0
    print(f"checked {args.count} images ({len(files)} distinct, {unreadable} unreadable), "
          f"faces {'off' if args.no_faces else 'on'}, {took / measured * 1000:.0f} ms each")
    print(f"memory after the warm-up ({warm_up} images): {start / 2 ** 20:.1f} MB")
    print(f"memory at the end ({args.count} images):   {end / 2 ** 20:.1f} MB")
    print(f"growth: {growth * 100:+.1f} % (limit +{LIMIT * 100:.0f} %)")
    return 0 if growth <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
