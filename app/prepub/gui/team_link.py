"""The window's line to its consent registry: opening it, and a team registry's life away from
its server.

:class:`TeamLink` opens the registry the user chose (``Services.registry_url``: Settings, or
``prepub --registry URL`` for one run) off the window's thread. For a team registry on PostgreSQL
it also

- asks for the password once (:attr:`TeamLink.password_needed`) when the server wants one the
  keyring does not hold; what the user types is used for this session's connections, never
  stored;
- when the server cannot be reached, at start or when the watcher reports it gone
  (``session.registry_online``), uses the read-only copy on this computer instead: the post
  checks run on it through the same ``evaluate_draft`` as ``prepub check``, so an export is
  blocked once the copy is older than the policy allows (``registry.offline_copy_stale``). A
  watcher on the server reports when it answers again (``session.registry_online``); the team
  registry is then opened again;
- while connected, refreshes that copy in the background after opening and after every change
  notification, and sends the exports logged from the copy;
- keeps the photographer's outbox: where photographer mode writes while the server is away,
  how many entries wait, and the push when it is back (at once, or "Sync now").
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer, Signal

from prepub.core.registry_url import is_team
from prepub.gui import services
from prepub.gui.session import PostSession

log = logging.getLogger(__name__)

OPENING, PERSONAL, TEAM, OFFLINE, PASSWORD, FAILED = (
    "opening", "personal", "team", "offline", "password", "failed")
REFRESH_DELAY_MS = 1500  # after a change notification: one refresh for a burst of changes
PROBE_POLL_S = 5.0  # how often a server that is away is tried again
AGE_TICK_MS = 5 * 60_000  # offline: the copy's age shown, and the checks run again, this often


class TeamLink(QObject):
    """Opens the session's registry and, for a team registry, keeps it (or its copy) in use."""

    changed = Signal()  # state, the copy's age, the outbox's count
    opened = Signal()  # an open attempt finished (whatever came of it)
    password_needed = Signal(str)  # the login ("omar@db.office.example") the server asks about
    synced = Signal(object)  # the outbox was pushed: prepub.core.consent.sync.PushResult
    sync_failed = Signal(str)

    def __init__(self, session: PostSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = OPENING
        self.reason = ""  # why the team registry is not in use (offline, failed)
        self.outbox: Any = None  # the photographer's queue, once opened
        self.outbox_waiting = 0  # consents logged in it, not sent yet
        self.outbox_pending = 0  # shoots to send (also a shoot with nobody logged yet)
        self.syncing = False
        self._push_again = False  # asked to push while a push ran
        self._away = False  # the server went away and the team registry is not back yet
        self._password: str | None = None  # typed this session; never stored
        self._asked = False
        self._probe: Any = None
        self._probe_gen = 0  # a probe started for an older offline spell is stopped at once
        self._probing = False
        self._refreshing = self._refresh_again = False
        self._copy_refused = False  # this login may not read everything a copy holds
        self._stopped = False  # the window closed: late results change nothing
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_copy)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self._copy_aged)
        session.registry_online.connect(self._online)
        session.registry_changes.connect(self._team_changed)
        session.channels_changed.connect(self._policy_changed)  # (set_policy emits it too)

    # --- what the window shows -------------------------------------------------------------------

    @property
    def url(self) -> str | None:
        return self.session.services.registry_url

    @property
    def is_team(self) -> bool:
        return is_team(self.url)

    @property
    def offline(self) -> bool:
        """A team registry whose server is away: the copy (if any) is in use."""
        return self.state == OFFLINE

    @property
    def connected(self) -> bool:
        """The team registry itself is in use (its server answers)."""
        return self.state == TEAM

    @property
    def copy(self) -> Any:
        """The read-only copy in use (offline), or None."""
        reg = self.session.registry
        return reg if self.offline and hasattr(reg, "too_old") else None

    def notice(self) -> tuple[str, str] | None:
        """(text, state) for the window's notice bar while offline, else None."""
        if not self.offline:
            return None
        copy = self.copy
        if copy is None:
            return (self.tr("Offline: the team registry cannot be reached (%1), and this "
                            "computer has no copy of it yet. Faces can only be blurred or "
                            "marked not identifiable until it answers.")
                    .replace("%1", self.reason), "blocked")
        hours = round(copy.info.age().total_seconds() / 3600)  # as registry.offline_copy_stale
        when = QLocale().toString(QDateTime.fromSecsSinceEpoch(
            int(copy.info.synced_at.timestamp())), QLocale.FormatType.ShortFormat)
        text = self.tr("Offline: using the copy of the team registry from %1 (%n hour(s) old). "
                       "Changes made since then are not in it; Prepub connects again when the "
                       "server answers.", "", hours).replace("%1", when)
        return text, "blocked" if copy.too_old() else "attention"

    # --- opening ---------------------------------------------------------------------------------

    def open(self, password: str | None = None) -> None:
        """Open the registry (again), off the window's thread."""
        if password is not None:
            self._password = password
        self.state = OPENING
        s = self.session
        s.runner.run_in_background(services.open_team, self._opened, pool="write", name="registry",
                                   args=(s.services.open_registry, self.url, self._password))

    def reopen(self, url: str | None) -> None:
        """Another registry address (Settings): forget this one's password and open it."""
        self._stop_probe()
        self._age_timer.stop()
        self._password, self._asked, self._copy_refused = None, False, False
        self._away = False
        self.session.services.registry_url = url or None
        self.open()

    def give_up_password(self) -> None:
        """The user did not give the password: no registry, with the server's reason."""
        self._failed(self.reason)

    def stop(self) -> None:
        """The window closes: no more watching or refreshing."""
        self._stopped = True
        self._stop_probe()
        self._refresh_timer.stop()
        self._age_timer.stop()
        outbox, self.outbox = self.outbox, None
        if outbox is not None:
            outbox.close()

    def _opened(self, result: Any, error: BaseException | None) -> None:
        if self._stopped:
            if error is None and result[0] == "open":
                result[1].close()
            return
        if error is not None:
            self._failed(error.reason if isinstance(error, services.Unavailable) else str(error))
        else:
            kind, value = result
            if kind == "open":
                self._use(value)
            elif kind == "password" and not self._asked:
                self._asked, self.state, self.reason = True, PASSWORD, value
                self.changed.emit()
                self.password_needed.emit(self._login())
            elif kind == "unreachable":
                self._go_offline(value)
            else:
                self._failed(value)
        self.opened.emit()

    def _login(self) -> str:
        from urllib.parse import urlsplit

        parts = urlsplit(self.url or "")
        return f"{parts.username or ''}@{parts.hostname or 'localhost'}"

    def _failed(self, reason: str) -> None:
        self.state, self.reason, self._away = FAILED, reason, False
        self._replace(None, reason)
        self.changed.emit()

    def _use(self, registry: Any) -> None:
        team = getattr(registry, "dialect", "") == "postgresql"
        self._stop_probe()
        self._age_timer.stop()
        self.state, self.reason, self._away = (TEAM if team else PERSONAL), "", False
        self._replace(registry, None)
        self.changed.emit()
        if team:
            self.refresh_copy()
            self._in_background(services.push_offline_exports, registry, what="exports")
            self.open_outbox(create=False, then=self.push_outbox)

    def _replace(self, registry: Any, error: str | None) -> None:
        old = self.session.registry
        self.session.set_registry(registry, error)
        if old is not None and old is not registry:  # after the work queued on it
            self.session.runner.run_in_background(old.close, None, pool="write", name="close")

    # --- away from the server --------------------------------------------------------------------

    def _online(self, online: bool, error: str) -> None:
        """The watcher's word (the session's, or the probe's while offline)."""
        if self._stopped:
            return
        if online and self.state == OFFLINE:
            self._stop_probe()
            self.open()
        elif not online and self.state == TEAM:
            self._go_offline(error)

    def _go_offline(self, reason: str) -> None:
        self.state, self.reason, self._away = OFFLINE, reason, True
        self._refresh_timer.stop()
        max_age = float(self.session.policy.consent.offline_copy_max_age_hours)
        self.session.runner.run_in_background(services.open_offline_copy, self._copy_opened,
                                              pool="write", name="offline copy", args=(max_age, self.url))

    def _copy_opened(self, copy: Any, error: BaseException | None) -> None:
        if self.state != OFFLINE or self._stopped:  # back online meanwhile, or closed
            if copy is not None:
                copy.close()
            return
        self._replace(copy, None if copy is not None else self.reason)
        if copy is not None:
            self._age_timer.start()
        self._start_probe(copy.info.audit_head if copy is not None else 0)
        self.changed.emit()

    def _start_probe(self, since: int) -> None:
        if self._probe is not None or self._probing or not self.url or self._stopped:
            return
        self._probing = True
        gen = self._probe_gen
        emit = self.session.registry_online.emit  # from the watcher's thread: queued

        def status(online: bool, _error: str | None) -> None:
            if online:  # (offline is known; a late "away" from a stopping probe means nothing)
                emit(True, "")

        def started(probe: Any, error: BaseException | None) -> None:
            if gen == self._probe_gen:
                self._probing = False
            if error is not None:
                log.warning("cannot watch for the team registry's server: %s", error)
            elif gen != self._probe_gen or self.state != OFFLINE or self._stopped:
                probe.stop()
            else:
                self._probe = probe

        self.session.runner.run_in_background(
            services.watch_for_server, started, pool="sync", name="probe",
            args=(self.url, self._password, since),
            kwargs={"on_status": status, "poll_s": PROBE_POLL_S})

    def _stop_probe(self) -> None:
        self._probe_gen += 1
        self._probing = False
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.stop()

    def _policy_changed(self) -> None:
        """Another policy may allow the copy another age: the copy's own limit follows."""
        from datetime import timedelta

        copy = self.copy
        hours = float(self.session.policy.consent.offline_copy_max_age_hours)
        if copy is not None and copy.max_age != timedelta(hours=hours):
            copy.max_age = timedelta(hours=hours)
            self.changed.emit()

    def _copy_aged(self) -> None:
        self.changed.emit()  # the age in the notice
        self.session.request_evaluation()  # the copy may have grown too old meanwhile

    # --- the copy, kept fresh while connected ----------------------------------------------------

    def _team_changed(self, _changes: list) -> None:
        if self.state == TEAM:
            self._refresh_timer.start()

    def refresh_copy(self) -> None:
        """Take a new copy of the team registry for offline use (in the background)."""
        team = self.session.registry
        if self.state != TEAM or self._copy_refused or team is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True

        def done(_info: Any, error: BaseException | None) -> None:
            self._refreshing = False
            if error is not None:
                log.info("the offline copy of the team registry was not refreshed: %s", error)
                self._copy_refused = "permission denied" in str(error).lower()
            if self._refresh_again:
                self._refresh_again = False
                self.refresh_copy()

        self.session.runner.run_in_background(services.refresh_offline_copy, done, pool="sync",
                                              name="offline copy", args=(team,))

    def _in_background(self, fn: Callable[..., Any], *args: Any, what: str) -> None:
        def done(_r: Any, error: BaseException | None) -> None:
            if error is not None:
                log.info("team registry %s: %s", what, error)

        self.session.runner.run_in_background(fn, done, pool="sync", name=what, args=args)

    # --- the photographer's outbox ---------------------------------------------------------------

    @property
    def writes_to_outbox(self) -> bool:
        """Photographer mode writes to the outbox: a team registry whose server is away, also
        while it is tried again ("Sync now", the watcher) until the team registry is back."""
        return self.is_team and (self.state == OFFLINE or self._away)

    def open_outbox(self, *, create: bool = True, then: Callable[[], None] | None = None) -> None:
        """Open the outbox (``create``: even when there is none yet), count what waits."""
        if self.outbox is not None:
            if then is not None:
                then()
            return

        def work() -> tuple[Any, tuple[int, int]]:
            box = services.open_outbox(create=create)
            return box, (_counts(box) if box is not None else (0, 0))

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.sync_failed.emit(str(error))
                return
            box, counts = result
            if box is not None and self.outbox is None:
                self.outbox = box
                self.outbox_waiting, self.outbox_pending = counts
                self.changed.emit()
            elif box is not None:
                box.close()
            if self.outbox is not None and then is not None:
                then()

        self.session.runner.run_in_background(work, done, pool="write", name="outbox")

    def count_outbox(self) -> None:
        """Count the outbox's waiting entries again (after photographer mode changed it)."""
        if self.outbox is None:
            return

        def done(counts: Any, error: BaseException | None) -> None:
            if error is None and tuple(counts) != (self.outbox_waiting, self.outbox_pending):
                self.outbox_waiting, self.outbox_pending = counts
                self.changed.emit()

        self.session.runner.run_in_background(_counts, done, pool="write", name="outbox",
                                              args=(self.outbox,))

    def push_outbox(self) -> None:
        """Send the outbox to the team registry when it is connected: every shoot changed since
        its last push (new people, or a shoot begun there with nobody logged yet). Asked while
        a push runs, it pushes again after it."""
        team = self.session.registry
        if self.state != TEAM or self.outbox is None:
            return
        if self.syncing:
            self._push_again = True
            return
        self.syncing, self._push_again = True, False
        self.changed.emit()
        outbox = self.outbox

        def work() -> tuple[Any, tuple[int, int]]:
            pushed, _waiting = services.push_outbox(outbox, team, services.Services.user_name())
            return pushed, _counts(outbox)

        def done(result: Any, error: BaseException | None) -> None:
            self.syncing = False
            if error is not None:
                self.sync_failed.emit(str(error))
            else:
                pushed, (self.outbox_waiting, self.outbox_pending) = result
                if pushed.shoots:  # (nothing waited: nothing to report)
                    self.synced.emit(pushed)
                    self.session.refresh_people()
            self.changed.emit()
            if self._push_again and not self._stopped:
                self.push_outbox()

        self.session.runner.run_in_background(work, done, pool="sync", name="sync")

    def sync_now(self) -> None:
        """"Sync now": push what waits, or try the server again first when it is away
        (photographer mode goes on writing to the outbox meanwhile: :attr:`writes_to_outbox`)."""
        if self.state == OFFLINE:
            self._stop_probe()
            self.open()
        else:
            self.open_outbox(create=False, then=self.push_outbox)


def _counts(outbox: Any) -> tuple[int, int]:
    """(consents waiting, shoots to send) in the outbox."""
    sync = services.team_sync()
    return int(sync.waiting(outbox)), len(sync.pending(outbox))
