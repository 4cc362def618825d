"""The CenterFace face detector (MIT licence), run with onnxruntime on the model Prepub ships.

This module owns the detector only: turning an RGB array into face boxes, scores and five
landmarks (eyes, nose, mouth corners) in that array's pixels. The graph is
``resources/models/centerface-int8.onnx``: CenterFace's ``centerface_bnmerged.onnx`` with its
input made [B, 3, H, W] and its weights no longer listed as graph inputs, then quantised to int8
(weights per channel, 7 bits; the first layer and the output layers stay float), once, offline
(``tools/quantize_models.py``, see ``resources/models/README.md``). Nothing patches it at run
time. The int8 graph runs a pass in about half the time of the float one; on the shared
``faces/`` set it finds the same faces but one (``prepub.bench faces``, see the README there). The session is built lazily, once per :class:`CenterFace`,
under a lock.

Detection runs in up to two passes (see :class:`DetectorSettings`): a coarse one at 512 px for
the faces that fill a good part of the frame, and, for large photos only, a finer one at
1024 px for faces small relative to the frame. Boxes from both passes are merged with non-maximum suppression.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from prepub.core.resources import resource

MODEL_FILE = "centerface-int8.onnx"
_INPUT = "input.1"
_OUTPUTS = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
_STRIDE = 4
_ALIGN = 32


@dataclass(frozen=True)
class Detection:
    """One face in the pixels of the array the detector was given."""

    box: tuple[float, float, float, float]  # left, top, right, bottom
    score: float
    landmarks: tuple[tuple[float, float], ...]  # five (x, y)


@dataclass(frozen=True)
class DetectorSettings:
    """Tunable detection settings; the defaults are the ones measured by ``prepub.bench faces``.

    ``passes`` lists (longer side in pixels, score threshold) per pass. The first pass always
    runs, on the image scaled down to that size (up too with ``upscale_first``). Each later
    pass runs only on photos whose full-resolution longer side is at least ``fine_from``
    pixels and when the analysed image has more detail than the previous pass used (at least
    ``1 + min_gain`` times): it looks for faces too small to find at the coarser scale.
    Results are merged with NMS.

    Measured on the shared ``faces/`` set (``prepub.bench faces``): CenterFace finds more
    faces of 40 px and up at 512-640 px than at 1024-1920 px, where its heatmap breaks large
    faces up; a finer pass adds faces that are small relative to the frame (2-3 % of the
    longer side: 94 % -> 97 %) at about three times the cost. Upscaling small images cost
    precision and found no extra face, so it is off.

    Issue 13: the finer pass also runs on photos under ``fine_from`` when the first pass found
    a face under ``small_face_px`` (16 px at 512: about 32 px in a 1024-px photo), i.e. on
    group photos whose faces further back are near the identifiable size, which is where the
    first pass misses faces (held-out WIDER FACE recall of faces >= 40 px was 0.949). On the
    shared set this finds every face of >= 2 % of the longer side that running the finer pass
    on every photo finds (206 -> 212 of 218), with no more false faces (none on the 8 photos
    without people; precision 97.2 % -> 97.4 %), for 36 % more detector pixels instead of 225 %.
    Deciding on the face count instead (3, 4 or 6 faces) found the same faces at a higher cost;
    running the finer pass only on the region around the first pass's faces found 2-3 fewer.
    """

    passes: tuple[tuple[int, float], ...] = ((512, 0.4), (1024, 0.5))
    nms_iou: float = 0.3
    min_gain: float = 0.25
    fine_from: int = 1600
    upscale_first: bool = False  # scale images smaller than the first pass up to it
    #: Later passes also run on smaller photos when the first pass found at least this many
    #: faces (a group photo, where the faces further back are small; 0 = never) ...
    group_faces: int = 0
    #: ... or a face whose shorter side is under this many pixels at the first pass's scale.
    small_face_px: float = 16.0


class CenterFace:
    """A lazily loaded, thread-safe CenterFace session."""

    def __init__(self, *, threads: int = 2, settings: DetectorSettings | None = None,
                 model: Path | None = None) -> None:
        self.settings = settings or DetectorSettings()
        self._threads = threads
        self._model = model  # default: the shipped graph (model_path())
        self._session: Any = None
        self._lock = threading.Lock()

    def _ensure_session(self) -> Any:
        with self._lock:
            if self._session is None:
                self._session = _build_session(self._model or model_path(), self._threads)
            return self._session

    def detect(self, rgb: np.ndarray, *, full_side: int | None = None) -> list[Detection]:
        """Faces in ``rgb`` (an ``[H, W, 3]`` uint8 array), in its pixel coordinates.
        ``full_side`` is the longer side of the photo at full resolution (default: of ``rgb``)."""
        s = self.settings
        h, w = rgb.shape[:2]
        longer = max(h, w)
        fine = (full_side or longer) >= s.fine_from
        all_boxes, all_lms = [], []
        previous = 0
        for i, (side, threshold) in enumerate(s.passes):
            if i == 1 and not fine and len(all_boxes[0]):
                first = all_boxes[0]
                shorter = np.minimum(first[:, 2] - first[:, 0], first[:, 3] - first[:, 1]) * (previous / longer)
                fine = (0 < s.group_faces <= len(first)) or bool((shorter < s.small_face_px).any())
            if i > 0 and (not fine or longer < previous * (1 + s.min_gain)):
                break
            f = side / longer if (i == 0 and s.upscale_first) else min(1.0, side / longer)
            if abs(f - 1.0) < 0.02:
                work, f = rgb, 1.0
            else:
                size = (max(1, round(w * f)), max(1, round(h * f)))
                resample = Image.Resampling.BICUBIC if f > 1 else Image.Resampling.BILINEAR
                work = np.asarray(Image.fromarray(rgb).resize(size, resample, reducing_gap=None if f > 1 else 2.0))
            boxes, lms = self._run(work, threshold)
            fx, fy = work.shape[1] / w, work.shape[0] / h
            boxes[:, [0, 2]] /= fx
            boxes[:, [1, 3]] /= fy
            lms[:, 0::2] /= fx
            lms[:, 1::2] /= fy
            all_boxes.append(boxes)
            all_lms.append(lms)
            previous = max(work.shape[:2])
        boxes, lms = np.concatenate(all_boxes), np.concatenate(all_lms)
        if len(all_boxes) > 1 and len(boxes):
            keep = nms(boxes[:, :4], boxes[:, 4], s.nms_iou)
            boxes, lms = boxes[keep], lms[keep]
        out = []
        for b, lm in zip(boxes, lms):
            x0, y0 = max(0.0, float(b[0])), max(0.0, float(b[1]))
            x1, y1 = min(float(w), float(b[2])), min(float(h), float(b[3]))
            if x1 - x0 < 1 or y1 - y0 < 1:
                continue
            pts = tuple((float(lm[2 * j]), float(lm[2 * j + 1])) for j in range(5))
            out.append(Detection(box=(x0, y0, x1, y1), score=float(b[4]), landmarks=pts))
        return out

    def _run(self, rgb: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """One forward pass: boxes [N, 5] (x0, y0, x1, y1, score) and landmarks [N, 10] (x, y
        pairs), after NMS, in ``rgb``'s pixels."""
        session = self._ensure_session()
        h, w = rgb.shape[:2]
        hp, wp = -(-h // _ALIGN) * _ALIGN, -(-w // _ALIGN) * _ALIGN
        blob = np.zeros((1, 3, hp, wp), dtype=np.float32)
        blob[0, :, :h, :w] = rgb.transpose(2, 0, 1)
        heat, scale, offset, lm = session.run(_OUTPUTS, {_INPUT: blob})
        return decode(heat, scale, offset, lm, threshold=threshold, size=(h, w), nms_iou=self.settings.nms_iou)


def decode(
    heat: np.ndarray,
    scale: np.ndarray,
    offset: np.ndarray,
    lm: np.ndarray,
    *,
    threshold: float,
    size: tuple[int, int],
    nms_iou: float,
) -> tuple[np.ndarray, np.ndarray]:
    """CenterFace's output maps to boxes and landmarks (vectorised form of deface's decode)."""
    h, w = size
    ys, xs = np.nonzero(heat[0, 0] > threshold)
    if len(ys) == 0:
        return np.zeros((0, 5), np.float32), np.zeros((0, 10), np.float32)
    s0 = np.exp(scale[0, 0, ys, xs]) * _STRIDE  # height
    s1 = np.exp(scale[0, 1, ys, xs]) * _STRIDE  # width
    o0, o1 = offset[0, 0, ys, xs], offset[0, 1, ys, xs]
    score = heat[0, 0, ys, xs]
    x0 = np.clip((xs + o1 + 0.5) * _STRIDE - s1 / 2, 0, w)
    y0 = np.clip((ys + o0 + 0.5) * _STRIDE - s0 / 2, 0, h)
    x1 = np.minimum(x0 + s1, w)
    y1 = np.minimum(y0 + s0, h)
    boxes = np.stack([x0, y0, x1, y1, score], axis=1).astype(np.float32)
    pts = np.empty((len(ys), 10), np.float32)
    for j in range(5):
        pts[:, 2 * j] = lm[0, 2 * j + 1, ys, xs] * s1 + x0
        pts[:, 2 * j + 1] = lm[0, 2 * j, ys, xs] * s0 + y0
    keep = nms(boxes[:, :4], boxes[:, 4], nms_iou)
    return boxes[keep], pts[keep]


def nms(boxes: np.ndarray, scores: np.ndarray, iou: float) -> np.ndarray:
    """Indices of the boxes kept by greedy non-maximum suppression, best first."""
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    x0, y0, x1, y1 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = np.maximum(x1 - x0, 0) * np.maximum(y1 - y0, 0)
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        iw = np.maximum(np.minimum(x1[i], x1[rest]) - np.maximum(x0[i], x0[rest]), 0)
        ih = np.maximum(np.minimum(y1[i], y1[rest]) - np.maximum(y0[i], y0[rest]), 0)
        inter = iw * ih
        ovr = inter / np.maximum(areas[i] + areas[rest] - inter, 1e-9)
        order = rest[ovr < iou]
    return np.asarray(keep, dtype=np.int64)


def _build_session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    ort.disable_telemetry_events()  # prepub/__init__.py switched it off before the import too

    ort.set_default_logger_severity(3)
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Do not busy-wait for work between operators: on a shared two-core laptop spinning
    # threads burn CPU that decoding and the other worker need.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(
        path.read_bytes(), sess_options=options, providers=["CPUExecutionProvider"]
    )


def model_path() -> Path:
    """The shipped CenterFace graph (``resources/models/centerface-int8.onnx``, see the README there)."""
    return resource("models", MODEL_FILE)
