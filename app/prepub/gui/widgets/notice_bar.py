"""A strip of notices above the work area: features that are not available, a broken policy
file, a registry that could not be opened. Each notice has a key so it can be replaced or cleared.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from prepub.gui.style import pill_stylesheet


class NoticeBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(6, 4, 6, 0)
        self._labels: dict[str, QLabel] = {}
        self.hide()

    def set_notice(self, key: str, text: str | None, *, state: str = "attention") -> None:
        label = self._labels.get(key)
        if not text:
            if label is not None:
                label.deleteLater()
                del self._labels[key]
            self.setVisible(bool(self._labels))
            return
        if label is None:
            label = QLabel(self)
            label.setWordWrap(True)
            label.setObjectName(f"notice_{key}")
            self._lay.addWidget(label)
            self._labels[key] = label
        label.setStyleSheet(pill_stylesheet(state).replace("border-radius: 9px", "border-radius: 4px"))
        label.setText(text)
        self.show()

    def notices(self) -> dict[str, str]:
        return {k: v.text() for k, v in self._labels.items()}
