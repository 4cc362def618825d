"""Dates written with a weekday ("lördag 14 juni", "lørdag den 14. juni", "torsdag d. 23. maj",
"Saturday 14 June", "Friday the 23rd of May", "Friday, June the 14th", the first day of
"torsdag d. 23. – søndag d. 25. maj") whose weekday is wrong for that date – a common slip when a
post is reused from last year (Myndigheternas skrivregler 2.3: korrekta fakta).

Without a year a date is read as the nearer of its last and its next occurrence, a day back
counting as two ahead: posts mostly announce, and a date four months ago is still read as past
("Tak for en god generalforsamling torsdag d. 6. marts" in May). A sentence that looks back
("tack för", "var", "held", sections ``time_past`` and ``date_past``) may mean any day of the
last ten months or the next, so it warns only when neither has the weekday written ("Our
meeting was moved to Friday 14 June" is fine either way)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from prepub.core.model import Fix
from prepub.core.text.context import Context, keep_case

WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
}
LOOKBACK = timedelta(days=366)  # how far back a date without a year may lie
PAST_LOOKBACK = timedelta(days=300)  # … in a sentence that looks back: not last year's same day
PAST_WEIGHT = 2  # a day back counts as this many days ahead


def _patterns(lang: str) -> list[re.Pattern[str]]:
    wd = "|".join(WEEKDAYS[lang])
    mo = "|".join(MONTHS[lang])
    day = r"(?:den\s+|d\.\s*|the\s+)?(?P<day>\d{1,2})(?:\.|:e|:a|st|nd|rd|th)?"
    year = r"(?:\s+(?P<year>\d{4}))?(?!\w)"
    day_first = re.compile(rf"(?<!\w)(?P<wd>{wd})(?:en|e)?,?\s+{day}\s+(?:of\s+)?(?P<month>{mo}){year}",
                           re.IGNORECASE)
    # the first day of a range or list takes the month of the next ("torsdag d. 23. – søndag d. 25.
    # maj", "Wednesday the 12th and Saturday the 14th of June")
    range_first = re.compile(
        rf"(?<!\w)(?P<wd>{wd})(?:en|e)?,?\s+{day}(?=\s*(?:–|—|-|,|&|\b(?:til|till|to|until|and|och|og)\b)\s*"
        rf"(?:(?:{wd})(?:en|e)?,?\s+)?(?:den\s+|d\.\s*|the\s+)?\d{{1,2}}(?:\.|:e|:a|st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<month>{mo}){year})", re.IGNORECASE)
    out = [day_first, range_first]
    if lang == "en":
        out.append(re.compile(
            rf"(?<!\w)(?P<wd>{wd}),?\s+(?P<month>{mo})\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<year>\d{{4}}))?(?!\w)", re.IGNORECASE))
    return out


def _occurrences(day: int, month: int, today: date) -> tuple[date | None, date | None]:
    """The last occurrence of day/month before ``today`` (within LOOKBACK) and the next one on or
    after it; None where the day does not exist (29 February) in the years looked at."""
    past = future = None
    for y in (today.year - 1, today.year, today.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d < today:
            if d >= today - LOOKBACK:
                past = d
        elif future is None:
            future = d
    return past, future


def _readings(day: int, month: int, year: int | None, today: date, looks_back: bool) -> list[date]:
    """The dates the writer may mean, the likeliest first (see the module docstring)."""
    if year is not None:
        try:
            return [date(year, month, day)]
        except ValueError:
            return []
    past, future = _occurrences(day, month, today)
    if past is None or future is None:
        return [d for d in (past, future) if d is not None]
    if looks_back:
        return [past, future] if today - past <= PAST_LOOKBACK else [future]
    if (today - past).days * PAST_WEIGHT <= (future - today).days:
        return [past]
    return [future]


def check_weekdays(ctx: Context) -> None:
    for lang in ctx.phrase_languages:
        if lang not in WEEKDAYS:
            continue
        for rx in _patterns(lang):
            for m in rx.finditer(ctx.text):
                written = WEEKDAYS[lang].index(m.group("wd").lower())
                month = MONTHS[lang].index(m.group("month").lower()) + 1
                year = int(m.group("year")) if m.group("year") else None
                s0, s1 = ctx.discourse.sentence_text(m.start())
                looks_back = (ctx.discourse.cue_in("time_past", s0, s1)
                              or ctx.discourse.cue_in("date_past", s0, s1))
                readings = _readings(int(m.group("day")), month, year, ctx.today, looks_back)
                if not readings or any(d.weekday() == written for d in readings):
                    continue
                d = readings[0]
                actual = WEEKDAYS[lang][d.weekday()]
                ctx.emit("text.date_weekday", (m.start("wd"), m.end("wd")),
                         params={"date": m.group().strip(), "written": m.group("wd"), "actual": actual,
                                 "iso_date": d.isoformat()},
                         fix=Fix(replacement=keep_case(m.group("wd"), actual)))
