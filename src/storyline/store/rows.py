"""How an `Article` maps to a row of the `articles` table, shared by the writer and the readers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storyline.model import Article

# Stored columns in order, without seq and updated_at: these decide whether a row changed.
COLUMNS = (
    "id",
    "source",
    "outlet",
    "title",
    "published",
    "published_basis",
    "language",
    "text",
    "removed_lines",
    "duplicate_of",
    "story_id",
    "storyline_id",
    "url",
    "format",
    "content_hash",
    "extra",
    "removed_head",
)
JSON_COLUMNS = {"removed_lines", "extra"}
SELECT_ARTICLES = f"SELECT {', '.join(COLUMNS)} FROM articles"


def dump(value: Any) -> str:
    """Canonical JSON, so equal values give equal strings and unchanged rows compare equal."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_row(article: Article) -> tuple[Any, ...]:
    values = article.to_dict()
    values["extra"] = article.extra
    return tuple(dump(values[name]) if name in JSON_COLUMNS else values[name] for name in COLUMNS)


def from_row(row: Sequence[Any]) -> Article:
    record = {
        name: json.loads(value) if name in JSON_COLUMNS else value
        for name, value in zip(COLUMNS, row, strict=True)
    }
    return Article(**record)


