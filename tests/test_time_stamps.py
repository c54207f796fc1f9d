"""Publication stamps: a full date beside a clock time at the head of a line dates the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.clean import clean_document
from storyline.model import Article, Document
from storyline.time.published import infer_published
from storyline.time.stamps import head_stamp, line_stamp, publication_stamp


@pytest.mark.parametrize(("text", "day"), [
    ("OSLO | Thu Mar 14, 2019 4:05 pm CET OSLO - Norway's fishermen voted on Thursday to end "
     "their strike.", date(2019, 3, 14)),
    ("Harbour talks collapse QUITO , Ecuador | Mon Sep 9 , 2013 11:20 am EDT QUITO - Dock "
     "unions walked out.", date(2013, 9, 9)),
    ("Published: 08:15 GMT, 2 May 2021\nThe council closed the bridge to lorries.",
     date(2021, 5, 2)),
    ("July 30, 2017 at 6:40 p.m. EDT\nVolunteers reopened the shelter after the storm.",
     date(2017, 7, 30)),
    ("Friday, 4 October 2024 09:30\nThe mayor opened the new tram line.", date(2024, 10, 4)),
    ("Baltic Herald\n17.05.2022 07:45\nThe port of Klaipeda reopened after the storm.",
     date(2022, 5, 17)),
])
def test_stamp_at_the_head_of_a_line_dates_the_text(text: str, day: date) -> None:
    stamp = publication_stamp(text)
    assert stamp is not None and stamp.day == day and not stamp.updated


def test_last_updated_stamp_allows_the_day_before() -> None:
    stamp = publication_stamp("12 November 2015 Last updated at 21:40 GMT The ferry sank.")
    assert stamp is not None and stamp.updated
    assert stamp.earliest == date(2015, 11, 11)


@pytest.mark.parametrize("text", [
    "The ferry sank on 3 March 2019 at 10:00 GMT, the coastguard said.",
    "On March 3, 2019 at 10 am, the ferry left port.",
    "Witnesses said | Fri Oct 7, 2011 12:57 pm EDT was when the shelling began.",
])
def test_a_date_and_time_inside_a_sentence_is_no_stamp(text: str) -> None:
    assert publication_stamp(text) is None


def test_stamp_whose_weekday_disagrees_with_its_date_is_no_stamp() -> None:
    # 14 March 2019 was a Thursday
    assert publication_stamp("OSLO | Sat Mar 14, 2019 4:05 pm CET OSLO - Talks ended.") is None


def test_stamp_pins_the_publication_day_over_the_latest_stated_date() -> None:
    text = ("BEIRUT | Wed Nov 16 , 2011 5:51 pm EST BEIRUT - Ministers met on Wednesday, a "
            "week after the vote of 9 November 2011.")
    result = infer_published(text)
    assert result.value == "2011-11-16"
    assert result.earliest == result.latest == "2011-11-16"
    assert result.confidence >= 0.5
    assert any("stamp" in note for note in result.evidence)


def test_stamp_outside_the_story_dates_is_not_trusted() -> None:
    text = "Sun Jun 2 , 2013 9:00 am EDT - Rescuers searched the river."
    result = infer_published(text, story_dates=["2014-06-01"])
    assert result.value is None
    assert result.confidence < 0.5


# --- stamps the cleaner removed: only the page head's own counts -----------------------------

@pytest.mark.parametrize(("line", "day"), [
    ("19.03.2021 17:40", date(2021, 3, 19)),
    ("Veröffentlicht am 19.03.2021 um 17:40 Uhr", date(2021, 3, 19)),
    ("Publié le 2 février 2022 à 07h05", date(2022, 2, 2)),
    ("Martes, 11 de mayo de 2021 - 12:03", date(2021, 5, 11)),
    ("Publicado em 30/06/2020 às 16:20", date(2020, 6, 30)),
    ("12 Nisan 2022 Salı 09:47", date(2022, 4, 12)),
    ("Fri 8 Jan 2021 06.55 GMT", date(2021, 1, 8)),
    ("DURBAN | Mon Aug 2, 2021 5:10 pm SAST", date(2021, 8, 2)),
    ("Published: 07:30 BST, 14 June 2022", date(2022, 6, 14)),
    ("2021-11-23 | 10:12", date(2021, 11, 23)),
    ("Posted on 4 May 2022", date(2022, 5, 4)),
])
def test_a_line_that_is_only_a_stamp_is_read_in_many_forms(line: str, day: date) -> None:
    stamp = line_stamp(line)
    assert stamp is not None and stamp.day == day and not stamp.updated


@pytest.mark.parametrize("line", [
    "Aktualisiert: 20.03.2021, 08:15 Uhr",
    "Mis à jour le 3 février 2022 à 10h00",
    "Updated: 2021-11-24 09:00",
])
def test_a_stamp_line_labelled_as_an_update_dates_an_update(line: str) -> None:
    stamp = line_stamp(line)
    assert stamp is not None and stamp.updated


@pytest.mark.parametrize("line", [
    "Ferry operators warn of strike over pension cuts 19.03.2021 17:40",
    "Le tramway de Rouen rouvre sa ligne nord - 02/02/2022 07:05",
    "Stadtrat beschließt neuen Radweg am Fluss19.03.2021 12:10",
    "Martes, 12 de mayo de 2021 - 12:03",  # 12 May 2021 was a Wednesday
    "The council met on 19.03.2021 at 17:40 to vote on the budget.",
])
def test_a_headline_a_sentence_or_a_wrong_weekday_is_no_stamp_line(line: str) -> None:
    assert line_stamp(line) is None


def test_the_page_heads_stamp_line_is_its_stamp() -> None:
    head = ["HARBOUR TIMES", "Home | Politics | Business", "Dock strike ends after nine days",
            "19.03.2021 17:40", "By Ana Ruiz"]
    stamp = head_stamp(head)
    assert stamp is not None and stamp.day == date(2021, 3, 19)


def test_a_published_and_an_updated_line_together_are_one_stamp() -> None:
    head = ["Dock strike ends", "Publié le 2 février 2022 à 07h05", "Par Léa Martin",
            "Mis à jour le 3 février 2022 à 10h00"]
    stamp = head_stamp(head)
    assert stamp is not None and stamp.day == date(2022, 2, 2) and not stamp.updated


def test_stamp_lines_that_recur_between_headlines_are_a_list_not_a_stamp() -> None:
    head = ["Latest", "Ferry operators warn of strike", "19.03.2021 17:40",
            "Tram line reopens after repairs", "19.03.2021 15:02",
            "Council approves budget", "18.03.2021 21:30"]
    assert head_stamp(head) is None


def test_headlines_with_stamps_glued_on_do_not_date_the_page() -> None:
    head = ["Most read", "Ferry operators warn of strike19.03.2021 17:40",
            "Tram line reopens after repairs19.03.2021 15:02"]
    assert head_stamp(head) is None


LEAD = ("The dock workers' union ended its strike on Friday after the port authority agreed "
        "to restore the night shift bonus, the union said.")


def test_a_removed_stamp_counts_only_when_the_page_showed_it_before_the_text() -> None:
    removed = ["Dock strike ends after nine days", "Martes, 11 de mayo de 2021 - 12:03",
               "Otras noticias", "Ferry operators warn of strike - 09/06/2021 10:00"]
    found = infer_published(LEAD, removed, removed_head=2)
    assert found.value == "2021-05-11" and found.confidence >= 0.5
    assert infer_published(LEAD, removed).value is None  # position unknown: not counted
    tail_only = ["Otras noticias", "Martes, 11 de mayo de 2021 - 12:03"]
    assert infer_published(LEAD, tail_only, removed_head=0).value is None


SCRAPED = Path(__file__).parent / "fixtures" / "scraped"


@pytest.mark.parametrize("name", sorted(p.name for p in SCRAPED.glob("*.txt")))
def test_scraped_pages_keep_their_head_stamp_as_evidence(name: str) -> None:
    text = (SCRAPED / name).read_text(encoding="utf-8")
    article = clean_document(Document(id=name, source=name, format="text", text=text))
    assert isinstance(article, Article)
    found = infer_published(article.text, article.removed_lines,
                            removed_head=article.removed_head)
    assert found.value is not None and found.confidence >= 0.5
    # the date line the cleaner read off the page, where its rules named one
    assert article.published in (None, found.value)
