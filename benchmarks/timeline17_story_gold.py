"""Derive a story gold for Timeline17 (SyrianCrisis topics), which has none: ids and labels only.

A story is one dated entry of a topic's gold timelines (union of the topic's timelines). An
article belongs to the entry dated D when it was published on D, D+1 or D+2 and its first
sentences share enough content words with the entry's sentences (at least MIN_SHARE of the
entry's words, best entry wins); every other article is left out of the gold. Writes
benchmarks/data/timeline17_story_gold.json; see benchmarks/data/timeline17_story_gold.md.

Run: .venv/bin/python benchmarks/timeline17_story_gold.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import iter_jsonl, require_shared_data  # noqa: E402

from storyline.stories.features import content_words  # noqa: E402

TOPICS = ("SyrianCrisis_bbc", "SyrianCrisis_reuters")
DAYS_AFTER = 2
LEAD_SENTENCES = 5
MIN_SHARE = 0.15
OUT = Path(__file__).resolve().parent / "data" / "timeline17_story_gold.json"


def timeline_entries(folder: Path) -> dict[str, set[str]]:
    """Gold date -> content words of its sentences, over all timelines of the topic."""
    entries: dict[str, set[str]] = {}
    for path in sorted((folder / "timelines").glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("-" * 32):
            lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
            if lines:
                entries.setdefault(lines[0], set()).update(content_words(" ".join(lines[1:])))
    return entries


def derive() -> dict[str, str]:
    root = require_shared_data("timeline17")
    gold: dict[str, str] = {}
    for topic in TOPICS:
        entries = timeline_entries(root / topic)
        for record in iter_jsonl(root / topic / "articles.jsonl"):
            published = date.fromisoformat(record["published"])
            lead = " ".join(record["text"].splitlines()[:LEAD_SENTENCES])
            words = set(content_words(lead))
            best, best_share = None, MIN_SHARE
            for day, entry_words in entries.items():
                gap = (published - date.fromisoformat(day)).days
                if not 0 <= gap <= DAYS_AFTER or not entry_words:
                    continue
                share = len(words & entry_words) / len(entry_words)
                if share >= best_share:
                    best, best_share = day, share
            if best is not None:
                gold[record["id"]] = f"{topic}/{best}"
    return gold


def main() -> None:
    gold = derive()
    sizes = Counter(gold.values())
    OUT.write_text(json.dumps({"articles": dict(sorted(gold.items()))}, indent=1) + "\n")
    print(f"{len(gold)} articles in {len(sizes)} stories (sizes {sorted(sizes.values())}) "
          f"-> {OUT.name}")


if __name__ == "__main__":
    main()
