"""Dates written with a weekday ("lördag 14 juni", "lørdag den 14. juni", "torsdag d. 23. maj",
"Saturday 14 June", "Friday the 23rd of May", "Friday, June the 14th", the first day of
"torsdag d. 23. – søndag d. 25. maj"; short forms too: "fre 14/6", "lør. d. 14.6.", "Sat 14 Jun",
"tors 5 sept.") whose weekday is wrong for that date – a common slip when a post is reused from
last year (Myndigheternas skrivregler 2.3: korrekta fakta). A numeric date is day/month; in English
month/day is tried as well ("Fri 6/13"), and a warning needs both readings wrong. Dots need a
"d."/"den", a year or a time after them ("fredag d. 14.6", "fredag 14.6.2025", "lørdag 13.6 kl.
14"), so that a time ("fredag 10.12", "avgår fre 8.10.") is not read as a date.

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
#: Short weekdays as people write them ("fre 14/6", "lö 13/6", "Sat 14 June", "SAT 13 JUNE"). English ones must be
#: capitalised ("we sat 14 …" is no Saturday) and the Danish "man", "søn" and "sø" need their dot ("som man 1. maj
#: plejer", "far til en søn 14/5", "ved søen").
WEEKDAY_SHORT = {
    "sv": ("mån|må", "tis|ti", "ons", "tors|torsd|tor|to", "fre", "lör|lö", "sön|sö"),
    "da": ("man(?=\\.)", "tirs|tir", "ons", "tors|tor", "fre", "lør|lø(?=\\.)", "søn(?=\\.)|sø(?=\\.)"),
    "nb": ("man(?=\\.)", "tirs|tir", "ons", "tors|tor", "fre", "lør|lø(?=\\.)", "søn(?=\\.)|sø(?=\\.)"),
    "en": ("Mon|MON", "Tues|Tue|TUE", "Wed|WED", "Thurs|Thur|Thu|THU", "Fri|FRI", "Sat|SAT", "Sun|SUN"),
}
MONTH_SHORT = ("jan", "feb", "mar", "apr", None, "jun", "jul", "aug", "sept|sep", "okt|oct", "nov", "dec")
LOOKBACK = timedelta(days=366)  # how far back a date without a year may lie
PAST_LOOKBACK = timedelta(days=330)  # … in a clause that looks back: not last year's same day
PAST_WEIGHT = 2  # a day back counts as this many days ahead


def _weekday_pattern(lang: str, capture: bool = True) -> str:
    full = "|".join(WEEKDAYS[lang])
    short = "|".join(WEEKDAY_SHORT[lang])
    flags = "" if lang != "en" else "(?-i:"  # English short forms: case-sensitive
    short = f"{flags}(?:{short}){')' if flags else ''}"
    if not capture:
        return rf"(?:(?:{full})(?:en|e)?|{short}\.?)"
    return rf"(?:(?P<wd>{full})(?:en|e)?|(?P<wds>{short})\.?)"


def _month_pattern(lang: str) -> str:
    short = "|".join(a for a in MONTH_SHORT if a)
    return rf"(?P<month>{'|'.join(MONTHS[lang])}|(?:{short})\.?)"


def _weekday_index(lang: str, written: str) -> int:
    w = written.lower().rstrip(".")
    for i, name in enumerate(WEEKDAYS[lang]):
        if name.startswith(w):
            return i
    raise ValueError(written)


def _month_index(lang: str, written: str) -> int:
    w = written.lower().rstrip(".")
    for i, name in enumerate(MONTHS[lang]):
        if name == w:
            return i + 1
    for i, alts in enumerate(MONTH_SHORT):
        if alts and w in alts.split("|"):
            return i + 1
    raise ValueError(written)


def _patterns(lang: str) -> list[re.Pattern[str]]:
    wd, wd_any = _weekday_pattern(lang), _weekday_pattern(lang, capture=False)
    mo = _month_pattern(lang)
    day = r"(?:den\s+|d\.\s*|the\s+)?(?P<day>\d{1,2})(?:\.|:e|:a|st|nd|rd|th)?"
    year = r"(?:\s+(?P<year>\d{4}))?(?!\w)"
    day_first = re.compile(rf"(?<!\w){wd},?\s+{day}\s+(?:of\s+)?{mo}{year}", re.IGNORECASE)
    # the first day of a range or list takes the month of the next ("torsdag d. 23. – søndag d. 25.
    # maj", "Wednesday the 12th and Saturday the 14th of June")
    range_first = re.compile(
        rf"(?<!\w){wd},?\s+{day}(?=\s*(?:–|—|-|,|&|\b(?:til|till|to|until|and|och|og)\b)\s*"
        rf"(?:{wd_any},?\s+)?(?:den\s+|d\.\s*|the\s+)?(?P<day2>\d{{1,2}})(?:\.|:e|:a|st|nd|rd|th)?\s+(?:of\s+)?"
        rf"{mo}{year})", re.IGNORECASE)
    # numbers: "fre 14/6", "lørdag d. 14/6-25", "fredag 14.6.", "fredag d. 14.6", "Sat 14/6/2025"
    nyear = r"(?:[/.\-](?P<year>\d{4}|\d{2}))?"
    slash = re.compile(rf"(?<!\w){wd},?\s+(?:den\s+|d\.\s*)?(?P<day>\d{{1,2}})/(?P<mnum>\d{{1,2}}){nyear}(?![\d/])",
                       re.IGNORECASE)
    # dots only after "d."/"den", with a year, or before a time ("lørdag 13.6 kl. 14–18"): "fre 8.10." is a time
    dotted = re.compile(rf"(?<!\w){wd},?\s+(?:(?:den\s+|d\.\s*)(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})"
                        rf"(?:\.(?P<year>\d{{4}}))?(?![\d.]\d)|(?P<day_b>\d{{1,2}})\.(?P<mnum_b>\d{{1,2}})"
                        rf"(?:\.(?P<year_b>\d{{4}})(?![\d.]\d)|\.?(?=\s+(?:kl\.?|klockan|klokken)\s*\d)))", re.IGNORECASE)
    out = [day_first, range_first, slash, dotted]
    if lang == "en":
        out.append(re.compile(
            rf"(?<!\w){wd},?\s+{mo}\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
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
                g = {k: v for k, v in m.groupdict().items() if v is not None}
                wd_group = "wd" if "wd" in g else "wds"
                written = _weekday_index(lang, g[wd_group])
                day = int(g.get("day") or g["day_b"])
                year_text = g.get("year") or g.get("year_b")
                year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
                mnum = g.get("mnum") or g.get("mnum_b")
                months = [_month_index(lang, g["month"])] if mnum is None else [int(mnum)]
                if mnum is not None and lang == "en" and int(mnum) != day:
                    months.append(day)  # "Fri 6/13": month/day as well
                if "day2" in g and day > int(g["day2"]):
                    months = [12 if months[0] == 1 else months[0] - 1]  # "torsdag 29 – söndag 1 juni": 29 May
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
                day_months = [(day, months[0])] + [(months[0], mo) for mo in months[1:]]
                readings = [r for dd, mo in day_months if 1 <= mo <= 12
                            for r in _readings(dd, mo, year, ctx.today, looks_back, when)]
                if not readings or any(r.weekday() == written for r in readings):
                    continue
                meant = readings[0]
                actual = WEEKDAYS[lang][meant.weekday()] if wd_group == "wd" else _short(lang, meant.weekday())
                ctx.emit("text.date_weekday", (m.start(wd_group), m.end(wd_group)),
                         params={"date": m.group().strip(), "written": g[wd_group], "actual": actual,
                                 "iso_date": meant.isoformat()},
                         fix=Fix(replacement=keep_case(g[wd_group], actual)))


def _short(lang: str, weekday: int) -> str:
    """A weekday's short form, the longest that the language's list gives ("tors", "Thurs")."""
    return WEEKDAY_SHORT[lang][weekday].split("|")[0].replace("(?=\\.)", "").lower()  # keep_case restores the case


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

