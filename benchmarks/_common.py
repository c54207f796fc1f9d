"""Helpers shared by the benchmarks: where the development data sets are, and loading them."""

from __future__ import annotations

import json
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
