"""Drafts from the GUI: save and open (decisions kept), recent drafts, autosave and recovery,
text files dropped in, the window title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from guikit import FakeAnalyzer, face, make_jpeg, settle, wait_analysed, wait_signal, wait_until
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
    with wait_signal(qtbot, w.files.saved):
        w.files._save_to(target, wait=False)
    assert not s.dirty and "post.prepub.json" in w.windowTitle()
    assert w.settings.recent_drafts[0] == str(target)
    assert [a.text() for a in w.recent_menu.actions()] == ["post.prepub.json"]

    w2 = make_window()
    with wait_signal(qtbot, w2.files.opened):
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
    wait_until(qtbot, auto.exists)
    # "crash": the window goes away without saving; a new start offers the post back
    asked: list[str] = []

    def yes(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[1])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    w2 = make_window()
    wait_until(qtbot, lambda: w2.session.draft.text == "Osparad text som inte får försvinna.")
    assert asked and w2.session.dirty
    assert w2.editor.edit.toPlainText() == "Osparad text som inte får försvinna."


def test_dropped_text_file_becomes_the_post(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    t = tmp_path / "inlagg.txt"
    t.write_text("Välkommen till öppet hus på lördag!", encoding="utf-8")
    w = make_window()
    w.drops.handle([str(t)], files=w.files)
    wait_until(qtbot, lambda: w.session.draft.text == "Välkommen till öppet hus på lördag!")
    assert w.editor.edit.toPlainText() == w.session.draft.text
    settle(qtbot, w)


def test_a_slow_language_model_warm_up_does_not_hold_up_a_dropped_file(
        make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm-up used to run on the one-thread decode pool, so a dropped text file waited
    behind it (2-12 s on a busy machine). It has its own pool now: the file is read while the
    warm-up is still going."""
    import threading

    from guikit import HANG_GUARD_MS
    from prepub.gui import services

    warming, release = threading.Event(), threading.Event()

    def slow_warm_up(_policy: Any) -> None:
        warming.set()
        release.wait(HANG_GUARD_MS / 1000)  # the test releases it; the timeout guards a hang

    monkeypatch.setattr(services, "warm_up_text", slow_warm_up)
    t = tmp_path / "inlagg.txt"
    t.write_text("Välkommen till öppet hus på lördag!", encoding="utf-8")
    try:
        w = make_window()
        if w.session.features.get("text") is not None:
            pytest.skip(f"text checks not installed: {w.session.features['text']}")
        wait_until(qtbot, warming.is_set)
        w.drops.handle([str(t)], files=w.files)
        wait_until(qtbot, lambda: w.session.draft.text == "Välkommen till öppet hus på lördag!")
        assert not release.is_set() and any(x.name == "text models" for x in w.session.runner.running)
    finally:
        release.set()


def test_broken_draft_is_a_message_not_a_crash(make_window: Any, qtbot: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "broken.prepub.json"
    bad.write_text("{ not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    w = make_window()
    w.files.open(str(bad), confirmed=True)
    wait_until(qtbot, lambda: bool(shown))
    assert "not valid JSON" in shown[0]
    assert w.session.path is None
