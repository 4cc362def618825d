"""The preview with its controls: zoom buttons, a legend of the face colours in this photo, and
"Unknown faces" for deciding every undecided face of this photo at once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from prepub.gui import face_bulk, text
from prepub.gui.session import PostSession
from prepub.gui.style import FACE_COLOURS
from prepub.gui.widgets.preview import PreviewView

LEGEND_ORDER = ("unknown", "minor", "problem", "ok", "blurred", "not_identifiable", "small")


class PreviewPane(QWidget):
    bulk_requested = Signal(str)  # a decision for every unknown face of this photo

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = PreviewView(session, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.setContentsMargins(2, 0, 2, 0)
        self.legend = QLabel(self)
        self.legend.setObjectName("faceLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.legend, 1)
        self.bulk = QToolButton(self)
        self.bulk.setObjectName("bulkFacesButton")
        self.bulk.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.bulk)
        self._bulk_not_identifiable = menu.addAction(
            "", lambda: self.bulk_requested.emit("not_identifiable"))
        self._bulk_blur = menu.addAction("", lambda: self.bulk_requested.emit("blur"))
        menu.addSeparator()
        self._bulk_adults = menu.addAction("", lambda: self.bulk_requested.emit("adults"))
        self.bulk.setMenu(menu)
        self.bulk.hide()
        row.addWidget(self.bulk)
        self._zoom_buttons: list[QToolButton] = []
        for label, slot in (("−", lambda: self.view.zoom(0.8)), ("", self.view.fit),
                            ("+", lambda: self.view.zoom(1.25))):
            b = QToolButton(self)
            b.setText(label)
            b.setAutoRaise(True)
            b.clicked.connect(slot)
            row.addWidget(b)
            self._zoom_buttons.append(b)
        lay.addLayout(row)
        session.findings_changed.connect(self.update_legend)
        session.faces_changed.connect(self.update_legend)
        session.report_ready.connect(self.update_legend)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language (at start and when the language changes)."""
        self.bulk.setText(self.tr("Several faces"))
        self.bulk.setToolTip(self.tr("Decide the undecided faces of this photo at once, or "
                                     "confirm its possible children are adults"))
        self._bulk_not_identifiable.setText(
            self.tr("Mark all not identifiable (except possible children)…"))
        self._bulk_blur.setText(self.tr("Blur all on export…"))
        self._bulk_adults.setText(self.tr("Confirm possible children are adults…"))
        zoom_out, fit, zoom_in = self._zoom_buttons
        fit.setText(self.tr("Fit"))
        for b, tip in ((zoom_out, self.tr("Zoom out (Ctrl+-)")),
                       (fit, self.tr("Fit the photo in the window (Ctrl+0)")),
                       (zoom_in, self.tr("Zoom in (Ctrl++)"))):
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        self.view.setAccessibleName(QCoreApplication.translate("PreviewView", "Image preview"))
        self.view.viewport().update()  # its messages are worded as they are painted
        self.update_legend()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_image(self, path: str) -> None:
        self.view.show_image(path)
        self.update_legend()

    def update_legend(self, *_a: object) -> None:
        path = self.view.path
        rep = self.session.reports.get(path) if path else None
        states = self.session.face_states(path) if rep is not None else {}
        im = self.session.image(path) if rep is not None else None
        children = bool(path) and rep is not None and bool(face_bulk.flagged_children(
            self.session, path))
        self._bulk_adults.setEnabled(children)
        self.bulk.setVisible(im is not None and (children or any(
            states.get(f.index) != "small" and (im.face(f.index) is None
                                                or im.face(f.index).decision is None)
            for f in rep.faces)))
        if rep is None:
            self.legend.setText("")
            return
        if not rep.faces:
            self.legend.setText(self.tr("No faces found in this photo."))
            return
        parts = []
        for state in LEGEND_ORDER:
            n = sum(1 for s in states.values() if s == state)
            if n:
                parts.append(f"<span style='background:{FACE_COLOURS[state]}; color:#000;'>"
                             f"&nbsp;{n}&nbsp;</span>&nbsp;{text.face_state_label(state)}")
        hint = self.tr("Click a face to decide.")
        self.legend.setText("&nbsp;&nbsp; ".join(parts) + f"&nbsp;&nbsp; <i>{hint}</i>")
