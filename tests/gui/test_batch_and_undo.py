"""Batch editing in the inspector (a field typed with several photos selected applies to all of
them, "several values" where they differ, an alt text prefix), the post's undo history (Edit
menu, Ctrl+Z / Ctrl+Shift+Z, one step per batch) and bulk face decisions (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from guikit import FakeAnalyzer, ModalAnswer, face, make_jpeg, settle, wait_analysed


def _three_photos(w: Any, qtbot: Any, tmp_path: Path) -> list[str]:
    imgs = [make_jpeg(tmp_path / f"{n}.jpg", artist="Erik Lund" if n == "b" else None)
            for n in ("a", "b", "c")]
    w.session.add_images([str(p) for p in imgs])
    wait_analysed(qtbot, w, 3)
    return [str(p.resolve()) for p in imgs]


def _undo_keys(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo_keys(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_fields_typed_with_several_photos_selected_apply_to_all(make_window: Any, qtbot: Any,
                                                                tmp_path: Path) -> None:
    w = make_window()
    s, ins = w.session, w.inspector
    paths = _three_photos(w, qtbot, tmp_path)
    s.set_image_field(paths[0], "alt_text", "Two people on a bench")
    s.set_image_field(paths[2], "alt_text", "A stage")
    w.strip.setFocus()
    w.strip.select_path(paths[0])
    qtbot.keyClick(w.strip, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert w.strip.selected_paths() == paths
    assert ins.paths == paths and ins.title.text() == "3 photos selected"
    assert ins.batch_note.isVisibleTo(ins)
    # the photographer differs (only b's file names one): "several values", nothing shown
    assert ins.photographer.text() == "" and ins.photographer.placeholderText() == "Several values"
    assert ins.alt_text.placeholderText() == "Several values"

    ins.photographer.setFocus()
    qtbot.keyClicks(ins.photographer, "Mia Foto")
    qtbot.keyClick(ins.photographer, Qt.Key.Key_Tab)
    qtbot.keyClicks(ins.what, "Spring party")
    qtbot.keyClicks(ins.where, "Folkets park")
    ins.source.setCurrentIndex(ins.source.findData("stock"))
    assert ins.licence.isEnabled()
    qtbot.keyClicks(ins.licence, "CC BY 4.0")
    ins.alt_prefix.setFocus()
    qtbot.keyClicks(ins.alt_prefix, "Spring party: ")
    for p in paths:
        im = s.image(p)
        assert (im.photographer, im.context.what, im.context.where) == (
            "Mia Foto", "Spring party", "Folkets park")
        assert (im.source.kind, im.source.licence) == ("stock", "CC BY 4.0")
    assert [s.image(p).alt_text for p in paths] == [
        "Spring party: Two people on a bench", "Spring party:", "Spring party: A stage"]
    assert ins.photographer.placeholderText() != "Several values"
    settle(qtbot, w)
    for p in paths:
        assert not {"image.photographer_missing", "image.context_missing"} & {
            f.rule for f in s.findings_for(p)}

    # each field typed for the selection is one undo step
    texts = []
    stack = s.undo_stack
    for _ in range(6):
        texts.append(stack.undoText())
        stack.undo()
    assert texts == ["Change alt text on 3 photos", "Change licence on 3 photos",
                     "Change source on 3 photos", "Change where on 3 photos",
                     "Change what on 3 photos", "Change photographer on 3 photos"]
    assert stack.undoText() == "Change alt text"  # set on one photo before the selection
    assert [s.image(p).photographer for p in paths] == ["", "Erik Lund", ""]
    assert ins.photographer.placeholderText() == "Several values"  # the inspector follows
    stack.redo()
    assert [s.image(p).photographer for p in paths] == ["Mia Foto"] * 3
    assert ins.photographer.text() == "Mia Foto"


def test_undo_redo_every_kind_of_edit(make_window: Any, qtbot: Any, tmp_path: Path,
                                      analyzer: FakeAnalyzer) -> None:
    w = make_window()
    s = w.session
    menus = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert "Edit" in menus
    assert not w.actions_.undo.isEnabled()
    analyzer.faces_by_name["a.jpg"] = [face(0, (100, 100, 300, 340))]
    paths = _three_photos(w, qtbot, tmp_path)
    a, b, c = paths
    assert w.actions_.undo.isEnabled() and w.actions_.undo.text() == "&Undo Add 3 photos"

    # a field typed in the inspector, undone with Ctrl+Z while the cursor is in the field
    w.strip.select_path(a)
    w.inspector.photographer.setFocus()
    qtbot.keyClicks(w.inspector.photographer, "Mia")
    assert s.image(a).photographer == "Mia"
    _undo_keys(qtbot, w.inspector.photographer)
    assert s.image(a).photographer == "" and w.inspector.photographer.text() == ""
    assert s.undo_stack.redoText() == "Change photographer"  # the post's history, not the field's
    _redo_keys(qtbot, w.inspector.photographer)
    assert s.image(a).photographer == "Mia" and w.inspector.photographer.text() == "Mia"
    assert not s.undo_stack.canRedo() and s.undo_stack.undoText() == "Change photographer"

    # a face decision
    s.decide_face(a, 0, "blur")
    assert s.face_states(a) == {0: "blurred"}
    w.actions_.undo.trigger()
    assert s.face_states(a) == {0: "unknown"} and s.image(a).face(0) is None
    w.actions_.redo.trigger()
    assert s.face_states(a) == {0: "blurred"}

    # channels
    before = list(s.draft.channels)
    w.editor.channel_boxes["linkedin"].setChecked(True)
    assert "linkedin" in s.draft.channels
    w.actions_.undo.trigger()
    assert s.draft.channels == before and not w.editor.channel_boxes["linkedin"].isChecked()

    # photos removed with Delete in the strip come back in place with what was filled in
    s.set_image_field(b, "caption", "Foto: Mia")
    w.strip.select_path(b)
    w.strip.setFocus()
    qtbot.keyClick(w.strip, Qt.Key.Key_Delete)
    assert [im.path for im in s.draft.images] == [a, c]
    assert w.strip_model.rowCount() == 2
    assert "1 photo removed" in w.statusBar().currentMessage()
    assert "Ctrl+Z" in w.statusBar().currentMessage()
    _undo_keys(qtbot, w.strip)
    assert [im.path for im in s.draft.images] == [a, b, c]
    assert [w.strip_model.path_at(r) for r in range(3)] == [a, b, c]
    assert s.image(b).caption == "Foto: Mia" and b in s.reports  # not analysed again
    settle(qtbot, w)
    assert w.strip_model.state(b) != "pending"

    # adding photos is one step too
    d = make_jpeg(tmp_path / "d.jpg")
    s.add_images([str(d)])
    wait_analysed(qtbot, w, 4)
    w.actions_.undo.trigger()
    assert len(s.draft.images) == 3 and w.strip_model.rowCount() == 3
    w.actions_.redo.trigger()
    assert len(s.draft.images) == 4 and str(d.resolve()) in s.reports

    # a new post starts a new history
    s._set_dirty(False)
    w.on_new()
    assert not s.undo_stack.canUndo() and not w.actions_.undo.isEnabled()


def test_text_fix_is_one_undo_step_with_ctrl_z(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    s = w.session
    if s.features.get("text") is not None:
        import pytest

        pytest.skip(f"text checks not installed: {s.features['text']}")
    ed = w.editor
    ed.edit.setFocus()
    qtbot.keyClicks(ed.edit, "Vi ses t.ex. i parken.")
    settle(qtbot, w)
    f = next(f for f in s.text_findings() if f.rule == "text.abbreviation")
    cur = ed.edit.textCursor()
    cur.setPosition(f.span[0] + 1)
    ed.edit.setTextCursor(cur)
    ed.edit.apply_fix(f)
    fixed = s.draft.text
    assert "t.ex." not in fixed
    assert s.undo_stack.undoText().startswith("Replace with")
    _undo_keys(qtbot, ed.edit)  # in the editor: the post's history, not only the text's
    assert s.draft.text == "Vi ses t.ex. i parken."
    _redo_keys(qtbot, ed.edit)
    assert s.draft.text == fixed
    # an edit elsewhere, then Ctrl+Z from the text: the last edit of the post is undone
    w.editor.channel_boxes["linkedin"].setChecked(True)
    _undo_keys(qtbot, ed.edit)
    assert "linkedin" not in s.draft.channels and s.draft.text == fixed
    _undo_keys(qtbot, ed.edit)
    assert s.draft.text == "Vi ses t.ex. i parken."


def test_bulk_face_actions_on_a_photo_and_a_selection(make_window: Any, qtbot: Any,
                                                      tmp_path: Path,
                                                      analyzer: FakeAnalyzer) -> None:
    crowd = make_jpeg(tmp_path / "crowd.jpg", size=(1600, 1000))
    stage = make_jpeg(tmp_path / "stage.jpg", size=(1600, 1000))
    analyzer.faces_by_name["crowd.jpg"] = [
        face(0, (100, 100, 250, 280)), face(1, (400, 100, 550, 280)),
        face(2, (700, 100, 850, 280), age=8, minor=True),  # a possible child
        face(3, (1000, 100, 1150, 280)), face(4, (1300, 100, 1310, 110))]  # 4: too small
    analyzer.faces_by_name["stage.jpg"] = [face(0, (100, 100, 250, 280)),
                                           face(1, (400, 100, 550, 280), age=10, minor=True)]
    w = make_window()
    s = w.session
    s.add_images([str(crowd), str(stage)])
    wait_analysed(qtbot, w, 2)
    pc, ps = str(crowd.resolve()), str(stage.resolve())
    s.decide_face(pc, 3, "blur")  # already decided: left alone
    w.strip.select_path(pc)
    assert w.preview_pane.bulk.isVisibleTo(w)

    # this photo, not identifiable: the child is left (it would still block), the count shown
    shown: list[str] = []

    def accept(box: QMessageBox) -> None:
        shown.append(box.text() + " " + box.informativeText())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    with ModalAnswer(QMessageBox, accept):
        w.preview_pane.bulk_requested.emit("not_identifiable")
    assert "Mark 2 unknown faces as not identifiable?" in shown[0]
    assert "1 possible child" in shown[0]
    im = s.image(pc)
    assert [im.face(i).decision if im.face(i) else None for i in range(5)] == [
        "not_identifiable", "not_identifiable", None, "blur", None]
    assert s.image(ps).faces == []  # only this photo
    msg = w.statusBar().currentMessage()
    assert msg.startswith("2 faces marked not identifiable.") and "1 possible child" in msg
    assert s.undo_stack.undoText() == "Mark 2 faces not identifiable"
    w.actions_.undo.trigger()  # one step
    assert [im.face(i).decision if im.face(i) else None for i in range(5)] == [
        None, None, None, "blur", None]

    # the selection, blurred: children too (blurring a child is fine)
    w.strip.selectAll()
    with ModalAnswer(QMessageBox, accept):
        w.actions_.faces_blur.trigger()
    assert "Blur 5 unknown faces on export?" in shown[1] and "2 photos" in shown[1]
    assert s.face_states(pc) == {0: "blurred", 1: "blurred", 2: "blurred", 3: "blurred",
                                 4: "small"}
    assert s.face_states(ps) == {0: "blurred", 1: "blurred"}
    assert "5 faces blurred on export." in w.statusBar().currentMessage()
    settle(qtbot, w)
    assert not [f for f in s.blockers() if f.face is not None]
    w.actions_.undo.trigger()
    assert s.face_states(ps) == {0: "unknown", 1: "minor"}

    # cancelling changes nothing; nothing to do says so
    def cancel(box: QMessageBox) -> None:
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    with ModalAnswer(QMessageBox, cancel):
        w.actions_.faces_not_identifiable.trigger()
    assert s.face_states(ps) == {0: "unknown", 1: "minor"}
    assert w.decide_unknown_faces([ps], "not_identifiable", confirm=False) == 1
    assert w.decide_unknown_faces([ps], "not_identifiable", confirm=False) == 0
    assert w.statusBar().currentMessage().startswith("Only a possible child is undecided (1)")


def test_a_long_value_shows_its_start_in_a_narrow_field(make_window: Any, qtbot: Any,
                                                        tmp_path: Path) -> None:
    """A value loaded for a selection shows its beginning ("Folkets park, Ma…"), not its end
    ("…ark, Malmö"), in a field that is not being typed in."""
    w = make_window()
    s, ins = w.session, w.inspector
    paths = _three_photos(w, qtbot, tmp_path)
    place = "Folkets park, Malmö, vid scenen närmast Möllevångstorget"
    s.set_image_field(paths[1], "context.where", place)
    w.strip.setFocus()
    w.strip.select_path(paths[1])
    assert ins.where.text() == place and not ins.where.hasFocus()
    assert ins.where.cursorPosition() == 0
    # typed, then left with Tab: the start again
    ins.where.setFocus()
    ins.where.end(False)
    qtbot.keyClicks(ins.where, ", vid scenen")
    assert ins.where.cursorPosition() == len(ins.where.text())
    qtbot.keyClick(ins.where, Qt.Key.Key_Tab)
    assert not ins.where.hasFocus() and ins.where.cursorPosition() == 0
