"""Calendar arithmetic for relative dates: which Wednesday, which December, which week.

Direction rules (documented choices, used by every expression alike):
- tense "past" picks the latest candidate on or before publication, "future" the earliest on or
  after it; with no tense, the future one only when it lies within `FUTURE_REACH_DAYS` ahead
  (news speaks of the near future and of any past), else the past one; a bare weekday without
  tense is ahead only when it is tomorrow's;
- a bare weekday equal to the publication's weekday is the publication day itself, because wire
  style names the current day by its weekday ("said on Wednesday" in a Wednesday story);
- a calendar week ("last week", "this week") is given as the month that holds the week's Thursday,
  with precision "month" (the ISO rule for which month a week belongs to): a week has no honest
  single day, and our precisions stop at day, month and year;
- a weekend is its Saturday, precision "day".
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

PAST = "past"
FUTURE = "future"


def shift_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


FUTURE_REACH_DAYS = 135
"""With no tense to go by, a date named without its year lies ahead of publication only this
close (about four months: a coming date is written without its year when it is near); any
farther it is the one before publication."""


def choose(candidates: list[date], published: date, tense: str | None) -> date | None:
    """The candidate the tense points to; with no tense (or none on its side), the first one
    ahead when it lies within `FUTURE_REACH_DAYS`, else the latest one before."""
    if not candidates:
        return None
    before = [c for c in candidates if c <= published]
    after = [c for c in candidates if c >= published]
    if tense == PAST and before:
        return max(before)
    if tense == FUTURE and after:
        return min(after)
    if after and ((min(after) - published).days <= FUTURE_REACH_DAYS or not before):
        return min(after)
    return max(before)


NEAR_DAYS = 60
"""A day this close to publication, named without a year, is the nearest such day whatever
the verb: news style leaves the year out because it is the current one."""


def tense_unless_near(candidates: list[date], published: date,
                      tense: Callable[[], str | None]) -> str | None:
    """The tense to choose among `candidates` with: none (the nearest wins) when one lies
    within `NEAR_DAYS` of publication, else the tense (asked only then)."""
    if not candidates or min(abs((c - published).days) for c in candidates) <= NEAR_DAYS:
        return None
    return tense()


def weekday_date(published: date, weekday: int, relation: str | None, tense: str | None) -> date:
    """The named weekday around publication: "last" strictly before, "next" strictly after."""
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if relation in ("last", "past", "this past"):
        return published - timedelta(days=behind or 7)
    if relation in ("next", "coming", "this coming"):
        return published + timedelta(days=ahead or 7)
    if ahead == 0:
        return published
    if tense == PAST:
        return published - timedelta(days=behind)
    if tense == FUTURE:
        return published + timedelta(days=ahead)
    return published + timedelta(days=ahead) if ahead == 1 else published - timedelta(days=behind)


def month_year(published: date, month: int, relation: str | None, tense: str | None) -> int:
    """The year of a month named without one ("in December", "last September")."""
    if relation == "last":
        # the month just gone is "last month": "last February" in March is a year back
        return published.year if month < published.month - 1 else published.year - 1
    if relation in ("the past", "this past"):
        return published.year if month < published.month else published.year - 1
    if relation in ("next", "the coming", "this coming"):
        return published.year if month > published.month else published.year + 1
    if relation == "this" or month == published.month:
        return published.year
    ahead = (month - published.month) % 12
    if tense == PAST or (tense is None and ahead > FUTURE_REACH_DAYS // 30):
        return published.year if month < published.month else published.year - 1
    return published.year if month > published.month else published.year + 1


def day_in_year(published: date, month: int, day: int, tense: str | None,
                weekday: int | None = None) -> date | None:
    """A day and month without a year; a written weekday picks the year it fits, nearest first."""
    if weekday is not None:
        fitting = [d for y in range(published.year - 6, published.year + 7)
                   if (d := safe_date(y, month, day)) and d.weekday() == weekday]
        if fitting:
            return choose(fitting, published, tense)
    years = range(published.year - 1, published.year + 2)
    return choose([d for y in years if (d := safe_date(y, month, day))], published, tense)


def day_in_month(published: date, day: int, tense: str | None) -> date | None:
    """"On the 15th": this month's, last month's or next month's, as the tense says."""
    candidates = []
    for offset in (-1, 0, 1):
        year, month = shift_months(published.year, published.month, offset)
        if (found := safe_date(year, month, day)) is not None:
            candidates.append(found)
    return choose(candidates, published, tense)


def week_month(published: date, offset_weeks: int) -> str:
    """The month that holds the Thursday of the week `offset_weeks` from publication's week."""
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset_weeks)
    thursday = monday + timedelta(days=3)
    return month_value(thursday.year, thursday.month)


def weekend_saturday(published: date, relation: str, tense: str | None) -> date:
    monday = published - timedelta(days=published.weekday())
    if relation == "last":
        return monday - timedelta(days=2)
    if relation == "this":
        return monday + timedelta(days=5)
    if relation in ("next", "the coming"):
        return monday + timedelta(days=12)
    if relation == "the past":
        return weekday_date(published, 5, "past", tense)
    return weekday_date(published, 5, None, tense)
