"""Near-duplicate detection: precision and recall of copy -> original pairs, and throughput.

Base set: BASIL (3 outlets per event: distinct same-event articles) and Timeline17 (one outlet's
many articles on one topic). The source data already holds some real re-published versions and
articles that reuse large blocks of each other; there is no gold for those, so every article in a
pair sharing >= 30% of its 5-word shingles (exact brute-force count) is left out of the base set
and the figures on the raw data are printed apart, unjudged. Synthetic copies of a sample of the
rest (`_nearcopies`, fixed seed) are mixed in and the whole set is shuffled.

A predicted pair (copy, root) is correct when both are in the same true copy group; a true pair
(copy, original) is recalled when both land in the same predicted group.

    .venv/bin/python benchmarks/dedup.py [--share 0.4] [--seed 13] [--micro 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_articles  # noqa: E402
from _nearcopies import KINDS, make_copies  # noqa: E402

from storyline.dedup import (  # noqa: E402
    band_params,
    candidate_jaccard,
    find_duplicates,
    shingle_hashes,
)
from storyline.model import Article  # noqa: E402
from storyline.options import Options  # noqa: E402

AMBIGUOUS_CONTAINMENT = 0.3


def to_article(record: dict) -> Article:
    return Article(
        id=record["id"], source=record["id"], outlet=record.get("outlet"), title=None,
        published=record.get("published"), published_basis=None, language=None,
        text=record["text"],
    )


def overlapping_ids(records: list[dict], words: int, floor: float) -> set[str]:
    """Ids in any pair whose shingle containment is >= floor, counted exactly (no sketches)."""
    postings: dict[int, list[int]] = defaultdict(list)
    sets = [shingle_hashes(r["text"], words) for r in records]
    for index, shingles in enumerate(sets):
        for value in shingles.tolist():
            postings[value].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= 200:
            shared.update(combinations(members, 2))
    flagged: set[str] = set()
    for (a, b), count in shared.items():
        if count >= floor * max(1, min(len(sets[a]), len(sets[b]))):
            flagged.update((records[a]["id"], records[b]["id"]))
    return flagged


def score(links: dict, group_of: dict[str, str], kind_of: dict[str, str]) -> dict[str, float]:
    predicted_root = {copy: link.original for copy, link in links.items()}

    def predicted_group(article_id: str) -> str:
        return predicted_root.get(article_id, article_id)

    correct = sum(
        1 for copy, root in predicted_root.items()
        if copy in group_of and group_of[copy] == group_of.get(root)
    )
    recalled: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for copy, kind in kind_of.items():
        totals[kind] += 1
        if predicted_group(copy) == predicted_group(group_of[copy]):
            recalled[kind] += 1
    figures = {
        "precision": correct / len(predicted_root) if predicted_root else 1.0,
        "recall": sum(recalled.values()) / sum(totals.values()),
        "predicted pairs": len(predicted_root),
        "true pairs": sum(totals.values()),
    }
    for kind in KINDS:
        if totals[kind]:
            figures[f"recall[{kind}]"] = recalled[kind] / totals[kind]
            figures[f"n[{kind}]"] = totals[kind]
    return figures


def synthetic_corpus(pool: list[dict], count: int, seed: int) -> list[Article]:
    """`count` distinct articles recombined from pool sentences, a tenth of them near copies."""
    rng = random.Random(seed)
    sentences = [s.strip() for r in pool for s in r["text"].split("\n") if len(s.split()) >= 6]
    records = [
        {"id": f"s{n}", "published": f"2020-01-{1 + n % 28:02d}",
         "text": "\n".join(rng.sample(sentences, rng.randint(8, 30)))}
        for n in range(count - count // 10)
    ]
    copies = make_copies(records, share=0.1, seed=seed, min_words=0)[: count - len(records)]
    records += [{"id": c.id, "published": c.published, "text": c.text} for c in copies]
    return [to_article(r) for r in records]


def throughput(articles: list[Article], options: Options) -> float:
    started = time.perf_counter()
    find_duplicates(articles, options)
    return len(articles) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, default=0.4, help="share of base articles copied")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--micro", type=int, default=2000, help="N for the N vs 4N throughput")
    args = parser.parse_args()
    options = Options()
    pool = news_articles()

    raw_links = find_duplicates([to_article(r) for r in pool], options)
    flagged = overlapping_ids(pool, options.shingle_words, AMBIGUOUS_CONTAINMENT)
    base = [r for r in pool if r["id"] not in flagged]
    copies = make_copies(base, share=args.share, seed=args.seed)
    records = base + [
        {"id": c.id, "outlet": "copy", "published": c.published, "text": c.text} for c in copies
    ]
    random.Random(args.seed).shuffle(records)
    articles = [to_article(r) for r in records]
    group_of = {c.original_id: c.original_id for c in copies}
    group_of |= {c.id: c.original_id for c in copies}
    kind_of = {c.id: c.kind for c in copies}

    started = time.perf_counter()
    links = find_duplicates(articles, options)
    rate = len(articles) / (time.perf_counter() - started)
    figures = score(links, group_of, kind_of)

    published = {a.id: a.published for a in articles}
    strictly_first = [
        c for c in copies if c.kind != "chain" and published[c.original_id] < (c.published or "")
    ]
    rooted = sum(1 for c in strictly_first if links.get(c.id, None) and
                 links[c.id].original == c.original_id)
    near_sims = Counter()
    for link in links.values():
        near_sims[link.kind] += 1

    bands, rows = band_params(options.near_duplicate_threshold, options.num_perm)
    print("dedup benchmark: find_duplicates on BASIL + Timeline17 + synthetic copies")
    print(f"settings: containment threshold {options.near_duplicate_threshold}, "
          f"shingle_words {options.shingle_words}, num_perm {options.num_perm}, "
          f"LSH bands x rows {bands} x {rows} (candidate Jaccard "
          f"{candidate_jaccard(options.near_duplicate_threshold):.3f}), seed {args.seed}, "
          f"copied share {args.share}")
    print(f"raw source data: {len(pool)} articles, {len(raw_links)} links found (unjudged: "
          "real re-published versions / heavy block reuse)")
    print(f"base set: {len(base)} articles ({len(flagged)} left out: in a pair with >= "
          f"{AMBIGUOUS_CONTAINMENT:.0%} shingle containment in the source data)")
    print(f"evaluation set: {len(articles)} articles = {len(base)} distinct + {len(copies)} copies")
    print(f"links: {dict(near_sims)}")
    for name, value in figures.items():
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        print(f"  {name:20s} {shown}")
    bar = figures["precision"] >= 0.98 and figures["recall"] >= 0.95
    print(f"  bar (precision >= 0.98, recall >= 0.95): {'PASS' if bar else 'FAIL'}")
    print(f"  root is the original (original strictly earlier): {rooted}/{len(strictly_first)}")
    lowest = {}
    for copy_id, link in links.items():
        kind = kind_of.get(copy_id, "original")
        lowest[kind] = min(lowest.get(kind, 1.0), link.similarity)
    print("  lowest similarity of a link, by kind of its copy: "
          + ", ".join(f"{k} {v:.3f}" for k, v in sorted(lowest.items())))
    for threshold in (0.3, 0.4, 0.6, 0.7, 0.8):
        swept = score(find_duplicates(articles, options.with_(near_duplicate_threshold=threshold)),
                      group_of, kind_of)
        print(f"  threshold sweep {threshold}: precision {swept['precision']:.4f}, "
              f"recall {swept['recall']:.4f}")
    print(f"  throughput: {rate:.0f} articles/s (whole find_duplicates, {len(articles)} articles)")

    small = synthetic_corpus(pool, args.micro, seed=args.seed)
    large = synthetic_corpus(pool, 4 * args.micro, seed=args.seed + 1)
    small_rate, large_rate = throughput(small, options), throughput(large, options)
    print(f"micro throughput (sentence-recombined articles, 10% near copies): "
          f"N={len(small)}: {small_rate:.0f} articles/s, 4N={len(large)}: {large_rate:.0f} "
          f"articles/s, ratio 4N/N {large_rate / small_rate:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
