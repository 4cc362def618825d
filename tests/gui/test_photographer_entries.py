"""Photographer mode end to end (issue 15): two people logged at a shoot, the sheet imported
into an empty registry says "2 people … added" (not "6 added": the shoot, the guardian and the
consents are not people) and the registry window lists them instead of "the registry is
empty"; an entry logged at the shoot can be edited and removed (the registry's erase, after a
confirmation) right there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from guikit import wait_idle, wait_until
from prepub.gui.dialogs import registry_forms
from prepub.gui.dialogs.photographer_window import open_photographer_window
from prepub.gui.dialogs.registry_window import open_registry_window


def _log(win: Any, qtbot: Any, name: str, *, guardian: str = "") -> None:
    win.name.setText(name)
    if guardian:
        win.child.setChecked(True)
        win.guardian1.setText(guardian)
    win.verbal.setText("ja, muntligt på plats")
    n = win.logged.count()
    qtbot.mouseClick(win.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.logged.count() == n + 1)


def _shoot(w: Any, qtbot: Any) -> Any:
    win = open_photographer_window(w)
    wait_idle(qtbot, win)
    win.photographer.setText("Mia Foto")
    win.event.setText("Vårfest")
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.pages.currentIndex() == 1)
    return win


def test_imported_sheet_counts_people_and_fills_the_registry_window(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    from prepub.core.consent.store import open_registry

    w = make_window()
    win = _shoot(w, qtbot)
    _log(win, qtbot, "Nils Ek", guardian="Karin Ek")
    _log(win, qtbot, "Anna Berg")
    win.export_sheet(str(tmp_path / "sheet.prepub-consent.zip"))
    wait_idle(qtbot, win)
    assert win.last_sheet is not None
    win.close()

    # the communicator's registry: empty
    theirs = open_registry(f"sqlite:///{tmp_path / 'communicator.sqlite3'}",
                           evidence_dir=tmp_path / "evidence")
    old = w.session.registry
    w.session.set_registry(theirs)
    old.close()
    reg = open_registry_window(w)
    wait_idle(qtbot, reg)
    assert reg.people.count() == 0 and "empty" in reg.title.text()
    reg.import_sheet(str(win.last_sheet))
    wait_idle(qtbot, reg)
    wait_until(qtbot, lambda: reg.people.count() == 2)
    status = reg.status.text()
    assert "2 people" in status and "2 consents" in status and "1 guardian" in status, status
    assert "6" not in status, status
    assert "empty" not in reg.title.text(), reg.title.text()
    wait_until(qtbot, lambda: sorted(p.name for p in w.session.people) == ["Anna Berg", "Nils Ek"])


def test_an_entry_logged_at_the_shoot_can_be_edited_and_removed(
        make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window()
    reg = w.session.registry
    win = _shoot(w, qtbot)
    _log(win, qtbot, "Nisl Ek")  # a typo
    _log(win, qtbot, "Anna Berg")
    win.logged.setCurrentRow(-1)
    assert not win.edit_button.isEnabled() and not win.remove_button.isEnabled()
    win.logged.setCurrentRow(0)
    assert win.edit_button.isEnabled() and win.remove_button.isEnabled()

    def fix_name(self: Any) -> int:
        assert self.name.text() == "Nisl Ek"
        self.name.setText("Nils Ek")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(registry_forms.PersonDialog, "exec", fix_name)
    qtbot.mouseClick(win.edit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.logged.item(0).text().startswith("Nils Ek"))
    assert sorted(p.name for p in reg.list_people()) == ["Anna Berg", "Nils Ek"]

    asked: list[str] = []

    def answer(button: Any) -> Any:
        def warning(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            asked.append(text)
            return button
        return warning

    win.logged.setCurrentRow(1)
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(win.remove_button, Qt.MouseButton.LeftButton)
    assert asked and "Anna Berg" in asked[-1]
    assert win.logged.count() == 2 and len(reg.list_people()) == 2  # cancelled
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(win.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.logged.count() == 1)
    assert [p.name for p in reg.list_people()] == ["Nils Ek"]
    wait_until(qtbot, lambda: [p.name for p in w.session.people] == ["Nils Ek"])
