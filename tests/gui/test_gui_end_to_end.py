"""End to end with the REAL analyser (CenterFace + ages) on real photos: drop, faces found and
drawn, faces decided through the popup, fields filled, text written, export, and the exported
photo carries no location. Models load once; a few seconds on two cores."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from guikit import close_window, settle, wait_signal, wait_until

pytestmark = pytest.mark.timeout(300)
REAL_MODELS_GUARD_MS = 240_000  # a hang guard: loading the real models on a busy machine is slow


def test_real_analyser_end_to_end(qtbot: Any, testdata: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from prepub.core.metadata import read_metadata
    from prepub.gui.app import build_window
    from prepub.gui.services import CoreAnalyzer, Services

    people = testdata / "faces" / "dlib__2008_001322.jpg"  # three adults
    gps = testdata / "exif" / "ianare__jpg__gps__DSCN0010.jpg"  # Nikon, GPS in Tuscany
    if not people.exists() or not gps.exists():
        pytest.skip("the expected real photos are not in the test data")
    folder = tmp_path / "in"
    folder.mkdir()
    for src in (people, gps):  # copies, so the test can prove the originals are untouched
        shutil.copy2(src, folder / src.name)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    analyzer = CoreAnalyzer()
    w = build_window(QApplication.instance(), services=Services(analyzer=analyzer))
    try:
        w.show()
        w.start()
        s = w.session
        wait_until(qtbot, lambda: s.core_ready and (s.registry is not None or s.registry_error))
        w.drops.add_images([str(folder)])
        wait_until(qtbot, lambda: len(s.reports) == 2 and s.settled, guard_ms=REAL_MODELS_GUARD_MS)
        assert analyzer.faces_available, analyzer.faces_reason
        p_people = str((folder / people.name).resolve())
        p_gps = str((folder / gps.name).resolve())
        faces = s.reports[p_people].faces
        assert len(faces) >= 3
        assert any(f.rule in ("face.unresolved", "face.crowd_unresolved", "face.possible_minor")
                   for f in s.findings_for(p_people))
        assert s.reports[p_gps].metadata.gps is not None
        assert "gps.present" in {f.rule for f in s.findings_for(p_gps)}

        # decide the first face through the real popup, the rest in the session
        w.strip.select_path(p_people)
        wait_until(qtbot, lambda: len(w.preview.face_items()) == len(faces))
        rect = w.preview.face_rect_in_view(faces[0].index)
        with wait_signal(qtbot, w.face_popup_opened) as sig:
            qtbot.mouseClick(w.preview.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center().toPoint())
        qtbot.mouseClick(sig.args[0].blur, Qt.MouseButton.LeftButton)
        for f in faces[1:]:
            s.decide_face(p_people, f.index, "blur")
        for f in s.reports[p_gps].faces:
            s.decide_face(p_gps, f.index, "blur")
        s.set_channels(["facebook", "instagram"])
        for p in (p_people, p_gps):
            for name, value in (("photographer", "Erik Lund"), ("context.what", "Möte i byn"),
                                ("context.where", "Toscana"), ("context.when", "2008"),
                                ("alt_text", "Människor som står tillsammans utomhus.")):
                s.set_image_field(p, name, value)
        w.editor.edit.setPlainText("Vi träffade våra vänner. Vad tycker du?\n\nFoto: Erik Lund")
        settle(qtbot, w)
        assert s.face_states(p_people) and set(s.face_states(p_people).values()) <= {"blurred", "small"}
        blocking = [(f.rule, f.subject) for f in s.blockers()]
        assert w.export_button.isEnabled() or blocking and all(
            r in s.policy.overrides_allowed for r, _ in blocking), blocking

        out = tmp_path / "out"
        out.mkdir()
        w.on_export()
        dlg = w.export_dialog
        dlg.folder.setText(str(out))
        for _f, edit in dlg.reasons:
            edit.setText("Resan är sedan länge avslutad")
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2, guard_ms=REAL_MODELS_GUARD_MS)
        assert dlg.result_bundle is not None, dlg.error_text
        images = sorted(Path(dlg.result_bundle.path).glob("images/*"))
        assert images
        for img in images:
            assert read_metadata(img).gps is None
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
        dlg.accept()
    finally:
        close_window(w)
