"""Time expressions found in news sentences and resolved against the publication date."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from storyline.time import TimeExpression, find_time_expressions, resolve_expression
from storyline.time.tense import infer_tense

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timex"


def only(text: str, published: str | None, words: str, tense: str | None = None
         ) -> TimeExpression:
    """The one expression found over `words` (fails when there is none)."""
    start = text.index(words)
    found = [e for e in find_time_expressions(text, published, tense)
             if e.start < start + len(words) and e.end > start]
    assert len(found) == 1, found
    return found[0]


def value(text: str, published: str | None, words: str, tense: str | None = None) -> str | None:
    return only(text, published, words, tense).value


# --- weekdays ---------------------------------------------------------------------------------

def test_weekday_resolves_to_past_wednesday_when_sentence_is_past() -> None:
    # published Friday 2020-03-13
    assert value("The ministers held talks on Wednesday.", "2020-03-13", "Wednesday") == \
        "2020-03-11"


def test_future_tense_thursday_resolves_forward() -> None:
    # published Monday 2020-03-09
    assert value("The leaders will hold a summit on Thursday.", "2020-03-09", "Thursday") == \
        "2020-03-12"


def test_weekday_named_on_its_own_day_is_the_publication_day() -> None:
    assert value("Ministers said on Wednesday they would resign.", "2020-03-11", "Wednesday") \
        == "2020-03-11"


def test_last_and_next_weekday_skip_the_publication_day() -> None:
    text = "They met last Wednesday and meet again next Wednesday."
    assert value(text, "2020-03-11", "last Wednesday") == "2020-03-04"
    assert value(text, "2020-03-11", "next Wednesday") == "2020-03-18"


def test_weekday_without_tense_cue_is_behind_unless_it_is_tomorrow() -> None:
    # published Monday: Tuesday is tomorrow; Thursday is three days ahead but, with no verb to
    # say so, the Thursday just gone (market tables, "up from ... Thursday")
    assert value("Talks on Tuesday", "2020-03-09", "Tuesday") == "2020-03-10"
    assert value("Talks on Friday", "2020-03-09", "Friday") == "2020-03-06"
    assert value("Volume was 840 million shares, up from 443 million Thursday.", "2020-03-09",
                 "Thursday") == "2020-03-05"
    assert value("The bid values the firm at a 24% premium over Thursday's closing price.",
                 "2020-03-09", "Thursday") == "2020-03-05"


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Voters go to the polls on Thursday in a snap election.", "Thursday", "2020-03-12"),
    ("The two leaders meet separately Friday with the envoy.", "Friday", "2020-03-13"),
    ("Parliament convenes on Wednesday for a special session.", "Wednesday", "2020-03-11"),
    ("The president flies to Brussels on Thursday for the summit.", "Thursday", "2020-03-12"),
    ("The leaders did not meet on Thursday as planned.", "Thursday", "2020-03-05"),
])
def test_the_futurate_present_of_scheduled_happenings_is_ahead(text: str, words: str,
                                                                expected: str) -> None:
    assert value(text, "2020-03-09", words) == expected  # a Monday


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("The dividend is payable Jan. 2 to holders of record.", "Jan. 2", "1990-01-02"),
    ("A closing, subject to approval, in February.", "February", "1990-02"),
    ("The index stayed within 70 points of its record high set on Aug. 6.", "Aug. 6",
     "1989-08-06"),
    ("Its high for the year: $42.875 in June, up from $29.75 in April.", "April", "1989-04"),
    ("A four-member office of the chairman, effective Feb. 1.", "Feb. 1", "1990-02-01"),
    ("The new labour contract, effective June 1, covers 30,000 workers.", "June 1", "1990-06-01"),
])
def test_without_tense_a_date_is_ahead_only_within_four_months(text: str, words: str,
                                                             expected: str) -> None:
    assert value(text, "1989-11-02", words) == expected


def test_as_before_a_noun_does_not_cut_the_clause() -> None:
    text = "Joe Biden will be sworn in as president on Wednesday behind a ring of troops."
    assert value(text, "2021-01-18", "Wednesday") == "2021-01-20"
    text = "Prices fell as the markets opened on Wednesday, and will fall again."
    assert value(text, "2021-01-22", "Wednesday") == "2021-01-20"


def test_each_date_follows_its_own_verb_in_reported_speech() -> None:
    text = "The minister said on Monday that the army will withdraw on Thursday."
    assert value(text, "2020-03-11", "Monday") == "2020-03-09"
    assert value(text, "2020-03-11", "Thursday") == "2020-03-12"


def test_time_of_day_is_a_time_on_the_day_of_its_weekday() -> None:
    found = find_time_expressions("Shelling resumed at 3 p.m. on Monday.", "2020-03-11")
    assert [(e.text, e.value, e.type, e.timex) for e in found] == [
        ("3 p.m. on Monday", "2020-03-09", "TIME", "2020-03-09T15:00")]


def test_explicit_tense_overrides_the_guess() -> None:
    text = "Talks on Friday"
    assert value(text, "2020-03-09", "Friday", tense="future") == "2020-03-13"


# --- days and months ---------------------------------------------------------------------------

def test_yesterday_tomorrow_and_last_night_count_from_publication() -> None:
    text = "Rockets fell last night; talks resumed yesterday and end tomorrow."
    assert value(text, "2021-05-12", "last night") == "2021-05-11"
    assert value(text, "2021-05-12", "yesterday") == "2021-05-11"
    assert value(text, "2021-05-12", "tomorrow") == "2021-05-13"


def test_december_in_january_article_is_previous_year() -> None:
    assert value("Protests began in December.", "2020-01-10", "December") == "2019-12"


def test_december_in_future_sentence_is_this_year() -> None:
    assert value("The vote will be held in December.", "2020-10-02", "December") == "2020-12"


def test_end_of_february_keeps_month_precision() -> None:
    found = only("Prices have risen since the end of February.", "2020-03-20", "February")
    assert (found.value, found.precision, found.basis) == ("2020-02", "month", "relative")


def test_last_september_is_the_most_recent_one_before_last_month() -> None:
    """The month just gone is "last month"; "last September" written in October (or in
    September) is the year before's, from November on it is this year's. "This past" is the
    most recent one."""
    assert value("He resigned last September.", "2020-11-05", "September") == "2020-09"
    assert value("He resigned last September.", "2020-10-05", "September") == "2019-09"
    assert value("He resigned last September.", "2020-09-05", "September") == "2019-09"
    assert value("He resigned this past September.", "2020-10-05",
                 "this past September") == "2020-09"
    assert value("Talks resume this coming April.", "2020-03-05", "this coming April") == "2020-04"


def test_may_the_verb_and_may_the_name_are_not_months() -> None:
    text = "Theresa May said talks may resume, and the vote was held in May."
    found = find_time_expressions(text, "2019-07-01")
    assert [(e.text, e.value) for e in found] == [("May", "2019-05")]
    assert found[0].start == text.rindex("May")


# --- relative units and offsets ---------------------------------------------------------------

def test_weeks_are_given_as_the_month_of_their_thursday() -> None:
    # published Wednesday 2021-06-30: this week runs 28 June - 4 July, its Thursday is 1 July
    found = only("The city marks the anniversary this week.", "2021-06-30", "this week")
    assert (found.value, found.precision) == ("2021-07", "month")


def test_relative_years_and_months() -> None:
    text = "Growth slowed late last year and will recover next month, the bank said this year."
    assert value(text, "2020-03-12", "late last year") == "2019"
    assert value(text, "2020-03-12", "next month") == "2020-04"
    assert value(text, "2020-03-12", "this year") == "2020"


def test_counted_offsets_ago_resolve_at_their_unit_precision() -> None:
    text = "The army took the town two weeks ago, a month ago and a year ago."
    assert value(text, "2020-03-12", "two weeks ago") == "2020-02-27"
    assert value(text, "2020-03-12", "a month ago") == "2020-02"
    assert value(text, "2020-03-12", "a year ago") == "2019"


def test_vague_offsets_and_anchored_offsets_have_no_value() -> None:
    text = "Several weeks ago the rebels advanced, and two days later the town fell."
    assert value(text, "2020-03-12", "Several weeks ago") is None
    assert value(text, "2020-03-12", "two days later") is None


# --- written dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["5 March 2020", "March 5, 2020", "2020-03-05",
                                     "05.03.2020", "05/03/2020", "the 5th of March 2020"])
def test_full_dates_are_absolute(written: str) -> None:
    found = only(f"The deal was signed on {written} in Moscow.", None, written)
    assert (found.value, found.precision, found.basis) == ("2020-03-05", "day", "absolute")


def test_slash_date_is_month_first_only_when_day_first_is_impossible() -> None:
    assert value("Issued 03/25/2020 by the ministry.", None, "03/25/2020") == "2020-03-25"


def test_partial_date_takes_year_nearest_publication_in_tense_direction() -> None:
    assert value("The crisis escalated on 31 December.", "2020-01-10", "31 December") == \
        "2019-12-31"
    assert value("Patrols will begin on Sept. 7.", "2020-08-20", "Sept. 7") == "2020-09-07"


def test_monday_03_december_picks_year_where_weekday_matches() -> None:
    # 3 December fell on a Monday in 2018 and 2029; 2018 is nearest to a 2020 publication
    assert value("Monday, 03 December: rebels shelled the town.", "2020-03-12",
                 "Monday, 03 December") == "2018-12-03"


def test_on_the_15th_takes_the_month_from_publication() -> None:
    assert value("Voting ended on the 15th and results follow.", "2020-03-20", "the 15th") == \
        "2020-03-15"
    assert value("Results will be announced on the 2nd.", "2020-03-20", "the 2nd") == \
        "2020-04-02"


def test_year_after_preposition_is_a_date_but_count_is_not() -> None:
    text = "Morales took office in 2006 and the rally drew 2000 people."
    found = find_time_expressions(text, "2019-11-11")
    assert [(e.text, e.value) for e in found] == [("2006", "2006")]


def test_without_publication_only_written_dates_have_values() -> None:
    text = "Talks held on Monday followed the accord of 5 March 2020."
    found = find_time_expressions(text, None)
    assert [(e.text, e.value) for e in found] == [("Monday", None), ("5 March 2020", "2020-03-05")]


# --- not dates --------------------------------------------------------------------------------

def test_m4_highway_is_not_a_date() -> None:
    assert find_time_expressions("Patrols along the M4 highway resumed.", "2020-03-06") == []


@pytest.mark.parametrize("text", [
    "The council adopted Resolution 2254.", "Rebels advanced to within 4 km of Al-Rai.",
    "The ship carries 26,000 tonnes of grain.", "Call centres are staffed 24/7.",
    "The city grew rapidly in the 1990s.", "Photo 3 of 12: smoke over the port.",
    "The quake measured 7.8 on the scale.", "England beat Iran 6-2.",
])
def test_numbers_that_look_like_dates_are_not_dates(text: str) -> None:
    assert [e for e in find_time_expressions(text, "2020-03-06") if e.value] == []


def test_durations_are_found_without_a_value() -> None:
    text = "The talks lasted for three weeks after a siege of six months."
    found = find_time_expressions(text, "2020-03-06")
    assert [(e.text, e.kind, e.value, e.timex) for e in found] == [
        ("three weeks", "duration", None, "P3W"), ("six months", "duration", None, "P6M")]


def test_repeating_expressions_are_sets() -> None:
    found = only("Protesters gather every Sunday.", "2019-06-17", "every Sunday")
    assert (found.kind, found.value) == ("set", None)


# --- API edges --------------------------------------------------------------------------------

def test_resolve_expression_resolves_words_given_alone() -> None:
    found = resolve_expression("last Friday", date(2020, 3, 11))
    assert found is not None and found.value == "2020-03-06"
    assert resolve_expression("the M4 highway", date(2020, 3, 11)) is None


def test_offsets_point_at_the_words_in_the_text() -> None:
    text = "Turkey's presidential race is headed for a run-off on May 28."
    found = only(text, "2023-05-15", "May 28")
    assert text[found.start:found.end] == found.text == "May 28"


def test_unknown_tense_is_rejected() -> None:
    with pytest.raises(ValueError):
        find_time_expressions("on Monday", "2020-03-11", tense="present")


def test_tense_cue_in_a_following_clause_is_ignored() -> None:
    text = "The race is headed for a run-off on May 28 after no candidate won a majority."
    start = text.index("May 28")
    assert infer_tense(text, start, start + len("May 28")) is None


def test_fronted_date_takes_the_verb_after_its_comma() -> None:
    text = "On Sunday, police said the curfew would end."
    start = text.index("Sunday")
    assert infer_tense(text, start, start + len("Sunday")) == "past"


# --- the benchmark set --------------------------------------------------------------------------

def _benchmark_module():
    spec = importlib.util.spec_from_file_location("timex_benchmark", REPO / "benchmarks" /
                                                  "timex.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_set_is_resolved_at_least_95_percent() -> None:
    bench = _benchmark_module()
    items = bench.load_set()
    assert len(items) >= 150
    result = bench.score(items, bench.run_ours(items))
    assert result["strict"] >= 0.95, result


def test_benchmark_items_name_words_that_are_in_their_sentence() -> None:
    path = REPO / "benchmarks" / "data" / "timex_set.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert item["expression"] in item["sentence"]
        assert item["expected"] is None or len(item["expected"]) in (4, 7, 10)


def test_held_out_sentences_are_resolved_at_least_90_percent() -> None:
    bench = _benchmark_module()
    items = bench.load_set(FIXTURES / "heldout.jsonl")
    result = bench.score(items, bench.run_ours(items))
    assert result["strict"] >= 0.9, result


def test_overnight_resolves_to_the_publication_day() -> None:
    found = find_time_expressions("Drones hit the port overnight, officials said.", "2023-07-18")
    assert [(t.text, t.value) for t in found] == [("overnight", "2023-07-18")]


# --- tokenized text (a comma standing apart, as in PTB-tokenized corpora) ----------------------

def test_year_after_a_spaced_comma_is_read_not_guessed_from_publication() -> None:
    text = "The dam was finished on June 4 , 1998 and opened a year later ."
    assert value(text, "2021-05-02", "June 4 , 1998") == "1998-06-04"


def test_day_month_and_month_year_accept_a_spaced_comma() -> None:
    assert value("It burned on 9 October , 2006 .", "2021-05-02", "9 October , 2006") == \
        "2006-10-09"
    assert value("Talks stalled in October , 2006 .", "2021-05-02", "October , 2006") == "2006-10"


def test_weekday_before_a_spaced_comma_still_picks_the_year() -> None:
    # 5 March fell on a Wednesday in 2014, not in 2013 or 2015
    text = "The ferry sank on Wednesday , 5 March after a storm ."
    assert value(text, "2015-02-01", "Wednesday , 5 March") == "2014-03-05"
