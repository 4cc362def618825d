"""``python -m prepub.bench_gui`` runs end to end (issue 15's stall figures come from it): a
few photos analysed in the real window, with ``--why``'s sampler, import log and stack dump,
and the measure stops when the analysis is over (the window's shut-down, which joins the
analysis process, is not a stall of the analysis). Figures are printed, never asserted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_gui_measures_the_analysis_and_explains_stalls(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PREPUB_LANG="en",
               PREPUB_DATA_DIR=str(tmp_path / "data"), PREPUB_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("DISPLAY", None)
    proc = subprocess.run([sys.executable, "-m", "prepub.bench_gui", "--no-startup", "--images", "4",
                           "--why"], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert re.search(r"analysis: 4 images .*, face detection (on|OFF)", out), out
    assert "analysis did NOT finish" not in out, out
    assert re.search(r"longest gap \d+ ms, 99th percentile \d+ ms", out), out
    assert re.search(r"\d+ gaps over 50 ms", out), out
    assert "stacks of all threads during stalls over 100 ms:" in out, out
    assert re.search(r"\d+ modules imported after the drop", out), out
