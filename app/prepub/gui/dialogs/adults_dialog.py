"""Confirm several possible children as adults at once, each face shown.

A group photo of grown-ups where the age estimate flags several as possible children is one
step, not a click per face, but never a blind one: every flagged face is shown with its number
and estimated age, ticked, and the user unticks anyone they are not sure of. Nothing is changed
until "Confirm"; the change is one undo step (:func:`prepub.gui.face_bulk.confirm_adults`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel,
                               QScrollArea, QVBoxLayout, QWidget)

COLUMNS = 4


class AdultsDialog(QDialog):
    """``faces``: (path, face index, estimated age or None, face picture or None)."""

    def __init__(self, faces: Sequence[tuple[str, int, float | None, QPixmap | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adultsDialog")
        self.setWindowTitle(self.tr("Confirm adults"))
        self._faces = list(faces)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The age estimate flags %n face(s) as possible children. Tick only the people you "
            "know are 18 or older; anyone left unticked stays flagged.", "", len(self._faces)))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        photos = {p for p, _i, _a, _c in self._faces}
        self.boxes: list[QCheckBox] = []
        for n, (path, index, age, pic) in enumerate(self._faces):
            cell = QVBoxLayout()
            shown = QLabel(grid_host)
            shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
            shown.setMinimumSize(QSize(112, 112))
            if pic is not None and not pic.isNull():
                shown.setPixmap(pic)
            else:
                shown.setText(self.tr("(not shown)"))
            label = self.tr("Face %1").replace("%1", str(index + 1))
            details = []
            if len(photos) > 1:
                details.append(Path(path).name)
            if age is not None:
                details.append(self.tr("estimated %1").replace("%1", str(round(age))))
            box = QCheckBox(label, grid_host)
            box.setChecked(True)
            box.setAccessibleName(" · ".join([label, *details]))
            box.toggled.connect(self._update)
            shown.setAccessibleName(box.accessibleName())
            cell.addWidget(shown)
            cell.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
            if details:
                note = QLabel("\n".join(details), grid_host)
                note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                cell.addWidget(note)
            cell.addStretch(1)
            grid.addLayout(cell, n // COLUMNS, n % COLUMNS)
            self.boxes.append(box)
        grid.setRowStretch((len(self._faces) + COLUMNS - 1) // COLUMNS, 1)  # rows at the top
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        lay.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._update()
        cols = min(COLUMNS, max(1, len(self._faces)))
        self.resize(max(420, cols * 160 + 60),
                    min(560, 170 + 200 * ((len(self._faces) + COLUMNS - 1) // COLUMNS)))

    def _update(self) -> None:
        n = sum(b.isChecked() for b in self.boxes)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Confirm %n adult(s)", "", n))
        ok.setEnabled(n > 0)

    def chosen(self) -> list[tuple[str, int]]:
        return [(p, i) for (p, i, _a, _c), b in zip(self._faces, self.boxes) if b.isChecked()]
