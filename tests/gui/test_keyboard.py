"""The keyboard does what the app says it does (issue 15): F1 lists the shortcuts that really
exist, Ctrl+. applies a text suggestion, Enter picks the first match in a face's search box and
saves a person in photographer mode, Esc and Ctrl+W close the consent registry, and the whole
flow — drop, decide, fill in, export — works from the keyboard alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget

from guikit import FakeAnalyzer, face, make_jpeg, settle, wait_analysed, wait_idle, wait_until

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _active(qtbot: Any, w: Any) -> None:
    w.activateWindow()
    wait_until(qtbot, w.isActiveWindow)


def _key(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
         ) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def _type(qtbot: Any, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def test_f1_lists_the_shortcuts_that_exist(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    _active(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dlg = w.findChild(QDialog, "shortcutsDialog")
    assert dlg is not None and dlg.isVisible()
    table = dlg.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["New post"] == "Ctrl+N"  # not "Ctrl+N, New" (a media key no keyboard has)
    assert rows["Open post"] == "Ctrl+O" and rows["Zoom in"] == "Ctrl++"
    assert rows["Undo"].startswith("Ctrl+Z") and "Ctrl+Shift+Z" in rows["Redo"]
    assert rows["Apply the text suggestion"] == "Ctrl+."
    assert rows["Close the consent registry"] == "Esc, Ctrl+W"
    bound = {s.toString(QKeySequence.SequenceFormat.NativeText)
             for a in w.actions() for s in a.shortcuts()}
    actions = {a.property("baseText").replace("&", "").rstrip("…") for a in w.actions()
               if a.property("baseText")}
    for name, keys in rows.items():
        if name in actions:  # every key listed for an action is one that triggers it
            assert set(keys.split(", ")) <= bound, (name, keys)
    media = {"New", "Open", "Save", "Close", "Quit", "Zoom In", "Zoom Out", "Undo", "Redo"}
    assert not [k for keys in rows.values() for k in keys.split(", ") if k in media]
    dlg.close()


def _text_checks(w: Any) -> None:
    if w.session.features.get("text") is not None:
        pytest.skip(f"text checks not installed: {w.session.features['text']}")


def test_ctrl_period_applies_the_suggestion(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    _text_checks(w)
    s, ed = w.session, w.editor.edit
    _active(qtbot, w)
    ed.setFocus()
    qtbot.keyClicks(ed, "Vi ses t.ex. i parken.")
    settle(qtbot, w)
    assert any(f.rule == "text.abbreviation" for f in s.text_findings())
    # the cursor is at the end: Ctrl+. goes to the suggestion, a second Ctrl+. applies it
    _key(qtbot, Qt.Key.Key_Period, CTRL)
    assert ed.textCursor().selectedText() == "t.ex."
    _key(qtbot, Qt.Key.Key_Period, CTRL)
    assert "t.ex." not in s.draft.text and s.draft.text.startswith("Vi ses ")
    _key(qtbot, Qt.Key.Key_Z, CTRL)
    assert s.draft.text == "Vi ses t.ex. i parken."


def _registry_with_anna(w: Any, qtbot: Any) -> Any:
    s = w.session
    reg = s.registry
    assert reg is not None, s.registry_error
    anna = reg.add_person(name="Anna Berg", relation="member")
    reg.add_consent(person_id=anna.id, channels=list(s.policy.channels), purpose="sociala medier",
                    given_on=date(2024, 1, 15), signed_by=["self"], logged_by="test",
                    verbal_note="ja på plats")
    reg.add_person(name="Bo Anders", relation="member")
    s.refresh_people()
    wait_until(qtbot, lambda: len(s.people) == 2)
    return anna


def test_enter_in_the_face_search_picks_the_first_match(make_window: Any, qtbot: Any,
                                                        tmp_path: Path,
                                                        analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "a.jpg")
    analyzer.faces_by_name["a.jpg"] = [face(0, (100, 100, 300, 340))]
    w = make_window()
    anna = _registry_with_anna(w, qtbot)
    w.session.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    popup = w.open_face_popup(path, 0, w.mapToGlobal(w.rect().center()))
    assert popup.search.hasFocus()
    qtbot.keyClicks(popup.search, "anna")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    dec = w.session.image(path).face(0)
    assert dec is not None and (dec.decision, dec.person_id) == ("person", anna.id)
    assert not popup.isVisible()


def test_enter_saves_in_photographer_mode(make_window: Any, qtbot: Any) -> None:
    from prepub.gui.dialogs.photographer_window import open_photographer_window

    w = make_window()
    win = open_photographer_window(w)
    wait_idle(qtbot, win)
    win.photographer.setFocus()
    win.photographer.selectAll()
    qtbot.keyClicks(win.photographer, "Mia Foto")
    qtbot.keyClick(win.photographer, Qt.Key.Key_Return)  # starts the shoot
    wait_idle(qtbot, win)
    assert win.pages.currentIndex() == 1, win.status.text()
    qtbot.keyClicks(win.name, "Nils Ek")
    win.verbal.setFocus()
    qtbot.keyClicks(win.verbal, "said yes")
    qtbot.keyClick(win.verbal, Qt.Key.Key_Return)
    wait_idle(qtbot, win)
    wait_until(qtbot, lambda: win.logged.count() == 1)
    assert win.name.text() == "" and "Nils Ek" in win.status.text()
    assert [p.name for p in w.session.registry.list_people()] == ["Nils Ek"]
    qtbot.keyClick(win.name, Qt.Key.Key_Return)  # an empty form is not saved
    assert win.busy == 0 and win.logged.count() == 1
    win.close()


def test_esc_and_ctrl_w_close_the_registry(make_window: Any, qtbot: Any) -> None:
    from prepub.gui.dialogs.registry_window import open_registry_window

    w = make_window()
    reg = open_registry_window(w)
    wait_idle(qtbot, reg)
    _active(qtbot, reg)
    reg.people.setFocus()
    qtbot.keyClick(reg.people, Qt.Key.Key_Escape)
    assert not reg.isVisible()
    reg = open_registry_window(w)
    wait_idle(qtbot, reg)
    _active(qtbot, reg)
    reg.search.setFocus()
    qtbot.keyClick(reg.search, Qt.Key.Key_W, CTRL)
    assert not reg.isVisible()


def test_drop_decide_fill_and_export_with_the_keyboard(make_window: Any, qtbot: Any,
                                                       tmp_path: Path,
                                                       analyzer: FakeAnalyzer) -> None:
    """After the drop (a file manager's), only keys: F8 goes to each problem in turn, the face
    popup and the inspector's fields are answered by typing, Ctrl+E exports, Enter confirms."""
    img = make_jpeg(tmp_path / "park.jpg", size=(1000, 800))
    crowd = make_jpeg(tmp_path / "crowd.jpg", size=(1600, 1000), artist="Mia Foto")
    analyzer.faces_by_name["park.jpg"] = [face(0, (100, 100, 300, 340))]
    analyzer.faces_by_name["crowd.jpg"] = [face(0, (100, 100, 250, 280)),
                                           face(1, (400, 100, 550, 280))]
    w = make_window()
    s = w.session
    _registry_with_anna(w, qtbot)
    _active(qtbot, w)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(img)), QUrl.fromLocalFile(str(crowd))])
    w.dropEvent(QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    wait_analysed(qtbot, w, 2)
    settle(qtbot, w)

    # the crowd photo: select it with the arrows, every unknown face blurred at once
    w.strip.setFocus()
    _key(qtbot, Qt.Key.Key_Down)
    assert w.preview.path == str(crowd.resolve())
    answered: list[str] = []

    def confirm_with_enter() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "bulkFacesConfirm":
            answered.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, confirm_with_enter)
    _key(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    assert answered == ["Blur 2 unknown faces on export?"]
    assert s.face_states(str(crowd.resolve())) == {0: "blurred", 1: "blurred"}
    _active(qtbot, w)  # the window manager's part when a message box closes

    values = {"photographer": "Mia Foto", "what": "Spring party", "alt_text": "People in a park"}
    visited: list[str] = []
    for _step in range(20):
        settle(qtbot, w)
        if w.export_state()[0] and not s.blockers():
            break
        _key(qtbot, Qt.Key.Key_F8)
        wait_until(qtbot, lambda: not w.nav.opening_face and QApplication.focusWidget())
        focus = QApplication.focusWidget()
        if w.face_popup is not None and w.face_popup.isVisible():
            visited.append("face")
            _type(qtbot, "anna")
            _key(qtbot, Qt.Key.Key_Return)
            continue
        ins = w.inspector
        field = next((n for n, wd in (("photographer", ins.photographer), ("what", ins.what),
                                      ("alt_text", ins.alt_text)) if wd is focus), None)
        visited.append(field or ("text" if focus is w.editor.edit else "?"))
        if field == "what":
            _type(qtbot, values["what"])
            _key(qtbot, Qt.Key.Key_Tab)  # on to "where"
            _type(qtbot, "Folkets park")
        elif field is not None:
            _key(qtbot, Qt.Key.Key_A, CTRL)  # typing replaces what is there
            _type(qtbot, values[field])
        elif focus is w.editor.edit:
            _key(qtbot, Qt.Key.Key_A, CTRL)
            _type(qtbot, "Vi hade fest i parken med Anna Berg! Foto: Mia Foto")
        else:
            raise AssertionError(f"F8 left the focus on {focus!r}")
    settle(qtbot, w)
    assert not s.blockers(), [f.rule for f in s.blockers()]
    assert w.export_button.isEnabled()
    assert {"face", "photographer", "what"} <= set(visited), visited
    park = s.image(str(img.resolve()))
    assert park.face(0).decision == "person"
    assert (park.photographer, park.context.what, park.context.where) == (
        "Mia Foto", "Spring party", "Folkets park")

    out = tmp_path / "out"
    out.mkdir()
    _key(qtbot, Qt.Key.Key_E, CTRL)
    dlg = w.export_dialog
    wait_until(qtbot, dlg.isVisible)
    _active(qtbot, dlg)
    dlg.folder.setFocus()
    _key(qtbot, Qt.Key.Key_A, CTRL)
    _type(qtbot, str(out))
    _key(qtbot, Qt.Key.Key_Return)  # the dialog's default button: Export
    wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
    assert dlg.result_bundle is not None, dlg.error_text
    assert any(n.startswith("images/") for n in dlg.written_files())
    _key(qtbot, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
