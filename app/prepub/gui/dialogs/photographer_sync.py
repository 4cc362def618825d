"""Photographer mode with a team registry: where entries go, and sending them when the server is
back.

While the team registry's server cannot be reached, photographer mode writes to the outbox on
this laptop (:attr:`TeamLink.outbox <prepub.gui.team_link.TeamLink.outbox>`); a shoot started
online and continued offline is carried into it, so its people are logged under the same shoot.
A shoot begun in the outbox stays there until it is sent. :class:`SyncBar` shows how many
entries wait, sends them ("Sync now"; also by itself when the server answers again) and shows
what the team registry did not take (conflicts: the team's record is kept; a withdrawal there is
never undone by an older consent from the laptop).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from prepub.gui.style import pill_stylesheet
from prepub.gui.team_link import TeamLink

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
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setAccessibleName(self.tr("Send the entries on this laptop to the team "
                                                   "registry now"))
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
        self.update_view()

    def sync_now(self) -> None:
        self.result.hide()
        self.team.sync_now()
        self.update_view()

    def update_view(self) -> None:
        t = self.team
        n = t.outbox_waiting
        if t.offline:
            text = self.tr("Offline: what you log is kept on this laptop and sent when the team "
                           "registry answers. %n entry(ies) waiting to sync.", "", n)
        elif t.syncing:
            text = self.tr("Sending %n entry(ies) to the team registry…", "", n)
        else:
            text = self.tr("%n entry(ies) waiting to sync.", "", n)
        self.waiting.setText(text)
        self.waiting.setStyleSheet(_pill("attention" if t.offline or n else "ready"))
        self.sync_button.setEnabled(not t.syncing and (t.offline or n > 0))
        self.setVisible(t.is_team and (t.offline or n > 0 or t.syncing or self.result.isVisibleTo(self)))

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
    outbox while a team registry's server is away (and for a shoot begun there)."""

    team: TeamLink | None
    session: Any
    shoot: Any
    _home: str | None = None  # where the current shoot lives

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
        if self.shoot is None and self._registry() is not getattr(self, "_shoots_from", None):
            self._load_shoots()  # type: ignore[attr-defined]  # the shoots where it now writes


def _carry_shoot(outbox: Any, shoot: Any) -> None:
    """The team registry's shoot, with its id, in the outbox (once)."""
    if not any(s.id == shoot.id for s in outbox.list_shoots()):
        outbox.add_shoot(photographer=shoot.photographer, date=shoot.date, place=shoot.place,
                         event=shoot.event, notes=shoot.notes, shoot_id=shoot.id)
