"""The store's schema as an ordered list of migrations.

`MIGRATIONS[n]` takes a database from version n to n + 1, so adding a table later is one more
string at the end of the tuple; `migrate` applies the missing ones in a single transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

V1_BASE = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- seq is an explicit INTEGER PRIMARY KEY so the FTS rowids survive VACUUM; id is the natural key.
CREATE TABLE articles (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    source          TEXT NOT NULL,
    outlet          TEXT,
    title           TEXT,
    published       TEXT,
    published_basis TEXT,
    language        TEXT,
    text            TEXT NOT NULL,
    removed_lines   TEXT NOT NULL DEFAULT '[]',
    duplicate_of    TEXT,
    story_id        TEXT,
    storyline_id    TEXT,
    url             TEXT,
    format          TEXT NOT NULL DEFAULT 'text',
    content_hash    TEXT NOT NULL DEFAULT '',
    extra           TEXT NOT NULL DEFAULT '{}',
    updated_at      INTEGER NOT NULL DEFAULT 0  -- write generation, not a clock: deterministic
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE rejections (
    run_id TEXT NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    UNIQUE (run_id, source, reason, detail)
);

CREATE TABLE runs (
    id       TEXT PRIMARY KEY,
    manifest TEXT NOT NULL
);

CREATE TABLE profiles (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
);
"""

V2_UNDERSTANDING = """
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL,
    story_id      TEXT,
    type          TEXT NOT NULL,
    mode          TEXT,
    date          TEXT,
    date_basis    TEXT,
    source_name   TEXT,
    target_name   TEXT,
    place_name    TEXT,
    place_country TEXT,
    char_start    INTEGER NOT NULL,
    data          TEXT NOT NULL  -- the whole contract record, JSON
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source_name);
CREATE INDEX events_target ON events(target_name);
CREATE INDEX events_place ON events(place_name);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    label      TEXT NOT NULL,
    name       TEXT,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX mentions_name ON mentions(name);

-- which version of the understanding step produced an article's stored events and mentions
CREATE TABLE understood (
    article_id TEXT PRIMARY KEY,
    key        TEXT NOT NULL
);
"""

V3_STORIES = """
CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    storyline_id TEXT,
    start        TEXT,
    data         TEXT NOT NULL
);
CREATE TABLE storylines (
    id    TEXT PRIMARY KEY,
    start TEXT,
    data  TEXT NOT NULL
);
CREATE TABLE timeline (
    storyline_id TEXT NOT NULL,
    date         TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (storyline_id, date)
);
CREATE INDEX stories_storyline ON stories(storyline_id);
"""

V4_FRAMING = """
CREATE TABLE framing (
    story_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    data     TEXT NOT NULL,
    PRIMARY KEY (story_id, outlet)
);
"""

V5_BROWSING = """
-- what the web UI looks up by: a story's events, an article's copies, an outlet's framing
CREATE INDEX events_story ON events(story_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX framing_outlet ON framing(outlet);
"""

V6_EVENT_WORDS = """
-- the words that name an event's actors and place as written, as plain columns, so filtering
-- events by them scans short strings instead of parsing every event's JSON
ALTER TABLE events ADD COLUMN source_text TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
ALTER TABLE events ADD COLUMN place_text TEXT;
UPDATE events SET source_text = json_extract(data, '$.source.text'),
                  target_text = json_extract(data, '$.target.text'),
                  place_text = json_extract(data, '$.location.text');
-- covering indexes: a filtered, ordered page of events is found without reading event rows
CREATE INDEX events_order ON events(date, article_id, char_start);
CREATE INDEX events_type_order ON events(type, date, article_id, char_start);
CREATE INDEX events_actor_words ON events(source_name, target_name, source_text, target_text,
                                          date, article_id, char_start);
CREATE INDEX events_place_words ON events(place_name, place_country, place_text,
                                          date, article_id, char_start);
"""

V7_INCIDENTS = """
-- incidents: the mentions (events) of one real-world happening; a run replaces them as a whole
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date TEXT,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date, id);
ALTER TABLE events ADD COLUMN incident_id TEXT;
CREATE INDEX events_incident ON events(incident_id);
"""

V8_REMOVED_HEAD = """
-- how many of an article's removed lines its page showed before the main text (the page head,
-- where a publication stamp is the page's own); 0 for articles cleaned before it was kept
ALTER TABLE articles ADD COLUMN removed_head INTEGER NOT NULL DEFAULT 0;
"""

V9_NAME_KEYS = """
-- names folded the way filters read what a user types (case, diacritics, punctuation:
-- storyline.nlp.names.key): canonical actor and place names as keys, and every name and text as
-- written in one padded word string per role, so "Erdoğan" = "Erdogan" and a filter's known
-- spellings are whole-word LIKE patterns over short columns (storyline.nlp.lookup)
ALTER TABLE events ADD COLUMN source_key TEXT;
ALTER TABLE events ADD COLUMN target_key TEXT;
ALTER TABLE events ADD COLUMN place_key TEXT;
ALTER TABLE events ADD COLUMN actor_words TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_words TEXT NOT NULL DEFAULT '';
UPDATE events SET source_key = storyline_key(source_name),
                  target_key = storyline_key(target_name),
                  place_key = storyline_key(place_name),
                  actor_words = storyline_words(source_text, source_name, target_text,
                                                target_name),
                  place_words = storyline_words(place_text, place_name);
DROP INDEX events_actor_words;
DROP INDEX events_place_words;
CREATE INDEX events_actor_keys ON events(source_key, target_key, actor_words,
                                         date, article_id, char_start);
CREATE INDEX events_place_keys ON events(place_key, place_country, place_words,
                                         date, article_id, char_start);
-- a mention's text as a key: which canonical places the pipeline gave a spelling, for search
-- and the canonical place it was given, both in covering indexes (no JSON read per row)
ALTER TABLE mentions ADD COLUMN text_key TEXT;
ALTER TABLE mentions ADD COLUMN place_name TEXT;
UPDATE mentions SET text_key = storyline_mention_key(json_extract(data, '$.text')),
                    place_name = json_extract(data, '$.place.name');
CREATE INDEX mentions_text_key ON mentions(text_key, label, place_name);
CREATE INDEX mentions_place_name ON mentions(place_name, label, text_key);
"""

MIGRATIONS: tuple[str, ...] = (
    V1_BASE, V2_UNDERSTANDING, V3_STORIES, V4_FRAMING, V5_BROWSING, V6_EVENT_WORDS,
    V7_INCIDENTS, V8_REMOVED_HEAD, V9_NAME_KEYS,
)
"""Append a SQL script here to add schema version len(MIGRATIONS) + 1."""

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by code that knows more migrations than this one."""

    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(f"schema version {found}, this storyline knows up to {known}")


def split_statements(script: str) -> Iterator[str]:
    """Yield one complete statement at a time so a script can run inside our own transaction.

    `executescript` would commit any open transaction first, which breaks all-or-nothing
    migrations; `sqlite3.complete_statement` knows where triggers end.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = _strip_comments(buffer).strip()
            if statement and statement != ";":
                yield statement
            buffer = ""
    if _strip_comments(buffer.rstrip(";")).strip():
        raise ValueError(f"incomplete SQL statement at end of migration: {buffer.strip()[:80]}")


def _strip_comments(sql: str) -> str:
    """Drop whole `--` comment lines; inline comments are left for SQLite to skip."""
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))


def current_version(conn: sqlite3.Connection) -> int:
    """The file's schema version; a file without our `meta` table (empty or new) is version 0."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions migrations call to fill folded-name columns (v9)."""
    from storyline.nlp.lookup import mention_key, words_key
    from storyline.nlp.names import key

    conn.create_function("storyline_key", 1, lambda t: key(t) if t else None,
                         deterministic=True)
    conn.create_function("storyline_mention_key", 1, lambda t: mention_key(t) if t else None,
                         deterministic=True)
    conn.create_function("storyline_words", -1, words_key, deterministic=True)


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Bring the database up to `len(migrations)`; all pending steps commit together or not at all.

    The connection must be in autocommit mode (`isolation_level=None`). Returns the version.
    Raises `SchemaTooNew` when the file is ahead of the code.
    """
    register_functions(conn)
    conn.execute("BEGIN IMMEDIATE")  # take the write lock first so two openers cannot both migrate
    try:
        version = current_version(conn)
        if version > len(migrations):
            raise SchemaTooNew(version, len(migrations))
        for script in migrations[version:]:
            for statement in split_statements(script):
                conn.execute(statement)
        if version < len(migrations):
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(len(migrations)),),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(migrations)
