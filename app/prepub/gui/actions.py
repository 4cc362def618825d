"""The window's commands as QActions with their keyboard shortcuts, declared in one table.

Each action calls one handler on the main window; menus and the toolbar are built from the
same objects, so a shortcut works wherever the focus is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


@dataclass
class WindowActions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    add_images: QAction
    add_text: QAction
    export: QAction
    next_image: QAction
    prev_image: QAction
    next_problem: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    remove_image: QAction
    undo: QAction
    redo: QAction
    apply_fix: QAction
    faces_not_identifiable: QAction
    faces_blur: QAction
    cancel_analysis: QAction
    registry: QAction
    photographer: QAction
    settings: QAction
    shortcuts: QAction
    about: QAction
    quit: QAction




SP = QStyle.StandardPixmap
S = QKeySequence.StandardKey


def on_keyboard(seq: QKeySequence) -> bool:
    """Whether every key of ``seq`` is on an ordinary keyboard: Qt's standard bindings add media
    keys ("New", "Open", "ZoomIn" …) that no user has and that help must not list."""
    return not seq.isEmpty() and all(
        _key(seq[i]) < Qt.Key.Key_Back.value for i in range(seq.count()))


def _key(combination: Any) -> int:
    k = combination.key()
    return int(getattr(k, "value", k))


def keys_text(seqs: list[QKeySequence]) -> str:
    """The keys of ``seqs`` a user can press, as the platform writes them ("Ctrl+Z, Ctrl+Y")."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs
                     if on_keyboard(s))


def _act(parent: QWidget, text: str, slot: Callable[[], None], shortcuts: list[QKeySequence],
         *, icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
    a = QAction(text, parent)
    if shortcuts:
        a.setShortcuts(shortcuts)
    if icon is not None:
        a.setIcon(parent.style().standardIcon(icon))
    if tip or shortcuts:
        keys = keys_text(shortcuts)
        a.setToolTip(f"{tip or text.replace('&', '')}" + (f" ({keys})" if keys else ""))
    a.triggered.connect(lambda _checked=False: slot())
    parent.addAction(a)
    return a


# name -> (text, tooltip or "", a standard shortcut or key strings, icon)
_TABLE: dict[str, tuple[str, str, Any, Any]] = {
    "new": (QT_TRANSLATE_NOOP("Actions", "&New post"), "", S.New, SP.SP_FileIcon),
    "open": (QT_TRANSLATE_NOOP("Actions", "&Open post…"), "", S.Open, SP.SP_DialogOpenButton),
    "save": (QT_TRANSLATE_NOOP("Actions", "&Save post"), "", S.Save, SP.SP_DialogSaveButton),
    "save_as": (QT_TRANSLATE_NOOP("Actions", "Save post &as…"), "", ["Ctrl+Shift+S"], None),
    "add_images": (QT_TRANSLATE_NOOP("Actions", "Add &images…"),
                   QT_TRANSLATE_NOOP("Actions", "Add photos or a folder of photos"),
                   ["Ctrl+I"], SP.SP_FileDialogNewFolder),
    "add_text": (QT_TRANSLATE_NOOP("Actions", "Load post &text from a file…"), "", ["Ctrl+T"],
                 None),
    "export": (QT_TRANSLATE_NOOP("Actions", "&Export…"),
               QT_TRANSLATE_NOOP("Actions", "Export clean photos, texts and scheduling files"),
               ["Ctrl+E"], SP.SP_DialogApplyButton),
    "next_image": (QT_TRANSLATE_NOOP("Actions", "&Next image"), "", ["Ctrl+PgDown", "Alt+Down"],
                   None),
    "prev_image": (QT_TRANSLATE_NOOP("Actions", "&Previous image"), "", ["Ctrl+PgUp", "Alt+Up"],
                   None),
    "next_problem": (QT_TRANSLATE_NOOP("Actions", "Go to next &problem"), "", ["F8"], None),
    "zoom_in": (QT_TRANSLATE_NOOP("Actions", "Zoom &in"), "", S.ZoomIn, None),
    "zoom_out": (QT_TRANSLATE_NOOP("Actions", "Zoom &out"), "", S.ZoomOut, None),
    "zoom_fit": (QT_TRANSLATE_NOOP("Actions", "&Fit to window"), "", ["Ctrl+0"], None),
    "remove_image": (QT_TRANSLATE_NOOP("Actions", "&Remove selected images from post"), "", [],
                     None),
    "undo": (QT_TRANSLATE_NOOP("Actions", "&Undo"), "", S.Undo, None),
    "redo": (QT_TRANSLATE_NOOP("Actions", "&Redo"), "", ["Ctrl+Shift+Z", "Ctrl+Y"], None),
    "apply_fix": (QT_TRANSLATE_NOOP("Actions", "&Apply the text suggestion"),
                  QT_TRANSLATE_NOOP("Actions", "Apply the suggested fix at the cursor in the "
                                               "post text, or go to the next suggestion"),
                  ["Ctrl+."], None),
    "faces_not_identifiable": (
        QT_TRANSLATE_NOOP("Actions", "Mark unknown faces &not identifiable…"),
        QT_TRANSLATE_NOOP("Actions", "Every undecided face in the selected photos, except "
                                     "possible children"), ["Ctrl+Shift+U"], None),
    "faces_blur": (QT_TRANSLATE_NOOP("Actions", "&Blur unknown faces…"),
                   QT_TRANSLATE_NOOP("Actions", "Blur every undecided face in the selected "
                                                "photos on export"), ["Ctrl+Shift+B"], None),
    "cancel_analysis": (QT_TRANSLATE_NOOP("Actions", "&Stop checking images"), "", [], None),
    "registry": (QT_TRANSLATE_NOOP("Actions", "Consent &registry…"), "", ["Ctrl+R"],
                 SP.SP_FileDialogDetailedView),
    "photographer": (QT_TRANSLATE_NOOP("Actions", "&Photographer mode…"), "", ["Ctrl+Shift+P"],
                     None),
    "settings": (QT_TRANSLATE_NOOP("Actions", "Se&ttings…"), "", ["Ctrl+,"], None),
    "shortcuts": (QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "", ["F1"], None),
    "about": (QT_TRANSLATE_NOOP("Actions", "&About Prepub"), "", [], None),
    "quit": (QT_TRANSLATE_NOOP("Actions", "&Quit"), "", S.Quit, None),
}


def create_actions(w: QWidget, h: Any) -> WindowActions:
    """Create every action on window ``w``; ``h`` has one ``on_<name>`` method per action."""
    made: dict[str, QAction] = {}
    for name, (label, tip, keys, icon) in _TABLE.items():
        if isinstance(keys, QKeySequence.StandardKey):
            seqs = QKeySequence.keyBindings(keys) or [QKeySequence(_FALLBACK.get(name, ""))]
        else:
            seqs = [QKeySequence(k) for k in keys]
        seqs = [q for q in seqs if not q.isEmpty()]
        made[name] = _act(w, _t(label), getattr(h, f"on_{name}"), seqs, icon=icon,
                          tip=_t(tip) if tip else "")
        made[name].setProperty("baseText", label)  # the undo/redo texts change with the stack
    return WindowActions(**made)


_FALLBACK = {"quit": "Ctrl+Q", "zoom_in": "Ctrl++", "zoom_out": "Ctrl+-", "undo": "Ctrl+Z"}


def retranslate_actions(a: WindowActions) -> None:
    """Every action's text and tooltip in the current UI language (after a language change)."""
    for name, (label, tip, _keys, _icon) in _TABLE.items():
        act: QAction = getattr(a, name)
        text = _t(label)
        act.setText(text)
        keys = keys_text(act.shortcuts())
        if tip or act.shortcuts():
            act.setToolTip(f"{_t(tip) if tip else text.replace('&', '')}"
                           + (f" ({keys})" if keys else ""))


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def shortcut_rows(a: WindowActions) -> list[tuple[str, str]]:
    """(action, keys) for the shortcuts help: every window action that has a key."""
    rows = []
    for act in (a.new, a.open, a.save, a.save_as, a.add_images, a.add_text, a.export, a.undo,
                a.redo, a.apply_fix, a.faces_not_identifiable, a.faces_blur, a.next_image,
                a.prev_image, a.next_problem, a.zoom_in, a.zoom_out, a.zoom_fit, a.registry,
                a.photographer, a.settings, a.shortcuts, a.quit):
        keys = keys_text(act.shortcuts())
        if keys:
            rows.append((_t(act.property("baseText") or act.text()).replace("&", "").rstrip("…"),
                         keys))
    return rows


def app_icon() -> QIcon:
    from prepub.core.resources import resource

    p = resource("icons", "prepub.svg")
    return QIcon(str(p)) if p.exists() else QIcon()
