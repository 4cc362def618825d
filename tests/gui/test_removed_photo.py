"""A photo taken out of the post takes its findings with it, also the ones about the post text
(the photographer credit), and Ctrl+Z brings both back (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from guikit import make_jpeg, settle, wait_analysed


def _credit_names(s: Any) -> list[str]:
    return [str(f.params.get("names", "")) for f in s.findings() if f.rule == "text.credit_missing"]


def test_removing_a_photo_removes_the_warning_about_its_photographer(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    w = make_window()
    s = w.session
    if s.features.get("text") is not None:
        pytest.skip(f"text checks not installed: {s.features['text']}")
    erik = make_jpeg(tmp_path / "erik.jpg", artist="Erik Lund")
    mia = make_jpeg(tmp_path / "mia.jpg", artist="Mia Foto")
    w.editor.edit.setPlainText("Tack alla som kom till vårfesten i parken i lördags!")
    s.add_images([str(erik), str(mia)])
    wait_analysed(qtbot, w, 2)
    settle(qtbot, w)
    assert any("Erik Lund" in n for n in _credit_names(s)), _credit_names(s)

    w.strip.select_path(str(erik.resolve()))
    w.strip.setFocus()
    qtbot.keyClick(w.strip, Qt.Key.Key_Delete)
    settle(qtbot, w)
    assert s.image(str(erik.resolve())) is None
    assert not any("Erik Lund" in n for n in _credit_names(s)), _credit_names(s)
    assert any("Mia Foto" in n for n in _credit_names(s))
    assert not any("Erik" in w.findings.model.index(r, 0).data()
                   for r in range(w.findings.model.rowCount()))

    w.actions_.undo.trigger()
    settle(qtbot, w)
    assert any("Erik Lund" in n for n in _credit_names(s))
