"""A pronoun actor stands for the nearest subject before it that can be what it is."""

from __future__ import annotations

import pytest


def _actors(coder, sentence: str) -> tuple[str | None, str | None]:
    coded = coder.code(sentence)
    assert coded is not None
    source = sentence[slice(*coded.source_span)] if coded.source_span else None
    target = sentence[slice(*coded.target_span)] if coded.target_span else None
    return source, target


@pytest.mark.parametrize(("sentence", "source"), [
    ("Norland said on Saturday it was suspending its participation in the fishing deal.",
     "Norland"),
    ("Foreign Minister Ana Vell said on Thursday she would welcome more talks with the rebels.",
     "Foreign Minister Ana Vell"),
    ('"As soon as our terms are met, we will return to the deal," Minister Karl Osk said.',
     "Minister Karl Osk"),
])
def test_pronoun_source_is_the_subject_it_stands_for(coder, sentence: str, source: str) -> None:
    assert _actors(coder, sentence)[0] == source


def test_a_person_is_not_taken_for_it(coder) -> None:
    sentence = ("The president told reporters that Norland would work with Sudia to make the truce "
                "last, but that it reserved the right to strike back.")
    source, _ = _actors(coder, sentence)
    assert source is not None and source not in ("it", "The president")


def test_pronoun_without_an_antecedent_in_the_sentence_stays(coder) -> None:
    assert _actors(coder, "It shelled the border villages on Monday.")[0] == "It"
