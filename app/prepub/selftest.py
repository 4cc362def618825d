"""``prepub --self-test``: prove an installation works, offline, without touching user data.

Checks that every model loads from the installed packages (face detector, age model, dlib
encoder, language detector), that a consent registry opens and answers, and that an image the
test makes round-trips through check and export with its location removed. Prints versions and
one line per step; exit code 0 when every step passed.
"""

from __future__ import annotations

import io
import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Callable, TextIO

from prepub import __version__


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


def run_self_test(*, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    work = Path(tempfile.mkdtemp(prefix="prepub-selftest-"))
    # Never touch the user's own registry or settings.
    os.environ["PREPUB_DATA_DIR"] = str(work / "data")
    os.environ.pop("PREPUB_REGISTRY_URL", None)
    print(f"Prepub self-test ({work})", file=out)
    for name, ver in _versions():
        print(f"  {name:12} {ver}", file=out)
    failures = 0
    state: dict[str, object] = {}

    def step(label: str, fn: Callable[[], str]) -> None:
        nonlocal failures
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

    def models() -> str:
        from PIL import Image

        from prepub.core.analyze import default_detector
        from prepub.core.faces import encode_faces
        from prepub.core.imageio import Decoded
        from prepub.core.model import Face

        blank = Decoded(image=Image.new("RGB", (320, 240), (128, 128, 128)), full_size=(320, 240), scale=1.0)
        detector = default_detector()
        found = detector(blank, minor_age_threshold=policy.minor_age_threshold)
        enc = encode_faces(blank, [Face(index=0, box=(100, 60, 220, 180), score=1.0)])
        assert len(enc) == 1 and len(enc[0]) == 128, "the face encoder gave no 128-d encoding"
        state["detector"] = detector
        return f"face detector, age model and encoder loaded ({len(found)} faces on a blank image)"

    def language() -> str:
        from prepub.core.text import check_text

        rep = check_text("Välkommen till öppet hus i stadshuset på lördag. Vi bjuder på kaffe och "
                         "berättar om hur kommunen arbetar med parkerna.", policy=policy,
                         channels=["facebook"])
        assert rep.language == "sv", f"detected {rep.language!r}"
        return f"language detector says sv, LIX {rep.lix:.0f}"

    def registry() -> str:
        from prepub.core.consent import open_registry

        with open_registry() as reg:
            p = reg.add_person(name="Test Person", relation="staff", birth_year=1980)
            reg.add_consent(person_id=p.id, channels=["instagram"], purpose="self-test",
                            given_on=date.today(), signed_by=["self"], verbal_note="self-test",
                            logged_by="self-test")
            st = reg.consent_status(p.id, channels=["instagram"], on=date.today(),
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

    step("models load from installed packages", models)
    step("language detection", language)
    step("consent registry", registry)
    step("check → export round trip", round_trip)
    step("worker processes", worker_processes)
    print("Self-test " + ("passed." if failures == 0 else f"FAILED ({failures} step(s))."), file=out)
    return 0 if failures == 0 else 1
