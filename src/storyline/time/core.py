"""What every time-expression rule shares: the expression record, the context a rule reads
(text, publication date, tense), and the small helpers that turn a match into an expression."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.time import patterns as pt
from storyline.time import relative as cal
from storyline.time import values as tv
from storyline.time.tense import infer_tense

DAY, MONTH, YEAR = "day", "month", "year"
ABSOLUTE, RELATIVE = "absolute", "relative"
UNIT_PRECISION = {"hour": DAY, "minute": DAY, "day": DAY, "week": DAY, "fortnight": DAY,
                   "month": MONTH, "year": YEAR, "decade": YEAR}
AMBIGUOUS_MONTHS = frozenset({"May", "March", "April", "June", "August"})


@dataclass(frozen=True)
class TimeExpression:
    """A time expression as written, its TimeML (TIMEX3) type, value and mod, and where it names
    a date, that date at day, month or year precision (what events and timelines use)."""

    text: str
    start: int
    end: int
    value: str | None
    """The day-level date: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when the expression names
    no calendar date (a duration, "now", "the 1990s") or cannot be resolved."""
    precision: str
    """"day", "month" or "year"."""
    basis: str
    """"absolute" when the full date is written, "relative" when publication decided it."""
    kind: str = "date"
    """"date", "duration" or "set"."""
    type: str = "DATE"
    """TIMEX3 type: "DATE", "TIME", "DURATION" or "SET"."""
    timex: str | None = None
    """TIMEX3 value at the expression's own granularity ("2024-W08", "1989-Q3", "P3M",
    "PRESENT_REF", "XXXX-WXX-1"; see `values.py`); None when it cannot be given."""
    mod: str | None = None
    """TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS."""


@dataclass
class Context:
    text: str
    published: date | None
    tense: str | None
    anchored: dict[tuple[int, int], tuple] = field(default_factory=dict)
    """Expressions dated from another time ("two days later"): their span → what they need."""

    def tense_at(self, match: re.Match[str]) -> str | None:
        if self.tense is not None:
            return self.tense
        return infer_tense(self.text, match.start(), match.end())

    def word_before(self, match: re.Match[str], group: int | str = 0) -> str:
        start = match.start(group)
        found = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, start - 24):start])
        return found.group(1).lower() if found else ""

    def word_after(self, match: re.Match[str]) -> str:
        found = re.match(r"\s+([A-Za-z$%]+)", self.text[match.end():match.end() + 24])
        return found.group(1) if found else ""


TYPES = {"date": "DATE", "duration": "DURATION", "set": "SET"}


def make(match: re.Match[str], value: str | date | None, precision: str, basis: str,
          kind: str = "date", group: int | str = 0, *, timex: str | None = None,
          type: str | None = None, mod: str | None = None) -> TimeExpression:
    """An expression over `group` of `match`; its TIMEX3 value defaults to its date."""
    if isinstance(value, date):
        value = value.isoformat()
    if timex is None and kind == "date":
        timex = value
    start, end = match.span(group)
    return TimeExpression(match.group(group), start, end, value, precision, basis, kind,
                          type or TYPES[kind], timex, mod)


def timex_only(match: re.Match[str], timex: str | None, type: str = "DATE",
                mod: str | None = None, basis: str = RELATIVE,
                group: int | str = 0) -> TimeExpression:
    """An expression whose TIMEX3 value carries its meaning; its date follows from it."""
    value, precision = tv.day_level(timex)
    kind = {"DURATION": "duration", "SET": "set"}.get(type, "date")
    return make(match, value if kind == "date" else None, precision, basis, kind, group,
                 timex=timex, type=type, mod=mod)


def key(name: str | None) -> str:
    return (name or "").lower().rstrip(".")


def relation(match: re.Match[str]) -> str | None:
    rel = match.groupdict().get("rel")
    return re.sub(r"\s+", " ", rel.lower()) if rel else None


def part(match: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", (match.groupdict().get("part") or "").lower())


def edge_mod(words: str) -> str | None:
    """START, MID or END for "early", "mid-", "late", "the end of", "the beginning of"."""
    words = words.strip().lower()
    for edge, mod in tv.EDGE_MODS.items():
        if words.startswith(edge.rstrip("-")) and mod:
            return mod
    return None


def count(text: str) -> int | None:
    text = re.sub(r"[\s-]+", " ", text.lower()).strip()
    if text.isdigit():
        return int(text)
    if text in pt.NUMBERS:
        return pt.NUMBERS[text]
    words = text.split()
    if len(words) == 2 and words[0] in pt.TENS and words[1] in pt.ONES:
        return pt.TENS[words[0]] + pt.ONES[words[1]]
    return None


def edge_of_year(part: str, year: int) -> tuple[str, str]:
    """"the end of 2019" is its December, "the start of" its January; "late 2019" stays 2019."""
    if part.startswith(("the end", "end")):
        return cal.month_value(year, 12), MONTH
    if part.startswith(("the beginning", "the start", "beginning")):
        return cal.month_value(year, 1), MONTH
    return f"{year:04d}", YEAR


