""""All adults" for a group photo in one step that still shows each flagged face, and "I have
checked: an adult" remembered in the registry for a consenting person (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from guikit import FakeAnalyzer, ModalAnswer, face, make_jpeg, settle, wait_analysed, wait_until


def _group(tmp_path: Path, analyzer: FakeAnalyzer, name: str = "party.jpg") -> Path:
    img = make_jpeg(tmp_path / name, size=(1600, 1000), artist="Erik Lund")
    analyzer.faces_by_name[name] = [
        face(0, (100, 100, 250, 280), age=24, minor=True),
        face(1, (400, 100, 550, 280), age=40),
        face(2, (700, 100, 850, 280), age=27, minor=True),
        face(3, (1000, 100, 1150, 280), age=12, minor=True)]
    return img


def test_a_group_photo_is_confirmed_adults_in_one_step_face_by_face(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    from PySide6.QtWidgets import QLabel

    from prepub.gui.dialogs.adults_dialog import AdultsDialog

    img = _group(tmp_path, analyzer)
    w = make_window()
    s = w.session
    s.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    w.strip.select_path(path)
    wait_until(qtbot, lambda: len(w.preview.face_items()) == 4)
    settle(qtbot, w)
    assert [st for _i, st in sorted(s.face_states(path).items())] == [
        "minor", "unknown", "minor", "minor"]
    assert w.preview_pane.bulk.isVisibleTo(w) and w.preview_pane._bulk_adults.isEnabled()

    seen: dict[str, Any] = {}

    def answer(dlg: AdultsDialog) -> None:  # the user looks at each face, unticks the 12-year-old
        seen["labels"] = [b.accessibleName() for b in dlg.boxes]
        seen["pictures"] = [lab.pixmap().size().toTuple() for lab in dlg.findChildren(QLabel)
                            if not lab.pixmap().isNull()]
        assert all(b.isChecked() for b in dlg.boxes)
        dlg.boxes[2].setChecked(False)
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        seen["ok"] = ok.text()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    with ModalAnswer(AdultsDialog, answer):
        w.preview_pane.bulk_requested.emit("adults")
    assert seen["labels"] == ["Face 1 · estimated 24", "Face 3 · estimated 27",
                              "Face 4 · estimated 12"]  # what a screen reader says
    assert seen["ok"] == "Confirm 2 adults"
    assert len(seen["pictures"]) == 3 and all(max(wh) == 112 for wh in seen["pictures"])
    settle(qtbot, w)
    im = s.image(path)
    assert [bool(im.face(i) and im.face(i).confirmed_adult) for i in range(4)] == [
        True, False, True, False]
    assert [st for _i, st in sorted(s.face_states(path).items())] == [
        "unknown", "unknown", "unknown", "minor"]
    msg = w.statusBar().currentMessage()
    assert msg.startswith("2 faces confirmed as adults.") and "1 possible child" in msg
    assert [f.face for f in s.blockers() if f.rule == "face.possible_minor"] == [3]
    assert s.undo_stack.undoText() == "Confirm 2 faces as adults"
    w.actions_.undo.trigger()  # one step takes it all back
    settle(qtbot, w)
    assert sorted(f.face for f in s.blockers() if f.rule == "face.possible_minor") == [0, 2, 3]


def test_the_dialog_shows_each_face_as_a_picture(qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QPixmap
    from PySide6.QtWidgets import QLabel

    from prepub.gui.dialogs.adults_dialog import AdultsDialog

    pic = QPixmap(80, 80)
    pic.fill(QColor("tan"))
    dlg = AdultsDialog([("/a/x.jpg", 0, 22.0, pic), ("/a/y.jpg", 4, None, None)])
    qtbot.addWidget(dlg)
    shown = [lab for lab in dlg.findChildren(QLabel) if lab.pixmap() is not None
             and not lab.pixmap().isNull()]
    assert len(shown) == 1
    assert [b.accessibleName() for b in dlg.boxes] == ["Face 1 · x.jpg · estimated 22",
                                                       "Face 5 · y.jpg"]
    assert [b.text() for b in dlg.boxes] == ["Face 1", "Face 5"]
    for b in dlg.boxes:
        b.setChecked(False)
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.boxes[1].setChecked(True)
    assert dlg.chosen() == [("/a/y.jpg", 4)]


def test_an_adult_confirmed_on_a_consenting_person_is_remembered_in_the_registry(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "lisa.jpg", size=(1600, 1000), artist="Erik Lund")
    analyzer.faces_by_name["lisa.jpg"] = [face(0, (400, 100, 700, 460), age=19, minor=True)]
    w = make_window()
    s = w.session
    reg = s.registry
    lisa = reg.add_person(name="Lisa Ek", relation="public")
    reg.add_consent(person_id=lisa.id, channels=["facebook", "instagram"], purpose="social media",
                    given_on=date(2026, 11, 1), signed_by=["self"], logged_by="test",
                    verbal_note="ja")
    bo = reg.add_person(name="Bo Berg", relation="public")  # no consent
    s.refresh_people()
    wait_until(qtbot, lambda: len(s.people) == 2)
    s.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    w.strip.select_path(path)
    wait_until(qtbot, lambda: len(w.preview.face_items()) == 1)

    popup = w.open_face_popup(path, 0, QPoint(100, 100))
    popup.choose_person(lisa.id)
    settle(qtbot, w)
    assert [f.rule for f in s.blockers() if f.face == 0] == ["face.guardian_consent_required"]
    popup = w.open_face_popup(path, 0, QPoint(100, 100))
    assert popup.adult.isVisible() and not popup.remember.isVisible()
    popup.adult.setChecked(True)  # "I have checked: this person is an adult" (this post only)
    settle(qtbot, w)
    assert reg.get_person(lisa.id).is_minor is None  # never remembered as a side effect
    assert popup.remember.isVisible()
    assert popup.remember.text() == "Remember it in the consent registry too"
    assert popup.remember.toolTip() == \
        "Also remember in the consent registry that Lisa Ek is an adult"
    popup.remember.setChecked(True)  # the user's explicit word
    wait_until(qtbot, lambda: reg.get_person(lisa.id).is_minor is False)
    wait_until(qtbot, lambda: "Lisa Ek" in w.statusBar().currentMessage())
    assert w.statusBar().currentMessage() == \
        "Remembered in the consent registry as an adult: Lisa Ek"
    settle(qtbot, w)
    assert not [f for f in s.blockers() if f.face == 0]
    entry = reg.audit_entries(limit=1, entity_id=lisa.id)[0]
    assert entry.action == "person.confirmed_adult"

    # the next post: the same face, nobody ticks anything, no child flag on Lisa
    s.decide_face(path, 0, "person", person_id=lisa.id, confirmed_adult=False)
    settle(qtbot, w)
    assert not [f for f in s.blockers() if f.face == 0]

    # without a consent nothing is kept about a person, even when asked: it is said why
    s.decide_face(path, 0, "person", person_id=bo.id, confirmed_adult=True)
    settle(qtbot, w)
    s.remember_adults([bo.id])
    wait_until(qtbot, lambda: w.statusBar().currentMessage().startswith(
        "Not remembered in the consent registry: only a person with a consent"))
    assert reg.get_person(bo.id).is_minor is None


def test_editing_a_person_keeps_a_confirmed_adult_unless_unticked(qtbot: Any) -> None:
    from types import SimpleNamespace

    from prepub.gui.dialogs.registry_forms import PersonDialog

    lisa = SimpleNamespace(name="Lisa Ek", relation="staff", birth_year=None, is_minor=False,
                           protected_identity=False, matching_consent=False)
    dlg = PersonDialog(person=lisa)
    qtbot.addWidget(dlg)
    assert dlg.adult.isChecked() and not dlg.adult.isHidden()
    dlg.name.setText("Lisa Eklund")  # a typo fixed: the confirmation stays
    assert dlg.values()["is_minor"] is False
    dlg.adult.setChecked(False)  # an admin clears it
    assert dlg.values()["is_minor"] is None
    dlg.minor.setChecked(True)
    assert dlg.values()["is_minor"] is True
    new = PersonDialog()
    qtbot.addWidget(new)
    assert new.adult.isHidden() and new.values()["is_minor"] is None
