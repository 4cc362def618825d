"""Screenshots of a day's work (issue 15): 20 photos of one event before and after a batch edit.

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python packaging/screenshot_event.py docs/screens [--lang sv] [--photos 20]

Opens the real main window at 1366x768 on the X display (Xvfb) with the real analyser, adds the
first N photos of ``../shared/data/faces`` (copied to a temporary folder, never touched) and
saves, in ``out``:

* ``event-1-before.png``: the whole window once the photos are analysed, all selected;
* ``event-2-after.png``: after the batch edit typed into the inspector with all photos
  selected (photographer, what, where, alt-text prefix), as a user does it;
* ``event-3-findings-before.png`` / ``event-4-findings-after.png``: the findings panel alone.
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
EVENT = {
    "sv": ("Erik Lund", "Vårfest i Folkets park", "Folkets park, Malmö", "Vårfesten: "),
    "en": ("Erik Lund", "Spring party in the park", "Folkets park, Malmö", "Spring party: "),
    "da": ("Erik Lund", "Forårsfest i parken", "Folkets park, Malmö", "Forårsfesten: "),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", default="sv", choices=sorted(EVENT))
    ap.add_argument("--photos", type=int, default=20)
    ap.add_argument("--size", default="1366x768")
    args = ap.parse_args(argv)
    data = Path(os.environ.get("PREPUB_TESTDATA") or REPO.parent / "shared" / "data") / "faces"
    photos = sorted(p for p in data.glob("*.jpg"))[: args.photos] if data.is_dir() else []
    if len(photos) < args.photos:
        print(f"not {args.photos} photos in {data} (set PREPUB_TESTDATA)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="prepub-shot-"))
    os.environ["PREPUB_DATA_DIR"] = str(tmp / "data")
    os.environ["PREPUB_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PREPUB_LANG"] = args.lang
    folder = tmp / "photos"
    folder.mkdir()
    for i, p in enumerate(photos, start=1):
        shutil.copy2(p, folder / f"vårfest-{i:02d}.jpg")

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
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

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        wait(lambda: False, 1.5)  # let evaluations, thumbnails and the preview settle
        path = args.out / name
        if widget is None and os.environ.get("DISPLAY"):
            pix = app.primaryScreen().grabWindow(0, 0, 0, width, height)
        else:
            pix = (widget or w).grab()
        if pix.isNull() or not pix.save(str(path)):
            raise SystemExit(f"could not save {path}")
        print(f"saved {path} ({pix.width()}x{pix.height()})")

    args.out.mkdir(parents=True, exist_ok=True)
    w.activateWindow()  # Xvfb has no window manager: focus (and leaving a field) needs this
    wait(lambda: w.isActiveWindow(), 5)
    wait(lambda: s.core_ready, 60)
    w.drops.add_images([str(folder)])
    if not wait(lambda: len(s.reports) == args.photos and s.settled, 600):
        print("analysis did not finish", file=sys.stderr)
        return 1
    w.strip.setFocus()
    w.strip.select_path(str((folder / "vårfest-01.jpg").resolve()))
    QTest.keyClick(w.strip, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    shot("event-1-before.png")
    shot("event-3-findings-before.png", w.findings)
    photographer, what, where, prefix = EVENT[args.lang]
    ins = w.inspector
    for field, value in ((ins.photographer, photographer), (ins.what, what), (ins.where, where),
                         (ins.alt_prefix, prefix)):
        field.setFocus()
        field.insert(value)  # as typed (QTest.keyClicks cannot type "å")
        QTest.keyClick(field, Qt.Key.Key_Tab)
    wait(lambda: s.settled, 60)
    shot("event-2-after.png")
    shot("event-4-findings-after.png", w.findings)
    print(f"blocking {len(s.blockers())}, to check {len(s.to_check())}")
    s._set_dirty(False)
    s.runner.cancel_all()
    s.runner.wait_for_done(10_000)
    w.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
