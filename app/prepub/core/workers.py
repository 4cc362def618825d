"""Child processes for the slow work the desktop app does while the user types and clicks.

Work on a thread shares the interpreter lock with the window. Most of it lets go of the lock
often, but loading models does not: dlib and the ONNX models for faces, and lingua's language
models for the text checks, each hold it for half a second or more, and the window freezes
meanwhile. A :class:`ProcessWorker` runs such functions in one child process instead; the
calling thread waits without holding the lock, so the window's thread never waits for a model.
A child that dies (a decoder crashing on a hostile file) is replaced, and the call raises
:class:`WorkerCrashed` so the caller can turn it into a finding.

The child starts with the ``spawn`` method (no copy of the parent's threads or Qt state), so
frozen builds call :func:`multiprocessing.freeze_support` first (``packaging/launcher.py``), and
a script that uses a worker keeps its top level under ``if __name__ == "__main__":``.

A child dies with its parent, however the parent ends. A clean exit closes the workers
(``atexit``), but SIGTERM or SIGKILL skips that, and the child, blocked reading a queue it holds
both ends of, would run on with parent 1 and a model's worth of memory. So the child watches
its parent (:func:`_child_init`): on Linux the kernel sends it SIGKILL when the parent dies
(``PR_SET_PDEATHSIG``); on every POSIX system a thread in the child exits it once its parent
process id changes (the orphan was adopted: macOS has no parent-death signal); on Windows the
children sit in a job object that kills them when the parent's last handle to it closes, which
the system does when the parent dies.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any, Callable, Sequence

from prepub.core.policy import Policy


class WorkerCrashed(RuntimeError):
    """The child process died during the call (it has been replaced)."""


class WorkerTimedOut(WorkerCrashed):
    """The call took longer than its time budget; the child was killed (and is replaced)."""


class ProcessWorker:
    """One child process running the functions passed to :meth:`call`, one at a time.

    ``fn`` must be importable by name (a module-level function); arguments and result travel by
    pickle. Safe to use from several threads; calls queue in the child."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.crashes = 0
        self.timeouts = 0
        _live.add(self)

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """``fn(*args)`` in the child. A child that died while idle (killed from outside) is
        replaced silently; one that dies during this call raises :class:`WorkerCrashed`; one
        still busy after ``timeout`` seconds is killed and :class:`WorkerTimedOut` raised."""
        for attempt in (1, 2):
            pool = self._current()
            try:
                fut: Future[Any] = pool.submit(fn, *args)
            except BrokenProcessPool:  # it died before this call: not this call's fault
                self._discard(pool)
                if attempt == 2:
                    raise WorkerCrashed(getattr(fn, "__name__", str(fn))) from None
                continue
            try:
                return fut.result(timeout=timeout)
            except BrokenProcessPool:
                self.crashes += 1
                self._discard(pool)
                raise WorkerCrashed(getattr(fn, "__name__", str(fn))) from None
            except TimeoutError:
                if fut.done():  # it finished just now
                    return fut.result()
                self.timeouts += 1
                self._kill(pool)
                raise WorkerTimedOut(f"{getattr(fn, '__name__', fn)}: over {timeout:g} s") from None
        raise AssertionError("unreachable")

    def _kill(self, pool: ProcessPoolExecutor) -> None:
        """Kill the child of ``pool`` (it is stuck) and forget the pool."""
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.kill()
                proc.join(5)
            except (OSError, ValueError, AttributeError):
                pass
        self._discard(pool)

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = _spawner.run(_start_pool)
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def pid(self) -> int | None:
        """The child's process id while it runs (tests use it), else None."""
        procs = getattr(self._pool, "_processes", None) or {}
        return next(iter(procs), None)

    def close(self) -> None:
        """Stop the child after the call it is on; calls not started are dropped."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_live: "weakref.WeakSet[ProcessWorker]" = weakref.WeakSet()


# --- children die with their parent (see the module docstring) ----------------------------------

PARENT_POLL_SECONDS = 0.5
EXIT_ORPHANED = 70
_PR_SET_PDEATHSIG = 1


def _start_pool() -> ProcessPoolExecutor:
    """A one-child pool whose child is already running (a no-op call starts it here, on the
    spawner's thread; see :class:`_Spawner`) and, on Windows, inside the kill-on-close job."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_child_init, initargs=(os.getpid(),))
    pool.submit(int)
    if sys.platform == "win32":
        for proc in list(getattr(pool, "_processes", {}).values()):
            _windows_job.assign(proc.sentinel)  # on Windows the sentinel is the process handle
    return pool


class _Spawner:
    """Starts every child from one thread that lives as long as the process.

    Linux's parent-death signal follows the *thread* that started the child, not the process:
    a child started from a pool thread that later ends would be killed with it. The main thread
    lives as long as the process, so it starts children itself; any other thread hands the
    start to this spawner's thread, which never ends."""

    def __init__(self) -> None:
        self._jobs: "queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]]" = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def run(self, fn: Callable[[], Any]) -> Any:
        if threading.current_thread() is threading.main_thread():
            return fn()
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="prepub-spawner",
                                                daemon=True)
                self._thread.start()
        done: Future[Any] = Future()
        self._jobs.put((fn, done))
        return done.result()

    def _serve(self) -> None:
        while True:
            fn, done = self._jobs.get()
            try:
                done.set_result(fn())
            except BaseException as e:  # raised in the caller's thread
                done.set_exception(e)


_spawner = _Spawner()


def _child_init(parent: int) -> None:
    """First thing in the child: arrange to die with ``parent`` (never raises: a child without a
    guard still works, and an initializer that raised would break the pool), and step back
    behind it for the CPU (:data:`CHILD_NICENESS`): a child busy with a model uses every core,
    and the window's thread must still get one the moment it has something to draw."""
    _lower_priority()
    if sys.platform.startswith("linux"):
        _set_parent_death_signal()
        cap_malloc_arenas()
    if sys.platform != "win32":
        if os.getppid() != parent:  # the parent died before the guards were in place
            os._exit(EXIT_ORPHANED)
        threading.Thread(target=_watch_parent, args=(parent,), name="prepub-parent-watch",
                         daemon=True).start()


MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter


def cap_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Let glibc's malloc keep at most ``arenas`` pools for all threads (Linux; elsewhere a
    no-op). By default each thread that allocates gets its own pool, up to eight per core, and
    a pool keeps what it was once given: libheif's four decoding threads alone left a process
    that checks HEIC photos 150 MB larger (``prepub.bench_soak``: 1,000 photos in one process
    grew by 21 %; with two pools by 3 %), and every pool reserves address space that the
    memory budget (:func:`limit_memory`) counts. Call it early, before threads start."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        return bool(ctypes.CDLL(None).mallopt(_M_ARENA_MAX, int(arenas)))
    except (OSError, AttributeError):  # not glibc (musl has no arenas to cap)
        return False


CHILD_NICENESS = 10


def _lower_priority() -> None:
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(CHILD_NICENESS)
    except (OSError, AttributeError):  # not allowed here: the child runs at normal priority
        pass


def limit_memory(extra_bytes: int) -> int | None:
    """In a child: cap this process's address space at what it uses now plus ``extra_bytes``
    (``RLIMIT_AS``), so a file that needs more makes an allocation fail (``MemoryError``)
    instead of the computer swapping. Returns the limit set, or None where it cannot be: only
    Linux measures and enforces the address space (macOS accepts ``RLIMIT_AS`` but does not
    enforce it, and its shared cache alone spans gigabytes; Windows has no rlimits)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + int(extra_bytes)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft != resource.RLIM_INFINITY and soft < limit:
            return soft  # someone set a tighter one already
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return limit
    except (ImportError, OSError, ValueError, IndexError):
        return None


def _set_parent_death_signal() -> None:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                               ctypes.c_ulong]
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl in this libc: the watching thread remains
        pass


def _watch_parent(parent: int) -> None:
    """An orphan is adopted (by init or a subreaper), so its parent process id changes."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(EXIT_ORPHANED)


class _WindowsJob:
    """A job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, created on first use. Only this
    process holds a handle to it (not inheritable), so when this process ends, however it ends,
    the system closes the handle and kills every child assigned to the job."""

    def __init__(self) -> None:
        self._handle: int | None = None
        self._lock = threading.Lock()

    def assign(self, process_handle: int) -> None:
        import ctypes

        with self._lock:
            if self._handle is None:
                self._handle = _create_kill_on_close_job()
            if not self._handle:
                return
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
            kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            kernel32.AssignProcessToJobObject(ctypes.c_void_p(self._handle),
                                              ctypes.c_void_p(process_handle))


def _create_kill_on_close_job() -> int:
    """The job's handle, or 0 when Windows refuses (the children then run unguarded)."""
    import ctypes
    from ctypes import wintypes

    class BasicLimits(ctypes.Structure):
        _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64),
                    ("PerJobUserTimeLimit", ctypes.c_int64), ("LimitFlags", wintypes.DWORD),
                    ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t),
                    ("ActiveProcessLimit", wintypes.DWORD), ("Affinity", ctypes.c_size_t),
                    ("PriorityClass", wintypes.DWORD), ("SchedulingClass", wintypes.DWORD)]

    class IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                    ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                    ("PeakProcessMemoryUsed", ctypes.c_size_t),
                    ("PeakJobMemoryUsed", ctypes.c_size_t)]

    job_object_extended_limit_information = 9
    job_object_limit_kill_on_job_close = 0x2000
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
    kernel32.CreateJobObjectW.restype = ctypes.c_void_p
    kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                                 wintypes.DWORD]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return 0
    info = ExtendedLimits()
    info.BasicLimitInformation.LimitFlags = job_object_limit_kill_on_job_close
    if not kernel32.SetInformationJobObject(job, job_object_extended_limit_information,
                                            ctypes.byref(info), ctypes.sizeof(info)):
        kernel32.CloseHandle(job)
        return 0
    return int(job)


_windows_job = _WindowsJob()


@atexit.register
def _close_all() -> None:
    """Stop every child before the interpreter tears its modules down (else the executor's
    clean-up runs half-way through that and prints an AttributeError)."""
    for worker in list(_live):
        worker.close()


# --- the text checks and place names in a child ------------------------------------------------

def _text_warm_up(languages: Sequence[str] | None) -> None:
    from prepub.core.text import warm_up

    warm_up(languages)


def _text_check(text: str, policy: Policy, channels: list[str], language: str | None,
                images: list[Any], trip_ended: bool, today: date | None) -> Any:
    from prepub.core.text import check_text

    return check_text(text, policy=policy, channels=channels, language=language, images=images,
                      trip_ended=trip_ended, today=today)


def _place_name(lat: float, lon: float) -> tuple[str | None, str]:
    from prepub.core.places import place_name, unavailable_reason

    return place_name(lat, lon), unavailable_reason()


class NoSingleFace(ValueError):
    """A reference photo shows no face, or several of a similar size. ``code`` says which
    (``none``, ``several``, ``unencodable``) for a translated message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Any:  # crosses from the helper process by pickle
        return (NoSingleFace, (self.code, str(self)))


def _reference_encoding(path: str) -> Any:
    """The 128-d encoding of the one clear face in a reference photo (in the helper)."""
    from prepub.core.faces import CenterFaceAnalyzer, encode_faces
    from prepub.core.imageio import load_upright

    decoded = load_upright(path, max_side=1280)
    faces = CenterFaceAnalyzer(estimate_ages=False).analyze(decoded, minor_age_threshold=0)
    if not faces:
        raise NoSingleFace("none", "no face was found in the reference photo")
    faces = sorted(faces, key=lambda f: f.width * f.height, reverse=True)
    if len(faces) > 1 and faces[1].width * faces[1].height > 0.5 * faces[0].width * faces[0].height:
        raise NoSingleFace("several", "the reference photo shows more than one face; "
                                      "use a photo of one person")
    encodings = encode_faces(decoded, [faces[0]])
    if not encodings:
        raise NoSingleFace("unencodable", "the face in the reference photo could not be encoded")
    return encodings[0]


def _face_encodings(path: str, faces: list[Any]) -> list[Any]:
    """Encodings of ``faces`` (found earlier in ``path``), for matching (in the helper)."""
    from prepub.core.faces import encode_faces
    from prepub.core.imageio import load_upright

    return list(encode_faces(load_upright(path), faces))


class HelperWorker:
    """The app's light helper process: :func:`prepub.core.text.check_text` (lingua's language
    models load and live there) and :func:`prepub.core.places.place_name` (the offline city
    list). Both answer in milliseconds once loaded, but loading holds the interpreter lock for
    half a second or more, which a window's process cannot afford (see the module docstring).
    Face matching's encoder (dlib) and the reference photo's face detector (onnxruntime) load
    here too, only when a reference photo is added or a face is matched: the window's process
    never loads a model."""

    def __init__(self) -> None:
        self._worker = ProcessWorker()

    def warm_up(self, languages: Sequence[str] | None) -> None:
        self._worker.call(_text_warm_up, list(languages) if languages is not None else None)

    def check(self, text: str, *, policy: Policy, channels: Sequence[str], language: str | None,
              images: Sequence[Any] = (), trip_ended: bool = False, today: date | None = None) -> Any:
        return self._worker.call(_text_check, text, policy, list(channels), language, list(images),
                                 trip_ended, today)

    def place_name(self, lat: float, lon: float) -> tuple[str | None, str]:
        """(place name or None, why there are no place names — "" when there are)."""
        return self._worker.call(_place_name, float(lat), float(lon))

    def reference_encoding(self, path: str) -> Any:
        """The encoding of the one face in a reference photo; raises :class:`NoSingleFace`."""
        return self._worker.call(_reference_encoding, str(path))

    def face_encodings(self, path: str, faces: Sequence[Any]) -> list[Any]:
        """Encodings of ``faces`` of the photo at ``path``, in face order."""
        return self._worker.call(_face_encodings, str(path), list(faces))

    def close(self) -> None:
        self._worker.close()
