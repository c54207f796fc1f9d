"""Timeline17 (SyrianCrisis topics): AR-1, AR-2 and Date-F1 of `build_timeline`.

For each gold timeline the topic's articles are one topic; we ask for as many dates as the gold
has and round(gold's mean sentences per date) sentences per date (the tilse setting). Scores come
from the tilse toolkit (0.2.1, its Python ROUGE reimplementation, many-to-one date alignment),
averaged over gold timelines, beside a random-dates / lead-sentence baseline (seed 0) in the same
run. Two settings: `all` (every article of the topic) and `span` (days and articles limited to
the gold timeline's first..last date, `since`/`until`, the convention of news-tls).

Ceilings, to read the figures against: `oracle-dates` is our sentence choice handed the gold
dates (`days=`), the best AR our summaries can reach whatever the date ranking; `gold-vs-gold`
scores each gold timeline of a topic as a prediction of its other gold timelines (how far the
journalists agree); `best-list` is the Date-F1 of the best single ranking of the days that
articles name or publish on, when one ranking serves every gold timeline of a topic (the `all`
setting gives one input and so one ranking per topic). Our two topics are 2 of Timeline17's 9
and single-outlet: not directly comparable with published figures.

Run: .venv/bin/python benchmarks/timeline17.py
Needs (benchmark only): pip install --no-deps tilse==0.2.1; pip install nltk pyrouge
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import iter_jsonl, require_shared_data  # noqa: E402

from storyline.model import Article, TimelineEntry  # noqa: E402
from storyline.timeline import build_timeline, parse_tilse  # noqa: E402
from storyline.timeline.select_sentences import article_sentences, usable  # noqa: E402

PUBLISHED = {"AR-1": 0.120, "AR-2": 0.035, "Date-F1": 0.544}
TARGET = {"AR-2": 0.045, "Date-F1": 0.58}


def _tilse():
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import dates as tilse_dates
        from tilse.evaluation import rouge as tilse_rouge
    except ImportError as exc:
        print(f"SKIP: tilse is not importable ({exc}); "
              "pip install --no-deps tilse==0.2.1 && pip install nltk pyrouge")
        sys.exit(0)
    return GroundTruth, Timeline, tilse_dates, tilse_rouge


def load_articles(folder: Path) -> list[Article]:
    return [Article(id=r["id"], source=r["id"], outlet=r.get("outlet"), title=r.get("title"),
                    published=r.get("published"), published_basis="metadata", language="en",
                    text=r["text"]) for r in iter_jsonl(folder / "articles.jsonl")]


def baseline(articles: list[Article], n_dates: int, k: int, seed: int = 0) -> list[TimelineEntry]:
    """Random publication dates, each with the first usable sentences of its first articles."""
    by_day: dict[str, list[Article]] = {}
    for art in sorted(articles, key=lambda a: a.id):
        by_day.setdefault(art.published or "", []).append(art)
    days = sorted(d for d in by_day if d)
    chosen = sorted(random.Random(seed).sample(days, min(n_dates, len(days))))
    entries = []
    for day in chosen:
        lead = [s for a in by_day[day] for s in article_sentences(a) if usable(s)][:k]
        entries.append(TimelineEntry(None, day, [s.text for s in lead],
                                     [{"article_id": s.article_id, "sentence": s.text}
                                      for s in lead]))
    return entries


def evaluate(entries: list[TimelineEntry], gold: dict[date, list[str]]) -> dict[str, float]:
    ground_truth, timeline, tilse_dates, tilse_rouge = _tilse()
    predicted = timeline({date.fromisoformat(e.date): list(e.summary) for e in entries})
    reference = ground_truth([timeline(gold)])
    evaluator = tilse_rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"},
                                                   rouge_computation="reimpl")
    ar = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, reference)
    return {"AR-1": ar["rouge_1"]["f_score"], "AR-2": ar["rouge_2"]["f_score"],
            "Date-F1": tilse_dates.evaluate_dates(predicted, reference)["f_score"]}


def best_list_ceiling(articles: list[Article], golds: list[dict[date, list[str]]]) -> list[float]:
    """Date-F1 per gold timeline of the best single day ranking (days by how many of the
    topic's gold timelines hold them; only days some article names or publishes on)."""
    reachable = {d for a in articles for s in article_sentences(a) for d in s.mentions}
    reachable |= {date.fromisoformat(a.published) for a in articles if a.published}
    votes: dict[date, int] = {}
    for gold in golds:
        for day in gold:
            if day in reachable:
                votes[day] = votes.get(day, 0) + 1
    ranking = sorted(votes, key=lambda d: (-votes[d], d))
    return [len(set(ranking[: len(g)]) & set(g)) / len(g) for g in golds]


def main() -> None:
    root = require_shared_data("timeline17")
    _tilse()
    rows: dict[str, list[dict[str, float]]] = {}
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        articles = load_articles(topic)
        golds = []
        for gold_file in sorted((topic / "timelines").glob("*.txt")):
            raw = parse_tilse(gold_file.read_text(encoding="utf-8"))
            golds.append((gold_file.name, {date.fromisoformat(d): s for d, s in raw.items()}))
        for name, gold in golds:
            n_dates = len(gold)
            k = max(1, round(statistics.mean(len(s) for s in gold.values())))
            first, last = min(gold), max(gold)
            for setting in ("all", "span"):
                span = {"since": first, "until": last} if setting == "span" else {}
                pool = articles if setting == "all" else in_span(articles, first, last)
                started = time.perf_counter()
                ours = build_timeline(articles, dates=n_dates, sentences=k, **span)
                seconds = time.perf_counter() - started
                systems = [("storyline", ours), ("baseline", baseline(pool, n_dates, k))]
                if setting == "span":
                    systems.append(("oracle-dates", build_timeline(
                        articles, sentences=k, days=sorted(gold), **span)))
                for system, entries in systems:
                    scores = evaluate(entries, gold)
                    rows.setdefault(f"{setting}/{system}", []).append(scores)
                    print(f"{setting:4} {system:12} {topic.name}/{name}: "
                          f"{len(pool)} articles, gold {n_dates} dates x {k} sents, "
                          f"output {len(entries)} dates / "
                          f"{sum(len(e.summary) for e in entries)} sents; "
                          + " ".join(f"{m} {v:.3f}" for m, v in scores.items())
                          + (f"; {seconds:.1f} s" if system == "storyline" else ""))
            for other in (g for other_name, g in golds if other_name != name):
                as_prediction = [TimelineEntry(None, d.isoformat(), s, [])
                                 for d, s in other.items()]
                rows.setdefault("ceiling/gold-vs-gold", []).append(evaluate(as_prediction, gold))
        for f1 in best_list_ceiling(articles, [g for _, g in golds]):
            rows.setdefault("ceiling/best-list (all)", []).append({"Date-F1": f1})
    print("\nmean over the 4 gold timelines (tilse 0.2.1, ROUGE reimpl, AR = align+ m:1 F1); "
          "gold-vs-gold: mean over the 6 ordered pairs of Reuters timelines")
    for name, scores in rows.items():
        means = {m: statistics.mean(s[m] for s in scores) for m in scores[0]}
        print(f"  {name:26} " + " ".join(f"{m} {v:.3f}" for m, v in means.items()))
    print("published DATEWISE, all 9 Timeline17 topics: "
          + " ".join(f"{m} {v:.3f}" for m, v in PUBLISHED.items())
          + "; our aim on these 2 topics: "
          + " ".join(f"{m} >= {v:.3f}" for m, v in TARGET.items()))


def in_span(articles: list[Article], first: date, last: date) -> list[Article]:
    """Articles published first..last (what the `span` setting reads)."""
    return [a for a in articles
            if a.published and first <= date.fromisoformat(a.published) <= last]


if __name__ == "__main__":
    main()
