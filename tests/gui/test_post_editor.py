"""The post editor: live text checks, underlines, the one-click fix, counters, LIX, channels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from guikit import settle


def test_typing_underlines_and_fix_button_replaces(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    s = w.session
    if s.features.get("text") is not None:
        import pytest

        pytest.skip(f"text checks not installed: {s.features['text']}")
    ed = w.editor
    ed.channel_boxes["x"].setChecked(True)
    ed.edit.setFocus()
    qtbot.keyClicks(ed.edit, "Vi ses t.ex. i parken pa lordag.")
    assert s.draft.text == "Vi ses t.ex. i parken pa lordag."
    settle(qtbot, w)
    abbrev = [f for f in s.text_findings() if f.rule == "text.abbreviation"]
    assert abbrev and abbrev[0].fix is not None and abbrev[0].fix.replacement
    assert any(e.format.underlineStyle().name == "WaveUnderline"
               for e in ed.edit.extraSelections())
    # hovering explains the finding with the policy paragraph
    tip = ed.edit.tooltip_for([abbrev[0]])
    assert abbrev[0].fix.replacement in tip
    # counters per channel (as each network counts) and LIX in plain words
    assert "X 32/280" in ed.counters.text()
    assert "LIX" in ed.lix.text() and "read" in ed.lix.text()

    # put the cursor inside "t.ex." and use the quick-fix button
    cur = ed.edit.textCursor()
    cur.setPosition(abbrev[0].span[0] + 1)
    ed.edit.setTextCursor(cur)
    assert ed.fix_button.isEnabled()
    qtbot.mouseClick(ed.fix_button, Qt.MouseButton.LeftButton)
    assert s.draft.text == f"Vi ses {abbrev[0].fix.replacement} i parken pa lordag."
    settle(qtbot, w)
    assert not [f for f in s.text_findings() if f.rule == "text.abbreviation"]
    # the fix is one undo step
    ed.edit.undo()
    assert s.draft.text == "Vi ses t.ex. i parken pa lordag."


def test_go_to_fix_selects_the_span_and_blocking_text_blocks_export(make_window: Any,
                                                                    qtbot: Any) -> None:
    w = make_window()
    s = w.session
    if s.features.get("text") is not None:
        import pytest

        pytest.skip(f"text checks not installed: {s.features['text']}")
    w.editor.edit.setPlainText("Hej alla! Just nu i Paris med laget.")
    settle(qtbot, w)
    trip = next(f for f in s.findings() if f.rule == "text.trip_ongoing")
    assert trip.blocks and id(trip) in s.blocker_ids()
    ok, _why = w.export_state()
    assert not ok
    w.nav.go_to(trip)
    cur: QTextCursor = w.editor.edit.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == trip.span
    # the findings panel groups it under the post text
    top = [w.findings.model.index(r, 0).data() for r in range(w.findings.model.rowCount())]
    assert any(t.startswith("Post text") for t in top)


def test_channels_come_from_the_policy(make_window: Any, qtbot: Any) -> None:
    w = make_window()
    assert set(w.editor.channel_boxes) == set(w.session.policy.channels)
    w.editor.channel_boxes["linkedin"].setChecked(True)
    assert "linkedin" in w.session.draft.channels
    w.editor.channel_boxes["linkedin"].setChecked(False)
    assert "linkedin" not in w.session.draft.channels
