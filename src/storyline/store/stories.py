"""Stories, storylines and timelines in the SQLite store.

A run writes them as a whole (they are corpus-level results: one new article can merge two
stories' timelines), so saving replaces the tables' contents in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from storyline.model import Story, Storyline, TimelineEntry


def replace_stories(
    conn: sqlite3.Connection,
    stories: Sequence[Story],
    storylines: Sequence[Storyline],
    timeline: Sequence[TimelineEntry],
) -> None:
    conn.execute("DELETE FROM stories")
    conn.execute("DELETE FROM storylines")
    conn.execute("DELETE FROM timeline")
    conn.executemany(
        "INSERT INTO stories(id, storyline_id, start, data) VALUES (?, ?, ?, ?)",
        [(s.id, s.storyline_id, s.start, _dump(s.to_dict())) for s in stories],
    )
    conn.executemany(
        "INSERT INTO storylines(id, start, data) VALUES (?, ?, ?)",
        [(s.id, s.start, _dump(s.to_dict())) for s in storylines],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO timeline(storyline_id, date, data) VALUES (?, ?, ?)",
        [(e.storyline_id or "", e.date, _dump(e.to_dict())) for e in timeline],
    )
    # events carry their article's story; only rows whose story changed are rewritten
    conn.execute(
        "UPDATE events SET story_id = a.story_id, data = json_set(data, '$.story_id', a.story_id)"
        " FROM (SELECT id, story_id FROM articles) AS a"
        " WHERE a.id = events.article_id AND events.story_id IS NOT a.story_id"
    )


def replace_framing(conn: sqlite3.Connection, records: Sequence[dict]) -> None:
    conn.execute("DELETE FROM framing")
    conn.executemany(
        "INSERT OR REPLACE INTO framing(story_id, outlet, data) VALUES (?, ?, ?)",
        [(r["story_id"], r["outlet"] or "", _dump(r)) for r in records],
    )


def replace_incidents(conn: sqlite3.Connection, records: Sequence[dict]) -> None:
    """The run's incidents in place of the stored ones; each event row gets its incident id."""
    conn.execute("DELETE FROM incidents")
    conn.executemany(
        "INSERT INTO incidents(id, type, date, mentions, data) VALUES (?, ?, ?, ?, ?)",
        [(r["id"], r["type"], r.get("date"), r["mentions"], _dump(r)) for r in records],
    )
    rows = [(r["id"], r["id"], event_id) for r in records for event_id in r["event_ids"]]
    conn.executemany(
        "UPDATE events SET incident_id = ?, data = json_set(data, '$.incident_id', ?)"
        " WHERE id = ?", rows,
    )


def load_incidents(conn: sqlite3.Connection, story_id: str | None = None) -> list[dict]:
    """Incidents by date then id; with `story_id`, those with a mention in that story."""
    records = [json.loads(row[0]) for row in
               conn.execute("SELECT data FROM incidents ORDER BY date IS NULL, date, id")]
    if story_id is not None:
        records = [r for r in records if story_id in r.get("story_ids", [])]
    return records


def load_framing(conn: sqlite3.Connection) -> list[dict]:
    return [json.loads(row[0])
            for row in conn.execute("SELECT data FROM framing ORDER BY story_id, outlet")]


def load_stories(conn: sqlite3.Connection) -> list[Story]:
    return [Story(**json.loads(row[0]))
            for row in conn.execute("SELECT data FROM stories ORDER BY start, id")]


def load_storylines(conn: sqlite3.Connection) -> list[Storyline]:
    return [Storyline(**json.loads(row[0]))
            for row in conn.execute("SELECT data FROM storylines ORDER BY start, id")]


def load_timeline(conn: sqlite3.Connection, storyline_id: str | None = None) -> list[TimelineEntry]:
    sql = "SELECT data FROM timeline"
    params: tuple[str, ...] = ()
    if storyline_id is not None:
        sql += " WHERE storyline_id = ?"
        params = (storyline_id,)
    return [TimelineEntry(**json.loads(row[0]))
            for row in conn.execute(sql + " ORDER BY storyline_id, date", params)]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
