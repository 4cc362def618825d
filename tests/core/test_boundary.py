"""The core never imports Qt: checked by import-linter and by importing every core module
in a fresh interpreter where PySide6 is blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

BLOCKER = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6') or name.startswith('prepub.gui'):
            raise ImportError('core imported ' + name)
        return None
sys.meta_path.insert(0, Block())
import prepub.core as core
for m in pkgutil.walk_packages(core.__path__, 'prepub.core.'):
    importlib.import_module(m.name)
print('ok')
"""


def test_core_imports_without_qt() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_import_linter_contract() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(exe)], capture_output=True, text=True, cwd=REPO, timeout=240)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "KEPT" in out.stdout
