"""Image analysis in a separate worker process.

The desktop app analyses photos while the user works. Done on a thread, the analysis shares the
interpreter lock with the window: loading the face models (dlib, ONNX) and parts of decoding
hold that lock for up to a second, and the window freezes meanwhile. In a child process the
window's thread never waits for the models, and a decoder that crashes the process on a hostile
file takes down only the child: the photo gets an ``image.unreadable`` finding
(``code = "crashed"``), a fresh child starts, and the run goes on.

Every photo also has a budget. Time: a photo still being analysed after :data:`PHOTO_SECONDS`
has its child killed and gets ``image.unreadable`` (``code = "timeout"``). Memory: once its
models are loaded the child may grow by :data:`PHOTO_MEMORY_BYTES` more (``RLIMIT_AS`` on
Linux, see :func:`prepub.core.workers.limit_memory`); a photo that needs more fails to allocate
and gets ``image.unreadable`` (``code = "out_of_memory"`` or ``too_large``). Either way the
next photo goes on, in a fresh child where the old one was killed.

:class:`IsolatedAnalyzer` has the GUI analyser's shape (``prepare``, ``analyze``,
``faces_available``, ``faces_reason``) and is safe to call from one worker thread at a time.
The child is a :class:`prepub.core.workers.ProcessWorker` (started with ``spawn``).
"""

from __future__ import annotations

from typing import Any

from prepub.core.model import ImageReport
from prepub.core.policy import Policy
from prepub.core.workers import ProcessWorker, WorkerCrashed, WorkerTimedOut, limit_memory

CRASHED_REASON = "the image made the analyser stop unexpectedly"
TIMEOUT_REASON = "checking the image took longer than a photo is given"
MEMORY_REASON = "checking the image needed more memory than a photo is given"

PHOTO_SECONDS = 60.0  # far beyond a 200-megapixel photo on a slow laptop
PHOTO_MEMORY_BYTES = 1536 * 1024 * 1024  # address space beyond the loaded models

# --- in the child --------------------------------------------------------------------------------

_detector: Any = None
_faces_reason: str | None = None
_memory_limited = False


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


def _child_ready(with_faces: bool, memory: int) -> tuple[bool, str]:
    """Models loaded, then the memory budget set (once per child)."""
    global _memory_limited
    result = _child_prepare(with_faces)
    if not _memory_limited:
        limit_memory(memory)
        _memory_limited = True
    return result


def _child_run(fn: Any, path: str, policy: Policy, with_faces: bool, memory: int) -> ImageReport:
    """One photo in the child, within the memory budget."""
    _child_ready(with_faces, memory)
    return fn(path, policy, with_faces)


def _child_analyze(path: str, policy: Policy, with_faces: bool) -> ImageReport:
    from prepub.core.analyze import analyze_image

    return analyze_image(path, policy=policy, detector=_detector)


# --- in the parent -------------------------------------------------------------------------------

class IsolatedAnalyzer:
    """Analyses one photo at a time in a child process; see the module docstring."""

    # what the child runs per photo (module-level, so it pickles by name; tests swap it)
    child_analyze = staticmethod(_child_analyze)

    def __init__(self, *, faces: bool = True, seconds: float = PHOTO_SECONDS,
                 memory: int = PHOTO_MEMORY_BYTES) -> None:
        self.with_faces = faces
        self.faces_available: bool | None = None
        self.faces_reason = ""
        self.seconds, self.memory = seconds, memory
        self._worker = ProcessWorker()
        self._fresh = True  # the child has not loaded its models (yet, or since a restart)

    @property
    def crashes(self) -> int:
        return self._worker.crashes

    def prepare(self) -> None:
        """Start the child and load the models there (blocks the calling worker thread only)."""
        if not self._fresh:
            return
        self._fresh = False
        try:  # outside the photo's time budget: loading the models takes seconds
            ok, why = self._worker.call(_child_ready, self.with_faces, self.memory)
        except WorkerCrashed:
            ok, why = False, "the face analyser stopped while loading its models"
        except OSError as e:  # cannot start a process at all
            ok, why = False, f"the face analyser could not start ({e})"
        self.faces_available, self.faces_reason = ok, why

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        self.prepare()
        try:
            return self._worker.call(_child_run, self.child_analyze, str(path), policy,
                                     self.with_faces, self.memory, timeout=self.seconds)
        except WorkerTimedOut:
            self._fresh = True
            return _over_budget(str(path), policy, TIMEOUT_REASON, "timeout")
        except WorkerCrashed:
            self._fresh = True
            return _over_budget(str(path), policy, CRASHED_REASON, "crashed")
        except MemoryError:
            return _over_budget(str(path), policy, MEMORY_REASON, "out_of_memory")
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


def _over_budget(path: str, policy: Policy, reason: str, code: str) -> ImageReport:
    from prepub.core.analyze import _failed
    from prepub.core.imageio import sha256_file

    try:
        digest: str | None = sha256_file(path)
    except OSError:
        digest = None
    return _failed(path, digest, reason, policy, code=code)


def child_pid(analyzer: IsolatedAnalyzer) -> int | None:
    """The running child's process id (tests use it to simulate a crash), or None."""
    return analyzer._worker.pid()


__all__ = ["IsolatedAnalyzer", "CRASHED_REASON", "TIMEOUT_REASON", "MEMORY_REASON",
           "PHOTO_SECONDS", "PHOTO_MEMORY_BYTES", "child_pid"]
