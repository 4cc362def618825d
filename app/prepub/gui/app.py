"""Starting the desktop app: ``run(argv) -> int`` is what ``prepub`` (no subcommand) calls.

Order matters for a fast first window: check that there is a display and that Qt's display
plug-in can load (a clear message instead of a Qt abort), create the QApplication, load
translations, build and show the window, and only then start the heavy work (registry, rule
catalogue, face models) on worker threads.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from prepub.gui.platform_check import (display_problem, missing_message, missing_xcb_packages,
                                       no_display_message)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from prepub.gui.main_window import MainWindow

EXIT_OK, EXIT_ENVIRONMENT = 0, 2
GUI_SWITCH_INTERVAL_S = 0.001


def run(argv: Sequence[str] | None = None, *, registry_url: str | None = None) -> int:
    """Open the main window; returns the process exit code. ``argv`` may name drafts or photos;
    ``registry_url`` (``prepub --registry URL``) is the consent registry for this run, whatever
    Settings say."""
    started = time.perf_counter()
    args = list(sys.argv[1:] if argv is None else argv)
    no_display = display_problem()
    if no_display:
        print(no_display_message(no_display), file=sys.stderr)
        return EXIT_ENVIRONMENT
    missing = missing_xcb_packages()
    if missing:
        print(missing_message(missing), file=sys.stderr)
        return EXIT_ENVIRONMENT

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(["prepub", *args])
    window = build_window(app, registry_url=registry_url)  # type: ignore[arg-type]
    shown_file = os.environ.get("PREPUB_BENCH_SHOWN_FILE")
    if shown_file:  # prepub.bench_gui: note when the window first paints, then quit
        _report_first_paint(window, Path(shown_file))
    window.show()
    window.raise_()
    QTimer.singleShot(0, window.start)
    if args:
        QTimer.singleShot(0, lambda: open_paths(window, args))
    window.startup_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    return int(app.exec())


def build_window(app: "QApplication", *, services: object | None = None,
                 registry_url: str | None = None) -> "MainWindow":
    """Configure the application (names, language, style) and build the main window (not shown).
    The consent registry is ``registry_url`` when given (for this run), else the services' own,
    else the one in Settings (empty: the personal registry)."""
    from prepub.gui.i18n import choose_language, install_translators
    from prepub.gui.qtcompat import protect_none
    from prepub.gui.main_window import MainWindow
    from prepub.gui.policy_source import load_effective_policy
    from prepub.gui.services import Services
    from prepub.gui.session import PostSession
    from prepub.gui.settings import GuiSettings
    from prepub.gui.tasks import TaskRunner

    protect_none()  # PySide6 6.12 drains None's reference count; see prepub.gui.qtcompat
    # Every call from Qt into Python (a slot, a model's data(), a delegate's paint) takes the
    # interpreter lock; while a worker thread runs Python (an evaluation, a registry query) it
    # is handed over only every switch interval, 5 ms by default, so a repaint that calls into
    # Python 30 times could wait 150 ms. 1 ms keeps the window's thread responsive.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setOrganizationName("Prepub")
    app.setOrganizationDomain("prepub.app")
    app.setApplicationName("Prepub")
    app.setApplicationDisplayName("Prepub")
    app.setDesktopFileName("prepub")
    settings = GuiSettings()
    lang = choose_language(settings.ui_language)
    for old in getattr(app, "_prepub_translators", []):  # a second window in the same process
        app.removeTranslator(old)
    app._prepub_translators = install_translators(app, lang)  # type: ignore[attr-defined]
    policy, policy_error = load_effective_policy(chosen=settings.policy_path, language=lang,
                                                 home_base=settings.home_base)
    runner = TaskRunner(parent=app)
    svc = services if services is not None else Services()
    if registry_url:
        svc.registry_url, svc.registry_pinned = registry_url, True  # type: ignore[attr-defined]
    elif svc.registry_url is None:  # type: ignore[attr-defined]
        svc.registry_url = settings.registry_url or None  # type: ignore[attr-defined]
    session = PostSession(policy=policy, runner=runner, services=svc,  # type: ignore[arg-type]
                          ui_language=lang)
    window = MainWindow(session, settings, policy_error=policy_error)
    session.setParent(window)
    session.draft.channels = window._default_channels()
    session.channels_changed.emit()
    app.aboutToQuit.connect(lambda: _shut_down(runner, session.services.analyzer))
    return window


def _shut_down(runner: object, analyzer: object) -> None:
    runner.cancel_all()  # type: ignore[attr-defined]
    runner.wait_for_done(3000)  # type: ignore[attr-defined]
    close = getattr(analyzer, "close", None)
    if close is not None:
        close()  # the analysis worker process
    from prepub.gui.services import close_workers

    close_workers()


def _report_first_paint(window: "MainWindow", out: Path) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from prepub.core import clock

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not out.exists():
                out.write_text(f"{clock.now().timestamp():.6f}", encoding="utf-8")
                QTimer.singleShot(0, window.close)
            return False

    window._first_paint = FirstPaint(window)  # type: ignore[attr-defined]
    window.installEventFilter(window._first_paint)  # type: ignore[attr-defined]


def open_paths(window: "MainWindow", args: Sequence[str]) -> None:
    """Open what the command line named (``prepub photo.jpg``, the desktop file's ``%F``) as a
    drop on the window would: a draft (``*.prepub.json``) opens, a text file becomes the post
    text, photos and folders join the new post. Options and vanished paths are skipped."""
    paths = [a for a in args if not a.startswith("-") and Path(a).exists()]
    if paths:
        window.drops.handle(paths, files=window.files)
