"""The main window: it lays out the widgets, owns the actions and wires signals between them.

Left: the images strip. Middle: the preview above the post editor. Right: the inspector above the
findings panel. The work itself lives in the session (``session.py``), the widgets
(``widgets/``), the dialogs (``dialogs/``), file handling (``draft_files.py``) and navigation
to a fix (``navigation.py``).
"""

from __future__ import annotations

import gc

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QFileDialog, QMainWindow, QPushButton, QSizePolicy, QSplitter,
                               QToolBar, QVBoxLayout, QWidget)

from prepub.gui import face_bulk, services
from prepub.gui.actions import WindowActions, app_icon, create_actions, retranslate_actions
from prepub.gui.draft_files import DraftFiles
from prepub.gui.dropping import DropHandler
from prepub.gui.navigation import Navigator
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings
from prepub.gui.team_link import TeamLink
from prepub.gui.widgets.face_popup import FacePopup
from prepub.gui.widgets.findings_panel import FindingsPanel
from prepub.gui.widgets.image_strip import ImageStripModel, ImageStripView
from prepub.gui.widgets.inspector import InspectorPanel
from prepub.gui.widgets.notice_bar import NoticeBar
from prepub.gui.widgets.post_editor import PostEditor
from prepub.gui.widgets.preview_pane import PreviewPane
from prepub.gui.widgets.progress_status import ProgressStatus


class MainWindow(QMainWindow):
    """One post at a time. Build it with a session and settings; call ``start()`` once shown."""

    face_popup_opened = Signal(object)  # FacePopup

    def __init__(self, session: PostSession, settings: GuiSettings, *,
                 policy_error: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session, self.settings = session, settings
        self.team = TeamLink(session, self)  # opens the registry; a team's copy and outbox
        self._startup_frozen = False
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.files = DraftFiles(session, settings, self)
        self.drops = DropHandler(session, self)
        self.actions_: WindowActions = create_actions(self, self)
        self._build()
        self.nav = Navigator(self)
        self._build_menus()
        self._wire()
        self.face_popup: FacePopup | None = None
        self._export_after_settle = False
        self.notices.set_notice("policy", self.tr("The policy file could not be used, so the "
                                                  "built-in policy is used instead: %1")
                                .replace("%1", policy_error) if policy_error else None,
                                state="blocked")
        self._update_title()
        self._update_export()
        geometry, state = settings.window_state("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 740)
        if state is not None:
            self.restoreState(state)

    # --- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.session
        self.strip_model = ImageStripModel(s, self)
        self.strip = ImageStripView(self.strip_model, self)
        self.preview_pane = PreviewPane(s, self)
        self.preview = self.preview_pane.view
        self.editor = PostEditor(s, self)
        self.inspector = InspectorPanel(s, self.settings, self)
        self.findings = FindingsPanel(s, self)
        self.notices = NoticeBar(self)
        self.progress = ProgressStatus(self)
        self.statusBar().addPermanentWidget(self.progress)

        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(self.preview_pane)
        self.center.addWidget(self.editor)
        self.center.setStretchFactor(0, 3)
        self.center.setStretchFactor(1, 2)
        self.center.setSizes([430, 230])
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.inspector)
        self.right.addWidget(self.findings)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([330, 330])
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.strip)
        self.main_split.addWidget(self.center)
        self.main_split.addWidget(self.right)
        self.main_split.setSizes([230, 700, 420])
        self.main_split.setStretchFactor(1, 1)
        for name, sp in (("main", self.main_split), ("center", self.center), ("right", self.right)):
            sp.setChildrenCollapsible(False)
            saved = self.settings.splitter_state(name)
            if saved is not None:
                sp.restoreState(saved)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.notices)
        lay.addWidget(self.main_split, 1)
        self.setCentralWidget(body)

        a = self.actions_
        tb = self.toolbar = QToolBar(self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (a.new, a.open, a.save, a.add_images):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(a.registry)
        tb.addAction(a.photographer)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.export_button = QPushButton(a.export.icon(), "")
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        f = self.export_button.font()
        f.setBold(True)
        self.export_button.setFont(f)
        self.export_button.setMinimumHeight(32)
        self.export_button.clicked.connect(self.on_export)
        tb.addWidget(self.export_button)
        self.addToolBar(tb)

    def _build_menus(self) -> None:
        a, mb = self.actions_, self.menuBar()
        m = self.file_menu = mb.addMenu("")
        for act in (a.new, a.open):
            m.addAction(act)
        self.recent_menu = m.addMenu("")
        self._fill_recent()
        for act in (a.save, a.save_as):
            m.addAction(act)
        m.addSeparator()
        for act in (a.add_images, a.add_text, a.cancel_analysis):
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.export)
        m.addSeparator()
        m.addAction(a.quit)
        e = self.edit_menu = mb.addMenu("")
        for act in (a.undo, a.redo, None, a.remove_image, None, a.faces_not_identifiable,
                    a.faces_blur, None, a.apply_fix):
            if act is None:
                e.addSeparator()
            else:
                e.addAction(act)
        v = self.view_menu = mb.addMenu("")
        for act in (a.next_image, a.prev_image, a.next_problem, a.zoom_in, a.zoom_out, a.zoom_fit):
            v.addAction(act)
        t = self.consent_menu = mb.addMenu("")
        t.addAction(a.registry)
        t.addAction(a.photographer)
        s = self.settings_menu = mb.addMenu("")
        s.addAction(a.settings)
        h = self.help_menu = mb.addMenu("")
        h.addAction(a.shortcuts)
        h.addAction(a.about)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the window itself in the UI language: at start, and when the
        language changes in Settings (the widgets inside retranslate themselves)."""
        retranslate_actions(self.actions_)
        self.toolbar.setWindowTitle(self.tr("Main"))
        for menu, title in ((self.file_menu, self.tr("&File")),
                            (self.recent_menu, self.tr("Open &recent")),
                            (self.edit_menu, self.tr("&Edit")), (self.view_menu, self.tr("&View")),
                            (self.consent_menu, self.tr("&Consent")),
                            (self.settings_menu, self.tr("&Settings")),
                            (self.help_menu, self.tr("&Help"))):
            menu.setTitle(title)
        if hasattr(self, "session") and hasattr(self, "nav"):
            self.session.retranslate_history()
            self._update_undo()
            self._update_title()
            self._update_export()
            self._faces_availability()
            self._registry_notice()
            if self.progress.running:
                self._analysis_progress(*self.session.analysis_counts(), "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self.retranslate()
        super().changeEvent(event)

    def change_language(self, setting: str) -> None:
        """Use the language chosen in Settings ("auto", "sv", …) from now on, without a
        restart: the findings are worded in it, and every window retranslates itself."""
        from PySide6.QtWidgets import QApplication

        from prepub.gui.i18n import choose_language, switch_language

        language = choose_language(setting)
        if language == self.session.ui_language:
            return
        self.session.ui_language = language  # before the widgets ask for their words
        switch_language(QApplication.instance(), language)
        for name in ("registry_window", "photographer_window"):
            other = getattr(self, name, None)  # built again, in the new language, when opened
            if other is not None and not other.isVisible():
                setattr(self, name, None)
                other.deleteLater()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_drafts
        for p in recent:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, path=p: self.files.open(path))
        self.recent_menu.setEnabled(bool(recent))

    def _wire(self) -> None:
        s = self.session
        self.strip.image_selected.connect(self._image_selected)
        self.strip.selection_changed.connect(self._selection_changed)
        self.strip.remove_requested.connect(self.remove_images)
        self.preview_pane.bulk_requested.connect(
            lambda decision: self.decide_unknown_faces([self.preview.path], decision))
        stack = s.undo_stack
        stack.canUndoChanged.connect(self._update_undo)
        stack.canRedoChanged.connect(self._update_undo)
        stack.undoTextChanged.connect(self._update_undo)
        stack.redoTextChanged.connect(self._update_undo)
        self._update_undo()
        self.preview.face_clicked.connect(self.open_face_popup)
        self.findings.go_to.connect(self.nav.go_to)
        self.findings.group_action.connect(self.nav.fix_group)
        s.findings_changed.connect(self._update_export)
        s.report_ready.connect(self._update_export)
        s.analysis_progressed.connect(self._analysis_progress)
        s.analysis_finished.connect(self._analysis_finished)
        s.images_added.connect(self._analysis_started)
        s.draft_replaced.connect(self._analysis_started)
        s.dirty_changed.connect(self._update_title)
        s.faces_availability_changed.connect(self._faces_availability)
        s.registry_changed.connect(self._registry_notice)
        self.team.changed.connect(self._registry_notice)
        self.team.opened.connect(self._registry_opened)
        self.team.password_needed.connect(self._ask_registry_password)
        s.error_reported.connect(self._error_reported)
        s.registry_noted.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.inspector.templates.applied.connect(
            lambda message: self.statusBar().showMessage(message, 8000))
        self.files.recent_changed.connect(self._fill_recent)
        self.files.saved.connect(self._saved)
        self.files.opened.connect(self._update_title)

    # --- start-up (after the window is shown) ----------------------------------------------------

    def start(self) -> None:
        """Load the heavy parts in the background: registry, rule catalogue, models."""
        s = self.session
        s.runner.run_in_background(_warm_up, self._warmed_up, pool="eval", name="warm-up",
                                   args=(s.policy,))
        self.team.open()
        s.runner.run_in_background(s.services.analyzer.prepare, lambda _r, _e: self._faces_availability(),
                                   pool="analysis", name="models")
        QTimer.singleShot(0, self.files.offer_recovery)

    def _warmed_up(self, features: Any, error: BaseException | None) -> None:
        _freeze_startup_objects()
        self.session.mark_core_ready(features or {"export": str(error), "text": str(error)})
        self._update_export()
        if self.session.features.get("text") is None:  # language models: slow, on their own pool
            self.session.runner.run_in_background(services.warm_up_text, None, pool="warmup",
                                                  name="text models", args=(self.session.policy,))

    def _registry_opened(self) -> None:
        if not self._startup_frozen:
            self._startup_frozen = True
            _freeze_startup_objects()

    def _ask_registry_password(self, login: str) -> None:
        from prepub.gui.dialogs.registry_password import ask_password

        self.password_dialog = ask_password(self, self.team, login)

    def _registry_notice(self) -> None:
        err, offline = self.session.registry_error, self.team.notice()
        if offline is not None:  # a team registry's server is away: its copy, or nothing
            self.notices.set_notice("registry", offline[0], state=offline[1])
        else:
            self.notices.set_notice("registry", self.tr(
                "The consent registry could not be opened: %1. Faces can only be blurred or "
                "marked not identifiable.").replace("%1", err) if err else None)
        self._update_export()

    def _faces_availability(self) -> None:
        an = self.session.services.analyzer
        if an.faces_available is False:
            self.notices.set_notice("faces", self.tr("Face detection is not available in this "
                                                     "installation (%1). Photos cannot be checked "
                                                     "for people, so export is switched off.")
                                    .replace("%1", an.faces_reason), state="blocked")
        else:
            self.notices.set_notice("faces", None)
        self._update_export()

    # --- reacting to the session -----------------------------------------------------------------

    def _image_selected(self, path: str) -> None:
        self.preview_pane.show_image(path)
        self._selection_changed(self.strip.selected_paths())

    def _selection_changed(self, paths: list[str]) -> None:
        """The inspector edits every selected photo; the preview shows the current one."""
        current = self.preview.path
        if len(paths) < 2 and current:
            paths = [current]
        self.inspector.show_images(paths, current or None)

    def _update_undo(self, *_a: Any) -> None:
        stack, a = self.session.undo_stack, self.actions_
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
        a.undo.setText(self.tr("&Undo %1").replace("%1", stack.undoText()) if stack.canUndo()
                       else self.tr("&Undo"))
        a.redo.setText(self.tr("&Redo %1").replace("%1", stack.redoText()) if stack.canRedo()
                       else self.tr("&Redo"))

    def _analysis_started(self, *_a: Any) -> None:
        if self.session.analysing and not self.progress.running:
            self.progress.begin(self.tr("Checking images…"), self.session.cancel_analysis)
        self._update_export()

    def _analysis_progress(self, done: int, total: int, name: str) -> None:
        if not self.progress.running:
            self.progress.begin(self.tr("Checking images…"), self.session.cancel_analysis)
        self.progress.update_progress(done, total, self.tr("Checking images… %1").replace("%1", name))

    def _analysis_finished(self) -> None:
        self.progress.end()
        self._update_export()

    def _error_reported(self, where: str, message: str) -> None:
        self.statusBar().showMessage(self.tr("Problem (%1): %2").replace("%1", where)
                                     .replace("%2", message), 10_000)

    def _saved(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 4000)
        self._update_title()

    def _update_title(self, *_a: Any) -> None:
        p = self.session.path
        name = Path(p).name if p else self.tr("New post")
        self.setWindowTitle(f"{name}[*] — Prepub")
        self.setWindowModified(self.session.dirty)

    def export_state(self) -> tuple[bool, str]:
        """(enabled, reason) for the Export button."""
        s = self.session
        if not s.draft.images and not s.draft.text.strip():
            return False, self.tr("Add photos or write the post first.")
        if s.analysing or any(im.path not in s.reports for im in s.draft.images):
            return False, self.tr("Wait until every image has been checked.")
        if s.services.analyzer.faces_available is False and s.draft.images:
            return False, self.tr("Face detection is not available, so photos cannot be checked.")
        if not s.core_ready:
            return False, self.tr("Prepub is still starting…")
        reason = s.features.get("export")
        if reason is not None:
            return False, self.tr("Export is not available in this installation (%1).").replace("%1", reason)
        blockers = s.blockers()
        if blockers and not all(services.override_allowed(f.rule, s.policy) for f in blockers):
            # the same count as the findings panel and the strip: every unresolved blocker
            return False, self.tr("%n thing(s) block the export. See the list on the right.", "",
                                  len(blockers))
        if blockers:
            return True, self.tr("Your policy allows exporting past the remaining items with a reason.")
        return True, self.tr("Nothing blocks: export the post.")

    def _update_export(self, *_a: Any) -> None:
        ok, why = self.export_state()
        blockers = self.session.blockers()
        self.export_button.setEnabled(ok)
        self.actions_.export.setEnabled(ok)
        self.export_button.setText(self.tr("Export with reasons…") if ok and blockers else self.tr("Export…"))
        self.export_button.setToolTip(why)

    # --- faces -----------------------------------------------------------------------------------

    def open_face_popup(self, path: str, index: int, pos: QPoint) -> FacePopup:
        if self.face_popup is not None:
            self.face_popup.close()
        self.face_popup = FacePopup(self.session, path, index, self)
        self.face_popup.popup_at(pos)
        self.face_popup_opened.emit(self.face_popup)
        return self.face_popup

    # --- drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.drops.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.drops.paths_from(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.drops.handle(paths, files=self.files)

    # --- action handlers -------------------------------------------------------------------------

    def on_new(self) -> None:
        self.files.new(channels=self._default_channels())

    def _default_channels(self) -> list[str]:
        chosen = self.settings.default_channels
        available = list(self.session.policy.channels)
        if chosen is None:
            return [c for c in available if c != "website"][:2] or available[:1]
        return [c for c in chosen if c in available]

    def on_open(self) -> None:
        self.files.open_dialog()

    def on_save(self) -> None:
        self.files.save()

    def on_save_as(self) -> None:
        self.files.save_as()

    def on_add_images(self) -> None:
        suffixes = " ".join(f"*{s}" for s in sorted(services.image_suffixes()))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), self.settings.last_open_dir,
                                                self.tr("Photos (%1)").replace("%1", suffixes))
        if paths:
            self.settings.last_open_dir = str(Path(paths[0]).parent)
            self.drops.handle(paths, files=self.files)

    def on_add_text(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load the post text"),
                                              self.settings.last_open_dir,
                                              self.tr("Text files (*.txt *.md)"))
        if path:
            self.drops.handle([path], files=self.files)

    def on_export(self) -> None:
        from prepub.gui.dialogs.export_dialog import ExportDialog

        ok, why = self.export_state()
        if not ok:
            self.statusBar().showMessage(why, 6000)
            return
        overridable = [f for f in self.session.blockers()
                       if services.override_allowed(f.rule, self.session.policy)]
        dlg = ExportDialog(self.session, self.settings, overridable=overridable, parent=self)
        self.export_dialog = dlg
        dlg.open()

    def on_next_image(self) -> None:
        self.strip.step(1)

    def on_prev_image(self) -> None:
        self.strip.step(-1)

    def on_next_problem(self) -> None:
        self.nav.next_problem()

    def on_zoom_in(self) -> None:
        self.preview.zoom(1.25)

    def on_zoom_out(self) -> None:
        self.preview.zoom(0.8)

    def on_zoom_fit(self) -> None:
        self.preview.fit()

    def on_remove_image(self) -> None:
        self.remove_images(self.strip.selected_paths())

    def remove_images(self, paths: list[str]) -> None:
        """Take photos out of the post; the status bar says how to get them back."""
        gone = self.session.remove_images(paths)
        if gone:
            self.statusBar().showMessage(
                self.tr("%n photo(s) removed from the post. Undo with Ctrl+Z.", "", len(gone)),
                8000)

    def on_undo(self) -> None:
        self.session.undo_stack.undo()

    def on_redo(self) -> None:
        self.session.undo_stack.redo()

    def on_apply_fix(self) -> None:
        if not self.editor.apply_fix_or_next():
            self.statusBar().showMessage(self.tr("The post text has no suggestions to apply."), 4000)

    def on_faces_not_identifiable(self) -> None:
        self.decide_unknown_faces(self.strip.selected_paths(), face_bulk.NOT_IDENTIFIABLE)

    def on_faces_blur(self) -> None:
        self.decide_unknown_faces(self.strip.selected_paths(), face_bulk.BLUR)

    def decide_unknown_faces(self, paths: list[str], decision: str, *,
                             confirm: bool = True) -> int:
        """Every unknown face of ``paths`` at once (one undo step); returns how many changed.
        ``ADULTS``: the possible children of the photo shown, each face shown to tick."""
        if decision == face_bulk.ADULTS:
            n, message = face_bulk.confirm_adults(self.session, [p for p in paths if p],
                                                  parent=self, crop=self.preview.face_crop,
                                                  confirm=confirm)
        else:
            n, message = face_bulk.decide_unknown(self.session, [p for p in paths if p],
                                                  decision, parent=self, confirm=confirm)
        if message:
            self.statusBar().showMessage(message, 8000)
        return n

    def on_cancel_analysis(self) -> None:
        self.session.cancel_analysis()

    def on_registry(self) -> None:
        from prepub.gui.dialogs.registry_window import open_registry_window

        open_registry_window(self)

    def on_photographer(self) -> None:
        from prepub.gui.dialogs.photographer_window import open_photographer_window

        open_photographer_window(self)

    def on_settings(self) -> None:
        from prepub.gui.dialogs.settings_dialog import open_settings

        open_settings(self)

    def on_shortcuts(self) -> None:
        from prepub.gui.dialogs.about import show_shortcuts

        show_shortcuts(self, self.actions_)

    def on_about(self) -> None:
        from prepub.gui.dialogs.about import show_about

        show_about(self)

    def on_quit(self) -> None:
        self.close()

    # --- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        if not self.session.dirty:
            self.files.discard_autosave()
        self.settings.save_window_state("main", self.saveGeometry(), self.saveState())
        for name, sp in (("main", self.main_split), ("center", self.center), ("right", self.right)):
            self.settings.save_splitter_state(name, sp.saveState())
        self.settings.sync()
        self.session.stop_watching()
        self.team.stop()
        self.session.runner.cancel_all()
        event.accept()


def _freeze_startup_objects() -> None:
    """Move everything that exists now (Qt, the core and their libraries: about 100,000 objects,
    all living as long as the app) out of the garbage collector's full passes. A full pass
    over them takes about 50 ms on a two-core laptop and would land in the middle of whatever
    the window is doing; afterwards it only scans what the session creates."""
    gc.freeze()


def _warm_up(policy: Any) -> dict[str, str | None]:
    """Import the rule catalogue, the export gate and the text checks off the GUI thread;
    returns which features this installation has (None) or why not (the reason)."""
    from PIL import Image, ImageMath, TiffImagePlugin  # noqa: F401 - what a decode imports

    from prepub.core import messages
    from prepub.core.imageio import register_heif
    from prepub.core.rules import all_rules

    # the image plug-ins and pillow-heif's libraries (about 40 ms, holding the interpreter while
    # they load): here, not in the first thumbnail's decode after a drop
    Image.preinit()
    register_heif()
    all_rules()
    messages.catalogue()  # the findings' words: parsed here, not on the window's thread
    features = {"export": services.export_available(), "text": services.text_available()}
    if features["export"] is None:
        services.override_allowed("", policy)
    return features
