"""The consent registry window driven through its forms: add a person, a guardian and a consent,
withdraw it (earlier exports listed; through the real button and reason dialog, after which a
photo of that person blocks again), erase a person, import a photographer's consent sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox

from guikit import (FakeAnalyzer, ModalAnswer, face, make_jpeg, settle, wait_analysed, wait_idle,
                    wait_until)
from prepub.core import clock
from prepub.gui.dialogs import registry_forms
from prepub.gui.dialogs.registry_window import open_registry_window


def fill_and_accept(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], None]) -> None:
    """Make ``cls.exec`` fill the real form widgets and press OK (instead of a modal loop)."""
    def exec_(self: Any) -> int:
        fill(self)
        assert self.buttons.button(self.buttons.StandardButton.Ok).isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(cls, "exec", exec_)


def test_add_person_guardian_consent_and_withdraw(make_window: Any, qtbot: Any,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    w = make_window()
    assert w.session.registry is not None, w.session.registry_error
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    assert win.people.count() == 0

    def person(d: Any) -> None:
        d.name.setText("Lisa Ek")
        d.minor.setChecked(True)
    fill_and_accept(monkeypatch, registry_forms.PersonDialog, person)
    win.add_person()
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.person is not None and win.people.count() == 1)
    assert win.people.item(0).text().startswith("Lisa Ek")
    assert "No consent" in win.people.item(0).text()

    fill_and_accept(monkeypatch, registry_forms.GuardianDialog, lambda d: d.name.setText("Karin Ek"))
    win.add_guardian()
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: len(win.guardians) == 1)

    form = tmp_path / "blankett.pdf"
    form.write_bytes(b"%PDF-1.4 signed form")

    def consent(d: Any) -> None:
        assert [s for s, b in d.signers if b.isChecked()] == [win.guardians[0].id]
        d.evidence.setText(str(form))
    fill_and_accept(monkeypatch, registry_forms.ConsentDialog, consent)
    win.add_consent()
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.table.rowCount() == 1)
    assert win.table.item(0, 0).text() == "Consent valid"
    assert "Karin Ek" in win.table.item(0, 4).text()
    assert win.table.item(0, 5).text() == "blankett.pdf"
    # the main window's people list follows
    wait_until(qtbot, lambda: [p.name for p in w.session.people] == ["Lisa Ek"])

    # an export used this consent earlier: withdrawing lists it
    reg = w.session.registry
    cid = win.consents[0].consent.id
    reg.record_export(bundle_path=str(tmp_path / "bundle-1"), draft_id="d1", files={},
                      consent_ids=[cid])
    win.table.selectRow(0)
    assert win.withdraw_button.isEnabled()
    win.withdraw_selected(reason="Vårdnadshavaren ringde")
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.table.rowCount()
               and win.table.item(0, 0).text() == "Consent withdrawn")
    assert len(win.last_withdrawal_exports) == 1
    assert "bundle-1" in win.status.text()
    assert reg.get_consent(cid).withdrawn


def test_withdraw_button_asks_a_reason_and_the_photo_blocks_again(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    """Issue 11: the button's clicked(bool) flag arrived as the withdrawal reason ("'bool' object
    has no attribute 'strip'"). Clicked for real: button → reason dialog → OK → withdrawn, and
    the main window's photo of that person blocks again."""
    img = make_jpeg(tmp_path / "portrait.jpg", size=(900, 900))
    analyzer.faces_by_name["portrait.jpg"] = [face(0, (250, 200, 650, 700))]
    with clock.frozen("2025-03-10T09:00:00+00:00"):
        w = make_window(registry_url=f"sqlite:///{tmp_path / 'registry.sqlite3'}",
                        today=clock.today)
        s = w.session
        assert s.registry is not None, s.registry_error
        reg = s.registry
        anna = reg.add_person(name="Anna Berg", relation="member")
        consent = reg.add_consent(person_id=anna.id, channels=["facebook", "instagram"],
                                  purpose="social media", given_on=date(2025, 1, 15),
                                  signed_by=["self"], logged_by="test",
                                  verbal_note="said yes at the spring fair")
        s.refresh_people()
        wait_until(qtbot, lambda: [p.name for p in s.people] == ["Anna Berg"])
        s.set_channels(["facebook", "instagram"])
        s.add_images([str(img)])
        wait_analysed(qtbot, w, 1)
        path = str(img.resolve())
        s.decide_face(path, 0, "person", person_id=anna.id)
        settle(qtbot, w)
        assert s.face_states(path) == {0: "ok"}
        assert not [f.rule for f in s.findings_for(path) if f.face == 0 and f.blocks]

        win = open_registry_window(w)
        wait_idle(qtbot, win)
        item = next(win.people.item(i) for i in range(win.people.count())
                    if win.people.item(i).text().startswith("Anna Berg"))
        qtbot.mouseClick(win.people.viewport(), Qt.MouseButton.LeftButton,
                         pos=win.people.visualItemRect(item).center())
        wait_until(qtbot, lambda: win.person is not None and win.person.id == anna.id
                   and win.table.rowCount() == 1)
        assert not win.withdraw_button.isEnabled()  # no consent selected yet
        qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=win.table.visualItemRect(win.table.item(0, 1)).center())
        assert win.withdraw_button.isEnabled()

        def give_reason(dlg: Any) -> None:
            assert any("Anna Berg: Facebook, Instagram" in label.text()  # labels, not ids
                       for label in dlg.findChildren(QLabel))
            qtbot.keyClicks(dlg.reason, "Called the office on 10 March")
            qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                             Qt.MouseButton.LeftButton)

        with ModalAnswer(registry_forms.WithdrawDialog, give_reason):
            qtbot.mouseClick(win.withdraw_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, win)
        wait_until(qtbot, lambda: win.table.rowCount() == 1
                   and win.table.item(0, 0).text() == "Consent withdrawn")
        assert "withdrawn" in win.status.text() and "did not work" not in win.status.text()
        stored = reg.get_consent(consent.id)
        assert stored.withdrawn and stored.withdrawal_reason == "Called the office on 10 March"

        # the main window follows: the photo of Anna blocks again, because of the withdrawal
        def withdrawn_block() -> list[Any]:
            return [f for f in s.findings_for(path)
                    if f.face == 0 and f.blocks and f.rule == "face.consent_missing"]
        wait_until(qtbot, lambda: withdrawn_block() and s.settled)
        assert "withdrawn" in withdrawn_block()[0].params["reasons"]
        assert s.face_states(path) == {0: "problem"}
        assert w.strip_model.state(path) == "blocked"
        assert any(f.rule == "face.consent_missing" for f in s.blockers())
        assert not w.export_button.isEnabled()


def test_delete_person_erases_after_confirmation(make_window: Any, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window()
    assert w.session.registry is not None, w.session.registry_error
    reg = w.session.registry
    p = reg.add_person(name="Olle Ström", relation="member")
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    win.select_person(p.id)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.person is not None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    win.delete_person()
    assert reg.list_people()  # cancelled: nothing happened
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.delete_person()
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.people.count() == 0)
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
    assert w.session.registry is not None, w.session.registry_error
    win = open_registry_window(w)
    wait_idle(qtbot, win)
    win.import_sheet(str(sheet))
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.people.count() == 1)
    first = win.last_import
    assert first.added >= 2 and not first.conflicts
    assert "added" in win.status.text()
    win.import_sheet(str(sheet))
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.last_import is not first)
    assert win.last_import.added == 0 and win.last_import.unchanged >= 2
    assert win.people.count() == 1
