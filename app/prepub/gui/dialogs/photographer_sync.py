"""Photographer mode with a team registry: where entries go, and sending them when the server is
back.

While the team registry's server cannot be reached, photographer mode writes to the outbox on
this laptop (:attr:`TeamLink.outbox <prepub.gui.team_link.TeamLink.outbox>`); a shoot started
online and continued offline is carried into it, so its people are logged under the same shoot.
A shoot begun in the outbox stays there until it is sent; then it lives in the team registry
again and what is logged next goes there directly. :class:`SyncBar` shows how many entries
wait, sends them ("Sync now"; also by itself when the server answers again) and shows what the
team registry did not take (conflicts: the team's record is kept; a withdrawal there is never
undone by an older consent from the laptop).

Edit… and Remove… change a person where it counts (:func:`erase_entry`, :func:`update_entry`):
an entry not sent yet only on this laptop (and an erased one is never sent); an entry already in
the team registry there (and the laptop's copy with it), which needs the server: offline they
refuse (:class:`NeedsServer`) rather than change only the laptop's copy.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from prepub.gui.style import pill_stylesheet
from prepub.gui.team_link import TeamLink

log = logging.getLogger(__name__)

TEAM, OUTBOX = "team", "outbox"


def _pill(state: str) -> str:
    return pill_stylesheet(state).replace("border-radius: 9px", "border-radius: 4px")


class SyncBar(QWidget):
    """"n entries waiting to sync", Sync now, and what the last sync reported."""

    def __init__(self, team: TeamLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBar")
        self.team = team
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.waiting = QLabel()
        self.waiting.setObjectName("syncWaiting")
        self.waiting.setWordWrap(True)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(lambda _c=False: self.sync_now())
        row.addWidget(self.waiting, 1)
        row.addWidget(self.sync_button)
        lay.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        self.result.hide()
        lay.addWidget(self.result)
        team.changed.connect(self.update_view)
        team.synced.connect(self._synced)
        team.sync_failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.tr("Send the entries on this laptop to the team "
                                                   "registry now"))
        self.update_view()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "result"):
            self.result.hide()  # the last sync's report would stay in the old language
            self.retranslate()

    def sync_now(self) -> None:
        self.result.hide()
        self.team.sync_now()
        self.update_view()

    def update_view(self) -> None:
        t = self.team
        n, shoots = t.outbox_waiting, t.outbox_pending
        if t.offline:
            text = self.tr("Offline: what you log is kept on this laptop and sent when the team "
                           "registry answers. %n entry(ies) waiting to sync.", "", n)
        elif t.syncing:
            text = self.tr("Sending %n entry(ies) to the team registry…", "", n)
        elif shoots and not n:  # a shoot begun offline, nobody logged in it yet
            text = self.tr("%n shoot(s) waiting to sync.", "", shoots)
        else:
            text = self.tr("%n entry(ies) waiting to sync.", "", n)
        self.waiting.setText(text)
        self.waiting.setStyleSheet(_pill("attention" if t.offline or n or shoots else "ready"))
        self.sync_button.setEnabled(not t.syncing and (t.offline or n > 0 or shoots > 0))
        self.setVisible(t.is_team and (t.offline or n > 0 or shoots > 0 or t.syncing
                                       or self.result.isVisibleTo(self)))

    def _synced(self, result: Any) -> None:
        parts = [self.tr("Sent to the team registry: %n new record(s).", "", result.added)]
        if result.skipped_withdrawn:
            parts.append(self.tr("%n consent(s) were not sent because the team registry holds a "
                                 "later withdrawal.", "", result.skipped_withdrawn))
        text = " ".join(parts)
        if result.conflicts:
            text += "\n" + self.tr("%n thing(s) to check:", "", len(result.conflicts)) + "\n" + \
                "\n".join(f"• {self.conflict_text(c)}" for c in result.conflicts)
        self._show(text, "attention" if result.conflicts or result.skipped_withdrawn else "ready")

    def _failed(self, message: str) -> None:
        self._show(self.tr("Not synced: %1").replace("%1", message), "blocked")

    def _show(self, text: str, state: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(_pill(state))
        self.result.show()
        self.update_view()

    def conflict_text(self, c: Any) -> str:
        if c.kind in ("person_differs", "guardian_differs"):
            return self.tr("%1 differs (team registry “%2”, this laptop “%3”); the team "
                           "registry's value was kept.").replace("%1", str(c.field)) \
                .replace("%2", str(c.local)).replace("%3", str(c.incoming))
        if c.kind == "person_erased":
            return self.tr("A person logged on this laptop was erased in the team registry and "
                           "was not sent again.")
        if c.kind == "possible_duplicate":
            return self.tr("“%1” has the same name as someone in the team registry: check "
                           "whether they are the same person.").replace(
                "%1", str(c.incoming or c.entity_id))
        if c.kind == "consent_differs":
            return self.tr("A consent differs (%1); the team registry's record was kept.") \
                .replace("%1", str(c.field))
        return str(c.describe())


class TeamTarget:
    """Where photographer mode writes (a mixin of the window): the session's registry, or the
    outbox while a team registry's server is away (and for a shoot begun there, until it is
    sent)."""

    team: TeamLink | None
    session: Any
    shoot: Any
    _home: str | None = None  # where the current shoot lives
    _home_check: Any = None  # the shoot whose move back to the team registry is being checked

    def _registry(self) -> Any:
        team = self.team
        if team is None or not team.is_team:
            return self.session.registry
        if team.writes_to_outbox or (self.shoot is not None and self._home == OUTBOX):
            return team.outbox
        return self.session.registry

    def _registry_missing(self) -> str | None:
        """Why there is nowhere to write yet, or None."""
        if self._registry() is not None:
            return None
        team = self.team
        if team is not None and team.writes_to_outbox:
            team.open_outbox()
            return QCoreApplication.translate("TeamTarget", "Preparing the queue on this laptop…")
        return self.session.registry_error or \
            QCoreApplication.translate("TeamTarget", "it is still opening")

    def _home_of_new_shoot(self) -> str:
        team = self.team
        return OUTBOX if team is not None and team.writes_to_outbox else TEAM

    def _team_changed(self) -> None:
        team = self.team
        if team is None or not team.is_team:
            return
        if team.writes_to_outbox and team.outbox is None:
            team.open_outbox()
            return
        if team.writes_to_outbox and self.shoot is not None and self._home == TEAM:
            self._home = OUTBOX  # carry the shoot: its people are logged under the same shoot
            shoot = self.shoot
            self._run(_carry_shoot, lambda _r: None, shoot)  # type: ignore[attr-defined]
        elif self._home == OUTBOX and self.shoot is not None:
            self._maybe_home_to_team()
        if self.shoot is None and self._registry() is not getattr(self, "_shoots_from", None):
            self._load_shoots()  # type: ignore[attr-defined]  # the shoots where it now writes
        self._update_entry_buttons()  # type: ignore[attr-defined]  # (not while syncing)

    def _maybe_home_to_team(self) -> None:
        """Connected again and nothing of the shoot waits in the outbox (it was sent): the
        shoot lives in the team registry again, and its list is the team's."""
        team, shoot = self.team, self.shoot
        if team is None or not team.connected or team.syncing or team.outbox is None \
                or self._home_check is shoot:
            return
        self._home_check = shoot

        def checked(waits: bool) -> None:
            if self._home_check is shoot:
                self._home_check = None
            if waits or self.shoot is not shoot or self._home != OUTBOX or not team.connected:
                return  # (a push follows, and the check again after it)
            self._home = TEAM
            self._reload_logged()  # type: ignore[attr-defined]

        def failed() -> None:
            if self._home_check is shoot:
                self._home_check = None

        self._run(_shoot_waits, checked, team.outbox, shoot.id,  # type: ignore[attr-defined]
                  with_registry=False, failed=failed)

    def _entry_places(self) -> dict[str, Any]:
        """The registries an entry may be in besides the shoot's: the outbox, and the team
        registry while it is connected."""
        team = self.team
        if team is None or not team.is_team:
            return {"outbox": None, "team": None}
        return {"outbox": team.outbox,
                "team": self.session.registry if team.connected else None}


class NeedsServer(Exception):
    """The entry is in the team registry, whose server is away: it cannot be changed now."""


def _shoot_waits(outbox: Any, shoot_id: str) -> bool:
    from prepub.gui.services import team_sync

    return shoot_id in team_sync().pending(outbox)


def _holds(reg: Any, person_id: str) -> bool:
    """``reg`` has this person, not erased."""
    try:
        return not reg.get_person(person_id).erased
    except LookupError:  # (UnknownEntityError)
        return False


def _sent(outbox: Any, person_id: str) -> bool:
    """The person's entry in the outbox was sent to the team registry: their consent was
    logged before a push of its shoot (what that push's sheet covered)."""
    pushed: dict[str, int] = {}
    logged: list[tuple[str, int]] = []
    for e in outbox.audit_entries(limit=1_000_000):
        if e.action == "sync.push" and e.entity_id:
            pushed[e.entity_id] = max(pushed.get(e.entity_id, 0),
                                      int(e.details.get("upto", e.id)))
        elif e.action == "consent.add" and e.details.get("person_id") == person_id:
            logged.append((str(e.details.get("shoot_id")), e.id))
    return any(i <= pushed.get(sid, 0) for sid, i in logged)


def _places(reg: Any, person_id: str, outbox: Any, team: Any) -> tuple[str, Any, list[Any]]:
    """Where to change a person listed from ``reg`` (the shoot's registry): (``"registry"``,
    ``"team"`` or ``"outbox"``, the registry that counts, the copies to change with it).

    Raises :class:`NeedsServer` for a person already in the team registry while it is away."""
    if outbox is None or reg is not outbox:  # a personal registry, or the team registry
        kind = "registry" if outbox is None and team is None else "team"
        return kind, reg, [outbox] if outbox is not None and _holds(outbox, person_id) else []
    in_outbox = _holds(outbox, person_id)
    if in_outbox and not _sent(outbox, person_id) and not (team is not None
                                                          and _holds(team, person_id)):
        return OUTBOX, outbox, []
    if team is None:
        raise NeedsServer(person_id)
    return "team", team, [outbox] if in_outbox else []


def erase_entry(reg: Any, person_id: str, *, outbox: Any, team: Any, actor: str | None) -> str:
    """Erase a person logged at the shoot where it counts (and the laptop's copy with it);
    returns where (see :func:`_places`)."""
    kind, main, copies = _places(reg, person_id, outbox, team)
    main.delete_person(person_id, actor=actor)
    for copy in copies:  # nothing of them stays on the laptop, and nothing is sent again
        try:
            copy.delete_person(person_id, actor=actor)
        except Exception as e:  # the team registry's erasure stands
            log.warning("the outbox's copy of an erased person was not erased: %s", e)
    return kind


def load_entry(reg: Any, person_id: str, *, outbox: Any, team: Any) -> Any:
    """The person as the registry where they would be changed holds them."""
    _kind, main, _copies = _places(reg, person_id, outbox, team)
    return main.get_person(person_id)


def update_entry(reg: Any, person_id: str, values: dict[str, Any], *, outbox: Any,
                 team: Any) -> Any:
    """Change a person logged at the shoot where it counts, and the laptop's copy with it (so
    a later push does not report the old values as a conflict)."""
    _kind, main, copies = _places(reg, person_id, outbox, team)
    person = main.update_person(person_id, **values)
    for copy in copies:
        try:
            copy.update_person(person_id, **values)
        except Exception as e:
            log.warning("the outbox's copy of a changed person was not changed: %s", e)
    return person


def _carry_shoot(outbox: Any, shoot: Any) -> None:
    """The team registry's shoot, with its id, in the outbox (once)."""
    if not any(s.id == shoot.id for s in outbox.list_shoots()):
        outbox.add_shoot(photographer=shoot.photographer, date=shoot.date, place=shoot.place,
                         event=shoot.event, notes=shoot.notes, shoot_id=shoot.id)
