"""Benchmark: export time per image next to ``exiftool -all= -o`` on the same files.

    uv run python -m prepub.bench_export ../shared/data/exif [--limit N] [--max-side PX]

For every image in the folder it times Prepub's clean export (decode, orientation, re-encode
with new XMP/EXIF, then :func:`verify_clean` reading the file back) and ExifTool stripping all
metadata into a new file (which copies the compressed pixels and decodes nothing, so it is the
lower bound of any scrub; one ExifTool process per file, startup included). It prints one line
per file and medians at the end. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from prepub.core.analyze import IMAGE_SUFFIXES
from prepub.core.export.errors import ExportError
from prepub.core.export.images import write_clean_image
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import ExportMeta

META = ExportMeta(creators=("Bench Mark",), credit="Foto: Bench Mark", rights="(c) 2026 Bench",
                  caption="Benchmark", alt_text="A test image", language="en")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m prepub.bench_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--max-side", type=int, default=0, help="resize to this long side (0: full size)")
    args = ap.parse_args(argv)
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if args.limit:
        files = files[: args.limit]
    exiftool = shutil.which("exiftool")
    ours: list[float] = []
    theirs: list[float] = []
    mp: list[float] = []
    failed: list[str] = []
    print(f"{'file':52} {'MP':>6} {'prepub s':>9} {'exiftool s':>10}  note")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for i, src in enumerate(files):
            note = ""
            t0 = time.perf_counter()
            try:
                w = write_clean_image(src, out / f"{i}.jpg", meta=META, max_side=args.max_side or None)
                problems = verify_clean(w.path)
                t_ours = time.perf_counter() - t0
                note = "NOT CLEAN: " + "; ".join(problems) if problems else ""
                megapixels = w.width * w.height / 1e6
            except ExportError as e:
                failed.append(src.name)
                print(f"{src.name[:52]:52} {'':>6} {'–':>9} {'':>10}  cannot export: {e}")
                continue
            t_theirs = None
            if exiftool:
                t1 = time.perf_counter()
                r = subprocess.run([exiftool, "-all=", "-o", str(out / f"{i}-et{src.suffix}"), str(src)],
                                   capture_output=True, text=True)
                t_theirs = time.perf_counter() - t1
                if r.returncode != 0:
                    note += f" exiftool failed: {(r.stderr or r.stdout).strip()[:60]}"
                    t_theirs = None
            ours.append(t_ours)
            mp.append(megapixels)
            if t_theirs is not None:
                theirs.append(t_theirs)
            et = f"{t_theirs:10.3f}" if t_theirs is not None else f"{'–':>10}"
            print(f"{src.name[:52]:52} {megapixels:6.1f} {t_ours:9.3f} {et}  {note}".rstrip())
    print()
    if ours:
        print(f"prepub export + verify: {len(ours)} files, median {statistics.median(ours):.3f} s, "
              f"mean {statistics.mean(ours):.3f} s, total {sum(ours):.1f} s, "
              f"{sum(mp) / sum(ours):.1f} MP/s")
    if theirs:
        print(f"exiftool -all= -o:      {len(theirs)} files, median {statistics.median(theirs):.3f} s, "
              f"mean {statistics.mean(theirs):.3f} s, total {sum(theirs):.1f} s")
    elif not exiftool:
        print("exiftool is not installed: no comparison")
    if failed:
        print(f"not exportable ({len(failed)}): {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
