"""Export dialog: the publication time, the scheduling tools that need one, and a summary that
names every file written and every file left out with the reason (issue 11).

Before: Hootsuite and Sprout Social were ticked by default, the dialog never asked for a time,
the core left their files out, and the summary still said "Everything was checked and written".
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from guikit import FakeAnalyzer, make_jpeg, ready_post, wait_until
from PySide6.QtCore import Qt

from prepub.core import clock

NOW = datetime(2026, 11, 23, 8, 2, tzinfo=timezone.utc)  # 09:02 in Stockholm
ZONE = ZoneInfo("Europe/Stockholm")


def _ready_post(w: Any, qtbot: Any, img: Path) -> str:
    path = ready_post(w, qtbot, img)
    assert not w.session.blockers(), [f.rule for f in w.session.blockers()]
    return path


def _open_dialog(w: Any, out: Path) -> Any:
    assert w.export_button.isEnabled(), w.export_button.toolTip()
    w.on_export()
    dlg = w.export_dialog
    dlg.folder.setText(str(out))
    return dlg


def _export(qtbot: Any, dlg: Any) -> None:
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
    assert dlg.result_bundle is not None, dlg.error_text


def test_without_a_time_the_tools_that_need_one_are_off_and_nothing_is_skipped(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    with clock.frozen(NOW):
        w = make_window()
        _ready_post(w, qtbot, make_jpeg(tmp_path / "park.jpg"))
        out = tmp_path / "out"
        out.mkdir()
        dlg = _open_dialog(w, out)
        # no time in the draft: the time is offered, not set; Hootsuite and Sprout are greyed
        assert not dlg.schedule.isChecked() and not dlg.when.isEnabled()
        assert dlg.when.calendarPopup()
        assert "Europe/Stockholm" in dlg.zone_label.text()
        for key in ("hootsuite", "sprout"):
            assert not dlg.formats[key].isChecked() and not dlg.formats[key].isEnabled(), key
        assert dlg.formats["publer"].isChecked() and dlg.formats["json"].isChecked()
        assert dlg.time_note.isVisibleTo(dlg)
        assert "Hootsuite" in dlg.time_note.text() and "time" in dlg.time_note.text()
        _export(qtbot, dlg)
        r = dlg.result_bundle
        assert r.skipped == ()
        written = dlg.written_files()
        assert written == sorted(r.files)
        assert "scheduling/publer-instagram.csv" in written
        assert not any("hootsuite" in n or "sprout" in n for n in written)
        assert dlg.skipped_files() == [] and not dlg.skipped.isVisibleTo(dlg)
        assert "Everything was checked and written" in dlg.summary_title.text()
        assert str(len(r.files)) in dlg.files_label.text()
        assert w.session.draft.scheduled_at is None
        dlg.accept()


def test_with_a_time_every_tool_file_is_written(make_window: Any, qtbot: Any, tmp_path: Path,
                                                analyzer: FakeAnalyzer) -> None:
    with clock.frozen(NOW):
        w = make_window()
        _ready_post(w, qtbot, make_jpeg(tmp_path / "park.jpg"))
        out = tmp_path / "out"
        out.mkdir()
        dlg = _open_dialog(w, out)
        dlg.schedule.setChecked(True)
        for key in ("hootsuite", "sprout"):
            assert dlg.formats[key].isEnabled() and dlg.formats[key].isChecked(), key
        assert not dlg.time_note.isVisibleTo(dlg)
        when = datetime(2026, 12, 1, 10, 0, tzinfo=ZONE)
        dlg.set_publication_time(when)
        assert dlg.publication_time() == when
        assert dlg.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-12-01 10:00"
        assert "UTC+01:00" in dlg.zone_label.text()
        _export(qtbot, dlg)
        r = dlg.result_bundle
        assert r.skipped == ()
        written = dlg.written_files()
        for tool in ("publer", "hootsuite", "sprout"):
            for ch in ("facebook", "instagram"):
                assert f"scheduling/{tool}-{ch}.csv" in written, (tool, ch)
        hoot = (Path(r.path) / "scheduling" / "hootsuite-instagram.csv").read_text(encoding="utf-8")
        assert hoot.startswith("01/12/2026 10:00,")  # wall time in the export zone
        assert datetime.fromisoformat(w.session.draft.scheduled_at) == when  # the post keeps it
        assert "Everything was checked and written" in dlg.summary_title.text()
        dlg.accept()


def test_files_left_out_are_listed_with_the_reason(make_window: Any, qtbot: Any, tmp_path: Path,
                                                   analyzer: FakeAnalyzer) -> None:
    with clock.frozen(NOW):
        w = make_window()
        _ready_post(w, qtbot, make_jpeg(tmp_path / "park.jpg"))
        out = tmp_path / "out"
        out.mkdir()
        dlg = _open_dialog(w, out)
        dlg.schedule.setChecked(True)
        dlg.set_publication_time(NOW + timedelta(minutes=5))  # the tools want 10 minutes ahead
        _export(qtbot, dlg)
        r = dlg.result_bundle
        skipped = dlg.skipped_files()
        expected = sorted(f"scheduling/{tool}-{ch}.csv" for tool in ("publer", "hootsuite", "sprout")
                          for ch in ("facebook", "instagram"))
        assert sorted(skipped) == expected == sorted(f for f, _ in r.skipped)
        assert not any(f in r.files for f in skipped) and not any(f in dlg.written_files() for f in skipped)
        # prominent: its own title and list, each file with its reason
        assert dlg.skipped.isVisibleTo(dlg) and dlg.skipped_label.isVisibleTo(dlg)
        assert "6" in dlg.skipped_label.text()
        texts = [dlg.skipped.item(i).text() for i in range(dlg.skipped.count())]
        assert all("10 minutes" in t for t in texts), texts
        assert "Everything" not in dlg.summary_title.text()
        assert "not every file" in dlg.summary_title.text()
        assert "manifest.json" in dlg.written_files()
        dlg.accept()


def test_unticking_the_time_again_greys_the_tools_and_keeps_the_choice(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    with clock.frozen(NOW):
        w = make_window()
        _ready_post(w, qtbot, make_jpeg(tmp_path / "park.jpg"))
        w.session.draft.scheduled_at = "2026-12-01T10:00:00+01:00"
        dlg = _open_dialog(w, tmp_path)
        assert dlg.schedule.isChecked()  # the post's own time is shown
        assert dlg.publication_time() == datetime(2026, 12, 1, 10, 0, tzinfo=ZONE)
        dlg.formats["sprout"].setChecked(False)
        dlg.schedule.setChecked(False)
        assert not dlg.formats["hootsuite"].isEnabled() and not dlg.formats["hootsuite"].isChecked()
        assert dlg.publication_time() is None
        dlg.schedule.setChecked(True)
        assert dlg.formats["hootsuite"].isChecked() and not dlg.formats["sprout"].isChecked()
        dlg.reject()
