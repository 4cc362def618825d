"""Dates written with a weekday ("lördag 14 juni", "lørdag den 14. juni", "torsdag d. 23. maj",
"Saturday 14 June", "Friday the 23rd of May") whose
weekday is wrong for that date – a common slip when a post is reused from last year. Without a
year the date is taken as the next one on or after ``today`` minus two months (Myndigheternas
skrivregler 2.3: korrekta fakta)."""

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
LOOKBACK = timedelta(days=60)


def _patterns(lang: str) -> list[re.Pattern[str]]:
    wd = "|".join(WEEKDAYS[lang])
    mo = "|".join(MONTHS[lang])
    day_first = re.compile(
        rf"(?<!\w)(?P<wd>{wd})(?:en|e)?,?\s+(?:den\s+|d\.\s*|the\s+)?(?P<day>\d{{1,2}})(?:\.|:e|:a|st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<month>{mo})(?:\s+(?P<year>\d{{4}}))?(?!\w)", re.IGNORECASE)
    out = [day_first]
    if lang == "en":
        out.append(re.compile(
            rf"(?<!\w)(?P<wd>{wd}),?\s+(?P<month>{mo})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<year>\d{{4}}))?(?!\w)", re.IGNORECASE))
    return out


def _resolve(day: int, month: int, year: int | None, today: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        for y in (today.year, today.year + 1):
            d = date(y, month, day)
            if d >= today - LOOKBACK:
                return d
    except ValueError:
        return None
    return None


def check_weekdays(ctx: Context) -> None:
    for lang in ctx.phrase_languages:
        if lang not in WEEKDAYS:
            continue
        for rx in _patterns(lang):
            for m in rx.finditer(ctx.text):
                written = WEEKDAYS[lang].index(m.group("wd").lower())
                month = MONTHS[lang].index(m.group("month").lower()) + 1
                year = int(m.group("year")) if m.group("year") else None
                d = _resolve(int(m.group("day")), month, year, ctx.today)
                if d is None or d.weekday() == written:
                    continue
                actual = WEEKDAYS[lang][d.weekday()]
                ctx.emit("text.date_weekday", (m.start("wd"), m.end("wd")),
                         params={"date": m.group().strip(), "written": m.group("wd"), "actual": actual,
                                 "iso_date": d.isoformat()},
                         fix=Fix(replacement=keep_case(m.group("wd"), actual)))
