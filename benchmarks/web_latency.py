"""Web UI latency with 10,000 articles loaded: p50 and p95 of the search, story and events pages
(and their JSON twins) under a bounded loopback load, beside a baseline endpoint in the same run.

The store is generated from the shared sets: every BASIL and Timeline17 article goes through the
whole pipeline once (cached in benchmarks/.cache/), then that analysed corpus is repeated in time
(each generation shifted by 400 days, with its own ids) until it holds 10,000 articles, with
their events, mentions, stories, storylines, timelines and framing.

    .venv/bin/python benchmarks/web_latency.py [--articles 10000] [--requests 200] [--clients 4]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, news_articles  # noqa: E402

from storyline.model import Article, Story, Storyline, TimelineEntry  # noqa: E402
from storyline.options import Options  # noqa: E402
from storyline.pipeline import analyze  # noqa: E402
from storyline.store import open_store  # noqa: E402

CACHE = REPO / "benchmarks" / ".cache"
SHIFT_DAYS = 400
SEED = 7


def seed_store() -> Path:
    """The shared articles analysed by the whole pipeline, once (reused while the code's
    understanding version and the article count are unchanged)."""
    records = news_articles()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"web_seed_{len(records)}.db"
    if path.exists():
        return path
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "shared.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps({k: record.get(k) for k in (
                    "id", "outlet", "title", "published", "url", "text")}) + "\n")
        print(f"analysing {len(records)} shared articles once (cached at {path.name}) …",
              flush=True)
        started = time.perf_counter()
        analyze([str(source)], out=None, db=Path(tmp) / "seed.db", options=Options(quiet=True))
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
        shutil.copyfile(Path(tmp) / "seed.db", path)
    return path


def _shift(value: str | None, days: int) -> str | None:
    """Move a YYYY[-MM[-DD]] date by `days`, keeping its precision."""
    if not value or days == 0:
        return value
    parts = value[:10].split("-")
    try:
        day = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7,
                   int(parts[2]) if len(parts) > 2 else 1) + timedelta(days=days)
    except ValueError:
        return value
    return day.isoformat()[: len(value[:10])]


def _tagged(value: str | None, generation: int) -> str | None:
    """An id of the seed corpus as it is in one generation (the first keeps the seed's ids)."""
    return value if value is None or generation == 0 else f"{value}~{generation}"


def generate(seed: Path, target: Path, articles: int) -> dict[str, int]:
    """Repeat the seed corpus in time until it holds `articles` articles."""
    if target.exists():
        target.unlink()
    with open_store(seed) as source:
        base = list(source.iter_articles())
        events = source.events()
        mentions = source.mentions([a.id for a in base])
        stories, lines = source.stories(), source.storylines()
        timeline, framing = source.timeline(), source.framing()
    events_of: dict[str, list[dict]] = {}
    for event in events:
        events_of.setdefault(event["article_id"], []).append(event)
    generations = -(-articles // len(base))
    all_stories, all_lines, all_entries, all_framing = [], [], [], []
    with open_store(target) as store:
        written = 0
        for g in range(generations):
            days, tag = g * SHIFT_DAYS, partial(_tagged, generation=g)
            batch = base[: max(0, min(len(base), articles - written))]
            copies = [Article(**{**a.to_dict(), "id": tag(a.id),
                                 "published": _shift(a.published, days),
                                 "duplicate_of": tag(a.duplicate_of),
                                 "story_id": tag(a.story_id),
                                 "storyline_id": tag(a.storyline_id),
                                 "extra": a.extra}) for a in batch]
            store.upsert_articles(copies)
            findings = []
            for a in batch:
                evs = [{**e, "id": tag(e["id"]), "article_id": tag(a.id),
                        "story_id": tag(e.get("story_id")),
                        "date": _shift(e.get("date"), days)} for e in events_of.get(a.id, [])]
                findings.append((tag(a.id), "generated", evs, mentions.get(a.id, [])))
            store.save_findings(findings)
            written += len(batch)
            all_stories += [Story(**{**s.to_dict(), "id": tag(s.id),
                                     "article_ids": [tag(i) for i in s.article_ids],
                                     "storyline_id": tag(s.storyline_id),
                                     "start": _shift(s.start, days), "end": _shift(s.end, days)})
                            for s in stories]
            all_lines += [Storyline(**{**s.to_dict(), "id": tag(s.id),
                                       "story_ids": [tag(i) for i in s.story_ids],
                                       "start": _shift(s.start, days), "end": _shift(s.end, days)})
                          for s in lines]
            all_entries += [TimelineEntry(storyline_id=tag(e.storyline_id),
                                          date=_shift(e.date, days) or e.date,
                                          summary=e.summary,
                                          citations=[{**c, "article_id": tag(c["article_id"])}
                                                     for c in e.citations]) for e in timeline]
            all_framing += [{**f, "story_id": tag(f["story_id"])} for f in framing]
        store.save_stories(all_stories, all_lines, all_entries)
        store.save_framing(all_framing)
        return {"articles": store.count_articles(), "stories": len(all_stories),
                "storylines": len(all_lines), "events": len(store.events())}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _requests(db: Path, count: int, rng: random.Random) -> dict[str, list[str]]:
    """The URLs each page kind is measured on, drawn from what the store holds."""
    with open_store(db) as store:
        stories = [s.id for s in store.stories()]
        events = store.events()
    words = ["Syria", "Assad", "Idlib", "ceasefire", "refugees", "Obama", "\"chemical weapons\"",
             "Damascus", "protest*", "election", "Congress", "sanctions", "Aleppo", "tax"]
    actors = sorted({e["source"]["name"] for e in events if e.get("source")
                     and e["source"].get("name")})
    places = sorted({e["location"]["name"] for e in events if e.get("location")})
    types = sorted({e["type"] for e in events})

    def events_url() -> str:
        choice = rng.randrange(4)
        if choice == 0:
            return f"events?type={rng.choice(types)}"
        if choice == 1:
            return f"events?actor={quote(rng.choice(actors))}"
        if choice == 2:
            return f"events?place={quote(rng.choice(places))}&since=2012"
        return f"events?type={rng.choice(types)}&since=2011-06&until=2013"

    kinds = {
        "search": lambda: f"search?q={quote(rng.choice(words))}",
        "story": lambda: f"stories/{quote(rng.choice(stories), safe='')}",
        "events": events_url,
    }
    urls: dict[str, list[str]] = {"baseline /openapi.json": ["openapi.json"] * count}
    for kind, make in kinds.items():
        picks = [make() for _ in range(count)]
        urls[f"{kind} (HTML)"] = picks
        urls[f"{kind} (JSON)"] = ["api/" + u for u in picks]
    return urls


def measure(base: str, paths: list[str], clients: int) -> list[float]:
    """Latencies (ms) of `paths`, fetched by `clients` concurrent keep-alive clients."""
    latencies: list[float] = []
    lock = threading.Lock()
    queue = list(enumerate(paths))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    if not queue:
                        return
                    _, path = queue.pop()
                started = time.perf_counter()
                response = client.get("/" + path)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise RuntimeError(f"/{path}: HTTP {response.status_code}")
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="per page kind")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    logging.getLogger("httpx").setLevel(logging.WARNING)

    seed = seed_store()
    db = CACHE / f"web_{args.articles}.db"
    started = time.perf_counter()
    held = generate(seed, db, args.articles)
    print(f"store: {held} ({time.perf_counter() - started:.0f} s to generate)", flush=True)

    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("storyline")), "serve", "--db", str(db),
         "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        urls = _requests(db, args.requests, random.Random(SEED))
        for paths in urls.values():  # warm up every kind once
            measure(base, paths[:5], 1)
        print(f"\n{args.requests} requests per kind, {args.clients} concurrent clients, "
              "uvicorn (1 process) on loopback, 2 cores shared by server and clients\n")
        print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} "
              f"{'p50 × baseline':>15}")
        baseline_p50 = None
        for kind, paths in urls.items():
            began = time.perf_counter()
            lat = sorted(measure(base, paths, args.clients))
            rate = len(lat) / (time.perf_counter() - began)
            p50 = statistics.median(lat)
            p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
            baseline_p50 = baseline_p50 or p50
            print(f"{kind:28} {p50:8.1f} {p95:8.1f} {lat[-1]:8.1f} {rate:7.1f} "
                  f"{p50 / baseline_p50:15.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
