"""Dates in news text: time expressions found in sentences and resolved against publication.

`find_time_expressions(text, published)` gives each expression with its span, its TimeML
(TIMEX3) type, value and mod, and its day-level date; `timexes` gives the same as plain
dictionaries. The values and conventions are documented in docs/time.md.
"""

from __future__ import annotations

from datetime import date

from storyline.time.expressions import (
    TimeExpression,
    find_time_expressions,
    is_timestamp,
    parse_published,
    resolve_expression,
)


def timexes(text: str, published: str | date | None) -> list[dict]:
    """The time expressions of `text` for a publication date: text, start, end, TIMEX3 type,
    value and mod, and `date`, the day-level date events and timelines use."""
    return [{"text": e.text, "start": e.start, "end": e.end, "type": e.type, "value": e.timex,
             "mod": e.mod, "date": e.value} for e in find_time_expressions(text, published)]


__all__ = [
    "TimeExpression",
    "find_time_expressions",
    "is_timestamp",
    "parse_published",
    "resolve_expression",
    "timexes",
]
