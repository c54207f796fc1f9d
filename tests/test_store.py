"""Tests for the SQLite store: round trips, idempotent re-ingest, search, migrations, atomicity."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.errors import Rejection, StorylineError
from storyline.model import Article
from storyline.store import EventFilter, SqliteStore, Store, fts_query, open_store, schema

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"


def load_fixture() -> list[Article]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [Article.from_dict(json.loads(line)) for line in lines if line.strip()]


@pytest.fixture
def articles() -> list[Article]:
    return load_fixture()


@pytest.fixture
def store(tmp_path: Path, articles: list[Article]):
    with open_store(tmp_path / "store.db") as opened:
        opened.upsert_articles(articles)
        yield opened


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def write_generation(path: Path) -> int:
    with raw(path) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'write_generation'").fetchone()
    return int(row[0]) if row else 0


# round trip and idempotence


def test_article_round_trips_with_every_field_including_removed_lines_and_extra(
    tmp_path: Path, articles: list[Article]
) -> None:
    full = replace(articles[0], duplicate_of="other", story_id="s1", storyline_id="l1",
                   removed_head=1)
    with open_store(tmp_path / "s.db") as store:
        store.upsert_articles([full])
    with open_store(tmp_path / "s.db") as reopened:
        back = reopened.get_article(full.id)
    assert back == full
    assert back is not None
    assert back.removed_lines == ["Subscribe to our morning briefing", "Share this story"]
    assert back.extra == {"section": "World", "tags": ["diplomacy", "Türkiye"]}
    assert back.removed_head == 1


def test_missing_article_is_none(store: SqliteStore) -> None:
    assert store.get_article("no-such-id") is None


def test_reupserting_same_articles_counts_all_unchanged_and_writes_nothing(
    tmp_path: Path, articles: list[Article]
) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.upsert_articles(articles) == (3, 0, 0)
        generation = write_generation(path)
        changes = store._conn.total_changes
        assert store.upsert_articles(load_fixture()) == (0, 0, 3)
        assert store._conn.total_changes == changes
        assert store.count_articles() == 3
    assert write_generation(path) == generation


def test_changed_text_is_updated_and_only_that_row_is_rewritten(
    tmp_path: Path, articles: list[Article]
) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.upsert_articles(articles)
        changed = replace(articles[1], text="A new account of the night.", content_hash="h-idlib-2")
        assert store.upsert_articles([articles[0], changed, articles[2]]) == (0, 1, 2)
        assert store.get_article(changed.id) == changed
        assert store.known_hashes()[changed.id] == "h-idlib-2"
    with raw(path) as conn:
        stamps = dict(conn.execute("SELECT id, updated_at FROM articles"))
    assert stamps["idlib-shelling"] > stamps["ankara-talks"] == stamps["port-strike"]


def test_field_change_with_same_content_hash_still_counts_as_update(
    store: SqliteStore, articles: list[Article]
) -> None:
    clustered = replace(articles[2], story_id="story-7")
    assert store.upsert_articles([clustered]) == (0, 1, 0)
    stored = store.get_article(clustered.id)
    assert stored is not None and stored.story_id == "story-7"


def test_same_id_twice_in_one_batch_keeps_the_last_version(tmp_path: Path) -> None:
    first = Article("a", "a.txt", None, "One", None, None, None, "first text", content_hash="1")
    second = replace(first, text="second text", content_hash="2")
    with open_store(tmp_path / "s.db") as store:
        assert store.upsert_articles([first, second, second]) == (1, 1, 1)
        assert store.known_hashes() == {"a": "2"}


def test_batch_larger_than_one_insert_statement_is_stored_in_order_and_searchable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New rows go in with multi-row INSERTs; several statements must give the same rows,
    `seq` order and full-text index as one INSERT per row."""
    import storyline.store.sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "INSERT_CHUNK", 3)
    batch = [
        Article(f"port-{n:02d}", f"{n}.txt", "Ledger", f"Harbour note {n}", None, None, "en",
                f"Cranes moved cargo number{n} at the northern quay.", content_hash=str(n))
        for n in range(10)
    ]
    batch[4] = replace(batch[4], title=None, text="Ferries resumed after the gale.")
    with open_store(tmp_path / "s.db") as store:
        assert store.upsert_articles([*batch, replace(batch[7], text="Cranes idle.")]) == (10, 1, 0)
        seqs = raw(tmp_path / "s.db").execute("SELECT id FROM articles ORDER BY seq").fetchall()
        assert [row[0] for row in seqs] == [a.id for a in batch]
        expected = sorted(a.id for a in batch if a.id != "port-04")
        assert sorted(hit_ids(store, "cranes")) == expected
        assert hit_ids(store, "number9") == ["port-09"]
        assert hit_ids(store, "number7") == []  # the later version in the batch replaced it
        assert hit_ids(store, "ferries") == ["port-04"]


def test_iter_articles_is_ordered_by_id(store: SqliteStore) -> None:
    assert [a.id for a in store.iter_articles()] == [
        "ankara-talks",
        "idlib-shelling",
        "port-strike",
    ]


def test_known_hashes_maps_every_id_to_its_content_hash(store: SqliteStore) -> None:
    assert store.known_hashes() == {
        "ankara-talks": "h-ankara-1",
        "idlib-shelling": "h-idlib-1",
        "port-strike": "h-port-1",
    }


# search


def hit_ids(store: SqliteStore, query: str) -> list[str]:
    return [hit.article_id for hit in store.search(query)]


def test_hyphenated_name_is_searched_as_a_phrase_without_error(store: SqliteStore) -> None:
    assert hit_ids(store, "al-Nusra") == ["idlib-shelling"]


@pytest.mark.parametrize(
    "query", ['"', 'strike "rolling', 'C++ "', "-", "*", "AND", "NEAR(", "(:)"]
)
def test_punctuation_and_stray_quotes_never_raise(store: SqliteStore, query: str) -> None:
    store.search(query)


def test_stray_quote_is_ignored_and_the_words_still_match(store: SqliteStore) -> None:
    assert hit_ids(store, 'rolling" strike') == ["port-strike"]


def test_quoted_words_match_only_as_a_phrase(store: SqliteStore) -> None:
    assert hit_ids(store, '"cranes idle"') == ["port-strike"]
    assert hit_ids(store, '"idle cranes"') == []


def test_trailing_star_is_a_prefix_search(store: SqliteStore) -> None:
    assert set(hit_ids(store, "idl*")) == {"port-strike", "idlib-shelling"}
    assert hit_ids(store, "idl") == []


def test_non_ascii_name_matches_with_and_without_diacritics(store: SqliteStore) -> None:
    assert hit_ids(store, "Erdoğan") == ["ankara-talks"]
    assert hit_ids(store, "erdogan") == ["ankara-talks"]


def test_search_hit_carries_metadata_snippet_and_positive_score(store: SqliteStore) -> None:
    (hit,) = store.search("ceasefire")
    assert hit.title == "Erdoğan hosts ceasefire talks in Ankara"
    assert hit.outlet == "Harbour Ledger"
    assert hit.published == "2024-03-04"
    assert "[ceasefire]" in hit.snippet
    assert hit.score > 0


def test_match_in_title_and_text_outranks_a_text_only_match(store: SqliteStore) -> None:
    # both mention "strike" in their text, only the port story has it in its title
    extra = Article(
        "x",
        "x.txt",
        None,
        "Harbour news",
        None,
        None,
        None,
        "A long report about weather, tides and a strike that ended years ago, "
        "with many other words about ships and cargo and schedules.",
    )
    store.upsert_articles([extra])
    assert hit_ids(store, "strike")[0] == "port-strike"


def test_words_are_and_combined(store: SqliteStore) -> None:
    assert hit_ids(store, "shelling Erdoğan") == []
    assert hit_ids(store, "Idlib shelling") == ["idlib-shelling"]


def test_empty_or_punctuation_only_query_returns_nothing(store: SqliteStore) -> None:
    assert store.search("") == []
    assert store.search(' " - * ') == []


def test_limit_caps_the_number_of_hits(store: SqliteStore) -> None:
    assert len(store.search("the", limit=1)) == 1
    assert store.search("the", limit=0) == []


def test_search_after_update_finds_new_text_and_not_old(
    store: SqliteStore, articles: list[Article]
) -> None:
    rewritten = replace(articles[2], title="Harbour reopens", text="Cranes resumed loading.")
    store.upsert_articles([rewritten])
    assert hit_ids(store, "rolling") == []
    assert hit_ids(store, "resumed") == ["port-strike"]
    assert hit_ids(store, "reopens") == ["port-strike"]


def test_fts_query_quotes_every_term_and_keeps_prefix_and_phrases() -> None:
    assert fts_query('al-Nusra "cease fire" idl* x"y') == '"al-Nusra" "cease fire" "idl"* "xy"'
    assert fts_query('"new yor"*') == '"new yor"*'
    assert fts_query('" -- ') == ""
    assert fts_query("a\x00b \"c\x00d\"") == '"a" "b" "c d"'  # a NUL never reaches FTS5


# migrations and opening


def table_names(path: Path) -> set[str]:
    with raw(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def stored_version(path: Path) -> int:
    with raw(path) as conn:
        return int(conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])


def test_new_path_is_created_at_current_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "store.db"
    with open_store(path) as store:
        assert store.count_articles() == 0
    assert stored_version(path) == SqliteStore.SCHEMA_VERSION == len(schema.MIGRATIONS)
    assert {"meta", "articles", "articles_fts", "rejections", "runs", "profiles"} <= table_names(
        path
    )


def test_empty_file_is_treated_as_version_zero_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with open_store(path) as store:
        store.upsert_articles(load_fixture())
        assert hit_ids(store, "ceasefire") == ["ankara-talks"]
    assert stored_version(path) == SqliteStore.SCHEMA_VERSION


def test_old_file_is_migrated_by_an_appended_migration(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert_articles(articles)
    monkeypatch.setattr(
        schema, "MIGRATIONS", (*schema.MIGRATIONS, "CREATE TABLE entities (id TEXT PRIMARY KEY);")
    )
    with open_store(path) as store:
        assert store.count_articles() == 3
    assert stored_version(path) == len(schema.MIGRATIONS)
    assert "entities" in table_names(path)


def test_failing_migration_leaves_the_file_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    open_store(path).close()
    current = len(schema.MIGRATIONS)
    broken = "CREATE TABLE entities (id TEXT); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    with pytest.raises(StorylineError) as caught:
        open_store(path)
    assert caught.value.code == "E301"
    assert stored_version(path) == current
    assert "entities" not in table_names(path)


def test_newer_schema_is_refused_with_e302(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    with raw(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StorylineError) as caught:
        open_store(path)
    assert caught.value.code == "E302"
    assert "99" in str(caught.value) and str(path) in str(caught.value)


def test_garbage_file_is_refused_with_e301_naming_the_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my shopping notes, not a database\n" * 200)
    with pytest.raises(StorylineError) as caught:
        open_store(path)
    assert caught.value.code == "E301"
    assert str(path) in str(caught.value)


def test_directory_path_is_refused_with_e301(tmp_path: Path) -> None:
    with pytest.raises(StorylineError) as caught:
        open_store(tmp_path)
    assert caught.value.code == "E301"


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    statements = list(schema.split_statements(schema.MIGRATIONS[0]))
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3
    assert all(s.endswith("END;") for s in triggers)


# atomicity and pragmas


def test_failed_batch_leaves_database_as_it_was(
    store: SqliteStore, articles: list[Article]
) -> None:
    before = list(store.iter_articles())
    rewritten = replace(articles[0], text="Overwritten before the failure.")
    fresh = Article("fresh", "f.txt", None, "Fresh", None, None, None, "A fresh article.")
    broken = replace(fresh, id="broken", text=None)  # type: ignore[arg-type]
    with pytest.raises(StorylineError) as caught:
        store.upsert_articles([rewritten, fresh, broken])
    assert caught.value.code == "E301"
    assert list(store.iter_articles()) == before
    assert hit_ids(store, "Overwritten") == []
    assert hit_ids(store, "fresh") == []


def test_unserialisable_extra_rolls_back_and_raises_the_original_error(
    store: SqliteStore,
) -> None:
    good = Article("good", "g.txt", None, "Good", None, None, None, "Written first.")
    bad = replace(good, id="bad", extra={"when": object()})
    with pytest.raises(TypeError):
        store.upsert_articles([good, bad])
    assert store.get_article("good") is None
    assert store.count_articles() == 3
    # the store is still usable after the rollback
    assert store.upsert_articles([good]) == (1, 0, 0)


def test_wal_mode_and_foreign_keys_are_on(store: SqliteStore) -> None:
    with raw(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


# runs, rejections, profiles, duplicates


def test_runs_keep_order_and_rerecording_replaces_in_place(store: SqliteStore) -> None:
    store.record_run("r1", {"contract": 1, "counts": {"articles": 3}})
    store.record_run("r2", {"contract": 1, "counts": {"articles": 4}})
    store.record_run("r1", {"contract": 1, "counts": {"articles": 5}})
    assert store.runs() == [
        {"contract": 1, "counts": {"articles": 5}, "run_id": "r1"},
        {"contract": 1, "counts": {"articles": 4}, "run_id": "r2"},
    ]


def test_rejections_are_stored_per_run_without_duplicates(store: SqliteStore) -> None:
    first = Rejection("a.bin", "E102", "NUL bytes")
    second = Rejection("b.txt", "E101")
    store.add_rejections("r1", [first, second])
    store.add_rejections("r1", [first])
    store.add_rejections("r2", [second])
    assert store.rejections("r1") == [first, second]
    assert store.rejections("r2") == [second]
    assert len(store.rejections()) == 3


def test_profiles_round_trip_and_are_none_before_saving(store: SqliteStore) -> None:
    assert store.load_profiles() is None
    profiles = {"Harbour Ledger": {"lines": ["Share this story"], "articles": 2}}
    store.save_profiles(profiles)
    store.save_profiles(profiles | {"Valley Courier": {"lines": [], "articles": 1}})
    assert store.load_profiles() == profiles | {"Valley Courier": {"lines": [], "articles": 1}}


def test_set_duplicates_links_and_unlinks_and_ignores_unknown_ids(store: SqliteStore) -> None:
    store.set_duplicates({"port-strike": "ankara-talks", "ghost": "ankara-talks"})
    linked = store.get_article("port-strike")
    assert linked is not None and linked.duplicate_of == "ankara-talks"
    assert store.get_article("ghost") is None
    store.set_duplicates({"port-strike": None})
    unlinked = store.get_article("port-strike")
    assert unlinked is not None and unlinked.duplicate_of is None


def test_sqlite_store_satisfies_the_store_protocol(store: SqliteStore) -> None:
    assert isinstance(store, Store)


def test_closed_store_refuses_further_use(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        store.count_articles()


def _event(article_id: str, start: int, type_: str, date: str | None, source: str) -> dict:
    return {
        "id": f"{article_id}:{start}", "article_id": article_id, "story_id": None, "date": date,
        "date_text": None, "date_basis": None, "type": type_, "mode": None,
        "source": {"text": source, "name": source, "kind": "country", "role": None,
                   "country": None},
        "target": None,
        "location": {"name": "Idlib", "country": "SY", "lat": 35.9, "lon": 36.6, "text": "Idleb",
                     "geonameid": None, "feature": "admin1"},
        "sentence": "A sentence.", "char_start": start, "char_end": start + 11, "cameo": "19",
        "confidence": 0.9,
    }


def test_findings_replace_an_articles_events_and_filter_by_type_actor_place_and_date(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.save_findings([
            ("a", "k1", [_event("a", 0, "ASSAULT", "2020-02-27", "Russia"),
                         _event("a", 40, "AGREE", "2020-03-05", "Turkey")], []),
            ("b", "k1", [_event("b", 0, "AGREE", "2018-09-17", "Russia")], []),
        ])
        assert [e["id"] for e in store.events()] == ["b:0", "a:0", "a:40"]
        assert [e["id"] for e in store.events(EventFilter(type="agree"))] == ["b:0", "a:40"]
        assert [e["id"] for e in store.events(EventFilter(actor="russia"))] == ["b:0", "a:0"]
        assert [e["id"] for e in store.events(EventFilter(place="Idleb"))] == ["b:0", "a:0",
                                                                               "a:40"]
        assert [e["id"] for e in store.events(EventFilter(since="2020-01-01",
                                                          until="2020-02"))] == ["a:0"]
        store.save_findings([("a", "k2", [_event("a", 5, "CONSULT", "2020-03-05", "Iran")], [])])
        assert [e["id"] for e in store.events(EventFilter(article_id="a"))] == ["a:5"]
        assert store.understood_keys() == {"a": "k2", "b": "k1"}


def test_a_version_1_store_is_migrated_to_hold_events(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    open_store(path).close()
    assert stored_version(path) == 1
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.events() == []
    assert stored_version(path) == len(schema.MIGRATIONS)
