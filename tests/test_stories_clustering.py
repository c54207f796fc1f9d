"""Story clustering and storyline linking on a small invented corpus (tests/fixtures/stories)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.model import Article, Story
from storyline.stories import cluster_stories, link_storylines, story_dates, story_title

FIXTURE = Path(__file__).parent / "fixtures" / "stories" / "articles.json"


def _load(part: str) -> list[Article]:
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))[part]
    return [Article(id=r["id"], source=r["id"], outlet=r["outlet"], title=r["title"],
                    published=r["published"], published_basis="metadata", language="en",
                    text=r["text"], duplicate_of=r.get("duplicate_of")) for r in records]


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    return _load("articles")


@pytest.fixture(scope="module")
def stories(corpus: list[Article]) -> list[Story]:
    return cluster_stories(corpus)


def _story_of(stories: list[Story], article_id: str) -> Story:
    return next(s for s in stories if article_id in s.article_ids)


def test_same_event_told_by_three_outlets_in_different_words_is_one_story(stories):
    story = _story_of(stories, "north-summit-herald")
    assert {"north-summit-tribune", "north-summit-daily"} <= set(story.article_ids)
    assert "flood-herald" not in story.article_ids
    assert _story_of(stories, "flood-daily") is _story_of(stories, "flood-herald")


def test_same_leaders_meeting_again_months_later_is_a_second_story_in_the_same_storyline(
    stories, corpus
):
    first = _story_of(stories, "north-summit-herald")
    second = _story_of(stories, "second-summit-herald")
    assert first.id != second.id
    assert "second-summit-tribune" in second.article_ids
    lines = link_storylines(stories, corpus)
    assert first.storyline_id == second.storyline_id
    flood = _story_of(stories, "flood-herald")
    assert flood.storyline_id != first.storyline_id
    assert {s for line in lines for s in line.story_ids} == {s.id for s in stories}


def test_copy_follows_its_original_into_its_story(stories):
    assert _story_of(stories, "north-summit-copy") is _story_of(stories, "north-summit-herald")


def test_story_has_span_outlets_dates_and_a_headline_title(stories, corpus):
    story = _story_of(stories, "north-summit-herald")
    assert (story.start, story.end) == ("2021-05-03", "2021-05-04")
    assert "Harbour Post" in story.outlets and "Kestria Tribune" in story.outlets
    assert story.title in {a.title for a in corpus}
    assert story_title(story, corpus) == story.title
    assert story_dates(story, corpus)[0] == "2021-05-03"


def test_same_input_gives_same_ids_twice(corpus):
    once = cluster_stories(corpus)
    again = cluster_stories(list(reversed(corpus)))
    assert [s.to_dict() for s in again] == [s.to_dict() for s in once]
    first = [x.to_dict() for x in link_storylines(once, corpus)]
    assert [x.to_dict() for x in link_storylines(again, corpus)] == first
    assert [s.storyline_id for s in again] == [s.storyline_id for s in once]


def test_incremental_run_keeps_old_ids_and_adds_new_articles(corpus):
    early = [a for a in corpus if not a.id.startswith("second-summit")]
    before = cluster_stories(early)
    lines_before = link_storylines(before, early)
    everything = corpus + _load("late")
    after = cluster_stories(everything, previous=before)
    old = {s.id: s for s in before}
    for story in after:
        if story.id in old:
            assert set(old[story.id].article_ids) <= set(story.article_ids)
            assert story.title == old[story.id].title
    assert "north-summit-gazette" in _story_of(after, "north-summit-herald").article_ids
    assert _story_of(after, "flood-gazette").id == _story_of(before, "flood-herald").id
    second = _story_of(after, "second-summit-herald")
    assert second.id not in old
    lines_after = link_storylines(after, everything, previous=lines_before)
    assert {x.id for x in lines_before} <= {x.id for x in lines_after}
    assert second.storyline_id == _story_of(after, "north-summit-herald").storyline_id


def test_untitled_story_gets_a_line_from_its_events():
    article = Article(id="x", source="x", outlet=None, title=None, published="2022-01-02",
                      published_basis="metadata", language="en", text="Something happened.")
    event = {"article_id": "x", "type": "CONSULT", "date": "2022-01-02",
             "source": {"name": "Amara Velt"}, "target": {"name": "Joren Halsk"},
             "location": {"name": "Lisbon"}}
    story = Story("s-x", "", ["x"], [], "2022-01-02", "2022-01-02")
    assert story_title(story, [article], [event]) == (
        "Amara Velt and Joren Halsk meet in Lisbon, 2 January 2022")
