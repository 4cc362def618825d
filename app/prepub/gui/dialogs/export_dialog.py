"""The export dialog: where to write, reasons for any allowed overrides, progress with Cancel,
and a summary of what was written where and what to do by hand.

The export itself is ``prepub.core.export.export_bundle`` on the one-thread ``write`` pool; it
writes into a hidden partial folder and renames it into place only when everything verified, so a
Cancel or an error leaves nothing behind.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from prepub.core.draft import Override
from prepub.core.model import Finding
from prepub.core.progress import Cancelled
from prepub.gui import services, text
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings

FORMATS = (("publer", "Publer"), ("hootsuite", "Hootsuite"), ("sprout", "Sprout Social"),
           ("json", "JSON"))


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
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save in folder:"), row)
        self.zip = QCheckBox(self.tr("Write one .zip file"))
        form.addRow("", self.zip)
        fmt_row = QHBoxLayout()
        self.formats: dict[str, QCheckBox] = {}
        for key, label in FORMATS:
            box = QCheckBox(label)
            box.setChecked(True)
            self.formats[key] = box
            fmt_row.addWidget(box)
        fmt_row.addStretch(1)
        form.addRow(self.tr("Scheduling files:"), fmt_row)
        lay.addLayout(form)
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
                edit.textChanged.connect(self._update_ok)
                label = QLabel(text.finding_message(f, self.session.ui_language))
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

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Choose the export folder"),
                                             self.folder.text())
        if d:
            self.folder.setText(d)

    def _update_ok(self) -> None:
        ok = all(e.text().strip() for _, e in self.reasons) and bool(self.folder.text().strip())
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
        now = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
        user = services.Services.user_name()
        for f, edit in self.reasons:
            s.draft.overrides = [o for o in s.draft.overrides
                                 if not (o.rule == f.rule and o.subject == f.subject)]
            s.draft.overrides.append(Override(rule=f.rule, reason=edit.text().strip(),
                                              subject=f.subject, by=user, at=now))
        out = self.folder.text().strip()
        self.settings.last_export_dir = out
        self.pages.setCurrentIndex(1)
        draft = copy.deepcopy(s.draft)
        kwargs = dict(draft=draft, out_dir=out, policy=s.policy, findings=s.findings(),
                      registry=s.registry, zip=self.zip.isChecked(),
                      formats=[k for k, b in self.formats.items() if b.isChecked()],
                      lang=s.ui_language, checked_at=datetime.now(timezone.utc))
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
        self.files = QListWidget()
        self.files.setObjectName("exportFiles")
        lay.addWidget(self.files, 1)
        self.by_hand_label = QLabel(self.tr("Do by hand:"))
        lay.addWidget(self.by_hand_label)
        self.by_hand = QListWidget()
        self.by_hand.setObjectName("exportNotices")
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
            self.files.hide()
            self.by_hand_label.setVisible(bool(found))
            self.by_hand.clear()
            for f in found:
                self.by_hand.addItem(text.finding_message(f, lang))
            self.by_hand.setVisible(bool(found))
            self.open_folder.hide()
            return
        self.result_bundle = result
        self.summary_title.setText(self.tr("Exported. Everything was checked and written."))
        self.summary_path.setText(self.tr("Written to: %1").replace("%1", str(result.path)))
        self.files.clear()
        for name in sorted(result.files):
            self.files.addItem(name)
        self.by_hand.clear()
        for f in result.notices:
            self.by_hand.addItem(text.finding_message(f, lang))
        self.by_hand.setVisible(bool(result.notices))
        self.by_hand_label.setVisible(bool(result.notices))

    def _hide_result(self) -> None:
        for w in (self.files, self.by_hand, self.by_hand_label, self.open_folder):
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
