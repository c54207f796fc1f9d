"""Storylines: stories of one ongoing issue, linked over months by the actors, places and words
they share. Each story becomes the centroid of its articles' features and the stories are
clustered by average link like articles are, with a date factor that only bites after a year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import xxhash
from scipy import sparse

from storyline.model import Article, Story, Storyline
from storyline.stories.cluster import StoryParams, _join_previous, average_link
from storyline.stories.days import day_number
from storyline.stories.features import Features, article_features
from storyline.stories.undated import neutral_central

STORYLINE_PARAMS = StoryParams(
    weights=(0.4, 0.4, 0.0, 0.2), threshold=0.2, slack_days=730.0, tau_days=365.0,
    window_days=3 * 365.0, undated_factor=1.0,
)
"""Entities weigh most: an issue keeps its actors and places while its events change words."""


def storyline_id(founder: str) -> str:
    """Stable id from the founding (earliest) story's id."""
    return "l-" + xxhash.xxh3_64_hexdigest(founder.encode())[:12]


def _unit_rows(matrix: sparse.csr_matrix | np.ndarray) -> sparse.csr_matrix | np.ndarray:
    if sparse.issparse(matrix):
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def story_features(stories: Sequence[Story], articles: Sequence[Article],
                   events: Sequence[dict] = (),
                   mentions: Mapping[str, Sequence[dict]] | None = None) -> Features:
    """One row per story: the renormalized mean of its (original) articles' feature rows."""
    by_id = {a.id: a for a in articles}
    members = [[by_id[a] for a in s.article_ids if a in by_id and not by_id[a].duplicate_of]
               or [by_id[a] for a in s.article_ids if a in by_id] for s in stories]
    pool = sorted({a.id: a for group in members for a in group}.values(), key=lambda a: a.id)
    base = article_features(pool, events, mentions)
    column = {aid: k for k, aid in enumerate(base.ids)}
    rows, cols = [], []
    for r, group in enumerate(members):
        for article in group:
            rows.append(r)
            cols.append(column[article.id])
    pick = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(stories), len(pool)))
    days = np.asarray([day_number(s.start) for s in stories], dtype=np.float64)
    return Features([s.id for s in stories], days, _unit_rows(pick @ base.words),
                    _unit_rows(pick @ base.entities), _unit_rows(pick @ base.types),
                    _unit_rows(np.asarray(pick @ base.dense)), neutral_central(len(stories)))


def link_storylines(
    stories: Sequence[Story],
    articles: Sequence[Article],
    events: Sequence[dict] = (),
    mentions: Mapping[str, Sequence[dict]] | None = None,
    previous: Sequence[Storyline] = (),
    params: StoryParams = STORYLINE_PARAMS,
) -> list[Storyline]:
    """Group stories into storylines and set each story's `storyline_id`. Previous storylines
    keep id, title and stories; new stories join them or found new storylines."""
    from storyline.stories.titles import storyline_title

    known = {sid: line.id for line in previous for sid in line.story_ids}
    ordered = sorted(stories, key=lambda s: (s.start or "9999", s.id))
    fresh = [s for s in ordered if s.id not in known]
    old = [s for s in ordered if s.id in known]
    features = story_features(fresh + old, articles, events, mentions)
    clusters = average_link(features, np.arange(len(fresh), dtype=np.int64), params)
    joined = _join_previous(features, clusters,
                            np.arange(len(fresh), len(fresh) + len(old), dtype=np.int64),
                            known, params)
    lines = {line.id: Storyline(line.id, line.title, list(line.story_ids), line.start,
                                line.end) for line in previous}
    new_ids: set[str] = set()
    for cluster, target in zip(clusters, joined, strict=True):
        members = sorted((fresh[i] for i in cluster), key=lambda s: (s.start or "9999", s.id))
        lid = target or storyline_id(members[0].id)
        if lid not in lines:
            lines[lid] = Storyline(lid, "", [], None, None)
            new_ids.add(lid)
        lines[lid].story_ids.extend(s.id for s in members)
    by_story = {s.id: s for s in stories}
    for line in lines.values():
        line.story_ids = sorted(set(line.story_ids), key=lambda sid: (
            (by_story[sid].start or "9999") if sid in by_story else "9999", sid))
        mine = [by_story[sid] for sid in line.story_ids if sid in by_story]
        for story in mine:
            story.storyline_id = line.id
        starts = [s.start for s in mine if s.start] + ([line.start] if line.start else [])
        ends = [s.end for s in mine if s.end] + ([line.end] if line.end else [])
        line.start = min(starts) if starts else None
        line.end = max(ends) if ends else None
        if line.id in new_ids or not line.title:
            line.title = storyline_title(line, mine, articles, events, mentions)
    return sorted(lines.values(), key=lambda x: (x.start or "9999", x.id))

