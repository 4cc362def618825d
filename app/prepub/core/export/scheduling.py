"""Bulk-import files for scheduling tools: Publer, Hootsuite and Sprout Social.

Formats, limits and sources are in ``../shared/research/scheduling_formats.md``; what it marks
*unverified* is marked so here too, and only documented columns are ever written. Every tool
applies each row to the profiles chosen at upload, so the bundle writes one file per tool and
channel. Before a file is written its tool's limits are checked (rows per file, minutes ahead,
minutes apart, duplicate texts, text length as the network counts it: X by weight,
:mod:`prepub.core.text.xcount`); a violation becomes a finding and the file is left out whole,
never truncated. Cells are RFC 4180 CSV in UTF-8 without a BOM (none of the sources documents
one). Line breaks stay in the text cell (a quoted multi-line field, ``\n``) for the tools whose
import keeps them (``ToolSpec.line_breaks``); for the others they become a space and the file
gets a notice. Which tool does what, and the sources: ``docs/scheduling_imports.md``. Dates are
written in the order the user picked for the tool (``date_order``: ``dmy`` or ``mdy`` where the
tool's import lets the user choose, see ``ToolSpec.date_orders``), times in the export time
zone (the CSVs carry no offset).

No cell begins with a character a spreadsheet reads as a formula (``= + - @``, tab, CR, LF;
OWASP "CSV Injection"), nor does one follow a comma, semicolon or tab, where a spreadsheet
splitting on its own list separator would start a cell: each tool's ``formula_guard`` is put in
front, a zero-width space for all three, because each publishes the text cell as it stands and
OWASP's apostrophe would reach the post. Why, with sources: ``docs/csv_formula_injection.md``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Sequence
from zoneinfo import ZoneInfo

from prepub.core.model import Finding, Severity
from prepub.core.policy import Policy
from prepub.core.rules import RuleSpec, make_finding, register
from prepub.core.text import xcount

REF_TOOLS = "Verktygets egna importregler (scheduling_formats.md)"
REF_MEDIA = "Schemaläggningsverktygen hämtar bilder från publika adresser"

register(
    RuleSpec("export.schedule.too_soon", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.too_close", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.too_many_rows", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.duplicate_text", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.text_too_long", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.no_time", Severity.INFO, REF_TOOLS),
    RuleSpec("export.schedule.auto_time", Severity.INFO, REF_TOOLS),
    RuleSpec("export.schedule.not_on_5_minutes", Severity.WARN, REF_TOOLS),
    RuleSpec("export.schedule.line_breaks", Severity.INFO, REF_TOOLS),
    RuleSpec("export.schedule.formula_neutralised", Severity.INFO, REF_TOOLS),
    RuleSpec("export.media_manual", Severity.INFO, REF_MEDIA),
)

# Rules whose finding means "this tool's file is not written".
REJECTING = frozenset({"export.schedule.too_soon", "export.schedule.too_close",
                       "export.schedule.too_many_rows", "export.schedule.duplicate_text",
                       "export.schedule.text_too_long", "export.schedule.no_time"})

#: Publer's 12-column header, exact and in order ([doc] + 7 public exporters). Keep all columns.
PUBLER_HEADER = (
    "Date - Intl. format or prompt", "Text", "Link(s) - Separated by comma for FB carousels",
    "Media URL(s) - Separated by comma", "Title - For the video, pin, PDF ..",
    "Label(s) - Separated by comma", "Alt text(s) - Separated by ||", "Comment(s) - Separated by ||",
    "Pin board, FB album, or Google category", "Post subtype - I.e. story, reel, PDF ..",
    "CTA - For Facebook links or Google", "Reminder - For stories, reels, shorts, and TikToks",
)
#: Sprout Social's required headers ([doc], case-sensitive). Its optional link/image/tag headers
#: are *unverified* (the stored page cuts off before their names), so they are not written.
SPROUT_HEADER = ("date", "time_24hr", "message_text")

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_BREAKS = re.compile(r"\s*(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x85])\s*")

#: What goes in front of a formula-like cell: U+200B ZERO WIDTH SPACE. Invisible in the post,
#: never trimmed as white space (Python, JavaScript, Excel, Sheets), valid in a tweet and
#: counted as one character by X (twitter-text v3 weights U+2000-U+200D as 1); a "@name" after it
#: is still a mention. See docs/csv_formula_injection.md.
ZERO_WIDTH_SPACE = "\u200b"
#: Characters that make a spreadsheet cell a formula (OWASP; the full-width forms for East Asian
#: input methods that turn them into the ASCII ones).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
# A trigger after a separator a spreadsheet may split on (its locale's list separator: a Swedish
# or Danish Excel splits on ";"), optionally after quotes or spaces it would drop.
_AFTER_SEPARATOR = re.compile(r"""([,;\t]["'\s]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])""")


@dataclass(frozen=True)
class MediaRef:
    file: str  # path inside the bundle, e.g. images/01-harbour-2048x1365.jpg
    alt_text: str = ""
    url: str | None = None  # public URL, only when a media base URL is set


@dataclass(frozen=True)
class ScheduledPost:
    """One row: a post's text for one channel, its time (aware) and its images."""

    post_id: str
    channel: str
    text: str
    when: datetime | None
    media: tuple[MediaRef, ...] = ()
    link: str | None = None
    max_chars: int | None = None
    url_length: int | None = None  # a link counts as this many characters (X: 23)
    label: str = ""  # the channel's display name for messages


@dataclass(frozen=True)
class ToolSpec:
    name: str
    label: str
    max_rows: int | None  # rows per file
    min_minutes_ahead: int
    min_minutes_apart: int | None
    needs_time: bool
    five_minute_marks: bool  # warn when minutes do not end in 0 or 5
    media_column: bool  # the file can carry public media URLs
    alt_column: bool
    #: put in front of a formula-like cell; the tool publishes it with the text
    #: (docs/csv_formula_injection.md says why it is not OWASP's apostrophe for any of these)
    formula_guard: str = ZERO_WIDTH_SPACE
    #: the import keeps a line break inside a quoted field (docs/scheduling_imports.md)
    line_breaks: bool = False
    #: the date orders the import offers, the first the default; ("ymd",) = fixed ISO order
    date_orders: tuple[str, ...] = ("dmy", "mdy")


TOOLS: dict[str, ToolSpec] = {
    # Publer: no row limit documented; blank date = auto-schedule [doc]. The general "at least
    # 10 minutes ahead" rule of the research's recommendation applies to every tool.
    # Line breaks: kept (docs/scheduling_imports.md). Date: ISO order only [doc].
    "publer": ToolSpec("publer", "Publer", None, 10, None, False, False, True, True,
                       line_breaks=True, date_orders=("ymd",)),
    # Hootsuite: 350 rows [3p, 2016]; 10 minutes ahead, 0/5-minute marks, no duplicates
    # [unverified: Friends+Me's clone documents them]; no media or alt-text column.
    # Line breaks: no source says the header-less import keeps them: flattened, with a notice.
    "hootsuite": ToolSpec("hootsuite", "Hootsuite", 350, 10, None, True, True, False, False,
                          line_breaks=False),
    # Sprout Social: 350 rows per import, 10 minutes after upload and apart [doc].
    # Line breaks: kept (docs/scheduling_imports.md). Its optional link/image/tag headers are
    # not named in any stored source, so no media column is written.
    "sprout": ToolSpec("sprout", "Sprout Social", 350, 10, 10, True, False, False, False,
                       line_breaks=True),
}


@dataclass
class ToolFile:
    """The outcome for one tool and one set of rows: CSV text, or None when a limit is broken."""

    tool: str
    content: str | None
    findings: list[Finding] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)  # every limit checked, pass or fail
    rows: int = 0


def build_tool_file(tool: str, posts: Sequence[ScheduledPost], *, now: datetime, zone: ZoneInfo,
                    policy: Policy | None = None, date_order: str | None = None,
                    subject: str = "post", file: str = "") -> ToolFile:
    """Check ``posts`` against ``tool``'s limits and, when none is broken, write its CSV.
    ``file`` (the bundle-relative name) is named in the findings about the file."""
    spec = TOOLS[tool]
    date_order = check_date_order(tool, date_order)
    out = ToolFile(tool=tool, content=None, rows=len(posts))
    channel = ", ".join(sorted({p.label or p.channel for p in posts}))
    where = {"file": file} if file else {}

    def add(rule: str, **params: Any) -> None:
        f = make_finding(rule, policy, subject=subject,
                         params={"tool": spec.label, "channel": channel, **where, **params})
        if f is not None:
            out.findings.append(f)

    def check(name: str, passed: bool, **values: Any) -> bool:
        out.checks.append({"tool": tool, "channel": channel, "check": name, "passed": passed, **values})
        return passed

    if spec.max_rows is not None and not check("rows_per_file", len(posts) <= spec.max_rows,
                                               limit=spec.max_rows, value=len(posts)):
        add("export.schedule.too_many_rows", rows=len(posts), max=spec.max_rows)
    texts: dict[str, int] = {}
    for i, p in enumerate(posts):
        key = " ".join(p.text.split()).casefold()
        if key in texts:
            check("no_duplicate_text", False, row=i + 1, same_as=texts[key] + 1)
            add("export.schedule.duplicate_text", row=i + 1, same_as=texts[key] + 1)
        texts.setdefault(key, i)
        if p.max_chars is not None:  # what the tool reads: the cell, with any guard in front
            n = post_length(text_cell(p.text, spec.formula_guard, keep_breaks=spec.line_breaks),
                            url_length=p.url_length, channel=p.channel)
            if not check("text_length", n <= p.max_chars, row=i + 1, limit=p.max_chars, value=n,
                         method=length_method(p.channel)):
                add("export.schedule.text_too_long", row=i + 1, length=n, max=p.max_chars)
        if p.when is None:
            if spec.needs_time:
                check("time_given", False, row=i + 1)
                add("export.schedule.no_time")
            else:
                add("export.schedule.auto_time")
            continue
        ahead = (p.when - now) / timedelta(minutes=1)
        if not check("minutes_ahead", ahead >= spec.min_minutes_ahead, row=i + 1,
                     limit=spec.min_minutes_ahead, value=int(ahead)):
            add("export.schedule.too_soon", minutes=spec.min_minutes_ahead,
                time=p.when.astimezone(zone).strftime("%Y-%m-%d %H:%M"))
        local = p.when.astimezone(zone)
        if spec.five_minute_marks and (local.minute % 5 or local.second):
            check("five_minute_mark", False, row=i + 1, value=local.strftime("%H:%M"))
            add("export.schedule.not_on_5_minutes", time=local.strftime("%H:%M"))
    if spec.min_minutes_apart is not None:
        times = sorted(p.when for p in posts if p.when is not None)
        for a, b in zip(times, times[1:]):
            gap = (b - a) / timedelta(minutes=1)
            if not check("minutes_apart", gap >= spec.min_minutes_apart,
                         limit=spec.min_minutes_apart, value=int(gap)):
                add("export.schedule.too_close", minutes=spec.min_minutes_apart)
                break
    if not spec.line_breaks and any(_clean_cell(p.text)[1] for p in posts):
        add("export.schedule.line_breaks")
    files = [m.file for p in posts for m in p.media]
    if files and not (spec.media_column and all(m.url for p in posts for m in p.media)):
        add("export.media_manual", files=", ".join(files))
    if any(f.rule in REJECTING for f in out.findings):
        return out
    out.content, guarded = tool_csv(tool, posts, zone=zone, date_order=date_order)
    if guarded:
        add("export.schedule.formula_neutralised", cells=guarded)
    return out


def tool_csv(tool: str, posts: Sequence[ScheduledPost], *, zone: ZoneInfo,
             date_order: str | None = None) -> tuple[str, int]:
    """``tool``'s CSV for ``posts`` without any limit check, and how many cells got the tool's
    formula guard (see :func:`guard_formula`)."""
    rows = _ROWS[tool](posts, zone=zone, date_order=check_date_order(tool, date_order))
    header = 1 if tool in _HEADED else 0
    guard = TOOLS[tool].formula_guard
    guarded = 0
    for row in rows[header:]:
        for i, cell in enumerate(row):
            row[i], changed = guard_formula(cell, guard)
            guarded += changed
    return _csv(rows), guarded


def guard_formula(cell: str, guard: str = ZERO_WIDTH_SPACE) -> tuple[str, bool]:
    """``cell`` with ``guard`` in front of a formula character (``= + - @``, tab, CR, LF) at its
    start, and a zero-width space in front of one after a comma, semicolon or tab (never a
    visible mark in mid-text); the flag says whether anything was added."""
    out = _AFTER_SEPARATOR.sub(lambda m: m.group(1) + ZERO_WIDTH_SPACE, cell)
    if out[:1] in FORMULA_TRIGGERS:
        out = guard + out
    return out, out != cell


def text_cell(text: str, guard: str = ZERO_WIDTH_SPACE, *, keep_breaks: bool = False) -> str:
    """A post text as its cell holds it: its line breaks as ``\n`` (``keep_breaks``) or one
    line, formula characters guarded."""
    cell = paragraphs(text) if keep_breaks else _clean_cell(text)[0]
    return guard_formula(cell, guard)[0]


def publer_csv(posts: Sequence[ScheduledPost], *, zone: ZoneInfo, date_order: str | None = None) -> str:
    """Publer's 12-column bulk CSV (formula characters guarded; see :func:`tool_csv`)."""
    return tool_csv("publer", posts, zone=zone, date_order=date_order)[0]


def hootsuite_csv(posts: Sequence[ScheduledPost], *, zone: ZoneInfo, date_order: str | None = None) -> str:
    """Hootsuite's header-less bulk CSV (formula characters guarded; see :func:`tool_csv`)."""
    return tool_csv("hootsuite", posts, zone=zone, date_order=date_order)[0]


def sprout_csv(posts: Sequence[ScheduledPost], *, zone: ZoneInfo, date_order: str | None = None) -> str:
    """Sprout Social's bulk CSV (formula characters guarded; see :func:`tool_csv`)."""
    return tool_csv("sprout", posts, zone=zone, date_order=date_order)[0]


def _publer_rows(posts: Sequence[ScheduledPost], *, zone: ZoneInfo,
                 date_order: str = "ymd") -> list[list[str]]:
    """Publer's 12-column bulk CSV. Date ``YYYY-MM-DD HH:MM`` [doc], read in the workspace time
    zone [unverified in docs]; media URLs comma-separated and alt texts ``||``-separated in media
    order [doc]. Alt texts are written even without URLs (they travel with the row)."""
    rows = [list(PUBLER_HEADER)]
    for p in posts:
        urls = ",".join(m.url for m in p.media if m.url) if all(m.url for m in p.media) else ""
        alts = "||".join(_clean_cell(m.alt_text.replace("||", "|"))[0] for m in p.media)
        rows.append([_when(p, zone, "%Y-%m-%d %H:%M"), _text(p.text, "publer"),
                     _clean_cell(p.link or "")[0], urls,
                     "", "", alts, "", "", "", "", ""])
    return rows


def _hootsuite_rows(posts: Sequence[ScheduledPost], *, zone: ZoneInfo,
                    date_order: str = "dmy") -> list[list[str]]:
    """Hootsuite's header-less bulk CSV: date and time, text, link [3p, code]. The date format is
    the one picked in the upload dialog (``dd/mm/yyyy hh:mm`` or ``mm/dd/yyyy hh:mm``, 24-hour)."""
    fmt = DATE_FORMATS[date_order] + " %H:%M"
    return [[_when(p, zone, fmt), _text(p.text, "hootsuite"), _clean_cell(p.link or "")[0]]
            for p in posts]


def _sprout_rows(posts: Sequence[ScheduledPost], *, zone: ZoneInfo,
                 date_order: str = "dmy") -> list[list[str]]:
    """Sprout Social's bulk CSV with its required headers: ``date`` (dd/mm/yyyy or mm/dd/yyyy as
    the import preference says), ``time_24hr`` and ``message_text`` [doc]."""
    dfmt = DATE_FORMATS[date_order]
    rows = [list(SPROUT_HEADER)]
    rows += [[_when(p, zone, dfmt), _when(p, zone, "%H:%M"), _text(p.text, "sprout")] for p in posts]
    return rows


_ROWS = {"publer": _publer_rows, "hootsuite": _hootsuite_rows, "sprout": _sprout_rows}
_HEADED = frozenset({"publer", "sprout"})  # tools whose first row is a header of our own


#: strftime date part per order.
DATE_FORMATS = {"dmy": "%d/%m/%Y", "mdy": "%m/%d/%Y", "ymd": "%Y-%m-%d"}
_HINTS = {"dmy": "dd/mm/yyyy", "mdy": "mm/dd/yyyy", "ymd": "YYYY-MM-DD"}
DATE_ORDERS = tuple(DATE_FORMATS)


def check_date_order(tool: str, date_order: str | None) -> str:
    """``date_order`` for ``tool``: the tool's default when None; a tool with one fixed order
    (Publer: ISO) always gets it. An order the tool does not offer raises ExportError."""
    orders = TOOLS[tool].date_orders
    if date_order is None or len(orders) == 1:
        return orders[0]
    if date_order not in orders:
        from prepub.core.export.errors import ExportError

        raise ExportError("export.bad_date_order", {"tool": TOOLS[tool].label, "value": date_order,
                                                    "known": ", ".join(orders)})
    return date_order


def date_format_hint(tool: str, date_order: str | None = None) -> str:
    """The date format the user picks in the tool's import dialog for our file."""
    order = check_date_order(tool, date_order)
    if tool == "publer":
        return "YYYY-MM-DD HH:MM"
    if tool == "hootsuite":
        return _HINTS[order] + " hh:mm"
    return _HINTS[order]


def date_example(tool: str, date_order: str | None, when: datetime) -> str:
    """``when`` as the tool's file writes it (date and time), for the export dialog."""
    order = check_date_order(tool, date_order)
    return when.strftime(DATE_FORMATS[order] + " %H:%M")


def length_method(channel: str | None) -> str:
    """How a network counts a post: ``weighted`` (X), else ``codepoints``."""
    return "weighted" if (channel or "").lower() in ("x", "twitter") else "codepoints"


def post_length(text: str, *, url_length: int | None = None, channel: str | None = None) -> int:
    """Characters a network counts. X: its weighted length (:mod:`prepub.core.text.xcount`:
    emoji and CJK 2, every URL 23 or ``url_length``). Others: code points, each link as
    ``url_length`` when set."""
    if length_method(channel) == "weighted":
        return xcount.weighted_length(text, url_length=url_length)
    if url_length is None:
        return len(text)
    return len(_URL.sub("x" * url_length, text))


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text`` (without '#'), in order, without repeats."""
    out: list[str] = []
    for m in re.finditer(r"(?<![\w&])#(\w+)", text):
        if m.group(1) not in out and not m.group(1).isdigit():
            out.append(m.group(1))
    return out


def _text(text: str, tool: str) -> str:
    """The text cell for ``tool``: with its paragraphs where the import keeps them."""
    return paragraphs(text) if TOOLS[tool].line_breaks else _clean_cell(text)[0]


_LINE_ENDS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def paragraphs(text: str) -> str:
    """``text`` with every kind of line break as ``\n`` (what a spreadsheet writes inside a
    quoted cell), trailing spaces on each line and blank lines at the ends removed: the text
    as every file of a bundle publishes it (CSV cells, text files, bundle.json, the record)."""
    lines = _LINE_ENDS.sub("\n", text.strip()).split("\n")
    return "\n".join(line.rstrip() for line in lines)


def _clean_cell(text: str) -> tuple[str, bool]:
    """``text`` with line breaks replaced by one space; the flag says whether any was there."""
    cleaned = _BREAKS.sub(" ", text.strip())
    return cleaned, cleaned != text.strip()


def _when(p: ScheduledPost, zone: ZoneInfo, fmt: str) -> str:
    return "" if p.when is None else p.when.astimezone(zone).strftime(fmt)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    return buf.getvalue()
