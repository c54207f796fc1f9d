"""Story clustering benchmark.

1. BASIL (shared data): BCubed P/R/F1 of story clusters against `gold_story`, 5-fold CV by story:
   weights and threshold chosen on four folds, scored on the fifth (never on what was fitted),
   beside a TF-IDF average-link baseline whose threshold is chosen the same way. Also without
   dates (content alone) and the shipped parameters scored on all of BASIL.
2. examples/: `analyze` on examples/corpus, then stories and storylines against gold.json.
2b. `--undated`: side by side, BASIL, Timeline17 (derived gold, benchmarks/data/
   timeline17_story_gold.md) and examples/ with and without their dates, outlets and URLs
   (stripped, outlet credit lines and "(Reuters)" credits cut from the text, dates re-inferred
   from the text). Both settings: 5-fold CV by story over weights, threshold and the central-
   event variant (off / shipped / strong / ...); examples/ scores the shipped parameters.
3. Scale: cluster 1k / 10k / 50k synthetic articles (shared-set texts re-dated and trimmed),
   each in its own process: articles/s and peak memory (max RSS).

Run: .venv/bin/python benchmarks/stories.py [--skip-scale] [--sizes 1000,10000,50000]
     .venv/bin/python benchmarks/stories.py --undated   (the dated vs undated table only)
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_data  # noqa: E402

DATA = shared_data() or Path("shared-data-not-found")
sys.path.insert(0, str(ROOT / "src"))

from storyline.model import Article  # noqa: E402
from storyline.stories import DEFAULT_PARAMS, StoryParams  # noqa: E402
from storyline.stories.cluster import date_factor  # noqa: E402
from storyline.stories.features import VIEWS, article_features  # noqa: E402

THRESHOLDS = [round(float(t), 3) for t in np.arange(0.10, 0.701, 0.025)]
STEP = 0.1


def bcubed(pred: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 over the items of `gold`."""
    from collections import Counter

    ids = list(gold)
    both = Counter((pred[i], gold[i]) for i in ids)
    size_p, size_g = Counter(pred[i] for i in ids), Counter(gold[i] for i in ids)
    p = sum(both[(pred[i], gold[i])] / size_p[pred[i]] for i in ids) / len(ids)
    r = sum(both[(pred[i], gold[i])] / size_g[gold[i]] for i in ids) / len(ids)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def weight_grid() -> list[tuple[float, ...]]:
    steps = np.arange(0, 1 + 1e-9, STEP)
    grid = []
    for w in itertools.product(steps, repeat=len(VIEWS) - 1):
        if sum(w) <= 1 + 1e-9:
            grid.append(tuple(round(float(x), 2) for x in (*w, 1 - sum(w))))
    return grid


class Pairwise:
    """Per-view similarity matrices and the date factor of a whole set, computed once."""

    def __init__(self, features, use_dates: bool, params: StoryParams) -> None:
        n = np.arange(len(features))
        self.views = [features.similarity(n, n, [1.0 if v == k else 0.0 for v in VIEWS])
                      for k in VIEWS]
        day = features.day if use_dates else np.full(len(features), np.nan)
        undated = params.undated_factor if use_dates else 1.0
        self.dates = date_factor(day, day, StoryParams(**{**params.__dict__,
                                                          "undated_factor": undated}))

    def cluster(self, rows: np.ndarray, weights, threshold: float) -> np.ndarray:
        sim = sum(w * v[np.ix_(rows, rows)] for w, v in zip(weights, self.views, strict=True))
        sim = sim * self.dates[np.ix_(rows, rows)]
        if len(rows) == 1:
            return np.ones(1, dtype=int)
        dist = np.clip(1 - (sim + sim.T) / 2, 0, None)
        np.fill_diagonal(dist, 0)
        tree = linkage(squareform(dist, checks=False), method="average")
        return fcluster(tree, t=1 - threshold + 1e-9, criterion="distance")


def score(pair: Pairwise, rows, ids, gold, weights, threshold) -> tuple[float, float, float]:
    labels = pair.cluster(rows, weights, threshold)
    return bcubed({ids[i]: lab for i, lab in zip(rows, labels, strict=True)},
                  {ids[i]: gold[ids[i]] for i in rows})


def fit(pair, rows, ids, gold, grid) -> tuple[tuple[float, ...], float, float]:
    """Best (weights, threshold) on `rows`; ties go to the threshold in the middle of the best
    run, so a plateau does not pick its edge."""
    best: tuple[float, tuple[float, ...], float] = (-1.0, grid[0], THRESHOLDS[0])
    for weights in grid:
        f1s = [score(pair, rows, ids, gold, weights, t)[2] for t in THRESHOLDS]
        top = max(f1s)
        if top > best[0] + 1e-9:
            at = [k for k, f in enumerate(f1s) if f >= top - 1e-9]
            best = (top, weights, float(THRESHOLDS[at[len(at) // 2]]))
    return best[1], best[2], best[0]


def cross_validate(pair, ids, gold, grid, folds: int = 5) -> dict:
    stories = sorted(set(gold.values()))
    random.Random(13).shuffle(stories)
    fold_of = {s: k % folds for k, s in enumerate(stories)}
    totals, chosen = np.zeros(3), []
    for k in range(folds):
        train = np.asarray([i for i, a in enumerate(ids) if fold_of[gold[a]] != k])
        test = np.asarray([i for i, a in enumerate(ids) if fold_of[gold[a]] == k])
        weights, threshold, _ = fit(pair, train, ids, gold, grid)
        totals += score(pair, test, ids, gold, weights, threshold)
        chosen.append((weights, threshold))
    p, r, f = totals / folds
    return {"P": p, "R": r, "F1": f, "chosen": chosen}


def load_basil() -> tuple[list[Article], dict[str, str]]:
    rows = [json.loads(line) for line in (DATA / "basil" / "articles.jsonl").open()]
    articles = [Article(id=r["id"], source=r["id"], outlet=r["outlet"], title=r["title"],
                        published=r["published"], published_basis="metadata", language="en",
                        text=r["text"]) for r in rows]
    return articles, {r["id"]: r["gold_story"] for r in rows}


def basil() -> None:
    from storyline.understand import understand_articles

    articles, gold = load_basil()
    started = time.perf_counter()
    found = understand_articles(articles)
    events = [e.to_dict() for a in articles for e in found[a.id].events]
    mentions = {a.id: [m.to_dict() for m in found[a.id].mentions] for a in articles}
    print(f"BASIL: {len(articles)} articles, {len(set(gold.values()))} stories "
          f"(understanding step {time.perf_counter() - started:.0f}s)")
    features = article_features(articles, events, mentions)
    ids = features.ids
    grid, words_only = weight_grid(), [(1.0, 0.0, 0.0, 0.0)]
    rows = np.arange(len(ids))
    print(f"{'setting':52} {'P':>6} {'R':>6} {'F1':>6}")
    for dated in (True, False):
        pair = Pairwise(features, dated, DEFAULT_PARAMS)
        label = "with dates" if dated else "no dates (content only)"
        for name, g in (("combined views, CV", grid), ("TF-IDF average-link baseline, CV",
                                                       words_only)):
            cv = cross_validate(pair, ids, gold, g)
            print(f"{name + ', ' + label:52} {cv['P']:6.3f} {cv['R']:6.3f} {cv['F1']:6.3f}")
            if g is grid:
                print(f"   per-fold choice (weights {VIEWS}, threshold): {cv['chosen']}")
        weights, threshold, f1 = fit(pair, rows, ids, gold, grid)
        print(f"   fit on all of BASIL, {label}: weights={weights} threshold={threshold} "
              f"(train F1 {f1:.3f}, not a test figure)")
        shipped = score(pair, rows, ids, gold, DEFAULT_PARAMS.weights, DEFAULT_PARAMS.threshold)
        print(f"   shipped DEFAULT_PARAMS {DEFAULT_PARAMS.weights} t={DEFAULT_PARAMS.threshold}: "
              f"P {shipped[0]:.3f} R {shipped[1]:.3f} F1 {shipped[2]:.3f}")


def analyzed_examples() -> tuple[dict, object, dict]:
    """examples/gold.json, and `analyze` of examples/corpus with its stored mentions."""
    from storyline.options import Options
    from storyline.pipeline import analyze
    from storyline.store import open_store

    gold = json.loads((ROOT / "examples" / "gold.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        result = analyze([str(ROOT / "examples" / "corpus")], out=Path(tmp) / "out",
                         options=Options(quiet=True))
        store = open_store(Path(tmp) / "out" / "storyline.db")
        mentions = store.mentions([a.id for a in result.articles])
        store.close()
    return gold, result, mentions


def examples() -> None:
    from storyline.stories import cluster_stories, link_storylines

    gold, result, mentions = analyzed_examples()
    started = time.perf_counter()
    stories = cluster_stories(result.articles, result.events, mentions)
    lines = link_storylines(stories, result.articles, result.events, mentions)
    took = time.perf_counter() - started
    story_of = {a: s.id for s in stories for a in s.article_ids}
    line_of = {s.id: s.storyline_id for s in stories}
    gold_story = {a: v["story"] for a, v in gold["articles"].items() if a in story_of}
    gold_line = {a: gold["stories"][s]["storyline"] for a, s in gold_story.items()}
    p, r, f = bcubed(story_of, gold_story)
    print(f"\nexamples/: {len(result.articles)} articles -> {len(stories)} stories "
          f"(gold {len(gold['stories'])}), {len(lines)} storylines (gold "
          f"{len(gold['storylines'])}); clustering+linking {took:.1f}s")
    print(f"  stories    BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = bcubed({a: line_of[s] for a, s in story_of.items()}, gold_line)
    print(f"  storylines BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for line in lines:
        print(f"  [{line.title}]")
        for sid in line.story_ids:
            story = next(s for s in stories if s.id == sid)
            print(f"     {story.start} {len(story.article_ids)} art.  {story.title}")


def synthetic(n: int) -> list[Article]:
    """n articles from the shared texts, each re-dated to its own copy of the calendar and cut to
    a random run of paragraphs, so copies of one source text are not identical."""
    texts = [json.loads(line) for line in (DATA / "basil" / "articles.jsonl").open()]
    for topic in sorted((DATA / "timeline17").glob("SyrianCrisis_*")):
        texts += [json.loads(line) for line in (topic / "articles.jsonl").open()]
    rng = random.Random(7)
    out = []
    for k in range(n):
        src = texts[k % len(texts)]
        cycle = k // len(texts)
        paragraphs = [p for p in src["text"].split("\n") if p.strip()]
        start = rng.randrange(max(1, len(paragraphs) - 3))
        text = "\n".join(paragraphs[start : start + rng.randint(3, 8)])
        year, rest = src["published"][:4], src["published"][4:]
        published = f"{int(year) + 12 * cycle:04d}{rest}" if rest != "-02-29" else None
        out.append(Article(id=f"syn-{k}", source="syn", outlet=src.get("outlet"),
                           title=src.get("title"), published=published,
                           published_basis="metadata", language="en", text=text))
    return out


def scale_one(n: int) -> None:
    from storyline.stories import cluster_stories

    articles = synthetic(n)
    started = time.perf_counter()
    stories = cluster_stories(articles)
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconds": took, "stories": len(stories), "peak_mb": peak}))


def scale(sizes: list[int]) -> None:
    print("\nscale (synthetic articles from the shared sets, no events/mentions; one process each)")
    print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11} {'stories':>8} {'peak RSS MB':>12}")
    base = None
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, "--scale-one", str(n)],
                              capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rate = row["n"] / row["seconds"]
        base = base or rate
        print(f"{row['n']:9d} {row['seconds']:8.1f} {rate:11.0f} {row['stories']:8d} "
              f"{row['peak_mb']:12.0f}   (throughput ratio to smallest: {rate / base:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--scale-one", type=int)
    parser.add_argument("--undated", action="store_true")
    args = parser.parse_args()
    if args.scale_one:
        scale_one(args.scale_one)
        return
    if not (DATA / "basil" / "articles.jsonl").exists():
        print(f"shared data not found at {DATA} (set STORYLINE_SHARED_DATA); skipping")
        return
    if args.undated:
        from _undated import undated_table

        undated_table()
        return
    basil()
    examples()
    if not args.skip_scale:
        scale([int(s) for s in args.sizes.split(",")])


if __name__ == "__main__":
    main()
