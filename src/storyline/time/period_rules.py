"""Rules for the TimeML classes beyond calendar days: lengths of time, repetitions, "now" and
"recently", quarters and fiscal years, decades and centuries, spelled-out years, clock times
and holidays.

Quarters without a year follow the tense like months ("sales rose in the third quarter" in an
October article is that year's third quarter); "the quarter", "the latest period" and "a year
earlier" hang on the quarter or time the text spoke of last (`anchors.py`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.time import patterns as pt
from storyline.time import relative as cal
from storyline.time import values as tv
from storyline.time.core import (
    ABSOLUTE,
    DAY,
    MONTH,
    RELATIVE,
    YEAR,
    Context,
    TimeExpression,
    count,
    edge_mod,
    key,
    make,
    part,
    timex_only,
)
from storyline.time.tense import FUTURE, PAST

_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should"})
_BIG = {"a hundred": 100, "one hundred": 100, "two thousand": 2000, "a thousand": 1000}


def _mod(m: re.Match[str]) -> str | None:
    words = m.groupdict().get("mod")
    return pt.MODS.get(re.sub(r"\s+", " ", words.lower())) if words else None


# --- lengths and repetitions -------------------------------------------------------------------

def duration(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Three months", "the past two years", "more than a decade", "a 10-year" (P3M, P2Y...)."""
    words = re.sub(r"\s+", " ", m["count"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    after = ctx.word_after(m).lower()
    if unit.startswith("quarter") and after == "of":
        return None  # "a quarter of the voters"
    if unit == "second" and not words[:1].isdigit():
        return None  # "a second round"
    if words in ("a", "an") and not m["lead"] and not _mod(m) and is_rate(m, ctx):
        return None  # "$4 million a year": a rate, no length
    if (unit in ("year", "years") and ctx.text[m.end():m.end() + 4].lower() == " old") or \
            m.group().lower().endswith("-old"):
        return None  # an age ("37 years old", "a 136-year-old bank"), not a time
    if words == "one" and unit == "day" and ctx.word_before(m) in _MODALS:
        return timex_only(m, "FUTURE_REF")  # "will one day be"
    mod = _mod(m)
    if words in ("a couple", "a couple of"):
        amount: float | None = 2
        mod = mod or "APPROX"
    elif words in pt.VAGUE_COUNTS:
        amount = None
    elif words in _BIG:
        amount = _BIG[words]
    elif re.fullmatch(r"\d+\.\d+", words):
        amount = float(words)
    elif fraction := re.fullmatch(r"(\d+) ([1-3])/([2-4])", words):
        amount = int(fraction[1]) + int(fraction[2]) / int(fraction[3])  # "2 1/2 years"
    else:
        amount = count(words)
        if amount is None:
            return None
    if m.group().lower().rstrip().endswith("and a half") and amount is not None:
        amount += 0.5
    if amount is not None and unit.startswith("year") and amount >= 1000 and not m["mod"]:
        return None  # "2000 years" is more likely a year followed by a noun than a length
    return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(amount, unit), mod=mod)


def open_length(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"The days ahead", "the months ahead": PXD, PXM."""
    return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(None, m["unit"]))


def vague_period(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"In recent years", "in the last few months", "in coming quarters": a vague time of the
    past or future. "Over the next few days", "for the past several weeks": a length, like its
    counted sibling ("over the past three weeks" P3W), with no count (PXD, PXW)."""
    written = m.group().lower()
    if (written.startswith("the") and ("few" in written or "several" in written)
            and ctx.word_before(m) in _LENGTH_BEFORE):
        return make(m, None, DAY, RELATIVE, "duration",
                    timex=tv.duration(None, written.split()[-1].rstrip("s")))
    return timex_only(m, "PAST_REF" if m["past"] else "FUTURE_REF")


_LENGTH_BEFORE = frozenset({"over", "for", "during", "within", "throughout"})


def one_unit_length(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Over the past week" P1W, "in the last year" P1Y: a length ending at (or starting
    from) publication, not a calendar unit ("last week" is one)."""
    if ctx.word_before(m) not in ("over", "in", "during", "for", "within", "throughout"):
        return None  # "the previous week" on its own is a week (anchored)
    return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(1, m["unit"]))


def bare_duration(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"For years", "took months": a length with no count (PXY)."""
    return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(None, m["unit"]))


_ADVERB_SETS = {"daily": "XXXX-XX-XX", "every day": "XXXX-XX-XX", "each day": "XXXX-XX-XX",
                "nightly": "XXXX-XX-XXTNI", "weekly": "XXXX-WXX", "biweekly": "P2W",
                "monthly": "XXXX-XX", "bimonthly": "P2M", "quarterly": "XXXX-QX",
                "annually": "XXXX", "yearly": "XXXX", "semiannually": "P6M", "hourly": "PT1H"}
_UNIT_SETS = {"day": "P1D", "week": "P1W", "month": "P1M", "quarter": "P1Q", "year": "P1Y",
              "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI",
              "weekend": "XXXX-WXX-WE", "summer": "XXXX-SU", "winter": "XXXX-WI",
              "spring": "XXXX-SP", "autumn": "XXXX-FA", "fall": "XXXX-FA"}


# "twice a day", "three times a year": how often something happens, a set. An amount per unit
# ("$5 million a year", "40 flights a week", "15% a year") is a rate of the amount, and TimeML
# annotators leave it untagged (TimeBank tags 1 of 7): no time expression.
_RATE_BEFORE = re.compile(r"(?:\b(?:times|once|twice))\s+$", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:\d|%|\b(?:million|billion|thousand|hundred|percent|dozen|"
                            r"[a-z]{3,}s))\s+$", re.IGNORECASE)


def _said_before(pattern: re.Pattern[str], m: re.Match[str], ctx: Context) -> bool:
    """`pattern` ends right before the match (in its last 24 characters)."""
    return pattern.search(ctx.text[max(0, m.start() - 24):m.start()]) is not None


def is_rate(m: re.Match[str], ctx: Context) -> bool:
    """"A year" right after an amount: "$4 million a year", "700 seats a week"."""
    return _said_before(_AMOUNT_BEFORE, m, ctx)


def repetition(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Every Monday" XXXX-WXX-1, "each July" XXXX-07, "daily", "twice a year" P1Y."""
    if m["adverb"]:
        word = re.sub(r"\s+", " ", m["adverb"].lower())
        if " " not in word and ctx.word_after(m)[:1].islower() and ctx.word_after(m) not in (
                "and", "or", "at", "in", "on", "for", "to", "by", "since", "until", "from"):
            return None  # "a daily newspaper", "the annual report": an adjective
        timex = _ADVERB_SETS[word]
    elif m["rate"] and not _said_before(_RATE_BEFORE, m, ctx):
        return None  # "for a year": a length; "$4 million a year": a rate of an amount
    elif m["per"] or m["rate"]:
        unit = (m["per"] or m["rate"]).lower().split()[-1]
        timex = _UNIT_SETS[unit]
    elif m["month"]:
        timex = f"XXXX-{pt.MONTHS[m['month'].lower()]:02d}"
    elif m["unit"]:
        unit = m["unit"].lower()
        every = count(m["n"]) if m["n"] else (2 if "other" in m.group().lower() else 1)
        timex = _UNIT_SETS[unit] if every == 1 or unit not in (
            "day", "week", "month", "year", "quarter") else tv.duration(every, unit)
    else:
        name = (m["weekday"] or m["weekday2"]).lower()
        timex = f"XXXX-WXX-{pt.WEEKDAYS[name] + 1}"
        day_part = (m["wpart"] or m["wpart2"] or m["wpart3"] or "").lower().rstrip("s")
        if day_part:
            timex += "T" + tv.PART_CODES[day_part]
    return make(m, None, DAY, RELATIVE, "set", timex=timex)


# --- references to the present, past and future ------------------------------------------------

def present(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    return timex_only(m, "PRESENT_REF")


def past(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    return timex_only(m, "PAST_REF")


def future(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    words = m.group().lower()
    if words == "soon" and (ctx.word_before(m) in ("as", "how", "too") or ctx.word_after(
            m).lower() in ("after", "before")):
        return None  # "as soon as", "soon after the capture": a link between two events
    if words.endswith("future") and ctx.word_after(m).lower() == "of":
        return None  # "the future of the company" is its fate, not a time
    return timex_only(m, "FUTURE_REF")


# --- quarters, halves and fiscal years ---------------------------------------------------------

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}


def _period_bounds(year: int, number: int, months: int) -> tuple[date, date]:
    first_month = (number - 1) * months + 1
    start = date(year, first_month, 1)
    end_year, end_month = cal.shift_months(year, first_month, months)
    return start, date(end_year, end_month, 1) - timedelta(days=1)


def period_year(published: date, number: int, months: int, tense: str | None) -> int:
    """The year of the nth quarter (months=3) or half (6) named without one: the period holding
    publication if it is that one; else the one to come within half a year when the words look
    forward, and otherwise the last one completed, the one results are reported for."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        start, end = _period_bounds(year, number, months)
        if start <= published <= end:
            return year
        options.append((year, start, end))
    latest = max(y for y, _, end in options if end < published)
    coming = min(y for y, start, _ in options if start > published)
    coming_start = next(start for y, start, _ in options if y == coming)
    if tense == FUTURE and (coming_start - published).days <= 183:
        return coming
    return latest


def ordinal_period(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"The third quarter", "third-quarter", "the first half of 1990", "fiscal 1989's Q2"."""
    ordinal, noun = re.sub(r"\s+", " ", m["ord"].lower()), m["noun"].lower()
    if ordinal.endswith("two"):  # "the first two quarters of 1990" is its first half
        if not (m["year"] or m["qyear"]) and ordinal.startswith("last"):
            return None  # "the last two quarters": a length (P2Q)
        ordinal, noun = ("first" if ordinal.startswith("first") else "second"), "half"
    # "the last half", "the latter half", "the last quarter of 1989"
    number = _ORDINALS.get(ordinal, 4 if noun == "quarter" else 2)
    months = 3 if noun == "quarter" else 6
    if noun == "half" and number > 2:
        return None
    det = (m["det"] or "").lower().replace("’", "'")
    cmp = (m["cmp"] or "").lower()
    ryear = (m["ryear"] or "").lower()
    year: int | None = None
    if m["year"] or m["qyear"]:
        year = int(m["year"] or m["qyear"])
    elif ctx.published is not None:
        shift = {"this": 0, "last": -1, "next": 1}
        if ryear:
            year = ctx.published.year + shift[ryear]
        elif det.endswith("year's"):
            year = ctx.published.year + shift[det.split()[0]]
        elif m["fiscal"]:
            year = ctx.published.year
        else:
            year = period_year(ctx.published, number, months, ctx.tense_at(m))
        if cmp.startswith("year"):
            year -= 1
    code = ("Q" if noun == "quarter" else "H") + str(number)
    timex = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
    basis = ABSOLUTE if m["year"] or m["qyear"] else RELATIVE
    return timex_only(m, timex, basis=basis)


def quarter_reference(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"The quarter", "the latest period", "last quarter", "the year-ago quarter"."""
    det = re.sub(r"\s+", " ", m["det"].lower())
    cmp = re.sub(r"\s+", " ", ((m["cmp"] or "") + " " + (m["cmp2"] or "")).lower()).strip()
    noun = m["noun"].lower()
    if noun == "period" and not cmp and not m["last"]:
        return None  # "the period" alone is any stretch of time
    if noun == "period" and m["last"] and not cmp:
        # "the same period last year": the period spoken of, a year before; else last year
        ctx.anchored[m.span()] = ("shift", -1, "year", "quarter-or-year")
        return make(m, None, YEAR, RELATIVE)
    if ctx.published is not None and det in ("last", "next", "this") and not cmp:
        offset = {"last": -1, "next": 1, "this": 0}[det]
        return timex_only(m, tv.quarter_from(ctx.published, offset))
    if cmp in ("previous", "prior", "preceding"):
        ctx.anchored[m.span()] = ("shift", -1, "quarter")
    elif "year" in cmp or m["last"]:
        ctx.anchored[m.span()] = ("shift", -1, "year", "quarter")
    elif re.fullmatch(r"(?:19|20)\d\d", cmp):
        ctx.anchored[m.span()] = ("year", int(cmp), "quarter")
    elif cmp == "current":
        if ctx.published is not None:
            return timex_only(m, tv.quarter(*tv.quarter_of(ctx.published)))
    elif cmp == "first":
        return None
    elif (ended := _quarter_ended(m, ctx)) is not None:
        return timex_only(m, ended)
    elif cmp in ("latest", "most recent", "just-ended") and ctx.published is not None:
        # the quarter a report is about: the last one complete at publication
        return timex_only(m, tv.quarter_from(ctx.published, -1))
    else:
        ctx.anchored[m.span()] = ("same", 0, "quarter")
    return make(m, None, YEAR, RELATIVE)


def _quarter_ended(m: re.Match[str], ctx: Context) -> str | None:
    """"The quarter ended Sept. 30": the calendar quarter that holds most of the three months
    before that day (a fiscal quarter ending July 31 is mostly the second)."""
    end = pt.QUARTER_END.match(ctx.text, m.end())
    if end is None or (ctx.published is None and not end["year"]):
        return None
    month, day = pt.MONTHS[key(end["month"])], int(end["day"])
    if end["year"]:
        last = cal.safe_date(int(end["year"]), month, day)
    else:
        last = cal.day_in_year(ctx.published, month, day, PAST)
    if last is None:
        return None
    return tv.quarter_from(last - timedelta(days=45))


def year_ago(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Year-ago", "year-earlier" as a modifier: a year before now, or before the quarter
    spoken of last ("year-ago results" in a report on the third quarter)."""
    ctx.anchored[m.span()] = ("shift", -1, "year", "quarter-if-last")
    if ctx.published is None:
        return make(m, None, YEAR, RELATIVE)
    return make(m, f"{ctx.published.year - 1:04d}", YEAR, RELATIVE)


def fiscal_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Fiscal 1989" is 1989 (the year the fiscal year is named by); "the current fiscal year"
    the publication year."""
    written = m["year"] or m["year2"]
    if written:
        year = int(written) if len(written) == 4 else 1900 + int(written) if int(
            written) > 30 else 2000 + int(written)
        return make(m, f"{year:04d}", YEAR, ABSOLUTE)
    if ctx.published is None:
        return make(m, None, YEAR, RELATIVE)
    rel = (m["rel"] or "current").lower()
    offset = {"next": 1, "coming": 1, "new": 0, "last": -1, "previous": -1, "past": -1}.get(rel, 0)
    return make(m, f"{ctx.published.year + offset:04d}", YEAR, RELATIVE)


def year_end(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"By year-end", "since year end", "around the end of the year": the end of this year, or
    of last year when the words look back to it; its day-level date is the year's December."""
    words = (m["mod"] or "").lower()
    group: int | str = 0 if words in ("around", "about") else "body"
    if m["year"]:
        return make(m, f"{m['year']}-12", MONTH, ABSOLUTE, timex=m["year"], mod="END",
                    group=group)
    if ctx.published is None:
        return make(m, None, MONTH, RELATIVE, mod="END", group=group)
    back = words in ("since", "after") or ctx.tense_at(m) == PAST and ctx.published.month <= 3
    year = ctx.published.year - (1 if back else 0)
    return make(m, f"{year:04d}-12", MONTH, RELATIVE, timex=f"{year:04d}", mod="END",
                group=group)


_YEAR_SPOKEN_OF = frozenset({"for", "of", "during", "through", "throughout"})
_NOT_THE_YEAR_AFTER = frozenset({"ended", "ending", "before", "after", "earlier", "ago",
                                 "later", "to", "in", "round", "since"})


def the_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"For the year, volume was flat", "a high for the year": the year the text speaks of
    (that of the last date told, else publication's). "The year before", "the year ended
    Sept. 30" and "the year in review" are other rules' or none."""
    if ctx.word_before(m) not in _YEAR_SPOKEN_OF or \
            ctx.word_after(m).lower() in _NOT_THE_YEAR_AFTER:
        return None
    ctx.anchored[m.span()] = ("same", 0, "year")
    return make(m, None, YEAR, RELATIVE)


def full_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    if ctx.published is None:
        return make(m, None, YEAR, RELATIVE)
    return make(m, f"{ctx.published.year:04d}", YEAR, RELATIVE)


# --- decades, centuries, spelled-out years -----------------------------------------------------

_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def decade(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"The 1980s" 198, "the '90s" 199, "the early nineties" 199 with mod START."""
    if m["decade"]:
        first = int(m["decade"])
    else:
        tens = int(m["short"]) // 10 if m["short"] else _DECADE_WORDS[m["word"].lower()]
        if ctx.published is not None:
            century = ctx.published.year // 100 * 100
            first = century + tens * 10
            if first > ctx.published.year:
                first -= 100
        else:
            first = 1900 + tens * 10
    return timex_only(m, tv.decade(first), mod=edge_mod(part(m)),
                      basis=ABSOLUTE if m["decade"] else RELATIVE)


def decade_relative(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"This decade", "the last decade" (the one before publication's)."""
    if ctx.published is None:
        return make(m, None, YEAR, RELATIVE)
    rel = m["rel"].lower()
    offset = -10 if rel in ("the last", "the past") else 10 if "next" in rel or "coming" in rel \
        else 0
    return timex_only(m, tv.decade(ctx.published.year + offset))


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def century(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    number = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["word"].lower()]
    if not 1 <= number <= 22:
        return None
    return timex_only(m, tv.century(number), mod=edge_mod(part(m)), basis=ABSOLUTE)


def spelled_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    if m["millennium"]:
        rest = m["millennium"].lower().split("thousand")[1]
        year = 2000 + (count(rest.replace("and", "").strip()) or 0 if rest.strip() else 0)
    else:
        hundreds = 1900 if m["century"].lower() == "nineteen" else 2000
        rest = m["rest"].lower().replace("oh", "").strip(" -")
        if rest == "hundred":
            year = hundreds
        else:
            tail = count(rest)
            if tail is None:
                return None
            year = hundreds + tail
        if hundreds == 2000 and m["century"].lower() == "twenty" and not m["month"] and not \
                m.group().lower().startswith("the year"):
            return None  # "twenty five" is a number
    if m["month"]:
        month = pt.MONTHS[m["month"].lower()]
        return make(m, cal.month_value(year, month), MONTH, ABSOLUTE)
    if m["season"]:
        name = m["season"].lower()
        return make(m, f"{year:04d}", YEAR, ABSOLUTE, timex=tv.season(year, name))
    return make(m, f"{year:04d}", YEAR, ABSOLUTE)


def year_ended(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"The year ended Sept. 30": the twelve months a report covers, a length (P1Y)."""
    return make(m, None, DAY, RELATIVE, "duration", timex=tv.duration(1, "year"))


# --- clock times and holidays ------------------------------------------------------------------

def clock(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"10 p.m. Wednesday", "at 14:30 GMT", "around noon": TIME with the day it falls on."""
    if m["named"]:
        # midnight closes the day it is named with ("midnight Friday"): ISO 8601's 24:00
        hour, minute = (24, 0) if m["named"].lower() == "midnight" else (12, 0)
    elif m["h24"] is not None:
        hour, minute = int(m["h24"]), int(m["m24"])
        if hour > 23 or (not m["zone"] and ctx.word_before(m, "h24") not in (
                "at", "around", "about", "by", "from", "until", "till", "to", "after", "before",
                "since", "approximately", "roughly")):
            return None  # "won 6:30" or a score; a bare 24-hour time needs a time preposition
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if not 1 <= hour <= 12:
            return None
        if m["ampm"].lower().startswith("p") and hour != 12:
            hour += 12
        elif m["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
    day: date | None = ctx.published
    if ctx.published is not None and m["weekday"]:
        day = cal.weekday_date(ctx.published, pt.WEEKDAYS[m["weekday"].lower()], None,
                               ctx.tense_at(m))
    elif ctx.published is not None and m["dayword"]:
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["dayword"].lower(), 0)
        day = ctx.published + timedelta(days=offset)
    elif m["mday"]:
        month, mday = pt.MONTHS[m["month"].lower().rstrip(".")], int(m["mday"])
        if m["year"]:
            day = cal.safe_date(int(m["year"]), month, mday)
        elif ctx.published is not None:
            day = cal.day_in_year(ctx.published, month, mday, None)
        if day is None:
            return None
    prefix = day.isoformat() if day else (
        f"XXXX-WXX-{pt.WEEKDAYS[m['weekday'].lower()] + 1}" if m["weekday"] else "XXXX-XX-XX")
    start = m.start("mod") if m["mod"] else m.start()
    if ctx.text[start:start + 3].lower() == "at ":
        start += 3
    # a bare clock time gives its day to no event: "at 3 p.m." is as often yesterday's
    named_day = day if m["weekday"] or m["dayword"] or m["mday"] else None
    found = make(m, named_day, DAY, RELATIVE, type="TIME",
                 timex=f"{prefix}T{hour:02d}:{minute:02d}", mod=_mod(m))
    return TimeExpression(ctx.text[start:m.end()], start, m.end(), found.value, found.precision,
                          found.basis, found.kind, found.type, found.timex, found.mod)


def holiday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """"Christmas", "Thanksgiving Day", "last Easter": the holiday's day in the year the words
    and the tense point to."""
    name = m["holiday"]
    if m["year"]:
        found = tv.holiday(name, int(m["year"]))
        return make(m, found, DAY, ABSOLUTE) if found else None
    if ctx.published is None:
        return make(m, None, DAY, RELATIVE)
    rel = (m["rel"] or "").lower()
    days = [d for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
            if (d := tv.holiday(name, y)) is not None]
    if rel == "last":
        found = max(d for d in days if d < ctx.published)
    elif rel == "next":
        found = min(d for d in days if d > ctx.published)
    else:
        found = cal.choose(days, ctx.published, cal.tense_unless_near(
            days, ctx.published, lambda: ctx.tense_at(m)))
    start = m.start("holiday") if rel not in ("last", "next", "this") else m.start()
    expression = make(m, found, DAY, RELATIVE)
    return TimeExpression(ctx.text[start:m.end()], start, m.end(), expression.value, DAY,
                          RELATIVE, timex=expression.timex)

