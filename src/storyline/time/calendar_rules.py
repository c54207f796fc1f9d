"""Rules for calendar dates: written dates, months, years, seasons, weekdays, weeks and the
offsets counted from publication ("yesterday", "two weeks ago", "next month").

Each rule turns a match of its `patterns.py` pattern into a `TimeExpression` with its day-level
date and its TIMEX3 value, or None when the match is not a time ("may" the verb, "in 2000
cases"). Direction follows `relative.py`, with the tense given or guessed by `tense.py`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.time import patterns as pt
from storyline.time import relative as cal
from storyline.time import values as tv
from storyline.time.core import (
    ABSOLUTE,
    AMBIGUOUS_MONTHS,
    DAY,
    MONTH,
    RELATIVE,
    UNIT_PRECISION,
    YEAR,
    Context,
    TimeExpression,
    count,
    edge_mod,
    edge_of_year,
    key,
    make,
    part,
    relation,
)
from storyline.time.tense import FUTURE, PAST

# --- written dates -----------------------------------------------------------------------------


def iso(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    found = cal.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return make(m, found, DAY, ABSOLUTE) if found else None


def numeric(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """Day-first ("05/03/2020" is 5 March) unless that is impossible ("03/25/2020")."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["year"])
    found = cal.safe_date(year, second, first) or cal.safe_date(year, first, second)
    return make(m, found, DAY, ABSOLUTE) if found else None


def day_and_month(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    month, day = pt.MONTHS[key(m["month"])], int(m["day"])
    if m["year"]:
        found = cal.safe_date(int(m["year"]), month, day)
        return make(m, found, DAY, ABSOLUTE) if found else None
    if not 1 <= day <= 31 or cal.safe_date(2000, month, day) is None:
        return None
    if ctx.published is None:
        return make(m, None, DAY, RELATIVE, timex=f"XXXX-{month:02d}-{day:02d}")
    weekday = pt.WEEKDAYS[key(m["weekday"])] if m["weekday"] else None
    found = cal.day_in_year(ctx.published, month, day, _tense_for_day(ctx, m, month, day),
                            weekday)
    return make(m, found, DAY, RELATIVE)


def _tense_for_day(ctx: Context, m: re.Match[str], month: int, day: int) -> str | None:
    """A day and month written without a year within two months of publication are that
    nearest day whatever the verb (a deadline "set for Nov. 10" in a 2 November article is
    this year's); farther away the tense chooses between this year's and the other."""
    assert ctx.published is not None
    candidates = [d for y in (ctx.published.year - 1, ctx.published.year,
                              ctx.published.year + 1) if (d := cal.safe_date(y, month, day))]
    return cal.tense_unless_near(candidates, ctx.published, lambda: ctx.tense_at(m))


def month_and_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    return make(m, cal.month_value(int(m["year"]), pt.MONTHS[key(m["month"])]), MONTH,
                ABSOLUTE, mod=edge_mod(part(m)))


def month_relative_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"January this year", "June last year": the month of the year named from publication."""
    if ctx.published is None:
        return make(m, None, MONTH, RELATIVE)
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return make(m, cal.month_value(year, pt.MONTHS[key(m["month"])]), MONTH, RELATIVE)


def month_alone(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    name = m["month"]
    has_context = bool(m["part"] or m["rel"] or m["poss"]) or (
        ctx.word_before(m) in pt.TEMPORAL_PREPOSITIONS)
    if not has_context:
        after = ctx.word_after(m)
        if name in AMBIGUOUS_MONTHS or (after[:1].isupper()) or ctx.word_before(m) not in (
                "the", "a", "an", "its", "their", "his", "her", "our"):
            return None  # "a June agreement", "the March vote" name their month
    month = pt.MONTHS[name.lower()]
    mod = edge_mod(part(m))
    if ctx.published is None:
        return make(m, None, MONTH, RELATIVE, timex=f"XXXX-{month:02d}", mod=mod)
    year = cal.month_year(ctx.published, month, relation(m), _tense_for_month(ctx, m, month))
    return make(m, cal.month_value(year, month), MONTH, RELATIVE, mod=mod)


def _tense_for_month(ctx: Context, m: re.Match[str], month: int) -> str | None:
    """The month just before or after publication is the nearest one whatever the verb
    ("until mid-November" in an October article); farther away the tense decides."""
    assert ctx.published is not None
    ahead = (month - ctx.published.month) % 12
    return None if ahead in (1, 11) else ctx.tense_at(m)


# Plural nouns a year commonly modifies ("1990 earnings", "the 2019 elections"); before any other
# plural a bare four-digit number is a count ("2000 protesters").
_YEAR_MODIFIED_PLURALS = frozenset({
    "earnings", "results", "figures", "sales", "profits", "revenues", "losses", "elections",
    "polls", "levels", "prices", "forecasts", "estimates", "games", "olympics", "accounts",
    "budgets", "talks", "floods", "riots", "protests", "attacks", "events", "accords",
})
_MODIFIED_NOUN_BEFORE = frozenset({"the", "its", "their", "his", "her", "our", "a", "an",
                                   "this", "that", "whose"})


def year_alone(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """A year after a time preposition, as a modifier ("the 1996 campaign", "its 1989
    results", "1990 earnings") or possessive; never a count ("in 2000 cases") or a sum."""
    after = ctx.word_after(m)
    if after.lower() in pt.COUNT_NOUNS or after in ("%", "percent") or ctx.text[
            max(0, m.start() - 1):m.start()] in ("$", "£", "€", "#"):
        return None
    if re.match(r"\.\d|\s*(?:-|–|to)\s*\d", ctx.text[m.end():m.end() + 3]) and not m["part"]:
        return None if ctx.word_before(m) not in pt.TEMPORAL_PREPOSITIONS else make(
            m, m["year"], YEAR, ABSOLUTE)
    before = ctx.word_before(m)
    possessive = re.search(r"['’]s\s*$", ctx.text[max(0, m.start() - 4):m.start()]) is not None
    modifier = (before in _MODIFIED_NOUN_BEFORE or possessive) and (after[:1].islower() or (
        after[:1].isupper() and after.lower() not in pt.MONTHS))
    bare_modifier = after[:1].islower() and after.lower() not in ("and", "or", "to", "of") and (
        not after.endswith("s") or after.lower() in _YEAR_MODIFIED_PLURALS)
    if not (m["part"] or m["poss"] or before in pt.TEMPORAL_PREPOSITIONS or modifier
            or (bare_modifier and before not in pt.NUMBERS)):
        return None
    value, precision = edge_of_year(part(m), int(m["year"]))
    return make(m, value, precision, ABSOLUTE, timex=m["year"], mod=edge_mod(part(m)))


def season(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    name, rel = m["season"].lower(), relation(m)
    mod = edge_mod(part(m))
    if m["year"]:
        return make(m, m["year"], YEAR, ABSOLUTE, timex=tv.season(int(m["year"]), name), mod=mod)
    if rel is None and (name == "fall" or ctx.word_before(m) != "the"):
        return None  # "prices fall", "spring water": a bare season needs "the"
    if ctx.published is None:
        return make(m, None, YEAR, RELATIVE, timex="XXXX-" + tv.SEASON_CODES[name], mod=mod)
    first, month, year = pt.SEASONS[name], ctx.published.month, ctx.published.year
    tense = ctx.tense_at(m)
    if name == "winter":
        value = _winter_year(ctx.published, rel, tense)
        return make(m, None, YEAR, RELATIVE, timex=tv.season(value, name), mod=mod)
    if rel in ("this past", "this coming"):
        rel = "the past" if rel == "this past" else "the coming"
    if rel in ("last", "the past") or (rel is None and tense == PAST):
        value = year if month > first + 2 or (rel is None and month >= first) else year - 1
    elif rel in ("next", "the coming") or (rel is None and tense == FUTURE):
        value = year if month < first or (rel is None and month <= first + 2) else year + 1
    else:
        value = year
    return make(m, f"{value:04d}", YEAR, RELATIVE, timex=tv.season(value, name), mod=mod)


def _winter_year(published: date, rel: str | None, tense: str | None) -> int:
    """The year of the December that opens the winter meant (a winter spans two years)."""
    month, year = published.month, published.year
    current = year if month == 12 else year - 1 if month <= 2 else None
    if rel in ("last", "the past", "this past"):
        return current - 1 if current is not None else year - 1
    if rel in ("next", "the coming", "this coming"):
        return current + 1 if current is not None else year
    if current is not None:
        return current
    if tense == FUTURE or (tense is None and month >= 9):
        return year
    return year - 1


def nth_of_month(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    after = ctx.word_after(m)
    if after and after.lower() not in pt.NTH_FOLLOWERS:
        return None
    if ctx.published is None:
        return make(m, None, DAY, RELATIVE, group="body")
    found = cal.day_in_month(ctx.published, int(m["day"]), ctx.tense_at(m))
    return make(m, found, DAY, RELATIVE, group="body") if found else None


# --- relative to publication -------------------------------------------------------------------

DAY_OFFSETS = {"today": 0, "tonight": 0, "earlier today": 0, "later today": 0,
               "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
               "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2,
               # the night that ends on the publication morning: dated to the publication day
               "overnight": 0}
_DAY_PARTS = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF",
              "this evening": "EV", "last night": "NI"}


def day_word(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = DAY_OFFSETS.get(word)
    if offset is None:
        return make(m, None, DAY, RELATIVE)
    found = ctx.published + timedelta(days=offset) if ctx.published else None
    code = _DAY_PARTS.get(word)
    if code is None:
        return make(m, found, DAY, RELATIVE)
    timex = (found.isoformat() if found else "XXXX-XX-XX") + "T" + code
    return make(m, found, DAY, RELATIVE, timex=timex, type="TIME")


_COORDINATED_PLURAL = re.compile(
    rf"\s*(?:,|and|or|&)\s+(?:{pt.WEEKDAY_FULL})(?:s\b|\s+(?P<part>morning|afternoon|evening|"
    r"night)s\b)", re.IGNORECASE)


def weekday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    rel = relation(m)
    after = ctx.word_after(m)
    if (rel is None and after[:1].isupper() and key(after) not in pt.MONTHS
            and ctx.word_before(m) != "on"):
        return None  # "the Sunday Times"
    day_index = pt.WEEKDAYS[m["weekday"].lower()]
    day_part = re.search(r"(morning|afternoon|evening|night)\s*$", m.group().lower())
    plural = _COORDINATED_PLURAL.match(ctx.text, m.end())
    if rel is None and plural:  # "on Monday and Tuesday nights": every Monday night too
        timex = f"XXXX-WXX-{day_index + 1}"
        if plural["part"]:
            timex += "T" + tv.PART_CODES[plural["part"].lower()]
        return make(m, None, DAY, RELATIVE, type="SET", timex=timex)
    found = None
    if ctx.published is not None:
        found = cal.weekday_date(ctx.published, day_index, rel, ctx.tense_at(m))
    timex = found.isoformat() if found else f"XXXX-WXX-{day_index + 1}"
    if day_part:
        return make(m, found, DAY, RELATIVE, type="TIME",
                    timex=timex + "T" + tv.PART_CODES[day_part.group(1)])
    return make(m, found, DAY, RELATIVE, timex=timex)


def weekend(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    if ctx.published is None:
        return make(m, None, DAY, RELATIVE, timex="XXXX-WXX-WE")
    saturday = cal.weekend_saturday(ctx.published, relation(m) or "the", ctx.tense_at(m))
    return make(m, saturday, DAY, RELATIVE, timex=tv.weekend(saturday))


_UNIT_OFFSETS = {"last": -1, "next": 1, "the coming": 1, "this": 0, "the": 0}
"""("in the" is read as "this": "earlier in the year" is this year's.)"""


def calendar_unit(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    rel, unit, edge = relation(m) or "", m["unit"].lower(), part(m)
    if rel == "in the":
        if edge not in ("earlier", "later"):
            return None  # only "earlier in the year", "later in the month"
        rel = "this"
    if rel == "the" and not edge:
        return None  # "the year" alone names no particular year
    mod = edge_mod(edge)
    precision = YEAR if unit == YEAR and not edge.startswith(("the end", "the beg", "the sta")) \
        else MONTH
    if ctx.published is None:
        return make(m, None, precision, RELATIVE, mod=mod)
    offset, pub = _UNIT_OFFSETS[rel], ctx.published
    if unit == "week":
        week = tv.iso_week(pub + timedelta(weeks=offset))
        return make(m, cal.week_month(pub, offset), MONTH, RELATIVE, timex=week, mod=mod)
    if unit == "month":
        return make(m, cal.month_value(*cal.shift_months(pub.year, pub.month, offset)), MONTH,
                    RELATIVE, mod=mod)
    value, precision = edge_of_year(edge, pub.year + offset)
    return make(m, value, precision, RELATIVE, timex=f"{pub.year + offset:04d}", mod=mod)


def offset_timex(published: date, amount: int, unit: str) -> str:
    """The TIMEX3 value `amount` units after publication (negative: before), at the unit's own
    granularity: "two weeks ago" is a week, "three years ago" a year."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "hour", "minute"):
        days = amount if unit == "day" else 0
        return (published + timedelta(days=days)).isoformat()
    if unit in ("week", "fortnight"):
        return tv.iso_week(published + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return cal.month_value(*cal.shift_months(published.year, published.month, amount))
    if unit == "quarter":
        return tv.quarter_from(published, amount)
    if unit == "decade":  # "a decade ago" is the year ten years back
        return f"{published.year + 10 * amount:04d}"
    return f"{published.year + amount:04d}"


def ago(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    amount = count(m["count"])
    unit = m["unit"].lower().rstrip("s")
    precision = UNIT_PRECISION[unit]
    if amount is None:
        return make(m, None, precision, RELATIVE, timex="PAST_REF")  # "several weeks ago"
    if ctx.published is None:
        return make(m, None, precision, RELATIVE)
    timex = offset_timex(ctx.published, -amount, unit)
    value, precision = _offset(ctx.published, -amount, unit)
    if unit == "year" and amount == 1:
        # "up from $10 million a year ago" after "the third quarter": that quarter last year
        ctx.anchored[m.span()] = ("shift", -1, "year", "quarter-if-last")
    return make(m, value, precision, RELATIVE, timex=timex, mod=_ago_mod(m))


def _ago_mod(m: re.Match[str]) -> str | None:
    """A point in the past named by a length: "more than a year ago" lies BEFORE the date a
    year back, "less than a year ago" AFTER it, "about a year ago" is APPROX."""
    words = m.groupdict().get("mod")
    mod = pt.MODS.get(re.sub(r"\s+", " ", words.lower())) if words else None
    return {"MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE", "LESS_THAN": "AFTER",
            "EQUAL_OR_LESS": "ON_OR_AFTER"}.get(mod or "", mod)


# "the highest level in two decades", "the first time in five years": a length, not a date
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{3,}est|first|most|least|worst|best|only)\b[^.;]*$",
                          re.IGNORECASE)


def in_future(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    amount = count(m["count"])
    unit = m["unit"].lower().rstrip("s")
    precision = UNIT_PRECISION[unit]
    superlative = _SUPERLATIVE.search(ctx.text[max(0, m.start() - 40):m.start()])
    if ctx.tense_at(m) == PAST or superlative:  # "built in two weeks", "highest in two decades"
        return make(m, None, precision, RELATIVE, "duration", timex=tv.duration(amount, unit),
                    group="body")
    if amount is None:
        return make(m, None, precision, RELATIVE, timex="FUTURE_REF")
    if ctx.published is None:
        return make(m, None, precision, RELATIVE)
    value, precision = _offset(ctx.published, amount, unit)
    return make(m, value, precision, RELATIVE, timex=offset_timex(ctx.published, amount, unit))


def from_now(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Two weeks from now", "a year hence": counted forward from publication."""
    amount = count(m["count"])
    unit = m["unit"].lower().rstrip("s")
    if amount is None:
        return make(m, None, UNIT_PRECISION[unit], RELATIVE, timex="FUTURE_REF")
    if ctx.published is None:
        return make(m, None, UNIT_PRECISION[unit], RELATIVE)
    value, precision = _offset(ctx.published, amount, unit)
    return make(m, value, precision, RELATIVE, timex=offset_timex(ctx.published, amount, unit))


def _offset(published: date, amount: int, unit: str) -> tuple[str, str]:
    """The date `amount` units after publication (negative: before), at the unit's precision."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "week", "fortnight", "hour", "minute"):
        days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0) * amount
        return (published + timedelta(days=days)).isoformat(), DAY
    if unit == "month":
        return cal.month_value(*cal.shift_months(published.year, published.month, amount)), MONTH
    years = amount * (10 if unit == "decade" else 1)
    return f"{published.year + years:04d}", YEAR


_ANCHOR_UNIT = re.compile(
    r"(day|week|fortnight|month|quarter|year|decade|morning|evening|night|hour|minute)")
_FORWARD = re.compile(r"\b(later|after|following|next)\b", re.IGNORECASE)


def anchored(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Two days later", "the following week", "a year earlier": dated from the time the text
    spoke of last (see `anchors.py`), not from publication."""
    if ctx.word_before(m) in ("for", "over", "within", "during", "lasted"):
        return None  # "for three weeks after the siege" is a length of time
    words = m.group().lower()
    unit_match = _ANCHOR_UNIT.search(words)
    unit = unit_match.group(1) if unit_match else "day"
    if unit in ("morning", "evening", "night"):
        unit = "day"
    written_count = m.groupdict().get("count")
    amount = count(written_count) if written_count else None
    vague = bool(written_count) and amount is None and _VAGUE_COUNT.match(written_count) is None
    if amount is None and re.match(r"(?:an?|one)\b", words) and not vague:
        amount = 1
    if amount is None:
        amount = 0 if "same" in words or words.startswith("that") else 1
    # A counted length shorter than a year before "later" / "earlier" ("three days later", "a
    # few weeks earlier") is, in TimeML, the length between two happenings: a DURATION (P3D,
    # PXW) whose day-level date is still the day it leads to. "A year earlier" in news names
    # the comparison period (the year-ago quarter) and stays a DATE.
    if vague:
        return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(None, unit))
    length = tv.duration(amount, unit) if written_count and unit in _LENGTH_UNITS else None
    forward = _FORWARD.search(words) is not None
    # "the following week" names a week; "a week later" a day a week on
    at_unit = not written_count and unit in ("week", "month", "year", "decade")
    ctx.anchored[m.span()] = ("shift", amount if forward else -amount, unit) + (
        ("at-unit",) if at_unit else ("length", length) if length else ())
    precision = UNIT_PRECISION.get(unit, DAY) if unit != "quarter" else YEAR
    return make(m, None, precision, RELATIVE)


def anchored_weekday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Down 4.5% from the previous Friday", "the following Monday": the named weekday before
    (or after) the day the text spoke of last, else before (after) publication."""
    forward = m["rel"].lower() in ("following", "next")
    ctx.anchored[m.span()] = ("weekday", 1 if forward else -1, pt.WEEKDAYS[m["weekday"].lower()])
    return make(m, None, DAY, RELATIVE)


_VAGUE_COUNT = re.compile(r"(?i)(?:an?|one)$")
_LENGTH_UNITS = frozenset({"day", "week", "fortnight", "month", "hour", "minute"})


def day_part(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Yesterday morning", "later this afternoon", "mid-afternoon": a part of a day, TIME."""
    name = (m["part"] or m["part2"]).lower()
    rel = (m["rel"] or "").lower()
    edge = (m["edge"] or m["edge2"] or "").lower()
    if not rel and not edge and not m["dayword"]:
        return None  # "the morning": which one is for the reader to know
    if rel == "that":
        ctx.anchored[m.span()] = ("same", 0, "day")
    offset = {"yesterday": -1, "tomorrow": 1}.get(rel or (m["dayword"] or "").lower(), 0)
    found = ctx.published + timedelta(days=offset) if ctx.published and rel != "that" else None
    timex = (found.isoformat() if found else "XXXX-XX-XX") + "T" + tv.PART_CODES[name]
    return make(m, found, DAY, RELATIVE, type="TIME", timex=timex, mod=edge_mod(edge))
