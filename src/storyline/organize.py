"""Corpus-level organisation of a run: stories, storylines and their cited timelines.

Runs after the understanding step, because stories compare articles by their actors, places,
events and dates. Stories in turn date undated articles better (an article is published within
days of its story), so those articles' events are dated again before the timelines are built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.model import Article, Story, Storyline, TimelineEntry
from storyline.stories import cluster_stories, link_storylines, story_dates
from storyline.timeline import build_timeline
from storyline.understand import (
    CorpusFindings,
    findings_key,
    redate_with_stories,
    understand_articles,
)

if TYPE_CHECKING:
    from storyline.progress import Reporter
    from storyline.store.sqlite import SqliteStore

TIMELINE_SENTENCES = 2


@dataclass
class Organized:
    stories: list[Story]
    storylines: list[Storyline]
    timeline: list[TimelineEntry]
    redated: int


def organize(
    articles: Sequence[Article],
    findings: CorpusFindings,
    store: SqliteStore | None = None,
    reporter: Reporter | None = None,
    workers: int = 1,
) -> Organized:
    """Cluster stories (keeping the ids of stories the store already has), link storylines,
    re-date undated articles with their story, and build one timeline per storyline."""
    present = {a.id for a in articles}
    previous_stories, previous_lines = _previous(store, present)
    if reporter:
        reporter.start("stories", "Stories and timelines", total=None)
    stories = cluster_stories(articles, findings.events, findings.mentions,
                              previous=previous_stories)
    storylines = link_storylines(stories, articles, findings.events, findings.mentions,
                                 previous=previous_lines)
    story_of = {aid: story for story in stories for aid in story.article_ids}
    for article in articles:
        story = story_of.get(article.id)
        article.story_id = story.id if story else None
        article.storyline_id = story.storyline_id if story else None

    by_id = {a.id: a for a in articles}
    dates = {aid: story_dates(story, by_id) for aid, story in story_of.items()}
    redated = redate_with_stories(articles, dates)
    if redated:
        _understand_again(redated, findings, store, workers)
    for event in findings.events:
        story = story_of.get(event["article_id"])
        event["story_id"] = story.id if story else None

    timeline = _timelines(articles, storylines, stories, findings.events)
    if reporter:
        reporter.finish("stories")
    return Organized(stories, storylines, timeline, len(redated))


def _previous(
    store: SqliteStore | None, present: set[str]
) -> tuple[list[Story], list[Storyline]]:
    """The store's stories and storylines, limited to articles of this run."""
    if store is None:
        return [], []
    stories = []
    for story in store.stories():
        story.article_ids = [a for a in story.article_ids if a in present]
        if story.article_ids:
            stories.append(story)
    kept = {s.id for s in stories}
    lines = []
    for line in store.storylines():
        line.story_ids = [s for s in line.story_ids if s in kept]
        if line.story_ids:
            lines.append(line)
    return stories, lines


def _understand_again(
    articles: list[Article], findings: CorpusFindings, store: SqliteStore | None, workers: int
) -> None:
    """Events of articles whose date changed, found again and put in place of the old ones."""
    found = understand_articles(articles, workers=workers)
    ids = set(found)
    findings.events[:] = [e for e in findings.events if e["article_id"] not in ids]
    findings.events.extend(e.to_dict() for u in found.values() for e in u.events)
    findings.events.sort(key=lambda e: (e["article_id"], e["char_start"]))
    for u in found.values():
        findings.mentions[u.article_id] = [m.to_dict() for m in u.mentions]
    if store is not None:
        by_id = {a.id: a for a in articles}
        store.save_findings([
            (u.article_id, findings_key(by_id[u.article_id]), [e.to_dict() for e in u.events],
             findings.mentions[u.article_id])
            for u in found.values()
        ])


def _timelines(
    articles: Sequence[Article], storylines: Sequence[Storyline], stories: Sequence[Story],
    events: Sequence[dict[str, Any]],
) -> list[TimelineEntry]:
    """One timeline per storyline, each of its stories on it at least once."""
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for story in sorted(stories, key=lambda s: s.id):
        if story.storyline_id:
            groups[story.storyline_id].append(list(story.article_ids))
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.storyline_id:
            members[article.storyline_id].append(article)
    events_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    line_of = {a.id: a.storyline_id for a in articles}
    for event in events:
        if line_of.get(event["article_id"]):
            events_of[line_of[event["article_id"]]].append(event)
    entries: list[TimelineEntry] = []
    for line in sorted(storylines, key=lambda s: s.id):
        entries += build_timeline(members[line.id], sentences=TIMELINE_SENTENCES,
                                  storyline_id=line.id, events=events_of[line.id],
                                  groups=groups[line.id])
    return entries
