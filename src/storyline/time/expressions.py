"""Find time expressions in news text and resolve them against the publication date.

Each pattern of `patterns.py` has one rule (in `calendar_rules.py` or `period_rules.py`) that
turns a match into a `TimeExpression` with its TIMEX3 type, value and mod and its day-level
date; where matches overlap the longest wins ("Monday, 03 December" over "Monday"). Expressions
dated from another time ("two days later", "the quarter") are then resolved in text order
against the time spoken of last (`anchors.py`). Conventions of the values: `values.py` and
docs/time.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from storyline.time import calendar_rules as cr
from storyline.time import patterns as pt
from storyline.time import period_rules as pr
from storyline.time.anchors import resolve_anchored
from storyline.time.calendar_rules import DAY_OFFSETS
from storyline.time.core import ABSOLUTE, DAY, MONTH, RELATIVE, YEAR, Context, TimeExpression
from storyline.time.tense import FUTURE, PAST

__all__ = ["ABSOLUTE", "DAY", "DAY_OFFSETS", "MONTH", "RELATIVE", "YEAR", "TimeExpression",
           "find_time_expressions", "is_timestamp", "parse_published", "resolve_expression"]

Rule = Callable[[re.Match[str], Context], TimeExpression | None]
# Order breaks ties between matches of equal length: the earlier rule wins.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (pt.ISO_DATE, cr.iso), (pt.NUMERIC_DATE, cr.numeric), (pt.YEAR_FIRST_DATE, cr.iso),
    (pt.DAY_MONTH, cr.day_and_month), (pt.MONTH_DAY, cr.day_and_month),
    (pt.MONTH_YEAR, cr.month_and_year), (pt.MONTH_REL_YEAR, cr.month_relative_year),
    (pt.HOLIDAY, pr.holiday), (pt.CLOCK, pr.clock), (pt.SEASON, cr.season),
    (pt.DAY_WORD, cr.day_word), (pt.PART_OF_DAY, cr.day_part),
    (pt.AGO, cr.ago), (pt.FROM_NOW, cr.from_now), (pt.IN_FUTURE, cr.in_future),
    (pt.ANCHORED, cr.anchored), (pt.ANCHORED_WEEKDAY, cr.anchored_weekday),
    (pt.SET_WIDE, pr.repetition), (pt.QUARTER, pr.ordinal_period),
    (pt.QUARTER_REF, pr.quarter_reference), (pt.YEAR_ENDED, pr.year_ended),
    (pt.FISCAL_YEAR, pr.fiscal_year),
    (pt.YEAR_END, pr.year_end), (pt.FULL_YEAR, pr.full_year), (pt.THE_YEAR, pr.the_year),
    (pt.YEAR_AGO, pr.year_ago),
    (pt.WEEKEND, cr.weekend), (pt.CALENDAR_UNIT, cr.calendar_unit), (pt.WEEKDAY, cr.weekday),
    (pt.DECADE, pr.decade), (pt.DECADE_REL, pr.decade_relative), (pt.CENTURY, pr.century),
    (pt.SPELLED_YEAR, pr.spelled_year), (pt.MONTH_ALONE, cr.month_alone),
    (pt.YEAR_ALONE, cr.year_alone), (pt.NTH_OF_MONTH, cr.nth_of_month),
    (pt.PAST_REF, pr.past), (pt.FUTURE_REF, pr.future), (pt.PRESENT_REF, pr.present),
    (pt.VAGUE_PERIOD, pr.vague_period), (pt.OPEN_LENGTH, pr.open_length),
    (pt.ONE_UNIT_LENGTH, pr.one_unit_length),
    (pt.DURATION_WIDE, pr.duration),
    (pt.BARE_DURATION, pr.bare_duration),
)


def _gate(words: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(words, flags)


# A word every match of the pattern contains: a text without it skips the pattern, one fast
# search instead of a scan trying the pattern at every word (same matches, checked on TimeBank
# and our sets by the tests).
_GATES: dict[re.Pattern[str], re.Pattern[str]] = {
    pt.AGO: _gate(r"\bago\b"),
    pt.FROM_NOW: _gate(r"from\s+(?:now|today)|hence"),
    pt.HOLIDAY: _gate(r"Christmas|New\s+Year|Thanksgiving|Easter|Good\s+Friday|Halloween|"
                      r"Valentine|Labou?r\s+Day|Memorial|Veterans|Armistice|Remembrance|Boxing|"
                      r"May\s+Day|Bastille|Fourth|Mother|Father|Election\s+Day", 0),
    pt.CLOCK: _gate(r"[ap]\.?m\b|\d:\d|noon|midnight|midday"),
    pt.DECADE: _gate(r"\d0['’]?s\b|ties\b"),
    pt.CENTURY: _gate(r"century"),
    pt.YEAR_END: _gate(r"year[\s-]end|year['’]s\s+end|end\s+of\s+the\s+year"),
    pt.FISCAL_YEAR: _gate(r"fiscal"),
    pt.YEAR_ENDED: _gate(r"year\s+end(?:ed|ing)\s"),
    pt.SEASON: _gate(r"spring|summer|autumn|fall|winter"),
    pt.QUARTER: _gate(r"quarter|half"),
    pt.QUARTER_REF: _gate(r"quarter|period"),
    pt.PART_OF_DAY: _gate(r"morning|afternoon|evening|night"),
    pt.SPELLED_YEAR: _gate(r"nineteen|twenty|thousand"),
    pt.MONTH_REL_YEAR: _gate(r"year"),
    pt.DECADE_REL: _gate(r"decade"),
    pt.FULL_YEAR: _gate(r"year"),
    pt.YEAR_AGO: _gate(r"year[\s-](?:ago|earlier)"),
    pt.WEEKEND: _gate(r"weekend"),
    pt.OPEN_LENGTH: _gate(r"ahead"),
    pt.VAGUE_PERIOD: _gate(r"recent|coming|few|several"),
    pt.IN_FUTURE: _gate(r"\bin\s"),
    pt.ISO_DATE: _gate(r"\d{4}-\d\d-\d\d"),
    pt.NUMERIC_DATE: _gate(r"\d[./]\d"),
    pt.YEAR_FIRST_DATE: _gate(r"\d{4}/\d"),
    pt.NTH_OF_MONTH: _gate(r"\d(?:st|nd|rd|th)\b"),
}


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
    """Every time expression in `text`, in order, with its TIMEX3 type, value and mod; without
    a publication date only written dates get a value. `tense` ("past"/"future") overrides the
    guess from surrounding words."""
    if tense not in (None, PAST, FUTURE):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    context = Context(text, parse_published(published), tense)
    candidates: list[tuple[int, int, TimeExpression]] = []
    for rank, (pattern, rule) in enumerate(_RULES):
        gate = _GATES.get(pattern)
        if gate is not None and gate.search(text) is None:
            continue
        for match in pattern.finditer(text):
            found = rule(match, context)
            if found is not None:
                candidates.append((found.start - found.end, rank, found))
    chosen: list[TimeExpression] = []
    for _, _, found in sorted(candidates, key=lambda c: (c[0], c[1], c[2].start)):
        if all(found.end <= kept.start or found.start >= kept.end for kept in chosen):
            chosen.append(found)
    chosen.sort(key=lambda e: e.start)
    return resolve_anchored(chosen, context.anchored, context.published)


def resolve_expression(text: str, published: date, tense: str | None = None
                       ) -> TimeExpression | None:
    """Resolve one expression given alone ("last Friday"); the longest one found, or None."""
    found = find_time_expressions(text, published, tense)
    return max(found, key=lambda e: e.end - e.start) if found else None
