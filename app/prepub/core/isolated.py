"""Image analysis in a separate worker process.

The desktop app analyses photos while the user works. Done on a thread, the analysis shares the
interpreter lock with the window: loading the face models (dlib, ONNX) and parts of decoding
hold that lock for up to a second, and the window freezes meanwhile. In a child process the
window's thread never waits for the models, and a decoder that crashes the process on a hostile
file takes down only the child: the photo gets an ``image.unreadable`` finding
(``code = "crashed"``), a fresh child starts, and the run goes on.

:class:`IsolatedAnalyzer` has the GUI analyser's shape (``prepare``, ``analyze``,
``faces_available``, ``faces_reason``) and is safe to call from one worker thread at a time.
The child is a :class:`prepub.core.workers.ProcessWorker` (started with ``spawn``).
"""

from __future__ import annotations

from typing import Any

from prepub.core.model import ImageReport
from prepub.core.policy import Policy
from prepub.core.workers import ProcessWorker, WorkerCrashed

CRASHED_REASON = "the image made the analyser stop unexpectedly"

# --- in the child --------------------------------------------------------------------------------

_detector: Any = None
_faces_reason: str | None = None


def _child_prepare(with_faces: bool) -> tuple[bool, str]:
    """Load the face models once per child; returns (faces available, why not)."""
    global _detector, _faces_reason
    if not with_faces:
        _faces_reason = "face detection is switched off"
        return False, _faces_reason
    if _detector is None and _faces_reason is None:
        try:
            from PIL import Image

            from prepub.core.analyze import default_detector
            from prepub.core.imageio import Decoded

            det = default_detector()
            det(Decoded(image=Image.new("RGB", (64, 64)), full_size=(64, 64), scale=1.0),
                minor_age_threshold=18.0)  # the first call loads the models
            _detector = det
        except (ImportError, AttributeError, OSError, RuntimeError) as e:
            _faces_reason = f"the face models cannot be loaded ({e})"
    return _detector is not None, _faces_reason or ""


def _child_analyze(path: str, policy: Policy, with_faces: bool) -> ImageReport:
    from prepub.core.analyze import analyze_image

    _child_prepare(with_faces)
    return analyze_image(path, policy=policy, detector=_detector)


# --- in the parent -------------------------------------------------------------------------------

class IsolatedAnalyzer:
    """Analyses one photo at a time in a child process; see the module docstring."""

    # what the child runs per photo (module-level, so it pickles by name; tests swap it)
    child_analyze = staticmethod(_child_analyze)

    def __init__(self, *, faces: bool = True) -> None:
        self.with_faces = faces
        self.faces_available: bool | None = None
        self.faces_reason = ""
        self._worker = ProcessWorker()

    @property
    def crashes(self) -> int:
        return self._worker.crashes

    def prepare(self) -> None:
        """Start the child and load the models there (blocks the calling worker thread only)."""
        if self.faces_available is not None:
            return
        try:
            ok, why = self._worker.call(_child_prepare, self.with_faces)
        except WorkerCrashed:
            ok, why = False, "the face analyser stopped while loading its models"
        except OSError as e:  # cannot start a process at all
            ok, why = False, f"the face analyser could not start ({e})"
        self.faces_available, self.faces_reason = ok, why

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        self.prepare()
        try:
            return self._worker.call(self.child_analyze, str(path), policy, self.with_faces)
        except WorkerCrashed:
            return _crashed_report(str(path), policy)
        except Exception as e:  # noqa: BLE001 - one photo's failure never strands the batch
            from prepub.core.analyze import failed_report

            return failed_report(str(path), e, policy)

    def close(self) -> None:
        """Stop the child (it finishes the photo it is on; nothing else is started)."""
        self._worker.close()

    def __enter__(self) -> "IsolatedAnalyzer":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _crashed_report(path: str, policy: Policy) -> ImageReport:
    from prepub.core.analyze import _failed
    from prepub.core.imageio import sha256_file

    try:
        digest: str | None = sha256_file(path)
    except OSError:
        digest = None
    return _failed(path, digest, CRASHED_REASON, policy, code="crashed")


def child_pid(analyzer: IsolatedAnalyzer) -> int | None:
    """The running child's process id (tests use it to simulate a crash), or None."""
    return analyzer._worker.pid()


__all__ = ["IsolatedAnalyzer", "CRASHED_REASON", "child_pid"]
