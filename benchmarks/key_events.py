"""Gold key events of the demo corpus: is each found on its article's sentence, with its date?

Issue 4's measure. `examples/gold.json` lists key events (article, sentence, date, PLOVER type);
an event counts as found when the pipeline coded an event on that sentence, with the right date
when its date equals the gold date, with the right type likewise. Misses are printed with the
events found on the sentence, so a regression shows where it is.

    python benchmarks/key_events.py              # runs the pipeline into a temporary folder
    python benchmarks/key_events.py OUT_FOLDER   # reads a finished run's output folder
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/_common beside us

from _common import REPO, iter_jsonl  # noqa: E402

EXAMPLES = REPO / "examples"


def _norm(text: str) -> str:
    return " ".join(text.split())


def score(out: Path) -> tuple[dict[str, int], list[tuple]]:
    """Counts (sentence, date, type found) and the misses of the date, from an output folder."""
    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for event in iter_jsonl(out / "events.jsonl"):
        by_article[event["article_id"]].append(event)
    counts = {"sentence": 0, "date": 0, "type": 0, "total": len(gold["key_events"])}
    misses = []
    for key in gold["key_events"]:
        wanted = _norm(key["text"])
        found = [e for e in by_article[key["article_id"]]
                 if wanted[:60] in _norm(e["sentence"]) or _norm(e["sentence"]) in wanted]
        counts["sentence"] += bool(found)
        counts["type"] += any(e["type"] == key["type"] for e in found)
        if any(e["date"] == key["date"] for e in found):
            counts["date"] += 1
        else:
            misses.append((key["article_id"], key["date"], key["type"],
                           [(e["date"], e["date_text"], e["type"]) for e in found],
                           key["text"][:80]))
    return counts, misses


def _run(out: Path) -> None:
    from storyline.options import Options
    from storyline.pipeline import analyze

    analyze([str(EXAMPLES / "corpus")], out=out, options=Options(quiet=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        help="a finished run's output folder (default: run the pipeline now)")
    args = parser.parse_args()
    if args.out is not None:
        counts, misses = score(args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            _run(Path(tmp) / "out")
            counts, misses = score(Path(tmp) / "out")
    n = counts["total"]
    print(f"key events (examples/gold.json): with an event on the sentence {counts['sentence']}/{n}"
          f", right date {counts['date']}/{n}, right type {counts['type']}/{n}")
    for miss in misses:
        print("  miss:", miss)


if __name__ == "__main__":
    main()
