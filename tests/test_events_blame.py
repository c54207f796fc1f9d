"""Attributed blame: a claim, attributed to a speaker, that an armed group named as wrongdoers
did something is ACCUSE by the speaker against that group."""

from __future__ import annotations

import pytest

from tests.conftest import coded_type


def _actors(coder, sentence: str) -> tuple[str | None, str | None, str | None]:
    coded = coder.code(sentence)
    if coded is None:
        return None, None, None
    source = sentence[slice(*coded.source_span)] if coded.source_span else None
    target = sentence[slice(*coded.target_span)] if coded.target_span else None
    return coded.type, source, target


def test_passive_agent_named_as_militants_under_according_to_is_accused(coder):
    sentence = ("According to the interior ministry, the march was organised by militants of "
                "the Northern Front, who want to wreck the truce.")
    assert _actors(coder, sentence) == ("ACCUSE", "the interior ministry", "Northern Front")


def test_goods_in_the_hands_of_terrorists_is_an_accusation_by_the_speaker(coder):
    sentence = ("According to the envoy, the fuel sent across the border has ended up in the "
                "hands of terrorists, above all the Northern Front.")
    kind, source, target = _actors(coder, sentence)
    assert (kind, source) == ("ACCUSE", "the envoy")
    assert target is not None and "Northern Front" in target


def test_reported_claim_with_a_reporting_verb_is_an_accusation(coder):
    sentence = ("Rifles bought by the council have fallen into the hands of extremists, the mayor "
                "said.")
    assert _actors(coder, sentence)[:2] == ("ACCUSE", "the mayor")


@pytest.mark.parametrize("sentence", [
    "The aid convoy was organised by the Red Crescent, according to officials.",
    "The march was organised by militants of the Northern Front.",
    "According to the ministry, the march was not organised by militants.",
])
def test_neutral_agents_unattributed_or_denied_claims_are_no_accusation(coder, sentence):
    assert coded_type(coder, sentence) != "ACCUSE"
