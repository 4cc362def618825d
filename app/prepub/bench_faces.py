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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

Box = tuple[float, float, float, float]

IOU_MATCH = 0.2
MIN_FACE_PX = 40
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff"})


@dataclass(frozen=True)
class TruthFace:
    box: Box  # left, top, right, bottom
    identifiable: bool  # >= MIN_FACE_PX on the short side and not flagged invalid


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
    misses: list[tuple[str, Box]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.identifiable if self.identifiable else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.unmatched / self.detections if self.detections else 1.0

    @property
    def precision_wider(self) -> float:
        return 1 - self.unmatched_wider / self.detections_wider if self.detections_wider else 1.0

    def add(self, truth: FaceTruth, detected: Sequence[Box]) -> None:
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
