"""Publication dates from datelines and inferred from undated text."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time.published import (
    PublishedDate,
    dateline_date,
    infer_published,
    mask_removed,
    parse_dateline,
)


def test_latest_stated_date_wins_over_older_dates() -> None:
    text = ("Parliament passed the water bill on 5 September 2019. An earlier draft had been "
            "rejected on 12 June 2018.")
    result = infer_published(text)
    assert result.value == "2019-09-05"
    assert result.basis == "inferred"
    assert result.earliest == "2019-09-05"
    assert 0 < result.confidence < 0.5


def test_future_date_is_an_upper_bound_not_the_latest_stated_date() -> None:
    text = ("The ministers signed the fisheries accord on 26 June 2018 and will meet again on "
            "15 October 2018 to review the quotas.")
    result = infer_published(text)
    assert result.value == "2018-06-26"
    assert result.latest == "2018-10-15"


def test_copyright_line_in_removed_lines_is_ignored() -> None:
    footer = "© 2024 Harbour Gazette. All rights reserved."
    result = infer_published(f"Dock workers went on strike over pay.\n{footer}", [footer])
    assert result.value is None
    assert result.earliest is None


def test_related_article_timestamp_in_removed_lines_is_ignored() -> None:
    related = "Related: Fuel prices hit a record high – 3 October 2022"
    text = f"Farmers blocked the ring road on Tuesday, 13 September 2022.\n{related}"
    result = infer_published(text, [related])
    assert result.value == "2022-09-13"
    assert all("3 October 2022" not in note for note in result.evidence)


def test_removed_lines_count_even_when_the_date_there_is_later() -> None:
    caption = "Photo: volunteers fill sandbags during the floods of 20 January 2021."
    text = f"The flood defences held on 15 February 2018, the agency said.\n{caption}"
    assert infer_published(text, [caption]).value == "2018-02-15"
    assert "20 January 2021" not in mask_removed(text, [caption])


def test_weekday_consistency_picks_the_year() -> None:
    text = ("The regional council, elected in 2016, met on Monday, 3 December, and approved the "
            "budget.")
    result = infer_published(text)
    assert result.value == "2018-12-03"  # 3 December was a Monday in 2018, not in 2016 or 2017
    assert any("fits only 2018-12-03" in note for note in result.evidence)


def test_weekday_fitting_several_years_leaves_the_year_open() -> None:
    result = infer_published("The old bridge reopened on Thursday, 4 July, to cheers.")
    assert result.value is None  # 4 July was a Thursday in 2013, 2019 and 2024


def test_dateline_with_hint_year() -> None:
    result = dateline_date("ANKARA, 28 Feb – Officials said the talks would go on.", 2020)
    assert result == PublishedDate("2020-02-28", "text", "2020-02-28", "2020-02-28", 0.9,
                                   result.evidence if result else [])


def test_dateline_without_year_or_hint_is_not_a_full_date() -> None:
    result = dateline_date("MOSCOW, March 5 (Levant Wire) – Russia said")
    assert result is not None and result.value is None


def test_credited_dateline_allows_a_later_copy() -> None:
    result = dateline_date("MOSCOW, March 5 (Levant Wire) – Russia said", hint_year=2020)
    assert result is not None
    assert (result.value, result.latest) == ("2020-03-05", "2020-03-07")
    assert result.confidence < 0.5


def test_dateline_place_only_and_plain_sentence_have_no_date() -> None:
    assert dateline_date("IDLIB, Syria — Shelling resumed overnight.", 2020) is None
    assert parse_dateline("The MOSCOW, March 5 meeting was cancelled.") is None
    line = parse_dateline("BAB AL-HAWA, Syria, Feb 9 (Levant Wire) – The convoy")
    assert line is not None and (line.place, line.month, line.day) == ("BAB AL-HAWA", 2, 9)


def test_dateline_year_comes_from_story_dates() -> None:
    text = "LISBON, May 12 – Dock workers ended their strike on Wednesday."
    result = infer_published(text, story_dates=["2021-05-12", "2021-05-13"])
    assert result.value == "2021-05-12"
    assert result.confidence >= 0.5


def test_story_dates_and_weekday_bound_the_publication() -> None:
    text = "Talks between the unions broke down on Thursday, a spokesman said."
    result = infer_published(text, story_dates=["2016-02-25", "2016-02-26"])
    assert result.value == "2016-02-25"
    assert result.earliest == "2016-02-25"
    assert result.latest is not None and result.latest <= "2016-03-02"
    assert result.confidence < 0.5


def test_day_word_beside_a_date_pins_the_day() -> None:
    result = infer_published("The port reopened yesterday, 24 November 2016, after the storms.")
    assert result.value == "2016-11-25"
    assert result.earliest == result.latest == "2016-11-25"


def test_later_event_without_date_gives_only_a_range() -> None:
    text = "The lockdown that began on 15 July 2020 was eased on Friday, the mayor said."
    result = infer_published(text)
    assert result.value is None
    assert result.earliest == "2020-07-15"


def test_no_evidence_gives_no_value() -> None:
    result = infer_published("Traffic was heavy today on the coastal road.")
    assert result == PublishedDate(None, None, None, None, 0.0, result.evidence)


def test_never_todays_date() -> None:
    today = date.today()
    texts = ["The museum opens today.",
             f"The museum opens today, {today.day} {today.strftime('%B')} {today.year}.",
             f"Officials met on {today.isoformat()}."]
    for text in texts:
        assert infer_published(text).value != today.isoformat()


def test_inference_is_deterministic() -> None:
    text = "SANTIAGO, Aug 19 (Meridian Press) – Miners walked out on Wednesday over bonuses."
    runs = {repr(infer_published(text, story_dates=["2015-08-19"])) for _ in range(3)}
    assert len(runs) == 1


# --- ranges with a confidence when no day is pinned ---------------------------------------------

@pytest.mark.parametrize("text", [
    "MOSCOW, 5 March 2020 - Putin and Erdogan agreed a ceasefire.",
    "MOSCOW, March 5, 2020 (Levant Wire) – Putin and Erdogan agreed a ceasefire.",
])
def test_full_dateline_gives_a_high_or_bounded_confidence_day(text: str) -> None:
    result = infer_published(text)
    assert result.value == "2020-03-05" and result.earliest == "2020-03-05"
    assert result.confidence >= 0.45


def test_yearless_dateline_takes_the_latest_year_mentioned_as_an_estimate() -> None:
    result = infer_published("ANKARA, Oct 22 – Erdogan said the 2019 operation would go on.")
    assert result.value is None
    assert (result.estimate, result.earliest) == ("2019-10-22", "2019-10-22")
    assert 0 < result.confidence < 0.5


def test_yearless_dateline_after_a_background_year_leaves_the_range_open() -> None:
    """The latest year an article mentions is often history ("since 1939"): the dateline's
    day in that year is a lower bound, not the publication's place."""
    result = infer_published("GAZIANTEP, Feb 6 – The quake was the region's worst since 1939, "
                             "rescuers said on Monday.")
    assert result.value is None
    assert result.earliest == "1939-02-06" and result.latest is None
    assert 0 < result.confidence <= 0.1


def test_a_later_month_written_after_the_latest_day_gives_no_inverted_range() -> None:
    result = infer_published("The accord signed on 25 June 2012 held on Monday, officials said; "
                             "the next round was held in August 2012.")
    assert result.earliest == "2012-08-01"
    assert result.latest is None or result.latest >= result.earliest
    assert result.value is None


@pytest.mark.parametrize("text", [
    "The leaders had met last September, when the September 2018 deal was signed.",
    "Unlike last September, the talks of September 2018 are not mentioned by either side.",
])
def test_last_month_with_that_month_written_bounds_the_range_to_a_year(text: str) -> None:
    result = infer_published(text)
    assert result.earliest == "2018-09-01"
    assert result.latest == "2019-09-30"
    assert 0 < result.confidence < 0.5


@pytest.mark.parametrize(("text", "expected"), [
    ("Clashes that began in 2019 went on; the leaders met on Thursday, 5 March, in Moscow.",
     "2020-03-05"),
    ("After the 2017 referendum the council met on Monday, 3 December, in the capital.",
     "2018-12-03"),
])
def test_weekday_and_date_pair_pins_the_year_after_the_latest_year_mentioned(
        text: str, expected: str) -> None:
    result = infer_published(text)
    assert (result.value or result.estimate) == expected
    assert result.earliest == expected
    assert result.confidence > 0


def test_weekday_and_date_pair_without_any_year_is_barely_trusted() -> None:
    result = infer_published("The old bridge reopened on Thursday, 4 July, to cheers.")
    assert result.value is None
    assert result.confidence <= 0.05


@pytest.mark.parametrize("text", [
    "The deal was signed on 17 September 2018. On Tuesday, the two met again in Sochi.",
    "On Tuesday the two met again in Sochi, a year after the deal of 17 September 2018.",
])
def test_latest_past_reference_starts_the_range_and_is_the_estimate(text: str) -> None:
    result = infer_published(text)
    assert result.earliest == "2018-09-17"
    assert (result.value or result.estimate) == "2018-09-17"
    assert 0 < result.confidence < 0.5


def test_relative_day_beside_the_latest_date_closes_the_range() -> None:
    result = infer_published("The ceasefire signed on Thursday, 5 March 2020, held, officials "
                             "said on Thursday.")
    assert result.earliest == "2020-03-05"
    assert result.latest is not None and result.latest <= "2020-03-11"


@pytest.mark.parametrize(("text", "earliest"), [
    ("Their last meeting was in 2019.", "2019-01-01"),
    ("Talks in March 2019 failed, the ministry said.", "2019-03-01"),
])
def test_only_a_year_or_month_gives_a_low_confidence_open_range(text: str, earliest: str) -> None:
    result = infer_published(text)
    assert result.value is None and result.latest is None
    assert result.earliest == earliest
    assert 0 < result.confidence <= 0.15


@pytest.mark.parametrize("text", ["Traffic was heavy on the coastal road.",
                                  "The minister said on Tuesday that talks would go on.",
                                  "MOSCOW, March 5 (Reuters) - Putin and Erdogan met."])
def test_nothing_dated_gives_confidence_zero_and_no_range(text: str) -> None:
    result = infer_published(text)
    assert (result.value, result.estimate, result.earliest, result.latest) == (None,) * 4
    assert result.confidence == 0.0


@pytest.mark.parametrize(("text", "place", "credit", "rest"), [
    ("KABUL (Pajhwok) : The council met.", "KABUL", "Pajhwok", "The council"),
    ("NAIROBI (Xinhua): Police said", "NAIROBI", "Xinhua", "Police said"),
    ("Tehran, March 15, IRNA - The minister", "Tehran", "IRNA", "The minister"),
    ("Davao City--Police have started", "Davao City", None, "Police have"),
    ('LIMA (AP) " President Castillo', "LIMA", "AP", "President"),
    ("NEW DELHI: The government said", "NEW DELHI", None, "The government"),
    ("Paris, June 2 – The strike", "Paris", None, "The strike"),
    ("İSTANBUL – Ferries stopped", "İSTANBUL", None, "Ferries"),
])
def test_dateline_variants_end_where_the_story_starts(text, place, credit, rest) -> None:
    line = parse_dateline(text)
    assert line is not None and (line.place, line.credit) == (place, credit)
    assert text[line.end:].startswith(rest)


@pytest.mark.parametrize("text", [
    "Kim Jong Un – the country's leader – said",
    "Lagos - the city said",
    "UPDATE: The ministry corrected",
    "EDITOR'S NOTE: This story",
    "Erdogan: We will not retreat",
    "The MOSCOW, March 5 meeting was cancelled.",
])
def test_names_and_story_labels_are_no_datelines(text) -> None:
    assert parse_dateline(text) is None
