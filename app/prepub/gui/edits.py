"""The undo history of the post: one :class:`QUndoCommand` per kind of edit to the draft.

:class:`~prepub.gui.session.PostSession` pushes these onto its ``undo_stack``; each command only
holds the values before and after and asks the session to write them (``session._write_*``), so
the session stays the one place that changes the draft and tells the widgets. A batch edit (a
field set on several photos, the unknown faces of a selection decided at once) is one command,
hence one undo step. Typing in a field merges into one step per field and selection until the
user leaves the field (:meth:`PostSession.close_edit_group`). The post text keeps Qt's own
typing history in its ``QTextDocument``; :class:`DocumentEdit` puts each of its steps on the same
stack, so Ctrl+Z walks one history whatever has the focus.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocument, QUndoCommand

if TYPE_CHECKING:
    from prepub.core.draft import DraftImage, FaceDecision
    from prepub.core.model import ImageReport
    from prepub.gui.session import PostSession

FIELD_ID = 1

#: An image taken out of the draft: (its position, the image with its fields and decisions,
#: its analysis report or None when it was not analysed yet).
Taken = tuple[int, "DraftImage", "ImageReport | None"]


FIELD_NAMES = {
    "photographer": QT_TRANSLATE_NOOP("Edits", "photographer"),
    "context.what": QT_TRANSLATE_NOOP("Edits", "what"),
    "context.where": QT_TRANSLATE_NOOP("Edits", "where"),
    "context.when": QT_TRANSLATE_NOOP("Edits", "when"),
    "source.kind": QT_TRANSLATE_NOOP("Edits", "source"),
    "source.licence": QT_TRANSLATE_NOOP("Edits", "licence"),
    "alt_text": QT_TRANSLATE_NOOP("Edits", "alt text"),
    "caption": QT_TRANSLATE_NOOP("Edits", "caption"),
}


def field_label(name: str) -> str:
    """The field's name in the UI language, for the Undo menu ("Undo Change photographer")."""
    return QCoreApplication.translate("Edits", FIELD_NAMES[name]) if name in FIELD_NAMES else name


class FieldEdit(QUndoCommand):
    """One field (photographer, context.what …) of one or more photos."""

    def __init__(self, session: "PostSession", name: str, old: Mapping[str, Any],
                 new: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self.session, self.name = session, name
        self.old, self.new = dict(old), dict(new)
        self.sealed = False

    def id(self) -> int:
        return FIELD_ID

    def redo(self) -> None:
        self.session._write_fields(self.name, self.new)

    def undo(self) -> None:
        self.session._write_fields(self.name, self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or self.sealed or other.name != self.name \
                or set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        self.setObsolete(self.new == self.old)  # typed and deleted again: nothing to undo
        return True


class FaceEdit(QUndoCommand):
    """Decisions about faces: ``changes`` is (path, face index, before, after), each a
    :class:`FaceDecision` or None (no decision recorded)."""

    def __init__(self, session: "PostSession",
                 changes: Sequence[tuple[str, int, "FaceDecision | None", "FaceDecision | None"]],
                 text: str) -> None:
        super().__init__(text)
        self.session = session
        self.changes = [(p, i, copy.deepcopy(b), copy.deepcopy(a)) for p, i, b, a in changes]

    def redo(self) -> None:
        self.session._write_faces([(p, i, a) for p, i, _b, a in self.changes])

    def undo(self) -> None:
        self.session._write_faces([(p, i, b) for p, i, b, _a in self.changes])


class AddImages(QUndoCommand):
    """Photos added to the post. Undo takes them out (keeping what was filled in and their
    analysis), redo puts the same ones back."""

    def __init__(self, session: "PostSession", paths: Sequence[str], text: str) -> None:
        super().__init__(text)
        self.session, self.paths = session, list(paths)
        self.taken: list[Taken] | None = None

    def redo(self) -> None:
        if self.taken is None:
            self.session._add_new(self.paths)
        else:
            self.session._put_images(self.taken)

    def undo(self) -> None:
        self.taken = self.session._take_images(self.paths)


class RemoveImages(QUndoCommand):
    def __init__(self, session: "PostSession", paths: Sequence[str], text: str) -> None:
        super().__init__(text)
        self.session, self.paths = session, list(paths)
        self.taken: list[Taken] = []

    def redo(self) -> None:
        self.taken = self.session._take_images(self.paths)

    def undo(self) -> None:
        self.session._put_images(self.taken)


class PostValueEdit(QUndoCommand):
    """A value of the post itself: its channels, "the trip has ended", the text's language."""

    def __init__(self, session: "PostSession", attr: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.session, self.attr = session, attr
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)

    def redo(self) -> None:
        self.session._write_post_value(self.attr, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.session._write_post_value(self.attr, copy.deepcopy(self.old))


class DocumentEdit(QUndoCommand):
    """One step of the post text's own history (typing, a fix, a loaded file). It is pushed
    after the document made the change, so the first ``redo`` (from the push) does nothing."""

    def __init__(self, document: QTextDocument, text: str,
                 after: Callable[[], None] | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.after = after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.document.redo()
        if self.after is not None:
            self.after()

    def undo(self) -> None:
        self.document.undo()
        if self.after is not None:
            self.after()


def is_history_key(e: QKeyEvent) -> bool:
    """Undo or redo as the platform spells them, plus Ctrl+Shift+Z everywhere."""
    return e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo) \
        or (e.key() == Qt.Key.Key_Z and e.modifiers() == (Qt.KeyboardModifier.ControlModifier
                                                        | Qt.KeyboardModifier.ShiftModifier))


class HistoryKeys(QObject):
    """An event filter for text fields that edit the draft: their own Ctrl+Z would undo only
    the field's typing (and push the result as a new edit), so the keys go to the window's
    Undo/Redo, which walk the post's history."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and isinstance(event, QKeyEvent) and is_history_key(event):
            event.ignore()  # not overridden: the window's shortcut gets it
            return True
        return False


def route_history_keys(owner: QObject, *widgets: QObject) -> HistoryKeys:
    keys = HistoryKeys(owner)
    for w in widgets:
        w.installEventFilter(keys)
    return keys
