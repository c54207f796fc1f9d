"""Event coding beyond the main clause: subordinate and conjoined clauses, "under fire",
sequence verbs, moving aid, negated complements of frames, and accusations in reported speech.

Each sentence is written here to pin one general rule; none comes from the demo corpus."""

from __future__ import annotations

import pytest

from storyline.events import EventCoder
from tests.conftest import coded_type as _type


def test_event_in_an_after_clause_is_coded_when_the_main_clause_has_none(
        coder: EventCoder) -> None:
    sentence = ("The offensive on the city was put on hold after the two presidents agreed to "
                "create a buffer zone.")
    assert _type(coder, sentence) == "AGREE"


def test_conditional_clause_is_no_event(coder: EventCoder) -> None:
    assert coder.code("If the rebels attack the town, the government will respond.") is None


def test_natural_cause_is_seen_through_an_ing_clause(coder: EventCoder) -> None:
    sentence = "A strong earthquake struck the coast on Monday, killing dozens of people."
    assert _type(coder, sentence) != "ASSAULT"


@pytest.mark.parametrize("sentence", [
    "A Red Cross convoy came under fire near the border.",
    "The police posts were taken under fire by the militia.",
])
def test_coming_or_taken_under_fire_is_assault(coder: EventCoder, sentence: str) -> None:
    assert _type(coder, sentence) == "ASSAULT"


def test_under_fire_passive_takes_the_by_phrase_as_source(coder: EventCoder) -> None:
    sentence = "The police posts were taken under fire by the militia."
    coded = coder.code(sentence)
    assert coded is not None and coded.source_span is not None
    assert "militia" in sentence[slice(*coded.source_span)]


def test_event_noun_after_follow_is_the_event(coder: EventCoder) -> None:
    sentence = "The decision followed talks between the two foreign ministers."
    assert _type(coder, sentence) == "CONSULT"


@pytest.mark.parametrize(("expected", "sentence"), [
    ("AID", "An aid convoy left Damascus for the besieged town."),
    ("COOPERATE", "A cargo ship carrying wheat departed from Odesa."),
])
def test_aid_or_trade_vehicle_on_the_move_is_coded(coder: EventCoder, expected: str,
                                                   sentence: str) -> None:
    assert _type(coder, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Six United Nations trucks rolled through the river crossing into the valley on Thursday.",
    "The Red Crescent's vehicles reached the flooded camp.",
    "WFP lorries entered the besieged town on Monday.",
])
def test_relief_agency_vehicles_on_the_move_are_aid(coder: EventCoder, sentence: str) -> None:
    assert _type(coder, sentence) == "AID"


def test_army_trucks_on_the_move_are_not_aid(coder: EventCoder) -> None:
    assert _type(coder, "Army trucks rolled across the bridge on Monday.") != "AID"


@pytest.mark.parametrize(("expected", "sentence"), [
    ("REQUEST", "The president urged the army not to attack the protesters."),
    ("REQUEST", "The commander ordered his troops not to fire on the crowd."),
    ("AGREE", "The rebels agreed not to shell the airport."),
])
def test_negated_complement_keeps_the_frame_event(coder: EventCoder, expected: str,
                                                  sentence: str) -> None:
    assert _type(coder, sentence) == expected


def test_reported_terrorist_label_is_an_accusation(coder: EventCoder) -> None:
    sentence = "The ministry said the gunmen were members of a terrorist group."
    coded = coder.code(sentence)
    assert coded is not None and (coded.type, coded.mode) == ("ACCUSE", "allege")


@pytest.mark.parametrize("sentence", [
    "The ministry said the terrorists were not in the area.",
    "Both sides said they remained committed to fighting terrorist groups.",
])
def test_terrorists_mentioned_without_a_label_pinned_are_no_accusation(
        coder: EventCoder, sentence: str) -> None:
    assert _type(coder, sentence) != "ACCUSE"


def test_reported_help_in_planning_an_attack_is_an_accusation(coder: EventCoder) -> None:
    assert _type(coder, "Police said two foreigners had helped plan the bombing.") == "ACCUSE"


def test_month_name_is_no_protest_march(coder: EventCoder) -> None:
    assert _type(coder, "The truce took effect on March 6.") != "PROTEST"


def test_coded_event_points_at_its_words(coder: EventCoder) -> None:
    sentence = "Rebels shelled the airport on Monday, the army said on Tuesday."
    coded = coder.code(sentence)
    assert coded is not None and coded.type == "ASSAULT"
    assert [sentence[v:].split()[0] for v in coded.verbs] == ["shelled"]
