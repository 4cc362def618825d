"""Photographer mode with a team registry, away from the server and back (issue 16), on a real
throwaway PostgreSQL server with :class:`netswitch.NetSwitch` in the cable.

Once the outbox was sent, the shoot lives in the team registry again: what is logged next goes
there directly, and Edit… and Remove… change the team's records (or say plainly why they
cannot), never only the laptop's copy. An entry not sent yet is erased on the laptop and never
sent. A shoot begun offline is sent even with nobody logged in it, and "Sync now" while offline
does not send photographer mode to the read-only copy while it tries the server again."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from guikit import wait_idle, wait_until  # noqa: E402
from netswitch import NetSwitch, switch  # noqa: E402, F401 - fixture
from netswitch import role_url as _url  # noqa: E402
from pg import Team, memory_keyring, pg_cluster, team  # noqa: E402, F401 - fixtures
from prepub.gui.dialogs import registry_forms  # noqa: E402
from prepub.gui.dialogs.photographer_window import (  # noqa: E402
    PersonRole, open_photographer_window,
)






def _offline_shoot(make_window: Any, qtbot: Any, team: Team, switch: NetSwitch,
                   role: str) -> tuple[Any, Any]:
    """At the shoot, no network: photographer mode open, a shoot begun (in the outbox)."""
    switch.off()
    w = make_window(registry_url=_url(switch, team, role))
    wait_until(qtbot, lambda: w.team.offline)
    win = open_photographer_window(w)
    wait_until(qtbot, lambda: w.team.outbox is not None and win.busy == 0)
    win.photographer.setText("Pia Foto")
    win.event.setText("Marknad")
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: win.pages.currentIndex() == 1 and win.busy == 0)
    return w, win


def _log(win: Any, qtbot: Any, name: str) -> None:
    n = win.logged.count()
    win.name.setText(name)
    win.verbal.setText(f"{name} sa ja, hört av Pia")
    qtbot.mouseClick(win.save_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: win.logged.count() == n + 1 and win.busy == 0)


def _reconnect(w: Any, win: Any, qtbot: Any, switch: NetSwitch) -> None:
    """The server answers again: the outbox is sent by itself."""
    switch.on()
    wait_until(qtbot, lambda: w.team.state == "team" and w.team.outbox_waiting == 0
               and not w.team.syncing and win.sync_bar.result.isVisible())
    wait_idle(qtbot, win)


def _select(win: Any, name: str) -> str:
    for i in range(win.logged.count()):
        if win.logged.item(i).text().startswith(name):
            win.logged.setCurrentRow(i)
            return str(win.logged.item(i).data(PersonRole))
    raise AssertionError(f"{name} is not in the list: "
                         f"{[win.logged.item(i).text() for i in range(win.logged.count())]}")


def _remove(win: Any, qtbot: Any, name: str, monkeypatch: pytest.MonkeyPatch) -> str:
    pid = _select(win, name)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    win.status.clear()
    qtbot.mouseClick(win.remove_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: win.busy == 0 and win.status.text())
    wait_idle(qtbot, win)
    return pid


def _tick_child(monkeypatch: pytest.MonkeyPatch) -> None:
    def tick(self: Any) -> int:
        self.minor.setChecked(True)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(registry_forms.PersonDialog, "exec", tick)


def _edit(win: Any, qtbot: Any, name: str) -> str:
    pid = _select(win, name)
    win.status.clear()
    qtbot.mouseClick(win.edit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    return pid


def _named(reg: Any, name: str) -> list[Any]:
    return [p for p in reg.list_people(include_erased=True) if p.name == name]


def test_after_the_push_erase_and_edit_reach_the_team_registry(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's failing case: Bob logged offline, sent on reconnect, then asks to be
    removed. An admin at the shoot erases him in the team registry, not only on the laptop."""
    w, win = _offline_shoot(make_window, qtbot, team, switch, "admin")
    _log(win, qtbot, "Bob Ek")
    _log(win, qtbot, "Kim Ek")
    admin = team.open("admin")
    try:
        _reconnect(w, win, qtbot, switch)
        (bob,) = _named(admin, "Bob Ek")

        # the shoot lives in the team registry again: the next person goes there directly
        _log(win, qtbot, "Eva Ek")
        assert _named(admin, "Eva Ek"), "logged after the push, but kept on the laptop"
        assert w.team.outbox_waiting == 0

        # Kim is a child after all: the team registry's record changes
        _tick_child(monkeypatch)
        kim = _edit(win, qtbot, "Kim Ek")
        assert admin.get_person(kim).is_minor is True
        assert w.team.outbox.get_person(kim).is_minor is True  # a later push reports no conflict

        # Bob asks to be removed
        assert _remove(win, qtbot, "Bob Ek", monkeypatch) == bob.id
        assert "Bob Ek was erased from the registry." in win.status.text()
        assert admin.get_person(bob.id).erased  # no communicator can publish him any more
        assert w.team.outbox.get_person(bob.id).erased  # nor does the laptop keep his data
        assert not [c for c in admin.consents_for(bob.id) if not c.withdrawn]
        wait_until(qtbot, lambda: [win.logged.item(i).text().split(" — ")[0]
                                   for i in range(win.logged.count())] == ["Kim Ek", "Eva Ek"])
    finally:
        admin.close()


def test_a_photographer_cannot_erase_a_sent_entry_and_is_told_so(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The photographer role may not change or erase people in the team registry: after the
    push, Remove… and Edit… say so and change nothing (not the laptop's copy either)."""
    w, win = _offline_shoot(make_window, qtbot, team, switch, "photographer")
    _log(win, qtbot, "Bob Ek")
    admin = team.open("admin")
    try:
        _reconnect(w, win, qtbot, switch)
        (bob,) = _named(admin, "Bob Ek")
        _remove(win, qtbot, "Bob Ek", monkeypatch)
        said = win.status.text()
        assert "was erased" not in said and "ask an admin" in said.lower(), said
        assert not admin.get_person(bob.id).erased
        assert not w.team.outbox.get_person(bob.id).erased

        _tick_child(monkeypatch)
        _edit(win, qtbot, "Bob Ek")
        said = win.status.text()
        assert "ask an admin" in said.lower(), said
        assert admin.get_person(bob.id).is_minor is None
        assert w.team.outbox.get_person(bob.id).is_minor is None
    finally:
        admin.close()


def test_offline_a_sent_entry_waits_for_the_server_and_an_unsent_one_is_erased_here(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch,
        monkeypatch: pytest.MonkeyPatch) -> None:
    w, win = _offline_shoot(make_window, qtbot, team, switch, "admin")
    _log(win, qtbot, "Bob Ek")
    admin = team.open("admin")
    try:
        _reconnect(w, win, qtbot, switch)
        (bob,) = _named(admin, "Bob Ek")
        switch.off()  # away again
        wait_until(qtbot, lambda: w.team.offline)
        wait_idle(qtbot, win)
        _log(win, qtbot, "Eva Ek")
        wait_until(qtbot, lambda: w.team.outbox_waiting == 1)

        # Bob is in the team registry: erasing him needs the server; nothing changes meanwhile
        _remove(win, qtbot, "Bob Ek", monkeypatch)
        said = win.status.text()
        assert "was erased" not in said and "needs" in said, said
        assert not w.team.outbox.get_person(bob.id).erased
        _tick_child(monkeypatch)
        _edit(win, qtbot, "Bob Ek")
        assert "needs" in win.status.text(), win.status.text()
        assert w.team.outbox.get_person(bob.id).is_minor is None

        # Eva was never sent: erased on the laptop, and she is no longer waiting
        eva = _remove(win, qtbot, "Eva Ek", monkeypatch)
        said = win.status.text()
        assert "Eva Ek" in said and "not been sent" in said, said
        assert w.team.outbox.get_person(eva).erased
        wait_until(qtbot, lambda: w.team.outbox_waiting == 0)

        switch.on()
        wait_until(qtbot, lambda: w.team.state == "team" and not w.team.syncing)
        wait_idle(qtbot, win)
        assert not _named(admin, "Eva Ek")
        assert not admin.get_person(bob.id).erased
    finally:
        admin.close()


def test_a_shoot_begun_offline_is_sent_with_nobody_logged(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch) -> None:
    """Only a new shoot waits (no consent): it is still sent, and the shoot's home is the team
    registry again."""
    w, win = _offline_shoot(make_window, qtbot, team, switch, "photographer")
    sid = win.shoot.id
    admin = team.open("admin")
    try:
        switch.on()
        wait_until(qtbot, lambda: any(s.id == sid for s in admin.list_shoots()), guard_ms=30_000)
        wait_until(qtbot, lambda: not w.team.syncing)
        wait_idle(qtbot, win)
        _log(win, qtbot, "Ola Berg")
        (ola,) = _named(admin, "Ola Berg")  # straight to the team registry
        assert [c.shoot_id for c in admin.consents_for(ola.id)] == [sid]
    finally:
        admin.close()


def test_sync_now_while_offline_keeps_writing_to_the_outbox(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch) -> None:
    """"Sync now" offline tries the server again; while it does, a shoot started goes to the
    outbox (not to a missing or read-only registry)."""
    switch.off()
    w = make_window(registry_url=_url(switch, team, "photographer"))
    wait_until(qtbot, lambda: w.team.offline)
    win = open_photographer_window(w)
    wait_until(qtbot, lambda: w.team.outbox is not None and win.busy == 0)
    win.photographer.setText("Pia Foto")
    win.event.setText("Marknad")
    win.sync_bar.sync_now()
    assert w.team.state == "opening"  # trying the server again
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: win.busy == 0)
    assert win.pages.currentIndex() == 1, win.status.text()
    wait_until(qtbot, lambda: w.team.offline)  # still away
    _log(win, qtbot, "Ola Berg")
    wait_until(qtbot, lambda: w.team.outbox_waiting == 1)
    assert [s.id for s in w.team.outbox.list_shoots()] == [win.shoot.id]
