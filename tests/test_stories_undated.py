"""Undated articles (no date, no outlet) fall into stories by their central events:
tests/fixtures/undated holds invented articles about four meetings of the same two leaders."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from storyline.model import Article
from storyline.stories import DEFAULT_PARAMS, cluster_stories
from storyline.stories.undated import (
    CentralParams,
    central_factor,
    central_features,
    lead_towns,
    lead_weekdays,
)

FIXTURE = Path(__file__).parent / "fixtures" / "undated" / "articles.json"
NO_CENTRAL = replace(DEFAULT_PARAMS, central=CentralParams(strength=0.0, lead_factor=1.0,
                                                           town_factor=1.0, day_factor=1.0,
                                                           weekday_factor=1.0))


def _records() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def understood() -> tuple[list[Article], list[dict], dict[str, list[dict]]]:
    from storyline.understand import infer_missing_dates, understand_articles

    articles = [Article(id=r["id"], source=r["id"], outlet=None, title=r["title"],
                        published=None, published_basis=None, language="en", text=r["text"])
                for r in _records()]
    infer_missing_dates(articles)
    found = understand_articles(articles)
    events = [e.to_dict() for a in articles for e in found[a.id].events]
    mentions = {a.id: [m.to_dict() for m in found[a.id].mentions] for a in articles}
    return articles, events, mentions


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def _gold() -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r in _records():
        groups.setdefault(r["story"], set()).add(r["id"])
    return {frozenset(g) for g in groups.values()}


def test_undated_meetings_of_the_same_leaders_fall_into_their_own_stories(understood):
    articles, events, mentions = understood
    assert _partition(cluster_stories(articles, events, mentions)) == _gold()


def _wrong_pairs(partition: set[frozenset[str]], gold: set[frozenset[str]]) -> int:
    def pairs(groups: set[frozenset[str]]) -> set[frozenset[str]]:
        return {frozenset((a, b)) for g in groups for a in g for b in g if a < b}

    return len(pairs(partition) ^ pairs(gold))


def test_central_events_never_group_worse_than_content_alone(understood):
    """The same articles compared by content alone (once merged, since the event coder reads
    more verbs content alone keeps them apart too): the central-event guard may only help."""
    articles, events, mentions = understood
    gold = _gold()
    alone = _partition(cluster_stories(articles, events, mentions, params=NO_CENTRAL))
    guarded = _partition(cluster_stories(articles, events, mentions))
    assert _wrong_pairs(guarded, gold) <= _wrong_pairs(alone, gold)


def test_central_factor_separates_different_lead_dates_and_keeps_same_ones():
    def article(aid: str, text: str) -> Article:
        return Article(id=aid, source=aid, outlet=None, title=None, published=None,
                       published_basis=None, language="en", text=text)

    articles = [article("a", "The leaders met in Sochi on 17 September 2018."),
                article("b", "The two presidents talked in Sochi on 17 September 2018."),
                article("c", "The leaders met in Moscow on 5 March 2020.")]
    central = central_features(articles, np.full(3, np.nan))
    factor = central_factor(central, np.arange(3), np.arange(3))
    assert factor[0, 1] == pytest.approx(1.0)
    assert factor[0, 2] < 0.5


def test_central_factor_leaves_dated_pairs_alone():
    articles = [Article(id=k, source=k, outlet="x", title=None, published=day,
                        published_basis="metadata", language="en",
                        text=f"The leaders met in {town} on {written}.")
                for k, day, town, written in (("a", "2018-09-17", "Sochi", "17 September 2018"),
                                              ("b", "2018-09-18", "Moscow", "5 March 2020"))]
    days = np.asarray([736954.0, 736955.0])
    factor = central_factor(central_features(articles, days), np.arange(2), np.arange(2))
    assert np.all(factor == 1.0)


def test_type_factor_separates_one_actor_doing_different_things():
    def article(aid: str) -> Article:
        return Article(id=aid, source=aid, outlet=None, title=None, published=None,
                       published_basis=None, language="en", text="Russia and the grain deal.")

    def event(aid: str, kind: str, source: str) -> dict:
        return {"article_id": aid, "type": kind, "char_start": 0, "source": {"name": source}}

    articles = [article("a"), article("b"), article("c"), article("d")]
    events_of = {"a": [event("a", "SANCTION", "Russia")], "b": [event("b", "SANCTION", "Russia")],
                 "c": [event("c", "AGREE", "Russia")], "d": [event("d", "AGREE", "Ukraine")]}
    central = central_features(articles, np.full(4, np.nan), events_of=events_of)
    params = CentralParams(type_factor=0.5)
    factor = central_factor(central, np.arange(4), np.arange(4), params)
    assert factor[0, 1] == pytest.approx(1.0)  # same actor, same type
    assert factor[0, 2] == pytest.approx(0.5)  # same actor, another type
    assert factor[0, 3] == pytest.approx(1.0)  # other actor: nothing to compare
    assert np.all(central_factor(central, np.arange(4), np.arange(4)) == 1.0)  # off by default


def test_day_factor_compares_calendar_dates_written_without_a_year():
    def article(aid: str, text: str) -> Article:
        return Article(id=aid, source=aid, outlet=None, title=None, published=None,
                       published_basis=None, language="en", text=text)

    articles = [article("a", "The deal was signed in Istanbul on 22 July."),
                article("b", "Ministers signed the deal on July 23 in Istanbul."),
                article("c", "The first ship left Odesa on 1 August under the deal."),
                article("d", "The ship left Odesa on Monday under the deal.")]
    central = central_features(articles, np.full(4, np.nan))
    factor = central_factor(central, np.arange(4), np.arange(4))
    assert factor[0, 1] == pytest.approx(1.0)  # a day apart: outlets differ
    assert factor[0, 2] == pytest.approx(DEFAULT_PARAMS.central.day_factor)
    assert DEFAULT_PARAMS.central.day_factor < 1.0
    assert factor[2, 3] == pytest.approx(1.0)  # a weekday is no calendar date


WEEKDAYS = Path(__file__).parent / "fixtures" / "undated" / "weekdays.json"


def _undated_article(aid: str, text: str, title: str | None = None) -> Article:
    return Article(id=aid, source=aid, outlet=None, title=title, published=None,
                   published_basis=None, language="en", text=text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The two mayors signed the accord on Friday in the town hall.", {4}),
    ("On Monday the council met; it voted on Tuesday evening.", {0, 1}),
    ("The mayors will meet on Friday to sign the accord.", set()),
    ("The mayors meet again next Friday.", set()),
    ("The accord was signed on Friday, 22 July, in the town hall.", set()),
    ("The ceasefire took effect at noon on Wednesday across the province.", {2}),
])
def test_lead_weekdays_are_bare_weekdays_not_ahead(text: str, expected: set[int]) -> None:
    assert lead_weekdays(_undated_article("a", text)) == expected


def test_weekday_factor_separates_leads_told_on_days_apart_unless_dates_compare_them():
    articles = [_undated_article("mon", "The mayors signed the accord on Monday."),
                _undated_article("tue", "The mayors signed the accord on Tuesday."),
                _undated_article("thu", "The mayors met again on Thursday."),
                _undated_article("dated-mon", "The mayors signed on Monday, as agreed on "
                                              "12 May 2021."),
                _undated_article("dated-thu", "The mayors met on Thursday; the accord of "
                                              "12 May 2021 held.")]
    central = central_features(articles, np.full(5, np.nan))
    factor = central_factor(central, np.arange(5), np.arange(5))
    weekday = DEFAULT_PARAMS.central.weekday_factor
    assert weekday < 1.0
    assert factor[0, 1] == pytest.approx(1.0)  # a day apart: a follow-up of one event
    assert factor[0, 2] == pytest.approx(weekday)
    assert factor[3, 4] == pytest.approx(1.0)  # the lead dates compare them, not the weekdays


@pytest.fixture(scope="module")
def weekday_meetings() -> tuple[list[Article], list[dict], dict[str, list[dict]], set]:
    from storyline.understand import infer_missing_dates, understand_articles

    records = json.loads(WEEKDAYS.read_text(encoding="utf-8"))["articles"]
    articles = [_undated_article(r["id"], r["text"], r["title"]) for r in records]
    infer_missing_dates(articles)
    found = understand_articles(articles)
    events = [e.to_dict() for a in articles for e in found[a.id].events]
    mentions = {a.id: [m.to_dict() for m in found[a.id].mentions] for a in articles}
    gold: dict[str, set[str]] = {}
    for r in records:
        gold.setdefault(r["story"], set()).add(r["id"])
    return articles, events, mentions, {frozenset(g) for g in gold.values()}


def test_undated_meetings_told_on_different_weekdays_are_different_stories(weekday_meetings):
    articles, events, mentions, gold = weekday_meetings
    assert _partition(cluster_stories(articles, events, mentions)) == gold


def test_without_the_weekday_factor_the_two_meetings_merge(weekday_meetings):
    articles, events, mentions, gold = weekday_meetings
    no_weekdays = replace(DEFAULT_PARAMS, central=replace(DEFAULT_PARAMS.central,
                                                          weekday_factor=1.0))
    merged = _partition(cluster_stories(articles, events, mentions, params=no_weekdays))
    assert merged != gold


def test_lead_towns_leave_out_the_dateline_written_in_capitals():
    article = _undated_article("a", "DAMASCUS – The two ministers met in Sochi on Monday.")
    mentions = [{"text": "DAMASCUS", "start": 0, "place": {"name": "Damascus", "feature": "city"}},
                {"text": "Sochi", "start": 35, "place": {"name": "Sochi", "feature": "city"}}]
    assert lead_towns(article, mentions) == {"Sochi"}


def _ranged(aid: str, earliest: str | None, latest: str | None, confidence: float) -> Article:
    article = Article(id=aid, source=aid, outlet=None, title=None, published=None,
                      published_basis=None, language="en", text="The talks went on.")
    article.extra["published_inferred"] = {"earliest": earliest, "latest": latest,
                                           "confidence": confidence}
    return article


def test_a_known_day_after_an_open_ranges_start_does_not_contradict_it():
    known = Article(id="k", source="k", outlet=None, title=None, published="2020-02-28",
                    published_basis="inferred", language="en", text="The talks went on.")
    articles = [known,
                _ranged("old", "2016-02-28", None, 0.1),  # the latest year written is 2016
                _ranged("later", "2021-03-01", None, 0.1),  # starts after the known day
                _ranged("other", "2019-05-01", None, 0.1)]
    days = np.asarray([float(date(2020, 2, 28).toordinal()), np.nan, np.nan, np.nan])
    central = central_features(articles, days)
    n = np.arange(4)
    factor = central_factor(central, n, n)
    assert factor[0, 1] == pytest.approx(1.0) and factor[1, 0] == pytest.approx(1.0)
    assert factor[0, 2] < 1.0  # a start after the known day still contradicts it
    assert factor[1, 3] < 1.0  # two open ranges are still read as `open_days` long
    closed = central_factor(central, n, n, CentralParams(open_against_day=None))
    assert closed[0, 1] < 1.0

