"""Incident grouping against the demo gold: pairwise precision and recall (issue 14).

    PYTHONPATH=src python benchmarks/incidents.py [OUT_DIR]

With OUT_DIR (a finished `storyline run examples/corpus --out OUT_DIR`) it reads that run;
without, it runs the demo first. Gold: `examples/gold.json` key "incidents", groups of mentions
named by article ids and words of the sentence. Only events matched by a gold mention count;
pairs are unordered pairs of those events.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def gold_labels(gold: list[dict], events: list[dict]) -> tuple[dict[str, int], list[str]]:
    """Event id -> gold group index; and the gold mentions that matched no event."""
    labels: dict[str, int] = {}
    unmatched: list[str] = []
    for number, group in enumerate(gold):
        for mention in group["mentions"]:
            words = _norm(mention["text"])
            hits = [e for e in events if e["article_id"] in mention["articles"]
                    and words in _norm(e["sentence"])]
            if not hits:
                unmatched.append(f"{mention['articles'][0]}: {mention['text']}")
            for event in hits:
                labels[event["id"]] = number
    return labels, unmatched


def pairwise(labels: dict[str, int], found: dict[str, str]) -> dict[str, float]:
    ids = sorted(labels)
    gold_pairs = {(a, b) for a, b in combinations(ids, 2) if labels[a] == labels[b]}
    found_pairs = {(a, b) for a, b in combinations(ids, 2) if found[a] == found[b]}
    both = len(gold_pairs & found_pairs)
    return {"events": len(ids), "gold_pairs": len(gold_pairs), "found_pairs": len(found_pairs),
            "correct_pairs": both,
            "precision": both / len(found_pairs) if found_pairs else 1.0,
            "recall": both / len(gold_pairs) if gold_pairs else 1.0}


def main(argv: list[str]) -> int:
    if argv:
        out = Path(argv[0])
    else:
        from storyline.options import Options
        from storyline.pipeline import analyze

        out = Path(tempfile.mkdtemp()) / "out"
        analyze([str(REPO / "examples" / "corpus")], out=out, options=Options(quiet=True))
    gold = json.loads((REPO / "examples" / "gold.json").read_text(encoding="utf-8"))["incidents"]
    events = [json.loads(line) for line in (out / "events.jsonl").open(encoding="utf-8")]
    labels, unmatched = gold_labels(gold, events)
    found = {e["id"]: e["incident_id"] for e in events}
    scores = pairwise(labels, found)
    print(f"gold groups {len(gold)}, gold mentions matched to {scores['events']} events, "
          f"{len(unmatched)} gold mentions unmatched")
    print(f"pairs: gold {scores['gold_pairs']}, found {scores['found_pairs']}, "
          f"correct {scores['correct_pairs']}")
    print(f"pairwise precision {scores['precision']:.3f}  recall {scores['recall']:.3f}")
    for line in unmatched:
        print("  unmatched:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
