"""The core flow driven through the real widgets: drop → analyse → strip/preview/inspector →
findings → face decisions → fields → export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from prepub.core.model import Severity
from guikit import FakeAnalyzer, face, make_jpeg, settle, wait_analysed, wait_signal, wait_until


def drop(window: Any, paths: list[Path]) -> None:
    """Deliver a real QDropEvent to the window, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    ev = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    assert ev.isAccepted()


def test_drop_folder_analyses_image_by_image(make_window: Any, qtbot: Any, tmp_path: Path,
                                             analyzer: FakeAnalyzer) -> None:
    folder = tmp_path / "shoot"
    (folder / "sub").mkdir(parents=True)
    a = make_jpeg(folder / "a.jpg", gps=(57.7089, 11.9746))
    b = make_jpeg(folder / "sub" / "b.jpg", artist="Anna Svensson")
    (folder / "notes.txt").write_text("ignored inside a folder", encoding="utf-8")
    w = make_window()
    drop(w, [folder])
    wait_analysed(qtbot, w, 2)

    s = w.session
    assert sorted(Path(p).name for p in s.reports) == ["a.jpg", "b.jpg"]
    assert w.strip_model.rowCount() == 2
    # the photographer came from the file's Artist tag and is shown in the inspector
    b_path = str(b.resolve())
    assert s.image(b_path).photographer == "Anna Svensson"
    # both images block (context missing) and the strip says so
    assert {w.strip_model.state(p) for p in s.reports} == {"blocked"}
    rules_a = {f.rule for f in s.findings_for(str(a.resolve()))}
    assert {"gps.present", "image.context_missing", "image.photographer_missing"} <= rules_a
    # the findings panel lists every blocking item: by cause where the photos share it, else
    # under its photo (only a.jpg lacks a photographer)
    groups = [w.findings.model.index(r, 0).data() for r in range(w.findings.model.rowCount())]
    assert any(g.startswith("2 photos lack their context") for g in groups), groups
    assert any(g.startswith("a.jpg") for g in groups) and not any(g.startswith("b.jpg") for g in groups)
    assert not w.export_button.isEnabled()


def test_painting_does_not_drain_none_refcount(make_window: Any, qtbot: Any, tmp_path: Path,
                                               analyzer: FakeAnalyzer) -> None:
    """PySide6 6.12 drops a reference to None for every empty QVariant it converts (Qt's views
    do it on every paint); without prepub.gui.qtcompat.protect_none a long session aborts."""
    import sys

    from prepub.gui.qtcompat import item_data

    img = make_jpeg(tmp_path / "a.jpg")
    analyzer.faces_by_name["a.jpg"] = [face(0, (100, 100, 300, 340))]
    w = make_window()
    drop(w, [img])
    wait_analysed(qtbot, w, 1)
    before = sys.getrefcount(None)
    for _ in range(50):
        w.findings.view.viewport().repaint()
        w.strip.viewport().repaint()
        w.findings.refresh()
    assert before > 2 ** 59  # protected when the window was built
    assert sys.getrefcount(None) > 2 ** 59
    group = w.findings.model.index(0, 0)
    after = sys.getrefcount(None)
    for _ in range(100):  # our own reads of absent roles do not drain it at all
        assert item_data(group, 300) is None
    assert sys.getrefcount(None) >= after - 5  # (100 reads would drain 100)


def test_inspector_fields_unblock_an_image(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    img = make_jpeg(tmp_path / "street.jpg", gps=(59.33, 18.07))
    w = make_window()
    drop(w, [img])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    w.strip.select_path(path)
    ins = w.inspector
    assert ins.path == path
    assert ins.gps_notice.isVisibleTo(ins)  # "the location is removed on export"
    wait_until(qtbot, lambda: "18.07" in ins.place.text() and "Looking" not in ins.place.text())

    # "Go to fix" on the photographer finding puts the cursor in that field
    s = w.session
    missing = next(f for f in s.findings_for(path) if f.rule == "image.photographer_missing")
    w.nav.go_to(missing)
    assert ins.photographer.hasFocus()
    qtbot.keyClicks(ins.photographer, "Erik Lund")
    qtbot.keyClicks(ins.what, "Fika i parken")
    ins.alt_text.setFocus()
    qtbot.keyClicks(ins.alt_text, "Tre personer dricker kaffe i parken.")  # QTest: ASCII only
    settle(qtbot, w)
    im = s.image(path)
    assert (im.photographer, im.context.what, im.context.when) == ("Erik Lund", "Fika i parken",
                                                                  "2024-05-17")
    rules = {f.rule for f in s.findings_for(path)}
    assert not rules & {"image.photographer_missing", "image.context_missing",
                        "image.alt_text_missing"}
    assert w.strip_model.state(path) in ("ready", "attention")  # GPS is a warning, not a block
    ins.photographer.editingFinished.emit()
    assert "Erik Lund" in w.settings.photographers


def test_face_popup_decisions_change_findings(make_window: Any, qtbot: Any, tmp_path: Path,
                                              analyzer: FakeAnalyzer) -> None:
    img = make_jpeg(tmp_path / "family.jpg", size=(1000, 800))
    analyzer.faces_by_name["family.jpg"] = [face(0, (100, 100, 300, 340)),
                                            face(1, (600, 150, 760, 350), age=9, minor=True)]
    w = make_window()
    drop(w, [img])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    s = w.session
    blocks = {(f.rule, f.face) for f in s.findings_for(path) if f.severity is Severity.BLOCK}
    assert ("face.unresolved", 0) in blocks and ("face.possible_minor", 1) in blocks
    assert s.face_states(path) == {0: "unknown", 1: "minor"}

    w.strip.select_path(path)
    wait_until(qtbot, lambda: len(w.preview.face_items()) == 2)
    # click the first face box in the preview: the popup opens
    rect = w.preview.face_rect_in_view(0)
    assert rect is not None
    with wait_signal(qtbot, w.face_popup_opened) as sig:
        qtbot.mouseClick(w.preview.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center().toPoint())
    popup = sig.args[0]
    assert popup.index == 0 and not popup.adult.isVisibleTo(popup)
    qtbot.mouseClick(popup.not_identifiable, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    assert s.image(path).face(0).decision == "not_identifiable"
    assert not any(f.face == 0 and f.blocks for f in s.findings_for(path))

    # the child: "Go to fix" opens the popup; blurring lifts the block
    minor = next(f for f in s.findings_for(path) if f.rule == "face.possible_minor")
    with wait_signal(qtbot, w.face_popup_opened) as sig:
        w.nav.go_to(minor)
    popup = sig.args[0]
    assert popup.index == 1 and popup.adult.isVisibleTo(popup)
    qtbot.mouseClick(popup.blur, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    assert s.image(path).face(1).decision == "blur"
    assert s.face_states(path)[1] == "blurred"
    assert not any(f.face is not None and f.blocks for f in s.findings_for(path))
    wait_until(qtbot, lambda: any(i.state == "blurred" for i in w.preview.face_items()))


def test_face_popup_picks_a_registry_person(make_window: Any, qtbot: Any, tmp_path: Path,
                                            analyzer: FakeAnalyzer) -> None:
    from datetime import date

    img = make_jpeg(tmp_path / "portrait.jpg", size=(900, 900))
    analyzer.faces_by_name["portrait.jpg"] = [face(0, (250, 200, 650, 700))]
    w = make_window()
    s = w.session
    assert s.registry is not None, s.registry_error
    reg = s.registry
    anna = reg.add_person(name="Anna Svensson", relation="staff")
    reg.add_consent(person_id=anna.id, channels=["facebook", "instagram", "website"],
                    purpose="social media", given_on=date(2024, 1, 1), signed_by=["self"],
                    logged_by="test", verbal_note="said yes at the office")
    reg.add_person(name="Bo Berg", relation="public")
    s.refresh_people()
    wait_until(qtbot, lambda: len(s.people) == 2)
    s.set_channels(["facebook", "instagram"])
    drop(w, [img])
    wait_analysed(qtbot, w, 1)
    path = str(img.resolve())
    w.strip.select_path(path)
    wait_until(qtbot, lambda: len(w.preview.face_items()) == 1)
    popup = w.open_face_popup(path, 0, QPoint(100, 100))
    assert popup.people.count() == 2
    qtbot.keyClicks(popup.search, "anna")
    assert popup.people.count() == 1
    qtbot.mouseClick(popup.pick, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    dec = s.image(path).face(0)
    assert (dec.decision, dec.person_id) == ("person", anna.id)
    assert s.face_states(path)[0] == "ok"
    # Anna is staff, so the post must name her in full
    assert any(f.rule == "post.person_not_named" for f in s.findings())
