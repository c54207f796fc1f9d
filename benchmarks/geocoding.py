"""Geocoding of place mentions in context, against "the largest place with that name".

The set (`benchmarks/data/geocoding_set.jsonl`, written for this project) holds news sentences,
each with one place mention, the other places its article names (`context`), the expected
country and the expected coordinates: the place itself for towns, sites and regions, the capital
for countries and the provincial (state) capital for provinces and states, which is where
storyline puts them. An answer is right when it lies within 161 km (100 miles) of the expected
point; the country share compares ISO codes. The baseline reads the same gazetteer and takes the
most populous place answering to the name (a country before anything else of that name).

A held-out set (`tests/fixtures/places/heldout.jsonl`, other places, written after the scoring
rules were fixed and not tuned against) is scored alongside, and both GeoNames city sets
geocoding can load (population >= 1000, the default, and >= 5000) are compared with their load
time and memory.

    .venv/bin/python benchmarks/geocoding.py
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from storyline.model import Place  # noqa: E402
from storyline.nlp.gazetteer import Gazetteer  # noqa: E402
from storyline.nlp.places import geocode  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SET_PATH = REPO / "benchmarks" / "data" / "geocoding_set.jsonl"
HELD_OUT_PATH = REPO / "tests" / "fixtures" / "places" / "heldout.jsonl"
RADIUS_KM = 161.0


def load_set(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def largest_place(mention: str, gazetteer: Gazetteer) -> Place | None:
    """Baseline: the most populous candidate, countries first (they carry no city population)."""
    candidates = gazetteer.candidates(mention)
    if not candidates and mention.lower().startswith("the "):
        candidates = gazetteer.candidates(mention[4:])
    countries = [c for c in candidates if c.feature == "country"]
    return (countries or candidates or [None])[0]


def score(items: list[dict], system: Callable[[dict], Place | None]) -> dict:
    within = country = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for item in items:
        place = system(item)
        near = bool(place and place.lat is not None and place.lon is not None
                    and km(place.lat, place.lon, item["lat"], item["lon"]) <= RADIUS_KM)
        within += near
        country += bool(place and place.country == item["expected_country"])
        by_category[item.get("category", "-")][0] += near
        by_category[item.get("category", "-")][1] += 1
        if not near:
            misses.append((item["mention"], item["expected_country"],
                           f"{place.name} {place.country}" if place else "None"))
    n = len(items)
    return {"n": n, "within": within / n, "country": country / n, "by_category": by_category,
            "misses": misses}


def report(label: str, result: dict, show_misses: bool = False) -> None:
    print(f"  {label:<34} within {RADIUS_KM:.0f} km {result['within']:.3f}   "
          f"right country {result['country']:.3f}   (n={result['n']})")
    if show_misses:
        cats = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(result["by_category"].items()))
        print(f"    by category: {cats}")
        for mention, expected, got in result["misses"]:
            print(f"    miss: {mention!r} expected {expected}, got {got}")


def main() -> None:
    sets = {"set": load_set(SET_PATH)}
    if HELD_OUT_PATH.exists():
        sets["held-out"] = load_set(HELD_OUT_PATH)
    for min_population in (5000, 1000):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        gazetteer = Gazetteer.load(min_population)
        gazetteer.lookup("warm up the loose index", allow_loose=True)
        load_s = time.perf_counter() - started
        peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"GeoNames cities >= {min_population}: {len(gazetteer.entries)} entries, "
              f"loaded in {load_s:.1f} s, peak memory +{peak_mb:.0f} MB"
              + (" (beyond the 5000 set's)" if min_population == 1000 else ""))
        for name, items in sets.items():
            started = time.perf_counter()
            ours = score(items, lambda i, g=gazetteer: geocode(i["mention"], i["context"], g))
            rate = len(items) / (time.perf_counter() - started)
            base = score(items, lambda i, g=gazetteer: largest_place(i["mention"], g))
            print(f" {name} ({len(items)} mentions):")
            report("storyline geocode (in context)", ours, show_misses=min_population == 1000)
            report("baseline: largest place", base)
            print(f"    throughput: {rate:.0f} mentions/s (context included)")
        del gazetteer


if __name__ == "__main__":
    main()
