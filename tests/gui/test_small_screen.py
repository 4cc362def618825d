"""A 1366 x 768 screen (issue 15): the photo strip shows each name and badge whole ("Stoppad ·
13", not "Stop…"), measured with the badge font's metrics against the rectangle it is painted
in, and the alt text is editable without scrolling the inspector, for one photo and for a
selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect

from guikit import FakeAnalyzer, face, make_jpeg, settle, wait_analysed

NAMES = ["IMG_20240517_103012.jpg", "Vårfest i parken 012.jpg", "DSC_0042.JPG", "a.jpg"]


def _fully_visible(widget: Any, scroll: Any) -> bool:
    top_left = widget.mapTo(scroll.viewport(), widget.rect().topLeft())
    area = QRect(top_left, widget.size())
    return widget.isVisible() and scroll.viewport().rect().contains(area)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_strip_and_alt_text_fit_a_1366x768_screen(lang: str, make_window: Any, qtbot: Any,
                                                  tmp_path: Path, analyzer: FakeAnalyzer,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPUB_LANG", lang)
    try:
        # a class of children: a two-digit count on the badge
        analyzer.faces_by_name[NAMES[0]] = [face(i, (20 + 70 * i, 100, 80 + 70 * i, 180), age=9,
                                                 minor=True) for i in range(11)]
        w = make_window()
        w.resize(1366, 768)
        assert (w.width(), w.height()) == (1366, 768)
        imgs = [make_jpeg(tmp_path / n, size=(900, 600), gps=(57.7, 11.9) if i % 2 else None)
                for i, n in enumerate(NAMES)]
        w.session.add_images([str(p) for p in imgs])
        wait_analysed(qtbot, w, len(imgs))
        settle(qtbot, w)
        qtbot.wait(1)  # one event-loop turn: the splitters lay out at the new size

        strip, model = w.strip, w.strip_model
        delegate = strip.itemDelegate()
        font = strip.font()
        fm = strip.fontMetrics()
        counts = []
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            path = model.path_at(row)
            label, state = model.badge_text(path), model.state(path)
            counts.append(model.count(path))
            thumb, name_rect, badge = delegate.layout(strip.visualRect(index), font, label, state)
            need = delegate.badge_width(label, state, delegate.badge_font(font))
            assert badge.width() >= need, (label, badge.width(), need)
            assert thumb.width() >= 48
            name = index.data()
            assert delegate.name_lines(name, name_rect, fm) == name, (name, name_rect)
        assert max(counts) >= 10  # the long badge was among them

        ins = w.inspector
        w.strip.select_path(str(imgs[0].resolve()))
        assert ins.verticalScrollBar().value() == 0
        assert _fully_visible(ins.alt_text, ins), ins.alt_text.geometry()
        assert not ins.horizontalScrollBar().isVisible()  # nothing cut at the side either
        strip.selectAll()  # the batch note and the alt text prefix appear
        qtbot.wait(1)
        assert ins.batch_note.isVisible()
        assert ins.verticalScrollBar().value() == 0
        assert _fully_visible(ins.alt_text, ins)
        assert not ins.horizontalScrollBar().isVisible()
    finally:
        from PySide6.QtWidgets import QApplication

        from prepub.gui.i18n import switch_language

        switch_language(QApplication.instance(), "en")
