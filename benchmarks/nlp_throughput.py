"""Throughput of the understanding step (spaCy parse, actors, places, time expressions, PLOVER
events) on real news texts, with 1 and 2 worker processes, beside a plain spaCy parse of the
same texts in the same child process; peak memory per run.

    .venv/bin/python benchmarks/nlp_throughput.py [--articles 300]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_articles, require_shared_data  # noqa: E402


def child(count: int, workers: int) -> None:
    from storyline.model import Article
    from storyline.nlp import load_nlp
    from storyline.understand import understand_articles

    records = news_articles()[:count]
    articles = [
        Article(id=r["id"], source="bench", outlet=r.get("outlet"), title=r.get("title"),
                published=r.get("published"), published_basis="metadata", language="en",
                text=" ".join(r["text"].split("\n")))
        for r in records
    ]
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    parse = time.perf_counter() - started
    started = time.perf_counter()
    found = understand_articles(articles, workers=workers)
    elapsed = time.perf_counter() - started
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "articles": len(articles), "seconds": elapsed, "parse_seconds": parse,
        "events": sum(len(u.events) for u in found.values()),
        "chars": sum(len(a.text) for a in articles),
        "peak_rss_mb": maxrss / 1024, "peak_child_rss_mb": children / 1024,
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--child", nargs=2, type=int, metavar=("COUNT", "WORKERS"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    require_shared_data()
    print(f"{'workers':>7} {'articles':>8} {'articles/s':>10} {'x spaCy parse (1 proc)':>22} "
          f"{'events':>7} {'peak MB (main / worker)':>24}")
    for workers in (1, 2):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(args.articles), str(workers)],
            check=True, capture_output=True, text=True,
        ).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rate = row["articles"] / row["seconds"]
        print(f"{workers:>7} {row['articles']:>8} {rate:>10.1f} "
              f"{row['seconds'] / row['parse_seconds']:>22.2f} {row['events']:>7} "
              f"{row['peak_rss_mb']:>12.0f} / {row['peak_child_rss_mb']:.0f}")
    print("articles: BASIL + Timeline17 texts in file order, average length printed by the rows;"
          " the step includes loading the gazetteer and actor table in each process")


if __name__ == "__main__":
    main()
