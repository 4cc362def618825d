"""Every control a user can operate has a name a screen reader can announce: its
accessibleName, a label that is its buddy, or a button's text. The test walks the widget trees of
every window and dialog in the states a user sees them in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guikit import FakeAnalyzer, face, make_jpeg, wait_analysed, wait_idle, wait_until
from widget_walk import controls, unnamed


def _post_with_faces(w: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> list[str]:
    a = make_jpeg(tmp_path / "a.jpg", gps=(57.7, 11.97))
    b = make_jpeg(tmp_path / "b.jpg")
    analyzer.faces_by_name["a.jpg"] = [face(0, (100, 100, 300, 340)),
                                       face(1, (500, 100, 700, 340), age=9, minor=True)]
    w.session.add_images([str(a), str(b)])
    wait_analysed(qtbot, w, 2)
    w.editor.edit.setPlainText("Hej! Vi ses t.ex. i parken.")
    return [str(a.resolve()), str(b.resolve())]


def test_main_window_controls_are_named(make_window: Any, qtbot: Any, tmp_path: Path,
                                        analyzer: FakeAnalyzer) -> None:
    w = make_window()
    assert unnamed(w) == []  # empty window
    paths = _post_with_faces(w, qtbot, tmp_path, analyzer)
    w.strip.select_path(paths[0])
    wait_until(qtbot, lambda: w.preview.face_items())
    assert len(list(controls(w))) >= 25
    assert unnamed(w) == []
    w.strip.selectAll()  # batch editing: the alt text prefix appears
    assert w.inspector.alt_prefix.isVisibleTo(w)
    assert unnamed(w) == []
    popup = w.open_face_popup(paths[0], 0, w.mapToGlobal(w.rect().center()))
    assert unnamed(popup) == []
    popup.close()


def test_other_windows_and_dialogs_are_named(make_window: Any, qtbot: Any, tmp_path: Path,
                                             analyzer: FakeAnalyzer) -> None:
    from prepub.gui.dialogs.about import show_shortcuts
    from prepub.gui.dialogs.export_dialog import ExportDialog
    from prepub.gui.dialogs.photographer_window import open_photographer_window
    from prepub.gui.dialogs.registry_forms import ConsentDialog, PersonDialog
    from prepub.gui.dialogs.registry_window import open_registry_window
    from prepub.gui.dialogs.settings_dialog import open_settings

    w = make_window()
    _post_with_faces(w, qtbot, tmp_path, analyzer)
    reg = open_registry_window(w)
    wait_idle(qtbot, reg)
    assert unnamed(reg) == []
    reg.close()
    ph = open_photographer_window(w)
    wait_idle(qtbot, ph)
    assert unnamed(ph) == []
    ph.photographer.setText("Mia Foto")
    ph.start_shoot()
    wait_idle(qtbot, ph)
    assert ph.pages.currentIndex() == 1, ph.status.text()
    assert unnamed(ph) == []
    ph.close()
    dlg = ExportDialog(w.session, w.settings, overridable=w.session.blockers()[:2], parent=w)
    dlg.show()
    assert unnamed(dlg) == []
    dlg.close()
    for form in (PersonDialog(w), ConsentDialog(policy=w.session.policy, person_name="Nils Ek",
                                                is_minor=True, guardians=[], logged_by="Mia",
                                                parent=w)):
        form.show()
        assert unnamed(form) == [], type(form).__name__
        form.close()
    help_dialog = show_shortcuts(w, w.actions_)
    assert unnamed(help_dialog) == []
    help_dialog.close()
    settings = open_settings(w)
    assert unnamed(settings) == []
    settings.close()
