"""Dated timelines whose every line is a cited sentence of a real article.

`build_timeline` treats the given articles as one topic: it ranks days by how many articles name
or publish on them (`select_dates`), then gives each chosen day its most central non-redundant
sentences (`select_sentences`). `to_tilse` / `to_markdown` write the result (`tls_format`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from scipy import sparse

from storyline.model import Article, TimelineEntry
from storyline.time import parse_published
from storyline.timeline.select_dates import (
    default_date_count,
    rank_dates,
    score_dates,
    topic_relevance,
)
from storyline.timeline.select_sentences import (
    Sentence,
    TfidfSpace,
    article_sentences,
    choose_sentences,
    lead_days,
    usable,
)
from storyline.timeline.tls_format import parse_tilse, to_markdown, to_tilse

__all__ = ["build_timeline", "parse_tilse", "to_markdown", "to_tilse"]


def build_timeline(articles: Sequence[Article], *, dates: int | None = None, sentences: int = 2,
                   storyline_id: str | None = None,
                   events: Sequence[dict[str, Any]] = (),
                   groups: Sequence[Sequence[str]] = (),
                   since: date | None = None, until: date | None = None,
                   days: Sequence[date] | None = None) -> list[TimelineEntry]:
    """Timeline of `articles` as one topic: `dates` days (None: chosen from the data), up to
    `sentences` cited sentences each, in date order. Days with no usable sentence are skipped
    in favour of the next-ranked day. `groups` (article ids of each story of a storyline) makes
    sure every story is on the timeline: each group's best day comes first, before the rest of
    the ranking, and counts toward at least one date per group.

    `since` / `until` bound the timeline: only days in that span, told by articles published
    in it (undated articles stay: their absolute dates still count). `days` asks for those days
    only (ranked among themselves), e.g. a reader's own list of dates to be told."""
    originals = [a for a in sorted(articles, key=lambda a: a.id)
                 if a.duplicate_of is None and _published_within(a, since, until)]
    sents: list[Sentence] = [s for a in originals for s in article_sentences(a)]
    if not sents:
        return []
    relevance = topic_relevance(originals)
    scores = {d: v for d, v in score_dates(sents, relevance).items()
              if (since is None or d >= since) and (until is None or d <= until)}
    if days is not None:
        scores = {d: scores.get(d, 0.0) for d in days}
        dates = len(scores) if dates is None else min(dates, len(scores))
    weights = [relevance.get(s.article_id, 1.0) for s in sents]
    wanted = default_date_count(scores) if dates is None else dates
    owners = {d: g for d, g in _group_days(sents, relevance, groups).items() if d in scores}
    first = sorted(owners, key=lambda d: (-scores.get(d, 0.0), d))
    if dates is None:
        wanted = max(wanted, len(first))
    mentioned: dict[date, list[int]] = defaultdict(list)
    leads: dict[date, list[int]] = defaultdict(list)
    for index, sent in enumerate(sents):
        if not usable(sent):
            continue
        for day in sent.mentions:
            mentioned[day].append(index)
        for day in lead_days(sent):
            leads[day].append(index)
    boosted = _event_sentences(sents, events)
    space = TfidfSpace([s.text for s in sents])
    used: list[int] = []
    entries: list[TimelineEntry] = []
    chosen_first = set(first)
    for day in first + [d for d in rank_dates(scores) if d not in chosen_first]:
        if len(entries) >= wanted:
            break
        candidates = mentioned.get(day, []), leads.get(day, [])
        picked: list[int] = []
        for members in owners.get(day, []):  # a story's own day is told by its own articles
            own = [[i for i in found if sents[i].article_id in members] for found in candidates]
            picked += [i for i in choose_sentences(space, own[0], own[1], 1, boosted.get(
                day, frozenset()), _rows(space, used + picked), weights) if i not in picked]
        rest = choose_sentences(space, *candidates, sentences, boosted.get(day, frozenset()),
                                _rows(space, used + picked), weights)
        picked += [i for i in rest if i not in picked][: max(0, sentences - len(picked))]
        if not picked:
            continue
        used.extend(picked)
        entries.append(TimelineEntry(
            storyline_id=storyline_id, date=day.isoformat(),
            summary=[_one_line(sents[i].text) for i in picked],
            citations=[_citation(sents[i], day) for i in picked]))
    return sorted(entries, key=lambda e: e.date)


def _citation(sentence: Sentence, day: date) -> dict[str, str | None]:
    """The cited sentence and what puts it on `day`: the time expression it names the day with
    (its words, TimeML value and type, and whether the date is written in full or resolved
    against the publication date), or, for a lead sentence with no expression of its own,
    basis "published": it is placed on or just before its article's publication day."""
    found = sentence.expression_for(day)
    return {"article_id": sentence.article_id, "sentence": _one_line(sentence.text),
            "date_text": found.text if found else None,
            "date_value": found.timex if found else None,
            "date_type": found.type if found else None,
            "date_basis": found.basis if found else "published"}


def _one_line(text: str) -> str:
    """A sentence as one line: a hard-wrapped sentence keeps its words, not its line breaks."""
    return " ".join(text.split())


def _published_within(article: Article, since: date | None, until: date | None) -> bool:
    day = parse_published(article.published)
    if day is None:
        return True
    return (since is None or day >= since) and (until is None or day <= until)


def _rows(space: TfidfSpace, used: list[int]) -> sparse.csr_matrix:
    return space.rows(used) if used else sparse.csr_matrix((0, space.matrix.shape[1]))


def _group_days(sents: Sequence[Sentence], relevance: dict[str, float],
                groups: Sequence[Sequence[str]]) -> dict[date, list[set[str]]]:
    """Each group's best day (scored on its own sentences) -> the groups whose best day it is."""
    days: dict[date, list[set[str]]] = defaultdict(list)
    if not groups:
        return days
    positions: dict[str, list[int]] = defaultdict(list)  # each group reads only its sentences
    for index, sent in enumerate(sents):
        positions[sent.article_id].append(index)
    for group in groups:
        members = set(group)
        mine = sorted(i for aid in members for i in positions.get(aid, ()))
        own = score_dates([sents[i] for i in mine], relevance)
        if own:
            days[rank_dates(own)[0]].append(members)
    return days


def _event_sentences(sents: Sequence[Sentence],
                     events: Sequence[dict[str, Any]]) -> dict[date, frozenset[int]]:
    """Sentence indices holding a coded event, by the event's resolved day."""
    by_day: dict[date, set[int]] = defaultdict(set)
    if not events:
        return {}
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, sent in enumerate(sents):
        spans[sent.article_id].append((sent.start, sent.end, index))
    for event in events:
        value = str(event.get("date") or "")
        if len(value) != 10:
            continue
        begin = event.get("char_start")
        wanted = " ".join(str(event.get("sentence", "")).split())
        for start, end, index in spans.get(str(event.get("article_id")), []):
            inside = isinstance(begin, int) and start <= begin < end
            if inside or (wanted and wanted == " ".join(sents[index].text.split())):
                by_day[date.fromisoformat(value)].add(index)
    return {day: frozenset(found) for day, found in by_day.items()}
