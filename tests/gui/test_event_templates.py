"""Event templates in the window (issue 15): save the fields of a batch as a template, apply it
to the next event's photos in one step (one undo step), a damaged file said and left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from guikit import ModalAnswer, make_jpeg, wait_analysed
from prepub.core import templates as tpl


def _photos(w: Any, qtbot: Any, folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    imgs = [make_jpeg(folder / f"{n}.jpg") for n in names]
    w.session.add_images([str(p) for p in imgs])
    wait_analysed(qtbot, w, len(w.session.draft.images))
    return [str(p.resolve()) for p in imgs]


def test_a_template_saved_from_one_event_fills_the_next_in_one_step(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    w = make_window()
    s, ins = w.session, w.inspector
    first = _photos(w, qtbot, tmp_path / "mars", ["a", "b"])
    s.set_fields(first, "photographer", "Åsa Öberg")
    s.set_fields(first, "context.what", "Kommunfullmäktiges sammanträde")
    s.set_fields(first, "context.where", "Rådhuset")
    s.set_image_field(first[0], "context.when", "2026-03-12")  # differs: not in the template
    w.strip.select_paths(first)
    assert ins.paths == first
    ins.alt_prefix.setText("Kommunfullmäktige: ")
    assert ins.templates.save("Fullmäktige", *ins._template_values(), confirm=False)
    saved = tpl.load()[0]
    assert (saved.name, saved.photographer, saved.what, saved.where, saved.when,
            saved.alt_prefix) == ("Fullmäktige", "Åsa Öberg", "Kommunfullmäktiges sammanträde",
                                  "Rådhuset", "", "Kommunfullmäktige: ")
    assert w.statusBar().currentMessage() == "Template “Fullmäktige” saved."

    # the next meeting's photos: one step fills them; what they already had stays
    nxt = _photos(w, qtbot, tmp_path / "april", ["c", "d", "e"])
    s.set_image_field(nxt[2], "alt_text", "Ordföranden öppnar mötet.")
    s.set_image_field(nxt[2], "context.when", "2026-04-09")
    w.strip.select_paths(nxt)
    assert ins.paths == nxt
    ins.templates.fill()
    names = [a.text() for a in ins.templates.menu_.actions()]
    assert "Apply “Fullmäktige”" in names
    depth = s.undo_stack.count()
    assert ins.templates.apply(saved) == 3
    assert s.undo_stack.count() == depth + 1  # one undo step
    assert s.undo_stack.undoText() == "Apply the template “Fullmäktige”"
    for p in nxt:
        assert s.field_value(p, "photographer") == "Åsa Öberg"
        assert s.field_value(p, "context.where") == "Rådhuset"
    assert [s.field_value(p, "alt_text") for p in nxt] == [
        "Kommunfullmäktige:", "Kommunfullmäktige:", "Kommunfullmäktige: Ordföranden öppnar mötet."]
    assert s.field_value(nxt[2], "context.when") == "2026-04-09"

    assert w.statusBar().currentMessage() == "Template “Fullmäktige” applied to 3 photos."
    assert ins.templates.apply(saved) == 0  # again: nothing more to do
    w.actions_.undo.trigger()
    assert [s.field_value(p, "photographer") for p in nxt] == ["", "", ""]
    assert s.field_value(nxt[2], "alt_text") == "Ordföranden öppnar mötet."

    # a photo whose file names another creator keeps its "unknown" source and its finding
    agency = _photos(w, qtbot, tmp_path / "maj", ["tt"])[0]
    s.set_image_field(agency, "source.kind", "unknown")
    s.set_image_field(agency, "photographer", "TT / Anna Byrå")
    w.strip.select_paths([agency])
    assert ins.templates.apply(saved) == 1
    assert s.field_value(agency, "source.kind") == "unknown"
    assert s.field_value(agency, "photographer") == "TT / Anna Byrå"
    assert s.field_value(agency, "context.where") == "Rådhuset"


def test_a_damaged_templates_file_is_said_and_never_overwritten(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    w = make_window()
    ins = w.inspector
    _photos(w, qtbot, tmp_path / "p", ["a"])
    path = tpl.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = '{"format": "prepub.event-templates", "version": 1, "templates": [{"nam": "x"}]}'
    path.write_text(damaged, encoding="utf-8")
    w.strip.select_path(w.session.draft.images[0].path)
    ins.templates.fill()
    texts = [a.text() for a in ins.templates.menu_.actions()]
    assert any(t.startswith("The templates cannot be read:") and "templates[0]" in t for t in texts)
    save = next(a for a in ins.templates.menu_.actions() if a.text().startswith("Save these"))
    assert not save.isEnabled()
    with ModalAnswer(QMessageBox, lambda box: box.accept()):
        assert not ins.templates.save("Ny", {"photographer": "Bo"}, "", confirm=False)
    assert path.read_text(encoding="utf-8") == damaged
