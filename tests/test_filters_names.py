"""Filters and search read names and places the way the pipeline does: every spelling the actor
table or the gazetteer knows finds the same events and articles, through the store, the CLI and
the web UI's JSON twins; an unknown name matches as written, diacritics folded. Articles written
here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from storyline.options import Options  # noqa: E402
from storyline.pipeline import analyze  # noqa: E402
from storyline.store import EventFilter, open_store  # noqa: E402

ARTICLES = {
    "a-sochi": "Turkish President Recep Tayyip Erdoğan met Russian President Vladimir Putin "
               "in Sochi on Tuesday to discuss the fighting in northern Syria.",
    "b-shelling": "Erdogan condemned the shelling of villages in Idleb province on Wednesday, "
                  "his office said.",
    "c-idlib": "Syrian government forces shelled three villages in Idlib on Thursday, "
               "residents said.",
    "d-mayor": "Zbigniew Kowalczyk-Żurek, the mayor of the port, protested against the "
               "closure of the harbour on Friday.",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.jsonl").write_text(json.dumps({
            "id": name, "outlet": "Test Wire", "published": "2021-09-30",
            "title": None, "text": text}) + "\n", encoding="utf-8")
    analyze([str(corpus)], out=root / "out", options=Options(quiet=True))
    return root / "out" / "storyline.db"


def _ids(db: Path, **where: str) -> set[str]:
    with open_store(db) as store:
        return {e["id"] for e in store.events(EventFilter(limit=1000, **where))}


def _articles(db: Path, **where: str) -> set[str]:
    with open_store(db) as store:
        return {e["article_id"] for e in store.events(EventFilter(limit=1000, **where))}


def test_every_spelling_of_a_known_actor_finds_the_same_events(db: Path) -> None:
    found = [_ids(db, actor=a) for a in ("Erdogan", "Erdoğan", "Recep Tayyip Erdogan",
                                         "erdogan", "President Erdogan")]
    assert found[0] and all(f == found[0] for f in found)
    assert {"a-sochi", "b-shelling"} <= _articles(db, actor="Erdoğan")


def test_both_transliterations_of_a_place_find_the_same_events(db: Path) -> None:
    idleb, idlib = _ids(db, place="Idleb"), _ids(db, place="Idlib")
    assert idlib and idleb == idlib
    assert {"b-shelling", "c-idlib"} <= _articles(db, place="Idleb")


def test_an_unknown_name_matches_as_written_with_diacritics_folded(db: Path) -> None:
    as_written = _articles(db, actor="Kowalczyk-Żurek")
    assert as_written == {"d-mayor"}
    assert _articles(db, actor="kowalczyk-zurek") == as_written
    assert not _articles(db, actor="Kowalski")


def test_search_for_one_spelling_finds_articles_with_the_other(db: Path) -> None:
    with open_store(db) as store:
        idleb = {h.article_id for h in store.search("Idleb", limit=50)}
        idlib = {h.article_id for h in store.search("Idlib", limit=50)}
        plain = {h.article_id for h in store.search("villages", limit=50)}
    assert {"b-shelling", "c-idlib"} <= idleb and idleb == idlib
    assert plain == {"b-shelling", "c-idlib"}


def test_cli_and_web_twins_give_what_the_store_gives(db: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    expected = _ids(db, actor="Recep Tayyip Erdogan")
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--actor", "Erdoğan", "--json"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["id"] for line in result.output.splitlines() if line} == expected

    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    with TestClient(create_app(db)) as client:
        twin = client.get("/api/events", params={"place": "Idleb"}).json()
        assert {e["id"] for e in twin["events"]} == _ids(db, place="Idlib")
        twin = client.get("/api/events", params={"actor": "erdogan"}).json()
        assert {e["id"] for e in twin["events"]} == expected
