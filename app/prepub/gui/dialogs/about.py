"""Help: the keyboard shortcuts and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from prepub import __version__
from prepub.gui.actions import WindowActions, shortcut_rows


def show_shortcuts(parent: QWidget, actions: WindowActions) -> QDialog:
    dlg = QDialog(parent)
    dlg.setObjectName("shortcutsDialog")
    dlg.setWindowTitle(QCoreApplication.translate("Help", "Keyboard shortcuts"))
    lay = QVBoxLayout(dlg)
    rows = shortcut_rows(actions) + [
        (QCoreApplication.translate("Help", "Zoom the photo"),
         QCoreApplication.translate("Help", "Mouse wheel, + and − in the preview, 0 to fit")),
        (QCoreApplication.translate("Help", "Select several photos (their fields are edited "
                                            "together)"),
         QCoreApplication.translate("Help", "Shift or Ctrl with the arrows or a click in the "
                                            "image list; Ctrl+A selects all")),
        (QCoreApplication.translate("Help", "Remove the selected images"),
         QCoreApplication.translate("Help", "Delete in the image list")),
        (QCoreApplication.translate("Help", "Pick the first person found in a face's search box"),
         QCoreApplication.translate("Help", "Enter")),
        (QCoreApplication.translate("Help", "Save the person in photographer mode"),
         QCoreApplication.translate("Help", "Enter")),
        (QCoreApplication.translate("Help", "Close the consent registry"),
         QCoreApplication.translate("Help", "Esc, Ctrl+W")),
    ]
    table = QTableWidget(len(rows), 2, dlg)
    table.setHorizontalHeaderLabels([QCoreApplication.translate("Help", "Action"),
                                     QCoreApplication.translate("Help", "Keys")])
    table.verticalHeader().hide()
    table.setAccessibleName(QCoreApplication.translate("Help", "Keyboard shortcuts"))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    for i, (name, keys) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(name))
        table.setItem(i, 1, QTableWidgetItem(keys))
    lay.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay.addWidget(buttons)
    dlg.resize(560, 520)
    dlg.open()
    return dlg


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("Help", "About Prepub"),
        QCoreApplication.translate(
            "Help", "<h3>Prepub %1</h3><p>Checks photos and post text against your organisation's "
                    "policy before publication: location and camera data, faces and consent, "
                    "children, ongoing trips, plain language and tone. It exports clean, "
                    "publish-ready files.</p><p>Everything stays on this computer: Prepub never "
                    "uses the network.</p>").replace("%1", __version__))
