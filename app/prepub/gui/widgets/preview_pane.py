"""The preview with its controls: zoom buttons and a legend of the face colours in this photo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from prepub.gui import text
from prepub.gui.session import PostSession
from prepub.gui.style import FACE_COLOURS
from prepub.gui.widgets.preview import PreviewView

LEGEND_ORDER = ("unknown", "minor", "problem", "ok", "blurred", "not_identifiable", "small")


class PreviewPane(QWidget):
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
        for label, tip, slot in ((("−"), self.tr("Zoom out (Ctrl+-)"), lambda: self.view.zoom(0.8)),
                                 (self.tr("Fit"), self.tr("Fit the photo in the window (Ctrl+0)"),
                                  self.view.fit),
                                 (("+"), self.tr("Zoom in (Ctrl++)"), lambda: self.view.zoom(1.25))):
            b = QToolButton(self)
            b.setText(label)
            b.setToolTip(tip)
            b.setAutoRaise(True)
            b.clicked.connect(slot)
            row.addWidget(b)
        lay.addLayout(row)
        session.findings_changed.connect(self.update_legend)
        session.faces_changed.connect(self.update_legend)
        session.report_ready.connect(self.update_legend)

    def show_image(self, path: str) -> None:
        self.view.show_image(path)
        self.update_legend()

    def update_legend(self, *_a: object) -> None:
        path = self.view.path
        rep = self.session.reports.get(path) if path else None
        if rep is None:
            self.legend.setText("")
            return
        if not rep.faces:
            self.legend.setText(self.tr("No faces found in this photo."))
            return
        states = self.session.face_states(path)
        parts = []
        for state in LEGEND_ORDER:
            n = sum(1 for s in states.values() if s == state)
            if n:
                parts.append(f"<span style='background:{FACE_COLOURS[state]}; color:#000;'>"
                             f"&nbsp;{n}&nbsp;</span>&nbsp;{text.face_state_label(state)}")
        hint = self.tr("Click a face to decide.")
        self.legend.setText("&nbsp;&nbsp; ".join(parts) + f"&nbsp;&nbsp; <i>{hint}</i>")
