from __future__ import annotations

import json
from pathlib import Path

import storyline
from storyline.options import Options
from storyline.pipeline import analyze

REQUIRED_ARTICLE_FIELDS = {
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
}
QUIET = Options(quiet=True)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_every_contract_file_with_required_fields(mixed_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = analyze([str(mixed_corpus)], out=out, options=QUIET)
    for name in [
        "manifest.json",
        "articles.jsonl",
        "rejected.jsonl",
        "stories.jsonl",
        "storylines.jsonl",
        "events.jsonl",
        "timeline.jsonl",
        "framing.jsonl",
        "report.html",
        "report.md",
    ]:
        assert (out / name).exists(), name
    articles = read_jsonl(out / "articles.jsonl")
    assert {a["id"] for a in articles} == {
        "courier-0",
        "courier-1",
        "courier-2",
        "page",
        "wire-1",
        "wire-2",
    }
    for article in articles:
        assert REQUIRED_ARTICLE_FIELDS <= article.keys()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["contract"] == 1
    assert manifest["counts"]["articles"] == len(articles) == len(result.articles)
    assert {
        "documents",
        "articles",
        "duplicates",
        "stories",
        "storylines",
        "events",
        "rejected",
    } <= manifest["counts"].keys()


def test_bad_inputs_are_rejected_with_codes_and_the_run_goes_on(mixed_corpus: Path, tmp_path: Path):
    result = analyze([str(mixed_corpus)], out=tmp_path / "out", options=QUIET)
    reasons = sorted(r["reason"] for r in read_jsonl(tmp_path / "out" / "rejected.jsonl"))
    assert reasons == ["E101", "E102", "E105", "E106"]
    assert result.exit_code == 0
    malformed = next(r for r in result.rejections if r.reason == "E105")
    assert "2" in malformed.detail  # the line number of the broken record


def test_outlet_boilerplate_is_removed_and_story_kept(mixed_corpus: Path, tmp_path: Path):
    result = analyze([str(mixed_corpus)], out=tmp_path / "out", options=QUIET)
    courier = next(a for a in result.articles if a.id == "courier-1")
    assert courier.outlet == "Sample Courier"
    assert "Odesa on Monday morning" in courier.text
    assert "Search for:" not in courier.text
    assert "All rights reserved" not in courier.text
    assert any("All rights reserved" in line for line in courier.removed_lines)


def test_wire_copy_points_to_the_earliest_published_original(mixed_corpus: Path, tmp_path: Path):
    result = analyze([str(mixed_corpus)], out=tmp_path / "out", options=QUIET)
    by_id = {a.id: a for a in result.articles}
    assert by_id["wire-1"].duplicate_of is None
    assert by_id["courier-0"].duplicate_of == "wire-1"
    assert by_id["courier-2"].duplicate_of == "wire-1"


def test_same_input_gives_byte_identical_articles(mixed_corpus: Path, tmp_path: Path):
    analyze([str(mixed_corpus)], out=tmp_path / "a", options=QUIET)
    analyze([str(mixed_corpus)], out=tmp_path / "b", options=QUIET)
    for name in ["articles.jsonl", "rejected.jsonl", "report.html", "report.md"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_rerun_on_the_same_store_cleans_nothing_and_changes_nothing(
    mixed_corpus: Path, tmp_path: Path
):
    db = tmp_path / "store.db"
    first = analyze([str(mixed_corpus)], db=db, options=QUIET)
    second = analyze([str(mixed_corpus)], db=db, options=QUIET)
    assert first.stats["inserted"] == len(first.articles)
    assert second.stats["reused"] == len(second.articles)
    assert second.stats["unchanged"] == len(second.articles)
    assert second.stats["inserted"] == second.stats["updated"] == 0


def test_changed_input_is_cleaned_again_and_stored_articles_survive_bad_input(
    mixed_corpus: Path, tmp_path: Path
):
    db = tmp_path / "store.db"
    analyze([str(mixed_corpus)], db=db, options=QUIET)
    (mixed_corpus / "page.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = analyze([str(mixed_corpus)], db=db, options=QUIET)
    assert any(r.reason == "E201" and "page" in r.source for r in result.rejections)
    with storyline.open_store(db) as store:
        assert store.get_article("page") is not None  # what was stored is not lost
        assert store.count_articles() == 6


def test_same_id_twice_keeps_the_first_and_rejects_a_different_second(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    text = "The talks in Moscow ended late on Thursday with a ceasefire agreement for Idlib."
    (tmp_path / "a" / "story.txt").write_text(text)
    (tmp_path / "b" / "story.txt").write_text(text + " Patrols begin next week.")
    result = analyze([str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "a")], options=QUIET)
    assert [a.id for a in result.articles] == ["story"]
    assert "Patrols" not in result.articles[0].text
    assert [r.reason for r in result.rejections] == ["E107"]
    assert result.stats["repeated_inputs"] == 1


def test_nothing_usable_gives_exit_code_3(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = analyze([str(tmp_path)], options=QUIET)
    assert result.exit_code == 3


def test_parallel_cleaning_gives_the_same_articles_as_serial(mixed_corpus: Path, tmp_path: Path):
    serial = analyze([str(mixed_corpus)], out=tmp_path / "s", options=QUIET.with_(workers=1))
    parallel = analyze([str(mixed_corpus)], out=tmp_path / "p", options=QUIET.with_(workers=2))
    assert [a.to_dict() for a in serial.articles] == [a.to_dict() for a in parallel.articles]
