"""Plain-text pages of outlets never seen before: blocks, the body classifier and the body
bounds, on pages written for these tests and on our scraped fixtures (tests/fixtures/scraped)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from storyline.clean import clean_plain, clean_text
from storyline.clean.blocks import FEATURE_NAMES, block_features, split_blocks, wrap_width
from storyline.clean.body import shipped_model

SCRAPED = Path(__file__).parent / "fixtures" / "scraped"

ITALIAN_PAGE = (Path(__file__).parent / "fixtures" / "clean" / "italian_page.txt").read_text(
    encoding="utf-8")

BODY_LINES = (
    "Il vecchio battello a vapore ha ripreso servizio",
    "Alla partenza dal molo erano presenti il sindaco",
    "Un cantiere lungo tre anni",
    "Il restauro è costato quasi due milioni di euro",
    "partenza da Como alle 9",
    "ultima corsa alle 18",
    "Le corse riprenderanno domenica.",
)
CHROME_LINES = (
    "Cronaca | Politica", "Accedi", "Cerca nel sito", "Tag: lago", "Condividi su Facebook",
    "I più letti", "Nuova pista ciclabile", "Chiusa per lavori", "non riflettono",
    "Utilizziamo i cookie", "Tutti i diritti riservati",
)


def test_a_page_in_a_language_no_rule_names_keeps_its_body_and_loses_its_chrome() -> None:
    result = clean_plain(ITALIAN_PAGE)
    for line in BODY_LINES:
        assert line in result.text, line
    for line in CHROME_LINES:
        assert line not in result.text, line
    assert result.title == ("Il traghetto storico torna a navigare sul lago dopo tre anni di "
                            "restauro")


def test_the_headline_is_the_one_above_the_body_not_the_masthead() -> None:
    assert clean_plain(ITALIAN_PAGE).title != "GAZZETTA DEL LAGO"


def test_a_clean_article_is_returned_whole() -> None:
    article = (
        "The council approved the new harbour budget on Tuesday after a long debate.\n\n"
        "Members voted 21 to 9 in favour of the plan, which doubles spending on repairs.\n\n"
        "He will be pleased.\n\n"
        "The work starts in June and should end before the winter storms arrive."
    )
    text, removed = clean_text(article)
    assert removed == []
    assert text == article


WRAPPED = """\
HARBOUR GAZETTE
News | Sport | Business
Ferry workers end strike after pay offer from the port authority
04.03.2021 11:20
Ferry workers at the northern port voted on Wednesday to accept a new pay
offer and end a strike that had stopped crossings to the islands for nine
days, their union said in a statement after the ballot closed.
The port authority said the first ferry would sail on Thursday morning and
that the timetable would be back to normal by the weekend, once the crews
had checked every vessel.
Islanders had queued for hours at the quay for the few emergency crossings
run by the coast guard during the strike.
"""


def test_hard_wrapped_paragraphs_are_one_block_and_a_date_line_stays_apart() -> None:
    lines = WRAPPED.splitlines()
    assert wrap_width(lines) is not None
    blocks = split_blocks(lines).texts
    assert "04.03.2021 11:20" in blocks
    assert any(b.startswith("Ferry workers at the northern port") and b.endswith("closed.")
               for b in blocks)
    result = clean_plain(WRAPPED)
    assert "offer and end a strike that had stopped crossings" in result.text
    assert "run by the coast guard during the strike." in result.text
    assert result.title == "Ferry workers end strike after pay offer from the port authority"
    assert result.published == "2021-03-04"


def test_scraped_one_block_per_line_text_is_not_taken_for_wrapped() -> None:
    assert wrap_width(ITALIAN_PAGE.splitlines()) is None


def test_off_topic_prose_after_the_body_is_page_chrome() -> None:
    page = ITALIAN_PAGE.replace(
        "Le corse riprenderanno domenica.\n",
        "Le corse riprenderanno domenica.\n"
        "Una nuova app permette ai clienti delle farmacie di prenotare i vaccini "
        "antinfluenzali da casa.\n",
    )
    result = clean_plain(page)
    assert "vaccini" not in result.text
    assert any("vaccini" in line for line in result.removed)


def test_block_features_have_one_row_per_block_and_the_shipped_model_reads_them() -> None:
    blocks = split_blocks(ITALIAN_PAGE.splitlines()).texts
    features = block_features(blocks, [None] * len(blocks))
    assert features.shape == (len(blocks), len(FEATURE_NAMES))
    probability = shipped_model().probability(features)
    assert probability.shape == (len(blocks),)
    assert np.all((probability >= 0) & (probability <= 1))


def test_cleaning_gives_the_same_result_twice() -> None:
    assert clean_plain(ITALIAN_PAGE) == clean_plain(ITALIAN_PAGE)


def _scraped() -> list[dict]:
    return [json.loads(line) for line in (SCRAPED / "gold.jsonl").open(encoding="utf-8")]


def test_scraped_fixture_pages_keep_their_story_and_lose_every_class_of_chrome() -> None:
    kept = total = 0
    removed: Counter[int] = Counter()
    per_class: Counter[int] = Counter()
    for record in _scraped():
        text = " ".join(clean_text((SCRAPED / record["file"]).read_text(encoding="utf-8"))[0]
                        .split())
        for snippet in record["with"]:
            total += 1
            kept += " ".join(snippet.split()) in text
        for snippet in record["without"]:
            kind = int(record["classes"][snippet])
            per_class[kind] += 1
            removed[kind] += " ".join(snippet.split()) not in text
    assert kept / total >= 0.95
    assert sum(removed.values()) / sum(per_class.values()) >= 0.95
    for kind in per_class:
        assert removed[kind] / per_class[kind] >= 0.85, kind


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "tr"])
def test_scraped_pages_of_each_language_are_cleaned(language: str) -> None:
    records = [r for r in _scraped() if r["language"] == language]
    assert records
    for record in records:
        text = clean_text((SCRAPED / record["file"]).read_text(encoding="utf-8"))[0]
        flat = " ".join(text.split())
        lost = [s for s in record["with"] if " ".join(s.split()) not in flat]
        leaked = [s for s in record["without"] if " ".join(s.split()) in flat]
        assert len(lost) <= 1, (record["file"], lost)
        assert len(leaked) <= 2, (record["file"], leaked)
