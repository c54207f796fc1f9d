"""Publication stamps: a full date beside a clock time at the head of a line dates the text."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time.published import infer_published
from storyline.time.stamps import publication_stamp


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
