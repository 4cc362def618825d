""""Go to fix": from a finding to the place where the user fixes it.

An image finding selects the image; a face finding also centres the face and opens its popup; a
missing field puts the cursor in that field of the inspector; a text finding selects its span in
the post editor; a post-level finding goes to the channels or the text.

A cause shared by several photos is fixed for all of them at once (:meth:`Navigator.fix_group`):
the photos are selected and the cursor put in the field, so what the user types goes to every
one of them through the inspector's batch edit; faces are decided together after a
confirmation. Either way it is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from prepub.core.model import Finding

if TYPE_CHECKING:
    from prepub.gui.main_window import MainWindow

FIELD_FOR_RULE = {
    "image.photographer_missing": "photographer",
    "image.context_missing": "context",
    "image.source_unknown": "source",
    "image.licence_missing": "licence",
    "image.usage_terms": "licence",  # where the user records the licence that allows this use
    "image.alt_text_missing": "alt_text",
    "image.alt_text_long": "alt_text",
    "image.alt_text_redundant": "alt_text",
}


class Navigator(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.w = window
        self._cursor = -1
        self._last: tuple[object, ...] | None = None  # the finding F8 went to last
        self.opening_face = False  # a face popup is about to open (the preview is decoding)

    def go_to(self, target: Any) -> None:
        w = self.w
        if isinstance(target, str):  # a group row: the image or the text
            if target in ("text", "post"):
                w.editor.edit.setFocus()
            else:
                w.strip.select_path(target)
            return
        f: Finding = target
        subject = f.subject or "post"
        if f.span is not None or subject.startswith("text"):
            w.editor.go_to(f)
            return
        if subject == "post":
            if f.rule in ("post.no_channels", "post.unknown_channel") and w.editor.channel_boxes:
                next(iter(w.editor.channel_boxes.values())).setFocus()
            else:
                w.editor.edit.setFocus()
            return
        w.strip.select_path(subject)
        if f.face is not None:
            index = f.face
            w.preview.focus_face(index)
            # the preview may still be decoding: open the popup once the box is on screen
            self.opening_face = True
            QTimer.singleShot(0, lambda: self._open_face(subject, index, tries=40))
            return
        field = None
        if f.fix is not None and f.fix.action == "edit_field":
            field = str(f.fix.params.get("field", ""))
        field = field or FIELD_FOR_RULE.get(f.rule)
        if f.rule == "location.trip":
            w.inspector.trip_ended.setFocus()
            return
        if field:
            w.inspector.focus_field(field)

    def _open_face(self, path: str, index: int, *, tries: int) -> None:
        w = self.w
        rect = w.preview.face_rect_in_view(index) if w.preview.path == path else None
        if rect is None:
            if tries > 0:
                QTimer.singleShot(50, lambda: self._open_face(path, index, tries=tries - 1))
            else:
                self.opening_face = False
            return
        self.opening_face = False
        w.preview.focus_face(index)
        rect = w.preview.face_rect_in_view(index) or rect
        pos = w.preview.viewport().mapToGlobal(QPoint(int(rect.right()), int(rect.top())))
        w.open_face_popup(path, index, pos)

    def next_problem(self) -> None:
        """Go to the next blocking item (then warnings), cycling through the list (F8)."""
        s = self.w.session
        blocking = s.blockers()
        rest = [f for f in s.findings() if f.severity.value == "warn"]
        items = blocking + rest
        if not items:
            self.w.statusBar().showMessage(self.tr("Nothing left to fix."), 4000)
            return
        keys = [(f.rule, f.subject, f.face, f.span) for f in items]
        if self._last in keys:  # still there: on to the one after it
            self._cursor = keys.index(self._last) + 1
        elif self._last is None:
            self._cursor = 0
        # else it was fixed: the item now at its place is the next one
        self._cursor %= len(items)
        self._last = keys[self._cursor]
        self.go_to(items[self._cursor])

    def fix_group(self, action: str, findings: list[Finding]) -> None:
        """The fix of a cause group (``finding_groups.group_action``) for all its photos."""
        from prepub.gui import face_bulk
        from prepub.gui.finding_groups import ACTION_BLUR, ACTION_FACES, ACTION_FIELD, ACTION_TRIP

        w = self.w
        paths = list(dict.fromkeys(f.subject for f in findings if f.subject))
        kind, _sep, field = action.partition(":")
        if kind == ACTION_FIELD:
            w.strip.select_paths(paths)
            w.inspector.focus_field(field)
        elif kind == ACTION_TRIP:
            w.strip.select_paths(paths)
            w.inspector.trip_ended.setFocus()
        elif kind in (ACTION_FACES, ACTION_BLUR):
            faces = [(f.subject, f.face) for f in findings if f.subject and f.face is not None]
            decision = face_bulk.BLUR if kind == ACTION_BLUR else self._ask_decision()
            if decision:
                n, message = face_bulk.decide_listed(w.session, faces, decision, parent=w)
                if message:
                    w.statusBar().showMessage(message, 8000)

    def _ask_decision(self) -> str | None:
        """Not identifiable or blurred, for faces nobody has decided about."""
        from prepub.gui import face_bulk

        menu = QMenu(self.w)
        menu.setObjectName("groupFacesMenu")
        chosen: list[str] = []
        menu.addAction(self.tr("Mark not identifiable…"),
                       lambda: chosen.append(face_bulk.NOT_IDENTIFIABLE))
        menu.addAction(self.tr("Blur on export…"), lambda: chosen.append(face_bulk.BLUR))
        menu.exec(QCursor.pos())
        return chosen[0] if chosen else None
