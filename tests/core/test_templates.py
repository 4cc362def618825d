"""Event templates (issue 15): declared once, read strictly, saved privately, applied without
clearing what a photo already has."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from prepub.core import templates as tpl


def test_save_load_replace_remove(tmp_path: Path) -> None:
    path = tmp_path / "event-templates.json"
    assert tpl.load(path) == []
    council = tpl.from_fields("  Kommunfullmäktige ", {
        "photographer": "Åsa Öberg", "context.what": "Kommunfullmäktiges sammanträde",
        "context.where": "Rådhuset", "context.when": None, "source.kind": "own",
        "source.licence": "", "caption": ""}, alt_prefix="Kommunfullmäktige: ")
    assert council.name == "Kommunfullmäktige"
    tpl.put(council.name, council, path)
    match = tpl.from_fields("Lördagsmatchen", {"photographer": "Bo Berg"})
    assert [t.name for t in tpl.put(match.name, match, path)] == ["Kommunfullmäktige",
                                                                 "Lördagsmatchen"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    got = tpl.load(path)[0]
    assert got == council
    assert got.values() == {"photographer": "Åsa Öberg",  # "own" is the default: not kept
                            "context.what": "Kommunfullmäktiges sammanträde",
                            "context.where": "Rådhuset"}
    newer = tpl.from_fields("KOMMUNFULLMÄKTIGE", {"photographer": "Kim Ek"})
    assert [t.photographer for t in tpl.put(newer.name, newer, path)] == ["Kim Ek", "Bo Berg"]
    assert [t.name for t in tpl.remove("kommunfullmäktige", path)] == ["Lördagsmatchen"]


def test_the_prefix_goes_in_front_once() -> None:
    t = tpl.from_fields("X", {}, alt_prefix="Vårmarknad: ")
    assert t.with_prefix("Barn vid fiskdammen.") == "Vårmarknad: Barn vid fiskdammen."
    assert t.with_prefix("Vårmarknad: Barn vid fiskdammen.") == "Vårmarknad: Barn vid fiskdammen."
    assert t.with_prefix("") == "Vårmarknad:" == t.with_prefix(t.with_prefix(""))
    assert tpl.from_fields("Y", {}).with_prefix("A.") == "A."


@pytest.mark.parametrize("text, says", [
    ('{"format": "prepub.event-templates", "version": 1, "templates": [{"name": ""}]}',
     "templates[0].name"),
    ('{"format": "prepub.event-templates", "version": 1, "templates": [{"name": "A"}, '
     '{"name": "a"}]}', "appears twice"),
    ('{"format": "prepub.event-templates", "version": 1,\n "templates": [{"name": "A", '
     '"photographer": true}]}', ":2: templates[0].photographer"),
    ('{"format": "prepub.event-templates", "version": 1, "templates": [{"name": "A", '
     '"colour": "red"}]}', "colour"),
    ('{"format": "prepub.draft", "version": 1}', "format"),
    ('{"format": "prepub.event-templates", "version": 1, "templates": [{"name": "A", '
     '"source_kind": "stolen"}]}', "source_kind"),
    ("{\"format\": NaN}", "NaN"),
])
def test_a_damaged_file_says_where_and_is_left_alone(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "event-templates.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tpl.TemplateError, match=None) as err:
        tpl.load(path)
    assert says in str(err.value) and str(path) in str(err.value)
    assert path.read_text(encoding="utf-8") == text  # nothing lost


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "event-templates.json"
    os.mkfifo(path)
    with pytest.raises(tpl.TemplateError):
        tpl.load(path)


def test_a_template_fills_only_what_is_empty_and_never_an_unknown_source() -> None:
    t = tpl.from_fields("Matchen", {"photographer": "Bo Berg", "context.what": "Lördagsmatchen",
                                    "source.kind": "partner", "source.licence": "Avtal 12",
                                    "caption": "Foto: Bo Berg"})
    empty = {"photographer": "", "context.what": "", "source.kind": "own",
             "source.licence": "", "caption": ""}
    assert t.fill(empty) == {"photographer": "Bo Berg", "context.what": "Lördagsmatchen",
                             "source.kind": "partner", "source.licence": "Avtal 12",
                             "caption": "Foto: Bo Berg"}
    # the file names another photographer, the caption is written: both stay
    assert t.fill({**empty, "photographer": "TT / Anna Byrå", "caption": "Egen"}) == {
        "context.what": "Lördagsmatchen", "source.kind": "partner",
        "source.licence": "Avtal 12"}
    # a photo whose file names another creator: the template leaves its source alone
    assert t.fill({**empty, "source.kind": "unknown"}) == {
        "photographer": "Bo Berg", "context.what": "Lördagsmatchen", "caption": "Foto: Bo Berg"}
    # a stock photo with its licence keeps both
    assert "source.kind" not in t.fill({**empty, "source.kind": "stock", "source.licence": "L-9"})
