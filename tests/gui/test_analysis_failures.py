"""One photo whose analysis raises never strands the others: each ends analysed or unreadable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from guikit import FakeAnalyzer, make_jpeg, wait_analysed

from prepub.core.model import ImageReport
from prepub.core.policy import Policy


class Exploding(FakeAnalyzer):
    """Raises (as a bug in a reader or a model would) for one file name."""

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        if Path(path).name == "boom.jpg":
            raise ValueError("a reader bug")
        return super().analyze(path, policy=policy)


@pytest.fixture
def analyzer() -> FakeAnalyzer:
    return Exploding()


def test_an_exception_in_one_photo_leaves_the_rest_analysed(make_window: Any, qtbot: Any,
                                                            tmp_path: Path) -> None:
    paths = [make_jpeg(tmp_path / n, artist="Anna Svensson") for n in ("a.jpg", "boom.jpg", "c.jpg")]
    w = make_window()
    w.session.add_images([str(p) for p in paths])
    wait_analysed(qtbot, w, 3)
    s = w.session
    boom = str(paths[1].resolve())
    assert not s.analysing and not s.pending(boom)
    assert {f.rule for f in s.findings_for(boom)} >= {"image.unreadable"}
    unreadable = next(f for f in s.findings_for(boom) if f.rule == "image.unreadable")
    assert unreadable.params["code"] == "analysis_failed" and unreadable.blocks
    for p in (paths[0], paths[2]):
        assert s.reports[str(p.resolve())].error is None
    assert all(w.strip_model.state(str(p.resolve())) != "pending" for p in paths)
