"""Articles without outlet or date: the run summary, the report and the web overview say how many
and how to give them (front matter, one folder per outlet, JSON Lines fields), and say nothing
when every article has both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.metadata import missing_metadata
from storyline.model import Article

from .conftest import OTHER_STORY, STORY

runner = CliRunner()
HINT_WORDS = ("front matter", "`outlet:`", "`date:`", "corpus/<outlet-name>/file.txt",
              "JSON Lines", "`published`")


@pytest.fixture(scope="module")
def plain_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Two bare text files and one with front matter in an outlet's folder."""
    root = tmp_path_factory.mktemp("plain")
    folder = root / "in"
    (folder / "harbour-post").mkdir(parents=True)
    (folder / "talks.txt").write_text(f"Talks end\n\n{STORY}\n", encoding="utf-8")
    (folder / "grain.txt").write_text(f"Grain ship leaves\n\n{OTHER_STORY}\n", encoding="utf-8")
    (folder / "harbour-post" / "ceasefire.txt").write_text(
        f"---\ntitle: Ceasefire\ndate: 2020-03-05\n---\n{STORY} The talks lasted six hours.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--out", str(root / "out")])
    assert result.exit_code == 0, result.output
    return root / "out", result.output


@pytest.fixture(scope="module")
def complete_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """JSON Lines records that give outlet and date."""
    root = tmp_path_factory.mktemp("complete")
    records = [
        {"id": "w1", "outlet": "Wire", "published": "2020-03-05", "title": "Ceasefire",
         "text": STORY},
        {"id": "w2", "outlet": "Ledger", "published": "2022-08-01", "title": "Grain",
         "text": OTHER_STORY},
    ]
    (root / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records),
                                     encoding="utf-8")
    result = runner.invoke(app, ["run", str(root / "wire.jsonl"), "--out", str(root / "out")])
    assert result.exit_code == 0, result.output
    return root / "out", result.output


def test_run_summary_counts_missing_outlets_and_dates_and_says_how_to_give_them(
    plain_run: tuple[Path, str],
) -> None:
    _, output = plain_run
    assert "Missing metadata: Of 3 articles, 2 have no outlet and 2 have no publication date." \
        in output
    for words in HINT_WORDS:
        assert words in output, words
    assert output.index("Missing metadata") < output.index("Report:")


def test_manifest_stats_count_articles_without_outlet_or_date(
    plain_run: tuple[Path, str],
) -> None:
    out, _ = plain_run
    stats = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["stats"]
    assert stats["articles_without_outlet"] == 2
    assert stats["articles_without_date"] == 2
    assert stats["articles_with_inferred_date"] == 0


def test_report_shows_the_missing_metadata_notice_with_its_hints(
    plain_run: tuple[Path, str],
) -> None:
    out, _ = plain_run
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<h2>Missing metadata</h2>" in html
    assert "2 have no outlet and 2 have no publication date" in html
    assert "<code>corpus/&lt;outlet-name&gt;/file.txt</code>" in html
    assert "<code>outlet:</code>" in html and "<code>published</code>" in html
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "## Missing metadata" in markdown and "`corpus/<outlet-name>/file.txt`" in markdown


def test_web_overview_shows_the_notice_in_html_and_json(plain_run: tuple[Path, str]) -> None:
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    out, _ = plain_run
    with TestClient(create_app(out / "storyline.db")) as client:
        page = client.get("/").text
        data = client.get("/api/").json()["missing_metadata"]
    assert "Missing metadata" in page and "2 have no outlet" in page
    assert "<code>corpus/&lt;outlet-name&gt;/file.txt</code>" in page
    assert {k: data[k] for k in ("articles", "no_outlet", "no_date", "inferred_date")} == {
        "articles": 3, "no_outlet": 2, "no_date": 2, "inferred_date": 0}
    assert [hint["input"] for hint in data["hints"]] == ["text files", "folders", "JSON Lines"]
    assert data["summary"] in page


def test_nothing_is_said_when_every_article_has_outlet_and_date(
    complete_run: tuple[Path, str],
) -> None:
    out, output = complete_run
    assert "Missing metadata" not in output
    assert "Missing metadata" not in (out / "report.html").read_text(encoding="utf-8")
    assert "Missing metadata" not in (out / "report.md").read_text(encoding="utf-8")
    stats = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["stats"]
    assert stats["articles_without_outlet"] == stats["articles_without_date"] == 0
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    with TestClient(create_app(out / "storyline.db")) as client:
        assert "Missing metadata" not in client.get("/").text
        assert client.get("/api/").json()["missing_metadata"] is None


def _article(article_id: str, outlet: str | None, published: str | None,
             basis: str | None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", outlet=outlet, title=None,
                   published=published, published_basis=basis, language="en", text=STORY)


def test_dates_inferred_from_the_text_are_counted_apart_from_stated_ones() -> None:
    missing = missing_metadata([
        _article("stated", "Wire", "2020-03-05", "metadata"),
        _article("guessed", "Wire", "2020-03-06", "inferred"),
        _article("bare", None, None, None),
    ])
    assert (missing.articles, missing.no_outlet, missing.no_date, missing.inferred_date) == (
        3, 1, 1, 1)
    assert missing.summary() == (
        "Of 3 articles, 1 has no outlet and 1 has no publication date; 1 has a date only "
        "inferred from the text, with lower confidence than a stated one.")
    only_guessed = missing_metadata([_article("guessed", "Wire", "2020-03-06", "inferred")])
    assert only_guessed.anything
    assert only_guessed.summary().startswith("Of 1 article, 1 has a date only inferred")
    assert not missing_metadata([_article("stated", "Wire", "2020-03-05", "metadata")]).anything
