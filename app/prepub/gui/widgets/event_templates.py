"""The inspector's "Templates" button: save the selection's fields as an event template, apply
one to the selected photos in one step (one undo step), delete one.

The templates live in the user's data folder (:mod:`prepub.core.templates`); a damaged file is
reported with its line and field and left as it is (saving is refused until it is fixed or
moved, so nothing in it is lost).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QToolButton, QWidget

from prepub.core import templates as tpl
from prepub.gui.session import PostSession


class TemplateButton(QToolButton):
    """``selection()`` gives the selected photos; ``values()`` the fields they share (None where
    they differ) and the alt text prefix being typed."""

    applied = Signal(str)  # a message for the status bar

    def __init__(self, session: PostSession, selection: Callable[[], list[str]],
                 values: Callable[[], tuple[dict[str, Any], str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesButton")
        self.session, self._selection, self._values = session, selection, values
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.aboutToShow.connect(self.fill)
        self.setMenu(self.menu_)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Templates"))
        self.setToolTip(self.tr("Event templates: the photographer, context, source, caption "
                                "and alt text prefix of a recurring event, applied in one step"))
        self.setAccessibleName(self.tr("Event templates"))

    def fill(self) -> None:
        """The menu as it is now: a template per entry, then save and delete."""
        m = self.menu_
        m.clear()
        paths = self._selection()
        try:
            saved = tpl.load()
            error = ""
        except tpl.TemplateError as e:
            saved, error = [], str(e)
        if error:
            bad = m.addAction(self.tr("The templates cannot be read: %1").replace("%1", error))
            bad.setEnabled(False)
        for t in saved:
            act = m.addAction(self.tr("Apply “%1”").replace("%1", t.name),
                              lambda t=t: self.apply(t))
            act.setEnabled(bool(paths))
        if not saved and not error:
            none = m.addAction(self.tr("No templates yet"))
            none.setEnabled(False)
        m.addSeparator()
        save = m.addAction(self.tr("Save these fields as a template…"), self.save_dialog)
        save.setEnabled(bool(paths) and not error)
        if saved:
            sub = m.addMenu(self.tr("Delete a template"))
            for t in saved:
                sub.addAction(t.name, lambda t=t: self.delete(t.name))

    def apply(self, template: tpl.EventTemplate) -> int:
        paths = self._selection()
        n = self.session.apply_template(paths, template)
        self.applied.emit(self.tr("Template “%1” applied to %n photo(s).", "", n)
                          .replace("%1", template.name) if n else
                          self.tr("Template “%1” changes nothing here.").replace("%1", template.name))
        return n

    def save_dialog(self) -> None:
        values, prefix = self._values()
        name, ok = QInputDialog.getText(
            self, self.tr("Save as a template"),
            self.tr("Name of the event template (e.g. “Council meeting”):"),
            QLineEdit.EchoMode.Normal, str(values.get("context.what") or ""))
        if ok and name.strip():
            self.save(name, values, prefix)

    def save(self, name: str, values: dict[str, Any], prefix: str, *,
             confirm: bool = True) -> bool:
        try:
            t = tpl.from_fields(name, values, alt_prefix=prefix)
            existing = {x.name.casefold() for x in tpl.load()}
            if confirm and t.name.casefold() in existing and QMessageBox.question(
                    self, self.tr("Save as a template"),
                    self.tr("There is already a template “%1”. Replace it?").replace("%1", t.name)
            ) != QMessageBox.StandardButton.Yes:
                return False
            tpl.put(t.name, t)
        except (tpl.TemplateError, OSError) as e:
            QMessageBox.warning(self, self.tr("Save as a template"),
                                self.tr("The template was not saved: %1").replace("%1", str(e)))
            return False
        self.applied.emit(self.tr("Template “%1” saved.").replace("%1", t.name))
        return True

    def delete(self, name: str, *, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("Delete a template"),
                self.tr("Delete the template “%1”?").replace("%1", name)
        ) != QMessageBox.StandardButton.Yes:
            return
        try:
            tpl.remove(name)
        except (tpl.TemplateError, OSError) as e:
            QMessageBox.warning(self, self.tr("Delete a template"), str(e))
            return
        self.applied.emit(self.tr("Template “%1” deleted.").replace("%1", name))
