"""Face encodings for consent matching: face_recognition's 128-d dlib descriptors.

This module owns turning our face boxes into encodings and comparing them. ``face_recognition``
is imported on first use only (it loads dlib models and sets Pillow's process-wide
``LOAD_TRUNCATED_IMAGES`` on import, so the import happens under
:func:`prepub.core.imageio.decode_lock`). Matching is biometric processing: callers only use
this when the policy switches ``[faces] matching`` on.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np

from prepub.core.imageio import Decoded, decode_lock
from prepub.core.model import Face


class FaceEncoder:
    """Lazily loaded face_recognition encoder. Thread-safe."""

    def __init__(self, *, jitters: int = 1, model: str = "small") -> None:
        self._jitters = jitters
        self._model_name = model
        self._lock = threading.Lock()
        self._fr: Any = None

    def _ensure(self) -> Any:
        with self._lock:
            if self._fr is None:
                with decode_lock():
                    import face_recognition

                self._fr = face_recognition
            return self._fr

    def encode(self, decoded: Decoded, faces: Sequence[Face]) -> list[np.ndarray]:
        """One 128-d encoding per face, in face order, computed on ``decoded.image``."""
        if not faces:
            return []
        fr = self._ensure()
        img = decoded.array()
        h, w = img.shape[:2]
        sx, sy = w / decoded.full_size[0], h / decoded.full_size[1]
        locations = []
        for f in faces:
            left, top, right, bottom = f.box
            # css order (top, right, bottom, left) at the decoded scale
            locations.append((
                max(0, int(round(top * sy))),
                min(w - 1, int(round(right * sx))),
                min(h - 1, int(round(bottom * sy))),
                max(0, int(round(left * sx))),
            ))
        out = fr.face_encodings(img, known_face_locations=locations, num_jitters=self._jitters,
                                model=self._model_name)
        return [np.asarray(e, dtype=np.float64) for e in out]


def encode_faces(
    decoded: Decoded, faces: Sequence[Face], *, encoder: FaceEncoder | None = None
) -> list[np.ndarray]:
    """128-d encodings of ``faces`` (found on ``decoded``), in face order. Pass an
    ``encoder`` to choose jitters or the landmark model; without one a default encoder is
    made (cheap: face_recognition keeps its loaded models in its own module)."""
    return (encoder or FaceEncoder()).encode(decoded, faces)


def face_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean distance between two encodings; below about 0.5-0.6 is the same person."""
    return float(np.linalg.norm(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)))
