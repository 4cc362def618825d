"""The consent registry window driven through its forms: add a person, a guardian and a consent,
withdraw it (earlier exports listed), erase a person, import a photographer's consent sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from prepub.gui.dialogs import registry_forms
from prepub.gui.dialogs.registry_window import open_registry_window


def fill_and_accept(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], None]) -> None:
    """Make ``cls.exec`` fill the real form widgets and press OK (instead of a modal loop)."""
    def exec_(self: Any) -> int:
        fill(self)
        assert self.buttons.button(self.buttons.StandardButton.Ok).isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(cls, "exec", exec_)


def wait_idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(lambda: win.busy == 0, timeout=20_000)


def test_add_person_guardian_consent_and_withdraw(make_window: Any, qtbot: Any,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    w = make_window()
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    assert win.people.count() == 0

    def person(d: Any) -> None:
        d.name.setText("Lisa Ek")
        d.minor.setChecked(True)
    fill_and_accept(monkeypatch, registry_forms.PersonDialog, person)
    win.add_person()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.person is not None and win.people.count() == 1, timeout=10_000)
    assert win.people.item(0).text().startswith("Lisa Ek")
    assert "No consent" in win.people.item(0).text()

    fill_and_accept(monkeypatch, registry_forms.GuardianDialog, lambda d: d.name.setText("Karin Ek"))
    win.add_guardian()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: len(win.guardians) == 1, timeout=10_000)

    form = tmp_path / "blankett.pdf"
    form.write_bytes(b"%PDF-1.4 signed form")

    def consent(d: Any) -> None:
        assert [s for s, b in d.signers if b.isChecked()] == [win.guardians[0].id]
        d.evidence.setText(str(form))
    fill_and_accept(monkeypatch, registry_forms.ConsentDialog, consent)
    win.add_consent()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.table.rowCount() == 1, timeout=10_000)
    assert win.table.item(0, 0).text() == "Consent valid"
    assert "Karin Ek" in win.table.item(0, 4).text()
    assert win.table.item(0, 5).text() == "blankett.pdf"
    # the main window's people list follows
    qtbot.waitUntil(lambda: [p.name for p in w.session.people] == ["Lisa Ek"], timeout=10_000)

    # an export used this consent earlier: withdrawing lists it
    reg = w.session.registry
    cid = win.consents[0].consent.id
    reg.record_export(bundle_path=str(tmp_path / "bundle-1"), draft_id="d1", files={},
                      consent_ids=[cid])
    win.table.selectRow(0)
    assert win.withdraw_button.isEnabled()
    win.withdraw_selected(reason="Vårdnadshavaren ringde")
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: bool(win.table.rowCount() and win.table.item(0, 0).text() == "Consent withdrawn"),
                    timeout=10_000)
    assert len(win.last_withdrawal_exports) == 1
    assert "bundle-1" in win.status.text()
    assert reg.get_consent(cid).withdrawn


def test_delete_person_erases_after_confirmation(make_window: Any, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window()
    reg = w.session.registry
    p = reg.add_person(name="Olle Ström", relation="member")
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    win.select_person(p.id)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.person is not None, timeout=10_000)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    win.delete_person()
    assert reg.list_people()  # cancelled: nothing happened
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.delete_person()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.people.count() == 0, timeout=10_000)
    assert reg.list_people() == []
    assert reg.get_person(p.id).erased and reg.get_person(p.id).name != "Olle Ström"


def test_import_consent_sheet_twice_is_idempotent(make_window: Any, qtbot: Any,
                                                  tmp_path: Path) -> None:
    from prepub.core.consent.sheet import export_sheet
    from prepub.core.consent.store import open_registry

    other = open_registry(f"sqlite:///{tmp_path / 'photographer.sqlite3'}",
                          evidence_dir=tmp_path / "ev")
    shoot = other.add_shoot(photographer="Mia Foto", date=date(2024, 5, 17), place="Malmö",
                            event="Vårfest")
    anna = other.add_person(name="Anna Berg", relation="public")
    other.add_consent(person_id=anna.id, channels=["facebook"], purpose="sociala medier",
                      given_on=date(2024, 5, 17), signed_by=["self"], logged_by="Mia Foto",
                      verbal_note="muntligt på plats", shoot_id=shoot.id)
    sheet = export_sheet(other, shoot_id=shoot.id, out_path=tmp_path)
    other.close()

    w = make_window()
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    win.import_sheet(str(sheet))
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.people.count() == 1, timeout=10_000)
    first = win.last_import
    assert first.added >= 2 and not first.conflicts
    assert "added" in win.status.text()
    win.import_sheet(str(sheet))
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.last_import is not first, timeout=10_000)
    assert win.last_import.added == 0 and win.last_import.unchanged >= 2
    assert win.people.count() == 1
