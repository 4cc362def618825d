"""Take the README's screenshot of the real main window (real analyser, real photos).

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python packaging/screenshot.py docs/screenshot.png [--lang sv]

Opens the window at 1440x900 on the X display (Xvfb), adds a few photos from ``../shared/data``
(copied to a temporary folder, never touched), writes a post text, selects the photo with faces
and saves what the screen shows. Run it under Xvfb (or any X display); offscreen Qt renders
without a window manager and system fonts may differ.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PHOTOS = ("faces/dlib__2008_001322.jpg", "exif/ianare__jpg__gps__DSCN0010.jpg",
          "faces/dlib__2008_002506.jpg")
TEXT = {
    "sv": "Igår träffade vi ungdomarna i byn och pratade om skolan. Vad tycker du att vi ska "
          "göra nästa år? Skriv till oss!\n\nFoto: Erik Lund",
    "en": "Yesterday we met the young people in the village and talked about school. What do you "
          "think we should do next year? Write to us!\n\nPhoto: Erik Lund",
    "da": "I går mødte vi de unge i landsbyen og talte om skolen. Hvad synes du, vi skal gøre "
          "næste år? Skriv til os!\n\nFoto: Erik Lund",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", default="sv", choices=sorted(TEXT))
    ap.add_argument("--size", default="1440x900")
    args = ap.parse_args(argv)
    data = Path(os.environ.get("PREPUB_TESTDATA") or REPO.parent / "shared" / "data")
    if not all((data / p).exists() for p in PHOTOS):
        print(f"the photos are not in {data} (set PREPUB_TESTDATA)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="prepub-shot-"))
    os.environ["PREPUB_DATA_DIR"] = str(tmp / "data")
    os.environ["PREPUB_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PREPUB_LANG"] = args.lang
    folder = tmp / "photos"
    folder.mkdir()
    for p in PHOTOS:
        shutil.copy2(data / p, folder / Path(p).name)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from prepub.gui.app import build_window

    app = QApplication(["prepub"])
    w = build_window(app)
    width, height = (int(v) for v in args.size.split("x"))
    w.resize(width, height)
    w.move(0, 0)
    w.show()
    w.start()
    s = w.session

    def wait(cond, seconds: float) -> bool:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if cond():
                return True
            time.sleep(0.02)
        return False

    wait(lambda: s.core_ready, 60)
    w.drops.add_images([str(folder)])
    if not wait(lambda: len(s.reports) == len(PHOTOS) and s.settled, 300):
        print("analysis did not finish", file=sys.stderr)
        return 1
    first = str((folder / Path(PHOTOS[0]).name).resolve())
    gps = str((folder / Path(PHOTOS[1]).name).resolve())
    for name, value in (("photographer", "Erik Lund"), ("context.what", "Möte om skolan"),
                        ("context.where", "Byn"), ("context.when", "2026-11-20")):
        s.set_image_field(gps, name, value)
    faces = s.reports[first].faces
    if faces:
        s.decide_face(first, faces[-1].index, "blur")
    w.editor.edit.setPlainText(TEXT[args.lang])
    w.strip.select_path(first)
    wait(lambda: False, 3)  # let text checks, thumbnails and the preview settle
    args.out.parent.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    shot = screen.grabWindow(0, 0, 0, width, height) if os.environ.get("DISPLAY") else w.grab()
    if shot.isNull() or not shot.save(str(args.out)):
        print(f"could not save {args.out}", file=sys.stderr)
        return 1
    print(f"saved {args.out} ({shot.width()}x{shot.height()})")
    s._set_dirty(False)
    s.runner.cancel_all()
    s.runner.wait_for_done(10_000)
    w.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
