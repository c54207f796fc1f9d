"""The default store: one SQLite file in WAL mode with FTS5 search over titles and texts.

Every write method is one transaction, so a batch that fails halfway leaves the file as it was;
re-ingesting unchanged articles writes nothing, which keeps repeated runs cheap and the file
byte-stable.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from storyline.errors import Rejection, StorylineError
from storyline.model import Article, Story, Storyline, TimelineEntry
from storyline.nlp import lookup
from storyline.nlp.names import key
from storyline.store import schema
from storyline.store.events import (
    EventFilter,
    mentions_of,
    place_spellings,
    query_events,
    replace_findings,
    stored_places,
    understood_keys,
)
from storyline.store.rows import COLUMNS, SELECT_ARTICLES, dump, from_row, to_row
from storyline.store.stories import (
    load_framing,
    load_incidents,
    load_stories,
    load_storylines,
    load_timeline,
    replace_framing,
    replace_incidents,
    replace_stories,
)

BUSY_TIMEOUT_MS = 5000
ID_CHUNK = 500
"""Ids per `IN (...)` lookup; well under SQLite's bound-parameter limit."""
INSERT_CHUNK = 512
"""Rows per multi-row INSERT (fewer when the SQLite build allows fewer bound parameters)."""
SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"
SNIPPET_TOKENS = 16
TITLE_WEIGHT = 2.0
"""bm25 weight of a title hit relative to a text hit."""

@dataclass(frozen=True)
class SearchHit:
    """One full-text match; `score` is the negated bm25, so higher means more relevant."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@cache
def fts5_available() -> bool:
    """Whether this Python's SQLite library was built with FTS5."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()
    return True


class SqliteStore:
    """Articles, rejections, runs and outlet profiles in one SQLite file."""

    SCHEMA_VERSION: int = schema.SCHEMA_VERSION

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        """Open (creating or migrating) the store; `readonly` opens an existing, current store
        for reading only, usable from any one thread at a time (the web UI's pool)."""
        self.path = Path(path)
        self.readonly = readonly
        self._variants: dict[str, tuple[tuple[int, int], list[str]]] = {}
        """Search spellings per query words, with the store generation they were read at."""
        if not fts5_available():
            raise StorylineError(
                "E301",
                f"{self.path}: the sqlite3 module of this Python was built without FTS5 "
                f"(SQLite {sqlite3.sqlite_version}); use a Python whose SQLite has FTS5 enabled",
            )
        try:
            if readonly:
                self._conn = sqlite3.connect(
                    self.path.resolve().as_uri() + "?mode=ro", uri=True,
                    timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                )
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as exc:
            raise StorylineError("E301", f"{self.path}: {exc}") from exc
        self._conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if readonly:
                self._check_readable_version()
            else:
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._conn.execute("PRAGMA journal_mode = WAL")
                schema.migrate(self._conn, schema.MIGRATIONS)
        except schema.SchemaTooNew as exc:
            self._conn.close()
            raise StorylineError("E302", f"{self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            self._conn.close()
            raise StorylineError("E301", f"{self.path}: {exc}") from exc

    def _check_readable_version(self) -> None:
        version = schema.current_version(self._conn)
        if version > self.SCHEMA_VERSION:
            raise schema.SchemaTooNew(version, self.SCHEMA_VERSION)
        if version < self.SCHEMA_VERSION:
            self._conn.close()
            raise StorylineError(
                "E301",
                f"{self.path}: schema version {version} is older than {self.SCHEMA_VERSION}; "
                "open it once for writing (any `storyline` command with --db) to migrate it",
            )

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the read queries of `storyline.store.browse`."""
        return self._conn

    # lifecycle

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: commit on success, roll back on any error.

        SQLite errors become E301 with the path; other errors (a bad value in an article) are
        re-raised as they are, after the rollback.
        """
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StorylineError("E301", f"{self.path}: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StorylineError("E301", f"{self.path}: {exc}") from exc
            raise

    def _next_generation(self, conn: sqlite3.Connection) -> int:
        """A counter bumped by each write that changes articles: `updated_at` without a clock."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'write_generation'").fetchone()
        generation = (int(row[0]) if row else 0) + 1
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('write_generation', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(generation),),
        )
        return generation

    # articles

    def known_hashes(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT id, content_hash FROM articles"))

    def upsert_articles(
        self, articles: Sequence[Article], written: set[str] | None = None
    ) -> tuple[int, int, int]:
        """Insert new ids, update changed ones, skip identical ones without writing. An update
        sets only the columns that changed, so the full-text index is touched only when the
        title or text did. `written` collects the ids written.

        Returns (inserted, updated, unchanged). All or nothing: on error nothing is written.
        """
        inserted = updated = unchanged = 0
        with self._transaction() as conn:
            stored = self._stored_rows(conn, [article.id for article in articles])
            generation: int | None = None
            new_rows: dict[str, tuple[Any, ...]] = {}  # written together at the end, in order
            for article in articles:
                row = to_row(article)
                old = stored.get(article.id)
                if old == row:
                    unchanged += 1
                    continue
                if generation is None:
                    generation = self._next_generation(conn)
                if old is None:
                    new_rows[article.id] = (*row, generation)
                    inserted += 1
                elif article.id in new_rows:  # a repeated id of this batch, not written yet
                    new_rows[article.id] = (*row, generation)
                    updated += 1
                else:
                    changed = [i for i in range(1, len(COLUMNS)) if row[i] != old[i]]
                    assignments = ", ".join(f"{COLUMNS[i]} = ?" for i in changed)
                    conn.execute(
                        f"UPDATE articles SET {assignments}, updated_at = ? WHERE id = ?",
                        (*(row[i] for i in changed), generation, article.id),
                    )
                    updated += 1
                if written is not None:
                    written.add(article.id)
                stored[article.id] = row  # a repeated id later in the batch compares to this
            _insert_rows(conn, list(new_rows.values()))
        return inserted, updated, unchanged

    def _stored_rows(
        self, conn: sqlite3.Connection, ids: Sequence[str]
    ) -> dict[str, tuple[Any, ...]]:
        rows: dict[str, tuple[Any, ...]] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), ID_CHUNK):
            chunk = unique[start : start + ID_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in conn.execute(f"{SELECT_ARTICLES} WHERE id IN ({marks})", chunk):
                rows[row[0]] = tuple(row)
        return rows

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute(f"{SELECT_ARTICLES} WHERE id = ?", (article_id,)).fetchone()
        return from_row(row) if row else None

    def iter_articles(self) -> Iterator[Article]:
        for row in self._conn.execute(f"{SELECT_ARTICLES} ORDER BY id"):
            yield from_row(row)

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def set_duplicates(self, links: dict[str, str | None]) -> None:
        """Record each article's original (or None); ids not in the store are ignored."""
        with self._transaction() as conn:
            generation: int | None = None
            for article_id, original in sorted(links.items()):
                row = conn.execute(
                    "SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None or row[0] == original:
                    continue
                if generation is None:
                    generation = self._next_generation(conn)
                conn.execute(
                    "UPDATE articles SET duplicate_of = ?, updated_at = ? WHERE id = ?",
                    (original, generation, article_id),
                )

    # search

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Best matches first by bm25 over title and text; see `fts_query` for the syntax.
        A term (or run of words, or phrase) that is a spelling of a known actor or of a place
        the store's articles name also matches that actor's or place's other spellings."""
        match = fts_query(query, expand=self.name_variants)
        if not match or limit <= 0:
            return []
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, -1, ?, ?, '…', ?), "
            "bm25(articles_fts, ?, 1.0) AS rank "
            "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
            (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_TOKENS, TITLE_WEIGHT, match, limit),
        )
        return [
            SearchHit(
                article_id=row[0],
                title=row[1],
                outlet=row[2],
                published=row[3],
                snippet=row[4],
                score=-float(row[5]),
            )
            for row in rows
        ]

    def name_variants(self, words: str) -> list[str]:
        """Other spellings (keys) of the actor or place `words` names: the actor table's
        spellings of that actor; for a place, every spelling the store's mentions of the same
        canonical place were written in (geocoded by the pipeline in their context)."""
        generation = self._generation()
        cached = self._variants.get(words)
        if cached is not None and cached[0] == generation:
            return cached[1]
        variants = self._name_variants(words)
        self._variants[words] = (generation, variants)
        return variants

    def _generation(self) -> tuple[int, int]:
        """Changes since the variants were cached: this connection's writes and other
        connections' commits (PRAGMA data_version)."""
        return self._conn.total_changes, self._conn.execute("PRAGMA data_version").fetchone()[0]

    def _name_variants(self, words: str) -> list[str]:
        variants = lookup.actor_search_spellings(words)
        places = stored_places(self._conn, words)
        if places:
            variants += [key(p) for p in places] + place_spellings(self._conn, places)
        return lookup.minimal(variants)

    # runs, rejections, profiles

    def add_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        """Store a run's rejected inputs; recording the same rejection twice keeps one row."""
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO rejections(run_id, source, reason, detail) "
                "VALUES (?, ?, ?, ?)",
                [(run_id, r.source, r.reason, r.detail) for r in rejections],
            )

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        """Rejections of one run, or of all runs, in the order they were recorded."""
        sql = "SELECT source, reason, detail FROM rejections"
        params: tuple[str, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        rows = self._conn.execute(sql + " ORDER BY rowid", params)
        return [Rejection(source=s, reason=r, detail=d) for s, r, d in rows]

    def record_run(self, run_id: str, manifest: dict) -> None:
        """Store a run's manifest; recording the same run id again replaces it in place."""
        data = dump(manifest)
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO runs(id, manifest) VALUES (?, ?) "
                "ON CONFLICT(id) DO UPDATE SET manifest = excluded.manifest",
                (run_id, data),
            )

    def runs(self) -> list[dict]:
        """Every recorded manifest, oldest first, with its `run_id` added."""
        rows = self._conn.execute("SELECT id, manifest FROM runs ORDER BY rowid")
        return [{**json.loads(manifest), "run_id": run_id} for run_id, manifest in rows]

    def save_profiles(self, data: dict) -> None:
        payload = dump(data)
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO profiles(id, data) VALUES (1, ?) "
                "ON CONFLICT(id) DO UPDATE SET data = excluded.data",
                (payload,),
            )

    def load_profiles(self) -> dict | None:
        row = self._conn.execute("SELECT data FROM profiles WHERE id = 1").fetchone()
        return json.loads(row[0]) if row else None

    # understanding: events and mentions (queries in store/events.py)

    def save_findings(self, findings: Sequence[Findings]) -> None:
        """Replace the events and mentions of each article given, all in one transaction."""
        with self._transaction() as conn:
            for article_id, key, events, mentions in findings:
                replace_findings(conn, article_id, key, events, mentions)

    def understood_keys(self) -> dict[str, str]:
        return understood_keys(self._conn)

    def events(self, where: EventFilter | None = None) -> list[dict]:
        return query_events(self._conn, where or EventFilter())

    def mentions(self, article_ids: Sequence[str]) -> dict[str, list[dict]]:
        return mentions_of(self._conn, article_ids)

    # stories, storylines, timelines (store/stories.py)

    def save_stories(
        self,
        stories: Sequence[Story],
        storylines: Sequence[Storyline],
        timeline: Sequence[TimelineEntry],
    ) -> None:
        """Replace the stored stories, storylines and timelines with this run's."""
        with self._transaction() as conn:
            replace_stories(conn, stories, storylines, timeline)

    def save_framing(self, records: Sequence[dict]) -> None:
        with self._transaction() as conn:
            replace_framing(conn, records)

    def save_incidents(self, records: Sequence[dict]) -> None:
        with self._transaction() as conn:
            replace_incidents(conn, records)

    def incidents(self, story_id: str | None = None) -> list[dict]:
        return load_incidents(self._conn, story_id)

    def framing(self) -> list[dict]:
        return load_framing(self._conn)

    def stories(self) -> list[Story]:
        return load_stories(self._conn)

    def storylines(self) -> list[Storyline]:
        return load_storylines(self._conn)

    def timeline(self, storyline_id: str | None = None) -> list[TimelineEntry]:
        return load_timeline(self._conn, storyline_id)


Findings = tuple[str, str, list[dict], list[dict]]
"""(article id, understanding key, contract event records, mention records)."""


def _insert_rows(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert article rows (COLUMNS then updated_at) with one statement per chunk of rows.

    The full-text index is filled by a trigger, and FTS5 writes out its pending terms at every
    statement boundary: one INSERT per row left a tiny index segment per article to be merged
    later, which cost twice as much as the rest of storing. Rows keep their order, so their
    `seq` values are those one INSERT per row would give."""
    if not rows:
        return
    width = len(COLUMNS) + 1
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(INSERT_CHUNK, limit // width))
    marks = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        conn.execute(
            f"INSERT INTO articles({', '.join(COLUMNS)}, updated_at) "
            f"VALUES {', '.join([marks] * len(chunk))}",
            [value for row in chunk for value in row],
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


_TERM = re.compile(r'"([^"]*)"(\*?)|(\S+)')
MAX_NAME_WORDS = 5
"""Longest run of typed words looked up as one name ("Recep Tayyip Erdogan")."""


def _quoted(body: str) -> str:
    return '"' + body.replace('"', "") + '"'


def fts_query(text: str, expand: Callable[[str], list[str]] | None = None) -> str:
    """Turn what a user typed into a safe FTS5 expression (terms joined by AND).

    Every term is quoted, so punctuation (`al-Nusra`, `C++`, a stray `"`) is never FTS5 syntax;
    `"two words"` stays a phrase and a trailing `*` (`idl*`) stays a prefix search. Terms with no
    letter or digit are dropped; an empty result means "match nothing".

    With `expand` (words -> other spellings of the name they are, as keys), a phrase or the
    longest run of plain words that names something becomes `(as typed OR "spelling" ...)`;
    prefix terms are never expanded.
    """
    terms: list[tuple[str, bool, bool]] = []  # (body, prefix, phrase)
    text = _CONTROL.sub(" ", text)  # a NUL would end FTS5's string early
    for match in _TERM.finditer(text):
        phrase, phrase_star, word = match.groups()
        if word is not None:
            word = word.replace('"', "")
            prefix = word.endswith("*")
            body = word.rstrip("*")
        else:
            prefix = bool(phrase_star)
            body = phrase
        if not any(ch.isalnum() for ch in body):
            continue
        terms.append((body, prefix, word is None))
    parts: list[str] = []
    i = 0
    while i < len(terms):
        body, prefix, phrase = terms[i]
        if prefix or expand is None:
            parts.append(_quoted(body) + ("*" if prefix else ""))
            i += 1
            continue
        size, variants = 1, []
        longest = 1 if phrase else min(MAX_NAME_WORDS, len(terms) - i)
        for n in range(longest, 0, -1):
            run = terms[i:i + n]
            if n > 1 and any(t[1] or t[2] for t in run):
                continue
            variants = expand(" ".join(t[0] for t in run))
            if variants:
                size = n
                break
        run = terms[i:i + size]
        own = lookup.fts_tokens(" ".join(t[0] for t in run))
        others = [_quoted(v) for v in variants if lookup.fts_tokens(v) != own]
        if others:
            typed = [_quoted(t[0]) for t in run]
            as_typed = typed[0] if len(typed) == 1 else "(" + " AND ".join(typed) + ")"
            parts.append("(" + " OR ".join([as_typed, *others]) + ")")
        else:
            parts += [_quoted(t[0]) for t in run]
        i += size
    # FTS5 takes implicit AND between plain terms, but not after a parenthesised group
    return (" AND " if any(p.startswith("(") for p in parts) else " ").join(parts)
