"""Stories: articles that tell one real-world event, found by average-link clustering.

A pair's similarity is a weighted sum of per-view cosines times a date factor that falls off
after a couple of days. Average link at threshold t only ever merges groups joined by at least
one pair above t, so the exact clustering is found by linking above-threshold pairs inside a
sliding date window (near linear) and clustering each connected group on its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import xxhash
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.model import Article, Story
from storyline.stories.days import day_number, day_text
from storyline.stories.features import Features, article_features
from storyline.stories.undated import DEFAULT_CENTRAL, CentralParams, central_factor

BLOCK = 256
"""Rows compared at once in the candidate pass: bounds memory to BLOCK x window."""


@dataclass(frozen=True)
class StoryParams:
    """Weights (words, entities, types, dense) and threshold: chosen by cross-validation on
    BASIL in `benchmarks/stories.py`; the date factor is 1 within `slack_days`, then decays."""

    weights: tuple[float, float, float, float] = (0.3, 0.1, 0.1, 0.5)
    threshold: float = 0.35
    slack_days: float = 2.0
    tau_days: float = 3.0
    window_days: float = 21.0
    undated_factor: float = 0.9
    """Applied when either article has no date: content and central events carry the match."""
    central: CentralParams = DEFAULT_CENTRAL
    """How a pair with an unknown date is told apart by its central events."""


DEFAULT_PARAMS = StoryParams()


def date_factor(a: np.ndarray, b: np.ndarray, params: StoryParams) -> np.ndarray:
    """Multiplier for rows `a` x `b` by day gap: weeks apart is strong evidence of two events."""
    gap = np.abs(a[:, None] - b[None, :])
    factor = np.exp(-np.maximum(gap - params.slack_days, 0.0) / params.tau_days)
    factor = np.where(gap > params.window_days, 0.0, factor)
    return np.where(np.isnan(gap), params.undated_factor, factor)


def pair_factor(features: Features, a: np.ndarray, b: np.ndarray,
                params: StoryParams) -> np.ndarray:
    """Date factor times, where a date is unknown, the central-event factor."""
    return (date_factor(features.day[a], features.day[b], params)
            * central_factor(features.central, a, b, params.central))


def pair_similarity(features: Features, a: np.ndarray, b: np.ndarray,
                    params: StoryParams) -> np.ndarray:
    content = features.similarity(a, b, params.weights)
    return content * pair_factor(features, a, b, params)


def candidate_edges(features: Features, rows: np.ndarray, params: StoryParams,
                    others: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Pairs (i, j) with similarity >= threshold, i in `rows`, j in `others` (default: `rows`,
    then i < j), comparing dated rows only within the date window; undated rows see all."""
    same = others is None
    targets = rows if others is None else others
    day = features.day
    dated_t = targets[~np.isnan(day[targets])]
    dated_t = dated_t[np.argsort(day[dated_t], kind="stable")]
    target_days = day[dated_t]
    undated_t = targets[np.isnan(day[targets])]
    edges: list[tuple[int, int]] = []

    def keep(block: np.ndarray, against: np.ndarray) -> None:
        if len(block) == 0 or len(against) == 0:
            return
        sim = pair_similarity(features, block, against, params)
        for r, c in zip(*np.nonzero(sim >= params.threshold), strict=True):
            i, j = int(block[r]), int(against[c])
            if not same or i < j:
                edges.append((i, j))

    dated_r = rows[~np.isnan(day[rows])]
    dated_r = dated_r[np.argsort(day[dated_r], kind="stable")]
    for start in range(0, len(dated_r), BLOCK):
        block = dated_r[start : start + BLOCK]
        lo = np.searchsorted(target_days, day[block[0]] - params.window_days, side="left")
        hi = np.searchsorted(target_days, day[block[-1]] + params.window_days, side="right")
        keep(block, dated_t[lo:hi])
        keep(block, undated_t)
    undated_r = rows[np.isnan(day[rows])]
    for start in range(0, len(undated_r), BLOCK):
        block = undated_r[start : start + BLOCK]
        keep(block, dated_t)
        keep(block, undated_t)
    return edges


def _components(n: int, edges: list[tuple[int, int]]) -> dict[int, list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return groups


def average_link(features: Features, rows: np.ndarray, params: StoryParams) -> list[list[int]]:
    """Average-link clusters of `rows` at the threshold, exact (see the module docstring)."""
    if len(rows) == 0:
        return []
    edges = candidate_edges(features, rows, params)
    position = {int(r): k for k, r in enumerate(rows)}
    groups = _components(len(rows), [(position[i], position[j]) for i, j in edges])
    clusters: list[list[int]] = []
    for members in groups.values():
        index = rows[np.asarray(members)]
        if len(index) == 1:
            clusters.append([int(index[0])])
            continue
        sim = pair_similarity(features, index, index, params)
        distance = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - params.threshold + 1e-9, criterion="distance")
        for label in sorted(set(labels.tolist())):
            clusters.append([int(i) for i in index[labels == label]])
    return clusters


def story_id(founder: str) -> str:
    """Stable id from the founding article: the same article founds the same story every run."""
    return "s-" + xxhash.xxh3_64_hexdigest(founder.encode())[:12]


def _order_key(article: Article) -> tuple[float, str]:
    day = day_number(article.published)
    return (math.inf if math.isnan(day) else day, article.id)


def story_dates(story: Story, articles: Mapping[str, Article] | Sequence[Article]) -> list[str]:
    """Publication dates stated by the story's dated articles (inferred ones left out), sorted:
    the evidence date inference can use for an undated member."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    dates = []
    for article_id in story.article_ids:
        article = by_id.get(article_id)
        if article and article.published and article.published_basis != "inferred":
            dates.append(article.published)
    return sorted(dates)


def _span(members: Sequence[Article], features: Features, position: Mapping[str, int]) -> tuple:
    days = [day_number(a.published) for a in members]
    days = [d for d in days if not math.isnan(d)]
    if not days:
        days = [float(features.day[position[a.id]]) for a in members if a.id in position]
        days = [d for d in days if not math.isnan(d)]
    if not days:
        return None, None
    return day_text(min(days)), day_text(max(days))


def cluster_stories(
    articles: Sequence[Article],
    events: Sequence[dict] = (),
    mentions: Mapping[str, Sequence[dict]] | None = None,
    previous: Sequence[Story] = (),
    params: StoryParams = DEFAULT_PARAMS,
) -> list[Story]:
    """One Story per real-world event; copies join their original's story. With `previous`,
    their stories keep id, title and members; new articles join them or found new stories
    (pass the previous stories' articles too, so the new ones can be compared with them)."""
    from storyline.stories.titles import story_title

    by_id = {a.id: a for a in articles}
    known = {aid: s.id for s in previous for aid in s.article_ids}
    fresh = sorted((a for a in articles if a.id not in known), key=_order_key)
    copies = [a for a in fresh if a.duplicate_of and a.duplicate_of in by_id
              and a.duplicate_of != a.id]
    copy_ids = {a.id for a in copies}
    originals = [a for a in fresh if a.id not in copy_ids]
    old_members = [by_id[aid] for aid in sorted(known) if aid in by_id
                   and not by_id[aid].duplicate_of]
    pool = originals + old_members
    features = article_features(pool, events, mentions)
    position = {aid: k for k, aid in enumerate(features.ids)}
    new_rows = np.arange(len(originals), dtype=np.int64)
    clusters = average_link(features, new_rows, params)

    stories = {s.id: Story(s.id, s.title, list(s.article_ids), list(s.outlets), s.start, s.end,
                           s.storyline_id) for s in previous}
    old_rows = np.arange(len(originals), len(pool), dtype=np.int64)
    joined = _join_previous(features, clusters, old_rows, known, params)
    assignment: dict[str, str] = {}
    for cluster, target in zip(clusters, joined, strict=True):
        members = sorted((pool[i] for i in cluster), key=_order_key)
        sid = target or story_id(members[0].id)
        if sid not in stories:
            stories[sid] = Story(sid, "", [], [], None, None)
        for article in members:
            assignment[article.id] = sid
    for article in copies:
        root = article.duplicate_of or article.id
        assignment[article.id] = known.get(root) or assignment.get(root) or story_id(article.id)
        stories.setdefault(assignment[article.id], Story(assignment[article.id], "", [], [],
                                                         None, None))
    for article_id, sid in sorted(assignment.items()):
        stories[sid].article_ids.append(article_id)
    previous_ids = {s.id for s in previous}
    for story in stories.values():
        story.article_ids = sorted(set(story.article_ids),
                                   key=lambda a: _order_key(by_id[a]) if a in by_id else
                                   (math.inf, a))
        members = [by_id[a] for a in story.article_ids if a in by_id]
        story.outlets = sorted({a.outlet for a in members if a.outlet} | set(story.outlets))
        start, end = _span(members, features, position)
        if start is not None:
            story.start = min(filter(None, (story.start, start)))
            story.end = max(filter(None, (story.end, end)))
        if story.id not in previous_ids or not story.title:
            story.title = story_title(story, members, events, mentions)
    return sorted(stories.values(), key=lambda s: (s.start or "9999", s.id))


def _join_previous(features: Features, clusters: list[list[int]], old_rows: np.ndarray,
                   known: Mapping[str, str], params: StoryParams) -> list[str | None]:
    """For each new cluster, the previous story it joins (average link >= threshold) or None."""
    if len(old_rows) == 0 or not clusters:
        return [None] * len(clusters)
    new_rows = np.asarray([i for c in clusters for i in c], dtype=np.int64)
    edges = candidate_edges(features, new_rows, params, others=old_rows)
    touched: dict[int, set[str]] = {}
    for i, j in edges:
        touched.setdefault(i, set()).add(known[features.ids[j]])
    members_of: dict[str, list[int]] = {}
    for j in old_rows:
        members_of.setdefault(known[features.ids[int(j)]], []).append(int(j))
    joined: list[str | None] = []
    for cluster in clusters:
        candidates = sorted(set().union(*(touched.get(i, set()) for i in cluster)))
        best, best_score = None, params.threshold
        for sid in candidates:
            sim = pair_similarity(features, np.asarray(cluster), np.asarray(members_of[sid]),
                                  params)
            score = float(sim.mean())
            if score >= best_score:
                best, best_score = sid, score
        joined.append(best)
    return joined
