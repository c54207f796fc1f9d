"""Helpers shared by the benchmarks: where the development data sets are, loading them, and the
scores several of them print (Wilson intervals, macro-F1)."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_data() -> Path | None:
    """`$STORYLINE_SHARED_DATA`, else `../shared/data` beside the checkout; None when absent."""
    configured = os.environ.get("STORYLINE_SHARED_DATA")
    path = Path(configured) if configured else REPO.parent / "shared" / "data"
    return path if path.is_dir() else None


def require_shared_data(*parts: str) -> Path:
    """The data folder, or exit 0 with a message: a missing data set is a skip, not a failure."""
    root = shared_data()
    target = root.joinpath(*parts) if root else None
    if target is None or not target.exists():
        print(f"SKIP: development data {'/'.join(parts) or 'shared/data'} not found "
              "(set STORYLINE_SHARED_DATA)")
        sys.exit(0)
    return target


def iter_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def news_articles() -> list[dict]:
    """Every BASIL and Timeline17 article (the unified article format), in a fixed order."""
    root = require_shared_data()
    records = list(iter_jsonl(root / "basil" / "articles.jsonl"))
    for topic in sorted((root / "timeline17").glob("*/articles.jsonl")):
        records.extend(iter_jsonl(topic))
    return [r for r in records if r.get("text")]


Z95 = 1.959964


def wilson(right: int, total: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion (95% by default); (0, 1) for an empty sample."""
    if total == 0:
        return 0.0, 1.0
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def macro_f1(gold: list[str], pred: list[str | None]) -> float:
    """Mean F1 over the gold labels (a None prediction is a miss)."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)
