"""A language chosen in Settings applies at once (issue 15): the open main window, its menus,
its findings panel, inspector, strip and post editor retranslate themselves (changeEvent →
retranslate), and the findings are worded in the new language, without a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from guikit import make_jpeg, settle, wait_analysed, wait_until


def _choose(w: Any, language: str) -> None:
    from prepub.gui.dialogs.settings_dialog import open_settings

    dlg = open_settings(w)
    dlg.language.setCurrentIndex(dlg.language.findData(language))
    dlg.accept()


def _group_titles(w: Any) -> list[str]:
    m = w.findings.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_language_changes_live_in_the_open_window(make_window: Any, qtbot: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from test_translations import _untranslated
    from widget_walk import visible_texts

    w = make_window()
    s = w.session
    imgs = [make_jpeg(tmp_path / f"{n}.jpg", gps=(57.7, 11.97)) for n in ("a", "b")]
    s.add_images([str(p) for p in imgs])
    wait_analysed(qtbot, w, 2)
    settle(qtbot, w)
    w.strip.select_path(str(imgs[0].resolve()))
    assert w.actions_.open.text() == "&Open post…"
    assert any(t.startswith("2 photos lack") for t in _group_titles(w))

    try:
        _choose(w, "sv")
        wait_until(qtbot, lambda: w.actions_.open.text() == "&Öppna inlägg…")
        # the built-in policy is per language: the Swedish one is loaded and the photos checked again
        wait_until(qtbot, lambda: s.policy.get("policy", "language") == "sv")
        wait_analysed(qtbot, w, 2)
        settle(qtbot, w)
        assert s.ui_language == "sv" and w.settings.ui_language == "sv"
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[:2] == ["&Arkiv", "&Redigera"], menus
        wait_until(qtbot, lambda: any(t.startswith("2 bilder saknar") for t in _group_titles(w)))
        assert "stoppar" in w.findings.summary.text()
        assert w.findings.show_notes.text() != "Show notes"
        assert w.inspector.photographer_label.text() == "&Fotograf:"
        assert "stoppar" in w.export_button.toolTip()
        assert w.strip_model.badge_text(str(imgs[0].resolve())).startswith("Stoppad")
        # the findings' own words come from the core's catalogue in the new language
        rows = w.findings.finding_indexes()
        assert rows and not any("photographer" in r.data().lower() for r in rows)
        bad = _untranslated(visible_texts(w), "sv")
        assert bad == [], "\n".join(f"{where}: {t}" for where, t in bad)

        _choose(w, "en")
        wait_until(qtbot, lambda: w.actions_.open.text() == "&Open post…")
        settle(qtbot, w)
        wait_until(qtbot, lambda: any(t.startswith("2 photos lack") for t in _group_titles(w)))
        assert w.inspector.photographer_label.text() == "&Photographer:"
    finally:
        from PySide6.QtWidgets import QApplication

        from prepub.gui.i18n import switch_language

        switch_language(QApplication.instance(), "en")


def test_open_registry_and_photographer_windows_follow_the_language(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    """The registry window and photographer mode stay open while the language changes: every text
    in them follows at once (before, they kept the old language until reopened)."""
    from guikit import wait_idle
    from test_translations import _untranslated
    from widget_walk import visible_texts

    from prepub.gui.dialogs.photographer_window import open_photographer_window
    from prepub.gui.dialogs.registry_window import open_registry_window

    w = make_window()
    assert w.session.registry is not None, w.session.registry_error
    reg = open_registry_window(w)
    wait_idle(qtbot, reg)
    ph = open_photographer_window(w)
    wait_idle(qtbot, ph)
    ph.photographer.setText("Mia Foto")
    ph.start_shoot()
    wait_idle(qtbot, ph)
    assert ph.pages.currentIndex() == 1, ph.status.text()
    ph.name.setText("Nils Ek")
    ph.verbal.setText("yes, heard by Mia")
    ph.save_person()
    wait_until(qtbot, lambda: ph.logged.count() == 1)
    reg.reload()
    wait_until(qtbot, lambda: reg.people.count() == 1)
    reg.select_person(reg.people.item(0).data(Qt.ItemDataRole.UserRole + 1))
    wait_until(qtbot, lambda: reg.table.rowCount() == 1)
    assert reg.add_person_button.text() == "Add person…"
    assert ph.save_button.text() == "Save person"
    try:
        _choose(w, "sv")
        wait_until(qtbot, lambda: reg.add_person_button.text() == "Lägg till person…")
        wait_idle(qtbot, reg)
        wait_idle(qtbot, ph)
        settle(qtbot, w)
        assert reg.windowTitle().startswith("Samtyckesregist"), reg.windowTitle()
        assert ph.save_button.text() != "Save person"
        assert ph.shoot_title.text().startswith("2. "), ph.shoot_title.text()
        assert "People at" not in ph.shoot_title.text()
        for win in (reg, ph):
            bad = _untranslated(visible_texts(win), "sv")
            assert bad == [], "\n".join(f"{where}: {t}" for where, t in bad)
        _choose(w, "da")
        wait_until(qtbot, lambda: reg.add_person_button.text() not in ("Add person…", "Lägg till person…"))
        wait_idle(qtbot, reg)
        wait_idle(qtbot, ph)
        for win in (reg, ph):
            bad = _untranslated(visible_texts(win), "da")
            assert bad == [], "\n".join(f"{where}: {t}" for where, t in bad)
        _choose(w, "en")
        wait_until(qtbot, lambda: reg.add_person_button.text() == "Add person…")
        assert ph.save_button.text() == "Save person"
        assert ph.shoot_title.text().startswith("2. People at")
    finally:
        from PySide6.QtWidgets import QApplication

        from prepub.gui.i18n import switch_language

        switch_language(QApplication.instance(), "en")
        reg.close()
        ph.close()
