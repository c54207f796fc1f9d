"""Events and entity mentions in the SQLite store: written per article, read with filters.

An article's findings are replaced as a whole, so re-understanding an article never leaves events
of an older version behind; `understood` records which version produced them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EventFilter:
    """What `storyline events` can ask for; every field is optional."""

    type: str | None = None
    actor: str | None = None
    """Matches the source or the target, by normalized name or as written (case-insensitive)."""
    place: str | None = None
    since: str | None = None
    """Inclusive, YYYY-MM-DD (a month or year also works: compared as text prefix order)."""
    until: str | None = None
    article_id: str | None = None
    story_id: str | None = None
    limit: int | None = None
    offset: int = 0


def replace_findings(
    conn: sqlite3.Connection,
    article_id: str,
    key: str,
    events: Iterable[dict[str, Any]],
    mentions: Iterable[dict[str, Any]],
) -> None:
    """Store one article's events and mentions in place of what it had."""
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO events(id, article_id, story_id, type, mode, date, date_basis, source_name,"
        " target_name, place_name, place_country, char_start, data, source_text, target_text,"
        " place_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_event_row(e) for e in events],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO mentions(article_id, start, end, label, name, data)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, m["start"], m["end"], m["label"],
             (m.get("actor") or {}).get("name") or (m.get("place") or {}).get("name"),
             json.dumps(m, ensure_ascii=False, sort_keys=True))
            for m in mentions
        ],
    )
    conn.execute(
        "INSERT OR REPLACE INTO understood(article_id, key) VALUES (?, ?)", (article_id, key)
    )


def _event_row(event: dict[str, Any]) -> tuple[Any, ...]:
    source, target, place = event.get("source") or {}, event.get("target") or {}, (
        event.get("location") or {}
    )
    return (
        event["id"], event["article_id"], event.get("story_id"), event["type"], event.get("mode"),
        event.get("date"), event.get("date_basis"), source.get("name"), target.get("name"),
        place.get("name"), place.get("country"), event["char_start"],
        json.dumps(event, ensure_ascii=False, sort_keys=True),
        source.get("text"), target.get("text"), place.get("text"),
    )


def understood_keys(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT article_id, key FROM understood"))


def query_events(conn: sqlite3.Connection, where: EventFilter) -> list[dict[str, Any]]:
    """Events matching every given filter, in date then article then position order."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.type:
        clauses.append("type = ?")
        params.append(where.type.upper())
    if where.actor:
        clauses.append(
            "(source_name = ? COLLATE NOCASE OR target_name = ? COLLATE NOCASE"
            " OR source_text LIKE ? OR target_text LIKE ?)"
        )
        params += [where.actor, where.actor, f"%{where.actor}%", f"%{where.actor}%"]
    if where.place:
        clauses.append(
            "(place_name = ? COLLATE NOCASE OR place_country = ? COLLATE NOCASE"
            " OR place_text = ? COLLATE NOCASE)"
        )
        params += [where.place, where.place, where.place]
    if where.since:
        clauses.append("date >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("substr(date, 1, ?) <= ?")
        params += [len(where.until), where.until]
    if where.article_id:
        clauses.append("article_id = ?")
        params.append(where.article_id)
    if where.story_id:
        clauses.append("story_id = ?")
        params.append(where.story_id)
    # choose the page on the small columns first, then read only its rows' JSON
    order = " ORDER BY date IS NULL, date, article_id, char_start"
    chosen = "SELECT rowid FROM events"
    if clauses:
        chosen += " WHERE " + " AND ".join(clauses)
    chosen += order
    if where.limit or where.offset:
        chosen += f" LIMIT {int(where.limit or -1)} OFFSET {max(0, int(where.offset))}"
    sql = f"SELECT data FROM events WHERE rowid IN ({chosen}){order}"
    return [json.loads(row[0]) for row in conn.execute(sql, params)]


def mentions_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {a: [] for a in article_ids}
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for article_id, data in conn.execute(
            f"SELECT article_id, data FROM mentions WHERE article_id IN ({marks})"
            " ORDER BY article_id, start, end", chunk,
        ):
            found[article_id].append(json.loads(data))
    return found
