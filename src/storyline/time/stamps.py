"""Publication stamps: the date-and-clock line a page prints above or beside its story.

"MOSCOW | Tue Jun 28, 2011 10:21 am EDT", "24 April 2011 Last updated at 17:55 GMT" or
"Published: 14:02 BST, 3 March 2019" say when the text went out, not when its news happened: a
full date written beside a clock time at the head of a line is a stamp, not a sentence. A stamp
that names a weekday must agree with its date (a mismatch is a misprint or not a stamp at all).

Cleaning cuts such a line as page chrome; among the removed lines, one the page showed before
its main text began (`head_stamp`) is still the page's own stamp, in any of the cleaner's date
forms and languages ("14.02.2023 09:15", "Publié le 14/04/2023 à 18h12"). A stamp glued to a
listed headline ("Rupee slides further09-May-2023 15:12") is not: it is another article's, and
so is a stamp of a head that repeats stamp lines between other lines (a list of teasers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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


HEAD_WORDS = 4
"""Words a head line may hold beside its stamp: a place, a label, a zone ("MOSCOW |",
"Published:", "EDT"); a listed headline has more."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_UPDATE_WORD = re.compile(r"(?<!\w)(?:(?:last\s+)?updated|mis\s+à\s+jour|actualizado|atualizado|"
                          r"aggiornato|aktualisiert|güncelleme|обновлено)(?!\w)", re.IGNORECASE)
_ZONE_AFTER_CLOCK = re.compile(r"(?<=\d)\s*\b[A-Z]{2,5}\s*$")
"""A time zone's abbreviation after the clock ("18.10 BST", "11:20 PKT")."""
_WEEKDAY_NAMES = (  # English, German, French, Spanish, Portuguese, Italian, Turkish, Russian
    "monday mon montag lundi lunes segunda segunda-feira lunedì pazartesi понедельник",
    "tuesday tue tues dienstag mardi martes terça terça-feira martedì salı вторник",
    "wednesday wed mittwoch mercredi miércoles quarta quarta-feira mercoledì çarşamba среда",
    "thursday thu thur thurs donnerstag jeudi jueves quinta quinta-feira giovedì perşembe "
    "четверг",
    "friday fri freitag vendredi viernes sexta sexta-feira venerdì cuma пятница",
    "saturday sat samstag sonnabend samedi sábado sabato cumartesi суббота",
    "sunday sun sonntag dimanche domingo domenica pazar воскресенье",
)
_WEEKDAY_OF = {name: k for k, names in enumerate(_WEEKDAY_NAMES) for name in names.split()}
_WEEKDAY_IN_LINE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _WEEKDAY_OF), key=len, reverse=True))
    + r")\.?(?![\w-])", re.IGNORECASE)


def _words_beside(line: str, stamp: Stamp) -> int:
    at = line.find(stamp.text)
    rest = line[:at] + " " + line[at + len(stamp.text):] if at >= 0 else line
    return len(_WORD.findall(rest))


def line_stamp(line: str) -> Stamp | None:
    """The stamp a line holds when the line is nothing but a stamp (a date, perhaps a clock, a
    label, a place, a weekday that agrees with the date), in the cleaner's date forms; None for
    a sentence or a headline that carries a date."""
    from storyline.clean.datelines import find_date, parse_date_line

    found = publication_stamp(line)
    if found is not None:
        return found if _words_beside(line, found) <= HEAD_WORDS else None
    value = parse_date_line(_ZONE_AFTER_CLOCK.sub("", line))
    if value is None:
        return None
    day = date.fromisoformat(value)
    located = find_date(line)
    start = located[1].start() if located else 0
    for named in _WEEKDAY_IN_LINE.finditer(line):
        if _WEEKDAY_OF[named[1].lower()] != day.weekday():
            return None  # a weekday that does not fit the date: a misprint, or no stamp
    return Stamp(day, line.strip(), bool(_UPDATE_WORD.search(line[:start])))


def head_stamp(head: Sequence[str]) -> Stamp | None:
    """The page's own stamp among the lines it showed before its main text (removed as chrome),
    or None: none there, or stamp lines that recur between other lines as a list's do (a second
    one next to the first, or one dating an update, belongs with it)."""
    found = [(k, stamp) for k, line in enumerate(head) if (stamp := line_stamp(line))]
    if not found:
        return None
    first_at, first = found[0]
    for k, stamp in found[1:]:
        if k - first_at > 1 and not stamp.updated:
            return None
    return first
