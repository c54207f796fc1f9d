"""Dates in news text: time expressions found in sentences and resolved against publication."""

from __future__ import annotations

from storyline.time.expressions import (
    TimeExpression,
    find_time_expressions,
    is_timestamp,
    parse_published,
    resolve_expression,
)

__all__ = [
    "TimeExpression",
    "find_time_expressions",
    "is_timestamp",
    "parse_published",
    "resolve_expression",
]
