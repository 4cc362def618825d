"""Make the two int8 networks Prepub ships (``resources/models/centerface-int8.onnx`` and
``age-v1-int8.onnx``) from their float originals, offline, once.

    git show 88f28ae:resources/models/centerface.onnx > /tmp/centerface-fp32.onnx
    uv run --with onnx python tools/quantize_models.py --centerface /tmp/centerface-fp32.onnx \
        --shared ../shared/data

``onnx`` is needed only here (``--with``), not by Prepub. What it does, deterministically (the
same inputs give the same files):

* both graphs are moved to ONNX opset 13 (per-channel weights need it) and every node gets a
  name; in the age network dlib's ``affine`` layers (a per-channel Mul and Add after every Conv,
  batch norm at inference) are folded into the Conv's weights and bias, which is exact;
* static quantisation with onnxruntime's quantiser: QDQ format, weights int8 per output channel
  with ``reduce_range`` (7 bits: on x86 CPUs without VNNI the u8 x s8 multiply-add can saturate
  at 8 bits; with 7 it cannot; only an x86 CPU with AVX-512 VNNI was measured), activations uint8 from the
  MinMax range (moving average) over the calibration inputs. In the detector every operator
  the quantiser knows is quantised (a ReLU after a Conv then folds into the Conv's int8 output,
  which roughly halves the time); in the age network only Conv and Gemm (quantising its
  residual additions and pooling too moved the estimates by 0.5 years on average). The first Conv (it sees raw pixels) and the output
  layers stay float: CenterFace's box, offset and landmark Convs and its heatmap's Sigmoid (the
  heatmap's own Conv is int8), the age network's classifier;
* calibration inputs, apart from what each model's own figures are measured on: the detector is calibrated
  on 60 generated group scenes (the ``ages/`` crops pasted 1-15 at a time at random sizes on a
  blurred crop, at the 512- and 1024-px sizes the passes use) and measured on ``faces/``; the age
  network is calibrated on the chips of the faces the float detector finds in ``faces/``
  (paddings 0.1 and 0.15, each mirrored) and measured on ``ages/``. (``bench ages`` runs the
  detector on the ``ages/`` crops too, to find the face there.)

Kept as measured (see ``resources/models/README.md``): a variant that also kept the heatmap's
Conv float scored faces without the -0.03 shift, but moved ages enough that half A of ``ages/``
chose threshold 33; it was not taken.

Measured (``prepub.bench faces`` / ``prepub.bench ages``, 2 cores) on the files this writes: see
``resources/models/README.md``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "models"
SEED = 7
SCENES = 60


def _opset13(model_path: Path, out: Path, *, fold_affine: bool) -> None:
    import onnx
    from onnx import version_converter

    model = onnx.load(str(model_path))
    if model.opset_import[0].version < 13:
        model = version_converter.convert_version(model, 13)
    if fold_affine:
        _fold_affine(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def _fold_affine(model: object) -> None:
    """Conv -> Mul(c) -> Add(c) with constant per-channel c becomes one Conv (exact)."""
    from onnx import numpy_helper as nh

    g = model.graph  # type: ignore[attr-defined]
    init = {i.name: i for i in g.initializer}
    consumers: dict[str, list] = {}
    for n in g.node:
        for name in n.input:
            consumers.setdefault(name, []).append(n)
    dropped = []
    for conv in list(g.node):
        if conv.op_type != "Conv" or len(conv.input) < 3:
            continue
        after = consumers.get(conv.output[0], [])
        if len(after) != 1 or after[0].op_type != "Mul" or after[0].input[1] not in init:
            continue
        mul = after[0]
        after = consumers.get(mul.output[0], [])
        if len(after) != 1 or after[0].op_type != "Add" or after[0].input[1] not in init:
            continue
        add = after[0]
        w, b = nh.to_array(init[conv.input[1]]), nh.to_array(init[conv.input[2]])
        s, o = nh.to_array(init[mul.input[1]]).reshape(-1), nh.to_array(init[add.input[1]]).reshape(-1)
        init[conv.input[1]].CopyFrom(nh.from_array((w * s[:, None, None, None]).astype(np.float32), conv.input[1]))
        init[conv.input[2]].CopyFrom(nh.from_array((b * s + o).astype(np.float32), conv.input[2]))
        conv.output[0] = add.output[0]
        dropped += [mul, add]
    for n in dropped:
        g.node.remove(n)
    used = {name for n in g.node for name in n.input}
    for i in [i for i in g.initializer if i.name not in used]:
        g.initializer.remove(i)
    print(f"age network: {len(dropped) // 2} affine layers folded into their Conv")


def _quantize(src: Path, dst: Path, feeds: list[dict[str, np.ndarray]], keep_float: Callable[[Any], list[str]],
              op_types: list[str] | None = None) -> None:
    """Quantise ``src`` to ``dst``; ``keep_float(graph)`` names the nodes of the pre-processed
    graph (onnxruntime's pre-processing fuses and renames nodes) that stay float; ``op_types``
    (default: all the quantiser knows) limits what is quantised."""
    import onnx

    from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat,
                                          QuantType, quantize_static)
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self._it = iter(feeds)

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self._it, None)

    with tempfile.TemporaryDirectory() as tmp:
        pre = Path(tmp) / "pre.onnx"
        quant_pre_process(str(src), str(pre), skip_symbolic_shape=True)
        model = onnx.load(str(pre))
        for i, node in enumerate(model.graph.node):
            if not node.name:
                node.name = f"{node.op_type}_{i}"
        onnx.save(model, str(pre))
        exclude = keep_float(model.graph)
        print(f"kept float: {exclude}")
        quantize_static(str(pre), str(dst), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                        reduce_range=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        calibrate_method=CalibrationMethod.MinMax, op_types_to_quantize=op_types,
                        nodes_to_exclude=exclude, extra_options={"CalibMovingAverage": True})
    print(f"wrote {dst} ({dst.stat().st_size:,} bytes)")


def _scenes(crops: list[Path]) -> list[np.ndarray]:
    """Generated group scenes: ages/ crops pasted on a blurred crop (deterministic)."""
    from PIL import Image, ImageFilter

    rng = random.Random(SEED)
    out = []
    for _ in range(SCENES):
        w, h = rng.choice([(512, 384), (384, 512), (512, 352), (1024, 768)])
        bg = Image.open(rng.choice(crops)).convert("RGB").resize((w, h)).filter(ImageFilter.GaussianBlur(25))
        n = rng.choice([1, 2, 4, 8, 15])
        for _ in range(n):
            s = rng.randint(max(12, h // 20), max(14, min(h, w) // (1 + n // 3)) - 1)
            face = Image.open(rng.choice(crops)).convert("RGB").resize((s, s))
            bg.paste(face, (rng.randint(0, w - s), rng.randint(0, h - s)))
        out.append(np.asarray(bg))
    return out


def _face_chips(centerface_fp32: Path, photos: list[Path]) -> np.ndarray:
    """The age network's inputs for every face the float detector finds on ``photos``."""
    from prepub.core.faces import age as age_mod
    from prepub.core.faces.centerface import CenterFace
    from prepub.core.imageio import load_upright

    detector = CenterFace(threads=2, model=centerface_fp32)
    estimator = age_mod.AgeEstimator(model=age_mod.package_age_model())
    dlib, predictor, _ = estimator._ensure_models()
    batches = []
    for path in photos:
        decoded = load_upright(path, max_side=1280)
        rgb = np.ascontiguousarray(decoded.array(), dtype=np.uint8)
        h, w = rgb.shape[:2]
        chips = []
        for d in detector.detect(rgb, full_side=max(decoded.full_size)):
            if age_mod._short_side(d.box) < age_mod.MIN_AGE_FACE_PX:
                continue
            shape = predictor(rgb, age_mod._rectangle(dlib, d.box, w, h))
            for p in (0.1, 0.15):
                chip = np.asarray(dlib.extract_image_chip(rgb, dlib.get_face_chip_details(shape, age_mod._CHIP, p)))
                chips += [chip, chip[:, ::-1]]
        if chips:
            batches.append(age_mod._chip_batch(chips))
    return np.concatenate(batches)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--centerface", type=Path, required=True, help="the float CenterFace graph (git show 88f28ae:resources/models/centerface.onnx)")
    ap.add_argument("--shared", type=Path, required=True, help="the shared data folder (ages/ and faces/)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "app"))
    from prepub.bench_faces import image_files
    from prepub.core.faces import age as age_mod
    from prepub.core.faces import centerface as cf_mod

    crops = sorted((args.shared / "ages").glob("*.jpg"))
    photos = image_files(args.shared / "faces")
    with tempfile.TemporaryDirectory() as tmp:
        det13 = Path(tmp) / "centerface13.onnx"
        _opset13(args.centerface, det13, fold_affine=False)

        def detector_float(g: Any) -> list[str]:  # the first Conv and the nodes writing the outputs
            first = next(n.name for n in g.node if n.op_type == "Conv")
            return [first, *(n.name for n in g.node if set(n.output) & set(cf_mod._OUTPUTS))]

        feeds = [{cf_mod._INPUT: a.transpose(2, 0, 1)[None].astype(np.float32)} for a in _scenes(crops)]
        _quantize(det13, OUT / cf_mod.MODEL_FILE, feeds, detector_float)

        age13 = Path(tmp) / "age13.onnx"
        _opset13(Path(str(age_mod.package_age_model())), age13, fold_affine=True)

        def age_float(g: Any) -> list[str]:  # the first Conv and the classifier
            layers = [n.name for n in g.node if n.op_type in ("Conv", "Gemm")]
            return [layers[0], layers[-1]]

        chips = _face_chips(args.centerface, photos)
        print(f"age calibration: {len(chips)} chips from {len(photos)} photos")
        feeds = [{"images": chips[i:i + 32]} for i in range(0, len(chips), 32)]
        _quantize(age13, OUT / age_mod.MODEL_FILE, feeds, age_float, op_types=["Conv", "Gemm"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
