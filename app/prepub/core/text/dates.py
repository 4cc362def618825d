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
PAST_LOOKBACK = timedelta(days=330)  # … in a clause that looks back: not last year's same day
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
        rf"(?:(?:{wd})(?:en|e)?,?\s+)?(?:den\s+|d\.\s*|the\s+)?(?P<day2>\d{{1,2}})(?:\.|:e|:a|st|nd|rd|th)?\s+(?:of\s+)?"
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


def _readings(day: int, month: int, year: int | None, today: date, looks_back: bool,
              when: str | None = None) -> list[date]:
    """The dates the writer may mean, the likeliest first (see the module docstring). ``when`` is
    "future" for a sentence that looks ahead ("i år", "next year's", "save the date"), "last year"
    for one that says so ("i fjol", "sidste år"), else None."""
    if year is not None:
        try:
            return [date(year, month, day)]
        except ValueError:
            return []
    past, future = _occurrences(day, month, today)
    if when == "future":
        return [future] if future is not None else []
    if when == "last year":
        return [past] if past is not None else []
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
                day2 = m.groupdict().get("day2")
                if day2 is not None and int(m.group("day")) > int(day2):
                    month = 12 if month == 1 else month - 1  # "torsdag 29 – söndag 1 juni": 29 May
                d = ctx.discourse
                # the sentence of the whole date ("d. 21." ends none), with a lead-in that ends in a colon
                # ("Næste generalforsamling: onsdag d. 5. marts")
                s0, s1 = d.reporting_start(m.start()), d.sentence_text(m.end() - 1)[1]
                c0, c1 = _clause(ctx, m.start(), m.end(), s0, s1)
                lead = d.sentence_text(m.start())[0]
                if s0 < lead:  # a lead-in that ends in a colon belongs to the date's clause
                    f0 = s0  # for what it says of the date ("Boka in nästa års vårkonsert: lördag 22 mars")
                    b0 = s0 if len(ctx.text[s0:lead].split()) <= 2 else c0  # a label looks back ("Recap: …"),
                    # not a sentence of its own ("Datoen blev fastlagt i går: Julemarkedet holdes …")
                else:
                    f0 = b0 = c0
                # the look back must be in the date's own clause: "Höstmarknaden var en succé förra året,
                # så vi kör igen torsdag 5 september" is a date ahead
                looks_back = d.cue_in("time_past", b0, c1) or d.cue_in("date_past", b0, c1) \
                    or _PAST_TENSE[lang].search(ctx.text, c0, m.start()) is not None
                when = "last year" if d.cue_in("date_last_year", f0, c1) else \
                    "future" if d.cue_in("date_future", f0, c1) else None
                readings = _readings(int(m.group("day")), month, year, ctx.today, looks_back, when)
                if not readings or any(r.weekday() == written for r in readings):
                    continue
                meant = readings[0]
                actual = WEEKDAYS[lang][meant.weekday()]
                ctx.emit("text.date_weekday", (m.start("wd"), m.end("wd")),
                         params={"date": m.group().strip(), "written": m.group("wd"), "actual": actual,
                                 "iso_date": meant.isoformat()},
                         fix=Fix(replacement=keep_case(m.group("wd"), actual)))


#: A verb in the past tense before the date in its clause ("Tack till alla som handlade på adventsmarknaden
#: lördag 30 november"): the sentence looks back. Not the adjectives of plans ("our planned clean-up").
_PAST_TENSE = {
    "sv": re.compile(r"\b(?!(?:planerade|bokade|inställda|utlysta|utannonserade)\b)[^\W\d_]{3,}(?:ade|dde)\b",
                     re.IGNORECASE),
    "da": re.compile(r"\b(?!(?:planlagde|aflyste|annoncerede)\b)[^\W\d_]{3,}(?:ede|dde)\b", re.IGNORECASE),
    "nb": re.compile(r"\b(?!planlagt\b)[^\W\d_]{3,}(?:et|ede)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?!(?:planned|scheduled|booked|needed|expected|postponed|rescheduled|delayed|required|invited|"
                     r"united|limited|reserved|guided|supervised|based|related|moved|hundred|sacred|beloved|talented|"
                     r"gifted|dedicated|interested|excited|detailed|need|speed|feed|seed|weed|shed)\b)[^\W\d_]{3,}ed\b",
                     re.IGNORECASE),
}
_CLAUSE_END = re.compile(r"[,;–—]|\s-\s|\n|\b(?:och|og|and|men|but|så|so)\b", re.IGNORECASE)


def _clause(ctx: Context, start: int, end: int, s0: int, s1: int) -> tuple[int, int]:
    """The clause a date stands in: from the last break before it (a comma, a dash, "och", "og",
    "and" …) to the next one after it."""
    before = [b.end() for b in _CLAUSE_END.finditer(ctx.text, s0, start)]
    nxt = _CLAUSE_END.search(ctx.text, end, s1)
    return max([ctx.discourse.clause_start(start), *before]), nxt.start() if nxt is not None else s1

