"""Which dates a topic's timeline should have.

A day matters when many articles name it (time expressions resolved against publication dates)
and, less so, when many articles are published on it; this is the unsupervised core of DATEWISE
(Ghalandari & Ifrim 2020), whose learned ranker leans mostly on mention counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from storyline.model import Article
from storyline.timeline.select_sentences import Sentence, TfidfSpace

PUB_WEIGHT = 0.5
"""A published article counts half a mentioning article: publishing is a weaker signal (every
day of an ongoing crisis has reports) than being named by other reports."""
NEAR_DAYS = 7
"""References from articles published within a week after a day are the near-term ones."""
NEAR_BONUS = 0.5
"""Extra weight of a near-term reference: it is about the day's news rather than background."""
MIN_DATES, MAX_DATES = 3, 40
"""Bounds of the data-chosen number of dates (dates=None)."""


def score_dates(sentences: Sequence[Sentence],
                relevance: dict[str, float] | None = None) -> dict[date, float]:
    """Score of every day from a week before the first publication to the last (news reports
    what happened before it was published): distinct articles naming it (a near-term
    reference counts more), plus PUB_WEIGHT per article published that day; each article counts
    with its topic `relevance` (default 1), so off-topic articles barely vote."""
    weight_of = relevance or {}
    named: dict[date, dict[str, float]] = defaultdict(dict)
    published: dict[date, set[str]] = defaultdict(set)
    for sent in sentences:
        if sent.published is not None:
            published[sent.published].add(sent.article_id)
        for day in sent.mentions:
            weight = 1.0
            if sent.published is not None and 0 <= (sent.published - day).days <= NEAR_DAYS:
                weight += NEAR_BONUS
            previous = named[day].get(sent.article_id, 0.0)
            weight *= weight_of.get(sent.article_id, 1.0)
            named[day][sent.article_id] = max(previous, weight)
    if not published:
        return {day: sum(w.values()) for day, w in named.items()}
    first, last = min(published) - timedelta(days=NEAR_DAYS), max(published)
    days = {d for d in (*named, *published) if first <= d <= last}
    return {d: sum(named[d].values())
            + PUB_WEIGHT * sum(weight_of.get(a, 1.0) for a in published[d]) for d in days}


def topic_relevance(articles: Sequence[Article]) -> dict[str, float]:
    """Each article's TF-IDF cosine to the mean of all, scaled so the most central is 1: the
    topic is what most articles share, and a stray article (a collection's off-topic piece)
    should not put its dates on the timeline."""
    if not articles:
        return {}
    space = TfidfSpace([a.text or "" for a in articles])
    centroid = np.asarray(space.matrix.mean(axis=0)).ravel()
    cosine = np.asarray(space.matrix @ centroid).ravel()
    top = float(cosine.max()) or 1.0
    return {a.id: float(c) / top for a, c in zip(articles, cosine, strict=True)}


def rank_dates(scores: dict[date, float]) -> list[date]:
    """Days by score, ties to the earlier day (deterministic)."""
    return sorted(scores, key=lambda d: (-scores[d], d))


def default_date_count(scores: dict[date, float]) -> int:
    """How many dates to show when the caller does not say: the knee of the sorted score curve
    (where scores stop falling steeply), kept within MIN_DATES..MAX_DATES."""
    values = sorted(scores.values(), reverse=True)
    if len(values) <= MIN_DATES:
        return len(values)
    points = np.column_stack([np.arange(len(values), dtype=float), np.array(values)])
    line = points[-1] - points[0]
    norm = float(np.hypot(*line))
    if norm == 0:
        return min(len(values), MIN_DATES)
    offsets = points - points[0]
    distance = np.abs(offsets[:, 0] * line[1] - offsets[:, 1] * line[0]) / norm
    knee = int(np.argmax(distance)) + 1
    return max(MIN_DATES, min(MAX_DATES, knee))
