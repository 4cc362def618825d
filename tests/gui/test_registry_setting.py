"""Choosing the consent registry (issue 16): the address is one declared, validated setting,
edited in Settings (the window opens the new registry at once) and overridden for one run by
``prepub --registry URL``. No PostgreSQL server is needed here: an address nobody answers at
is a team registry that cannot be reached."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from guikit import FakeAnalyzer, close_window, make_jpeg, wait_until  # noqa: E402
from pg import memory_keyring  # noqa: E402, F401 - fixture: no system keyring is asked
from prepub import cli  # noqa: E402
from prepub.gui.dialogs.settings_dialog import open_settings  # noqa: E402
from prepub.gui.settings import GuiSettings, SettingsValues  # noqa: E402


def _nobody_answers() -> str:
    """A team registry address on this machine where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql://omar@127.0.0.1:{port}/prepub?sslrootcert=/nonexistent/ca.crt"


def test_the_address_is_declared_once_and_checked() -> None:
    assert SettingsValues.model_fields["registry_url"].default == ""
    ini = Path(os.environ["PREPUB_CONFIG_DIR"]) / "prepub-gui.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[General]\nschema=1\n\n[registry]\nurl=mysql://db/prepub\n", encoding="utf-8")
    s = GuiSettings()
    assert s.registry_url == ""  # not used: the personal registry is
    assert f"{ini}:5: 'registry/url' must be empty (the personal registry on this computer) " \
        "or a team registry's address like postgresql://user@host/database" in "\n".join(s.problems)
    for bad, why in (("sqlite:///home/omar/r.db", "must be empty"),
                     ("postgresql://omar:secret@db/prepub", "without a password"),
                     ("postgresql://omar@db", "names the database")):
        with pytest.raises(ValueError, match=why):
            s.registry_url = bad
    s.registry_url = " postgresql://omar@db.office.example/prepub?sslrootcert=/etc/ca.crt "
    assert GuiSettings().registry_url == "postgresql://omar@db.office.example/prepub?sslrootcert=/etc/ca.crt"
    s.registry_url = ""
    assert not s.q.contains("registry/url")


def test_settings_switch_the_window_to_another_registry(make_window: Any, qtbot: Any,
                                                       memory_keyring: Any) -> None:
    w = make_window()
    assert w.team.state == "personal" and w.session.registry.dialect == "sqlite"
    dlg = open_settings(w)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dlg.registry_url.setText("https://db.office.example/prepub")
    assert not ok.isEnabled() and "postgresql://" in dlg.registry_status.text()
    dlg.registry_url.setText("postgresql://omar:hemligt@db.office.example/prepub")
    assert not ok.isEnabled() and "password" in dlg.registry_status.text()
    url = _nobody_answers()
    dlg.registry_url.setText(url)
    assert ok.isEnabled() and "keyring" in dlg.registry_status.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert w.settings.registry_url == url
    # opened at once: nobody answers and this computer has no copy, so it says so
    wait_until(qtbot, lambda: w.team.offline and w.session.registry_error)
    assert w.session.registry is None
    assert "cannot be reached" in w.notices.notices()["registry"]

    dlg = open_settings(w)
    dlg.registry_url.clear()
    assert "personal registry" in dlg.registry_status.text()
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: w.team.state == "personal")
    assert w.session.registry.dialect == "sqlite" and "registry" not in w.notices.notices()
    assert w.settings.registry_url == ""


def test_registry_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from prepub.gui import app
    from prepub.gui.app import build_window
    from prepub.gui.services import Services

    runs: list[tuple[list[str], dict[str, Any]]] = []
    monkeypatch.setattr(app, "run", lambda argv, **kw: runs.append((list(argv), kw)) or 0)
    url = "postgresql://omar@db.office.example/prepub?sslrootcert=/etc/prepub/ca.crt"
    photo = make_jpeg(tmp_path / "photo.jpg")
    assert cli.main(["--registry", url]) == cli.EXIT_OK
    assert cli.main([f"--registry={url}", str(photo)]) == cli.EXIT_OK
    assert cli.main([str(photo)]) == cli.EXIT_OK
    assert runs == [([], {"registry_url": url}), ([str(photo)], {"registry_url": url}),
                    ([str(photo)], {})]
    assert cli.main(["--registry", "https://db.office.example"]) == cli.EXIT_USAGE
    assert cli.main(["--registry", "postgresql://omar:hemligt@db/prepub"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--registry must be a team registry's address like postgresql://" in err
    assert "without a password" in err and "hemligt" not in err  # never echoed
    assert len(runs) == 3

    # the window: --registry wins for this run; else Settings; the dialog says which is used
    GuiSettings().registry_url = "postgresql://omar@other.example/prepub"
    qapp = QApplication.instance()
    plain = build_window(qapp, services=Services(analyzer=FakeAnalyzer()))
    pinned = build_window(qapp, services=Services(analyzer=FakeAnalyzer()), registry_url=url)
    try:
        assert plain.session.services.registry_url == "postgresql://omar@other.example/prepub"
        assert not plain.session.services.registry_pinned
        assert pinned.session.services.registry_url == url
        assert pinned.session.services.registry_pinned
        dlg = open_settings(pinned)
        assert "--registry " + url in dlg.registry_status.text()
        dlg.reject()
    finally:
        close_window(plain)
        close_window(pinned)
