"""What happens to dropped (or chosen) files: drafts open, text files become the post text, and
images and folders (expanded recursively, HEIC included) join the post.

Folder expansion and reading a text file happen on a worker thread; a big folder on a network
drive never freezes the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from prepub.core.draft import SUFFIX as DRAFT_SUFFIX
from prepub.gui import services
from prepub.gui.session import PostSession

if TYPE_CHECKING:
    from prepub.gui.draft_files import DraftFiles

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
MAX_TEXT_BYTES = 1_000_000


def read_text_file(path: str) -> str:
    from prepub.core.inputfiles import open_regular

    with open_regular(path) as fh:  # a dropped FIFO or device is refused, never waited on
        data = fh.read(MAX_TEXT_BYTES)
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


class DropHandler(QObject):
    def __init__(self, session: PostSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session, self.widget = session, widget

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())

    @staticmethod
    def paths_from(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def handle(self, paths: Sequence[str], *, files: "DraftFiles") -> None:
        """Sort dropped paths: a draft opens, text files load as the post, the rest are images."""
        drafts = [p for p in paths if p.endswith(DRAFT_SUFFIX)]
        texts = [p for p in paths if Path(p).suffix.lower() in TEXT_SUFFIXES and Path(p).is_file()]
        images = [p for p in paths if p not in drafts and p not in texts]
        if drafts:
            files.open(drafts[0])
            return
        for t in texts[:1]:
            self._load_text(t)
        if images:
            self.add_images(images)

    def add_images(self, paths: Sequence[str]) -> None:
        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.session.error_reported.emit("files", str(error))
                return
            found = list(result)
            if not found:
                self.session.error_reported.emit("files", self.tr("No photos found in what was dropped."))
                return
            self.session.add_images(found, resolved=True)

        self.session.runner.run_in_background(services.find_images, done, pool="decode",
                                              name="find images", args=(list(paths),))

    def _load_text(self, path: str) -> None:
        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.session.error_reported.emit("files", str(error))
                return
            self.apply_text(str(result))

        self.session.runner.run_in_background(read_text_file, done, pool="decode", name="read text",
                                              args=(path,))

    def apply_text(self, new_text: str) -> None:
        current = self.session.draft.text
        if current.strip() and current != new_text:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Post text"),
                              self.tr("The post already has text. Replace it with the file, or add "
                                      "the file's text at the end?"), parent=self.widget)
            replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
            append = box.addButton(self.tr("Add at the end"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is append:
                new_text = current.rstrip() + "\n\n" + new_text
            elif box.clickedButton() is not replace:
                return
        self.session.set_text(new_text)
        self.session.text_changed.emit()
