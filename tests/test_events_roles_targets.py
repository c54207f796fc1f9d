"""Targets the predicate's own objects do not give: a person noun as object, a count of
actors, an event noun's own phrase, an infinitive complement's recipient, the doer of an act
reacted to, and documents or times that are never parties. Sentences written here."""

from __future__ import annotations

import pytest


def _target(coder, text: str) -> str | None:
    coded = coder.code(text)
    assert coded is not None, text
    span = coded.target_span
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize(("text", "word"), [
    # a person noun heading the object is a party, whatever the lexicon says of the noun
    ("Norway summoned the Iranian ambassador over the arrests.", "ambassador"),
    ("The ministry expelled a senior Danish diplomat on Friday.", "diplomat"),
    # a count names who it counts
    ("Prosecutors opened investigations against dozens of companies last year.", "companies"),
    # inside the event noun asked for
    ("The senator called for sanctions against Venezuela after the vote.", "Venezuela"),
    ("Lawmakers demanded an inquiry into the police over the shootings.", "police"),
    # the recipient of the complement verb
    ("Canada is ready to provide emergency loans to Ecuador.", "Ecuador"),
    ("Chile agreed to share radar data with Argentina.", "Argentina"),
    # reacting to an act reacts to its doer when the text names one, else to the act
    ("The opposition condemned the governor's decision to close the border.", "governor"),
    ("The union condemned the attacks on its offices.", "attacks"),
])
def test_the_target_is_found(coder, text, word):
    target = _target(coder, text)
    assert target is not None and word in target, (text, target)


@pytest.mark.parametrize("text", [
    "The two governments signed the agreement in Lima.",
    "Ministers discussed the report on Tuesday.",
])
def test_documents_and_times_are_never_targets(coder, text):
    target = _target(coder, text)
    assert target is None or not any(w in target for w in ("agreement", "report", "Tuesday")), \
        (text, target)


@pytest.mark.parametrize(("text", "source"), [
    ("KABUL (Pajhwok): President Ghani met a delegation of elders.", "Ghani"),
    ("Tehran, March 15, IRNA - The foreign minister condemned the raid.", "minister"),
    ("Davao City--Police arrested three suspects on Tuesday.", "Police"),
])
def test_a_dateline_is_never_the_source(coder, text, source):
    coded = coder.code(text)
    assert coded is not None and coded.source_span is not None
    assert source in text[coded.source_span[0]:coded.source_span[1]]
