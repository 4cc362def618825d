"""Photographer mode: a shoot, a child with a guardian, an adult with a reference photo only
with matching consent, and the consent sheet exported and imported on the communicator's side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from guikit import wait_idle, wait_until
from prepub.gui.dialogs.photographer_window import open_photographer_window


def test_log_a_shoot_and_export_the_sheet(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    w = make_window()
    assert w.session.registry is not None, w.session.registry_error
    win = open_photographer_window(w)
    wait_idle(qtbot, win)
    win.photographer.setText("Mia Foto")
    win.place.setText("Folkets park")
    win.event.setText("Vårfest")
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.pages.currentIndex() == 1)
    assert "Vårfest" in win.shoot_title.text()
    assert "Mia Foto" in w.settings.photographers

    # a child: the save button waits for a guardian and evidence
    win.name.setText("Nils Ek")
    win.child.setChecked(True)
    assert not win.save_button.isEnabled()
    win.guardian1.setText("Karin Ek")
    win.verbal.setText("Karin sa ja på plats, hört av Mia")
    assert win.save_button.isEnabled()
    win.channels["facebook"].setChecked(False)
    qtbot.mouseClick(win.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.logged.count() == 1)
    assert win.name.text() == "" and "Nils Ek" in win.status.text()

    reg = w.session.registry
    nils = next(p for p in reg.list_people() if p.name == "Nils Ek")
    assert nils.is_minor and not nils.matching_consent
    (g,) = reg.guardians_of(nils.id)
    (c,) = reg.consents_for(nils.id)
    assert g.name == "Karin Ek" and c.signers == frozenset({g.id})
    assert "facebook" not in c.channels and c.shoot_id == win.shoot.id
    assert reg.face_references(nils.id) == []

    out = tmp_path / "sheet.prepub-consent.zip"
    win.export_sheet(str(out))
    wait_idle(qtbot, win)
    assert win.last_sheet is not None and win.last_sheet.exists()
    assert str(win.last_sheet) in win.status.text()
