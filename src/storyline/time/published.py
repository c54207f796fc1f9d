"""Publication dates that the metadata did not give: a dateline, or an inference from the text.

An inferred date is a range the publication must lie in, plus a best day and a confidence. The
evidence is what the article itself states (never a removed boilerplate line), how its weekdays
fit the calendar, and the dates of other articles of the same story. A confident wrong date is
worse than none, so confidence reaches 0.5 only when a stated date pins the very day (a dateline,
"yesterday, 5 March 2020"); window edges and "published within days" priors stay below it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.time import patterns as pt
from storyline.time.expressions import DAY_OFFSETS, TimeExpression, find_time_expressions
from storyline.time.relative import safe_date
from storyline.time.stamps import Stamp, head_stamp, publication_stamp
from storyline.time.tense import FUTURE, infer_tense

# Days a story's undated article may lie before its earliest / after its latest dated article.
STORY_DAYS_BEFORE = 1
STORY_DAYS_AFTER = 3
# A bare weekday ("agreed on Monday") names a day at most this many days before publication.
WEEKDAY_REACH = 6
# A wire copy ("MOSCOW, March 5 (Levant Wire) –") can appear this many days after the wire.
COPY_DAYS = 2
# Years searched for a "Monday, 3 December" without a year when the text gives no earlier year.
YEARS_BACK = 30

# day words that look back from the publication day ("yesterday"), from the resolver's table
_DAY_WORD_OFFSETS = {word: offset for word, offset in DAY_OFFSETS.items() if offset <= 0}
_MONTH_NAMES = "|".join(sorted(pt.MONTHS, key=len, reverse=True))
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z\u00C0-\u00DE\u011E\u0130\u015E][A-Za-z\u00C0-\u024F.'’ -]{1,40}?)"
    r"(?P<region>(?:,\s*(?!(?i:" + _MONTH_NAMES + r")\.?\s+\d)"
    r"[A-Z][A-Za-z\u00C0-\u024F.'’ -]{1,30}?){0,2})"
    r"(?:,\s*(?P<date>(?:(?P<month_a>(?i:" + _MONTH_NAMES + r"))\.?\s+(?P<day_a>\d{1,2})"
    r"|(?P<day_b>\d{1,2})\s+(?P<month_b>(?i:" + _MONTH_NAMES + r"))\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?))?"
    r"(?:,\s*(?P<agency>[A-Z]{2,10}))?"
    r"\s*(?:\((?P<credit>[^()\n]{2,40})\))?"
    r"(?P<sep>\s*[–—-]{1,2}\s+|--(?=[A-Z])|\s*:\s+|\s+[\"“”]\s*)")
"""A dateline: a place (a region, a date, an agency), then a dash, a colon or, after an
agency's brackets, the stray quote a mis-decoded dash leaves: "MOSCOW, March 5 (Wire) – ",
"KABUL (Pajhwok): ", "Tehran, March 15, IRNA - ", "Cebu City--", "WASHINGTON (AP) \" "."""
_LAST_MONTH = re.compile(r"(?:last|this past)\s+(?P<month>" + _MONTH_NAMES.lower() + r")")
_ADJACENT_GAP = re.compile(r"^[\s,()–—-]{0,4}$")
_BOILERPLATE_LINE = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)


@dataclass(frozen=True)
class PublishedDate:
    """A publication date, stated or inferred, with the range it must lie in and why."""

    value: str | None
    """YYYY-MM-DD, or None when the evidence does not pin a day."""
    basis: str | None
    """metadata, url, html, text, inferred, or None."""
    earliest: str | None
    latest: str | None
    confidence: float
    """1.0 for stated dates; below 1 for inferred ones; below 0.5 for best guesses; for a range
    without a pinned day, how much the range says (a stated date starts it: up to 0.3; only a
    year mentioned: 0.1); 0 when nothing is known."""
    evidence: list[str]
    estimate: str | None = None
    """The likeliest day when `value` is not pinned (publication soon after the latest past
    reference); never a date to publish, only to compare articles by."""

    @property
    def best(self) -> str | None:
        """`value` when pinned, else `estimate`."""
        return self.value or self.estimate


@dataclass(frozen=True)
class Dateline:
    """The place-and-date opening of a news story, "MOSCOW, March 5 (Levant Wire) –"."""

    text: str
    place: str
    month: int | None
    day: int | None
    year: int | None
    credit: str | None
    """The agency named in brackets (or after the date): the date is that agency's, a copy may
    appear later."""
    end: int = 0
    """Where the dateline ends in the text: the story starts there."""


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of `text`, with or without a date; None when there is none."""
    match = _DATELINE.match(text)
    if match is None or not _is_dateline(match):
        return None
    month_name = match["month_a"] or match["month_b"]
    month = pt.MONTHS[month_name.lower()] if month_name else None
    day_text = match["day_a"] or match["day_b"]
    day = int(day_text) if day_text else None
    if month is not None and day is not None and safe_date(2000, month, day) is None:
        return None
    credit = (match["credit"] or match["agency"] or "").strip() or None
    return Dateline(text=match.group().strip(" –—-:\"“”"), place=match["place"].strip(),
                    month=month, day=day, year=int(match["year"]) if match["year"] else None,
                    credit=credit, end=match.end())


STORY_LABELS = frozenset({
    "update", "updated", "breaking", "watch", "exclusive", "note", "analysis", "opinion",
    "editorial", "comment", "photos", "photo", "video", "live", "listen", "read", "factbox",
    "explainer", "correction", "urgent", "flash", "alert", "summary", "interview", "review",
})
"""Capitalised labels a story may open with before a colon ("UPDATE:", "EDITOR'S NOTE:"):
kinds of text, not places."""


def _is_dateline(match: re.Match[str]) -> bool:
    """A place in capitals opens a dateline before any separator. A place in ordinary case
    ("Tehran", "Cebu City") only with a date or an agency after it, or a double dash glued to
    the story ("Cebu City--Police"): "Kim Jong Un – the leader –" is no dateline. A colon
    follows a place in capitals or an agency; a quote only an agency's brackets."""
    place = match["place"].strip()
    words = place.replace("-", " ").split()
    capitals = place.replace(" ", "").isupper()
    sep = match["sep"].strip()
    marked = bool(match["date"] or match["agency"] or match["credit"])
    if not capitals:
        if len(words) > 4 or not all(w[0].isupper() for w in words):
            return False
        if not (marked or sep == "--" and not match["sep"][0].isspace()):
            return False
    if sep == ":" and not (match["credit"] or match["agency"]) and (
            not capitals or words[-1].casefold() in STORY_LABELS):
        return False
    return not (sep in ('"', "“", "”") and not match["credit"])


def dateline_end(text: str) -> int:
    """Where the dateline opening `text` ends (0 when there is none): the story starts there."""
    line = parse_dateline(text)
    return line.end if line is not None else 0


def dateline_date(text: str, hint_year: int | None = None) -> PublishedDate | None:
    """The date of the dateline opening `text`; without a written year, `hint_year` gives it.

    None when the text opens with no dated dateline; value None when it has a month and day
    but no year is known. A credited dateline is the agency's date, so the range reaches
    `COPY_DAYS` later and the confidence stays below 0.5.
    """
    line = parse_dateline(text)
    if line is None or line.month is None or line.day is None:
        return None
    year = line.year or hint_year
    evidence = [f"dateline '{line.text}'"]
    found = safe_date(year, line.month, line.day) if year else None
    if found is None:
        return PublishedDate(None, None, None, None, 0.0, evidence)
    if line.credit:
        latest = found + timedelta(days=COPY_DAYS)
        return PublishedDate(found.isoformat(), "text", found.isoformat(), latest.isoformat(),
                             0.45, [*evidence, f"credited to {line.credit}: a copy may be later"])
    confidence = 1.0 if line.year else 0.9
    if not line.year:
        evidence.append(f"year {year} from the hint")
    return PublishedDate(found.isoformat(), "text", found.isoformat(), found.isoformat(),
                         confidence, evidence)


# --- what the article states --------------------------------------------------------------------

@dataclass(frozen=True)
class _Stated:
    """A date the article writes, full or without its year."""

    expression: TimeExpression
    month: int
    day: int
    weekday: int | None
    full: date | None
    future: bool


@dataclass
class _Evidence:
    full: list[_Stated]
    partial: list[_Stated]
    weekdays: set[int]
    """Bare weekdays of past or undecided tense ("said on Monday")."""
    day_words: list[TimeExpression]
    floor_year: int | None
    recency: list[str]
    """Words that place some event a few days before publication."""
    floor_month: date | None = None
    """First day of the latest past month written with its year ("in March 2019")."""
    last_months: list[tuple[int, str]] | None = None
    """Months named as "last September": the latest such month before publication."""
    stated_months: list[date] | None = None
    """First days of the months of past dates written with their year."""


def mask_removed(text: str, removed_lines: Sequence[str]) -> str:
    """`text` with every removed line and every copyright line blanked (offsets unchanged), so a
    boilerplate date can never count even if the caller passes uncleaned text."""
    removed = {" ".join(line.split()) for line in removed_lines if line.strip()}
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if " ".join(body.split()) in removed or _BOILERPLATE_LINE.search(body):
            line = " " * len(body) + line[len(body):]
        out.append(line)
    return "".join(out)


def _parts(expression: TimeExpression) -> tuple[int, int, int | None] | None:
    for pattern in (pt.DAY_MONTH, pt.MONTH_DAY):
        found = pattern.fullmatch(expression.text)
        if found is not None:
            weekday = pt.WEEKDAYS[found["weekday"].lower().rstrip(".")] if found["weekday"] \
                else None
            return pt.MONTHS[found["month"].lower().rstrip(".")], int(found["day"]), weekday
    return None


def _expressions(text: str) -> list[TimeExpression]:
    """All time expressions of the text, none resolved (no publication date is known)."""
    return find_time_expressions(text, None)


def _gather(text: str) -> _Evidence:
    evidence = _Evidence([], [], set(), [], None, [], None, [])
    years: list[int] = []
    months: list[date] = []
    stated_months: list[date] = []
    for found in _expressions(text):
        if found.kind != "date":
            continue
        future = infer_tense(text, found.start, found.end) == FUTURE
        if found.basis == "absolute" and found.value:
            if not future:
                years.append(int(found.value[:4]))
                if found.precision == "month":
                    months.append(date.fromisoformat(found.value + "-01"))
                if found.precision in ("month", "day"):
                    stated_months.append(date.fromisoformat(found.value[:7] + "-01"))
            if found.precision == "day":
                full = date.fromisoformat(found.value)
                evidence.full.append(_Stated(found, full.month, full.day, None, full, future))
            continue
        parts = _parts(found)
        if parts is not None:
            evidence.partial.append(_Stated(found, *parts, None, future))
            continue
        lowered = " ".join(found.text.lower().split())
        last_month = _LAST_MONTH.fullmatch(lowered)
        if last_month is not None and evidence.last_months is not None:
            evidence.last_months.append((pt.MONTHS[last_month["month"]], found.text))
            continue
        weekday = pt.WEEKDAY.fullmatch(found.text)
        if weekday is not None and weekday["rel"] is None and not future:
            evidence.weekdays.add(pt.WEEKDAYS[weekday["weekday"].lower()])
            evidence.recency.append(found.text)
        elif lowered in _DAY_WORD_OFFSETS:
            evidence.day_words.append(found)
            evidence.recency.append(found.text)
        elif re.search(r"\b(ago|last week|this week|this month|last month)\b", lowered):
            evidence.recency.append(found.text)
    evidence.floor_year = max(years) if years else None
    evidence.floor_month = max(months) if months else None
    evidence.stated_months = sorted(set(stated_months))
    return evidence


# --- inference ---------------------------------------------------------------------------------

@dataclass
class _Range:
    earliest: date | None = None
    latest: date | None = None
    evidence: list[str] | None = None

    def __post_init__(self) -> None:
        self.evidence = self.evidence or []

    def after(self, day: date, why: str) -> None:
        if self.earliest is None or day > self.earliest:
            self.earliest = day
        assert self.evidence is not None
        self.evidence.append(why)

    def before(self, day: date, why: str) -> None:
        if self.latest is None or day < self.latest:
            self.latest = day
        assert self.evidence is not None
        self.evidence.append(why)

    @property
    def empty(self) -> bool:
        return self.earliest is not None and self.latest is not None and \
            self.earliest > self.latest

    def width(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1


def _story_window(story_dates: Sequence[str]) -> tuple[date, date, list[date]] | None:
    days = sorted(d for d in (_parse_day(s) for s in story_dates) if d is not None)
    if not days:
        return None
    return (days[0] - timedelta(days=STORY_DAYS_BEFORE),
            days[-1] + timedelta(days=STORY_DAYS_AFTER), days)


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def _weekday_years(stated: _Stated, floor_year: int | None, today: date,
                   window: tuple[date, date] | None) -> list[date]:
    """The dates a "Monday, 3 December" can be: that weekday on that day, in the years allowed."""
    if window is not None:
        years = range(window[0].year - 1, window[1].year + 1)
    else:
        years = range(floor_year or today.year - YEARS_BACK, today.year + 1)
    fitting = [d for y in years if (d := safe_date(y, stated.month, stated.day))
               and d.weekday() == stated.weekday and d <= today]
    if window is not None:  # a past date within a year before the story, or a date in it
        fitting = [d for d in fitting if window[0] - timedelta(days=366) <= d <= window[1]]
    return fitting


def _year_for(month: int, day: int, window: tuple[date, date]) -> date | None:
    """A year-less date in a story: that day in the year that puts it nearest the window."""
    found = [d for y in range(window[0].year - 1, window[1].year + 2)
             if (d := safe_date(y, month, day)) is not None]
    return min(found, key=lambda d: max((window[0] - d).days, (d - window[1]).days, 0),
               default=None)


def _full_dates(evidence: _Evidence, window: tuple[date, date] | None, today: date,
                notes: list[str], open_fits: list[date]) -> list[_Stated]:
    """Written full dates plus year-less ones whose year the weekday or the story decides; a
    weekday-and-date pair that fits several years adds its earliest fit to `open_fits`."""
    dated = list(evidence.full)
    for stated in evidence.partial:
        if stated.weekday is not None:
            fitting = _weekday_years(stated, evidence.floor_year, today, window)
            names = ", ".join(str(d.year) for d in fitting[-4:]) or "no year"
            if len(fitting) == 1:
                notes.append(f"'{stated.expression.text}' fits only {fitting[0].isoformat()}")
                dated.append(_Stated(stated.expression, stated.month, stated.day,
                                     stated.weekday, fitting[0], stated.future))
            else:
                notes.append(f"'{stated.expression.text}' fits {names}: year not pinned")
                if fitting and not stated.future:
                    open_fits.append(fitting[0])
        elif window is not None and (found := _year_for(stated.month, stated.day, window)):
            if found > window[1] and not stated.future:
                continue  # a deadline ("by 10 October") whose tense the words did not show
            dated.append(_Stated(stated.expression, stated.month, stated.day, None, found,
                                 stated.future))
    return dated


def _adjacent_day_word(anchor: _Stated, day_words: list[TimeExpression], text: str) -> int | None:
    """"yesterday, 5 March 2020": a day word written right beside the date gives the offset."""
    for word in day_words:
        start, end = anchor.expression.start, anchor.expression.end
        gap = text[word.end:start] if word.end <= start else text[end:word.start]
        if _ADJACENT_GAP.match(gap):
            return _DAY_WORD_OFFSETS[" ".join(word.text.lower().split())]
    return None


def _dateline_year(line: Dateline, window: tuple[date, date] | None,
                   latest_full: date | None) -> tuple[date, str] | None:
    assert line.month is not None and line.day is not None
    if line.year:
        found = safe_date(line.year, line.month, line.day)
        return (found, "year written") if found else None
    if window is not None:
        for year in range(window[0].year - 1, window[1].year + 2):
            found = safe_date(year, line.month, line.day)
            if found and window[0] - timedelta(days=3) <= found <= window[1]:
                return found, "year from the story's dates"
    if latest_full is not None:
        for year in (latest_full.year, latest_full.year + 1):
            found = safe_date(year, line.month, line.day)
            if found and 0 <= (found - latest_full).days <= 31:
                return found, f"year from the stated date {latest_full.isoformat()}"
    return None


def _result(span: _Range, value: date | None, confidence: float,
            today: date, estimate: date | None = None) -> PublishedDate:
    """`confidence` is the value's, or without a value the range's (kept below 0.5)."""
    if value is not None and value >= today:
        value, confidence = None, 0.0  # evidence never points at today or later: distrust it
    if estimate is not None and estimate >= today:
        estimate, confidence = None, 0.0
    if value is None:
        confidence = min(confidence, 0.3) if (span.earliest or span.latest) else 0.0
    assert span.evidence is not None
    return PublishedDate(value.isoformat() if value else None, "inferred" if value else None,
                         span.earliest.isoformat() if span.earliest else None,
                         span.latest.isoformat() if span.latest else None,
                         round(confidence, 2), list(span.evidence),
                         estimate.isoformat() if estimate and not value else None)


def infer_published(text: str, removed_lines: Sequence[str] = (), *,
                    story_dates: Sequence[str] = (), removed_head: int = 0) -> PublishedDate:
    """Infer when an undated article appeared: a day with a confidence, or only a range.

    Evidence: the latest full date the article states outside boilerplate, weekday fits of
    year-less dates, a dateline, bare weekdays near that date, and `story_dates` (publication
    dates of dated articles of the same story). Of the removed lines only the page's own
    stamp counts, found among the first `removed_head` (those the page showed before its main
    text). The clock only caps year searches.
    """
    today = date.today()
    masked = mask_removed(text, removed_lines)
    evidence = _gather(masked)
    story = _story_window(story_dates)
    window = (story[0], story[1]) if story else None
    span = _Range()
    if story is not None:
        span.after(story[0], f"story dates {story[2][0].isoformat()}..{story[2][-1].isoformat()}")
        span.before(story[1], f"at most {STORY_DAYS_AFTER} days after the story's last date")
    notes: list[str] = []
    open_fits: list[date] = []
    dated = _full_dates(evidence, window, today, notes, open_fits)
    past = [s for s in dated if not s.future and s.full is not None]
    anchor = max(past, key=lambda s: s.full or date.min) if past else None
    for stated in dated:
        if stated.future and stated.full is not None and (
                anchor is None or anchor.full is None or stated.full >= anchor.full):
            span.before(stated.full, f"'{stated.expression.text}' lies ahead")
    if anchor is not None and anchor.full is not None:
        span.after(anchor.full, f"latest stated date '{anchor.expression.text}'")
    assert span.evidence is not None
    span.evidence.extend(notes)
    if evidence.floor_month and (span.earliest is None or span.earliest < evidence.floor_month):
        span.after(evidence.floor_month, f"mentions {evidence.floor_month.strftime('%B %Y')}")
    if evidence.floor_year and span.earliest is None:
        span.after(date(evidence.floor_year, 1, 1), f"mentions {evidence.floor_year}")
    _bound_by_last_month(evidence, span)

    stamp = head_stamp(removed_lines[:removed_head]) or publication_stamp(masked)
    if stamp is not None:
        return _from_stamp(stamp, span, window, today)
    line = parse_dateline(masked)
    if line is not None and line.month is not None and line.day is not None:
        pinned = _dateline_year(line, window, anchor.full if anchor else None)
        if pinned is not None:
            return _from_dateline(line, pinned, span, today)
        span.evidence.append(f"dateline '{line.text}' without a known year")
        if evidence.floor_year is not None:
            return _from_yearless_dateline(line, evidence.floor_year, span, today)

    if span.empty:
        span.evidence.append("the evidence conflicts")
        return _result(_Range(evidence=span.evidence), None, 0.0, today)
    if anchor is not None and anchor.full is not None:
        offset = _adjacent_day_word(anchor, evidence.day_words, masked)
        if offset is not None:
            return _from_day_word(anchor, offset, span, today)
    if story is not None:
        return _from_story(story[2], evidence, span, today)
    if anchor is not None and anchor.full is not None:
        return _from_anchor(anchor, evidence, span, today)
    return _from_range(evidence, span, open_fits, today)


def _from_stamp(stamp: Stamp, span: _Range, window: tuple[date, date] | None,
                today: date) -> PublishedDate:
    """A date-and-clock stamp at the head of the text ("Tue Jun 28, 2011 10:21 am EDT") is the
    publication (an update stamp: that day or the day before); a story's dates outrank it."""
    assert span.evidence is not None
    notes = [*span.evidence, f"stamp '{stamp.text}'"]
    if window is not None and not window[0] <= stamp.day <= window[1]:
        return _result(_Range(window[0], window[1], [*notes, "stamp outside the story's dates"]),
                       None, 0.2, today, window[0])
    if stamp.updated:
        return _result(_Range(stamp.earliest, stamp.day, [*notes, "an update: published then "
                                                                   "or the day before"]),
                       stamp.day, 0.6, today)
    return _result(_Range(stamp.day, stamp.day, notes), stamp.day, 0.9, today)


def _from_yearless_dateline(line: Dateline, floor_year: int, span: _Range,
                            today: date) -> PublishedDate:
    """"MOSCOW, March 5 –" in a text that mentions 2019: publication is on that day in 2019 or
    a later year, so the range starts there and stays open. The latest year an article
    mentions is often background ("the worst since 1939"), not the year of its dateline."""
    assert line.month is not None and line.day is not None
    for year in (floor_year, floor_year + 1):
        found = safe_date(year, line.month, line.day)
        if found is not None and (span.earliest is None or found >= span.earliest):
            notes = [*(span.evidence or []),
                     f"on or after {found.isoformat()} (the latest year mentioned is {floor_year})"]
            return _result(_Range(found, None, notes), None, 0.1, today, found)
    return _result(span, None, 0.1, today, span.earliest)


def _bound_by_last_month(evidence: _Evidence, span: _Range) -> None:
    """"last September" beside a written "September 2018": that was the latest September before
    publication, so publication lies after it and no later than the next September."""
    for month, words in evidence.last_months or []:
        named = [m for m in evidence.stated_months or [] if m.month == month]
        if not named:
            continue
        first = max(named)
        end = (date(first.year + 1, month % 12 + 1, 1) if month < 12
               else date(first.year + 2, 1, 1)) - timedelta(days=1)
        span.after(first, f"'{words}' is {first.strftime('%B %Y')}")
        span.before(end, f"'{words}': published before the next {first.strftime('%B')} ended")


def _from_range(evidence: _Evidence, span: _Range, open_fits: list[date],
                today: date) -> PublishedDate:
    """No day pinned: the range alone, its start as the estimate (news follows its latest past
    reference), with a confidence that says how narrow and how direct the evidence is."""
    fit = min(open_fits, default=None)
    if fit is not None and (span.earliest is None or fit > span.earliest):
        span.after(fit, f"earliest year the weekday-and-date pair fits: {fit.isoformat()}")
    if span.empty:
        return _result(_Range(evidence=[*(span.evidence or []), "the evidence conflicts"]),
                       None, 0.0, today)
    if span.earliest is None and span.latest is None:
        return _result(span, None, 0.0, today)
    width = span.width()
    if width is not None and width <= 400:
        confidence = 0.3 if width <= 31 else 0.2
    elif span.earliest is not None and evidence.floor_month == span.earliest:
        confidence = 0.15
    elif fit is not None and span.earliest == fit:
        near = evidence.floor_year is not None and fit.year - evidence.floor_year <= 2
        confidence = 0.2 if near else 0.05  # a year mentioned just before pins the fit
    else:
        confidence = 0.1
    estimate = span.earliest or span.latest
    year_only = evidence.floor_year is not None and span.latest is None and \
        span.earliest == date(evidence.floor_year, 1, 1) and not open_fits
    if year_only:
        estimate = date(evidence.floor_year, 7, 1)  # only a year: its middle
    return _result(span, None, confidence, today, estimate)
def _from_dateline(line: Dateline, pinned: tuple[date, str], span: _Range,
                   today: date) -> PublishedDate:
    found, why = pinned
    assert span.evidence is not None
    notes = [*span.evidence, f"dateline '{line.text}' ({why})"]
    if span.earliest is not None and found < span.earliest - timedelta(days=1):
        return _result(_Range(span.earliest, span.latest, [*notes, "dateline before other "
                                                            "evidence"]), None, 0.0, today)
    if line.credit:
        latest = found + timedelta(days=COPY_DAYS)
        notes.append(f"credited to {line.credit}: a copy may appear up to {COPY_DAYS} days later")
        return _result(_Range(found, latest, notes), found, 0.45, today)
    confidence = 0.8 if why != "year written" else 0.95
    if why.startswith("year from the stated"):
        confidence = 0.6
    return _result(_Range(found, found, notes), found, confidence, today)


def _from_day_word(anchor: _Stated, offset: int, span: _Range, today: date) -> PublishedDate:
    """"yesterday, 5 March 2020" says both the event's date and how far back it was."""
    assert anchor.full is not None and span.evidence is not None
    day = anchor.full - timedelta(days=offset)
    span.evidence.append(f"day word beside '{anchor.expression.text}'")
    if (span.earliest and day < span.earliest) or (span.latest and day > span.latest):
        return _result(_Range(evidence=[*span.evidence, "the evidence conflicts"]), None, 0.0,
                       today)
    return _result(_Range(day, day, span.evidence), day, 0.75, today)


def _from_anchor(anchor: _Stated, evidence: _Evidence, span: _Range,
                 today: date) -> PublishedDate:
    """No story: the latest stated date starts the range; a bare weekday on it closes it."""
    assert anchor.full is not None and span.evidence is not None
    if span.earliest is not None and span.earliest > anchor.full:
        span.evidence.append(f"a later month is written: '{anchor.expression.text}' is older news")
        return _from_range(evidence, span, [], today)
    if anchor.full.weekday() in evidence.weekdays or anchor.weekday is not None:
        span.before(anchor.full + timedelta(days=WEEKDAY_REACH),
                    f"a bare weekday names {anchor.full.strftime('%A')}: recent news")
        return _result(span, span.earliest, 0.4, today)
    if not evidence.recency:
        span.evidence.append("no later event named: the stated date is the news")
        return _result(span, anchor.full, 0.3, today)
    span.evidence.append(f"later events named ({', '.join(evidence.recency[:3])}) without a date")
    return _result(span, None, 0.25, today, anchor.full)


def _from_story(days: list[date], evidence: _Evidence, span: _Range,
                today: date) -> PublishedDate:
    """A bare weekday naming a day next to the story's dates starts the range there."""
    assert span.earliest is not None and span.latest is not None and span.evidence is not None
    first, last = days[0] - timedelta(days=1), days[-1] + timedelta(days=1)
    named = [first + timedelta(days=k) for k in range((last - first).days + 1)
             if (first + timedelta(days=k)).weekday() in evidence.weekdays]
    if named:
        event = max(named)
        span.after(event, f"a bare weekday names {event.strftime('%A')} {event.isoformat()}")
        span.before(event + timedelta(days=WEEKDAY_REACH), "a bare weekday is within the week")
    if span.empty:
        return _result(_Range(evidence=[*(span.evidence or []), "the evidence conflicts"]),
                       None, 0.0, today)
    width = span.width() or 99
    confidence = 0.45 if width <= 2 else 0.35 if width <= 4 else 0.25
    best = max(span.earliest, min(days[0], span.latest))  # the story's first day if allowed
    return _result(span, best, confidence, today)
