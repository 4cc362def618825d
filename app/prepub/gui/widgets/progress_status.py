"""A progress bar with a Cancel button for the status bar that appears only when work takes
longer than half a second (short jobs never flash a bar)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

SHOW_AFTER_MS = 500
LABEL_WIDTH = 320


class ProgressStatus(QWidget):
    """``begin`` → ``update``… → ``end``. Cancel calls the callback given to ``begin``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressStatus")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        # a fixed width: a label that grows with each file name would lay the window out again
        # on every photo analysed
        self.label.setFixedWidth(LABEL_WIDTH)
        self._text = ""
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self._cancel)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._reveal)
        self._on_cancel: Callable[[], None] | None = None
        self._running = False
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def running(self) -> bool:
        return self._running

    def begin(self, text: str, on_cancel: Callable[[], None] | None) -> None:
        self._running = True
        self._on_cancel = on_cancel
        self._set_text(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(on_cancel is not None)
        if not self.isVisible() and not self._timer.isActive():
            self._timer.start(SHOW_AFTER_MS)

    def update_progress(self, done: int, total: int, text: str | None = None) -> None:
        if total > 0:
            if self.bar.maximum() != total:
                self.bar.setRange(0, total)
            self.bar.setValue(done)
        if text is not None:
            self._set_text(text)

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.label.setText(self.label.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideMiddle, LABEL_WIDTH))
            self.label.setToolTip(text)

    def end(self) -> None:
        self._running = False
        self._timer.stop()
        self._on_cancel = None
        self.hide()

    def _reveal(self) -> None:
        if self._running:
            self.show()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        if self._on_cancel is not None:
            self._on_cancel()
