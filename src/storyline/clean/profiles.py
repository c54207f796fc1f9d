"""Outlet profiles: lines an outlet repeats on many of its pages are its boilerplate.

A corpus step. Rule-based cleaning cannot know that `Sample Courier — independent since 1901`
is a masthead; seeing it on a third of one outlet's articles tells us. Dated lines and story
sentences are never learnt, so a shared dateline or a wire's standard paragraph survives.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.clean.lines import is_story_like, normalize_line, words_of
from storyline.clean.triggers import word_alternation
from storyline.clean.vocabulary import MONTHS
from storyline.options import Options

PROFILE_VERSION = 1
MAX_SHAPE_TOKENS = 8
MIN_LINE_COUNT = 3
"""However small the outlet, a line must be seen on at least this many of its articles."""

_MONTH = re.compile(r"(?<!\w)(" + word_alternation(MONTHS) + r")(?!\w)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
)
_DIGITS = re.compile(r"\d+")


def looks_dated(line: str) -> bool:
    """A line carrying a date or time: the dates step needs it, so it is never boilerplate.
    Every form needs a digit, so the month names are only looked for in lines with one."""
    if not _DIGITS.search(line):
        return False
    return bool(_NUMERIC_DATE.search(line) or _MONTH.search(line))


def line_shape(line: str) -> str | None:
    """`Comments (12)` and `Comments (3)` share the shape `Comments (0)`; only short, undated,
    non-sentence lines with digits get one, so shapes never swallow story text or datelines."""
    if not _DIGITS.search(line) or looks_dated(line) or is_story_like(line):
        return None
    if len(line.split()) > MAX_SHAPE_TOKENS:
        return None
    return _DIGITS.sub("0", line)


def _learnable(line: str) -> bool:
    return bool(line) and bool(words_of(line)) and not is_story_like(line) and not looks_dated(line)


@dataclass
class _Outlet:
    articles: int
    lines: set[str] = field(default_factory=set)
    shapes: set[str] = field(default_factory=set)


class OutletProfiles:
    """Per outlet, the exact lines and line shapes that count as its boilerplate."""

    def __init__(self, outlets: dict[str, _Outlet] | None = None) -> None:
        self._outlets: dict[str, _Outlet] = dict(outlets or {})

    @classmethod
    def build(
        cls, docs: Iterable[tuple[str | None, str]], options: Options | None = None
    ) -> OutletProfiles:
        """Learn from (outlet, raw text) pairs; documents without an outlet teach nothing."""
        options = options or Options()
        counts: dict[str, int] = Counter()
        line_counts: dict[str, Counter[str]] = {}
        shape_counts: dict[str, Counter[str]] = {}
        for outlet, text in docs:
            if not outlet:
                continue
            counts[outlet] += 1
            lines = {normalize_line(raw) for raw in text.splitlines()}
            lines = {line for line in lines if _learnable(line)}
            line_counts.setdefault(outlet, Counter()).update(lines)
            shapes = {s for s in (line_shape(line) for line in lines) if s}
            shape_counts.setdefault(outlet, Counter()).update(shapes)
        outlets: dict[str, _Outlet] = {}
        for outlet, n in sorted(counts.items()):
            if n < options.profile_min_articles:
                continue
            need = max(MIN_LINE_COUNT, math.ceil(options.profile_min_share * n))
            lines = {k for k, c in line_counts[outlet].items() if c >= need}
            shapes = {k for k, c in shape_counts[outlet].items() if c >= need}
            if lines or shapes:
                outlets[outlet] = _Outlet(n, lines, shapes)
        return cls(outlets)

    def is_boilerplate(self, outlet: str | None, line: str) -> bool:
        if not outlet or outlet not in self._outlets:
            return False
        profile = self._outlets[outlet]
        key = normalize_line(line)
        if not _learnable(key):
            return False
        if key in profile.lines:
            return True
        shape = line_shape(key)
        return shape is not None and shape in profile.shapes

    def outlets(self) -> list[str]:
        return sorted(self._outlets)

    def __len__(self) -> int:
        return len(self._outlets)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data, sorted, so the same corpus always stores the same profile."""
        return {
            "version": PROFILE_VERSION,
            "outlets": {
                name: {
                    "articles": p.articles,
                    "lines": sorted(p.lines),
                    "shapes": sorted(p.shapes),
                }
                for name, p in sorted(self._outlets.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutletProfiles:
        outlets = {
            name: _Outlet(int(p.get("articles", 0)), set(p.get("lines", ())),
                          set(p.get("shapes", ())))
            for name, p in (data.get("outlets") or {}).items()
        }
        return cls(outlets)
