"""The central event of an article, for comparing articles whose publication dates are unknown.

Two undated articles on one issue share words and names even when they report different
meetings. What tells the meetings apart is what the lead says happened when and where: the
explicit dates and the towns of its first sentences, and the publication range inferred from the
text. A pair of articles gets a factor in (0, 1] that falls when those disagree; a pair with
both publication dates known is left to the date factor alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse

from storyline.model import Article
from storyline.stories.days import day_number
from storyline.time import patterns as pt
from storyline.time.expressions import find_time_expressions
from storyline.time.tense import FUTURE, infer_tense

CENTRAL_CHARS = 400
"""The headline-and-lead span whose dates and places name the central event."""
MAX_DATES = 4
"""Lead dates kept per article (the first ones)."""
CONTENT_CERTAINTY = 0.2
"""Confidence of a range taken from dates the sentences write (the news is near them)."""
TYPE_CHARS = 600
"""The lead span whose events say what kind of thing happened."""
MAX_TYPES = 3
"""Lead events whose types are kept (the first ones)."""
BROAD_PLACES = frozenset({"country", "admin1", "continent", "region"})
"""Place kinds too broad to tell two meetings apart (both in "Turkey")."""


@dataclass
class Central:
    """Per article: publication range (ordinal days, NaN when open), its confidence, lead date
    intervals (padded with NaN) and lead towns (one column per town name)."""

    early: np.ndarray
    late: np.ndarray
    certainty: np.ndarray
    dated: np.ndarray
    """True where the publication date is known (then early == late, certainty 1)."""
    lead_lo: np.ndarray
    lead_hi: np.ndarray
    lead_days: np.ndarray
    """Days of the year (0-365, NaN padded) of the calendar dates the lead writes, with or
    without a year ("on 22 July")."""
    towns: sparse.csr_matrix
    types: sparse.csr_matrix
    """Event types (PLOVER) of the lead's first events, one column per type."""
    actors: sparse.csr_matrix
    """Normalized source actors of the same events, one column per name."""
    weekdays: np.ndarray
    """(n, 7) booleans: the weekdays (Monday = 0) the headline and lead name as past or present
    days ("agreed on Monday")."""

    def rows(self, index: np.ndarray) -> Central:
        return Central(self.early[index], self.late[index], self.certainty[index],
                       self.dated[index], self.lead_lo[index], self.lead_hi[index],
                       self.lead_days[index], self.towns[index], self.types[index],
                       self.actors[index], self.weekdays[index])


@dataclass(frozen=True)
class CentralParams:
    """How strongly disagreeing central events separate a pair with an unknown date; the
    defaults were chosen by story-grouped CV in `benchmarks/stories.py`."""

    open_days: float = 180.0
    """A range with only a start ("after 5 March 2019") is read as this many days long: a
    start is often background ("since March 2011"), so the range is read as long (45 days split
    Timeline17 stories whose leads recall the uprising's start; CV chose 180)."""
    open_against_day: float | None = math.inf
    """The same against an article whose day is known (a date or a stamp); None: `open_days`.
    The start such a range states is evidence, the length read into it is not: a known day
    after the start does not contradict it (a yearless dateline in a text whose latest year
    is background starts a range years before the article's own day). CV on BASIL and
    Timeline17 is indifferent; on examples/ it keeps stamped and unstamped reports of one
    event together."""
    slack_days: float = 7.0
    tau_days: float = 30.0
    strength: float = 4.0
    """Confidence times this (capped at 1) is how much the range gap counts."""
    lead_gap_days: float = 3.0
    lead_factor: float = 0.6
    """Applied when both leads write dates and none of them lie within `lead_gap_days`."""
    day_factor: float = 0.6
    """Applied when both leads write calendar dates (a year or not) and none of their days of
    the year lie within `lead_gap_days` (and the full-date test did not apply): the same
    evidence as `lead_factor` without the year, so the same value (CV on BASIL and Timeline17
    is indifferent between 0.4 and 1; few of their leads write a date without its year)."""
    town_factor: float = 1.0
    """Applied when both leads name towns and share none (and both have a time range); off by
    default: on examples/ it split one story told from different capitals."""
    type_factor: float = 1.0
    """Applied when the leads' first events share a source actor but no event type (Russia
    suspends a deal in one, rejoins it in the other): one actor doing another thing."""
    weekday_factor: float = 0.6
    """Applied when both leads name weekdays, no two of them lie within `weekday_gap` days of
    each other and no written date compares the leads: one told on Monday, the other on
    Wednesday. The weekday of the lead's event still tells two meetings of one issue apart
    when no year is known (CV on BASIL and Timeline17 chose 0.6 over off)."""
    weekday_gap: int = 1
    """Weekdays this close count as the same news (a follow-up the next day says "on Monday"
    or "on Tuesday" of one event)."""


DEFAULT_CENTRAL = CentralParams()


def _month_span(value: str) -> tuple[float, float] | None:
    """Ordinal first and last day of a YYYY-MM-DD or YYYY-MM value."""
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10]).toordinal()
            return float(day), float(day)
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return float(first.toordinal()), float(after.toordinal() - 1)
    except ValueError:
        return None
    return None


def published_range(article: Article) -> tuple[float, float, float]:
    """(earliest, latest, confidence) of an undated article's publication, from the inference
    stored by `infer_missing_dates`, else inferred here from the text."""
    inferred = article.extra.get("published_inferred")
    if inferred is None:
        from storyline.time.published import infer_published

        found = infer_published(article.text, article.removed_lines,
                                removed_head=article.removed_head)
        inferred = {"earliest": found.earliest, "latest": found.latest,
                    "confidence": found.confidence}
    return (day_number(inferred.get("earliest")), day_number(inferred.get("latest")),
            float(inferred.get("confidence") or 0.0))


def lead_dates(article: Article) -> list[tuple[float, float]]:
    """Absolute dates to the day that the headline and lead write out (a month, "since
    February 2020", is background more often than the news)."""
    lead = f"{article.title or ''}\n{article.text[:CENTRAL_CHARS]}"
    spans = []
    for found in find_time_expressions(lead, None):
        if found.kind == "date" and found.basis == "absolute" and found.precision == "day" \
                and found.value:
            span = _month_span(found.value)
            if span is not None and span not in spans:
                spans.append(span)
    return spans[:MAX_DATES]


YEAR_PROBES = ("2001-03-10", "2003-10-20")
"""Two references that share no day of the year: a date whose month and day come out the same
against both was written as a calendar date, not relative to the reference ("on Monday")."""


def lead_year_days(article: Article) -> list[float]:
    """Days of the year of the calendar dates the headline and lead write out, with or without
    a year: "on 22 July" names the day of the event even when the year is unknown."""
    lead = f"{article.title or ''}\n{article.text[:CENTRAL_CHARS]}"
    first, second = (find_time_expressions(lead, probe) for probe in YEAR_PROBES)
    found: list[float] = []
    for x, y in zip(first, second, strict=False):
        if x.kind != "date" or x.precision != "day" or not x.value or not y.value \
                or x.value[5:10] != y.value[5:10] or (x.start, x.end) != (y.start, y.end):
            continue
        try:
            day = date.fromisoformat("2000" + x.value[4:10])
        except ValueError:
            continue
        value = float(day.toordinal() - date(2000, 1, 1).toordinal())
        if value not in found:
            found.append(value)
    return found[:MAX_DATES]


def lead_weekdays(article: Article) -> frozenset[int]:
    """Weekdays (Monday = 0) that the headline and lead name bare, not ahead ("signed on
    Friday", not "will meet on Friday", "next Friday" or "Friday, 22 July")."""
    lead = f"{article.title or ''}\n{article.text[:CENTRAL_CHARS]}"
    found = set()
    for expression in find_time_expressions(lead, None):
        match = pt.WEEKDAY.search(expression.text)  # also "at noon on Wednesday"
        if match is None or match["rel"] is not None or _names_month(expression.text):
            continue
        if infer_tense(lead, expression.start, expression.end) != FUTURE:
            found.add(pt.WEEKDAYS[match["weekday"].lower()])
    return frozenset(found)


def _names_month(text: str) -> bool:
    """True for a calendar date beside its weekday ("Friday, 22 July"): the day of the year
    compares those, not the weekday."""
    return any(word.lower().rstrip(".") in pt.MONTHS for word in re.findall(r"[^\W\d_]+\.?", text))


def lead_towns(article: Article, mentions: Sequence[dict]) -> frozenset[str]:
    """Town-level places named in the lead (a country or province is too broad), leaving out
    datelines: a place written in capitals ("DAMASCUS –") is where the reporter files from,
    and outlets tell one event from different capitals."""
    towns = set()
    for mention in mentions:
        place = mention.get("place") or {}
        if mention.get("start", CENTRAL_CHARS) >= CENTRAL_CHARS or not place.get("name"):
            continue
        written = mention.get("text") or ""
        if any(c.isalpha() for c in written) and written.isupper():
            continue
        if (place.get("feature") or "") not in BROAD_PLACES:
            towns.add(place["name"])
    return frozenset(towns)


def lead_events(events: Sequence[dict]) -> tuple[frozenset[str], frozenset[str]]:
    """Types and source actors of the first events the lead tells (what happened, by whom)."""
    found = sorted((e for e in events if (e.get("char_start") or 0) < TYPE_CHARS
                    and e.get("type")), key=lambda e: e.get("char_start") or 0)[:MAX_TYPES]
    actors = {(e.get("source") or {}).get("name") for e in found}
    return frozenset(e["type"] for e in found), frozenset(a for a in actors if a)


def _columns(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, names in enumerate(sets):
        for name in sorted(names):
            rows.append(i)
            cols.append(vocab.setdefault(name, len(vocab)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(len(sets), max(len(vocab), 1)))


def central_features(articles: Sequence[Article], days: np.ndarray,
                     mentions: Mapping[str, Sequence[dict]] | None = None,
                     content_days: np.ndarray | None = None,
                     events_of: Mapping[str, Sequence[dict]] | None = None) -> Central:
    """Central-event features of `articles`; `days` are their known publication days (NaN
    where unknown); `content_days` are dates their sentences write, used when the text gives no
    publication range."""
    n = len(articles)
    early, late = days.astype(np.float64).copy(), days.astype(np.float64).copy()
    certainty = np.where(np.isnan(days), 0.0, 1.0)
    lead_lo = np.full((n, MAX_DATES), np.nan)
    lead_hi = np.full((n, MAX_DATES), np.nan)
    lead_days = np.full((n, MAX_DATES), np.nan)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    mentions = mentions or {}
    for i, article in enumerate(articles):
        if np.isnan(days[i]):
            early[i], late[i], certainty[i] = published_range(article)
            fallback = math.nan if content_days is None else float(content_days[i])
            if np.isnan(early[i]) and np.isnan(late[i]) and not np.isnan(fallback):
                early[i], late[i], certainty[i] = fallback, fallback + 7.0, CONTENT_CERTAINTY
        for k, (lo, hi) in enumerate(lead_dates(article)):
            lead_lo[i, k], lead_hi[i, k] = lo, hi
        if np.isnan(days[i]):
            for k, value in enumerate(lead_year_days(article)):
                lead_days[i, k] = value
        for town in sorted(lead_towns(article, mentions.get(article.id, ()))):
            rows.append(i)
            cols.append(vocab.setdefault(town, len(vocab)))
    towns = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocab), 1)))
    leads = [lead_events((events_of or {}).get(a.id, ())) for a in articles]
    weekdays = np.zeros((n, 7), dtype=bool)
    for i, article in enumerate(articles):
        weekdays[i, sorted(lead_weekdays(article))] = True
    return Central(early, late, certainty, ~np.isnan(days), lead_lo, lead_hi, lead_days, towns,
                   _columns([t for t, _ in leads]), _columns([s for _, s in leads]), weekdays)


def neutral_central(n: int) -> Central:
    """Central features that never separate a pair (storylines span many events)."""
    return Central(np.zeros(n), np.zeros(n), np.ones(n), np.ones(n, dtype=bool),
                   np.full((n, MAX_DATES), np.nan), np.full((n, MAX_DATES), np.nan),
                   np.full((n, MAX_DATES), np.nan), sparse.csr_matrix((n, 1)),
                   sparse.csr_matrix((n, 1)), sparse.csr_matrix((n, 1)),
                   np.zeros((n, 7), dtype=bool))


def _closed(early: np.ndarray, late: np.ndarray, open_days: float) -> tuple[np.ndarray, ...]:
    """Ranges with an open end closed `open_days` from the other end (NaN when both open)."""
    lo = np.where(np.isnan(early), late - open_days, early)
    hi = np.where(np.isnan(late), early + open_days, late)
    return lo, hi


def central_factor(central: Central, a: np.ndarray, b: np.ndarray,
                   params: CentralParams = DEFAULT_CENTRAL) -> np.ndarray:
    """Multiplier for rows `a` x `b`: 1 where both dates are known or nothing disagrees."""
    factor = np.ones((len(a), len(b)))
    undated = ~(central.dated[a][:, None] & central.dated[b][None, :])
    if not undated.any():
        return factor
    lo, hi = _closed(central.early, central.late, params.open_days)
    gap = np.maximum(lo[b][None, :] - hi[a][:, None], lo[a][:, None] - hi[b][None, :])
    against_day = params.open_days if params.open_against_day is None \
        else params.open_against_day
    if against_day != params.open_days:
        known = central.dated | ((central.early == central.late) & (central.certainty >= 0.5))
        far_lo, far_hi = _closed(central.early, central.late, against_day)
        # a known day against the other's range closed the other way
        lo_a = np.where(known[a], lo[a], far_lo[a])[:, None]
        hi_a = np.where(known[a], hi[a], far_hi[a])[:, None]
        lo_b = np.where(known[b], lo[b], far_lo[b])[None, :]
        hi_b = np.where(known[b], hi[b], far_hi[b])[None, :]
        against = np.maximum(lo_b - hi_a, lo_a - hi_b)
        one_known = known[a][:, None] ^ known[b][None, :]
        gap = np.where(one_known, against, gap)
    gap = np.maximum(gap, 0.0)
    sure = np.minimum(central.certainty[a][:, None], central.certainty[b][None, :])
    weight = np.minimum(params.strength * sure, 1.0)
    decay = 1.0 - np.exp(-np.maximum(gap - params.slack_days, 0.0) / params.tau_days)
    factor *= np.where(np.isnan(gap), 1.0, 1.0 - weight * decay)

    lead_a_lo, lead_a_hi = central.lead_lo[a], central.lead_hi[a]
    lead_b_lo, lead_b_hi = central.lead_lo[b], central.lead_hi[b]
    apart = np.maximum(lead_b_lo[None, :, None, :] - lead_a_hi[:, None, :, None],
                       lead_a_lo[:, None, :, None] - lead_b_hi[None, :, None, :])
    with np.errstate(all="ignore"):
        nearest = np.nanmin(np.where(np.isnan(apart), np.inf, apart), axis=(2, 3))
    both = ~np.isnan(lead_a_lo[:, 0])[:, None] & ~np.isnan(lead_b_lo[:, 0])[None, :]
    factor *= np.where(both & (nearest > params.lead_gap_days), params.lead_factor, 1.0)
    days_a, days_b = central.lead_days[a], central.lead_days[b]
    written = ~np.isnan(days_a[:, 0])[:, None] & ~np.isnan(days_b[None, :, 0])
    if params.day_factor != 1.0:
        apart = np.abs(days_a[:, None, :, None] - days_b[None, :, None, :])
        apart = np.minimum(apart, 366.0 - apart)
        with np.errstate(all="ignore"):
            near = np.nanmin(np.where(np.isnan(apart), np.inf, apart), axis=(2, 3))
        factor *= np.where(written & ~both & (near > params.lead_gap_days), params.day_factor,
                           1.0)

    towns_a, towns_b = central.towns[a], central.towns[b]
    has_a = np.asarray(towns_a.sum(axis=1)).ravel() > 0
    has_b = np.asarray(towns_b.sum(axis=1)).ravel() > 0
    if has_a.any() and has_b.any():
        shared = (towns_a @ towns_b.T).toarray() > 0
        timed = (central.certainty[a][:, None] > 0) & (central.certainty[b][None, :] > 0)
        factor *= np.where(has_a[:, None] & has_b[None, :] & ~shared & timed,
                           params.town_factor, 1.0)
    if params.type_factor != 1.0:
        same_actor = (central.actors[a] @ central.actors[b].T).toarray() > 0
        factor *= np.where(same_actor, _disjoint(central.types[a], central.types[b],
                                                 params.type_factor), 1.0)
    if params.weekday_factor != 1.0:  # only where no written date compares the two leads
        apart = _weekdays_apart(central.weekdays[a], central.weekdays[b], params.weekday_gap)
        factor *= np.where(apart & ~both & ~written, params.weekday_factor, 1.0)
    return np.where(undated, factor, 1.0)


def _weekdays_apart(left: np.ndarray, right: np.ndarray, gap: int) -> np.ndarray:
    """True where both rows name weekdays and none of the left lies within `gap` days (round
    the week) of one on the right."""
    near = np.zeros((7, 7), dtype=bool)
    for x in range(7):
        for y in range(7):
            near[x, y] = min((x - y) % 7, (y - x) % 7) <= gap
    reach = left.astype(np.int64) @ near.astype(np.int64)  # weekdays near any of the left's
    close = (reach @ right.T.astype(np.int64)) > 0
    return left.any(axis=1)[:, None] & right.any(axis=1)[None, :] & ~close


def _disjoint(left: sparse.csr_matrix, right: sparse.csr_matrix, value: float) -> np.ndarray:
    """`value` where both rows have columns set and share none, else 1."""
    has_l = np.asarray(left.sum(axis=1)).ravel() > 0
    has_r = np.asarray(right.sum(axis=1)).ravel() > 0
    shared = (left @ right.T).toarray() > 0
    return np.where(has_l[:, None] & has_r[None, :] & ~shared, value, 1.0)
