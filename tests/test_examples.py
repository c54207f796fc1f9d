"""The demo corpus agrees with its gold, and the foundation steps meet the gold on it.

`examples/gold.json` is hand-made; later steps (events, stories, timelines, framing) are scored
against it too. The first tests stop a corpus edit from silently invalidating the gold; the
rest run the whole analysis on `examples/corpus` and compare.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import feedparser
import lxml.html
import pytest

from storyline.options import Options
from storyline.pipeline import RunResult, analyze

from .conftest import EXAMPLES

CORPUS = EXAMPLES / "corpus"
GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "a", "button", "time", "div", "span", "td"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _raw_lines() -> dict[str, str]:
    """Article id -> its raw text, read independently of our readers (lxml, feedparser)."""
    docs: dict[str, str] = {}
    for path in sorted((CORPUS / "jsonl").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            docs[record["id"]] = record["text"]
    for path in sorted((CORPUS / "feeds").glob("*.xml")):
        for entry in feedparser.parse(str(path)).entries:
            html = entry.content[0].value if "content" in entry else entry.summary
            slug = [p for p in entry.link.split("/") if p][-1]
            docs[slug] = lxml.html.fromstring(html).text_content()
    for meta_id, meta in GOLD["articles"].items():
        path = EXAMPLES.parent / meta["file"]
        if path.suffix == ".html" or path.suffix == ".gz":
            if path.suffix == ".html":
                body = lxml.html.fromstring(path.read_bytes()).body
                docs[meta_id] = "\n".join(
                    _norm(el.text_content()) for el in body.iter() if el.tag in BLOCK_TAGS
                )
        elif path.suffix == ".txt":
            from storyline.read.decode import decode_bytes

            docs[meta_id] = decode_bytes(path.read_bytes())
    return docs


RAW = _raw_lines()


@pytest.fixture(scope="module")
def run(examples_run: RunResult) -> RunResult:
    return examples_run


def test_corpus_has_the_promised_shape() -> None:
    articles = GOLD["articles"]
    assert len(articles) >= 40
    assert len({a["outlet"] for a in articles.values()}) >= 6
    assert len(GOLD["storylines"]) >= 3
    dates = sorted(a["true_date"] for a in articles.values())
    assert (date.fromisoformat(dates[-1]) - date.fromisoformat(dates[0])).days >= 365
    for storyline in GOLD["storylines"].values():
        assert len(storyline["stories"]) >= 3
    formats = Counter(Path(a["file"]).parts[2] for a in articles.values())
    assert set(formats) == {"text", "html", "jsonl", "feeds", "warc"}
    assert sum(1 for a in articles.values() if a["published"] is None) >= 4
    assert len(GOLD["duplicates"]) >= 6


def test_gold_stories_and_articles_point_at_each_other() -> None:
    for key, story in GOLD["stories"].items():
        assert story["storyline"] in GOLD["storylines"]
        assert key in GOLD["storylines"][story["storyline"]]["stories"]
        for article_id in story["articles"]:
            assert GOLD["articles"][article_id]["story"] == key


def test_gold_lines_occur_in_their_raw_articles() -> None:
    for article_id, lines in GOLD["boilerplate"].items():
        if article_id in RAW:
            raw = _norm(RAW[article_id])
            assert [line for line in lines if _norm(line) not in raw] == [], article_id
    for article_id, lines in GOLD["must_keep"].items():
        if article_id in RAW:
            raw = _norm(RAW[article_id])
            assert [line for line in lines if _norm(line) not in raw] == [], article_id
    for event in GOLD["key_events"]:
        if event["article_id"] in RAW:
            assert _norm(event["text"]) in _norm(RAW[event["article_id"]]), event


def test_every_gold_article_is_read_with_its_id_and_nothing_else(run: RunResult) -> None:
    assert {a.id for a in run.articles} == set(GOLD["articles"])
    assert run.rejections == []


def test_every_gold_boilerplate_line_is_gone_and_every_must_keep_line_stays(
    run: RunResult,
) -> None:
    by_id = {a.id: a for a in run.articles}
    for article_id, lines in GOLD["boilerplate"].items():
        kept = {_norm(line) for line in by_id[article_id].text.splitlines()}
        assert [line for line in lines if _norm(line) in kept] == [], article_id
    for article_id, lines in GOLD["must_keep"].items():
        text = _norm(by_id[article_id].text)
        assert [line for line in lines if _norm(line) not in text] == [], article_id


def test_every_gold_duplicate_is_found_with_its_root_and_no_other(run: RunResult) -> None:
    found = {a.id: a.duplicate_of for a in run.articles if a.duplicate_of}
    assert found == {d["id"]: d["original"] for d in GOLD["duplicates"]}


def test_outlets_titles_and_stated_dates_match_the_gold(run: RunResult) -> None:
    for article in run.articles:
        gold = GOLD["articles"][article.id]
        assert article.outlet == gold["outlet"], article.id
        assert article.title, article.id
        if gold["published"] is not None:
            assert article.published == gold["published"], article.id
        elif article.published is not None:  # an undated text may only get a confident inference
            assert article.published_basis == "inferred", article.id
            assert article.published == gold["true_date"], article.id


@pytest.fixture(scope="module")
def again(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """A second, independent run on the same input (its own output folder and store)."""
    out = tmp_path_factory.mktemp("again") / "out"
    return analyze([str(CORPUS)], out=out, options=Options(quiet=True))


def test_same_input_gives_byte_identical_output_files(run: RunResult, again: RunResult) -> None:
    assert run.out is not None and again.out is not None
    for name in ("articles.jsonl", "events.jsonl", "incidents.jsonl", "stories.jsonl",
                 "storylines.jsonl",
                 "timeline.jsonl", "rejected.jsonl", "framing.jsonl", "report.html", "report.md"):
        assert (run.out / name).read_bytes() == (again.out / name).read_bytes(), name


def _bcubed(found: dict[str, str], gold: dict[str, str]) -> float:
    """BCubed F1 of a clustering (item -> cluster) against gold (item -> class)."""
    items = sorted(gold)
    clusters: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for item in items:
        clusters.setdefault(found[item], set()).add(item)
        classes.setdefault(gold[item], set()).add(item)
    precision = sum(len(clusters[found[i]] & classes[gold[i]]) / len(clusters[found[i]])
                    for i in items) / len(items)
    recall = sum(len(clusters[found[i]] & classes[gold[i]]) / len(classes[gold[i]])
                 for i in items) / len(items)
    return 2 * precision * recall / (precision + recall)


def test_stories_and_storylines_match_the_gold(run: RunResult) -> None:
    stories = {a.id: a.story_id for a in run.articles}
    lines = {a.id: a.storyline_id for a in run.articles}
    gold_story = {i: a["story"] for i, a in GOLD["articles"].items()}
    gold_line = {i: GOLD["stories"][a["story"]]["storyline"] for i, a in GOLD["articles"].items()}
    assert _bcubed(stories, gold_story) >= 0.95
    assert _bcubed(lines, gold_line) >= 0.95


def test_every_storyline_has_a_timeline_citing_real_sentences(run: RunResult) -> None:
    texts = {a.id: " ".join(a.text.split()) for a in run.articles}
    with_timeline = {e.storyline_id for e in run.timeline}
    assert with_timeline == {s.id for s in run.storylines}
    for entry in run.timeline:
        assert len(entry.summary) == len(entry.citations) >= 1
        for sentence, citation in zip(entry.summary, entry.citations, strict=True):
            assert citation["sentence"] == sentence
            assert " ".join(sentence.split()) in texts[citation["article_id"]]


def test_every_story_of_a_storyline_is_on_its_timeline(run: RunResult) -> None:
    cited = {(e.storyline_id, c["article_id"]) for e in run.timeline for c in e.citations}
    for story in run.stories:
        if story.storyline_id:
            assert any((story.storyline_id, a) in cited for a in story.article_ids), story.title


def test_a_rerun_on_the_same_store_reuses_everything_and_keeps_the_ids(run: RunResult) -> None:
    assert run.out is not None
    rerun = analyze([str(CORPUS)], out=run.out, options=Options(quiet=True))
    assert rerun.stats["reused"] == len(rerun.articles)
    assert rerun.stats["understood"] == 0 and rerun.stats["unchanged"] == len(rerun.articles)
    assert [s.to_dict() for s in rerun.stories] == [s.to_dict() for s in run.stories]
    assert rerun.events == run.events
