"""Throughput of cleaning alone, and of ingest + clean + dedup + store, on plain-text JSONL and
on HTML pages.

The `clean` rows are what issue 12's bar names (cleaning >= 1,000 plain-text articles/s on 2
cores): the pipeline's own cleaning pool (`pipeline.cleaning_pool`, 2 workers, started and
warmed before the clock starts) runs the pipeline's own cleaning call (`clean_one`: cleaning,
the store key and the copy features each worker computes) over the synthesized articles; the
main process only hands documents out and collects the results. The `ingest` rows time the
whole `analyze` run (reading, workers' start, cleaning, duplicates, the SQLite store).

Each size runs in a fresh child process so its peak memory is its own. The baseline in the same
command is reading and parsing the same JSONL file, so the ratio says how much our steps cost on
this machine whatever its speed today. `cpu ms/doc` is the processor time our steps took per
document, the main process and its cleaning workers together: on a machine busy with other
work the wall-clock rates fall, the processor time per document much less. Articles are
synthesized from the shared sets (sentences of real articles recombined with a fixed seed) so
that every size is distinct text, not copies.

    .venv/bin/python benchmarks/throughput.py [--base 1000] [--sizes 1,4,16] [--clean-workers 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_articles, require_shared_data  # noqa: E402


def synthesize(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pool = news_articles()
    sentences = [s.strip() for a in pool for s in a["text"].split("\n") if len(s.split()) >= 6]
    outlets = sorted({a.get("outlet") or "unknown" for a in pool})
    records = []
    for i in range(count):
        body = "\n".join(rng.sample(sentences, rng.randint(12, 30)))
        records.append(
            {
                "id": f"synthetic-{i:06d}",
                "url": None,
                "outlet": rng.choice(outlets),
                "published": (
                    f"20{rng.randint(10, 19)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                ),
                "title": None,
                "text": body,
            }
        )
    return records


def child(kind: str, path: str, db: str) -> None:
    """Run one measurement and print its figures as JSON (called in a fresh process)."""
    from storyline.options import Options
    from storyline.pipeline import analyze

    started = time.perf_counter()
    if kind == "jsonl":
        with open(path, encoding="utf-8") as handle:
            baseline_docs = [json.loads(line) for line in handle]
    else:
        baseline_docs = [
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(Path(path).glob("*.html"))
        ]
    baseline = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    result = analyze([path], db=db, options=Options(quiet=True, workers=0, understand=False))
    elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    print(
        json.dumps(
            {
                "documents": len(baseline_docs),
                "articles": len(result.articles),
                "rejected": len(result.rejections),
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "baseline_seconds": baseline,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def child_clean(path: str, workers: int) -> None:
    """Cleaning only, in the pipeline's pool with its workers started before the clock starts;
    processor time is the main process's and the workers' own (read from /proc while they
    live), so their start-up is not counted."""
    from storyline import pipeline
    from storyline.model import Article
    from storyline.options import Options

    started = time.perf_counter()
    with open(path, encoding="utf-8") as handle:
        baseline_docs = [json.loads(line) for line in handle]
    baseline = time.perf_counter() - started
    options = Options(quiet=True, workers=workers, understand=False)
    documents, _, _ = pipeline.read_documents([path], options)
    profiles = pipeline.build_profiles(documents, options)
    key = pipeline.profiles_fingerprint(profiles, options)
    with pipeline.cleaning_pool(workers, profiles, options, key) as pool:
        # every worker started and past its initializer: each takes a task that waits a while
        pids = set(pool.map(_worker_pid, [0.2] * (2 * workers)))
        started, own_started, workers_started = time.perf_counter(), _own_cpu(), _workers_cpu(pids)
        results = list(pipeline.map_cleaning(pool, documents))
        elapsed = time.perf_counter() - started
        own, workers_cpu = _own_cpu() - own_started, _workers_cpu(pids) - workers_started
    print(
        json.dumps(
            {
                "documents": len(baseline_docs),
                "articles": sum(isinstance(result, Article) for result, _ in results),
                "workers": len(pids),
                "seconds": elapsed,
                "cpu_seconds": own + workers_cpu,
                "main_cpu_seconds": own,
                "baseline_seconds": baseline,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def _worker_pid(delay: float) -> int:
    time.sleep(delay)
    return os.getpid()


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _workers_cpu(pids: set[int]) -> float:
    """Processor time of live processes, from /proc (Linux); NaN where it cannot be read."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _cpu_seconds() -> float:
    """Processor time of this process and of its finished children (the cleaning workers)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(kind: str, path: Path, workdir: Path, workers: int = 2) -> dict:
    db = workdir / f"{path.stem}.db"
    command = (["--clean-child", str(path), str(workers)] if kind == "clean"
               else ["--child", kind, str(path), str(db)])
    output = subprocess.run(
        [sys.executable, __file__, *command],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def html_pages(target: Path, copies: int) -> int:
    source = require_shared_data("boilerplate", "html")
    count = 0
    for copy in range(copies):
        for page in sorted(source.glob("*.html.gz")):
            html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
            (target / f"p{copy}-{page.name.removesuffix('.html.gz')}.html").write_text(
                html, encoding="utf-8"
            )
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--html-copies", type=int, default=2)
    parser.add_argument("--clean-workers", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PATH", "DB"))
    parser.add_argument("--clean-child", nargs=2, metavar=("PATH", "WORKERS"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.clean_child:
        child_clean(args.clean_child[0], int(args.clean_child[1]))
        return
    require_shared_data()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for factor in (int(x) for x in args.sizes.split(",")):
            count = args.base * factor
            path = work / f"plain-{count}.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for record in synthesize(count):
                    handle.write(json.dumps(record) + "\n")
            rows.append(("clean", factor, measure("clean", path, work, args.clean_workers)))
            rows.append(("jsonl", factor, measure("jsonl", path, work)))
        pages = work / "html"
        pages.mkdir()
        html_pages(pages, args.html_copies)
        rows.append(("html", 1, measure("html", pages, work)))

    print(
        f"{'input':6} {'size':>5} {'docs':>7} {'articles/s':>11} {'s/1k docs':>10} "
        f"{'x baseline':>11} {'cpu ms/doc':>11} {'peak MB':>8}"
    )
    first_per_doc = None
    for kind, factor, row in rows:
        rate = row["documents"] / row["seconds"]
        per_k = 1000 * row["seconds"] / row["documents"]
        if kind == "jsonl" and first_per_doc is None:
            first_per_doc = per_k
        ratio = row["seconds"] / max(row["baseline_seconds"], 1e-9)
        print(
            f"{kind:6} {factor:>4}x {row['documents']:>7} {rate:>11.0f} {per_k:>10.3f} "
            f"{ratio:>11.0f} {1000 * row['cpu_seconds'] / row['documents']:>11.2f} "
            f"{row['peak_rss_mb']:>8.0f}"
        )
    for kind, factor, row in rows:
        if kind == "clean":
            print(f"clean {factor}x: {row['workers']} workers; the main process (handing out and "
                  f"collecting) took {1000 * row['main_cpu_seconds'] / row['documents']:.2f} "
                  "of its cpu ms/doc")
    jsonl = [r for r in rows if r[0] == "jsonl"]  # the growth is the whole ingest's
    if len(jsonl) > 1 and first_per_doc:
        growth = [1000 * r[2]["seconds"] / r[2]["documents"] / first_per_doc for r in jsonl]
        print(
            "cost per document relative to the smallest size: "
            + ", ".join(f"{r[1]}x: {g:.2f}" for r, g in zip(jsonl, growth, strict=True))
            + "  (1.00 = perfectly linear)"
        )
    print(
        f"clean = cleaning only, the pipeline's pool of {args.clean_workers} workers started "
        "before timing (the row issue 12's bar names); jsonl/html = whole ingest "
        "(read + clean + dedup + store, automatic workers)"
    )
    print("bars: clean (plain text) >= 1000 articles/s on 2 cores; HTML ingest >= 50 pages/s")


if __name__ == "__main__":
    main()
