"""Walking a window's widget tree: the controls a user can operate and their accessible names,
and every text a user can see (labels, buttons, titles, tooltips, placeholders, list items,
menu entries), for the accessibility and translation tests."""

from __future__ import annotations

from typing import Any, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView,
                               QAbstractSlider, QAbstractSpinBox, QComboBox, QGraphicsView,
                               QGroupBox, QHeaderView, QLabel, QLineEdit, QListWidget, QMenu,
                               QPlainTextEdit, QScrollBar, QTableWidget, QTabBar, QTextEdit,
                               QTreeView, QWidget)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QAbstractSlider, QGraphicsView, QTabBar)


def _shown(w: QWidget, root: QWidget) -> bool:
    return w is root or w.isVisibleTo(root)


def _internal(w: QWidget) -> bool:
    """Parts Qt builds inside another control (a spin box's line edit, a scroll bar, a header,
    the toolbar's overflow button, a combo box's popup list); the control itself is named."""
    if isinstance(w, (QScrollBar, QHeaderView)):
        return True
    name = w.objectName()
    if name.startswith("qt_"):
        return True
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        if type(parent).__name__ in ("QTableCornerButton",):
            return True
        parent = parent.parentWidget()
    return type(w).__name__ in ("QTableCornerButton", "QToolBarExtension")


def controls(root: QWidget) -> Iterator[QWidget]:
    """Every control under ``root`` a user can operate, shown when ``root`` is shown."""
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, INTERACTIVE) and _shown(w, root) and not _internal(w):
            yield w


def accessible_name(w: QWidget) -> str:
    """The control's name for a screen reader: its accessibleName, else (as Qt's accessibility
    bridge does) a label whose buddy it is, else a button's own text. (Qt would also announce a
    combo box's current item as its name; that says nothing about what the box is for, so it
    does not count.)"""
    if w.accessibleName().strip():
        return w.accessibleName().strip()
    for label in (w.window().findChildren(QLabel)):
        if label.buddy() is w and label.text().strip():
            return label.text().replace("&", "").strip()
    if isinstance(w, QAbstractButton):
        return w.text().replace("&", "").strip()
    return ""


def unnamed(root: QWidget) -> list[str]:
    """A description of each control under ``root`` without an accessible name."""
    out = []
    for w in controls(root):
        if not accessible_name(w):
            parent = w.parentWidget()
            out.append(f"{type(w).__name__} {w.objectName()!r} in "
                       f"{type(parent).__name__ if parent else None} {parent.objectName() if parent else ''!r}")
    return out


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see under ``root`` or in its menus."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: Any) -> None:
        t = str(text or "").replace("&&", "&")
        if t.strip():
            out.append((where, t))

    add("window title", root.windowTitle())
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w, root) or isinstance(w, QMenu):
            continue
        kind = f"{type(w).__name__} {w.objectName()!r}"
        add(f"{kind} tooltip", w.toolTip())
        if isinstance(w, QLabel):
            add(kind, w.text())
        elif isinstance(w, QAbstractButton):
            add(kind, w.text().replace("&", ""))
        elif isinstance(w, QGroupBox):
            add(kind, w.title())
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            add(f"{kind} placeholder", w.placeholderText())
        if isinstance(w, QComboBox):
            add(f"{kind} placeholder", w.placeholderText())
            for i in range(w.count()):
                add(f"{kind} item", w.itemText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(f"{kind} item", w.item(i).text())
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                h = w.horizontalHeaderItem(c)
                add(f"{kind} header", h.text() if h is not None else "")
                for r in range(w.rowCount()):
                    item = w.item(r, c)
                    if item is not None:
                        add(f"{kind} cell", item.text())
                        add(f"{kind} cell tooltip", item.toolTip())
        if isinstance(w, QTreeView):
            model = w.model()
            if model is not None:
                for r in range(model.rowCount()):
                    group = model.index(r, 0)
                    add(f"{kind} row", group.data())
                    for c in range(model.rowCount(group)):
                        row = model.index(c, 0, group)
                        add(f"{kind} row", row.data())
                        add(f"{kind} row tooltip", row.data(Qt.ItemDataRole.ToolTipRole))
    for menu in root.findChildren(QMenu):
        for act in menu.actions():
            add(f"menu {menu.title()!r}", act.text().replace("&", ""))
            add(f"menu {menu.title()!r} tooltip", act.toolTip() if act.toolTip() != act.text() else "")
        add("menu title", menu.title().replace("&", ""))
    return out
