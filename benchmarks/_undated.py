"""Story clustering with and without dates, outlets and URLs, side by side (stories.py --undated).

The undated copy of a set has `published`, `outlet` and the URL removed, short lines naming the
outlet (bylines, credit lines) dropped and "(Reuters)"-style credits cut; its publication ranges
are then inferred from the text (`infer_missing_dates`) and it is understood again, as the
pipeline would. Both settings are scored by 5-fold CV by story over the same grid: view weights
(step 0.25), threshold, and the central-event variant (off / shipped / strong / lead event
types of one actor / stronger yearless lead dates / open ranges left open / lead weekdays off
or stronger / open ranges closed at 180 days against known days too, "closed-day"), the
first three also with a stricter undated factor (an undated pair's content must be closer:
"-strict").
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import time
from dataclasses import replace

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from stories import DATA, ROOT, THRESHOLDS, bcubed

from storyline.model import Article
from storyline.stories import DEFAULT_PARAMS, StoryParams
from storyline.stories.cluster import pair_factor
from storyline.stories.features import VIEWS, article_features
from storyline.stories.undated import DEFAULT_CENTRAL, CentralParams

OUTLET_NAMES = {"fox": ["Fox News"], "nyt": ["New York Times", "NYT"],
                "hpo": ["HuffPost", "Huffington Post"], "bbc": ["BBC"], "reuters": ["Reuters"]}
CREDIT = re.compile(r"\s*(?:\(|-LRB-\s*)(?:Reuters|AP|AFP)(?:\)|\s*-RRB-)")
CENTRAL_VARIANTS = {
    "off": CentralParams(strength=0.0, lead_factor=1.0, town_factor=1.0, day_factor=1.0,
                         weekday_factor=1.0),
    "shipped": DEFAULT_CENTRAL,
    "strong": replace(DEFAULT_CENTRAL, strength=8.0, lead_factor=0.4, town_factor=0.6),
    "types": replace(DEFAULT_CENTRAL, type_factor=0.7),
    "types-mild": replace(DEFAULT_CENTRAL, type_factor=0.85),
    "days-strong": replace(DEFAULT_CENTRAL, day_factor=0.4),
    "open": replace(DEFAULT_CENTRAL, open_days=math.inf),
    "closed-day": replace(DEFAULT_CENTRAL, open_against_day=None),
    "no-weekdays": replace(DEFAULT_CENTRAL, weekday_factor=1.0),
    "weekdays-strong": replace(DEFAULT_CENTRAL, weekday_factor=0.4),
    "towns": replace(DEFAULT_CENTRAL, town_factor=0.6),
}
STRICT_UNDATED = 0.75
"""A pair with an unknown date is also tried with this undated factor (content must be closer
than between two dated articles) with the central variants below."""
STRICT_VARIANTS = ("off", "shipped", "open")


def variant_params() -> dict[str, StoryParams]:
    """The CV's variants: each central variant at the shipped undated factor, and a few also
    at the stricter one ("-strict")."""
    found = {name: replace(DEFAULT_PARAMS, central=c) for name, c in CENTRAL_VARIANTS.items()}
    for name in STRICT_VARIANTS:
        found[f"{name}-strict"] = replace(found[name], undated_factor=STRICT_UNDATED)
    return found


def strip_outlet(text: str, outlet: str | None) -> str:
    """The text without short lines naming the outlet and without agency credits."""
    names = OUTLET_NAMES.get(outlet or "", []) + ([outlet] if outlet else [])
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b", re.I) if names \
        else None
    kept = [line for line in text.splitlines()
            if not (pattern and len(line) < 100 and pattern.search(line))]
    return CREDIT.sub("", "\n".join(kept))


def undated_copy(article: Article) -> Article:
    return replace(article, source=article.id, outlet=None, published=None,
                   published_basis=None, text=strip_outlet(article.text, article.outlet),
                   extra={})


def understood(articles: list[Article]) -> tuple[list[dict], dict[str, list[dict]]]:
    from storyline.understand import infer_missing_dates, understand_articles

    if any(a.published is None for a in articles):
        infer_missing_dates(articles)
    found = understand_articles(articles)
    events = [e.to_dict() for a in articles for e in found[a.id].events]
    mentions = {a.id: [m.to_dict() for m in found[a.id].mentions] for a in articles}
    return events, mentions


def grid() -> list[tuple[float, ...]]:
    steps = np.arange(0, 1 + 1e-9, 0.25)
    return [tuple(round(float(x), 2) for x in (*w, 1 - sum(w)))
            for w in itertools.product(steps, repeat=len(VIEWS) - 1) if sum(w) <= 1 + 1e-9]


class Pairs:
    """Per-view similarities and, per central variant, the pair factor of a whole set."""

    def __init__(self, features) -> None:
        n = np.arange(len(features))
        self.views = [features.similarity(n, n, [1.0 if v == k else 0.0 for v in VIEWS])
                      for k in VIEWS]
        self.factors = {name: pair_factor(features, n, n, params)
                        for name, params in variant_params().items()}

    def labels(self, rows, weights, threshold, variant) -> np.ndarray:
        if len(rows) == 1:
            return np.ones(1, dtype=int)
        index = np.ix_(rows, rows)
        sim = sum(w * v[index] for w, v in zip(weights, self.views, strict=True))
        sim = sim * self.factors[variant][index]
        dist = np.clip(1 - (sim + sim.T) / 2, 0, None)
        np.fill_diagonal(dist, 0)
        tree = linkage(squareform(dist, checks=False), method="average")
        return fcluster(tree, t=1 - threshold + 1e-9, criterion="distance")

    def score(self, rows, ids, gold, setting) -> tuple[float, float, float]:
        labels = self.labels(rows, *setting)
        return bcubed({ids[i]: lab for i, lab in zip(rows, labels, strict=True)},
                      {ids[i]: gold[ids[i]] for i in rows})


def cross_validate(pairs: Pairs, ids: list[str], gold: dict[str, str], folds: int = 5):
    stories = sorted(set(gold.values()))
    random.Random(13).shuffle(stories)
    fold_of = {s: k % folds for k, s in enumerate(stories)}
    settings = [(w, t, v) for v in pairs.factors for w in grid() for t in THRESHOLDS]
    totals, chosen = np.zeros(3), []
    for k in range(folds):
        train = np.asarray([i for i, a in enumerate(ids) if fold_of[gold[a]] != k])
        test = np.asarray([i for i, a in enumerate(ids) if fold_of[gold[a]] == k])
        best = max(settings, key=lambda s: (round(pairs.score(train, ids, gold, s)[2], 9),
                                            s[2] == "shipped"))
        totals += pairs.score(test, ids, gold, best)
        chosen.append(best[2])
    return (*(totals / folds), chosen)


def load_timeline17() -> tuple[list[Article], dict[str, str]]:
    gold = json.loads((ROOT / "benchmarks" / "data" /
                       "timeline17_story_gold.json").read_text())["articles"]
    articles = []
    for topic in ("SyrianCrisis_bbc", "SyrianCrisis_reuters"):
        for line in (DATA / "timeline17" / topic / "articles.jsonl").open():
            r = json.loads(line)
            if r["id"] in gold:
                articles.append(Article(id=r["id"], source=r["id"], outlet=r["outlet"],
                                        title=r["title"], published=r["published"],
                                        published_basis="metadata", language="en",
                                        text=r["text"]))
    return articles, gold


def corpus_rows(name: str, articles: list[Article], gold: dict[str, str]) -> None:
    for label, batch in (("dated", articles), ("undated", [undated_copy(a) for a in articles])):
        started = time.perf_counter()
        events, mentions = understood(batch)
        pairs = Pairs(article_features(batch, events, mentions))
        p, r, f, chosen = cross_validate(pairs, [a.id for a in batch], gold)
        print(f"{name:12} {label:8} {p:6.3f} {r:6.3f} {f:6.3f}   central chosen per fold "
              f"{chosen} ({time.perf_counter() - started:.0f}s)", flush=True)


def examples_rows() -> None:
    from stories import analyzed_examples

    from storyline.stories import cluster_stories

    gold, result, mentions = analyzed_examples()
    settings = (("dated", result.articles, result.events, mentions),
                ("undated", [undated_copy(a) for a in result.articles], None, None))
    for label, batch, events, found in settings:
        if events is None:
            events, found = understood(batch)
        stories = cluster_stories(batch, events, found)
        story_of = {a: s.id for s in stories for a in s.article_ids}
        gold_story = {a: v["story"] for a, v in gold["articles"].items() if a in story_of}
        p, r, f = bcubed(story_of, gold_story)
        print(f"{'examples':12} {label:8} {p:6.3f} {r:6.3f} {f:6.3f}   shipped parameters, "
              f"{len(stories)} stories (gold {len(gold['stories'])})", flush=True)


def undated_table() -> None:
    from stories import load_basil

    print("story clustering, BCubed (CV by story; examples: shipped parameters)")
    print(f"{'set':12} {'setting':8} {'P':>6} {'R':>6} {'F1':>6}")
    corpus_rows("BASIL", *load_basil())
    corpus_rows("Timeline17", *load_timeline17())
    examples_rows()


__all__ = ["undated_table"]
