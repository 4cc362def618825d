"""Following a registry's changes as they happen: :class:`RegistryWatcher`.

A window that shows a draft must learn at once when someone, anywhere, withdraws a consent or
adds one. The watcher keeps a cursor (the newest audit entry it has seen) and calls
``on_change(changes)`` with every :class:`RegistryChange` after it:

- **team registry (PostgreSQL)**: it holds one connection of its own that ``LISTEN``s on
  ``prepub_registry``; the triggers of migration 0005 ``NOTIFY`` when a change commits, so a
  change is reported within milliseconds. Every ``poll_s`` it also asks anyway, and after a lost
  connection it reconnects and catches up from its cursor: nothing is missed while offline.
- **personal registry (SQLite)**: it asks every ``poll_s`` (an indexed query on the audit log).

``on_change`` and ``on_status`` run on the watcher's thread, never the caller's: a GUI passes
functions that hand the work to its own thread (e.g. a Qt signal). :meth:`RegistryWatcher.start`
runs the loop on a daemon thread; :meth:`RegistryWatcher.run` runs it on a thread the caller
owns; :meth:`RegistryWatcher.check_now` asks once, synchronously (tests, a "refresh" button).
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, Callable, Sequence

from prepub.core.consent.postgres import CHANNEL
from prepub.core.consent.types import RegistryChange

_log = logging.getLogger(__name__)
OnChange = Callable[[Sequence[RegistryChange]], None]
OnStatus = Callable[[bool, str | None], None]  # (online, error message)


class RegistryWatcher:
    """Report ``registry``'s changes after ``since`` (default: from now on) to ``on_change``."""

    def __init__(self, registry: Any, on_change: OnChange, *, since: int | None = None,
                 poll_s: float = 1.0, on_status: OnStatus | None = None,
                 lazy: bool = False) -> None:
        """``since`` None: changes from now on; with ``lazy`` "now" is read by the watcher's
        own thread when it starts (a window's thread never waits for the server)."""
        self._registry = registry
        self._on_change = on_change
        self._on_status = on_status
        self.poll_s = poll_s
        self.cursor: int | None = since if since is not None or lazy else registry.latest_change()
        self.online = True
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listen: Any = None  # the raw psycopg connection that LISTENs
        self._lock = threading.Lock()

    # --- running ---------------------------------------------------------------------------

    def start(self) -> "RegistryWatcher":
        """Run the loop on a daemon thread until :meth:`stop`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="prepub-registry-watcher",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching. With ``timeout`` 0 nothing waits (a window's thread): the loop ends by
        itself within ``poll_s`` and closes its own connection; nothing is reported after."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and timeout > 0:
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            self._close_listener()

    def run(self) -> None:
        """The loop: wait for a notification (or ``poll_s``), then report what is new."""
        while not self._stop.is_set():
            hints: list[RegistryChange] = []
            try:
                if self.cursor is None:  # "from now on": asked here, never on the caller's thread
                    self.cursor = self._registry.latest_change()
                if self._registry.dialect == "postgresql":
                    hints = self._wait_for_notifications()
                else:
                    self._stop.wait(self.poll_s)
                if self._stop.is_set():
                    break
                self.check_now(hints=hints)
                self._set_online(True, None)
            except _CallbackError:
                _log.exception("a registry watcher's callback failed; watching goes on")
            except Exception as e:  # noqa: BLE001 - the server went away: retry, stay alive
                self._close_listener()
                if self._stop.is_set():
                    break
                self._set_online(False, str(e).strip().splitlines()[0] if str(e) else type(e).__name__)
                self._stop.wait(self.poll_s)
        self._close_listener()

    def check_now(self, *, hints: Sequence[RegistryChange] = ()) -> list[RegistryChange]:
        """Ask the registry for changes after the cursor; report and return them."""
        with self._lock:
            if self.cursor is None:
                self.cursor = self._registry.latest_change()
                found: list[RegistryChange] = []
            else:
                found = self._registry.changes_since(self.cursor)
            if found:
                self.cursor = max(c.audit_id or 0 for c in found)
            seen = {c.person_id for c in found}
            extra = [h for h in hints if h.person_id not in seen]
            out = [*found, *extra]
        if out:
            try:
                self._on_change(out)
            except Exception as e:
                raise _CallbackError() from e
        return out

    # --- PostgreSQL ------------------------------------------------------------------------

    def _wait_for_notifications(self) -> list[RegistryChange]:
        conn = self._listener()
        hints: list[RegistryChange] = []
        for n in conn.notifies(timeout=self.poll_s, stop_after=1):
            hints += _hint(n.payload)
        # more may have arrived together (one transaction's worth): take them without waiting
        for n in conn.notifies(timeout=0.05):
            hints += _hint(n.payload)
        return hints

    def _listener(self) -> Any:
        if self._listen is None:
            raw = self._registry._engine.raw_connection()
            conn = raw.driver_connection
            raw.detach()  # ours for good: never handed back to the pool
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self._listen = conn
            self._set_online(True, None)
            self.check_now()  # whatever happened before LISTEN took effect (or while offline)
        return self._listen

    def _close_listener(self) -> None:
        if self._listen is not None:
            try:
                self._listen.close()
            except Exception:  # noqa: BLE001 - already broken
                pass
            self._listen = None

    def _set_online(self, online: bool, error: str | None) -> None:
        changed = online != self.online
        self.online, self.last_error = online, error
        if changed and self._on_status is not None:
            self._on_status(online, error)


class _CallbackError(Exception):
    """``on_change`` raised: the caller's bug, not the server's absence."""


def _hint(payload: str) -> list[RegistryChange]:
    """A change a notification names, for statements that wrote no audit entry (by hand)."""
    try:
        d = json.loads(payload)
    except ValueError:
        return []
    if not isinstance(d, dict) or d.get("table") == "audit_log":
        return []  # audit entries are read from the log itself
    return [RegistryChange(action="changed", entity=str(d.get("table")), entity_id=d.get("id"),
                           person_id=d.get("person_id"))]
