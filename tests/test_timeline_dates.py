"""Date evidence and topic weighting of timelines: timestamps are not news, and an off-topic
article of a collection does not speak for a day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storyline.model import Article
from storyline.timeline.select_dates import topic_relevance
from storyline.timeline.select_sentences import TfidfSpace, article_sentences, choose_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "timeline_mixed_topics.json"


def _article(ident: str, text: str, published: str = "2024-03-08") -> Article:
    return Article(id=ident, source=ident, outlet="test", title=None, published=published,
                   published_basis="metadata", language="en", text=text)


@pytest.fixture(scope="module")
def mixed() -> list[Article]:
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [_article(f"{group}-{i}", text) for group, texts in records.items()
            for i, text in enumerate(texts)]


def test_every_on_topic_article_outweighs_every_off_topic_one(mixed):
    relevance = topic_relevance(mixed)
    on = [relevance[a.id] for a in mixed if a.id.startswith("topic")]
    off = [relevance[a.id] for a in mixed if a.id.startswith("other")]
    assert min(on) > max(off)


def test_relevance_is_one_for_the_most_central_article_and_empty_for_no_articles(mixed):
    assert max(topic_relevance(mixed).values()) == pytest.approx(1.0)
    assert topic_relevance([]) == {}


def test_sentence_of_an_off_topic_article_does_not_speak_for_the_day():
    texts = ["The levee at Vellin broke and the valley towns were evacuated on Tuesday .",
             "The chipmaker reported record profit on Tuesday as memory chip demand grew .",
             "Memory chip demand lifted the chipmaker to record profit on Tuesday ."]
    space = TfidfSpace(texts)
    unweighted = choose_sentences(space, [0, 1, 2], [], 1)
    weighted = choose_sentences(space, [0, 1, 2], [], 1, relevance=[1.0, 0.1, 0.1])
    assert unweighted != [0]  # the off-topic pair is the day's majority
    assert weighted == [0]


def test_comment_and_dateline_timestamps_are_not_counted_as_mentions():
    text = ("Protests spread to the port on 3 March , organisers said .\n"
            "4th March 2024 - 13:45 I hope this ends soon , one reader wrote .\n"
            "At 21:17 5th Mar 2024 , another reader replied .\n"
            "06 March 24 09:12 GMT Supporters of the mayor rallied in the square .\n"
            "HARBOURTON | Thu Mar 7 , 2024 11:51 am EST HARBOURTON - Police left the port .\n"
            "Talks were held at 10:00 on Wednesday in the town hall .")
    mentions = [s.mentions for s in article_sentences(_article("a", text))]
    assert mentions == [(date(2024, 3, 3),), (), (), (), (), (date(2024, 3, 6),)]
