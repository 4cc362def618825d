"""Where the shipped resources (default policy, word lists, translations, icons) live.

From a source checkout they are in ``<repo>/resources``; in a wheel they are force-included as
``prepub/resources``; in a PyInstaller bundle they sit under ``sys._MEIPASS/resources``.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    here = Path(__file__).resolve()
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else None,
        here.parents[1] / "resources",  # installed wheel: prepub/resources
        here.parents[3] / "resources",  # source checkout: <repo>/app/prepub/core -> <repo>/resources
    ]
    for c in candidates:
        if c is not None and (c / "policy").is_dir():
            return c
    raise FileNotFoundError("Prepub's resources folder is missing; reinstall the application.")


def resource(*parts: str) -> Path:
    """Path of one shipped resource, e.g. ``resource("policy", "default.sv.toml")``."""
    return resources_dir().joinpath(*parts)
