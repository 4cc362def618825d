"""Post drafts on disk from the GUI: new, open, save, save as, recent drafts, autosave, recovery.

Reading and writing go through ``prepub.core.draft`` (atomic writes, unknown fields kept) on the
one-thread ``write`` pool. An unsaved post autosaves to the data folder
(``drafts/untitled-<id>.prepub.json.autosave``); a saved one beside itself. On start and on open,
an autosave newer than its draft is offered back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from prepub.core import draft as drafts
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings

AUTOSAVE_MS = 4000


def data_dir() -> Path:
    """Same rule as the registry's folder: PREPUB_DATA_DIR, else the platform's data folder."""
    env = os.environ.get("PREPUB_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Prepub", "Prepub"))


def untitled_path(draft_id: str) -> Path:
    return data_dir() / "drafts" / f"untitled-{draft_id}{drafts.SUFFIX}"


class DraftFiles(QObject):
    """File actions for one window's session."""

    saved = Signal(str)
    opened = Signal(str)
    recent_changed = Signal()

    def __init__(self, session: PostSession, settings: GuiSettings, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.session, self.settings, self.widget = session, settings, parent_widget
        self._autosaved_generation = -1
        self._generation = 0
        session.dirty_changed.connect(self._bump)
        session.findings_changed.connect(self._bump_if_dirty)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    def _bump(self, *_a: Any) -> None:
        self._generation += 1

    def _bump_if_dirty(self) -> None:
        if self.session.dirty:
            self._generation += 1

    def target(self) -> Path:
        return self.session.path or untitled_path(self.session.draft.id)

    # --- autosave --------------------------------------------------------------------------------

    def autosave(self) -> None:
        if not self.session.dirty or self._generation == self._autosaved_generation:
            return
        self._autosaved_generation = self._generation
        snapshot = self.session.snapshot()
        path = self.target()
        self.session.runner.run_in_background(drafts.autosave, self._autosaved, pool="write",
                                              name="autosave", args=(snapshot, path))

    def _autosaved(self, _result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.session.error_reported.emit("autosave", str(error))

    def discard_autosave(self) -> None:
        a = drafts.autosave_path(self.target())
        try:
            a.unlink()
        except OSError:
            pass

    def untitled_recoveries(self) -> list[Path]:
        folder = data_dir() / "drafts"
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"untitled-*{drafts.SUFFIX}.autosave"),
                      key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> bool:
        """On start: an unsaved post from a crash is offered back. True when one was restored."""
        for auto in self.untitled_recoveries():
            answer = QMessageBox.question(
                self.widget, self.tr("Restore unsaved post?"),
                self.tr("Prepub found a post that was not saved when it last closed. "
                        "Restore it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard)
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    d = drafts.load_draft(auto)
                except drafts.DraftError as e:
                    self._error(str(e))
                    continue
                self.session.replace_draft(d, None, dirty=True)
                return True
            auto.unlink(missing_ok=True)
        return False

    # --- new / open / save -------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self.widget, self.tr("Unsaved changes"),
            self.tr("The post has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save(wait=True)
        self.discard_autosave()
        return True

    def new(self, *, channels: list[str]) -> None:
        if not self.confirm_discard():
            return
        d = drafts.Draft(channels=channels)
        self.session.replace_draft(d, None)

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Open a post"),
                                              self.settings.last_open_dir, self.tr("Prepub post (*.prepub.json)"))
        if path:
            self.open(path, confirmed=True)

    def open(self, path: str, *, confirmed: bool = False) -> None:
        if not confirmed and not self.confirm_discard():
            return
        p = Path(path)
        source = p
        recovered = drafts.recoverable(p)
        if recovered is not None and p.exists():
            answer = QMessageBox.question(
                self.widget, self.tr("Newer autosave found"),
                self.tr("There is an autosaved version of this post that is newer than the saved "
                        "file (Prepub may have closed unexpectedly). Use the autosaved version?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                source = recovered

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.settings.remove_recent_draft(str(p))
                self.recent_changed.emit()
                self._error(str(error))
                return
            self.session.replace_draft(result, p, dirty=source != p)
            self.settings.add_recent_draft(str(p))
            self.settings.last_open_dir = str(p.parent)
            self.recent_changed.emit()
            self.opened.emit(str(p))

        self.session.runner.run_in_background(drafts.load_draft, done, pool="write", name="open",
                                              args=(source,))

    def save(self, *, wait: bool = False) -> bool:
        if self.session.path is None:
            return self.save_as(wait=wait)
        return self._save_to(self.session.path, wait=wait)

    def save_as(self, *, wait: bool = False) -> bool:
        start = str(self.session.path or Path(self.settings.last_open_dir or Path.home())
                    / f"{self.tr('post')}{drafts.SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save the post"), start,
                                              self.tr("Prepub post (*.prepub.json)"))
        if not path:
            return False
        if not path.endswith(drafts.SUFFIX):
            path += drafts.SUFFIX
        old_auto = drafts.autosave_path(self.target()) if self.session.path is None else None
        ok = self._save_to(Path(path), wait=wait)
        if ok and old_auto is not None:
            old_auto.unlink(missing_ok=True)
        return ok

    def _save_to(self, path: Path, *, wait: bool) -> bool:
        snapshot = self.session.snapshot()
        generation = self._generation
        result: dict[str, Any] = {}

        def done(_r: Any, error: BaseException | None) -> None:
            result["error"] = error
            if error is not None:
                self._error(self.tr("The post could not be saved: %1").replace("%1", str(error)))
                return
            if self._generation == generation or self.session.path != path:
                self.session.mark_saved(path)
            self.settings.add_recent_draft(str(path))
            self.recent_changed.emit()
            self.saved.emit(str(path))

        self.session.path = path
        task = self.session.runner.run_in_background(drafts.save_draft, done, pool="write",
                                                     name="save", args=(snapshot, path))
        if wait:  # closing the window: the save must finish first (it is one small file)
            self.session.runner.wait_for_done(10_000, pool="write")
            _process_events_until(lambda: task.finished and "error" in result)
            return result.get("error") is None
        return True

    def _error(self, text: str) -> None:
        QMessageBox.warning(self.widget, self.tr("Prepub"), text)


def _process_events_until(cond: Callable[[], bool], timeout_ms: int = 5000) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(timeout_ms)
    while not cond() and not deadline.hasExpired():
        QCoreApplication.processEvents()
