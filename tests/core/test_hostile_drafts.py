"""Malformed drafts (issue 17, item 2): text "false" is never true, every field is strictly
typed and in range, and a malformed draft is a usage error (exit 2) naming the file, the line
and the field: never a traceback, never exit 0 or 1."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest
from PIL import Image

from prepub import cli
from prepub.core.draft import Draft, DraftError, load_draft, save_draft


@pytest.fixture()
def photo(tmp_path: Path) -> Path:
    p = tmp_path / "kid.jpg"
    Image.new("RGB", (400, 300), (200, 160, 140)).save(p, "JPEG", quality=80)
    return p


def _good(photo: Path) -> dict[str, Any]:
    return {
        "format": "prepub.draft", "version": 1, "text": "Sommarläger vid sjön.",
        "channels": ["facebook"], "trip_ended": False, "title": "Läger",
        "images": [{"path": str(photo), "photographer": "Åsa Öberg",
                    "context": {"what": "Läger", "where": "Sjön", "when": "2026-07-01"},
                    "source": {"kind": "own", "licence": ""}, "alt_text": "Barn vid sjön",
                    "faces": [{"index": 0, "box": [10, 20, 110, 140], "decision": None,
                               "confirmed_adult": False}]}],
    }


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting the field at ``path`` (dots and [i]) to ``value``."""
    def apply(doc: dict[str, Any]) -> None:
        parts = path.replace("]", "").replace("[", ".").split(".")
        obj: Any = doc
        for p in parts[:-1]:
            obj = obj[int(p)] if p.isdigit() else obj[p]
        last = parts[-1]
        if value is _DELETE:
            del obj[int(last) if last.isdigit() else last]
        elif last.isdigit():
            obj[int(last)] = value
        else:
            obj[last] = value
    return apply


_DELETE = object()
FACE = "images[0].faces[0]"

# (id, mutation of the good draft) — each makes the draft invalid
MUTATIONS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("adult-text-false", _set(f"{FACE}.confirmed_adult", "false")),
    ("adult-text-no", _set(f"{FACE}.confirmed_adult", "no")),
    ("adult-zero", _set(f"{FACE}.confirmed_adult", 0)),
    ("adult-one", _set(f"{FACE}.confirmed_adult", 1)),
    ("adult-null", _set(f"{FACE}.confirmed_adult", None)),
    ("trip-text-no", _set("trip_ended", "no")),
    ("trip-text-false", _set("trip_ended", "false")),
    ("trip-one", _set("trip_ended", 1)),
    ("box-1e10-float", _set(f"{FACE}.box", [0, 0, 1e10, 10])),
    ("box-10e10-int", _set(f"{FACE}.box", [0, 0, 10 ** 10, 10])),
    ("box-negative", _set(f"{FACE}.box", [-5, 0, 10, 10])),
    ("box-reversed", _set(f"{FACE}.box", [100, 100, 5, 5])),
    ("box-three", _set(f"{FACE}.box", [0, 0, 10])),
    ("box-five", _set(f"{FACE}.box", [0, 0, 10, 10, 10])),
    ("box-string", _set(f"{FACE}.box", "0,0,10,10")),
    ("box-item-string", _set(f"{FACE}.box", [0, 0, "10", 10])),
    ("box-fraction", _set(f"{FACE}.box", [0.5, 0, 10, 10])),
    ("box-null", _set(f"{FACE}.box", None)),
    ("box-bool", _set(f"{FACE}.box", [True, 0, 10, 10])),
    ("box-missing", _set(f"{FACE}.box", _DELETE)),
    ("index-negative", _set(f"{FACE}.index", -1)),
    ("index-string", _set(f"{FACE}.index", "0")),
    ("index-float", _set(f"{FACE}.index", 1e5)),
    ("index-huge", _set(f"{FACE}.index", 10 ** 30)),
    ("decision-unknown", _set(f"{FACE}.decision", "maybe")),
    ("decision-number", _set(f"{FACE}.decision", 1)),
    ("faces-duplicate", lambda d: d["images"][0]["faces"].append(dict(d["images"][0]["faces"][0]))),
    ("faces-object", _set("images[0].faces", {"0": {}})),
    ("images-string", _set("images", "photo.jpg")),
    ("images-null-item", _set("images", [None])),
    ("image-path-number", _set("images[0].path", 5)),
    ("image-path-empty", _set("images[0].path", "")),
    ("image-path-nul", _set("images[0].path", "a\x00b.jpg")),
    ("image-path-missing", _set("images[0].path", _DELETE)),
    ("image-sha-not-hex", _set("images[0].sha256", "xyz")),
    ("context-string", _set("images[0].context", "at the lake")),
    ("source-kind-unknown", _set("images[0].source.kind", "mine")),
    ("photographer-list", _set("images[0].photographer", ["Åsa"])),
    ("channels-string", _set("channels", "facebook")),
    ("channels-number-item", _set("channels", [1])),
    ("channel-texts-list", _set("channel_texts", ["x"])),
    ("text-number", _set("text", 5)),
    ("text-null", _set("text", None)),
    ("overrides-string", _set("overrides", "location.trip")),
    ("override-no-reason", _set("overrides", [{"rule": "location.trip"}])),
    ("scheduled-words", _set("scheduled_at", "tomorrow morning")),
    ("scheduled-number", _set("scheduled_at", 20261201)),
    ("version-string", _set("version", "1")),
    ("version-bool", _set("version", True)),
    ("version-zero", _set("version", 0)),
    ("format-missing", _set("format", _DELETE)),
    ("format-other", _set("format", "prepub.policy")),
    ("id-empty", _set("id", "")),
]

# (id, the file's bytes from the good draft's text)
RAW: list[tuple[str, Callable[[str], bytes]]] = [
    ("truncated", lambda t: t[: len(t) // 2].encode()),
    ("empty", lambda t: b""),
    ("utf16", lambda t: t.encode("utf-16")),
    ("latin1", lambda t: t.encode("latin-1", "replace").replace(b"?", b"\xe5")),
    ("binary", lambda t: bytes(range(256)) * 4),
    ("top-level-list", lambda t: f"[{t}]".encode()),
    ("top-level-string", lambda t: b'"prepub.draft"'),
    ("nan-literal", lambda t: t.replace('"trip_ended": false', '"trip_ended": NaN').encode()),
    ("infinity-literal", lambda t: t.replace("110,", "Infinity,", 1).encode()),
    ("overflow-float", lambda t: t.replace("110,", "1e999,", 1).encode()),
    ("huge-int", lambda t: t.replace("110,", "1" * 5000 + ",", 1).encode()),
    ("duplicate-key", lambda t: t.replace('"trip_ended": false', '"trip_ended": false, "trip_ended": true').encode()),
    ("deep-nesting", lambda t: t.replace('"title"', '"future": ' + "[" * 100_000 + "]" * 100_000 + ', "title"').encode()),
    ("deep-nesting-100", lambda t: t.replace('"title"', '"future": ' + "[" * 100 + "]" * 100 + ', "title"').encode()),
    ("trailing-garbage", lambda t: (t + "}}").encode()),
    ("single-quotes", lambda t: t.replace('"', "'").encode()),
]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / f"{name}.prepub.json"
    p.write_bytes(data)
    return p


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = cli.main(argv)
    out = capsys.readouterr()
    return rc, out.err + out.out


def test_the_suite_has_at_least_forty_malformed_drafts() -> None:
    assert len(MUTATIONS) + len(RAW) >= 40


def test_the_good_draft_is_good(tmp_path: Path, photo: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(_good(photo), ensure_ascii=False, indent=2)
    p = _write(tmp_path, "good", text.encode())
    d = load_draft(p)
    assert d.images[0].faces[0].confirmed_adult is False and d.trip_ended is False
    rc, _ = _run(["check", "--no-faces", str(p)], capsys)
    assert rc in (0, 1)


@pytest.mark.parametrize("name,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_a_malformed_field_is_a_usage_error_naming_field_and_line(
        name: str, mutate: Callable[[dict[str, Any]], None], tmp_path: Path, photo: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    doc = copy.deepcopy(_good(photo))
    mutate(doc)
    p = _write(tmp_path, name, json.dumps(doc, ensure_ascii=False, indent=2).encode())
    with pytest.raises(DraftError) as e:
        load_draft(p)
    assert e.value.line is not None and f"{p}:{e.value.line}:" in str(e.value)
    rc, err = _run(["check", "--no-faces", str(p)], capsys)
    assert rc == cli.EXIT_USAGE, err
    assert "Traceback" not in err and str(p) in err


@pytest.mark.parametrize("name,make", RAW, ids=[r[0] for r in RAW])
def test_a_malformed_file_is_a_usage_error(name: str, make: Callable[[str], bytes],
                                           tmp_path: Path, photo: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, name, make(json.dumps(_good(photo), ensure_ascii=False, indent=2)))
    with pytest.raises(DraftError):
        load_draft(p)
    for argv in (["check", "--no-faces", str(p)], ["export", str(p), "--out", str(tmp_path / "o")]):
        rc, err = _run(argv, capsys)
        assert rc == cli.EXIT_USAGE, (argv, err)
        assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("field,value", [("trip_ended", "no"), ("trip_ended", "false"),
                                         (f"{FACE}.confirmed_adult", "false"),
                                         (f"{FACE}.confirmed_adult", "no")])
def test_text_false_never_switches_off_the_child_and_trip_checks(field: str, value: str,
                                                                 tmp_path: Path, photo: Path) -> None:
    """The reported attack: "false" as text loaded as true and switched off
    face.possible_minor and location.trip (an unblurred one-year-old was exported)."""
    doc = _good(photo)
    _set(field, value)(doc)
    p = _write(tmp_path, "attack", json.dumps(doc, indent=2).encode())
    with pytest.raises(DraftError) as e:
        load_draft(p)
    assert e.value.field == field and "must be true or false" in str(e.value)


def test_the_error_names_the_line_of_the_field(tmp_path: Path, photo: Path) -> None:
    doc = _good(photo)
    doc["images"][0]["faces"][0]["confirmed_adult"] = "false"
    text = json.dumps(doc, indent=2)
    p = _write(tmp_path, "line", text.encode())
    with pytest.raises(DraftError) as e:
        load_draft(p)
    want = next(i for i, line in enumerate(text.splitlines(), 1) if '"confirmed_adult"' in line)
    assert e.value.line == want
    assert e.value.field == "images[0].faces[0].confirmed_adult"


def test_unknown_fields_survive_a_round_trip_and_known_ones_are_typed(tmp_path: Path,
                                                                      photo: Path) -> None:
    doc = _good(photo)
    doc["future_setting"] = {"nested": [1, 2, {"x": None}]}
    doc["images"][0]["faces"][0]["landmarks"] = [[1, 2], [3, 4]]
    doc["version"] = 2  # saved by a newer Prepub
    p = _write(tmp_path, "future", json.dumps(doc).encode())
    d = load_draft(p)
    assert d.extra["future_setting"] == {"nested": [1, 2, {"x": None}]}
    assert d.images[0].faces[0].extra == {"landmarks": [[1, 2], [3, 4]]}
    again = json.loads(save_draft(d, tmp_path / "again.prepub.json").read_text(encoding="utf-8"))
    assert again["future_setting"] == doc["future_setting"]
    assert again["images"][0]["faces"][0]["landmarks"] == [[1, 2], [3, 4]]


def test_a_draft_the_app_writes_loads_again(tmp_path: Path, photo: Path) -> None:
    d = Draft(text="Hej", channels=["facebook", "instagram"], scheduled_at="2026-12-01T10:00:00+01:00")
    im = d.add_image(str(photo))
    im.decide(0, (0, 0, 399, 299), "blur")
    im.decide(1, [5, 5, 50, 60], "person", person_id="p1", confirmed_adult=True)
    back = load_draft(save_draft(d, tmp_path / "ok.prepub.json"))
    assert back.images[0].faces[1].confirmed_adult is True
    assert back.images[0].faces[0].box == [0, 0, 399, 299]


def test_draft_from_a_device_or_a_fifo_is_refused_at_once(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import os

    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs POSIX FIFOs and /dev/zero")
    fifo = tmp_path / "pipe.prepub.json"
    os.mkfifo(fifo)
    for p in (fifo, Path("/dev/zero")):
        with pytest.raises(DraftError, match="not a draft file"):
            load_draft(p)
        rc, err = _run(["export", str(p), "--out", str(tmp_path / "o")], capsys)
        assert rc == cli.EXIT_USAGE and "Traceback" not in err
