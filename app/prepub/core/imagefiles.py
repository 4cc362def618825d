"""Which files are photos: the suffixes Prepub reads, and folders expanded into them.

Kept apart from :mod:`prepub.core.analyze` (which imports the metadata readers, the policy and the
checks: about 0.2 s) so that finding the photos of a drop imports nothing heavy.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff", ".heic",
                            ".heif", ".hif", ".avif", ".mpo"})


def find_images(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders recursively into image files (by suffix), keeping the given order."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            items = sorted(x for x in path.rglob("*") if x.is_file() and x.suffix.lower() in IMAGE_SUFFIXES
                           and not any(part.startswith(".") for part in x.relative_to(path).parts))
        else:
            items = [path]
        for x in items:
            r = x.resolve()
            if r not in seen:
                seen.add(r)
                out.append(x)
    return out
