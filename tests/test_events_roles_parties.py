"""Both parties of a joined subject, and the speaker of a reported commitment, as roles.
Sentences written here."""

from __future__ import annotations

import pytest


def _roles(coder, text: str) -> tuple[str | None, str | None]:
    coded = coder.code(text)
    assert coded is not None
    pick = lambda span: text[span[0]:span[1]] if span else None  # noqa: E731
    return pick(coded.source_span), pick(coded.target_span)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Putin and Erdogan held talks in Moscow.", "Putin", "Erdogan"),
    ("Jordan and Britain have agreed to hold joint naval exercises.", "Jordan", "Britain"),
    ("Greek and Turkish negotiators have agreed a new fisheries accord.", "Greek", "Turkish"),
    ("Chile and Peru agreed to share radar data.", "Chile", "Peru"),
])
def test_two_joined_parties_are_each_others_counterpart(coder, text, source, target):
    assert _roles(coder, text) == (source, target)


def test_a_reported_demand_is_the_speakers(coder):
    source, target = _roles(coder, "The Chilean president said that Peru must withdraw its "
                                   "troops from the border.")
    assert source == "The Chilean president"
