"""Timelines from a small fixture of articles about three dated events (a dam failure on Monday
4 March, an emergency declared on 5 March, an engineers' report on Monday 11 March)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from storyline.model import Article, TimelineEntry
from storyline.timeline import build_timeline, parse_tilse, to_markdown, to_tilse
from storyline.timeline.select_sentences import TfidfSpace, article_sentences, split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "timeline_articles.json"
EVENT_DATES = {"2024-03-04", "2024-03-05", "2024-03-11"}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [Article(id=r["id"], source=r["id"], outlet=r["outlet"], title=None,
                    published=r["published"], published_basis="metadata", language="en",
                    text=r["text"]) for r in records]


def _sentences_of(article: Article) -> set[str]:
    return {article.text[s:e] for s, e in split_sentences(article.text)}


def test_timeline_has_the_three_event_dates_resolved_from_weekday_and_month_day(articles):
    entries = build_timeline(articles, dates=3, sentences=2)
    assert {e.date for e in entries} == EVENT_DATES


def test_every_summary_sentence_is_a_real_sentence_of_the_cited_article(articles):
    by_id = {a.id: a for a in articles}
    entries = build_timeline(articles, dates=4, sentences=2, storyline_id="sl-1")
    assert entries
    for entry in entries:
        assert entry.storyline_id == "sl-1"
        assert len(entry.summary) == len(entry.citations)
        for sentence, cite in zip(entry.summary, entry.citations, strict=True):
            assert cite["sentence"] == sentence
            assert sentence in _sentences_of(by_id[cite["article_id"]])


def test_no_near_duplicate_sentences_within_one_date(articles):
    for entry in build_timeline(articles, dates=4, sentences=3):
        space = TfidfSpace(entry.summary)
        similarity = (space.matrix @ space.matrix.T).toarray()
        off_diagonal = similarity[~np.eye(len(entry.summary), dtype=bool)]
        assert (off_diagonal <= 0.5 + 1e-9).all()


def test_same_input_in_any_order_gives_the_same_timeline(articles):
    first = build_timeline(articles, sentences=2)
    second = build_timeline(list(reversed(articles)), sentences=2)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]


def test_default_date_count_is_chosen_from_the_data(articles):
    entries = build_timeline(articles)
    assert 3 <= len(entries) <= 40
    assert EVENT_DATES <= {e.date for e in entries}


def test_dates_come_out_in_chronological_order(articles):
    dates = [e.date for e in build_timeline(articles, dates=4)]
    assert dates == sorted(dates)


def test_duplicate_articles_are_not_cited(articles):
    copy = Article(**{**articles[0].__dict__, "id": "velmora-copy", "duplicate_of": "velmora-1"})
    entries = build_timeline([*articles, copy], dates=4, sentences=3)
    assert all(c["article_id"] != "velmora-copy" for e in entries for c in e.citations)


def test_coded_event_sentence_is_preferred_for_its_date(articles):
    report = next(a for a in articles if a.id == "velmora-5")
    target = "The inspectors presented the findings to parliament on Monday"
    start = report.text.index(target)
    events = [{"article_id": "velmora-5", "date": "2024-03-11", "char_start": start,
               "char_end": start + len(target), "sentence": target, "type": "CONSULT"}]
    plain = build_timeline(articles, dates=3, sentences=1)
    boosted = build_timeline(articles, dates=3, sentences=1, events=events)
    day = {e.date: e.summary[0] for e in boosted}["2024-03-11"]
    assert day.startswith(target)
    assert {e.date: e.summary[0] for e in plain}["2024-03-11"] != day


def test_empty_input_gives_an_empty_timeline():
    assert build_timeline([]) == []


def test_tilse_format_round_trips(articles):
    entries = build_timeline(articles, dates=3, sentences=2)
    text = to_tilse(entries)
    lines = text.splitlines()
    assert lines[0] in EVENT_DATES and lines[-1] == "-" * 32
    assert parse_tilse(text) == {e.date: e.summary for e in entries}


def test_tilse_parser_reads_gold_style_blocks():
    gold = "2011-03-16\n- Protesters gather .\nThirty arrested .\n" + "-" * 32 + "\n"
    assert parse_tilse(gold) == {"2011-03-16": ["- Protesters gather .", "Thirty arrested ."]}


def test_markdown_cites_each_sentence():
    entry = TimelineEntry(None, "2024-03-04", ["The dam burst."],
                          [{"article_id": "a1", "sentence": "The dam burst."}])
    assert to_markdown([entry]) == "## 2024-03-04\n\n- The dam burst. *(a1)*\n"


def test_since_and_until_keep_days_and_articles_inside_the_span(articles):
    entries = build_timeline(articles, dates=5, sentences=2,
                             since=date(2024, 3, 5), until=date(2024, 3, 10))
    assert entries
    assert all("2024-03-05" <= e.date <= "2024-03-10" for e in entries)
    cited = {c["article_id"] for e in entries for c in e.citations}
    assert cited <= {"velmora-1", "velmora-2", "velmora-3", "velmora-4"}


def test_asked_days_are_the_only_days_told(articles):
    entries = build_timeline(articles, sentences=1, days=[date(2024, 3, 11), date(2024, 3, 4)])
    assert [e.date for e in entries] == ["2024-03-04", "2024-03-11"]


def test_hard_wrapped_paragraph_is_one_sentence_and_cited_on_one_line():
    text = ("Flood warning for the valley\n"
            "Engineers said on Monday that the old dam above the town could give way\n"
            "within days, and that the\n"
            "Velmora river was already above its banks. Residents began to leave.\n"
            "One sentence per line stays as it is .\n"
            "Another line stays too .")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[0] == "Flood warning for the valley"
    assert spans[1].startswith("Engineers said") and spans[1].endswith("above its banks.")
    assert spans[2:] == ["Residents began to leave.", "One sentence per line stays as it is .",
                         "Another line stays too ."]
    article = Article(id="w", source="w", outlet="o", title=None, published="2024-03-05",
                      published_basis="metadata", language="en", text=text)
    entries = build_timeline([article], dates=1, sentences=1)
    assert entries and "\n" not in entries[0].summary[0]
    assert entries[0].citations[0]["sentence"] == entries[0].summary[0]


def test_dateline_is_not_part_of_the_cited_sentence_nor_a_mention():
    text = ("VELMORA, March 5 (Valley Wire) – Engineers said the old dam above Velmora burst on "
            "Monday after a week of heavy rain.\nResidents were moved to schools on higher ground.")
    article = Article(id="d", source="d", outlet="o", title=None, published="2024-03-05",
                      published_basis="metadata", language="en", text=text)
    first = article_sentences(article)[0]
    assert first.text.startswith("Engineers said")
    assert text[first.start:first.end] == first.text
    assert first.mentions == (date(2024, 3, 4),)


def test_each_cited_line_says_which_time_expression_puts_it_on_its_day(articles):
    """A line dated by its own words carries their TimeML value and type; a lead sentence with no
    expression of its own is placed by its publication and says so."""
    by_id = {a.id: a for a in articles}
    entries = build_timeline(articles, dates=4, sentences=3)
    seen = set()
    for entry in entries:
        for cite in entry.citations:
            seen.add(cite["date_basis"])
            if cite["date_basis"] == "published":
                assert cite["date_text"] is None and cite["date_value"] is None
                continue
            assert cite["date_basis"] in ("absolute", "relative")
            assert cite["date_text"] in cite["sentence"]
            assert cite["date_type"] in ("DATE", "TIME")
            assert cite["date_value"][:10] == entry.date
            assert cite["date_text"] in by_id[cite["article_id"]].text
    assert {"absolute", "relative"} & seen


def test_a_weekday_line_carries_the_resolved_day_as_its_value():
    article = Article(id="a", source="a", outlet="Velmora Daily", title=None,
                      published="2024-03-07", published_basis="metadata", language="en",
                      text="Engineers inspected the cracked spillway of the dam on Monday, "
                           "officials of the river authority said.\n"
                           "The authority will publish a full report on the spillway later.")
    entries = build_timeline([article], dates=1, sentences=1)
    assert entries[0].date == "2024-03-04"
    cite = entries[0].citations[0]
    assert (cite["date_text"], cite["date_value"], cite["date_type"], cite["date_basis"]) == (
        "Monday", "2024-03-04", "DATE", "relative")
