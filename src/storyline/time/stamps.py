"""Publication stamps: the date-and-clock line a page prints above or beside its story.

"MOSCOW | Tue Jun 28, 2011 10:21 am EDT", "24 April 2011 Last updated at 17:55 GMT" or
"Published: 14:02 BST, 3 March 2019" say when the text went out, not when its news happened: a
full date written beside a clock time at the head of a line is a stamp, not a sentence. A stamp
that names a weekday must agree with its date (a mismatch is a misprint or not a stamp at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.time import patterns as pt
from storyline.time.expressions import TimeExpression, find_time_expressions

STAMP_CHARS = 600
"""Stamps are printed at the top of a story (after a photo caption at most)."""
UPDATE_DAYS = 1
"""A "last updated" stamp may be this many days after the first publication."""

_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?$"
                    r"|^(?:1[0-2]|0?\d)\s*(?i:[ap]\.?m\.?)(?:\s*[A-Z]{2,4})?$")
_BETWEEN = re.compile(r"^[\s,|–—-]{0,4}(?:(?i:(?P<updated>(?:last\s+)?updated)\s+)?(?i:at)\s+)?"
                      r"[\s,|–—-]{0,3}$")
_BARE_CLOCK = re.compile(r"\s*,?\s*(?:(?i:at)\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
"""A 24-hour clock right after the date ("4 October 2024 09:30"), which the time expressions
leave alone when no zone follows."""
_PLACE = r"[A-Z][A-Z\u00C0-\u024F.'’\\/ -]*(?:\s*,\s*[A-Z][\w.'’ -]{1,30}){0,2}"
_LABEL = (r"(?:(?i:(?P<label>published|posted|updated|last\s+updated|first\s+published))"
          r"(?:\s+(?i:on|at))?\s*:?\s*)?(?:(?P<weekday>[A-Z][a-z]{1,8})\.?\s*,?\s*)?$")
_HEAD = re.compile(rf"^(?:{_PLACE}\s*[|–—-]\s*)?{_LABEL}")
_PIPED = re.compile(rf"\s(?:{_PLACE})\s*\|\s*{_LABEL}")
"""A stamp opens its line, perhaps after its place ("MOSCOW |"), or follows a headline on the
line as "PLACE |" does."""


@dataclass(frozen=True)
class Stamp:
    """A publication stamp: its date, its text, and whether it dates an update."""

    day: date
    text: str
    updated: bool

    @property
    def earliest(self) -> date:
        return self.day - timedelta(days=UPDATE_DAYS) if self.updated else self.day


def _is_clock(found: TimeExpression) -> bool:
    return found.value is None and _CLOCK.match(found.text.strip()) is not None


def _weekday_word(written: str) -> str | None:
    """The weekday a date is written with ("Monday, 3 March 2019"), or None."""
    match = re.match(r"([A-Za-z]{3,9})\.?,?\s", written)
    return match[1] if match and match[1].lower() in pt.WEEKDAYS else None


def _line_head(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1:start]


def _pair(text: str, day: TimeExpression, clock: tuple[int, int]) -> Stamp | None:
    """A stamp if `day` (a full date) and the clock at `clock` (start, end) sit side by side
    at the head of a line."""
    (first, first_end), (second, second_end) = sorted([(day.start, day.end), clock])
    between = _BETWEEN.match(text[first_end:second])
    line = _line_head(text, first)
    head = _HEAD.match(line) or _PIPED.search(line)
    if between is None or head is None:
        return None
    assert day.value is not None
    found = date.fromisoformat(day.value[:10])
    named = head["weekday"] or _weekday_word(day.text)
    if named is not None:
        weekday = pt.WEEKDAYS.get(named.lower())
        if weekday is None or weekday != found.weekday():
            return None  # "Sir Mar 26" is no stamp; "Tue Mar 26, 2011" is a misprint
    updated = bool(between["updated"]) or "updated" in (head["label"] or "").lower()
    return Stamp(found, text[first:second_end].strip(), updated)


def publication_stamp(text: str) -> Stamp | None:
    """The first publication stamp in the head of `text`, or None."""
    head = text[:STAMP_CHARS]
    found = [e for e in find_time_expressions(head, None) if e.kind == "date"]
    for k, expression in enumerate(found):
        if expression.basis != "absolute" or expression.precision != "day" \
                or not expression.value:
            continue
        clocks = [(e.start, e.end) for e in found[max(k - 1, 0):k + 2]
                  if e is not expression and _is_clock(e)]
        bare = _BARE_CLOCK.match(head, expression.end)
        if bare is not None:
            clocks.append((bare.end() - len(bare.group().lstrip(" ,")), bare.end()))
        for clock in clocks:
            stamp = _pair(head, expression, clock)
            if stamp is not None:
                return stamp
    return None
