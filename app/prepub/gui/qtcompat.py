"""Workarounds for bugs in the PySide6 this app ships with.

PySide6 6.12 converts an *empty* ``QVariant`` into Python's ``None`` without taking a reference:
every ``QModelIndex.data(role)`` for a role the item does not have, ``QComboBox.currentData()``
on an item without data, and many calls Qt's own delegates and views make into Python models
lower ``None``'s reference count by one. In a long session (100 photos, a few thousand paints)
the count reaches zero and the interpreter aborts ("none_dealloc: deallocating None").

Two measures: :func:`protect_none` gives ``None`` (and ``True``/``False``) a reference count no session can drain (what
Python 3.12 does for all such singletons, "immortal objects"), and our own code reads item data
through :func:`item_data` / :func:`combo_data`, which never convert an empty QVariant.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox


def item_data(index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
    """``index.data(role)`` without the empty-QVariant reference bug (None when absent)."""
    if not index.isValid():
        return None
    model = index.model()
    if isinstance(model, QStandardItemModel):
        return model.itemData(QModelIndex(index)).get(int(role))
    # our own models are Python classes: calling their data() directly stays in Python
    return model.data(QModelIndex(index), role)


def combo_data(combo: QComboBox) -> Any:
    """``combo.currentData()`` without the bug (None when nothing is selected)."""
    i = combo.currentIndex()
    if i < 0:
        return None
    return item_data(combo.model().index(i, combo.modelColumn()), 256)  # Qt.UserRole


_IMMORTAL = 1 << 60


def protect_none() -> bool:
    """Make ``None``, ``True`` and ``False`` effectively immortal on CPython < 3.12 (3.12+
    already does). Returns whether a count was raised. Extra references to these singletons are
    harmless: they are never freed. (``True``/``False`` suffer the same drain through bool
    returns from Python overrides: "bool_dealloc: deallocating True or False".)"""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    raised = False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < _IMMORTAL // 2:
            count.value += _IMMORTAL
            raised = True
    return raised
