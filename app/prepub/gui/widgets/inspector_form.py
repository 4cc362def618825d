"""The inspector's widgets and their words: built once, worded by :meth:`retranslate` (at start
and whenever the UI language changes), laid out to fit a 1366 x 768 screen.

What the user fills in comes first (photographer, context, alt text: the alt text is editable
without scrolling on a small screen; where and when share a row), then source, licence and
caption; what the file says (time, camera, place, and what the export removes) follows.
:class:`~prepub.gui.widgets.inspector.InspectorPanel` adds the behaviour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from prepub.core.draft import SOURCE_KINDS
from prepub.gui import text
from prepub.gui.style import pill_stylesheet

ALT_TEXT_LINES = 3
translate = QCoreApplication.translate  # (a name pyside6-lupdate reads as Qt's translate)


class InspectorForm:
    """The widgets of :class:`InspectorPanel` (a mixin: the panel is the QScrollArea). Their
    words are in the panel's translation context, "InspectorPanel"."""

    settings: Any
    _placeholders: dict[QWidget, str]

    def _build_form(self, body: QWidget, lay: QVBoxLayout) -> None:
        self.title = QLabel(body)
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.title_row = QHBoxLayout()  # the title, and the panel's templates button after it
        self.title_row.setContentsMargins(0, 0, 0, 0)
        self.title_row.addWidget(self.title, 1)
        lay.addLayout(self.title_row)
        self.batch_note = QLabel(body)
        self.batch_note.setObjectName("inspectorBatchNote")
        self.batch_note.setWordWrap(True)
        self.batch_note.setStyleSheet(pill_stylesheet("attention"))
        self.batch_note.hide()
        lay.addWidget(self.batch_note)

        # --- what the user fills in
        self._form_box = req = QGroupBox(body)
        form = QFormLayout(req)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.photographer = QLineEdit()
        self._photographers = QStringListModel(self.settings.photographers, req)
        comp = QCompleter(self._photographers, req)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.photographer.setCompleter(comp)
        self.photographer_label = self._row(form, self.photographer)
        self.what = QLineEdit()
        self.what_label = self._row(form, self.what)
        self.where, self.when = QLineEdit(), QLineEdit()
        self.when_label = QLabel()
        self.when_label.setBuddy(self.when)
        self.where_label = self._row(form, _pair(self.where, self.when_label, self.when),
                                     buddy=self.where)
        self.alt_text = QPlainTextEdit()
        self.alt_text.setTabChangesFocus(True)
        self.alt_text.setFixedHeight(self.alt_text.fontMetrics().lineSpacing() * ALT_TEXT_LINES + 12)
        self.alt_text_label = self._row(form, self.alt_text)
        self.alt_counter = QLabel()
        self.alt_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("", self.alt_counter)
        self.alt_prefix = QLineEdit()
        self.alt_prefix.setObjectName("altTextPrefix")
        self.alt_prefix_label = self._row(form, self.alt_prefix)
        self.source = QComboBox()
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(12)  # may be narrower than its longest item
        for kind in SOURCE_KINDS:
            self.source.addItem(text.source_label(kind), kind)
        self.source_label = self._row(form, self.source)
        self.licence = QLineEdit()
        self.licence_label = self._row(form, self.licence)
        self.caption = QLineEdit()
        self.caption_label = self._row(form, self.caption)
        lay.addWidget(req)

        # --- what the file says
        self._meta_box = meta = QGroupBox(body)
        mform = QFormLayout(meta)
        mform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.taken, self.camera, self.place = QLabel("–"), QLabel("–"), QLabel("–")
        for w in (self.taken, self.camera, self.place):
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.taken_label = self._row(mform, self.taken)
        self.camera_label = self._row(mform, self.camera)
        self.place_label = self._row(mform, self.place)
        self.gps_notice = QLabel()
        self.gps_notice.setObjectName("gpsNotice")  # a note, not a warning: nothing to do
        self.gps_notice.setWordWrap(True)
        mform.addRow(self.gps_notice)
        self.strip_notice = QLabel()
        self.strip_notice.setWordWrap(True)
        mform.addRow(self.strip_notice)
        self.trip_ended = QCheckBox()
        mform.addRow(self.trip_ended)
        lay.addWidget(meta)
        lay.addStretch(1)

    @staticmethod
    def _row(form: QFormLayout, field: QWidget, *, buddy: QWidget | None = None) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy or field)
        form.addRow(label, field)
        return label

    def retranslate_form(self) -> None:
        """Every label, placeholder and item text in the UI language."""
        self.batch_note.setText(translate(
            "InspectorPanel", "What you type here applies to every selected photo."))
        self._form_box.setTitle(translate("InspectorPanel", "About the photo"))
        self._meta_box.setTitle(translate("InspectorPanel", "From the file"))
        for label, words in (
                (self.photographer_label, translate("InspectorPanel", "&Photographer:")),
                (self.what_label, translate("InspectorPanel", "&What:")),
                (self.where_label, translate("InspectorPanel", "W&here:")),
                (self.when_label, translate("InspectorPanel", "Whe&n:")),
                (self.source_label, translate("InspectorPanel", "&Source:")),
                (self.licence_label, translate("InspectorPanel", "&Licence:")),
                (self.alt_text_label, translate("InspectorPanel", "&Alt text:")),
                (self.alt_prefix_label, translate("InspectorPanel", "Alt text p&refix:")),
                (self.caption_label, translate("InspectorPanel", "&Caption:")),
                (self.taken_label, translate("InspectorPanel", "Taken:")),
                (self.camera_label, translate("InspectorPanel", "Camera:")),
                (self.place_label, translate("InspectorPanel", "Place:"))):
            label.setText(words)
        self._placeholders = {
            self.photographer: translate("InspectorPanel", "Who took the photo?"),
            self.what: translate("InspectorPanel", "What happens in the photo?"),
            self.where: translate("InspectorPanel", "Where was it taken?"),
            self.when: translate("InspectorPanel", "When? (e.g. 2024-05-17)"),
            self.licence: translate("InspectorPanel", "Licence or agreement reference"),
            self.alt_text: translate("InspectorPanel",
                                     "Describe the photo for people who cannot see it"),
            self.caption: translate("InspectorPanel",
                                    "Optional caption, e.g. “Foto: Anna Svensson”"),
        }
        for w, words in self._placeholders.items():
            w.setPlaceholderText(words)
        self.alt_prefix.setPlaceholderText(translate(
            "InspectorPanel", "Words put before each photo's alt text"))
        for i in range(self.source.count()):
            self.source.setItemText(i, text.source_label(str(self.source.itemData(i))))
        self.gps_notice.setText("ⓘ " + translate("InspectorPanel",
                                                 "The location is removed on export"))
        self.trip_ended.setText(translate(
            "InspectorPanel", "The trip shown has ended (we never post from an ongoing trip)"))


def _pair(a: QWidget, label: QLabel, b: QWidget) -> QWidget:
    """Two fields on one row ("Where: … When: …"), the second with its own label."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a, 3)
    row.addWidget(label)
    row.addWidget(b, 2)
    return holder
