"""``prepub --self-test``: prove an installation works, offline, without touching user data.

Runs every model from the installed packages on a real face and compares the answers with the
ones recorded here: the face detector must find the one face near its known box, the age model
must estimate an age near the recorded one, and the dlib face encoder must give an encoding near
the recorded one (the picture, a public-domain NASA portrait, ships in
``resources/selftest/face.jpg``; see the README there). The language detector must recognise a
Swedish text. Then a consent registry must open and answer, and an image the test makes must
round-trip through check and export with its location removed. Prints versions and one line per
step; exit code 0 when every step passed.
"""

from __future__ import annotations

import io
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable, Collection, Sequence, TextIO

from prepub import __version__
from prepub.core import clock

# --- the known answers for resources/selftest/face.jpg (320 x 320 px) ----------------------------
# Measured with the models this version ships (int8 CenterFace and age network from
# resources/models via onnxruntime, the age network on Prepub's own chips, face_recognition's
# dlib encoder). Issue 13's chips estimate 36.6 years here with the float age network and 37
# with the int8 one (the package's own chip said 40); 40 ± 12 still holds all
# and still fails a child's age. The tolerances hold for small differences between
# platforms and library builds (a box a few pixels off moves the age estimate by up to 9 years
# and the encoding by up to 0.16) yet fail a model that answers something else: a child's age,
# no face, another person's encoding (other faces are 0.7-0.95 away).
SELFTEST_FACE = ("selftest", "face.jpg")
EXPECTED_FACE_BOX = (115, 39, 168, 109)  # left, top, right, bottom in pixels
MIN_FACE_IOU = 0.6
EXPECTED_AGE = 40.0  # years; an adult in the photo: Eileen Collins, born 1956, photo c. 1992-95
AGE_TOLERANCE = 12.0
MAX_ENCODING_DISTANCE = 0.4  # face_recognition calls two faces the same person below 0.6
EXPECTED_ENCODING = (
    -0.0767, 0.0368, 0.0130, -0.0713, -0.1748, -0.0132, -0.0356, -0.1464, 0.0978, -0.0980,
    0.1807, -0.0503, -0.2531, -0.0433, -0.0041, 0.1309, -0.1548, -0.1671, -0.1198, -0.0632,
    0.0424, 0.0577, 0.0199, 0.0443, -0.2659, -0.2823, -0.0674, -0.0908, 0.0212, -0.0627,
    -0.0236, 0.0947, -0.1086, 0.0363, 0.1232, 0.1109, -0.0109, -0.1023, 0.1456, -0.0703,
    -0.2444, -0.0219, 0.0793, 0.1805, 0.2908, -0.0608, -0.0106, -0.0811, 0.1277, -0.2737,
    0.0312, 0.0692, 0.0812, 0.0761, 0.0194, -0.1475, -0.0081, 0.2384, -0.2707, -0.0455,
    0.0178, -0.2022, -0.0444, -0.0370, 0.1286, 0.1145, -0.1698, -0.1453, 0.1665, -0.2328,
    -0.0046, 0.0827, -0.0976, -0.1695, -0.2923, -0.0178, 0.4128, 0.1675, -0.1859, -0.0453,
    -0.0307, 0.0287, 0.0111, 0.0185, -0.0688, -0.1083, -0.1328, 0.0412, 0.2208, -0.0634,
    0.0220, 0.2518, 0.0396, -0.0030, 0.0550, 0.1077, -0.1358, -0.0586, -0.0807, -0.0075,
    -0.0514, -0.0693, 0.0462, 0.1646, -0.1304, 0.1941, -0.0307, -0.0488, -0.0226, -0.0862,
    0.0047, -0.0804, 0.1308, -0.2534, 0.0622, 0.1664, 0.0872, 0.1993, -0.0102, 0.0168,
    -0.0302, -0.0504, -0.1603, -0.0373, 0.0564, -0.0643, 0.0352, 0.0086,
)

#: Step keys for ``run_self_test(only=...)``, in the order they run.
STEPS = ("faces", "language", "registry", "round_trip", "workers")


def box_iou(a: Sequence[float], b: Sequence[float]) -> float:
    """Intersection over union of two (left, top, right, bottom) boxes."""
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _versions() -> list[tuple[str, str]]:
    out = [("prepub", __version__), ("python", platform.python_version()),
           ("platform", f"{platform.system()} {platform.machine()}")]
    for mod, attr in (("PIL", "__version__"), ("pillow_heif", "__version__"),
                      ("onnxruntime", "__version__"), ("dlib", "__version__"),
                      ("sqlalchemy", "__version__"), ("exifread", "__version__"),
                      ("PySide6", "__version__")):
        try:
            m = __import__(mod)
            out.append((mod, str(getattr(m, attr, "?"))))
        except Exception as e:  # a missing piece is reported, not fatal here
            out.append((mod, f"missing ({e.__class__.__name__})"))
    from prepub.core.metadata import exiftool

    exe = exiftool.executable()
    ver = exiftool.version() if exe else None
    out.append(("exiftool", f"{ver} (second metadata reader)" if ver
                else "not installed (optional second metadata reader)"))
    return out


def _make_photo(path: Path) -> None:
    """A JPEG with GPS, a serial number, an owner name and an EXIF thumbnail."""
    import piexif
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (640, 480), (200, 215, 230))
    ImageDraw.Draw(im).ellipse((250, 150, 390, 330), fill=(225, 190, 160))
    thumb = io.BytesIO()
    im.resize((160, 120)).save(thumb, "JPEG")
    exif = {
        "0th": {piexif.ImageIFD.Make: b"Prepub", piexif.ImageIFD.Model: b"Self-test"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: b"SN-123456", piexif.ExifIFD.CameraOwnerName: b"Owner",
                 piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 14:03:00"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((59, 1), (19, 1), (4572, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((18, 1), (4, 1), (680, 100))},
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0, piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": thumb.getvalue(),
    }
    im.save(path, "JPEG", exif=piexif.dump(exif), quality=90)


def run_self_test(*, out: TextIO | None = None, only: Collection[str] | None = None) -> int:
    """Run the self-test, printing to ``out``; ``only`` picks steps by key (see :data:`STEPS`).
    Returns 0 when every step passed, else 1."""
    out = out or sys.stdout
    unknown = set(only or ()) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown self-test step(s): {', '.join(sorted(unknown))}")
    work = Path(tempfile.mkdtemp(prefix="prepub-selftest-"))
    # Never touch the user's own registry or settings; put them back and remove the scratch
    # folder (a registry, a photo, an export) afterwards, unless PREPUB_DEBUG asks to keep it.
    saved = {k: os.environ.get(k) for k in ("PREPUB_DATA_DIR", "PREPUB_REGISTRY_URL")}
    os.environ["PREPUB_DATA_DIR"] = str(work / "data")
    os.environ.pop("PREPUB_REGISTRY_URL", None)
    try:
        return _run_steps(work, out, only)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if os.environ.get("PREPUB_DEBUG"):
            print(f"  (kept {work})", file=out)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _run_steps(work: Path, out: TextIO, only: Collection[str] | None) -> int:
    print(f"Prepub self-test ({work})", file=out)
    for name, ver in _versions():
        print(f"  {name:12} {ver}", file=out)
    failures = 0
    state: dict[str, object] = {}
    # step functions to run, by name
    wanted = {"faces", "ages", "encoder", "language", "registry", "round_trip",
              "worker_processes"}
    if only is not None:
        keys = {"faces": ("faces", "ages", "encoder"), "workers": ("worker_processes",)}
        wanted = {name for k in only for name in keys.get(k, (k,))}

    def step(label: str, fn: Callable[[], str]) -> None:
        nonlocal failures
        if fn.__name__ not in wanted:
            return
        t0 = time.perf_counter()
        try:
            note = fn()
            print(f"  ok    {label:34} {1000 * (time.perf_counter() - t0):7.0f} ms  {note}", file=out)
        except Exception as e:
            failures += 1
            print(f"  FAIL  {label:34} {e.__class__.__name__}: {e}", file=out)
            if os.environ.get("PREPUB_DEBUG"):
                traceback.print_exc(file=out)

    from prepub.core.policy import load_policy

    policy = load_policy()

    def faces() -> str:
        from prepub.core.analyze import default_detector
        from prepub.core.imageio import load_upright
        from prepub.core.resources import resource

        detector = default_detector()
        state["detector"] = detector
        decoded = load_upright(resource(*SELFTEST_FACE),
                               max_side=int(getattr(detector, "max_side", 1280)))
        state["decoded"] = decoded
        found = list(detector(decoded, minor_age_threshold=policy.minor_age_threshold))
        assert len(found) == 1, f"found {len(found)} faces on the one-face photo"
        face = found[0]
        iou = box_iou(face.box, EXPECTED_FACE_BOX)
        assert iou >= MIN_FACE_IOU, f"face at {face.box}, expected near {EXPECTED_FACE_BOX} (IoU {iou:.2f})"
        state["face"] = face
        return f"1 face at {face.box}, expected {EXPECTED_FACE_BOX} (IoU {iou:.2f})"

    # the age and encoder steps use the face the detector step found
    def ages() -> str:
        from prepub.core.faces import AgeEstimator

        face, decoded = state.get("face"), state.get("decoded")
        assert face is not None, "no face from the detector step to estimate an age for"
        # the analysis already asked the age model (face.age); ask the same model once more on
        # its own, so this step shows the model's time and cannot pass on a stale value
        model = getattr(getattr(state["detector"], "analyzer", None), "ages", None) or AgeEstimator()
        scale = decoded.scale  # type: ignore[attr-defined]
        box = tuple(v * scale for v in face.box)  # type: ignore[attr-defined]
        (age,) = model.estimate(decoded.array(), [box],  # type: ignore[attr-defined]
                                minor_age_threshold=policy.minor_age_threshold)
        low, high = EXPECTED_AGE - AGE_TOLERANCE, EXPECTED_AGE + AGE_TOLERANCE
        for label, value in (("estimated", age), ("the analysis estimated", face.age)):  # type: ignore[attr-defined]
            assert value is not None, f"the age model gave no age ({label})"
            assert low <= value <= high, f"{label} age {value:.0f}, expected {low:.0f}-{high:.0f}"
        return f"estimated age {age:.0f}, expected {EXPECTED_AGE:.0f} ± {AGE_TOLERANCE:.0f}"

    def encoder() -> str:
        import numpy as np

        from prepub.core.faces import encode_faces

        face = state.get("face")
        assert face is not None, "no face from the detector step to encode"
        enc = encode_faces(state["decoded"], [face])  # type: ignore[arg-type, list-item]
        assert len(enc) == 1 and len(enc[0]) == 128, "the face encoder gave no 128-d encoding"
        dist = float(np.linalg.norm(enc[0] - np.asarray(EXPECTED_ENCODING)))
        assert dist <= MAX_ENCODING_DISTANCE, (
            f"encoding {dist:.2f} from the recorded one (at most {MAX_ENCODING_DISTANCE})")
        return f"encoding {dist:.3f} from the recorded one (at most {MAX_ENCODING_DISTANCE})"

    def language() -> str:
        from prepub.core.text import check_text

        rep = check_text("Välkommen till öppet hus i stadshuset på lördag. Vi bjuder på kaffe och "
                         "berättar om hur kommunen arbetar med parkerna.", policy=policy,
                         channels=["facebook"])
        assert rep.language == "sv", f"detected {rep.language!r}"
        from prepub.core.text.learned import model

        tone = model()  # the learned second opinion for the tone rules (resources/models)
        assert tone is not None, "the tone model (resources/models/text_tone.npz) is missing"
        p = tone.probabilities("Du är en patetisk lögnhals och alla vet det.")
        return f"language detector says sv, LIX {rep.lix:.0f}; tone model answers ({len(p)} rules)"

    def registry() -> str:
        from prepub.core.consent import open_registry

        with open_registry() as reg:
            p = reg.add_person(name="Test Person", relation="staff", birth_year=1980)
            reg.add_consent(person_id=p.id, channels=["instagram"], purpose="self-test",
                            given_on=clock.today(), signed_by=["self"], verbal_note="self-test",
                            logged_by="self-test")
            st = reg.consent_status(p.id, channels=["instagram"], on=clock.today(),
                                    guardian_consent_age=15, all_custodians_under=13)
            assert st.valid, st.reasons
        return "registry opened, consent recorded and found valid"

    def round_trip() -> str:
        from prepub.core.analyze import analyze_image
        from prepub.core.draft import Draft
        from prepub.core.export import export_bundle, verify_clean
        from prepub.core.metadata import read_metadata
        from prepub.core.review import review_draft

        src = work / "photo.jpg"
        _make_photo(src)
        before = src.read_bytes()
        rep = analyze_image(src, policy=policy, detector=state.get("detector"))  # type: ignore[arg-type]
        rules = {f.rule for f in rep.findings}
        assert "gps.present" in rules and "image.serials" in rules, rules
        d = Draft(text="Välkommen till öppet hus på lördag! Foto: Test Fotograf", channels=["facebook"])
        im = d.add_image(str(src))
        im.photographer = "Test Fotograf"
        im.context.what, im.context.where = "Öppet hus", "Stadshuset"
        im.alt_text = "En grå bild med en oval form i mitten."
        for f in rep.faces:
            im.decide(f.index, list(f.box), "blur")
        rv = review_draft(d, policy=policy, detector=state.get("detector"), reports={str(src): rep})  # type: ignore[arg-type]
        result = export_bundle(d, out_dir=work / "out", policy=policy, findings=rv.findings,
                               consent_ids=rv.evaluation.consent_ids)
        images = sorted((result.path / "images").glob("*"))
        assert images, "the bundle has no images"
        md = read_metadata(images[0])
        assert md.gps is None and not md.gps_present and not md.serial_numbers, "location or serial left"
        assert not verify_clean(images[0]), verify_clean(images[0])
        assert src.read_bytes() == before, "the original was modified"
        return f"checked, exported and verified clean ({len(result.files)} files)"

    def worker_processes() -> str:
        from prepub.core.isolated import IsolatedAnalyzer
        from prepub.core.workers import HelperWorker

        src = work / "photo.jpg"
        if not src.exists():
            _make_photo(src)
        with IsolatedAnalyzer() as analyzer:
            rep = analyzer.analyze(str(src), policy=policy)
            assert analyzer.faces_available, analyzer.faces_reason
        assert rep.error is None and "gps.present" in {f.rule for f in rep.findings}, rep.findings
        helper = HelperWorker()
        try:
            tr = helper.check("Välkommen till öppet hus i stadshuset på lördag. Vi bjuder på kaffe.",
                              policy=policy, channels=["facebook"], language=None)
            place, why = helper.place_name(59.3293, 18.0686)
        finally:
            helper.close()
        assert tr.language == "sv", tr.language
        assert place and place.endswith(", SE"), why or place
        return f"the app's analysis and helper processes answer (59.33, 18.07 is {place})"

    step("face detector on a real face", faces)
    step("age model on that face", ages)
    step("face encoder on that face", encoder)
    step("language detection", language)
    step("consent registry", registry)
    step("check → export round trip", round_trip)
    step("worker processes", worker_processes)
    print("Self-test " + ("passed." if failures == 0 else f"FAILED ({failures} step(s))."), file=out)
    return 0 if failures == 0 else 1
