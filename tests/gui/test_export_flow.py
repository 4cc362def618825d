"""Export from the window: the button's state, the dialog, progress, cancel and the summary."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from guikit import HANG_GUARD_MS, FakeAnalyzer, face, make_jpeg, settle, wait_until
from guikit import ready_post as _ready_post




def test_export_writes_a_bundle_and_summarises(make_window: Any, qtbot: Any, tmp_path: Path,
                                               analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "park.jpg", gps=(57.7, 11.97))
    analyzer.faces_by_name["park.jpg"] = [face(0, (100, 100, 200, 220))]
    w = make_window()
    path = _ready_post(w, qtbot, img)
    s = w.session
    assert not w.export_button.isEnabled()  # the face is not decided yet
    assert "block" in w.export_button.toolTip()
    s.decide_face(path, 0, "blur")
    settle(qtbot, w)
    blocking = [f.rule for f in s.blockers()]
    assert not blocking, blocking
    assert w.export_button.isEnabled()

    out = tmp_path / "out"
    out.mkdir()
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    dlg = w.export_dialog
    dlg.folder.setText(str(out))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
    assert dlg.result_bundle is not None, dlg.error_text
    bundle = Path(dlg.result_bundle.path)
    assert bundle.is_dir() and bundle.parent == out
    names = [dlg.files.item(i).text() for i in range(dlg.files.count())]
    assert any(n.startswith("images/") for n in names)
    assert "manifest.json" in names and "record.html" in names
    assert str(bundle) in dlg.summary_path.text()
    # the original was never written to
    assert img.stat().st_size > 0 and not any(p.name.startswith(".") for p in out.iterdir())
    dlg.accept()


def test_export_cancel_leaves_nothing(make_window: Any, qtbot: Any, tmp_path: Path,
                                      analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "park.jpg")
    w = make_window()
    _ready_post(w, qtbot, img)
    assert w.export_button.isEnabled(), w.export_button.toolTip()
    out = tmp_path / "out"
    out.mkdir()
    w.on_export()
    dlg = w.export_dialog
    dlg.folder.setText(str(out))
    # hold the one-thread write pool so Cancel lands before the export starts writing (the
    # gate's timeout only guards a hang; the test opens it itself)
    gate = threading.Event()
    w.session.runner.run_in_background(gate.wait, None, pool="write", args=(HANG_GUARD_MS / 1000,))
    try:
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        assert dlg.pages.currentIndex() == 1
        qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
    assert dlg.result_bundle is None
    assert "cancelled" in dlg.summary_title.text()
    assert list(out.iterdir()) == []
    dlg.accept()


def test_override_with_reason_where_policy_allows(make_window: Any, qtbot: Any,
                                                  tmp_path: Path) -> None:
    img = make_jpeg(tmp_path / "park.jpg")
    w = make_window()
    path = _ready_post(w, qtbot, img)
    s = w.session
    s.set_image_field(path, "context.what", "")  # image.context_missing may be overridden
    settle(qtbot, w)
    assert [f.rule for f in s.blockers()] == ["image.context_missing"]
    assert w.export_button.isEnabled() and "reason" in w.export_button.text()
    out = tmp_path / "out"
    out.mkdir()
    w.on_export()
    dlg = w.export_dialog
    dlg.folder.setText(str(out))
    assert len(dlg.reasons) == 1 and not dlg.export_button.isEnabled()
    dlg.reasons[0][1].setText("Arkivbild, sammanhanget är känt av redaktionen")
    assert dlg.export_button.isEnabled()
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
    assert dlg.result_bundle is not None, dlg.error_text
    assert [o.rule for o in s.draft.overrides] == ["image.context_missing"]
    assert [o.rule for o in dlg.result_bundle.overrides] == ["image.context_missing"]
    dlg.accept()
