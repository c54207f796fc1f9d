"""The understanding step on the demo corpus: events cite real sentences, dates come from the
story text (never from cut boilerplate), and an outlet's name variants collapse to one actor."""

from __future__ import annotations

import json
from collections import defaultdict

from storyline.pipeline import RunResult
from storyline.store import EventFilter, open_store

from .conftest import EXAMPLES

GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_every_event_cites_its_sentence_at_its_offsets(examples_run: RunResult) -> None:
    articles = {a.id: a for a in examples_run.articles}
    assert len(examples_run.events) >= 100
    for event in examples_run.events:
        text = articles[event["article_id"]].text
        assert text[event["char_start"]:event["char_end"]] == event["sentence"]
        assert event["type"] in PLOVER
        assert event["cameo"] and event["cameo"].isdigit()
        if event["date_text"]:
            assert event["date_text"] in event["sentence"]
            assert event["date_basis"] in {"absolute", "relative", "antecedent"}


def test_no_event_date_comes_from_a_removed_line(examples_run: RunResult) -> None:
    articles = {a.id: a for a in examples_run.articles}
    for event in examples_run.events:
        if event["date_text"]:
            removed = " ".join(articles[event["article_id"]].removed_lines)
            assert _norm(event["sentence"]) not in _norm(removed)


def test_undated_article_events_without_time_words_have_no_date(examples_run: RunResult) -> None:
    undated = {a.id for a in examples_run.articles if a.published is None}
    for event in examples_run.events:
        if event["article_id"] in undated and not event["date_text"]:
            assert event["date"] is None  # never today's date, never a guess


def test_most_gold_key_events_are_found_with_their_date(examples_run: RunResult) -> None:
    by_article = defaultdict(list)
    for event in examples_run.events:
        by_article[event["article_id"]].append(event)
    found = 0
    for key in GOLD["key_events"]:
        sentence_events = [e for e in by_article[key["article_id"]]
                           if _norm(key["text"])[:60] in _norm(e["sentence"])]
        found += any(e["date"] == key["date"] for e in sentence_events)
    # measured 39/57 on 2026-11-23 (coder recall and undated articles are the gap); a floor
    # that catches regressions, not the goal
    assert found / len(GOLD["key_events"]) >= 0.65


def test_name_variants_collapse_to_one_actor(examples_run: RunResult) -> None:
    names_by_variant: dict[str, set[str]] = defaultdict(set)
    for event in examples_run.events:
        for role in ("source", "target"):
            actor = event[role]
            if actor and actor["name"]:
                names_by_variant[_norm(actor["text"]).lower()].add(actor["name"])
    checked = 0
    for canonical, variants in GOLD["actor_variants"].items():
        for variant in variants:
            names = names_by_variant.get(variant.lower())
            if names:
                checked += 1
                assert names == {canonical}, (variant, names)
    assert checked >= 10


def test_events_are_in_the_store_and_filter(examples_run: RunResult) -> None:
    assert examples_run.db is not None
    with open_store(examples_run.db) as store:
        stored = store.events()
        assert len(stored) == len(examples_run.events)
        assaults = store.events(EventFilter(type="ASSAULT"))
        assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
        in_2020 = store.events(EventFilter(since="2020-01-01", until="2020-12-31"))
        assert in_2020 and all(e["date"].startswith("2020") for e in in_2020)
