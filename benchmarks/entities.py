"""Actor normalization on the demo gold and on a held-out list, and spaCy parse throughput.

1. Gold: every variant in `examples/gold.json` `actor_variants` normalized, dated by the first
   demo article that uses it (its publication date, or the gold's true date when the article
   carries none); correct when the canonical name matches (diacritics folded: the gold spells
   Guterres both ways). It is our own set, so it must be 1.0.
2. Held-out: `benchmarks/data/actor_variants_heldout.json`, mentions written for this benchmark
   and not in the table literally: other transliterations, misspellings, titles, role phrases
   with dates, organization and place spellings, and different people who must stay apart.
   "Wrongly merged": a mention resolved to a *different* table actor than the one it names.
3. Throughput: `nlp.pipe` (batch 32, one process) over the clean demo texts, and the
   normalization pass (`entities_of`) over the parsed documents, in a child process whose peak
   memory is its own.

    .venv/bin/python benchmarks/entities.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from storyline.nlp.entities import ActorNormalizer, entities_of  # noqa: E402
from storyline.nlp.names import fold  # noqa: E402

HELD_OUT = Path(__file__).resolve().parent / "data" / "actor_variants_heldout.json"


def demo_articles() -> list[tuple[str, str, str | None]]:
    """(id, clean text, date) of the demo corpus, in id order."""
    from storyline.model import Article
    from storyline.options import Options
    from storyline.pipeline import clean_inputs

    gold = json.loads((REPO / "examples" / "gold.json").read_text("utf-8"))["articles"]
    cleaned = clean_inputs([str(REPO / "examples" / "corpus")], Options(quiet=True))
    articles = sorted((a for a in cleaned if isinstance(a, Article)), key=lambda a: a.id)
    return [(a.id, a.text, a.published or gold.get(a.id, {}).get("true_date")) for a in articles]


def same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a).lower() == fold(b).lower()


def score_gold(articles: list[tuple[str, str, str | None]]) -> None:
    gold = json.loads((REPO / "examples" / "gold.json").read_text("utf-8"))["actor_variants"]
    normalizer = ActorNormalizer()
    total = correct = 0
    misses = []
    for canonical, variants in gold.items():
        for variant in variants:
            when = next((d for _, text, d in articles if variant in text), None)
            actor = normalizer.normalize(variant, when=when)
            total += 1
            if same(actor.name, canonical):
                correct += 1
            else:
                misses.append(f"{variant!r} ({when}) -> {actor.name!r}, want {canonical!r}")
    print(f"gold actor_variants: {correct}/{total} = {correct / total:.3f} mapped to canonical")
    for miss in misses:
        print("  miss:", miss)


def score_held_out() -> None:
    items = json.loads(HELD_OUT.read_text("utf-8"))["items"]
    normalizer = ActorNormalizer()
    table = normalizer.table
    literal = [m for m, *_ in items if normalizer.knows(m) and fold(m).lower()
               in {fold(a).lower() for a in table.aliases}]
    by_category: Counter[str] = Counter()
    right: Counter[str] = Counter()
    merged = wrong_holder = 0
    misses = []
    for mention, label, when, expected, category in items:
        actor = normalizer.normalize(mention, label, when=when)
        by_category[category] += 1
        if same(actor.name, expected):
            right[category] += 1
            continue
        misses.append(f"[{category}] {mention!r} ({when}) -> {actor.name!r}, want {expected!r}")
        if actor.name in table.entries:
            if category == "role":
                wrong_holder += 1
            else:
                merged += 1
    total = sum(by_category.values())
    print(f"\nheld-out: {len(items)} mentions; {len(literal)} found by exact key (a folded"
          f" spelling or a generated pattern, not written in the table): {literal}")
    print(f"  correct: {sum(right.values())}/{total} = {sum(right.values()) / total:.3f}")
    for category in sorted(by_category):
        print(f"    {category:9} {right[category]:3}/{by_category[category]:3}"
              f" = {right[category] / by_category[category]:.3f}")
    non_role = total - by_category["role"]
    print(f"  wrongly merged into another actor: {merged}/{non_role} = {merged / non_role:.3f}")
    print(f"  role phrases resolved to the wrong holder: {wrong_holder}/{by_category['role']}")
    for miss in misses:
        print("  miss:", miss)


def throughput_child(path: str) -> None:
    """Runs in its own process: parse and normalize the texts, print one JSON line."""
    from storyline.nlp.pipeline import load_nlp, model_info, parse_texts

    records = json.loads(Path(path).read_text("utf-8"))
    texts = [text for _, text, _ in records] * 4
    started = time.perf_counter()
    load_nlp()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    docs = list(parse_texts(texts, batch_size=32))
    parsed = time.perf_counter() - started
    normalizer = ActorNormalizer()
    started = time.perf_counter()
    mentions = 0
    for doc, (_, _, when) in zip(docs, records * 4, strict=True):
        mentions += len(entities_of(doc, normalizer, when))
    normalized = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"model": model_info(), "articles": len(texts), "load_s": loaded,
                      "parse_s": parsed, "normalize_s": normalized, "mentions": mentions,
                      "chars": sum(map(len, texts)), "peak_mb": peak_mb}))


def throughput(articles: list[tuple[str, str, str | None]]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(articles, handle)
    out = subprocess.run([sys.executable, __file__, "--child", handle.name],
                         capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\nspaCy {r['model']['name']} {r['model']['version']}, one process, batch 32, "
          f"{r['articles']} articles ({len(articles)} demo texts x4, "
          f"{r['chars'] / r['articles']:.0f} chars each)")
    print(f"  model load: {r['load_s']:.2f} s")
    print(f"  parse (nlp.pipe): {r['articles'] / r['parse_s']:.1f} articles/s")
    print(f"  actor spans + normalization: {r['articles'] / r['normalize_s']:.1f} articles/s "
          f"({r['mentions']} mentions; {r['normalize_s'] / r['parse_s']:.2f} x parse time)")
    print(f"  parse + normalize: {r['articles'] / (r['parse_s'] + r['normalize_s']):.1f} "
          "articles/s")
    print(f"  peak memory (child process): {r['peak_mb']:.0f} MB")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        throughput_child(sys.argv[2])
        return
    articles = demo_articles()
    score_gold(articles)
    score_held_out()
    throughput(articles)


if __name__ == "__main__":
    main()
