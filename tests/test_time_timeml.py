"""TimeML (TIMEX3) type, value and mod of each class of time expression (issue 13, item 1).

Every sentence here is written for these tests; each class is pinned by a few sentences of
different shapes so that a rule written for one phrasing does not pass alone.
"""

from __future__ import annotations

import pytest

from storyline.time import TimeExpression, find_time_expressions, timexes


def timex(text: str, published: str | None, words: str) -> TimeExpression:
    every = find_time_expressions(text, published)
    found = [e for e in every if e.text == words]
    assert found, f"{words!r} not found in {[e.text for e in every]}"
    return found[0]


def value(text: str, published: str | None, words: str) -> tuple[str, str | None, str | None]:
    found = timex(text, published, words)
    return found.type, found.timex, found.mod


# --- granularities ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Ministers met last week to discuss the grain corridor.", "last week", "2023-W10"),
    ("The court will rule this week on the appeal.", "this week", "2023-W11"),
    ("Talks resume next week in Geneva.", "next week", "2023-W12"),
    ("The ferry sank two weeks ago off the coast.", "two weeks ago", "2023-W09"),
])
def test_weeks_are_iso_weeks(text: str, words: str, expected: str) -> None:
    # 2023-03-15 is a Wednesday of ISO week 11
    assert value(text, "2023-03-15", words) == ("DATE", expected, None)


def test_weekend_is_the_iso_week_it_closes() -> None:
    assert value("Fighting eased over the weekend.", "2023-03-13", "the weekend") == (
        "DATE", "2023-W10-WE", None)
    assert value("Crowds are expected this weekend.", "2023-03-13", "this weekend")[1] == \
        "2023-W11-WE"


@pytest.mark.parametrize(("text", "published", "words", "expected"), [
    ("Exports fell in the third quarter.", "2021-10-28", "the third quarter", "2021-Q3"),
    ("Third-quarter profit rose 4%.", "2021-11-02", "Third-quarter", "2021-Q3"),
    ("The firm expects a loss in the fourth quarter.", "2021-11-02", "the fourth quarter",
     "2021-Q4"),
    ("Sales slumped in the fourth quarter.", "2022-01-20", "the fourth quarter", "2021-Q4"),
    ("Output in the second quarter of 2019 was flat.", "2021-05-02",
     "the second quarter of 2019", "2019-Q2"),
    ("Growth slowed in the first half of 2020.", "2021-05-02", "the first half of 2020",
     "2020-H1"),
])
def test_quarters_and_halves(text: str, published: str, words: str, expected: str) -> None:
    assert value(text, published, words)[1] == expected


def test_quarter_references_hang_on_the_quarter_spoken_of() -> None:
    text = ("The bank earned $2 billion in the second quarter. In the year-ago quarter it lost "
            "money, and revenue in the quarter rose. Costs were lower than a year earlier.")
    published = "2021-07-20"
    assert value(text, published, "the second quarter")[1] == "2021-Q2"
    assert value(text, published, "the year-ago quarter")[1] == "2020-Q2"
    assert value(text, published, "the quarter")[1] == "2021-Q2"
    assert value(text, published, "a year earlier")[1] == "2020-Q2"


def test_the_latest_quarter_without_a_quarter_before_is_the_last_complete_one() -> None:
    assert value("Margins widened in the latest quarter.", "2021-10-26",
                 "the latest quarter")[1] == "2021-Q3"
    assert value("Margins will widen next quarter.", "2021-10-26", "next quarter")[1] == "2022-Q1"


@pytest.mark.parametrize(("text", "published", "words", "expected"), [
    ("The heat wave of this summer broke records.", "2022-08-10", "this summer", "2022-SU"),
    ("Protests began last spring.", "2022-08-10", "last spring", "2022-SP"),
    ("Harvest figures came in the autumn of 2021.", "2022-08-10", "autumn of 2021",
     "2021-FA"),
    ("Gas stocks must last this winter.", "2022-01-10", "this winter", "2021-WI"),
])
def test_seasons(text: str, published: str, words: str, expected: str) -> None:
    assert value(text, published, words)[1] == expected


@pytest.mark.parametrize(("text", "words", "expected", "mod"), [
    ("The city grew fast in the 1990s.", "the 1990s", "199", None),
    ("It was built in the early 1960s.", "the early 1960s", "196", "START"),
    ("Music of the '80s is back.", "the '80s", "198", None),
    ("Tensions date back to the nineties.", "the nineties", "199", None),
    ("The bridge dates from the 19th century.", "the 19th century", "18", None),
])
def test_decades_and_centuries(text: str, words: str, expected: str, mod: str | None) -> None:
    assert value(text, "2021-05-02", words) == ("DATE", expected, mod)


# --- references to present, past and future ----------------------------------------------------

@pytest.mark.parametrize(("text", "words", "expected"), [
    ("The border is now closed.", "now", "PRESENT_REF"),
    ("Some 300 families currently live in the camp.", "currently", "PRESENT_REF"),
    ("The talks recently stalled.", "recently", "PAST_REF"),
    ("Prices rose sharply in recent years.", "recent years", "PAST_REF"),
    ("Such floods were rare in the past.", "in the past", "PAST_REF"),
    ("A deal may come in the near future.", "the near future", "FUTURE_REF"),
    ("Rates are expected to fall in coming months.", "coming months", "FUTURE_REF"),
    ("The ministry will publish the list soon.", "soon", "FUTURE_REF"),
])
def test_present_past_and_future_references(text: str, words: str, expected: str) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.type, found.timex, found.value) == ("DATE", expected, None)


@pytest.mark.parametrize("text", [
    "They left as soon as the shelling stopped.",
    "He was freed soon after his capture.",
    "The vote will decide the future of the union.",
])
def test_links_between_events_and_fates_are_not_references(text: str) -> None:
    assert [e.timex for e in find_time_expressions(text, "2021-05-02")] == []


# --- durations and sets -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "expected", "mod"), [
    ("The siege lasted three months.", "three months", "P3M", None),
    ("Rescuers worked for twenty four hours.", "twenty four hours", "PT24H", None),
    ("He served more than two years in prison.", "more than two years", "P2Y", "MORE_THAN"),
    ("The strike went on for about a week.", "about a week", "P1W", "APPROX"),
    ("Casualties rose over the past three days.", "the past three days", "P3D", None),
    ("It signed a 10-year lease.", "10-year", "P10Y", None),
    ("The drought went on for several years.", "several years", "PXY", None),
    ("Nobody has lived there for decades.", "decades", "PXE", None),
    ("Inflation hit its highest level in two decades.", "two decades", "P2E", None),
    ("Losses mounted in the past two quarters.", "the past two quarters", "P2Q", None),
])
def test_durations(text: str, words: str, expected: str, mod: str | None) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.type, found.timex, found.mod, found.value) == ("DURATION", expected, mod, None)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Protesters gather every Friday.", "every Friday", "XXXX-WXX-5"),
    ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ("The festival is held each July.", "each July", "XXXX-07"),
    ("Water is delivered daily.", "daily", "XXXX-XX-XX"),
    ("Inspectors visit twice a year.", "twice a year", "P1Y"),
    ("Flights leave three times a week.", "three times a week", "P1W"),
    ("Elections are held every four years.", "every four years", "P4Y"),
])
def test_sets(text: str, words: str, expected: str) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.type, found.timex, found.kind) == ("SET", expected, "set")


def test_adjectives_and_counts_are_not_sets() -> None:
    text = "The daily newspaper said aid came for a year."
    assert [e.type for e in find_time_expressions(text, "2021-05-02")] == ["DURATION"]


@pytest.mark.parametrize("text", [
    "The company pays $4 million a year in rent.",
    "The route adds nearly 700 seats a week.",
    "Prices rose 15% a year.",
    "The plant makes 10,000 units per year.",
    "Howes, 37 years old when he was seized, was freed.",
    "The 136-year-old bank was sold.",
    "Employees 55 years old or older may retire early.",
])
def test_rates_of_amounts_and_ages_are_no_time_expressions(text: str) -> None:
    assert find_time_expressions(text, "2021-05-02") == []


# --- mods, fiscal years, years as words ---------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "expected", "mod"), [
    ("The offensive began in early March.", "early March", "2021-03", "START"),
    ("A vote is due in late 2022.", "late 2022", "2022", "END"),
    ("Fighting flared in mid-April.", "mid-April", "2021-04", "MID"),
    ("The new terminal opens at the end of the year.", "the end of the year", "2021", "END"),
    ("Talks begin early next week.", "early next week", "2021-W18", "START"),
])
def test_edges_of_a_period_are_mods(text: str, words: str, expected: str, mod: str) -> None:
    assert value(text, "2021-05-02", words) == ("DATE", expected, mod)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Revenue in fiscal 2020 rose.", "fiscal 2020", "2020"),
    ("The agency expects a deficit for the current fiscal year.", "the current fiscal year",
     "2021"),
    ("The deal should close by year-end.", "year-end", "2021"),
    ("Results for the full year beat forecasts.", "the full year", "2021"),
])
def test_fiscal_years_and_year_end(text: str, words: str, expected: str) -> None:
    assert value(text, "2021-05-02", words)[1] == expected


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("The treaty was signed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("Plans for the year two thousand were drawn up.", "the year two thousand", "2000"),
    ("Losses in its 1996 campaign were heavy.", "1996", "1996"),
    ("The 2019 floods destroyed the bridge.", "2019", "2019"),
    ("Analysts cut their 2022 earnings forecasts.", "2022", "2022"),
])
def test_spelled_out_and_modifier_years(text: str, words: str, expected: str) -> None:
    assert value(text, "2021-05-02", words)[1] == expected


def test_counts_that_look_like_years_stay_counts() -> None:
    text = "Police counted 2000 protesters and $1990 in fines."
    assert [e.timex for e in find_time_expressions(text, "2021-05-02")] == []


# --- anchored expressions, full spans, times, holidays ------------------------------------------

def test_anchored_expressions_count_from_the_time_spoken_of() -> None:
    text = ("The ceasefire began on 3 March. Two days later the first convoy crossed, and the "
            "following month the camps emptied.")
    later = timex(text, "2020-04-20", "Two days later")
    assert (later.type, later.timex, later.value) == ("DURATION", "P2D", "2020-03-05")
    assert timex(text, "2020-04-20", "the following month").timex == "2020-04"


def test_a_counted_length_before_later_or_earlier_is_a_duration_dated_where_it_leads() -> None:
    """TimeML tags "three weeks later" as the length between two happenings; its date is still
    the day it leads to. "A few days later" has a length with no count and no day. "A year
    earlier" names the comparison period and stays a date."""
    text = "Protests began on 2 May. Three weeks later the minister resigned."
    found = timex(text, "2021-06-30", "Three weeks later")
    assert (found.type, found.timex, found.value) == ("DURATION", "P3W", "2021-05-23")
    found = timex("A few days later, the mayor of Lyon resigned.", "2021-06-30",
                  "A few days later")
    assert (found.type, found.timex, found.value) == ("DURATION", "PXD", None)
    found = timex("The talks ended on 4 May. An hour earlier, the envoys left.", "2021-06-30",
                  "An hour earlier")
    assert (found.type, found.timex, found.value) == ("DURATION", "PT1H", "2021-05-04")
    found = timex("Sales fell in the third quarter. A year earlier they rose.", "2021-11-02",
                  "A year earlier")
    assert (found.type, found.timex) == ("DATE", "2020-Q3")


def test_anchored_expression_without_anything_before_looks_back_from_publication() -> None:
    assert timex("Unemployment was 7% a year earlier.", "2021-05-02", "a year earlier").timex \
        == "2020-05-02"
    assert timex("Two days later the town fell.", "2021-05-02", "Two days later").value is None


def test_same_period_last_year_is_the_quarter_spoken_of_or_last_year() -> None:
    text = "Profit rose in the third quarter from the same period last year."
    assert timex(text, "2020-11-04", "the same period last year").timex == "2019-Q3"
    assert timex("Output was flat from the same period last year.", "2020-11-04",
                 "the same period last year").timex == "2019"


def test_counted_from_now_looks_forward() -> None:
    assert timex("Two weeks from now the deadline expires.", "2020-03-04",
                 "Two weeks from now").timex == "2020-W12"
    assert timex("The plant opens three years from now.", "2020-03-04",
                 "three years from now").timex == "2023"


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Exports rose in January this year.", "January this year", "2021-01"),
    ("The plant closed in June last year.", "June last year", "2020-06"),
])
def test_month_with_a_relative_year_is_one_expression(text: str, words: str,
                                                      expected: str) -> None:
    assert value(text, "2021-05-02", words)[1] == expected


@pytest.mark.parametrize(("text", "words", "expected", "mod"), [
    ("The blast was heard at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2021-04-28T22:00",
     None),
    ("Voting ends at noon tomorrow.", "noon tomorrow", "2021-05-03T12:00", None),
    ("The ship docked around 7:15 p.m.", "around 7:15 p.m.", "2021-05-02T19:15", "APPROX"),
    ("Shots rang out this morning.", "this morning", "2021-05-02TMO", None),
    ("Talks broke down yesterday evening.", "yesterday evening", "2021-05-01TEV", None),
])
def test_clock_times_and_parts_of_days(text: str, words: str, expected: str,
                                       mod: str | None) -> None:
    # 2021-05-02 is a Sunday
    assert value(text, "2021-05-02", words) == ("TIME", expected, mod)


@pytest.mark.parametrize(("text", "published", "words", "expected"), [
    ("Shops will close on Christmas Day.", "2021-12-10", "Christmas Day", "2021-12-25"),
    ("Turnout fell on Thanksgiving.", "2021-12-01", "Thanksgiving", "2021-11-25"),
    ("Pilgrims arrived before Easter.", "2022-04-10", "Easter", "2022-04-17"),
    ("The parade was held on New Year's Day.", "2022-01-05", "New Year's Day", "2022-01-01"),
])
def test_holidays(text: str, published: str, words: str, expected: str) -> None:
    found = timex(text, published, words)
    assert (found.timex, found.value) == (expected, expected)


# --- the day-level date and the API -------------------------------------------------------------

def test_day_level_date_follows_the_documented_rule() -> None:
    text = "Aid arrived last week and more is due in the third quarter; prices are high now."
    found = {e.text: e for e in find_time_expressions(text, "2021-07-14")}
    assert (found["last week"].timex, found["last week"].value) == ("2021-W27", "2021-07")
    assert (found["the third quarter"].timex, found["the third quarter"].value) == (
        "2021-Q3", "2021")
    assert (found["now"].timex, found["now"].value) == ("PRESENT_REF", None)


def test_without_publication_relative_values_keep_their_unknown_parts() -> None:
    found = find_time_expressions("The vote is on 5 May, and talks follow every Monday.", None)
    assert [(e.text, e.timex) for e in found] == [("5 May", "XXXX-05-05"),
                                                  ("every Monday", "XXXX-WXX-1")]


def test_timexes_api_gives_spans_type_value_and_mod() -> None:
    rows = timexes("Fighting ended in early 2019 after three years.", "2021-05-02")
    assert rows == [
        {"text": "early 2019", "start": 18, "end": 28, "type": "DATE", "value": "2019",
         "mod": "START", "date": "2019"},
        {"text": "three years", "start": 35, "end": 46, "type": "DURATION", "value": "P3Y",
         "mod": None, "date": None},
    ]


def test_gates_skip_only_patterns_that_cannot_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pattern's gate names a word every match holds: with or without the gates, the
    expressions found in our benchmark sentences are the same."""
    import json
    from pathlib import Path

    from storyline.time import expressions

    root = Path(__file__).resolve().parents[1]
    items = [json.loads(line) for path in (root / "benchmarks/data/timex_set.jsonl",
                                           root / "tests/fixtures/timex/heldout.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = " ".join(item["sentence"] for item in items)
    gated = find_time_expressions(text, "2021-05-02")
    monkeypatch.setattr(expressions, "_GATES", {})
    assert find_time_expressions(text, "2021-05-02") == gated
    assert len(gated) > 200


def test_that_year_is_the_year_spoken_of_and_year_ago_counts_from_now() -> None:
    text = "Imports peaked in 2016. Exports also fell that year. The year-ago results were worse."
    assert timex(text, "2021-05-02", "that year").timex == "2016"
    assert timex(text, "2021-05-02", "year-ago").timex == "2020"


def test_a_clock_time_takes_the_date_written_after_it() -> None:
    found = timex("Tenders close at 5 p.m. EST Nov. 9.", "2021-11-02", "5 p.m. EST Nov. 9")
    assert (found.type, found.timex, found.value) == ("TIME", "2021-11-09T17:00", "2021-11-09")


@pytest.mark.parametrize(("text", "expected"), [
    ("The offer had been due to expire Friday.", "2021-04-30"),
    ("The offer has been scheduled to expire on Friday.", "2021-05-07"),
    ("The envoy was expected to arrive on Tuesday.", "2021-05-04"),
])
def test_a_plan_told_in_the_past_perfect_is_past(text: str, expected: str) -> None:
    # 2021-05-03 is a Monday
    assert timex(text, "2021-05-03", text.split()[-1].rstrip(".")).value == expected


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Output was delayed earlier in the year by rains.", "earlier in the year", "2021"),
    ("It bought the unit this past spring.", "this past spring", "2021-SP"),
    ("It signed a December agreement with holders.", "December", "2020-12"),
    ("Earnings rise in both 2022 and 2023.", "2022", "2022"),
])
def test_more_year_and_month_contexts(text: str, words: str, expected: str) -> None:
    assert timex(text, "2021-10-30", words).timex == expected


@pytest.mark.parametrize(("text", "words", "expected", "kind"), [
    ("Stocks fell over the past week.", "the past week", "P1W", "DURATION"),
    ("Prices rose 4% in the last year.", "the last year", "P1Y", "DURATION"),
    ("It happened a decade ago.", "a decade ago", "2011", "DATE"),
    ("Rebels took the town on 3 March. The following week they left.", "The following week",
     "2021-W10", "DATE"),
    ("He left on 3 March. A week later he returned.", "A week later", "P1W", "DURATION"),
])
def test_one_unit_lengths_and_unit_granularity_of_anchored_units(
        text: str, words: str, expected: str, kind: str) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.timex, found.type) == (expected, kind)
    if words == "A week later":
        assert found.value == "2021-03-10"  # the length leads to a day a week on


@pytest.mark.parametrize(("text", "words", "mod"), [
    ("The mine closed more than a year ago.", "more than a year ago", "BEFORE"),
    ("The mine closed less than a year ago.", "less than a year ago", "AFTER"),
    ("The mine closed about a year ago.", "about a year ago", "APPROX"),
    ("The mine closed nearly a year ago.", "nearly a year ago", "ON_OR_AFTER"),
])
def test_a_point_named_by_a_length_before_now_takes_before_or_after(
        text: str, words: str, mod: str) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.timex, found.mod) == ("2020", mod)


def test_a_clock_time_on_a_weekday_without_publication_keeps_the_weekday() -> None:
    found = timex("Talks resume at noon on Wednesday.", None, "noon on Wednesday")
    assert found.timex == "XXXX-WXX-3T12:00"


# --- fractions, quarters as units, halves, year-long reports, coordinated sets, midnight -------

@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Refugees lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("A minute and a half later the lights went out.", "A minute and a half", "PT1M30S"),
    ("The hearing lasted a day and a half.", "a day and a half", "P1DT12H"),
    ("The strike went on for an hour and a half.", "an hour and a half", "PT1H30M"),
])
def test_a_fraction_of_a_unit_is_written_in_the_next_smaller_one(text, words, expected) -> None:
    assert value(text, "2021-05-02", words) == ("DURATION", expected, None)


@pytest.mark.parametrize(("text", "words", "kind", "expected"), [
    ("The bank has lost money for the past three quarters.", "the past three quarters",
     "DURATION", "P3Q"),
    ("The utility pays a dividend every quarter.", "every quarter", "SET", "P1Q"),
    ("Orders fell in each of several quarters.", "several quarters", "DURATION", "PXQ"),
])
def test_quarters_count_in_their_own_unit(text, words, kind, expected) -> None:
    assert value(text, "2021-05-02", words)[:2] == (kind, expected)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Sales should recover in the first two quarters of 2022.",
     "the first two quarters of 2022", "2022-H1"),
    ("The mine will reopen in the last half of 2021.", "the last half of 2021", "2021-H2"),
    ("Costs will rise in the latter half of the year.", "the latter half of the year", "2021-H2"),
    ("Tourism collapsed in the last quarter of 2020.", "the last quarter of 2020", "2020-Q4"),
])
def test_two_quarters_and_the_last_half_are_halves(text, words, expected) -> None:
    assert value(text, "2021-05-02", words)[:2] == ("DATE", expected)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Prices were last this low in the winter of nineteen ninety-four.",
     "winter of nineteen ninety-four", "1994-WI"),
    ("The dam burst in the spring nineteen eighty-one.", "spring nineteen eighty-one", "1981-SP"),
])
def test_a_season_of_a_spelled_out_year(text, words, expected) -> None:
    assert value(text, "2021-05-02", words) == ("DATE", expected, None)


@pytest.mark.parametrize(("text", "words"), [
    ("For the year ended Sept. 30, the brewer earned $42 million.", "the year"),
    ("Revenue in the fiscal year ending June 30 rose 8%.", "the fiscal year"),
    ("In the financial year ended March 31 the group lost money.", "the financial year"),
])
def test_the_year_a_report_covers_is_a_length(text, words) -> None:
    assert value(text, "2021-11-02", words) == ("DURATION", "P1Y", None)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Flights leave on Monday and Tuesday nights from March 30.", "Monday", "XXXX-WXX-1TNI"),
    ("Flights leave on Monday and Tuesday nights from March 30.", "Tuesday nights",
     "XXXX-WXX-2TNI"),
    ("The market is shut on Saturday and Sundays.", "Saturday", "XXXX-WXX-6"),
])
def test_a_weekday_coordinated_with_a_plural_one_repeats(text, words, expected) -> None:
    assert value(text, "2021-05-02", words) == ("SET", expected, None)


def test_midnight_closes_the_day_it_is_named_with() -> None:
    found = timex("The offer expires at midnight Friday.", "2021-05-03", "midnight Friday")
    assert (found.type, found.timex, found.value) == ("TIME", "2021-05-07T24:00", "2021-05-07")


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("For the quarter ended Sept. 30, the airline posted a profit.", "the quarter", "2021-Q3"),
    ("In the quarter ended July 31, the retailer lost money.", "the quarter", "2021-Q2"),
    ("Sales in the quarter ending March 31, 2022 should rise.", "the quarter", "2022-Q1"),
    ("Claims fell 59% in the latest quarter.", "the latest quarter", "2021-Q3"),
])
def test_a_quarter_named_by_its_end_or_as_the_latest_one(text, words, expected) -> None:
    assert value(text, "2021-11-02", words)[:2] == ("DATE", expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("For the year, pet food volume was flat.", "2021"),
    ("Exports hit a high for the year of $4 billion in June.", "2021"),
    ("In 2019 the mill was sold; during the year, output halved.", "2019"),
])
def test_the_year_is_the_year_spoken_of(text, expected) -> None:
    assert value(text, "2021-11-02", "the year") == ("DATE", expected, None)


def test_the_year_in_other_senses_is_no_date() -> None:
    for text in ("The year ended badly for the club.", "It was the year before the war."):
        assert all(e.text != "the year" or e.type != "DATE"
                   for e in find_time_expressions(text, "2021-11-02"))


@pytest.mark.parametrize(("text", "words", "kind", "expected"), [
    ("Aid will arrive over the next few days.", "the next few days", "DURATION", "PXD"),
    ("For the past several weeks the border stayed shut.", "the past several weeks",
     "DURATION", "PXW"),
    ("Prices have fallen in the last few months.", "the last few months", "DATE", "PAST_REF"),
    ("Under current rules, refugees may not work.", "current", "DATE", "PRESENT_REF"),
    ("The minister defended her current policy in Ankara.", "current", "DATE", "PRESENT_REF"),
])
def test_vague_stretches_are_lengths_after_over_and_for_and_current_is_the_present(
        text: str, words: str, kind: str, expected: str) -> None:
    found = timex(text, "2021-05-02", words)
    assert (found.type, found.timex) == (kind, expected)


@pytest.mark.parametrize("text", [
    "The current account deficit widened.",
    "Current assets rose to $3 billion.",
])
def test_current_in_accounting_terms_is_no_time(text: str) -> None:
    assert not [e for e in find_time_expressions(text, "2021-05-02") if "urrent" in e.text]


def test_a_list_comma_does_not_cut_the_clause_that_gives_the_tense() -> None:
    text = ("He succeeds Ana Ruiz, who stepped down as chair, president and chief executive in "
            "March for health reasons.")
    assert timex(text, "2021-11-02", "March").timex == "2021-03"


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("The index closed on Friday, 27 October, down 4.5% from the previous Friday.",
     "the previous Friday", "1989-10-20"),
    ("Talks opened on 3 October. The following Monday they broke down.", "The following Monday",
     "1989-10-09"),
    ("Voters had chosen a mayor the preceding Sunday.", "the preceding Sunday", "1989-10-29"),
])
def test_the_previous_or_following_weekday_counts_from_the_day_told_last(
        text: str, words: str, expected: str) -> None:
    assert timex(text, "1989-10-30", words).timex == expected
