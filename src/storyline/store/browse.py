"""Read queries for browsing a store page by page (web UI, API): each asks the database for one
page's worth of rows through an index, so a page costs the same with 100 or 100,000 articles.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from storyline.metadata import MissingMetadata
from storyline.model import Story, Storyline

ID_CHUNK = 500
"""Ids per `IN (...)` lookup; well under SQLite's bound-parameter limit."""
BRIEF_COLUMNS = "id, title, outlet, published, published_basis, duplicate_of, story_id"


BRIEF_NAMES = tuple(name.strip() for name in BRIEF_COLUMNS.split(","))


def _brief(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(BRIEF_NAMES, row, strict=True))


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the store holds, for the home page."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
        "stories": one("SELECT count(*) FROM stories"),
        "storylines": one("SELECT count(*) FROM storylines"),
        "events": one("SELECT count(*) FROM events"),
    }


def missing_metadata(conn: sqlite3.Connection) -> MissingMetadata:
    """How many stored articles lack an outlet or a date, or have only an inferred one."""
    row = conn.execute(
        "SELECT count(*),"
        " coalesce(sum(outlet IS NULL OR outlet = ''), 0),"
        " coalesce(sum(published IS NULL OR published = ''), 0),"
        " coalesce(sum(published IS NOT NULL AND published != ''"
        "              AND published_basis = 'inferred'), 0)"
        " FROM articles"
    ).fetchone()
    return MissingMetadata(*(int(value) for value in row))


def story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    row = conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
    return Story(**json.loads(row[0])) if row else None


def _chunks(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    """Distinct ids in chunks small enough for one `IN (...)`, each with its placeholders."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), ID_CHUNK):
        chunk = unique[start : start + ID_CHUNK]
        yield chunk, ", ".join("?" * len(chunk))


def story_titles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Story id -> title, for the stories asked about that exist."""
    found: dict[str, str] = {}
    for chunk, marks in _chunks(ids):
        for story_id, title in conn.execute(
            f"SELECT id, json_extract(data, '$.title') FROM stories WHERE id IN ({marks})", chunk
        ):
            found[story_id] = title
    return found


def storyline(conn: sqlite3.Connection, storyline_id: str) -> Storyline | None:
    row = conn.execute("SELECT data FROM storylines WHERE id = ?", (storyline_id,)).fetchone()
    return Storyline(**json.loads(row[0])) if row else None


def stories_page(
    conn: sqlite3.Connection, offset: int, limit: int, storyline_id: str | None = None
) -> tuple[list[Story], int]:
    """Stories in date order (one storyline's, or all), and how many there are in all."""
    where, params = ("WHERE storyline_id = ?", (storyline_id,)) if storyline_id else ("", ())
    total = int(conn.execute(f"SELECT count(*) FROM stories {where}", params).fetchone()[0])
    rows = conn.execute(
        f"SELECT data FROM stories {where} ORDER BY start, id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [Story(**json.loads(row[0])) for row in rows], total


def article_briefs(
    conn: sqlite3.Connection,
    *,
    story_id: str | None = None,
    outlet: str | None = None,
    duplicate_of: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], int]:
    """Articles without their text (id, title, outlet, dates, links) and the total matching."""
    clauses, params = [], []
    for column, value in (("story_id", story_id), ("outlet", outlet),
                          ("duplicate_of", duplicate_of)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    total = int(conn.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0])
    rows = conn.execute(
        f"SELECT {BRIEF_COLUMNS} FROM articles {where} "
        "ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [_brief(tuple(row)) for row in rows], total


def briefs_by_id(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk, marks in _chunks(ids):
        for row in conn.execute(
            f"SELECT {BRIEF_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = _brief(tuple(row))
    return found


def outlets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every outlet with its article, copy and story counts and its first and last date."""
    rows = conn.execute(
        "SELECT outlet, count(*), count(duplicate_of), count(DISTINCT story_id),"
        " min(published), max(published) FROM articles GROUP BY outlet"
        " ORDER BY count(*) DESC, outlet"
    )
    return [
        {"outlet": o, "articles": n, "copies": d, "stories": s, "first": lo, "last": hi}
        for o, n, d, s, lo, hi in rows
    ]


def framing(
    conn: sqlite3.Connection, story_id: str | None = None, outlet: str | None = None
) -> list[dict[str, Any]]:
    """Framing records of one story (every outlet) or one outlet (every story)."""
    clauses, params = [], []
    if story_id is not None:
        clauses.append("story_id = ?")
        params.append(story_id)
    if outlet is not None:
        clauses.append("outlet = ?")
        params.append(outlet)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(f"SELECT data FROM framing {where} ORDER BY story_id, outlet", params)
    return [json.loads(row[0]) for row in rows]
