"""Helpers for the GUI tests: a fast fake face analyser, made JPEGs, faces, waiting for checks.

The fake analyser reads real metadata (``prepub.core.metadata``) and returns the faces a test
declares for a file name, so the GUI flow is tested fast and deterministically; the real
analyser has its own end-to-end test (``test_gui_end_to_end.py``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from prepub.core.model import Face, ImageReport
from prepub.core.policy import Policy


@dataclass
class FakeAnalyzer:
    """Declared faces per file name; real metadata and image findings from the core."""

    faces_by_name: dict[str, list[Face]] = field(default_factory=dict)
    faces_available: bool | None = None
    faces_reason: str = ""
    calls: list[str] = field(default_factory=list)
    gate: threading.Event | None = None  # when set by a test, analysis waits for it

    def prepare(self) -> None:
        self.faces_available = True

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        from prepub.core.checks.image import face_findings, metadata_findings, unreadable_finding
        from prepub.core.imageio import sha256_file
        from prepub.core.metadata import UnreadableImage, read_metadata

        if self.gate is not None:
            self.gate.wait(10)
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


def wait_analysed(qtbot: Any, window: Any, count: int) -> None:
    s = window.session
    qtbot.waitUntil(lambda: len(s.reports) == count and s.settled, timeout=30_000)


def settle(qtbot: Any, window: Any) -> None:
    """Wait until the debounced checks after the last change are back."""
    qtbot.waitUntil(lambda: window.session.settled, timeout=30_000)


def close_window(w: Any, *, wait_ms: int = 10_000) -> None:
    """Close a main window without the save question: background work cancelled and waited
    for, the registry closed, the analyser's worker process (if any) stopped."""
    w.session._set_dirty(False)
    w.session.runner.cancel_all()
    w.session.runner.wait_for_done(wait_ms)
    w.close()
    if w.session.registry is not None:
        w.session.registry.close()
    close = getattr(w.session.services.analyzer, "close", None)
    if close is not None:
        close()
    w.deleteLater()
