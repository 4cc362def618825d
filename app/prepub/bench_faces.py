"""Ground truth of the shared test photos and how detections are scored against it.

Owns reading ``faces/boxes.json`` + ``faces/faces.csv`` and ``ages/ages.csv`` (see the data
folder's README) and the scoring rules the benchmark and the tests share: a detection finds an
annotated face when their boxes overlap with IoU >= 0.2 (one-to-one, best overlap first), and
a face counts as identifiable when its annotated box is at least 40 px on its short side and
not flagged invalid.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

Box = tuple[float, float, float, float]

IOU_MATCH = 0.2
MIN_FACE_PX = 40
#: A second, size-independent yardstick: faces at least this share of the photo's longer side
#: (2 % is 40 px once the photo is published 2048 px wide, whatever the camera's resolution).
MIN_FACE_SHARE = 0.02
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff"})


@dataclass(frozen=True)
class TruthFace:
    box: Box  # left, top, right, bottom
    identifiable: bool  # >= MIN_FACE_PX on the short side and not flagged invalid
    invalid: bool = False  # WIDER's own "invalid" flag


@dataclass(frozen=True)
class FaceTruth:
    """What ``faces/`` says about one image."""

    file: str
    count: int  # faces.csv ``faces``
    count_min40: int | None  # faces.csv ``faces_min40px`` (None when not given)
    boxes: tuple[TruthFace, ...] | None  # None when the image has no annotation file entry


@dataclass
class Score:
    """Detections scored against annotated boxes, accumulated over images."""

    identifiable: int = 0
    found: int = 0
    detections: int = 0  # on annotated images
    unmatched: int = 0  # detections on annotated images that overlap no annotated face
    detections_wider: int = 0
    unmatched_wider: int = 0
    no_face_images: int = 0
    no_face_detections: int = 0
    relative: int = 0  # annotated faces >= MIN_FACE_SHARE of the longer side
    relative_found: int = 0
    misses: list[tuple[str, Box]] = field(default_factory=list)

    @property
    def recall_relative(self) -> float:
        return self.relative_found / self.relative if self.relative else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.identifiable if self.identifiable else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.unmatched / self.detections if self.detections else 1.0

    @property
    def precision_wider(self) -> float:
        return 1 - self.unmatched_wider / self.detections_wider if self.detections_wider else 1.0

    def add(self, truth: FaceTruth, detected: Sequence[Box], *, longer_side: int | None = None) -> None:
        """Score one image's detections (full-resolution boxes). ``longer_side`` (of the
        full-resolution image) enables the relative-size recall."""
        if truth.boxes is None:
            if truth.count == 0:
                self.no_face_images += 1
                self.no_face_detections += len(detected)
            return
        gt = truth.boxes
        matched_gt, matched_det = match([g.box for g in gt], detected)
        for i, g in enumerate(gt):
            if g.identifiable:
                self.identifiable += 1
                if i in matched_gt:
                    self.found += 1
                else:
                    self.misses.append((truth.file, g.box))
            short = min(g.box[2] - g.box[0], g.box[3] - g.box[1])
            if longer_side and short >= MIN_FACE_SHARE * longer_side and not g.invalid:
                self.relative += 1
                self.relative_found += i in matched_gt
        self.detections += len(detected)
        self.unmatched += len(detected) - len(matched_det)
        if truth.file.startswith("wider__"):  # WIDER FACE annotates every face, however small
            self.detections_wider += len(detected)
            self.unmatched_wider += len(detected) - len(matched_det)


def iou(a: Box, b: Box) -> float:
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def match(truth: Sequence[Box], detected: Sequence[Box], *, threshold: float = IOU_MATCH) -> tuple[dict[int, int], dict[int, int]]:
    """One-to-one matching, best overlap first: ({truth index: det index}, {det: truth})."""
    pairs = sorted(
        ((iou(t, d), ti, di) for ti, t in enumerate(truth) for di, d in enumerate(detected)),
        reverse=True,
    )
    by_truth: dict[int, int] = {}
    by_det: dict[int, int] = {}
    for value, ti, di in pairs:
        if value < threshold:
            break
        if ti in by_truth or di in by_det:
            continue
        by_truth[ti] = di
        by_det[di] = ti
    return by_truth, by_det


def load_face_truth(folder: str | Path) -> dict[str, FaceTruth]:
    """``faces.csv`` and ``boxes.json`` of a faces folder, by file name."""
    root = Path(folder)
    boxes_file = root / "boxes.json"
    annotated = json.loads(boxes_file.read_text(encoding="utf-8")) if boxes_file.exists() else {}
    out: dict[str, FaceTruth] = {}
    with open(root / "faces.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["file"]
            boxes = None
            if name in annotated:
                boxes = tuple(
                    TruthFace(
                        box=(g["x"], g["y"], g["x"] + g["w"], g["y"] + g["h"]),
                        identifiable=min(g["w"], g["h"]) >= MIN_FACE_PX and not g.get("invalid", 0),
                        invalid=bool(g.get("invalid", 0)),
                    )
                    for g in annotated[name]
                )
            m40 = row.get("faces_min40px") or ""
            out[name] = FaceTruth(
                file=name,
                count=int(row["faces"]),
                count_min40=int(m40) if m40.strip() else None,
                boxes=boxes,
            )
    return out


@dataclass(frozen=True)
class AgeTruth:
    file: str
    age_min: float
    age_max: float
    is_minor: str  # "yes", "no" or "ambiguous"
    exact: bool  # UTKFace exact age (True) or FairFace annotator group (False)


def load_age_truth(folder: str | Path) -> list[AgeTruth]:
    """``ages.csv`` of an ages folder, in file order."""
    out = []
    with open(Path(folder) / "ages.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.append(
                AgeTruth(
                    file=row["file"],
                    age_min=float(row["age_min"]),
                    age_max=float(row["age_max"]),
                    is_minor=row["is_minor"],
                    exact=row["label_type"].startswith("exact"),
                )
            )
    return out


def image_files(folder: str | Path) -> list[Path]:
    """The image files directly in ``folder``, sorted by name."""
    return sorted(
        p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
    )


# --------------------------------------------------------------------------------------------
# The face benchmark
# --------------------------------------------------------------------------------------------


@dataclass
class RunResult:
    """What one benchmark run measured."""

    images: int = 0
    errors: int = 0
    wall_s: float = 0.0
    load_s: float = 0.0  # model loading (first call), included in wall_s
    cpu_s: float = 0.0
    stage_s: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    score: Score = field(default_factory=Score)
    count_exact: int = 0  # images counted by eye whose face count we match exactly
    count_images: int = 0


def truth_name(path: Path) -> str:
    """The ground-truth file name of ``path``, also for a ``copy0007-<name>`` link."""
    m = re.match(r"copy\d{4}-(.+)$", path.name)
    return m.group(1) if m else path.name


def central_face_index(boxes: Sequence[Box], size: tuple[int, int]) -> int | None:
    """The face a crop is about: the biggest box, penalised by its distance from the centre."""
    if not boxes:
        return None
    cx, cy = size[0] / 2, size[1] / 2

    def merit(b: Box) -> float:
        area = (b[2] - b[0]) * (b[3] - b[1])
        dx, dy = (b[0] + b[2]) / 2 - cx, (b[1] + b[3]) / 2 - cy
        return area - 4 * (dx * dx + dy * dy)

    return max(range(len(boxes)), key=lambda i: merit(boxes[i]))


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident memory of this process (or of its largest waited-for child), in MB."""
    import resource

    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_prepub(
    files: Sequence[Path],
    truth: dict[str, FaceTruth],
    *,
    workers: int,
    threads: int,
    minor_age_threshold: float,
    fine_pass: bool = True,
) -> RunResult:
    """Decode and analyse ``files`` the way the app does, ``workers`` images at a time
    (``fine_pass=False``: only the coarse detector pass, to show what the fine one costs)."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from prepub.core.faces import CenterFaceAnalyzer, DetectorSettings
    from prepub.core.imageio import DecodeError, load_upright

    settings = DetectorSettings() if fine_pass else DetectorSettings(passes=DetectorSettings().passes[:1])
    analyzer = CenterFaceAnalyzer(threads=threads, settings=settings)
    res = RunResult()
    lock = threading.Lock()
    cpu0 = time.process_time()
    t_start = time.perf_counter()
    # Load both models on a tiny image so their cost is reported separately.
    from prepub.core.imageio import Decoded
    from PIL import Image

    t = time.perf_counter()
    warm = Image.new("RGB", (64, 64), (128, 128, 128))
    warm_rgb = Decoded(warm, (64, 64), 1.0).array()
    analyzer.detector.detect(warm_rgb)
    analyzer.ages.estimate(warm_rgb, [(8.0, 8.0, 56.0, 56.0)], second_range=(0.0, 100.0))
    res.load_s = time.perf_counter() - t

    def one(path: Path) -> None:
        stages: dict[str, float] = {}
        t0 = time.perf_counter()
        try:
            decoded = load_upright(path, max_side=analyzer.max_side)
        except DecodeError:
            with lock:
                res.errors += 1
            return
        stages["decode"] = time.perf_counter() - t0
        faces = analyzer.analyze(decoded, minor_age_threshold=minor_age_threshold, timings=stages)
        with lock:
            res.images += 1
            for k, v in stages.items():
                res.stage_s[k] = res.stage_s.get(k, 0.0) + v
            tr = truth.get(truth_name(path))
            if tr is not None:
                boxes = [tuple(float(v) for v in f.box) for f in faces]
                res.score.add(tr, boxes, longer_side=max(decoded.full_size))  # type: ignore[arg-type]
                if tr.boxes is None and tr.count > 0:
                    res.count_images += 1
                    res.count_exact += len(faces) == tr.count

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, files))
    res.wall_s = time.perf_counter() - t_start
    res.cpu_s = time.process_time() - cpu0
    res.peak_rss_mb = peak_rss_mb()
    return res


def run_face_detection_cli(folder: Path, truth: dict[str, FaceTruth], *, cpus: int) -> RunResult | None:
    """face_recognition's own ``face_detection`` CLI (HOG) on ``folder``, timed and scored."""
    import shutil
    import subprocess
    import sys
    import threading
    import time

    exe = Path(sys.executable).with_name("face_detection")
    cmd = str(exe) if exe.exists() else shutil.which("face_detection")
    if cmd is None:
        return None
    t0 = time.perf_counter()
    proc = subprocess.Popen([cmd, "--cpus", str(cpus), str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    peak = [0.0]
    cpu: dict[int, float] = {}
    sampler = threading.Thread(target=_sample_tree_rss, args=(proc.pid, peak, cpu), daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.join(timeout=1)
    found: dict[str, list[Box]] = {}
    for line in stdout.splitlines():
        parts = line.rsplit(",", 4)
        if len(parts) != 5:
            continue
        name = Path(parts[0]).name
        top, right, bottom, left = (float(v) for v in parts[1:])
        found.setdefault(name, []).append((left, top, right, bottom))
    res = RunResult(wall_s=wall, cpu_s=sum(cpu.values()))  # sampled: a lower bound
    res.peak_rss_mb = peak[0]
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() not in (".jpg", ".jpeg", ".png"):  # the CLI's own file filter
            continue
        res.images += 1
        tr = truth.get(truth_name(p))
        if tr is None:
            continue
        boxes = found.get(p.name, [])
        res.score.add(tr, boxes, longer_side=_longer_side(p))
        if tr.boxes is None and tr.count > 0:
            res.count_images += 1
            res.count_exact += len(boxes) == tr.count
    if proc.returncode != 0:
        res.errors = 1
    return res


def _sample_tree_rss(pid: int, peak: list[float], cpu: dict[int, float]) -> None:
    """Largest summed RSS (MB) of process ``pid`` and all its descendants, sampled every 50 ms,
    and the last CPU seconds seen per process. (getrusage of children would count the
    benchmark's own memory, inherited at fork, and miss pool workers nobody waited for.)"""
    import time

    import psutil

    try:
        root = psutil.Process(pid)
        while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
            total = 0
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total / 2**20)
            time.sleep(0.05)
    except psutil.Error:
        return


def _longer_side(path: Path) -> int | None:
    from PIL import Image

    try:
        with Image.open(path) as im:
            return max(im.size)  # the longer side does not depend on the orientation
    except Exception:  # noqa: BLE001 - only for scoring; an unreadable file has no truth
        return None


def linked_copies(files: Sequence[Path], n: int, into: Path) -> list[Path]:
    """``n`` symlinks into ``into`` cycling over ``files`` (named ``copy0007-<name>``)."""
    out = []
    for i in range(n):
        src = files[i % len(files)]
        dst = into / f"copy{i:04d}-{src.name}"
        dst.symlink_to(src.resolve())
        out.append(dst)
    return out
