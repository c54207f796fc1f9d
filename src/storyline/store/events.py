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

from storyline.nlp import lookup
from storyline.nlp.names import key


@dataclass(frozen=True)
class EventFilter:
    """What `storyline events` can ask for; every field is optional."""

    type: str | None = None
    actor: str | None = None
    """Matches the source or the target: a name the actor table knows (any spelling, surname,
    transliteration) by its canonical actor and that actor's spellings as written; any other
    name as written. Case, diacritics and punctuation never matter (`storyline.nlp.lookup`)."""
    place: str | None = None
    """Matches the location: a name the gazetteer knows (any alternate name or transliteration)
    by its canonical place and its spellings; a country name or code, every place in it."""
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
        " place_text, source_key, target_key, place_key, actor_words, place_words)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_event_row(e) for e in events],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO mentions(article_id, start, end, label, name, data, text_key,"
        " place_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, m["start"], m["end"], m["label"],
             (m.get("actor") or {}).get("name") or (m.get("place") or {}).get("name"),
             json.dumps(m, ensure_ascii=False, sort_keys=True),
             lookup.mention_key(m.get("text")) or None, (m.get("place") or {}).get("name"))
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
        _key(source.get("name")), _key(target.get("name")), _key(place.get("name")),
        lookup.words_key(source.get("text"), source.get("name"), target.get("text"),
                         target.get("name")),
        lookup.words_key(place.get("text"), place.get("name")),
    )


def _key(name: str | None) -> str | None:
    return key(name) or None if name else None


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
        clause, values = actor_clause(lookup.actor_query(where.actor))
        clauses.append(clause)
        params += values
    if where.place:
        clause, values = place_clause(place_query(conn, where.place))
        clauses.append(clause)
        params += values
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


def _any(parts: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    """OR of the non-empty parts; a query that can match nothing gives a false clause."""
    kept = [(sql, values) for sql, values in parts if values]
    if not kept:
        return "0", []
    return "(" + " OR ".join(sql for sql, _ in kept) + ")", [v for _, vs in kept for v in vs]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def actor_clause(query: lookup.NameQuery) -> tuple[str, list[Any]]:
    """Source or target is one of the canonical actors, or their words as written hold one of
    the spellings as whole words."""
    names = list(query.name_keys)
    patterns = lookup.like_patterns(query.spellings)
    return _any([
        (f"source_key IN ({_marks(names)})", names),
        (f"target_key IN ({_marks(names)})", names),
        *[("actor_words LIKE ?", [p]) for p in patterns],
    ])


def place_clause(query: lookup.NameQuery) -> tuple[str, list[Any]]:
    names, countries = list(query.name_keys), list(query.countries)
    patterns = lookup.like_patterns(query.spellings)
    return _any([
        (f"place_key IN ({_marks(names)})", names),
        (f"place_country IN ({_marks(countries)})", countries),
        *[("place_words LIKE ?", [p]) for p in patterns],
    ])


def stored_places(conn: sqlite3.Connection, text: str) -> list[str]:
    """Canonical places the pipeline gave mentions written like `text` (in their context)."""
    k = lookup.mention_key(text)
    if not k:
        return []
    rows = conn.execute(
        "SELECT DISTINCT place_name FROM mentions"
        f" WHERE text_key = ? AND label IN ({_marks(lookup.PLACE_LABELS)})",
        (k, *lookup.PLACE_LABELS))
    return sorted(name for (name,) in rows if name)


def place_spellings(conn: sqlite3.Connection, names: Sequence[str]) -> list[str]:
    """Keys of the ways the store's articles wrote these canonical places."""
    if not names:
        return []
    rows = conn.execute(
        "SELECT DISTINCT text_key FROM mentions"
        f" WHERE place_name IN ({_marks(names)}) AND label IN ({_marks(lookup.PLACE_LABELS)})",
        (*names, *lookup.PLACE_LABELS))
    return [k for (k,) in rows if k]


def place_query(conn: sqlite3.Connection, text: str) -> lookup.NameQuery:
    """A place filter value resolved by the gazetteer (as the pipeline geocodes a mention) and
    by the places the store's own mentions of that spelling were given; spellings are the
    gazetteer's and the store's for those places."""
    found = lookup.place_query(text)
    names = list(dict.fromkeys([*found.names, *stored_places(conn, text)]))
    if not names:
        return found
    spellings = [*found.spellings, *(key(n) for n in names), *place_spellings(conn, names)]
    return lookup.NameQuery(text, tuple(names), tuple(lookup.minimal(spellings)),
                            found.countries)


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
