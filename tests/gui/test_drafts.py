"""Drafts from the GUI: save and open (decisions kept), recent drafts, autosave and recovery,
text files dropped in, the window title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from guikit import FakeAnalyzer, face, make_jpeg, settle, wait_analysed
from prepub.core import draft as drafts


def test_save_and_open_keeps_decisions(make_window: Any, qtbot: Any, tmp_path: Path,
                                       analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "a.jpg")
    analyzer.faces_by_name["a.jpg"] = [face(0, (10, 10, 200, 240))]
    w = make_window()
    s = w.session
    s.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    s.decide_face(path, 0, "blur")
    s.set_image_field(path, "photographer", "Erik Lund")
    w.editor.edit.setPlainText("Hej!")
    assert s.dirty and w.isWindowModified()
    target = tmp_path / "post.prepub.json"
    with qtbot.waitSignal(w.files.saved, timeout=10_000):
        w.files._save_to(target, wait=False)
    assert not s.dirty and "post.prepub.json" in w.windowTitle()
    assert w.settings.recent_drafts[0] == str(target)
    assert [a.text() for a in w.recent_menu.actions()] == ["post.prepub.json"]

    w2 = make_window()
    with qtbot.waitSignal(w2.files.opened, timeout=10_000):
        w2.files.open(str(target), confirmed=True)
    wait_analysed(qtbot, w2, 1)
    d = w2.session.draft
    assert d.text == "Hej!" and d.images[0].photographer == "Erik Lund"
    assert d.images[0].face(0).decision == "blur"
    assert w2.editor.edit.toPlainText() == "Hej!"
    assert w2.session.face_states(path) == {0: "blurred"}


def test_autosave_and_recovery_after_a_crash(make_window: Any, qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window()
    w.editor.edit.setPlainText("Osparad text som inte får försvinna.")
    w.files.autosave()
    auto = drafts.autosave_path(w.files.target())
    qtbot.waitUntil(auto.exists, timeout=10_000)
    # "crash": the window goes away without saving; a new start offers the post back
    asked: list[str] = []

    def yes(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[1])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    w2 = make_window()
    qtbot.waitUntil(lambda: w2.session.draft.text == "Osparad text som inte får försvinna.",
                    timeout=10_000)
    assert asked and w2.session.dirty
    assert w2.editor.edit.toPlainText() == "Osparad text som inte får försvinna."


def test_dropped_text_file_becomes_the_post(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    t = tmp_path / "inlagg.txt"
    t.write_text("Välkommen till öppet hus på lördag!", encoding="utf-8")
    w = make_window()
    w.drops.handle([str(t)], files=w.files)
    qtbot.waitUntil(lambda: w.session.draft.text == "Välkommen till öppet hus på lördag!",
                    timeout=10_000)
    assert w.editor.edit.toPlainText() == w.session.draft.text
    settle(qtbot, w)


def test_broken_draft_is_a_message_not_a_crash(make_window: Any, qtbot: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "broken.prepub.json"
    bad.write_text("{ not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    w = make_window()
    w.files.open(str(bad), confirmed=True)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "not valid JSON" in shown[0]
    assert w.session.path is None
