"""Expressions dated from another time, not from publication: "two days later", "the following
month", "a year earlier", "the quarter", "that year".

The anchor is the last expression before it in the text, not itself anchored, that names a
point of the calendar (a day, week, month, quarter, half, season or year). Without one,
publication is the anchor for looking back ("a year earlier" in a lead compares with the
publication day) and nothing is for looking forward ("two days later" with nothing before it
names no day). A shift keeps the anchor's granularity when it is finer than the unit ("a year
earlier" after "the third quarter" is last year's third quarter) and takes the unit's when
coarser ("the following month" after 5 March is April). A quarter reference without a quarter
to hang on is the last complete quarter before publication, the one an earnings report
speaks of.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from storyline.time import relative as cal
from storyline.time import values as tv
from storyline.time.core import TimeExpression

_GRANULARITY = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "season": 4,
                "year": 5}


def granularity(timex: str | None) -> str | None:
    """Which calendar unit a TIMEX3 value names, or None for anything else."""
    if not timex:
        return None
    patterns = (("day", r"\d{4}-\d\d-\d\d(?:T.*)?"), ("week", r"\d{4}-W\d\d(?:-WE)?"),
                ("month", r"\d{4}-\d\d"), ("quarter", r"\d{4}-Q\d"), ("half", r"\d{4}-H\d"),
                ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("year", r"\d{4}"))
    for name, pattern in patterns:
        if re.fullmatch(pattern, timex):
            return name
    return None


def _start(timex: str, kind: str) -> date:
    """The first day of the period a TIMEX3 value names."""
    year = int(timex[:4])
    if kind == "day":
        return date.fromisoformat(timex[:10])
    if kind == "week":
        return date.fromisocalendar(year, int(timex[6:8]), 1)
    if kind == "month":
        return date(year, int(timex[5:7]), 1)
    if kind == "quarter":
        return date(year, (int(timex[6]) - 1) * 3 + 1, 1)
    if kind == "half":
        return date(year, (int(timex[6]) - 1) * 6 + 1, 1)
    if kind == "season":
        return date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[timex[5:7]], 1)
    return date(year, 1, 1)


def _as(timex: str, kind: str, unit: str) -> str | None:
    """`timex` (of granularity `kind`) written at the coarser-or-equal granularity `unit`."""
    if _GRANULARITY[unit] < _GRANULARITY[kind]:
        return None
    if unit == kind:
        return timex
    start = _start(timex, kind)
    if unit == "week":
        return tv.iso_week(start)
    if unit == "month":
        return cal.month_value(start.year, start.month)
    if unit == "quarter":
        return tv.quarter(*tv.quarter_of(start))
    if unit == "half":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    return f"{start.year:04d}"


def shift(timex: str, kind: str, amount: int, unit: str) -> str | None:
    """`timex` moved by `amount` units, at the finer of its granularity and the unit's. Hours
    and minutes leave the day as it is: "an hour earlier" is, at day level, the day spoken of."""
    if unit in ("hour", "minute"):
        return timex[:10] if kind == "day" else None
    if unit in ("year", "decade"):
        years = amount * (10 if unit == "decade" else 1)
        if kind == "day":
            day = date.fromisoformat(timex[:10])
            return (cal.safe_date(day.year + years, day.month, day.day)
                    or date(day.year + years, day.month, 28)).isoformat()
        if kind == "week":
            year, week = int(timex[:4]), int(timex[6:8])
            return f"{year + years:04d}-W{week:02d}"
        return f"{int(timex[:4]) + years:04d}" + timex[4:]
    if unit == "quarter":
        base = _as(timex, kind, "quarter") if kind != "day" else tv.quarter(
            *tv.quarter_of(date.fromisoformat(timex[:10])))
        if base is None:
            return None
        return tv.quarter(*tv.shift_quarter(int(base[:4]), int(base[6]), amount))
    if unit == "month":
        base = _as(timex, kind, "month") if kind in ("day", "week", "month") else None
        if base is None:
            return None
        return cal.month_value(*cal.shift_months(int(base[:4]), int(base[5:7]), amount))
    if unit in ("week", "fortnight"):
        weeks = amount * (2 if unit == "fortnight" else 1)
        if kind == "day":
            return (date.fromisoformat(timex[:10]) + timedelta(weeks=weeks)).isoformat()
        if kind == "week":
            return tv.iso_week(_start(timex, kind) + timedelta(weeks=weeks))
        return None
    if unit == "day" and kind == "day":
        return (date.fromisoformat(timex[:10]) + timedelta(days=amount)).isoformat()
    return None


def resolve_anchored(found: list[TimeExpression], needs: dict[tuple[int, int], tuple],
                     published: date | None) -> list[TimeExpression]:
    """`found` in text order, with the anchored ones given the values their anchors imply."""
    out: list[TimeExpression] = []
    last: tuple[str, str] | None = None
    last_quarter: str | None = None
    for expression in found:
        need = needs.get((expression.start, expression.end))
        if need is not None:
            timex = _resolve(need, last, last_quarter, published)
            if timex is not None:
                value, precision = tv.day_level(timex)
                expression = replace(expression, timex=timex, value=value, precision=precision)
            if "length" in need:  # "three days later": a TimeML length, dated all the same
                expression = replace(expression, timex=need[-1], type="DURATION")
            out.append(expression)
            continue  # "a year earlier" compares with the time spoken of; it does not replace it
        kind = granularity(expression.timex)
        if kind is not None and expression.kind == "date":
            last = (expression.timex[:10] if kind == "day" else expression.timex, kind)
            if kind == "quarter":
                last_quarter = expression.timex
        out.append(expression)
    return out


def _resolve(need: tuple, last: tuple[str, str] | None, last_quarter: str | None,
             published: date | None) -> str | None:
    kind_of_need, amount, unit = need[:3]
    wanted = need[3] if len(need) > 3 else None
    if wanted == "quarter-if-last":
        if last is None or last[1] != "quarter":
            return None  # keeps the value counted from publication
        wanted = "quarter"
    if wanted == "quarter-or-year":
        if last is None or last[1] != "quarter":
            return f"{published.year - 1:04d}" if published else None
        wanted = "quarter"
    if unit == "quarter" or wanted == "quarter":
        base = last_quarter or (tv.quarter_from(published, -1) if published else None)
        if base is None:
            return None
        if kind_of_need == "same":
            return base
        if kind_of_need == "year":
            return f"{amount:04d}" + base[4:]
        return shift(base, "quarter", amount, unit)
    if kind_of_need == "weekday":
        return _weekday_from(last, published, amount, unit)
    if last is None:
        if published is None or (kind_of_need == "shift" and amount > 0):
            return None
        last = (published.isoformat(), "day")
    timex, kind = last
    if kind_of_need == "same":
        return _as(timex, kind, unit) if unit in _GRANULARITY else None
    moved = shift(timex, kind, amount, unit)
    if moved is not None and wanted == "at-unit" and unit in _GRANULARITY:
        return _as(moved, granularity(moved) or kind, unit) or moved
    return moved


def _weekday_from(last: tuple[str, str] | None, published: date | None, direction: int,
                  weekday: int) -> str | None:
    """The `weekday` (0 Monday) strictly before (`direction` -1) or after (+1) the day told
    last, or publication when no day was."""
    if last is not None and last[1] == "day":
        base = date.fromisoformat(last[0][:10])
    elif published is not None:
        base = published
    else:
        return None
    steps = ((weekday - base.weekday()) * direction) % 7 or 7
    return (base + timedelta(days=steps * direction)).isoformat()
