"""TimeML (TIMEX3) values: how a resolved expression is written at its own granularity.

Conventions (ISO 8601 as TimeML uses it, documented in docs/time.md):
- a day "2024-02-20", a month "2024-02", a year "2024", a decade "202", a century "20";
- a week "2024-W08" (ISO week numbering: the week of a date is the ISO week holding it), a
  weekend "2024-W08-WE" (the weekend that ends that ISO week);
- a quarter "2024-Q3", a half "2024-H1", a season "2024-SU" (SP, SU, FA, WI; a winter belongs
  to the year in which its December falls, so January 2024 is in "2023-WI");
- a time of day "2024-02-20T14:30", a part of a day "2024-02-20TMO" (MO, AF, EV, NI);
- durations "P3M", "P2W", "PT2H", "P2E" (two decades; C a century, as TimeBank writes them);
  an unknown count is X ("PXY" for "several years");
- sets as the pattern they repeat: "XXXX-WXX-1" (every Monday), "XXXX-07" (each July),
  "P1W" (every week), "XXXX-XX-XX" (daily);
- "PRESENT_REF", "PAST_REF", "FUTURE_REF" for "now", "recently", "in the future".

Each value also has a day-level `date` for events and timelines (see `day_level`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# TimeBank's letters: E a decade, C a century ("P2E" twenty years as two decades)
DURATION_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
                  "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "E",
                  "century": "C"}
_UNIT_FACTOR = {"fortnight": 2}
# A fraction of a unit written in the next smaller one, where the count comes out whole
# ("2 1/2 years" P2Y6M, "a minute and a half" PT1M30S, "a day and a half" P1DT12H)
_SMALLER = {"year": ("M", 12), "hour": ("M", 60), "minute": ("S", 60), "day": ("H", 24)}
EDGE_MODS = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID", "the end of": "END",
             "end-": "END", "the beginning of": "START", "the start of": "START",
             "beginning of": "START", "the middle of": "MID", "earlier": None, "later": None}


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekend(day: date) -> str:
    """The weekend holding `day` (a Saturday or a Sunday), as its ISO week."""
    return iso_week(day) + "-WE"


def quarter(year: int, number: int) -> str:
    return f"{year:04d}-Q{number}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, number: int, offset: int) -> tuple[int, int]:
    index = year * 4 + number - 1 + offset
    return index // 4, index % 4 + 1


def quarter_from(day: date, offset: int = 0) -> str:
    """The quarter `offset` quarters from the one holding `day` ("2024-Q3" for a day of August,
    offset 0; the last complete quarter at `day` with offset -1)."""
    return quarter(*shift_quarter(*quarter_of(day), offset))


def season(year: int, name: str) -> str:
    return f"{year:04d}-{SEASON_CODES[name]}"


def duration(count: float | None, unit: str) -> str:
    """"P3M" for (3, "month"); "PXY" for (None, "year"); "PT2H" for (2, "hour")."""
    unit = unit.lower().rstrip("s")
    unit = {"centurie": "century", "trading day": "day", "business day": "day",
            "working day": "day"}.get(unit, unit)
    code = DURATION_CODES[unit]
    if count is None:
        amount = "X"
    else:
        count *= _UNIT_FACTOR.get(unit, 1)
        whole, part = divmod(float(count), 1)
        smaller = _SMALLER.get(unit)
        if part and smaller and (part * smaller[1]).is_integer():
            rest = f"{int(part * smaller[1])}{smaller[0]}"
            head = f"{int(whole)}{code[-1]}" if whole else ""
            if code.startswith("T"):
                return f"PT{head}{rest}"
            return f"P{head}T{rest}" if unit == "day" else f"P{head}{rest}"
        amount = str(int(count)) if float(count).is_integer() else f"{count:g}"
    return ("PT" + amount + code[1]) if code.startswith("T") else ("P" + amount + code)


def decade(year: int) -> str:
    return f"{year // 10:03d}"


def century(number: int) -> str:
    """The 20th century is "19" (the years 19xx)."""
    return f"{number - 1:02d}"


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 the last) given weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date | None:
    """The day of a named holiday in `year` (fixed, Easter-based or nth-weekday holidays)."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'")).removeprefix("the ")
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
             "armistice day": (11, 11), "remembrance day": (11, 11), "boxing day": (12, 26),
             "may day": (5, 1), "bastille day": (7, 14), "fourth of july": (7, 4),
             "july fourth": (7, 4)}
    if key in fixed:
        return date(year, *fixed[key])
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "easter monday":
        return easter(year) + timedelta(days=1)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    nth = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
           "labor day": (9, 0, 1), "labour day": (9, 0, 1), "memorial day": (5, 0, -1),
           "mother's day": (5, 6, 2), "father's day": (6, 6, 3)}
    if key in nth:
        month, weekday, count = nth[key]
        return _nth_weekday(year, month, weekday, count)
    if key == "election day":  # the US federal election: the Tuesday after the first Monday
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


def day_level(value: str | None) -> tuple[str | None, str]:
    """The calendar date a TIMEX3 value gives to events, with its precision.

    Days, months and years are themselves; a time of day is its day; a week is the month that
    holds its Thursday; a weekend is its Saturday; quarters, halves, seasons are their year;
    decades, centuries, references, durations and partly unknown values have no date."""
    if not value:
        return None, "day"
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)(?:T.*)?", value):
        return m.group(1), "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return value, "month"
    if re.fullmatch(r"\d{4}", value):
        return value, "year"
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return (monday + timedelta(days=5)).isoformat(), "day"
        thursday = monday + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    if m := re.fullmatch(r"(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)", value):
        return m.group(1), "year"
    return None, "day"
