"""Tense around a time expression: from the words (no parse) and from the verb group (a parse),
and sentence bounds that stay linear in the size of the text."""

from __future__ import annotations

import pytest

from storyline.time import find_time_expressions
from storyline.time import tense as tn
from storyline.time.tense import sentence_bounds

# --- sentence bounds ----------------------------------------------------------------------------


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_sentence_bounds_are_the_sentence_around_the_words() -> None:
    text = "The mayor resigned on Monday. Her deputy took over on Tuesday. Talks go on."
    left, right = sentence_bounds(text, *_span(text, "Tuesday"))
    assert text[left:right] == "Her deputy took over on Tuesday."


def test_sentence_bounds_skip_abbreviations() -> None:
    text = "The vote ended at 6 p.m. Monday in the capital. Counting began later."
    left, right = sentence_bounds(text, *_span(text, "Monday"))
    assert text[left:right] == "The vote ended at 6 p.m. Monday in the capital."


def test_sentence_bounds_of_the_first_and_last_sentence_reach_the_text_edges() -> None:
    text = "Rain fell on Friday. Floods came on Saturday"
    assert sentence_bounds(text, *_span(text, "Friday"))[0] == 0
    assert sentence_bounds(text, *_span(text, "Saturday"))[1] == len(text)


@pytest.mark.parametrize("sentences", [50, 400])
def test_sentence_breaks_are_scanned_once_per_text_however_many_expressions(
        monkeypatch: pytest.MonkeyPatch, sentences: int) -> None:
    # each candidate break is checked for an abbreviation once per text, not once per expression
    calls = 0
    check = tn._is_abbreviation

    def counting(text: str, position: int) -> bool:
        nonlocal calls
        calls += 1
        return check(text, position)

    monkeypatch.setattr(tn, "_is_abbreviation", counting)
    tn._sentence_breaks.cache_clear()
    text = " ".join(f"Crew {i} reached the camp on Monday and left on March {i % 28 + 1}."
                    for i in range(sentences))
    found = find_time_expressions(text, "2024-05-08")
    assert len(found) >= 2 * sentences
    assert calls <= sentences + 1
