"""Helpers for the GUI tests: a fast fake face analyser, made JPEGs, faces, waiting for checks.

The fake analyser reads real metadata (``prepub.core.metadata``) and returns the faces a test
declares for a file name, so the GUI flow is tested fast and deterministically; the real
analyser has its own end-to-end test (``test_gui_end_to_end.py``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PIL import Image

from prepub.core.model import Face, ImageReport
from prepub.core.policy import Policy

# Tests wait for a state or a signal, never for a length of time: on a busy two-core machine a
# check that takes 0.2 s alone can take 20 s. HANG_GUARD_MS only ends a test that would otherwise
# hang for good; it is not a budget, and no test should come anywhere near it.
HANG_GUARD_MS = 120_000


@dataclass
class FakeAnalyzer:
    """Declared faces per file name; real metadata and image findings from the core."""

    faces_by_name: dict[str, list[Face]] = field(default_factory=dict)
    faces_available: bool | None = None
    faces_reason: str = ""
    calls: list[str] = field(default_factory=list)
    gate: threading.Event | None = None  # when set by a test, analysis waits until it is set

    def prepare(self) -> None:
        self.faces_available = True

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        from prepub.core.checks.image import face_findings, metadata_findings, unreadable_finding
        from prepub.core.imageio import sha256_file
        from prepub.core.metadata import UnreadableImage, read_metadata

        if self.gate is not None:
            self.gate.wait(HANG_GUARD_MS / 1000)
        self.calls.append(path)
        try:
            md = read_metadata(Path(path))
        except UnreadableImage as e:
            return ImageReport(path=path, error=e.reason,
                               findings=(unreadable_finding(e.reason, policy=policy, subject=path),))
        faces = tuple(self.faces_by_name.get(Path(path).name, []))
        findings = metadata_findings(md, policy=policy, subject=path)
        findings += face_findings(faces, policy=policy, subject=path)
        return ImageReport(path=path, metadata=md, faces=faces, findings=tuple(findings),
                           sha256=sha256_file(path))


def make_jpeg(path: Path, *, size: tuple[int, int] = (800, 600), colour: str = "#7799bb",
              gps: tuple[float, float] | None = None, artist: str | None = None) -> Path:
    """A real JPEG made with Pillow (+ piexif for GPS and Artist)."""
    import piexif

    img = Image.new("RGB", size, colour)
    exif: dict[str, Any] = {"0th": {}, "Exif": {}, "GPS": {}, "1st": {}}
    if artist:
        exif["0th"][piexif.ImageIFD.Artist] = artist.encode()
    exif["Exif"][piexif.ExifIFD.DateTimeOriginal] = b"2024:05:17 10:30:00"
    if gps is not None:
        def dms(v: float) -> tuple[tuple[int, int], ...]:
            v = abs(v)
            d = int(v)
            m = int((v - d) * 60)
            s = round(((v - d) * 60 - m) * 60 * 100)
            return ((d, 1), (m, 1), (s, 100))

        exif["GPS"] = {piexif.GPSIFD.GPSLatitudeRef: b"N" if gps[0] >= 0 else b"S",
                       piexif.GPSIFD.GPSLatitude: dms(gps[0]),
                       piexif.GPSIFD.GPSLongitudeRef: b"E" if gps[1] >= 0 else b"W",
                       piexif.GPSIFD.GPSLongitude: dms(gps[1])}
    img.save(path, "JPEG", quality=85, exif=piexif.dump(exif))
    return path


def face(index: int, box: tuple[int, int, int, int], *, age: float = 35.0,
         minor: bool = False) -> Face:
    return Face(index=index, box=box, score=0.99, age=age, possible_minor=minor)


# --- waiting ---------------------------------------------------------------------------------------

def wait_until(qtbot: Any, condition: Callable[[], Any], *, guard_ms: int = HANG_GUARD_MS) -> None:
    """Wait (running the event loop) until ``condition()`` is true; ``guard_ms`` only stops a
    hang (the real models' end-to-end test allows them more)."""
    qtbot.waitUntil(lambda: bool(condition()), timeout=guard_ms)


def wait_signal(qtbot: Any, signal: Any) -> Any:
    """``with wait_signal(qtbot, sig) as blocker:`` — wait for ``sig`` emitted in the block."""
    return qtbot.waitSignal(signal, timeout=HANG_GUARD_MS)


def is_settled(window: Any, *others: Any) -> bool:
    """The window's session has nothing pending (analysis, evaluation, text check, debounce
    timers) and each of ``others`` (registry or photographer window) has no work running."""
    return bool(window.session.settled) and all(getattr(o, "busy", 0) == 0 for o in others)


def settle(qtbot: Any, window: Any, *others: Any) -> None:
    """Wait until the debounced checks after the last change are back (see :func:`is_settled`)."""
    wait_until(qtbot, lambda: is_settled(window, *others))


def wait_idle(qtbot: Any, win: Any) -> None:
    """Wait until a registry or photographer window has no registry work running."""
    wait_until(qtbot, lambda: win.busy == 0)


def wait_analysed(qtbot: Any, window: Any, count: int) -> None:
    s = window.session
    wait_until(qtbot, lambda: len(s.reports) == count and s.settled)


class ModalAnswer:
    """Answers the next modal dialog of type ``cls`` as a user would: when one is showing (in its
    own event loop, from ``exec()``), ``answer(dialog)`` fills it and clicks its buttons. Use it
    as a context manager around the click that opens the dialog; leaving the block fails the
    test if no such dialog was shown."""

    def __init__(self, cls: type, answer: Callable[[Any], None]) -> None:
        from PySide6.QtCore import QTimer

        self.cls, self.answer = cls, answer
        self.answered: list[Any] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)

    def _poll(self) -> None:
        from PySide6.QtWidgets import QApplication

        for w in QApplication.topLevelWidgets():
            if isinstance(w, self.cls) and w.isVisible() and w not in self.answered:
                self._timer.stop()
                self.answered.append(w)
                self.answer(w)
                return

    def __enter__(self) -> "ModalAnswer":
        self._timer.start()
        return self

    def __exit__(self, exc_type: Any, *_exc: Any) -> None:
        self._timer.stop()
        if exc_type is None:
            assert self.answered, f"no {self.cls.__name__} was shown"


def close_window(w: Any, *, guard_ms: int = HANG_GUARD_MS) -> None:
    """Close a main window without the save question, and leave nothing behind that could fire
    in a later test: its timers stopped, its background work cancelled and *drained* (every
    result delivered while the session still exists — a result arriving after the window was
    deleted raised "Signal source has been deleted" inside the next test), its thread pools shut
    down, the registry closed and the analyser's worker process (if any) stopped."""
    from PySide6.QtCore import QCoreApplication, QTimer

    s = w.session
    runner = s.runner
    s._set_dirty(False)
    w.close()
    deadline = time.monotonic() + guard_ms / 1000  # a hang guard only
    while True:
        for t in w.findChildren(QTimer):  # debounced checks, autosave: nothing new may start
            t.stop()
        runner.cancel_all()
        if runner.idle:
            break
        assert time.monotonic() < deadline, f"background work never finished: {runner.running}"
        runner.wait_for_done(50)
        QCoreApplication.processEvents()
    runner.shutdown()
    if s.registry is not None:
        s.registry.close()
    close = getattr(s.services.analyzer, "close", None)
    if close is not None:
        close()
    w.deleteLater()


PARK_TEXT = "Vi fikade i parken i dag. Kom gärna nästa gång!\n\nFoto: Erik Lund"


def ready_post(w: Any, qtbot: Any, img: Any, *, text: str = PARK_TEXT) -> str:
    """Add ``img`` to the window's post and fill everything the policy asks for (photographer,
    context, alt text, a credit in the text, two channels); returns the photo's path once the
    checks are back. What the photo's faces need is left to the test."""
    s = w.session
    s.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    s.set_channels(["facebook", "instagram"])
    for name, value in (("photographer", "Erik Lund"), ("context.what", "Fika i parken"),
                        ("context.where", "Göteborg"),
                        ("alt_text", "Tre personer dricker kaffe på en filt i gräset.")):
        s.set_image_field(path, name, value)
    w.editor.edit.setPlainText(text)
    settle(qtbot, w)
    return path
