"""The export dialog: where to write, when the post is published, reasons for any allowed
overrides, progress with Cancel, and a summary of every file written, every file left out and
why, and what to do by hand.

Scheduling tools that need a publication time (Hootsuite, Sprout Social) are offered only once a
time is set: without one the core would leave their files out, so they are unticked and greyed
with a note saying why. The time is entered as wall-clock time in the policy's export time zone
(``[export] timezone``), which is shown beside it.

Per tool whose import lets the user choose (``ToolSpec.date_orders``), the date order its account
is set to (day or month first), with the publication time shown as that tool's file will write it
and as the date it means, so a mm/dd account is caught before 03/12 becomes 12 March. The public
media address (checked as it is typed), the approver and the case number (diarienummer) for the
publication record, PDF/A on or off, and whether images keep their original file names. The
choices last for this dialog only: ``GuiSettings`` has no generic get/set to keep them in.

The export itself is ``prepub.core.export.export_bundle`` on the one-thread ``write`` pool; it
writes into a hidden partial folder and renames it into place only when everything verified, so a
Cancel or an error leaves nothing behind.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTimeZone, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox,
                               QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from prepub.core import clock
from prepub.core.draft import Override
from prepub.core.export.errors import ExportError
from prepub.core.export.plan import media_base
from prepub.core.export.scheduling import REJECTING, TOOLS, date_example
from prepub.core.model import Finding
from prepub.core.progress import Cancelled
from prepub.gui import services, text
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings
from prepub.gui.style import pill_stylesheet

FORMATS = (("publer", "Publer"), ("hootsuite", "Hootsuite"), ("sprout", "Sprout Social"),
           ("json", "JSON"))
#: The formats whose files need a publication time (the core leaves them out without one).
NEEDS_TIME = frozenset(k for k, spec in TOOLS.items() if spec.needs_time)
#: The tools whose import lets the user choose the date order.
DATE_ORDER_TOOLS = tuple(k for k, spec in TOOLS.items() if len(spec.date_orders) > 1)


class ExportDialog(QDialog):
    """Modal export flow. ``result_bundle`` holds the core's ExportResult after success."""

    def __init__(self, session: PostSession, settings: GuiSettings, *, overridable: list[Finding],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the post"))
        self.session, self.settings = session, settings
        self.overridable = overridable
        self.result_bundle: Any = None
        self.error_text = ""
        self._task: Any = None
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        lay.addWidget(self.pages)
        self.pages.addWidget(self._options_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())

    # --- page 1: options -------------------------------------------------------------------------

    def _options_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        intro = QLabel(self.tr("Prepub writes clean copies of the photos (no location, no camera "
                               "data), the text per channel, files for your scheduling tool and a "
                               "publication record. Your original files are never changed."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        default = self.settings.last_export_dir or str(
            Path(self.session.path).parent if self.session.path else Path.home())
        self.folder = QLineEdit(default)
        self.folder.setObjectName("exportFolder")
        self.folder.setAccessibleName(self.tr("Export folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save in folder:"), row)
        self.zip = QCheckBox(self.tr("Write one .zip file"))
        form.addRow("", self.zip)
        form.addRow(self.tr("Publication time:"), self._time_row())
        form.addRow("", self.zone_label)
        fmt_row = QHBoxLayout()
        self.formats: dict[str, QCheckBox] = {}
        self._wanted: dict[str, bool] = {}  # the ticks of time-bound tools while greyed out
        for key, label in FORMATS:
            box = QCheckBox(label)
            box.setObjectName(f"exportFormat_{key}")
            box.setChecked(True)
            self.formats[key] = box
            fmt_row.addWidget(box)
        fmt_row.addStretch(1)
        form.addRow(self.tr("Scheduling files:"), fmt_row)
        self.time_note = QLabel()
        self.time_note.setObjectName("exportTimeNote")
        self.time_note.setWordWrap(True)
        form.addRow("", self.time_note)
        self.date_orders: dict[str, QComboBox] = {}
        self.date_examples: dict[str, QLabel] = {}
        for key in DATE_ORDER_TOOLS:
            combo = QComboBox()
            combo.setObjectName(f"exportDateOrder_{key}")
            combo.setAccessibleName(self.tr("%1 dates:").replace("%1", TOOLS[key].label)
                                    .rstrip(":"))
            combo.addItem(self.tr("day/month/year (dd/mm/yyyy)"), "dmy")
            combo.addItem(self.tr("month/day/year (mm/dd/yyyy)"), "mdy")
            combo.setToolTip(self.tr("Choose the date format your account uses in the tool's "
                                     "import settings."))
            example = QLabel()
            example.setObjectName(f"exportDateExample_{key}")
            combo.currentIndexChanged.connect(self._update_time)
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(example, 1)
            self.date_orders[key], self.date_examples[key] = combo, example
            form.addRow(self.tr("%1 dates:").replace("%1", TOOLS[key].label), row)
        self.media_url = QLineEdit(str(self.session.policy.export.media_base_url or ""))
        self.media_url.setObjectName("exportMediaUrl")
        self.media_url.setPlaceholderText("https://www.example.org/media/")
        self.media_url.setToolTip(self.tr("Where the website will serve the exported images. "
                                          "Fills the tools' image columns; leave empty to "
                                          "attach the images by hand."))
        self.media_url.textChanged.connect(self._update_ok)
        form.addRow(self.tr("Public image address:"), self.media_url)
        self.media_note = QLabel()
        self.media_note.setObjectName("exportMediaNote")
        self.media_note.setWordWrap(True)
        self.media_note.setStyleSheet(pill_stylesheet("attention"))
        form.addRow("", self.media_note)
        self.keep_names = QCheckBox(self.tr("Name the images after the original files"))
        self.keep_names.setObjectName("exportKeepNames")
        self.keep_names.setToolTip(self.tr("File names can name people or places; by default "
                                           "the images are named after the post."))
        form.addRow("", self.keep_names)
        self.approver = QLineEdit()
        self.approver.setObjectName("exportApprover")
        self.approver.setPlaceholderText(self.tr("Name of the person who approved the post"))
        form.addRow(self.tr("Approved by:"), self.approver)
        self.case_number = QLineEdit()
        self.case_number.setObjectName("exportCaseNumber")
        self.case_number.setPlaceholderText(self.tr("Optional, e.g. KS 2026/123"))
        form.addRow(self.tr("Case number:"), self.case_number)
        self.record_pdf = QCheckBox(self.tr("Also write the publication record as PDF/A"))
        self.record_pdf.setObjectName("exportRecordPdf")
        self.record_pdf.setChecked(bool(self.session.policy.export.record_pdf))
        form.addRow("", self.record_pdf)
        lay.addLayout(form)
        self._update_time()
        self.reasons: list[tuple[Finding, QLineEdit]] = []
        if self.overridable:
            box = QGroupBox(self.tr("Export despite these, with a reason"))
            blay = QFormLayout(box)
            note = QLabel(self.tr("Your policy lets you export past these checks if you say why. "
                                  "The reason is saved in the publication record."))
            note.setWordWrap(True)
            blay.addRow(note)
            for f in self.overridable:
                edit = QLineEdit()
                edit.setPlaceholderText(self.tr("Reason (required)"))
                edit.setAccessibleName(self.tr("Reason for exporting despite: %1").replace(
                    "%1", text.finding_message(f, self.session.ui_language, self.session.policy)))
                edit.textChanged.connect(self._update_ok)
                label = QLabel(text.finding_message(f, self.session.ui_language,
                                                    self.session.policy))
                label.setWordWrap(True)
                blay.addRow(label)
                blay.addRow(edit)
                self.reasons.append((f, edit))
            lay.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("startExport")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._update_ok()
        return page

    def _time_row(self) -> QHBoxLayout:
        """"Publish at" [date and time, calendar popup]; below it (``zone_label``) "Time zone:
        Europe/Stockholm (UTC+01:00)", the zone the time is read in."""
        self.zone = _export_zone(self.session.policy)
        when = _draft_time(self.session.draft.scheduled_at, self.zone)
        row = QHBoxLayout()
        self.schedule = QCheckBox(self.tr("Publish at"))
        self.schedule.setObjectName("exportScheduled")
        self.schedule.setToolTip(self.tr("The time the scheduling tools publish the post. "
                                         "Without one, Publer picks a time itself and the tools "
                                         "that need one are left out."))
        self.when = QDateTimeEdit()
        self.when.setObjectName("exportTime")
        self.when.setAccessibleName(self.tr("Publication time"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        qzone = QTimeZone(self.zone.key.encode("ascii", "ignore"))
        self._qzone = qzone if qzone.isValid() else QTimeZone(QTimeZone.Initialization.UTC)
        self.when.setTimeZone(self._qzone)
        self.set_publication_time(when or _next_hour(clock.now(), self.zone))
        self.schedule.setChecked(when is not None)
        self.zone_label = QLabel()
        self.zone_label.setObjectName("exportTimeZone")
        self.schedule.toggled.connect(self._update_time)
        self.when.dateTimeChanged.connect(self._update_time)
        row.addWidget(self.schedule)
        row.addWidget(self.when)
        row.addStretch(1)
        return row

    def set_publication_time(self, when: datetime) -> None:
        """Show ``when`` (aware) in the export time zone."""
        ms = int(when.astimezone(timezone.utc).timestamp() * 1000)
        self.when.setDateTime(QDateTime.fromMSecsSinceEpoch(ms, self._qzone))

    def publication_time(self) -> datetime | None:
        """The chosen time, aware, in the export time zone; None when none is set."""
        if not self.schedule.isChecked():
            return None
        ms = self.when.dateTime().toMSecsSinceEpoch()
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone(self.zone)

    def _update_time(self, *_args: Any) -> None:
        has_time = self.schedule.isChecked()
        self.when.setEnabled(has_time)
        t = self.publication_time() or _next_hour(clock.now(), self.zone)
        self.zone_label.setText(self.tr("Time zone: %1").replace(
            "%1", f"{self.zone.key} (UTC{_offset(t)})"))
        names = []
        for key, box in self.formats.items():
            if key not in NEEDS_TIME:
                continue
            names.append(box.text())
            if has_time and not box.isEnabled():
                box.setEnabled(True)
                box.setChecked(self._wanted.get(key, True))
                box.setToolTip("")
            elif not has_time and box.isEnabled():
                self._wanted[key] = box.isChecked()
                box.setChecked(False)
                box.setEnabled(False)
                box.setToolTip(self.tr("Needs a publication time."))
        self.time_note.setText(self.tr("%1 need a publication time: tick “Publish at” and choose "
                                       "one to write their files.").replace("%1", ", ".join(names)))
        self.time_note.setVisible(not has_time and bool(names))
        for key, combo in getattr(self, "date_orders", {}).items():
            order = combo.currentData()
            written = date_example(key, order, t)
            meant = QLocale(self.session.ui_language).toString(
                QDate(t.year, t.month, t.day), QLocale.FormatType.LongFormat)
            self.date_examples[key].setText(self.tr("%1 reads “%2” as %3").replace(
                "%1", TOOLS[key].label).replace("%2", written).replace("%3", meant))

    def date_order_choices(self) -> dict[str, str]:
        """The date order chosen per tool (``dmy`` or ``mdy``)."""
        return {k: str(c.currentData()) for k, c in self.date_orders.items()}

    def media_base_url(self) -> tuple[str, str]:
        """The typed media address, checked: (normalised address or "", the reason it is refused
        or "")."""
        try:
            return media_base(self.media_url.text()), ""
        except ExportError as e:
            return "", e.message(self.session.ui_language)

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Choose the export folder"),
                                             self.folder.text())
        if d:
            self.folder.setText(d)

    def _update_ok(self) -> None:
        ok = all(e.text().strip() for _, e in self.reasons) and bool(self.folder.text().strip())
        if hasattr(self, "media_url"):
            _url, why = self.media_base_url()
            self.media_note.setText(why)
            self.media_note.setVisible(bool(why))
            ok = ok and not why
        self.export_button.setEnabled(ok)

    # --- page 2: progress ------------------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.progress_label = QLabel(self.tr("Preparing the export…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        lay.addStretch(1)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.progress)
        lay.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addStretch(1)
        return page

    def start(self) -> None:
        s = self.session
        now = clock.local_now().isoformat(timespec="seconds")
        user = services.Services.user_name()
        for f, edit in self.reasons:
            s.draft.overrides = [o for o in s.draft.overrides
                                 if not (o.rule == f.rule and o.subject == f.subject)]
            s.draft.overrides.append(Override(rule=f.rule, reason=edit.text().strip(),
                                              subject=f.subject, by=user, at=now))
        out = self.folder.text().strip()
        self.settings.last_export_dir = out
        when = self.publication_time()
        # the post remembers the time chosen here (saved with the draft, shown next time)
        s.draft.scheduled_at = None if when is None else when.isoformat(timespec="minutes")
        self.pages.setCurrentIndex(1)
        draft = copy.deepcopy(s.draft)
        kwargs = dict(draft=draft, out_dir=out, policy=s.policy, findings=s.findings(),
                      registry=s.registry, zip=self.zip.isChecked(),
                      formats=[k for k, b in self.formats.items() if b.isChecked()],
                      lang=s.ui_language, checked_at=clock.now(),
                      date_order=self.date_order_choices(),
                      media_base_url=self.media_url.text().strip(),
                      approver=self.approver.text().strip() or None,
                      case_number=self.case_number.text().strip() or None,
                      keep_names=self.keep_names.isChecked(),
                      record_pdf=self.record_pdf.isChecked())
        self._task = s.runner.run_in_background(services.export_bundle, self._done,
                                                on_progress=self._progressed, pool="write",
                                                name="export", kwargs=kwargs, pass_cancel=True,
                                                pass_progress=True)

    def _progressed(self, value: Any) -> None:
        done, total, _label = value
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        n = max(0, total - 1)
        if done < n:
            self.progress_label.setText(self.tr("Writing image %1 of %2…").replace("%1", str(done + 1))
                                        .replace("%2", str(n)))
        else:
            self.progress_label.setText(self.tr("Writing the texts and the publication record…"))

    def cancel(self) -> None:
        if self._task is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))
            self._task.cancel()
        else:
            self.reject()

    # --- page 3: summary -------------------------------------------------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.summary_title = QLabel()
        f = self.summary_title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.summary_title.setFont(f)
        self.summary_title.setWordWrap(True)
        lay.addWidget(self.summary_title)
        self.summary_path = QLabel()
        self.summary_path.setWordWrap(True)
        self.summary_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary_path)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("exportSkippedTitle")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setStyleSheet(pill_stylesheet("attention"))
        lay.addWidget(self.skipped_label)
        self.skipped = QListWidget()
        self.skipped.setObjectName("exportSkipped")
        self.skipped.setAccessibleName(self.tr("Files not written"))
        self.skipped.setWordWrap(True)
        lay.addWidget(self.skipped, 1)
        self.files_label = QLabel()
        self.files_label.setObjectName("exportFilesTitle")
        lay.addWidget(self.files_label)
        self.files = QListWidget()
        self.files.setObjectName("exportFiles")
        self.files.setAccessibleName(self.tr("Files written"))
        lay.addWidget(self.files, 1)
        self.by_hand_label = QLabel(self.tr("Do by hand:"))
        lay.addWidget(self.by_hand_label)
        self.by_hand = QListWidget()
        self.by_hand.setObjectName("exportNotices")
        self.by_hand.setAccessibleName(self.tr("Do by hand"))
        self.by_hand.setWordWrap(True)
        lay.addWidget(self.by_hand, 1)
        row = QHBoxLayout()
        self.open_folder = QPushButton(self.tr("Open the folder"))
        self.open_folder.clicked.connect(self._open_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.open_folder)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        return page

    def _done(self, result: Any, error: BaseException | None) -> None:
        self._task = None
        self.pages.setCurrentIndex(2)
        lang = self.session.ui_language
        if isinstance(error, Cancelled):
            self.summary_title.setText(self.tr("The export was cancelled. Nothing was written."))
            self._hide_result()
            return
        if error is not None:
            msg = error.message(lang) if hasattr(error, "message") else str(error)
            self.error_text = msg
            self.summary_title.setText(self.tr("The export failed. Nothing was written."))
            self.summary_path.setText(msg)
            found = getattr(error, "findings", ()) or ()
            for w in (self.files, self.files_label, self.skipped, self.skipped_label):
                w.hide()
            self.by_hand_label.setVisible(bool(found))
            self.by_hand.clear()
            for f in found:
                self.by_hand.addItem(text.finding_message(f, lang, self.session.policy))
            self.by_hand.setVisible(bool(found))
            self.open_folder.hide()
            return
        self.result_bundle = result
        skipped = list(getattr(result, "skipped", ()) or ())
        if skipped:
            self.summary_title.setText(self.tr("Exported, but not every file you asked for was "
                                               "written. See below which and why."))
        else:
            self.summary_title.setText(self.tr("Exported. Everything was checked and written."))
        self.summary_path.setText(self.tr("Written to: %1").replace("%1", str(result.path)))
        self.skipped_label.setText(self.tr("✕ Not written: %1").replace("%1", str(len(skipped))))
        self.skipped.clear()
        for file, reason in skipped:
            item = QListWidgetItem(f"✕ {file}\n    {reason}")
            item.setData(Qt.ItemDataRole.UserRole, file)
            item.setToolTip(reason)
            self.skipped.addItem(item)
        self.skipped_label.setVisible(bool(skipped))
        self.skipped.setVisible(bool(skipped))
        self.files_label.setText(self.tr("✓ Written: %1").replace("%1", str(len(result.files))))
        self.files.clear()
        notes = dict(getattr(result, "file_notes", {}) or {})
        for name in sorted(result.files):
            item = QListWidgetItem(name if name not in notes else f"⚠ {name}\n    " +
                                   "\n    ".join(notes[name]))
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name in notes:
                item.setToolTip("\n".join(notes[name]))
            self.files.addItem(item)
        # the reasons of files left out are listed above; the rest is what to do by hand
        notices = [f for f in result.notices if not (skipped and f.rule in REJECTING)]
        self.by_hand.clear()
        for f in notices:
            self.by_hand.addItem(text.finding_message(f, lang, self.session.policy))
        self.by_hand.setVisible(bool(notices))
        self.by_hand_label.setVisible(bool(notices))

    def written_files(self) -> list[str]:
        """The files the summary lists as written."""
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def skipped_files(self) -> list[str]:
        """The files the summary lists as not written."""
        return [self.skipped.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.skipped.count())]

    def _hide_result(self) -> None:
        for w in (self.files, self.files_label, self.skipped, self.skipped_label, self.by_hand,
                  self.by_hand_label, self.open_folder):
            w.hide()
        self.summary_path.clear()

    def _open_folder(self) -> None:
        if self.result_bundle is not None:
            p = Path(self.result_bundle.path)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(p if p.is_dir() else p.parent)))

    def reject(self) -> None:
        if self._task is not None:
            self.cancel()
            return
        super().reject()


# --- time helpers ---------------------------------------------------------------------------------

def _export_zone(policy: Any) -> ZoneInfo:
    """The policy's export time zone (what the core writes scheduling times in); UTC when the
    policy names one that does not exist (the export then reports that itself)."""
    try:
        from prepub.core.export.plan import export_zone

        return export_zone(policy)
    except Exception:  # noqa: BLE001 - ExportError for an unknown zone; the export says why
        return ZoneInfo("UTC")


def _draft_time(value: str | None, zone: ZoneInfo) -> datetime | None:
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        t = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.replace(tzinfo=zone) if t.tzinfo is None else t.astimezone(zone)


def _next_hour(now: datetime, zone: ZoneInfo) -> datetime:
    """A suggestion when the post has no time: the next full hour at least 30 minutes ahead."""
    t = (now.astimezone(zone) + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)
    return t + timedelta(hours=1)


def _offset(t: datetime) -> str:
    off = t.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
