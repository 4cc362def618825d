"""GUI test fixtures: the fake analyser and a ready main window (see ``guikit.py``)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from guikit import FakeAnalyzer, close_window, wait_until


@pytest.fixture
def analyzer() -> FakeAnalyzer:
    return FakeAnalyzer()


@pytest.fixture
def make_window(qtbot: Any, analyzer: FakeAnalyzer) -> Iterator[Callable[..., Any]]:
    """Build, show and start a main window with the fake analyser; cleans up after the test."""
    from PySide6.QtWidgets import QApplication

    from prepub.gui.app import build_window
    from prepub.gui.services import Services

    made: list[Any] = []

    def make(*, wait_registry: bool = True, **services: Any) -> Any:
        """``services``: more :class:`~prepub.gui.services.Services` fields (e.g. ``today``)."""
        app = QApplication.instance()
        w = build_window(app, services=Services(analyzer=analyzer, **services))
        w.show()
        w.start()
        wait_until(qtbot, lambda: w.session.core_ready)
        if wait_registry:
            wait_until(qtbot, lambda: w.session.registry is not None or w.session.registry_error)
        made.append(w)
        return w

    yield make
    for w in made:
        close_window(w)
