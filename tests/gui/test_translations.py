"""Swedish and Danish ship complete, and the running app speaks the chosen language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from prepub.gui.i18n import choose_language

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations"


def _sources(ts: Path) -> dict[str, ET.Element]:
    root = ET.parse(ts).getroot()
    return {m.findtext("source") or "": m for m in root.iter("message")}


@pytest.mark.parametrize("lang", ["sv", "da"])
def test_every_string_is_translated_and_compiled(lang: str) -> None:
    msgs = _sources(TS / f"prepub_{lang}.ts")
    assert len(msgs) > 300
    unfinished = [s for s, m in msgs.items()
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert unfinished == []
    for s, m in msgs.items():
        t = m.find("translation")
        forms = [f.text for f in t.findall("numerusform")] or [t.text]
        assert all(forms), s
        assert s.count("%1") == sum(f.count("%1") for f in forms) // len(forms), s
    qm = TS / f"prepub_{lang}.qm"
    assert qm.exists() and qm.stat().st_size > 10_000


def test_ts_files_match_the_code(tmp_path: Path) -> None:
    """A string added in the code without a translation fails here (run lupdate, translate)."""
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    lupdate = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (REPO / "app" / "prepub" / "gui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-ts", str(out), "-locations", "none"], check=True,
                   capture_output=True)
    assert set(_sources(out)) == set(_sources(TS / "prepub_sv.ts"))


def test_auto_language_follows_a_swedish_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREPUB_LANG", raising=False)
    assert choose_language("auto", system=QLocale("sv_SE")) == "sv"
    assert choose_language("auto", system=QLocale("da_DK")) == "da"
    assert choose_language("auto", system=QLocale("de_DE")) == "en"
    assert choose_language("sv", system=QLocale("de_DE")) == "sv"  # the setting wins


def test_swedish_window(make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                        tmp_path: Path) -> None:
    from guikit import make_jpeg, wait_analysed

    from prepub.gui.dialogs.registry_forms import PersonDialog

    monkeypatch.setenv("PREPUB_LANG", "sv")
    w = make_window()
    assert w.session.ui_language == "sv"
    assert w.actions_.open.text() == "&Öppna inlägg…"
    assert w.inspector.title.text() == "Ingen bild vald"
    assert w.editor.edit.placeholderText().startswith("Skriv inlägget här")
    assert PersonDialog(w).windowTitle() == "Lägg till en person"  # subclass of a form base
    img = make_jpeg(tmp_path / "a.jpg")
    w.session.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    assert w.strip_model.state(str(img.resolve())) == "blocked"
    group = w.findings.model.index(0, 0)
    assert "stoppar" in group.data()
    messages = [w.findings.model.index(r, 0, group).data() for r in range(w.findings.model.rowCount(group))]
    assert any("Fotografens namn" in m or "fotograf" in m.lower() for m in messages)
    monkeypatch.setenv("PREPUB_LANG", "en")
