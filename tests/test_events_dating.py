"""Which time expression dates an event, and in which direction, read from the parse.

Every sentence is written here, about invented events; each group pins one rule on several
examples of its class."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.events.dating import date_trigger
from storyline.model import Article
from storyline.time import find_time_expressions


@pytest.fixture(scope="module")
def nlp() -> Any:
    pytest.importorskip("spacy")
    from storyline.nlp import load_nlp

    return load_nlp()


def _parsed(nlp: Any, text: str, trigger: str, published: str) -> tuple[Any, ...]:
    """The article, the parsed sentence holding `trigger`, its offset and the text's dates."""
    doc = nlp(text)
    start = text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand")[0].sent
    article = Article(id="t", source="t", outlet=None, title=None, published=published,
                      published_basis=None, language="en", text=text)
    times = [t for t in find_time_expressions(text, published) if t.kind == "date"]
    return article, sent, start, times


def date_of(nlp: Any, text: str, trigger: str, published: str) -> tuple[str | None, str | None]:
    """(date, date words) storyline gives the event named by `trigger` in `text`."""
    article, sent, start, times = _parsed(nlp, text, trigger, published)
    value, words, *_ = date_trigger(article, sent, start, times)
    return value, words


SATURDAY = "2024-06-08"
FRIDAY = "2024-06-07"


# --- weekdays ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("The two delegations are scheduled to hold talks in Vienna on Monday.", "hold"),
    ("The transport minister will open the new bridge on Monday.", "open"),
    ("The union is set to begin a strike at the port on Monday.", "begin"),
    ("The committee is expected to publish its findings on Monday.", "publish"),
    ("Negotiators said they would meet again on Monday.", "meet"),
    ("The summit is to take place in Lisbon on Monday.", "take"),
])
def test_weekday_with_future_or_planned_wording_is_the_next_such_day(nlp, text, trigger):
    assert date_of(nlp, text, trigger, SATURDAY) == ("2024-06-10", "Monday")


@pytest.mark.parametrize(("text", "trigger", "expected", "words"), [
    ("Voters in the northern provinces go to the polls on Thursday.", "go", "2024-06-13",
     "Thursday"),
    ("The envoy arrives in Kabul on Wednesday for two days of talks.", "arrives", "2024-06-12",
     "Wednesday"),
    ("Parliament votes on the emergency budget on Friday.", "votes", "2024-06-14", "Friday"),
    ("The truce expires on Tuesday at midnight.", "expires", "2024-06-11", "Tuesday"),
])
def test_a_scheduled_happening_in_the_simple_present_is_ahead(nlp, text, trigger, expected,
                                                               words):
    """The futurate present: the nearer past weekday would be wrong."""
    assert date_of(nlp, text, trigger, SATURDAY) == (expected, words)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The finance ministers met in Brussels on Thursday.", "met"),
    ("The talks on the fishing quota were held on Thursday.", "held"),
    ("Flood waters were rising in the valley on Thursday.", "rising"),
    ("The mayor had signed the decree on Thursday, aides said.", "signed"),
])
def test_weekday_in_past_tense_is_the_last_such_day_before_publication(nlp, text, trigger):
    assert date_of(nlp, text, trigger, FRIDAY) == ("2024-06-06", "Thursday")


def test_weekday_in_past_tense_is_the_publication_day_only_on_that_weekday(nlp) -> None:
    text = "The finance ministers met in Brussels on Friday."
    assert date_of(nlp, text, "met", FRIDAY) == (FRIDAY, "Friday")
    assert date_of(nlp, text, "met", SATURDAY) == (FRIDAY, "Friday")


# --- months without a year ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "published", "expected"), [
    ("In December, the city council announced a new housing plan.", "announced", "2025-01-12",
     "2024-12"),
    ("The court ruled on the water dispute in November.", "ruled", "2025-01-12", "2024-11"),
    ("The former governor was sentenced to prison in October.", "sentenced", "2024-05-10",
     "2023-10"),
])
def test_month_in_past_tense_is_the_most_recent_such_month(nlp, text, trigger, published,
                                                           expected):
    assert date_of(nlp, text, trigger, published)[0] == expected


def test_month_with_future_wording_is_the_coming_one(nlp) -> None:
    text = "The orchestra will tour Japan in February."
    assert date_of(nlp, text, "tour", "2024-04-10")[0] == "2025-02"


# --- the event's own verb group, not the nearest participle ------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Acme will buy all shares tendered through Nov. 17.", "tendered", "2023-11-17"),
    ("The bank will redeem its Series B preferred shares on Nov. 20.", "redeem", "2023-11-20"),
    ("The port will inspect every container unloaded on Nov. 2.", "unloaded", "2023-11-02"),
])
def test_participle_describing_a_noun_carries_no_past_of_its_own(
        nlp, text, trigger, expected):
    assert date_of(nlp, text, trigger, "2023-10-27")[0] == expected


def test_written_weekday_and_day_pick_the_nearest_year_that_fits(nlp) -> None:
    text = "The paper said in an editorial on Saturday, April 25, that the law was unfair."
    assert date_of(nlp, text, "said", "2026-04-24")[0] == "2026-04-25"


# --- which time of the sentence ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The senator, who had criticised the merger on Monday, voted against it.", "criticised",
     "2024-06-03"),
    ("Farmers, who condemned the new tariff on Monday, blocked the main road.", "tariff",
     "2024-06-03"),
    ("The league praised the referee's decision on Monday to abandon the match.", "decision",
     "2024-06-03"),
])
def test_event_whose_clause_has_its_own_time_takes_it(nlp, text, trigger, expected):
    assert date_of(nlp, text, trigger, FRIDAY)[0] == expected


@pytest.mark.parametrize(("text", "trigger"), [
    ("The ministry says the chemical plant closed in May.", "says"),
    ("Analysts expect the price war to continue through next year.", "expect"),
    ("The airline, whose pilots struck in March, reports its results.", "reports"),
    ("The firm issued bonds due Nov. 1, 2031, to refinance its debt.", "issued"),
    ("Acme will buy all shares tendered through Nov. 17.", "buy"),
])
def test_time_of_another_clause_does_not_date_the_event(nlp, text, trigger):
    assert date_of(nlp, text, trigger, FRIDAY) == (FRIDAY, None)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Both delegations will attend a meeting scheduled to open in Geneva on Monday.", "attend"),
    ("The envoys will join talks set to resume in Doha on Monday.", "join"),
])
def test_scheduling_clause_of_the_event_noun_dates_the_event(nlp, text, trigger):
    assert date_of(nlp, text, trigger, SATURDAY) == ("2024-06-10", "Monday")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The 2019 treaty still protects the seals of the bay.", "protects"),
    ("The brewer posted a third-quarter loss of $4 million.", "posted"),
    ("Both teams are training hard for the 2030 tournament.", "training"),
])
def test_year_or_quarter_before_a_noun_names_the_thing_not_the_event(nlp, text, trigger):
    assert date_of(nlp, text, trigger, FRIDAY) == (FRIDAY, None)


@pytest.mark.parametrize("text", [
    "The brewer earned $4 million, compared with $6 million a year earlier.",
    "The brewer earned $4 million, versus $6 million in 2023.",
])
def test_time_of_a_comparison_dates_the_figure_compared_with(nlp, text):
    assert date_of(nlp, text, "earned", FRIDAY) == (FRIDAY, None)


def test_day_before_a_noun_names_its_occasion(nlp) -> None:
    text = "Friday's vote on the harbour plan drew a record turnout."
    assert date_of(nlp, text, "drew", SATURDAY) == (FRIDAY, "Friday's")


# --- the lead's news day and background statements ---------------------------------------------

def _events(text: str, published: str) -> list:
    from storyline.events import EventCoder
    from storyline.nlp import ActorNormalizer, load_nlp
    from storyline.understand import understand_article

    nlp = load_nlp()
    article = Article(id="t", source="t", outlet=None, title=None, published=published,
                      published_basis=None, language="en", text=text)
    return understand_article(article, nlp(text), ActorNormalizer(), EventCoder(nlp)).events


LEAD = "The council rejected on Tuesday a draft resolution on the river treaty. "


@pytest.mark.parametrize("statement", [
    "The ambassador had accused the neighbouring government of stealing water.",  # before it
    "The ambassador has accused the neighbouring government of stealing water.",  # how it stands
    "The ambassador accuses the neighbouring government of stealing water.",
    "The ambassador has been accusing the neighbouring government of stealing water.",
])
def test_background_statement_is_not_dated_by_the_lead(nlp, statement: str) -> None:
    accusation = next(e for e in _events(LEAD + statement, "2024-03-06") if e.type == "ACCUSE")
    assert (accusation.date, accusation.dated_by) == ("2024-03-06", "publication")


@pytest.mark.parametrize("statement", [
    "The ambassador accused the neighbouring government of stealing water.",
    "The ambassador was accusing the neighbouring government of stealing water.",
])
def test_statement_in_the_past_is_dated_by_the_lead(nlp, statement: str) -> None:
    text = LEAD + "Delegates argued over the text for hours. " + statement  # no narrative day
    accusation = next(e for e in _events(text, "2024-03-06") if e.type == "ACCUSE")
    assert (accusation.date, accusation.dated_by) == ("2024-03-05", "news_peg")


def test_expression_anchored_outside_its_sentence_keeps_the_value_it_was_given(nlp) -> None:
    text = ("The brewer earned $4 million in the quarter ended Sept. 30, helped by a hot summer "
            "and strong sales of its new cider in the north. A year earlier, it earned $6 "
            "million.")
    [anchored] = [t for t in find_time_expressions(text, "2024-11-05")
                  if t.text.lower() == "a year earlier"]
    assert date_of(nlp, text, "earned $6", "2024-11-05") == (anchored.value, anchored.text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The bakery, which employs forty people, will close next year.", "employs"),
    ("The insurer, which owns two hospitals, posted a loss in March.", "owns"),
    ("The ferry line, which serves five islands, added a boat last month.", "serves"),
])
def test_present_state_describing_a_noun_is_not_dated_by_the_main_clause(nlp, text, trigger):
    assert date_of(nlp, text, trigger, FRIDAY) == (FRIDAY, None)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The protests spreading across the north will continue next week.", "spreading"),
    ("Ferries waiting off the harbour will dock on Monday.", "waiting"),
])
def test_ongoing_participle_describing_a_noun_is_not_dated_by_the_main_clause(nlp, text,
                                                                             trigger):
    assert date_of(nlp, text, trigger, FRIDAY) == (FRIDAY, None)


@pytest.mark.parametrize(("text", "trigger", "planned"), [
    ("The merger is expected to close in September.", "expected", "close"),
    ("The ministry plans to open the border crossing on Monday.", "plans", "open"),
    ("The sale of the port, which is scheduled for December, needs a vote.", "scheduled", None),
    ("The league hopes to finish the season in August.", "hopes", "finish"),
])
def test_a_plan_in_the_present_stands_on_the_report_day_and_dates_what_is_planned(
        nlp, text, trigger, planned):
    assert date_of(nlp, text, trigger, FRIDAY) == (FRIDAY, None)
    if planned:
        assert date_of(nlp, text, planned, FRIDAY)[0] != FRIDAY


def test_past_event_describing_a_noun_may_share_the_main_clause_time(nlp) -> None:
    text = "The bakery, which closed its doors, was sold on Tuesday."
    assert date_of(nlp, text, "closed", FRIDAY) == ("2024-06-04", "Tuesday")


@pytest.mark.parametrize("text", [
    "According to the filing, the fund bought the shares in March.",
    "The fund bought the shares last week, according to the filing.",
])
def test_attribution_is_not_dated_by_the_claim_it_sources(nlp, text: str) -> None:
    source = "According" if text.startswith("According") else "according"
    assert date_of(nlp, text, source, FRIDAY) == (FRIDAY, None)
    assert date_of(nlp, text, "bought", FRIDAY)[1] is not None


# --- the narrative's day -----------------------------------------------------------------------

def _narrative(nlp, text: str, trigger: str, published: str) -> tuple[str | None, str | None]:
    from storyline.events.dating import narrative_day

    article, sent, start, times = _parsed(nlp, text, trigger, published)
    found = narrative_day(article, sent, times, [start - sent.start_char])
    return (found.value, found.text) if found else (None, None)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Rebels shelled the airport on Tuesday. Three guards died in the blast.", "died"),
    ("The shares rose sharply yesterday. The bank's stock closed at $12.", "closed"),
    ("Storms hit the coast on Tuesday. The ferry company cancelled all crossings.", "cancelled"),
])
def test_past_deed_without_time_words_goes_on_at_the_day_told_just_before(nlp, text, trigger):
    assert _narrative(nlp, text, trigger, "2024-06-05")[0] == "2024-06-04"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Rebels shelled the airport on Tuesday. The governor later blamed the army.", "blamed"),
    ("Rebels shelled the airport on Tuesday. The army had warned of an attack.", "warned"),
    ("Rebels shelled the airport on Tuesday. The army is sending more troops.", "sending"),
    ("Rebels shelled the airport on Tuesday. The siege lasted three weeks.", "lasted"),
    ("Rebels shelled the airport on Tuesday.\n\nThe town fell to the rebels.", "fell"),
    ("The fund was valued at $3 billion on May 2. The fund bought two hotels.", "bought"),
    ("Rebels will shell the airport on Tuesday. Three guards died in the blast.", "died"),
])
def test_these_take_no_narrative_day(nlp, text, trigger):
    assert _narrative(nlp, text, trigger, "2024-06-05") == (None, None)
