"""GUI test fixtures: the fake analyser and a ready main window (see ``guikit.py``)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from guikit import FakeAnalyzer, close_window


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

    def make(*, wait_registry: bool = True) -> Any:
        app = QApplication.instance()
        w = build_window(app, services=Services(analyzer=analyzer))
        w.show()
        w.start()
        qtbot.waitUntil(lambda: bool(w.session.core_ready), timeout=30_000)
        if wait_registry:
            qtbot.waitUntil(lambda: bool(w.session.registry is not None or w.session.registry_error),
                            timeout=30_000)
        made.append(w)
        return w

    yield make
    for w in made:
        close_window(w)
