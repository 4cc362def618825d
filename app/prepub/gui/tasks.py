"""Running work off the GUI thread: one helper, a few named thread pools, cooperative cancel.

:meth:`TaskRunner.run_in_background` runs ``fn`` on a pool and calls ``on_done(result, error)`` on
the GUI thread when it finishes (exactly one of the two is set; a cancelled task ends with a
:class:`~prepub.core.progress.Cancelled` error). When ``fn`` is a generator function, every value
it yields goes to ``on_progress`` on the GUI thread and a Cancel takes effect at the next yield
(napari style); its ``return`` value is the result.

Pools (Picard/Anki style): ``analysis`` for face detection (one thread: the models use several
cores themselves), ``decode`` for thumbnails and previews, ``eval`` for draft evaluation and text
checks (one thread, so results arrive in order), ``write`` — ONE thread for every database
write, draft save and export, so writes never race each other — and ``warmup`` (one thread) for
start-up work that only loads models ahead of need (the language models of the text checks),
and ``sync`` (one thread) for a team registry's housekeeping: refreshing the offline copy and
pushing what was queued while the server was away.
A warm-up can take seconds, longer on a busy machine; on its own pool it never queues in front
of work the user is waiting for (a dropped text file read on ``decode`` used to wait behind it
for up to 12 s).

The pools are Python ``ThreadPoolExecutor``s rather than ``QThreadPool``: a ``QRunnable``
subclass deleted by Qt after ``run()`` returned (auto-delete) corrupted Python's reference
counts under load with PySide6 6.12, and plain Python threads have no such lifecycle. Results
cross to the GUI thread through a queued Qt signal either way.
"""

from __future__ import annotations

import inspect
import os
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from prepub.core.progress import CancelToken, Cancelled

DoneCallback = Callable[[Any, BaseException | None], None]
ProgressCallback = Callable[[Any], None]

POOLS = ("analysis", "decode", "eval", "write", "warmup", "sync")


@dataclass
class Task:
    """A handle on one background job: ``cancel()`` asks it to stop at its next checkpoint."""

    name: str
    token: CancelToken = field(default_factory=CancelToken)
    finished: bool = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from a worker are queued to it."""

    progressed = Signal(object)
    done = Signal(object, object)

    def __init__(self, on_done: DoneCallback | None, on_progress: ProgressCallback | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_progress = on_progress
        self.progressed.connect(self._progress)
        self.done.connect(self._finish)

    @Slot(object)
    def _progress(self, value: Any) -> None:
        if self._on_progress is not None:
            self._on_progress(value)

    @Slot(object, object)
    def _finish(self, result: Any, error: Any) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result, error)
        finally:
            self._on_done = self._on_progress = None


class _Job:
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 relay: _Relay, task: Task) -> None:
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._relay, self._task = relay, task

    def run(self) -> None:  # runs on a pool thread
        result: Any = None
        error: BaseException | None = None
        try:
            self._task.token.raise_if_cancelled()
            out = self._fn(*self._args, **self._kwargs)
            if inspect.isgenerator(out):
                result = self._drain(out)
            else:
                result = out
        except Cancelled as e:
            error = e
        except BaseException as e:  # noqa: BLE001 - every failure goes back to the GUI as a value
            if os.environ.get("PREPUB_DEBUG"):
                traceback.print_exc()
            e.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            error = e
        self._task.finished = True
        try:
            self._relay.done.emit(result, error)
        except RuntimeError:  # the relay was deleted (application quitting)
            pass

    def _drain(self, gen: Any) -> Any:
        token = self._task.token
        try:
            while True:
                value = next(gen)
                self._relay.progressed.emit(value)
                if token.cancelled:
                    gen.close()
                    raise Cancelled()
        except StopIteration as stop:
            return stop.value


class TaskRunner(QObject):
    """Owns the thread pools. Pass one instance to every widget that starts background work."""

    busy_changed = Signal(int)  # number of tasks still running

    def __init__(self, *, decode_threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        cores = os.cpu_count() or 2
        sizes = {"analysis": 1, "decode": decode_threads or max(1, min(2, cores - 1)), "eval": 1,
                 "write": 1, "warmup": 1, "sync": 1}
        self._pools: dict[str, ThreadPoolExecutor] = {
            name: ThreadPoolExecutor(max_workers=sizes[name], thread_name_prefix=f"prepub-{name}")
            for name in POOLS}
        self._futures: dict[str, set[Future[None]]] = {name: set() for name in POOLS}
        self._lock = threading.Lock()
        self._relays: set[_Relay] = set()
        self._running: list[Task] = []
        self.closed = False  # after shutdown(): new work is dropped, not started

    @property
    def running(self) -> list[Task]:
        return [t for t in self._running if not t.finished]

    @property
    def idle(self) -> bool:
        """Nothing is queued or running, and every finished task's ``on_done`` has run on the
        GUI thread (``running`` empties a moment earlier, while results are still on their
        way). Closing a window waits for this before deleting what the callbacks touch."""
        return not self._running

    def run_in_background(self, fn: Callable[..., Any], on_done: DoneCallback | None = None, *,
                          on_progress: ProgressCallback | None = None, pool: str = "decode",
                          name: str = "", args: tuple[Any, ...] = (),
                          kwargs: dict[str, Any] | None = None, task: Task | None = None,
                          pass_cancel: bool = False, pass_progress: bool = False) -> Task:
        """Run ``fn(*args, **kwargs)`` on ``pool``; ``on_done(result, error)`` runs on the GUI
        thread. With ``pass_cancel`` the task's CancelToken is passed as ``cancel=``; with
        ``pass_progress`` a core-style ``progress(done, total, label)`` callback is passed as
        ``progress=`` and each call reaches ``on_progress`` as a ``(done, total, label)`` tuple."""
        if pool not in self._pools:
            raise ValueError(f"unknown pool {pool!r}; known: {', '.join(POOLS)}")
        task = task or Task(name=name or getattr(fn, "__name__", "task"))
        if self.closed:  # the app is closing: a late signal (a registry change) starts nothing
            task.cancel()
            return task
        kw = dict(kwargs or {})
        if pass_cancel:
            kw["cancel"] = task.token

        def finished(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            if task in self._running:
                self._running.remove(task)
            self.busy_changed.emit(len(self._running))
            if on_done is not None:
                on_done(result, error)

        relay = _Relay(finished, on_progress)
        if pass_progress:
            def progress(done: int, total: int, label: str = "") -> None:
                relay.progressed.emit((done, total, label))

            kw["progress"] = progress
        self._relays.add(relay)
        self._running.append(task)
        self.busy_changed.emit(len(self._running))
        job = _Job(fn, args, kw, relay, task)
        future = self._pools[pool].submit(job.run)
        with self._lock:
            self._futures[pool].add(future)
        future.add_done_callback(lambda f, p=pool: self._forget(p, f))
        return task

    def _forget(self, pool: str, future: "Future[None]") -> None:
        with self._lock:
            self._futures[pool].discard(future)

    def cancel_all(self) -> None:
        for t in list(self._running):
            t.cancel()

    def wait_for_done(self, msecs: int = 5000, *, pool: str | None = None) -> bool:
        """Block until the pool (or every pool) is idle: on quit, and for the one small save
        before the window closes; never while the window is in use."""
        with self._lock:
            pending = [f for name, fs in self._futures.items() if pool in (None, name) for f in fs]
        _done, not_done = wait_futures(pending, timeout=msecs / 1000.0)
        return not not_done

    def shutdown(self) -> None:
        """Stop accepting work and let running jobs finish (application exit); work asked for
        later is dropped (a queued signal from a watcher thread may still arrive)."""
        self.closed = True
        self.cancel_all()
        for ex in self._pools.values():
            ex.shutdown(wait=False, cancel_futures=True)
