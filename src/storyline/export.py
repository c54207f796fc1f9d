"""Exports of a store: articles, stories, storylines, events, timelines and framing as JSON
Lines, CSV or Parquet, one file per table, rows in a fixed order so exports can be diffed.

JSON Lines keeps nested fields as they are; CSV and Parquet hold nested fields (lists, actors,
places) as JSON text in their column, so every table has one flat, stable schema.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyline.store.sqlite import SqliteStore

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("articles", "stories", "storylines", "events", "incidents", "timeline", "framing")


def table_rows(store: SqliteStore, table: str) -> list[dict[str, Any]]:
    """One table of the store as contract records."""
    if table == "articles":
        return [a.to_dict() for a in store.iter_articles()]
    if table == "stories":
        return [s.to_dict() for s in sorted(store.stories(), key=lambda s: s.id)]
    if table == "storylines":
        return [s.to_dict() for s in sorted(store.storylines(), key=lambda s: s.id)]
    if table == "events":
        return sorted(store.events(), key=lambda e: (e["article_id"], e["char_start"]))
    if table == "incidents":
        return sorted(store.incidents(), key=lambda r: r["id"])
    if table == "timeline":
        return [e.to_dict() for e in store.timeline()]
    if table == "framing":
        return store.framing()
    raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")


def export_store(store: SqliteStore, out: Path, fmt: str,
                 tables: Iterable[str] = TABLES) -> dict[str, Path]:
    """Write each table to `out/<table>.<fmt>`; returns table -> file written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in tables:
        rows = table_rows(store, table)
        path = out / f"{table}.{fmt}"
        if fmt == "jsonl":
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            _write_csv(path, [_flat(r) for r in rows])
        else:
            _write_parquet(path, [_flat(r) for r in rows])
        written[table] = path
    return written


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False, sort_keys=True)
            if isinstance(v, dict | list) else v for k, v in row.items()}


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_columns(rows))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _columns(rows)
    data = {}
    for column in columns:
        values = [row.get(column) for row in rows]
        kinds = {type(v) for v in values if v is not None}
        if kinds - {int, float, bool} and kinds != {str}:  # mixed: keep it as text
            values = [None if v is None else str(v) for v in values]
        data[column] = values
    pq.write_table(pa.table(data) if columns else pa.table({}), path)
