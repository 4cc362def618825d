"""The window's background runner at shutdown: a registry change that a watcher thread queued
just before the window closed arrives after the pools stopped; it must start nothing and raise
nothing (it did: "cannot schedule new futures after shutdown", seen in a loaded full run)."""

from __future__ import annotations

from typing import Any

from prepub.gui.tasks import TaskRunner


def test_work_asked_for_after_shutdown_is_dropped(qtbot: Any) -> None:
    runner = TaskRunner()
    done: list[Any] = []
    runner.run_in_background(lambda: 41 + 1, lambda r, e: done.append(r), pool="eval")
    qtbot.waitUntil(lambda: done == [42])
    runner.shutdown()
    late = runner.run_in_background(lambda: done.append("ran"), lambda r, e: done.append(e),
                                    pool="eval", name="people")
    assert late.cancelled and runner.closed
    qtbot.wait(50)  # an event-loop turn: nothing arrives
    assert done == [42] and runner.idle
