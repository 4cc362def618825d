"""Settings (policy file validated with its line, home base, channels, language), the help
dialogs, keyboard shortcuts and the xcb start-up check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget

from prepub.core.policy import default_policy_path
from prepub.gui import platform_check
from prepub.gui.dialogs.settings_dialog import open_settings


def test_settings_validates_policy_and_applies_it(make_window: Any, qtbot: Any,
                                                  tmp_path: Path) -> None:
    w = make_window()
    dlg = open_settings(w)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    bad = tmp_path / "bad.toml"
    bad.write_text("[policy]\nname = \"X\"\n\n[faces]\nminor_age_threshold = \"young\"\n",
                   encoding="utf-8")
    dlg.policy_path.setText(str(bad))
    assert not ok.isEnabled()
    assert "bad.toml:5" in dlg.policy_status.text()

    good = tmp_path / "org.toml"
    text = default_policy_path("sv").read_text(encoding="utf-8")
    good.write_text(text.replace('name = "Standardpolicy"', 'name = "Kommunen"')
                    .replace("[channels.threads]\nlabel = \"Threads\"",
                             "[channels.threads]\nlabel = \"Threads\"\nenabled = true", 1)
                    .replace("enabled = false\n\n[channels.bluesky]", "\n[channels.bluesky]", 1),
                    encoding="utf-8")
    dlg.policy_path.setText(str(good))
    assert ok.isEnabled() and "valid" in dlg.policy_status.text()
    dlg.own_home.setChecked(True)
    dlg.home_name.setText("Malmö")
    dlg.home_lat.setValue(55.605)
    dlg.home_lon.setValue(13.0038)
    dlg.language.setCurrentIndex(dlg.language.findData("da"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    s = w.session
    assert s.policy.name == "Kommunen"
    assert s.policy.get("organisation", "home_name") == "Malmö"
    assert "threads" in w.editor.channel_boxes
    assert w.settings.ui_language == "da" and w.settings.policy_path == str(good)
    assert w.settings.home_base["home_lat"] == 55.605


def test_shortcuts_exist_and_are_listed(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    keys = {a.text().replace("&", ""): a.shortcut().toString() for a in w.actions()}
    assert keys["Open post…"] == "Ctrl+O" and keys["Save post"] == "Ctrl+S"
    assert keys["Add images…"] == "Ctrl+I" and keys["Export…"] == "Ctrl+E"
    assert keys["Next image"] == "Ctrl+PgDown" and keys["Fit to window"] == "Ctrl+0"
    w.actions_.shortcuts.trigger()
    dlg = w.findChild(QDialog, "shortcutsDialog")
    assert dlg is not None and dlg.findChild(QTableWidget).rowCount() > 15
    dlg.close()


def test_missing_xcb_libraries_are_named() -> None:
    env = {"DISPLAY": ":0"}
    missing = platform_check.missing_xcb_packages(
        environ=env, platform="linux", loads=lambda so, short: "icccm" not in so)
    assert missing == ["libxcb-icccm4"]
    msg = platform_check.missing_message(missing)
    assert "libxcb-icccm4" in msg and "sudo apt install libxcb-icccm4" in msg
    # other platforms and non-xcb Qt platforms are never checked
    assert platform_check.missing_xcb_packages(environ=env, platform="win32",
                                               loads=lambda s, n: False) == []
    assert platform_check.missing_xcb_packages(environ={"QT_QPA_PLATFORM": "offscreen"},
                                               platform="linux", loads=lambda s, n: False) == []
    assert platform_check.missing_xcb_packages(environ={"QT_QPA_PLATFORM": "xcb"},
                                               platform="linux", loads=lambda s, n: False) == \
        ["libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"]


def test_run_prints_the_message_instead_of_a_qt_abort(monkeypatch: Any, capsys: Any) -> None:
    from prepub.gui import app

    monkeypatch.setattr(app, "missing_xcb_packages", lambda: ["libxcb-cursor0"])
    assert app.run([]) == app.EXIT_ENVIRONMENT
    assert "libxcb-cursor0" in capsys.readouterr().err
