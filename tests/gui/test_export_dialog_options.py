"""Export dialog options of issue 14: the date order per tool with an example date, the public
image address checked as it is typed, the approver and case number for the record, and what a
written file lacks shown beside it."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from guikit import FakeAnalyzer, make_jpeg, ready_post, wait_until
from PySide6.QtCore import Qt

from prepub.core import clock

NOW = datetime(2026, 11, 23, 8, 2, tzinfo=timezone.utc)
ZONE = ZoneInfo("Europe/Stockholm")


def _dialog(w: Any, qtbot: Any, tmp_path: Path) -> Any:
    ready_post(w, qtbot, make_jpeg(tmp_path / "park.jpg"),
               text="Vi fikade i parken i dag.\n\nKom gärna nästa gång!\n\nFoto: Erik Lund")
    assert not w.session.blockers(), [f.rule for f in w.session.blockers()]
    w.on_export()
    dlg = w.export_dialog
    out = tmp_path / "out"
    out.mkdir()
    dlg.folder.setText(str(out))
    return dlg


def test_date_order_example_media_address_and_record_fields(make_window: Any, qtbot: Any,
                                                            tmp_path: Path, analyzer: FakeAnalyzer) -> None:
    with clock.frozen(NOW):
        w = make_window()
        dlg = _dialog(w, qtbot, tmp_path)
        dlg.schedule.setChecked(True)
        dlg.set_publication_time(datetime(2026, 12, 3, 18, 30, tzinfo=ZONE))
        assert set(dlg.date_orders) == {"hootsuite", "sprout"}  # Publer reads ISO dates only
        example = dlg.date_examples["hootsuite"]
        assert "03/12/2026 18:30" in example.text() and "2026" in example.text()
        mdy = dlg.date_orders["hootsuite"]
        mdy.setCurrentIndex(mdy.findData("mdy"))
        assert "12/03/2026 18:30" in example.text()
        assert "December" in example.text() or "december" in example.text()  # the date it means

        dlg.media_url.setText("ftp://bilder.example.se/")
        assert not dlg.export_button.isEnabled() and dlg.media_note.isVisibleTo(dlg)
        assert "https://" in dlg.media_note.text()
        dlg.media_url.setText("https://www.example.se/media/park bilder/")
        assert dlg.export_button.isEnabled() and not dlg.media_note.isVisibleTo(dlg)

        dlg.approver.setText("Karin Holm")
        dlg.case_number.setText("KS 2026/77")
        dlg.record_pdf.setChecked(False)
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: dlg.pages.currentIndex() == 2)
        r = dlg.result_bundle
        assert r is not None, dlg.error_text
        root = Path(r.path)
        hoot = (root / "scheduling" / "hootsuite-instagram.csv").read_text(encoding="utf-8")
        assert hoot.startswith("12/03/2026 18:30,")
        sprout = (root / "scheduling" / "sprout-instagram.csv").read_text(encoding="utf-8")
        assert "03/12/2026,18:30" in sprout and "\nKom gärna" in sprout  # dmy; paragraphs kept
        doc = json.loads((root / "bundle.json").read_text(encoding="utf-8"))
        assert doc["posts"][0]["record"]["approver"] == "Karin Holm"
        media = doc["posts"][0]["networks"][0]["media"]
        assert media[0]["public_url"].startswith("https://www.example.se/media/park%20bilder/")
        html = (root / "record.html").read_text(encoding="utf-8")
        assert "Karin Holm" in html and "KS 2026/77" in html
        # what a written file lacks is shown beside it; the list still names the files
        assert dlg.written_files() == sorted(r.files)
        texts = [dlg.files.item(i).text() for i in range(dlg.files.count())]
        [hoot_item] = [t for t in texts if "hootsuite-instagram.csv" in t]
        assert hoot_item.startswith("⚠") and "\n" in hoot_item
        dlg.accept()
