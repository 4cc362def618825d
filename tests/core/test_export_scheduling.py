"""Scheduling-tool CSVs parsed back with the csv module and checked against each importer's
documented columns (../shared/research/scheduling_formats.md), and the tools' limits."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from prepub.core.export.scheduling import (PUBLER_HEADER, SPROUT_HEADER, MediaRef, ScheduledPost,
                                           build_tool_file, hashtags, post_length)
from prepub.core.policy import load_policy

ZONE = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
SUMMER = datetime(2027, 6, 1, 8, 0, tzinfo=timezone.utc)  # 10:00 CEST
WINTER = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)  # 10:00 CET
MEDIA = (MediaRef("images/a-01-1440x960.jpg", "Två barn, sedda bakifrån, vid en sjö"),
         MediaRef("images/a-02-1440x960.jpg", "En brygga i kvällsljus"))


def post(text: str = 'Sommarlov! Vi ses vid "sjön", kl. 10.', when: datetime | None = SUMMER,
         media: tuple[MediaRef, ...] = MEDIA, **kw: object) -> ScheduledPost:
    return ScheduledPost(post_id="p1", channel="facebook", text=text, when=when, media=media,
                         label="Facebook", **kw)  # type: ignore[arg-type]


def rows(content: str) -> list[list[str]]:
    assert not content.startswith("\ufeff")  # no BOM: none of the sources documents one
    assert content.endswith("\r\n")  # RFC 4180 line ends
    return list(csv.reader(io.StringIO(content, newline="")))


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    return load_policy(language="sv")


def test_publer_twelve_columns_dates_and_alt_texts(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("publer", [post(), post("Andra inlägget", when=WINTER)], now=NOW, zone=ZONE,
                         policy=policy)
    assert tf.content is not None
    r = rows(tf.content)
    assert tuple(r[0]) == PUBLER_HEADER and len(PUBLER_HEADER) == 12
    assert all(len(row) == 12 for row in r)
    assert r[1][0] == "2027-06-01 10:00" and r[2][0] == "2026-12-01 10:00"  # local time, DST right
    assert r[1][1] == 'Sommarlov! Vi ses vid "sjön", kl. 10.'  # quotes and commas survive
    assert r[1][3] == ""  # no public URLs without a media base URL
    assert r[1][6].split("||") == [m.alt_text for m in MEDIA]
    assert '""sjön""' in tf.content  # RFC 4180 quote doubling
    assert any(f.rule == "export.media_manual" for f in tf.findings)


def test_publer_media_urls_when_a_base_url_is_set(policy) -> None:  # type: ignore[no-untyped-def]
    media = tuple(MediaRef(m.file, m.alt_text, f"https://example.se/media/{m.file.split('/')[-1]}")
                  for m in MEDIA)
    tf = build_tool_file("publer", [post(media=media)], now=NOW, zone=ZONE, policy=policy)
    r = rows(tf.content or "")
    assert r[1][3].split(",") == [m.url for m in media]
    assert not any(f.rule == "export.media_manual" for f in tf.findings)


def test_publer_without_time_is_auto_scheduled(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("publer", [post(when=None)], now=NOW, zone=ZONE, policy=policy)
    assert rows(tf.content or "")[1][0] == ""
    assert [f.rule for f in tf.findings if f.rule.startswith("export.schedule")] == ["export.schedule.auto_time"]


def test_hootsuite_headerless_date_text_link(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("hootsuite", [post(link="https://example.se/sommar")], now=NOW, zone=ZONE,
                         policy=policy)
    r = rows(tf.content or "")
    assert r == [["01/06/2027 10:00", 'Sommarlov! Vi ses vid "sjön", kl. 10.', "https://example.se/sommar"]]
    us = build_tool_file("hootsuite", [post()], now=NOW, zone=ZONE, policy=policy, date_order="mdy")
    assert rows(us.content or "")[0][0] == "06/01/2027 10:00"
    manual = [f for f in tf.findings if f.rule == "export.media_manual"]
    assert manual and "images/a-01-1440x960.jpg" in manual[0].params["files"]


def test_sprout_required_headers_only(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("sprout", [post()], now=NOW, zone=ZONE, policy=policy)
    r = rows(tf.content or "")
    assert tuple(r[0]) == SPROUT_HEADER == ("date", "time_24hr", "message_text")
    assert r[1] == ["01/06/2027", "10:00", 'Sommarlov! Vi ses vid "sjön", kl. 10.']


def test_line_breaks_kept_where_the_import_keeps_them(policy) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: Publer and Sprout keep paragraphs (a quoted multi-line field); Hootsuite's
    header-less import flattens them, and says so for that file."""
    text = "Rad ett\r\nRad två\n\nRad tre"
    for tool in ("publer", "sprout"):
        tf = build_tool_file(tool, [post(text)], now=NOW, zone=ZONE, policy=policy, file=f"{tool}.csv")
        assert tf.content is not None
        cell = rows(tf.content)[1][1 if tool == "publer" else 2]
        assert cell == "Rad ett\nRad två\n\nRad tre"
        assert '"Rad ett\nRad två\n\nRad tre"' in tf.content  # quoted, LF inside, CRLF between rows
        assert "export.schedule.line_breaks" not in [f.rule for f in tf.findings]
    tf = build_tool_file("hootsuite", [post(text)], now=NOW, zone=ZONE, policy=policy,
                         file="scheduling/hootsuite-facebook.csv")
    assert tf.content is not None and "Rad ett Rad två Rad tre" in tf.content
    assert "\n" not in tf.content.replace("\r\n", "")
    [note] = [f for f in tf.findings if f.rule == "export.schedule.line_breaks"]
    assert note.params["file"] == "scheduling/hootsuite-facebook.csv"


def _rejected(tf) -> list[str]:  # type: ignore[no-untyped-def]
    assert tf.content is None  # never a truncated or partial file
    return [f.rule for f in tf.findings]


def test_limits_rows_per_file(policy) -> None:  # type: ignore[no-untyped-def]
    many = [post(f"Inlägg nummer {i}", when=SUMMER + timedelta(minutes=15 * i)) for i in range(351)]
    for tool in ("hootsuite", "sprout"):
        assert "export.schedule.too_many_rows" in _rejected(
            build_tool_file(tool, many, now=NOW, zone=ZONE, policy=policy))
    assert build_tool_file("sprout", many[:350], now=NOW, zone=ZONE, policy=policy).content is not None


def test_limits_minutes_ahead_apart_duplicates_length(policy) -> None:  # type: ignore[no-untyped-def]
    soon = post(when=NOW + timedelta(minutes=5))
    for tool in ("publer", "hootsuite", "sprout"):
        assert "export.schedule.too_soon" in _rejected(build_tool_file(tool, [soon], now=NOW, zone=ZONE,
                                                                       policy=policy))
    assert build_tool_file("publer", [post(when=NOW + timedelta(minutes=10))], now=NOW, zone=ZONE,
                           policy=policy).content is not None
    close = [post("A"), post("B", when=SUMMER + timedelta(minutes=5))]
    assert "export.schedule.too_close" in _rejected(build_tool_file("sprout", close, now=NOW, zone=ZONE,
                                                                    policy=policy))
    dup = [post("Samma text"), post("samma  TEXT", when=SUMMER + timedelta(hours=1))]
    assert "export.schedule.duplicate_text" in _rejected(build_tool_file("hootsuite", dup, now=NOW,
                                                                         zone=ZONE, policy=policy))
    long = post("x" * 281, max_chars=280)
    assert "export.schedule.text_too_long" in _rejected(build_tool_file("publer", [long], now=NOW,
                                                                        zone=ZONE, policy=policy))


def test_hootsuite_five_minute_marks_warn_but_write(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("hootsuite", [post(when=SUMMER + timedelta(minutes=7))], now=NOW, zone=ZONE,
                         policy=policy)
    assert tf.content is not None
    assert "export.schedule.not_on_5_minutes" in [f.rule for f in tf.findings]


def test_missing_time_rejected_where_required(policy) -> None:  # type: ignore[no-untyped-def]
    for tool in ("hootsuite", "sprout"):
        assert "export.schedule.no_time" in _rejected(
            build_tool_file(tool, [post(when=None)], now=NOW, zone=ZONE, policy=policy))


def test_checks_record_passes_and_failures(policy) -> None:  # type: ignore[no-untyped-def]
    tf = build_tool_file("sprout", [post(max_chars=63206)], now=NOW, zone=ZONE, policy=policy)
    names = {(c["check"], c["passed"]) for c in tf.checks}
    assert {("rows_per_file", True), ("text_length", True), ("minutes_ahead", True)} <= names


def test_x_counts_links_as_23_and_hashtags() -> None:
    text = "Läs mer https://example.se/en/mycket/lang/adress/som/fortsatter #hamn #Visby2026 #1"
    assert post_length(text, url_length=23) == len(text) - len("https://example.se/en/mycket/lang/adress/som/fortsatter") + 23
    assert hashtags(text) == ["hamn", "Visby2026"]
