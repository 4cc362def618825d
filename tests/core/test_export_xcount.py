"""X's weighted length (issue 14): one implementation, checked on twitter-text's own conformance
cases and on the cases its documentation gives; the export's limit check uses it."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from prepub.core.export.scheduling import ScheduledPost, build_tool_file, post_length
from prepub.core.policy import load_policy
from prepub.core.text import xcount

CASES = json.loads((Path(__file__).parent / "data" / "x_weighted_length_v3.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["description"][:60] for c in CASES["cases"]])
def test_twitter_text_conformance(case: dict[str, object]) -> None:
    assert xcount.weighted_length(str(case["text"])) == case["weightedLength"]


@pytest.mark.parametrize("text, weight", [
    ("😀" * 150, 300),                          # the issue: 150 emoji are 300, not 150 or 154
    ("Hej då", 6),                              # Latin-1 weighs 1
    ("日本語のテキスト", 16),                    # CJK weighs 2
    ("한국어", 6),                               # Hangul weighs 2
    ("👨‍👩‍👧‍👦", 2), ("👍🏽", 2), ("🇸🇪", 2), ("1️⃣", 2),  # a sequence is one emoji
    ("https://example.com/a/very/long/path/that/goes/on?x=1", 23),
    ("kommunen.se", 23), ("Läs mer på www.stockholm.se/kultur.", 35),
    ("t.ex. bl.a. s.k. o.s.v.", 23),           # abbreviations are no links
    ("mejla info@kommun.se", 20),              # an e-mail address is no link
    ("e\u0301", 1),                            # NFC: e + combining acute is é
    ("Rad ett\r\nRad två", 15),                # a line break counts once
])
def test_documented_cases(text: str, weight: int) -> None:
    assert xcount.weighted_length(text) == weight


def test_overflow_points_into_the_text_as_given() -> None:
    text = "e\u0301" * 279 + "xyz"
    assert xcount.weighted_length(text) == 282
    assert xcount.overflow_at(text) == 558 + 1
    assert xcount.overflow_at("kort") is None


def test_export_counts_x_by_weight() -> None:
    """Before: post_length counted code points, and 150 emoji passed X's 280 without a finding."""
    text = "🎉" * 150
    assert post_length(text, channel="x", url_length=23) == 300
    assert post_length(text, channel="instagram") == 150
    zone = ZoneInfo("Europe/Stockholm")
    when = datetime(2026, 12, 3, 18, 30, tzinfo=zone)
    p = ScheduledPost(post_id="p", channel="x", text=text, when=when, max_chars=280, url_length=23,
                      label="X")
    tf = build_tool_file("publer", [p], now=datetime(2026, 11, 23, 9, tzinfo=timezone.utc),
                         zone=zone, policy=load_policy(language="sv"))
    assert tf.content is None  # left out whole, never truncated
    [f] = [f for f in tf.findings if f.rule == "export.schedule.text_too_long"]
    assert f.params["length"] == 300 and f.params["max"] == 280
    [check] = [c for c in tf.checks if c["check"] == "text_length"]
    assert check["method"] == "weighted" and check["value"] == 300
