"""Every edit to the draft, as the methods :class:`~prepub.gui.session.PostSession` offers.

Each public method here is one undo step: it works out the values before and after and pushes a
command from :mod:`prepub.gui.edits` onto the session's ``undo_stack``; the command writes them
back through the ``_write_*`` / ``_add_new`` / ``_take_images`` / ``_put_images`` methods below,
which change the draft, emit the session's signals and start the checks. Batch edits (a field on
the selected photos, the unknown faces of a selection) are one command each.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from prepub.core.draft import DraftImage
from prepub.gui import edits

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from prepub.core.draft import Draft
    from prepub.core.model import ImageReport


class SessionEdits:
    """The editing half of :class:`~prepub.gui.session.PostSession` (a mixin: the session
    provides the draft, the reports, the signals and the checks)."""

    draft: "Draft"
    reports: "dict[str, ImageReport]"
    undo_stack: "QUndoStack"
    _queue: list[str]
    image_changed: Any
    faces_changed: Any
    images_added: Any
    images_removed: Any
    report_ready: Any
    channels_changed: Any
    post_changed: Any

    if TYPE_CHECKING:  # provided by PostSession and QObject
        def _changed(self) -> None: ...
        def request_text_check(self) -> None: ...
        def _enqueue(self, paths: Sequence[str]) -> None: ...

    def _push(self, command: Any, describe: Callable[[], str]) -> None:
        """One undo step, named in the UI language (again after a language change)."""
        command.describe = describe
        command.setText(describe())
        self.undo_stack.push(command)

    def retranslate_history(self) -> None:
        """Name every step of the undo history in the current UI language."""
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            describe = getattr(command, "describe", None)
            if describe is not None:
                command.setText(describe())
        self.undo_stack.undoTextChanged.emit(self.undo_stack.undoText())  # the Edit menu
        self.undo_stack.redoTextChanged.emit(self.undo_stack.redoText())

    def close_edit_group(self) -> None:
        """The user left a field: the next keystroke starts a new undo step."""
        top = self.undo_stack.command(self.undo_stack.count() - 1) if self.undo_stack.count() else None
        if isinstance(top, edits.FieldEdit) and self.undo_stack.index() == self.undo_stack.count():
            top.sealed = True

    def add_images(self, paths: Sequence[str], *, resolved: bool = False) -> list[str]:
        """Add image files (already expanded from folders); returns the ones that were new.
        ``resolved``: the paths are already real absolute paths (``services.find_images``)."""
        new: list[str] = []
        for p in paths:
            p = p if resolved else str(Path(p).resolve())
            if self.draft.image(p) is None and p not in new:
                new.append(p)
        if new:
            n = len(new)
            self._push(edits.AddImages(self, new, ""), lambda: QCoreApplication.translate(
                "PostSession", "Add %n photo(s)", "", n))
        return new

    def remove_images(self, paths: Sequence[str]) -> list[str]:
        """Take photos out of the post (one undo step); returns the ones that were in it."""
        gone = [p for p in dict.fromkeys(paths) if self.draft.image(p) is not None]
        if gone:
            n = len(gone)
            self._push(edits.RemoveImages(self, gone, ""), lambda: QCoreApplication.translate(
                "PostSession", "Remove %n photo(s)", "", n))
        return gone

    def field_value(self, path: str, name: str) -> Any:
        """One of photographer, alt_text, caption, context.what/where/when, source.kind/licence."""
        im = self.draft.image(path)
        if im is None:
            return None
        target, attr = self._field_target(im, name)
        return getattr(target, attr)

    @staticmethod
    def _field_target(im: DraftImage, name: str) -> tuple[Any, str]:
        if "." in name:
            head, attr = name.split(".", 1)
            return getattr(im, head), attr
        return im, name

    def set_image_field(self, path: str, name: str, value: Any) -> None:
        """Set one of photographer, alt_text, caption, context.what/where/when, source.kind/licence."""
        self.set_field_values(name, {path: value})

    def set_fields(self, paths: Sequence[str], name: str, value: Any) -> None:
        """Set one field to the same value on every photo in ``paths`` (one undo step)."""
        self.set_field_values(name, {p: value for p in paths})

    def set_field_values(self, name: str, values: Mapping[str, Any]) -> None:
        """Set one field per photo (``{path: value}``) as one undo step."""
        old = {p: self.field_value(p, name) for p in values if self.draft.image(p) is not None}
        new = {p: values[p] for p in old}
        if not new or all(old[p] == new[p] for p in new):
            return
        n = len(new)

        def describe() -> str:
            if n == 1:
                text = QCoreApplication.translate("PostSession", "Change %1")
            else:
                text = QCoreApplication.translate("PostSession", "Change %1 on %n photos", "", n)
            return text.replace("%1", edits.field_label(name))

        self._push(edits.FieldEdit(self, name, old, new, ""), describe)

    def apply_template(self, paths: Sequence[str], template: Any) -> int:
        """Apply an event template (:class:`prepub.core.templates.EventTemplate`) to ``paths``:
        it fills each photo's empty fields (:meth:`~prepub.core.templates.EventTemplate.fill`)
        and puts its alt text prefix in front of each alt text. One undo step; returns how many
        photos changed."""
        from prepub.core.templates import FIELDS

        paths = [p for p in dict.fromkeys(paths) if self.draft.image(p) is not None]
        fills = {p: template.fill({n: self.field_value(p, n) for n in FIELDS}) for p in paths}
        alts = {p: template.with_prefix(self.field_value(p, "alt_text") or "") for p in paths}
        changed = {p for p in paths if fills[p] or alts[p] != (self.field_value(p, "alt_text") or "")}
        if not changed:
            return 0
        name = template.name
        self.undo_stack.beginMacro(QCoreApplication.translate(
            "PostSession", "Apply the template “%1”").replace("%1", name))
        try:
            for field_name in FIELDS:
                values = {p: f[field_name] for p, f in fills.items() if field_name in f}
                if values:
                    self.set_field_values(field_name, values)
            self.set_field_values("alt_text", alts)
        finally:
            self.undo_stack.endMacro()
        self.close_edit_group()
        return len(changed)

    def _write_fields(self, name: str, values: Mapping[str, Any]) -> None:
        for path, value in values.items():
            im = self.draft.image(path)
            if im is None:
                continue
            target, attr = self._field_target(im, name)
            setattr(target, attr, value)
            self.image_changed.emit(path)
        self._changed()
        if name in ("photographer", "caption"):
            self.request_text_check()  # the photo-credit rule reads them

    def decide_face(self, path: str, index: int, decision: str | None, *,
                    person_id: str | None = None, confirmed_adult: bool | None = None) -> None:
        self.decide_faces([(path, index)], decision, person_id=person_id,
                          confirmed_adult=confirmed_adult)

    def decide_faces(self, faces: Sequence[tuple[str, int]], decision: str | None, *,
                     person_id: str | None = None, confirmed_adult: bool | None = None,
                     text: str | Callable[[], str] | None = None) -> int:
        """Decide several faces ``(path, index)`` at once (one undo step); returns how many
        changed."""
        def change(im: DraftImage, index: int, box: list[int]) -> None:
            im.decide(index, box, decision, person_id=person_id, confirmed_adult=confirmed_adult)

        return self._change_faces(faces, change, text)

    def confirm_adults(self, faces: Sequence[tuple[str, int]], *,
                       text: str | Callable[[], str] | None = None) -> int:
        """"I have checked: an adult" for several faces at once (one undo step), each keeping
        its decision; returns how many changed."""
        def change(im: DraftImage, index: int, box: list[int]) -> None:
            now = im.face(index)
            im.decide(index, box, now.decision if now is not None else None,
                      person_id=now.person_id if now is not None else None, confirmed_adult=True)

        return self._change_faces(faces, change, text)

    def _change_faces(self, faces: Sequence[tuple[str, int]],
                      change: Callable[[DraftImage, int, list[int]], None],
                      text: str | Callable[[], str] | None) -> int:
        changes = []
        for path, index in faces:
            im = self.draft.image(path)
            rep = self.reports.get(path)
            face = next((f for f in rep.faces if f.index == index), None) if rep else None
            if im is None or face is None:
                continue
            before = copy.deepcopy(im.face(index))
            change(im, index, list(face.box))
            after = copy.deepcopy(im.face(index))
            self._set_face(im, index, before)  # the command makes the change (redo)
            if before != after:
                changes.append((path, index, before, after))
        if changes:
            n, first = len(changes), changes[0][1] + 1

            def describe() -> str:
                if text is not None:
                    return text() if callable(text) else text
                return (QCoreApplication.translate("PostSession", "Decide face %1")
                        .replace("%1", str(first)) if n == 1 else
                        QCoreApplication.translate("PostSession", "Decide %n faces", "", n))

            self._push(edits.FaceEdit(self, changes, ""), describe)
        return len(changes)

    def remember_adults(self, person_ids: Sequence[str]) -> None:
        """Remember in the registry, in the background, that the user checked these linked
        people and found them adults, so the next post does not flag them again. Only on the
        user's explicit word (the face popup's "remember" box), never as a side effect of a
        face decision; only people whose age the registry does not know; the registry itself
        insists on a live consent and no guardian (``Registry.confirm_adult``). Undo takes back
        the draft's decision, not the registry's note: the registry window shows it and an
        admin can clear it."""
        registry = getattr(self, "registry", None)
        known = {p.id: p for p in getattr(self, "people", [])}
        ids = [pid for pid in dict.fromkeys(person_ids) if pid in known
               and getattr(known[pid], "birth_year", None) is None
               and getattr(known[pid], "is_minor", None) is None]
        if registry is None or not ids or not hasattr(registry, "confirm_adult"):
            return
        actor = self.services.user_name()  # type: ignore[attr-defined]

        def work() -> tuple[list[str], str]:
            from prepub.core.consent import NotAllowedError, RegistryError

            done, refused = [], ""
            for pid in ids:
                try:
                    if registry.confirm_adult(pid, actor=actor or None):
                        done.append(known[pid].name)
                except NotAllowedError as e:
                    refused = str(e)
                except RegistryError as e:  # no live consent, a guardian, a read-only copy
                    refused = str(e)
            return done, refused

        def finished(result: Any, error: BaseException | None) -> None:
            names, refused = result if error is None else ([], str(error))
            if names:
                self.registry_noted.emit(QCoreApplication.translate(  # type: ignore[attr-defined]
                    "PostSession", "Remembered in the consent registry as an adult: %1")
                    .replace("%1", ", ".join(names)))
                self.refresh_people()  # type: ignore[attr-defined]
            elif refused:
                self.registry_noted.emit(QCoreApplication.translate(  # type: ignore[attr-defined]
                    "PostSession", "Not remembered in the consent registry: %1").replace(
                    "%1", refused))

        self.runner.run_in_background(work, finished, pool="write",  # type: ignore[attr-defined]
                                      name="remember adults")

    @staticmethod
    def _set_face(im: DraftImage, index: int, decision: Any) -> None:
        im.faces = [f for f in im.faces if f.index != index]
        if decision is not None:
            im.faces.append(copy.deepcopy(decision))
            im.faces.sort(key=lambda x: x.index)

    def _write_faces(self, changes: Sequence[tuple[str, int, Any]]) -> None:
        touched: list[str] = []
        for path, index, decision in changes:
            im = self.draft.image(path)
            if im is None:
                continue
            self._set_face(im, index, decision)
            if path not in touched:
                touched.append(path)
        for path in touched:
            self.faces_changed.emit(path)
        self._changed()

    def set_trip_ended(self, ended: bool) -> None:
        if self.draft.trip_ended != ended:
            self._push(edits.PostValueEdit(self, "trip_ended", self.draft.trip_ended, ended, ""),
                       lambda: QCoreApplication.translate("PostSession", "The trip has ended")
                       if ended else QCoreApplication.translate("PostSession",
                                                                "The trip has not ended"))

    def set_channels(self, channels: Sequence[str]) -> None:
        channels = list(channels)
        if channels != self.draft.channels:
            self._push(edits.PostValueEdit(self, "channels", self.draft.channels, channels, ""),
                       lambda: QCoreApplication.translate("PostSession", "Change channels"))

    def set_language(self, language: str | None) -> None:
        if language != self.draft.language:
            self._push(edits.PostValueEdit(self, "language", self.draft.language, language, ""),
                       lambda: QCoreApplication.translate("PostSession",
                                                          "Change the text's language"))

    def _write_post_value(self, attr: str, value: Any) -> None:
        setattr(self.draft, attr, value)
        if attr == "channels":
            self.channels_changed.emit()
        self.post_changed.emit()
        self._changed()
        self.request_text_check()

    # --- adding and taking out images (called by the commands) ------------------------------------

    def _add_new(self, paths: Sequence[str]) -> None:
        for p in paths:
            self.draft.add_image(p)
        self.images_added.emit(list(paths))
        self._enqueue(paths)
        self._changed()

    def _take_images(self, paths: Sequence[str]) -> list[edits.Taken]:
        taken: list[edits.Taken] = []
        for i, im in enumerate(self.draft.images):
            if im.path in paths:
                taken.append((i, im, self.reports.get(im.path)))
        gone = [im.path for _i, im, _r in taken]
        if not gone:
            return taken
        self.draft.images = [im for im in self.draft.images if im.path not in gone]
        for p in gone:
            self.reports.pop(p, None)
        self._queue = [p for p in self._queue if p not in gone]
        self.images_removed.emit(gone)
        self._changed()
        self.request_text_check()  # a removed photo's photographer no longer needs a credit
        return taken

    def _put_images(self, taken: Sequence[edits.Taken]) -> None:
        back = [(i, im, rep) for i, im, rep in sorted(taken, key=lambda t: t[0])
                if self.draft.image(im.path) is None]
        if not back:
            return
        for i, im, rep in back:
            self.draft.images.insert(min(i, len(self.draft.images)), im)
            if rep is not None:
                self.reports[im.path] = rep
        paths = [im.path for _i, im, _r in back]
        self.images_added.emit(paths)
        for p in paths:
            if p in self.reports:
                self.report_ready.emit(p)
        missing = [p for p in paths if p not in self.reports]
        if missing:
            self._enqueue(missing)
        self._changed()
        self.request_text_check()
