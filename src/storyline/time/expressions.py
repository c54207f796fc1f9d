"""Find time expressions in news text and resolve them against the publication date.

Each pattern of `patterns.py` has one rule here that turns a match into a `TimeExpression`; where
matches overlap the longest wins ("Monday, 03 December" over "Monday"). Relative expressions use
`relative.py`'s documented direction rules, with the tense given or guessed by `tense.py`.
Numeric dates are day-first ("05/03/2020" is 5 March) unless that is impossible ("03/25/2020").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storyline.time import patterns as pt
from storyline.time import relative as cal
from storyline.time.tense import FUTURE, PAST, infer_tense

DAY, MONTH, YEAR = "day", "month", "year"
ABSOLUTE, RELATIVE = "absolute", "relative"
_UNIT_PRECISION = {"hour": DAY, "minute": DAY, "day": DAY, "week": DAY, "fortnight": DAY,
                   "month": MONTH, "year": YEAR, "decade": YEAR}
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "April", "June", "August"})


@dataclass(frozen=True)
class TimeExpression:
    """A time expression as written and, where it names a date, that date."""

    text: str
    start: int
    end: int
    value: str | None
    """"YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it cannot be resolved or is not a date."""
    precision: str
    """"day", "month" or "year"."""
    basis: str
    """"absolute" when the full date is written, "relative" when publication decided it."""
    kind: str = "date"
    """"date", "duration" or "set"."""


@dataclass(frozen=True)
class _Context:
    text: str
    published: date | None
    tense: str | None

    def tense_at(self, match: re.Match[str]) -> str | None:
        if self.tense is not None:
            return self.tense
        return infer_tense(self.text, match.start(), match.end())

    def word_before(self, match: re.Match[str]) -> str:
        found = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, match.start() - 24):match.start()])
        return found.group(1).lower() if found else ""

    def word_after(self, match: re.Match[str]) -> str:
        found = re.match(r"\s+([A-Za-z$%]+)", self.text[match.end():match.end() + 24])
        return found.group(1) if found else ""


def _make(match: re.Match[str], value: str | date | None, precision: str, basis: str,
          kind: str = "date", group: int | str = 0) -> TimeExpression:
    if isinstance(value, date):
        value = value.isoformat()
    start, end = match.span(group)
    return TimeExpression(match.group(group), start, end, value, precision, basis, kind)


def _key(name: str | None) -> str:
    return (name or "").lower().rstrip(".")


def _relation(match: re.Match[str]) -> str | None:
    rel = match.groupdict().get("rel")
    return re.sub(r"\s+", " ", rel.lower()) if rel else None


def _part(match: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", (match.groupdict().get("part") or "").lower())


def _count(text: str) -> int | None:
    text = re.sub(r"\s+", " ", text.lower())
    if text.isdigit():
        return int(text)
    return pt.NUMBERS.get(text)


def _edge_of_year(part: str, year: int) -> tuple[str, str]:
    """"the end of 2019" is its December, "the start of" its January; "late 2019" stays 2019."""
    if part.startswith(("the end", "end")):
        return cal.month_value(year, 12), MONTH
    if part.startswith(("the beginning", "the start", "beginning")):
        return cal.month_value(year, 1), MONTH
    return f"{year:04d}", YEAR


# --- written dates -----------------------------------------------------------------------------

def _iso(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    found = cal.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _make(m, found, DAY, ABSOLUTE) if found else None


def _numeric(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["year"])
    found = cal.safe_date(year, second, first) or cal.safe_date(year, first, second)
    return _make(m, found, DAY, ABSOLUTE) if found else None


def _day_and_month(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    month, day = pt.MONTHS[_key(m["month"])], int(m["day"])
    if m["year"]:
        found = cal.safe_date(int(m["year"]), month, day)
        return _make(m, found, DAY, ABSOLUTE) if found else None
    if not 1 <= day <= 31 or cal.safe_date(2000, month, day) is None:
        return None
    if ctx.published is None:
        return _make(m, None, DAY, RELATIVE)
    weekday = pt.WEEKDAYS[_key(m["weekday"])] if m["weekday"] else None
    found = cal.day_in_year(ctx.published, month, day, ctx.tense_at(m), weekday)
    return _make(m, found, DAY, RELATIVE)


def _month_and_year(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    return _make(m, cal.month_value(int(m["year"]), pt.MONTHS[_key(m["month"])]), MONTH,
                 ABSOLUTE)


def _month_alone(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    name = m["month"]
    has_context = bool(m["part"] or m["rel"] or m["poss"]) or (
        ctx.word_before(m) in pt.TEMPORAL_PREPOSITIONS)
    if not has_context:
        after = ctx.word_after(m)
        if name in _AMBIGUOUS_MONTHS or (after[:1].isupper()) or ctx.word_before(m) != "the":
            return None
    if ctx.published is None:
        return _make(m, None, MONTH, RELATIVE)
    month = pt.MONTHS[name.lower()]
    year = cal.month_year(ctx.published, month, _relation(m), ctx.tense_at(m))
    return _make(m, cal.month_value(year, month), MONTH, RELATIVE)


def _year_alone(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    if ctx.word_after(m).lower() in pt.COUNT_NOUNS or ctx.text[max(0, m.start() - 1):
                                                                m.start()] in ("$", "£", "€"):
        return None
    before = ctx.word_before(m)
    adjectival = before in ("the", "its", "their", "his", "her") and ctx.word_after(m)[:1].islower()
    if not (m["part"] or m["poss"] or before in pt.TEMPORAL_PREPOSITIONS or adjectival):
        return None
    value, precision = _edge_of_year(_part(m), int(m["year"]))
    return _make(m, value, precision, ABSOLUTE)


def _season(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    season, relation = m["season"].lower(), _relation(m)
    if m["year"]:
        return _make(m, m["year"], YEAR, ABSOLUTE)
    if relation is None and (season == "fall" or ctx.word_before(m) != "the"):
        return None  # "prices fall", "spring water": a bare season needs "the"
    if ctx.published is None or season == "winter":
        return _make(m, None, YEAR, RELATIVE)  # a winter spans two years
    first, month, year = pt.SEASONS[season], ctx.published.month, ctx.published.year
    tense = ctx.tense_at(m)
    if relation in ("last", "the past") or (relation is None and tense == PAST):
        value = year if month > first + 2 or (relation is None and month >= first) else year - 1
    elif relation in ("next", "the coming") or (relation is None and tense == FUTURE):
        value = year if month < first or (relation is None and month <= first + 2) else year + 1
    else:
        value = year
    return _make(m, f"{value:04d}", YEAR, RELATIVE)


def _nth_of_month(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    after = ctx.word_after(m)
    if after and after.lower() not in pt.NTH_FOLLOWERS:
        return None
    if ctx.published is None:
        return _make(m, None, DAY, RELATIVE, group="body")
    found = cal.day_in_month(ctx.published, int(m["day"]), ctx.tense_at(m))
    return _make(m, found, DAY, RELATIVE, group="body") if found else None


# --- relative to publication -------------------------------------------------------------------

DAY_OFFSETS = {"today": 0, "tonight": 0, "earlier today": 0, "later today": 0,
                "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
                "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2,
                # the night that ends on the publication morning: dated to the publication day
                "overnight": 0}


def _day_word(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    offset = DAY_OFFSETS.get(re.sub(r"\s+", " ", m["word"].lower()))
    if offset is None:
        return _make(m, None, DAY, RELATIVE)
    found = ctx.published + timedelta(days=offset) if ctx.published else None
    return _make(m, found, DAY, RELATIVE)


def _weekday(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    relation = _relation(m)
    after = ctx.word_after(m)
    if (relation is None and after[:1].isupper() and _key(after) not in pt.MONTHS
            and ctx.word_before(m) != "on"):
        return None  # "the Sunday Times"
    if ctx.published is None:
        return _make(m, None, DAY, RELATIVE)
    weekday = pt.WEEKDAYS[m["weekday"].lower()]
    found = cal.weekday_date(ctx.published, weekday, relation, ctx.tense_at(m))
    return _make(m, found, DAY, RELATIVE)


def _weekend(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    if ctx.published is None:
        return _make(m, None, DAY, RELATIVE)
    relation = _relation(m) or "the"
    return _make(m, cal.weekend_saturday(ctx.published, relation, ctx.tense_at(m)), DAY, RELATIVE)


_UNIT_OFFSETS = {"last": -1, "next": 1, "the coming": 1, "this": 0, "the": 0}


def _calendar_unit(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    relation, unit, part = _relation(m) or "", m["unit"].lower(), _part(m)
    if relation == "the" and not part:
        return None  # "the year" alone names no particular year
    precision = YEAR if unit == YEAR and not part.startswith(("the end", "the beg", "the sta")) \
        else MONTH
    if ctx.published is None:
        return _make(m, None, precision, RELATIVE)
    offset, pub = _UNIT_OFFSETS[relation], ctx.published
    if unit == "week":
        return _make(m, cal.week_month(pub, offset), MONTH, RELATIVE)
    if unit == "month":
        return _make(m, cal.month_value(*cal.shift_months(pub.year, pub.month, offset)), MONTH,
                     RELATIVE)
    value, precision = _edge_of_year(part, pub.year + offset)
    return _make(m, value, precision, RELATIVE)


def _offset(published: date, count: int, unit: str) -> tuple[str, str]:
    """The date `count` units after publication (negative: before), at the unit's precision."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "week", "fortnight", "hour", "minute"):
        days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0) * count
        return (published + timedelta(days=days)).isoformat(), DAY
    if unit == "month":
        return cal.month_value(*cal.shift_months(published.year, published.month, count)), MONTH
    years = count * (10 if unit == "decade" else 1)
    return f"{published.year + years:04d}", YEAR


def _ago(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    count = _count(m["count"])
    precision = _UNIT_PRECISION[m["unit"].lower().rstrip("s")]
    if count is None or ctx.published is None:
        return _make(m, None, precision, RELATIVE)  # "several weeks ago" names no date
    value, precision = _offset(ctx.published, -count, m["unit"])
    return _make(m, value, precision, RELATIVE)


def _in_future(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    count = _count(m["count"])
    precision = _UNIT_PRECISION[m["unit"].lower().rstrip("s")]
    if ctx.tense_at(m) == PAST:
        return _make(m, None, precision, RELATIVE, "duration")  # "built in two weeks"
    if count is None or ctx.published is None:
        return _make(m, None, precision, RELATIVE)
    value, precision = _offset(ctx.published, count, m["unit"])
    return _make(m, value, precision, RELATIVE)


def _anchored(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """"Two days later", "the following week": dated from another event, not from publication."""
    if ctx.word_before(m) in ("for", "over", "within", "during", "lasted"):
        return None  # "for three weeks after the siege" is a length of time
    unit = re.search(r"(day|week|fortnight|month|year|decade|hour|minute|morning|evening|night)",
                     m.group().lower())
    precision = _UNIT_PRECISION.get(unit.group(1) if unit else "day", DAY)
    return _make(m, None, precision, RELATIVE)


def _duration(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    unit = re.search(r"(day|week|fortnight|month|year|decade|hour|minute)", m.group().lower())
    precision = _UNIT_PRECISION.get(unit.group(1) if unit else "day", DAY)
    return _make(m, None, precision, RELATIVE, "duration")


def _set(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    return _make(m, None, DAY, RELATIVE, "set")


Rule = Callable[[re.Match[str], _Context], TimeExpression | None]
# Order breaks ties between matches of equal length: the earlier rule wins.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (pt.ISO_DATE, _iso), (pt.NUMERIC_DATE, _numeric), (pt.YEAR_FIRST_DATE, _iso),
    (pt.DAY_MONTH, _day_and_month), (pt.MONTH_DAY, _day_and_month),
    (pt.MONTH_YEAR, _month_and_year), (pt.SEASON, _season), (pt.DAY_WORD, _day_word),
    (pt.AGO, _ago), (pt.IN_FUTURE, _in_future), (pt.ANCHORED, _anchored), (pt.SET, _set),
    (pt.WEEKEND, _weekend), (pt.CALENDAR_UNIT, _calendar_unit), (pt.WEEKDAY, _weekday),
    (pt.MONTH_ALONE, _month_alone), (pt.YEAR_ALONE, _year_alone),
    (pt.NTH_OF_MONTH, _nth_of_month), (pt.DURATION, _duration),
)


def parse_published(published: str | date | None) -> date | None:
    """A publication date from a date or an ISO string; partial or unreadable dates give None."""
    if published is None or isinstance(published, date):
        return published.date() if isinstance(published, datetime) else published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


_STAMP_AFTER = re.compile(r"\s*[,-]?\s*(?:\d{2}(?:\d{2})?\s*[,-]?\s*)?\d{1,2}:\d{2}(?!\d)")
_STAMP_BEFORE = re.compile(r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|(?-i:[A-Z]{2,4}))?\s*,?\s*$", re.I)


def is_timestamp(text: str, expression: TimeExpression) -> bool:
    """A date with a clock time right before or after it ("Tue Mar 15 , 2011 4:54 am",
    "12.07.2023 08:30", "At 13:44 20th Jan 2012") is a dateline or comment timestamp: when
    the text was filed, not when anything happened."""
    return bool(_STAMP_AFTER.match(text, expression.end) or _STAMP_BEFORE.search(
        text, max(0, expression.start - 16), expression.start))


def find_time_expressions(text: str, published: str | date | None,
                          tense: str | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, in order; without a publication date only written
    dates get a value. `tense` ("past"/"future") overrides the guess from surrounding words."""
    if tense not in (None, PAST, FUTURE):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    context = _Context(text, parse_published(published), tense)
    candidates: list[tuple[int, int, TimeExpression]] = []
    for rank, (pattern, rule) in enumerate(_RULES):
        for match in pattern.finditer(text):
            found = rule(match, context)
            if found is not None:
                candidates.append((found.start - found.end, rank, found))
    chosen: list[TimeExpression] = []
    for _, _, found in sorted(candidates, key=lambda c: (c[0], c[1], c[2].start)):
        if all(found.end <= kept.start or found.start >= kept.end for kept in chosen):
            chosen.append(found)
    return sorted(chosen, key=lambda e: e.start)


def resolve_expression(text: str, published: date, tense: str | None = None
                       ) -> TimeExpression | None:
    """Resolve one expression given alone ("last Friday"); the longest one found, or None."""
    found = find_time_expressions(text, published, tense)
    return max(found, key=lambda e: e.end - e.start) if found else None
