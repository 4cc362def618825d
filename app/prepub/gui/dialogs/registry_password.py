"""The team registry's password, asked once when the server wants one the keyring does not
hold: used for this session's connections only, never stored (``prepub registry login`` stores
it in the system keyring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

if TYPE_CHECKING:
    from prepub.gui.team_link import TeamLink


class RegistryPasswordDialog(QInputDialog):
    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryPassword")
        self.setWindowTitle(self.tr("Team registry password"))
        self.setLabelText(self.tr("The team registry asks for the password of %1. It is used "
                                  "until Prepub closes and is not stored.").replace("%1", login))
        self.setTextEchoMode(QLineEdit.EchoMode.Password)
        self.setOkButtonText(self.tr("Connect"))
        self.setCancelButtonText(self.tr("Work without it"))


def ask_password(parent: QWidget, team: "TeamLink", login: str) -> RegistryPasswordDialog:
    """Show the question (window-modal, not blocking); the answer goes to ``team``."""
    dlg = RegistryPasswordDialog(login, parent)

    def answered(password: str) -> None:
        if password:
            team.open(password=password)
        else:
            team.give_up_password()

    dlg.textValueSelected.connect(answered)
    dlg.rejected.connect(team.give_up_password)
    dlg.finished.connect(lambda _result: dlg.deleteLater())
    dlg.open()
    return dlg
