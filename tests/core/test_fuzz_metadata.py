"""Property-based tests for the metadata readers (issue 17, fuzzing): whatever bytes a photo
holds (seed files with EXIF, GPS, XMP and text chunks, damaged by flipped, replaced, inserted
and cut bytes), reading it gives Metadata or ``UnreadableImage``, the JPEG scan walk gives a
reason or None, and the findings render; nothing else ever comes out.

The same check is the coverage-guided fuzz target in ``fuzz/fuzz_metadata.py`` (atheris),
which a developer runs for minutes; here its one-input function runs over its seeds."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepub.core.analyze import analyze_image
from prepub.core.policy import load_policy

REPO = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=int(os.environ.get("PREPUB_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _target() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_metadata", REPO / "fuzz" / "fuzz_metadata.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_metadata", mod)
    spec.loader.exec_module(mod)
    return mod


TARGET = _target()
SEEDS = TARGET.seeds()

edits = st.lists(st.tuples(st.integers(min_value=0, max_value=1 << 20),
                           st.sampled_from(["flip", "set", "insert", "delete"]),
                           st.binary(min_size=1, max_size=8)), max_size=6)


def _damage(data: bytes, changes: list[tuple[int, str, bytes]], cut: int | None) -> bytes:
    b = bytearray(data)
    for pos, kind, value in changes:
        i = pos % max(1, len(b))
        if kind == "flip" and b:
            b[i] ^= 1 << (value[0] % 8)
        elif kind == "set":
            b[i:i + len(value)] = value
        elif kind == "insert":
            b[i:i] = value
        elif kind == "delete":
            del b[i:i + len(value)]
    if cut is not None:
        del b[cut % max(1, len(b)):]
    return bytes(b)


def test_the_seeds_are_images_and_read_cleanly() -> None:
    assert {"seed.jpg", "seed.png", "seed.tif"} <= set(SEEDS)
    for data in SEEDS.values():
        TARGET.one_input(data)


@FUZZ
@given(st.sampled_from(sorted(SEEDS)), edits, st.none() | st.integers(min_value=0, max_value=1 << 16))
def test_damaged_photos_read_or_say_unreadable(name: str, changes: list[tuple[int, str, bytes]],
                                               cut: int | None) -> None:
    TARGET.one_input(_damage(SEEDS[name], changes, cut))


@FUZZ
@given(st.binary(max_size=2048))
def test_any_bytes_read_or_say_unreadable(data: bytes) -> None:
    TARGET.one_input(data)
    for magic in (b"\xff\xd8\xff\xe1", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"RIFF\x00\x00\x00\x00WEBP"):
        TARGET.one_input(magic + data)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(SEEDS)), edits)
def test_the_whole_analysis_of_a_damaged_photo_is_a_report(
        tmp_path_factory: pytest.TempPathFactory, name: str, changes: list[tuple[int, str, bytes]]) -> None:
    p = tmp_path_factory.mktemp("fz") / name
    p.write_bytes(_damage(SEEDS[name], changes, None))
    rep = analyze_image(p, policy=load_policy(language="en"), detector=None)
    assert rep.path == str(p)
    if rep.error:
        assert "image.unreadable" in {f.rule for f in rep.findings}


def test_the_corpus_of_real_photos_reads_cleanly(testdata: Path) -> None:
    files = sorted(p for p in (testdata / "exif").iterdir() if p.suffix.lower() in
                   (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif"))
    for p in files[:80]:
        TARGET.one_input(p.read_bytes())
