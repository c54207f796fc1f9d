"""Tense around a time expression: from the words (no parse) and from the verb group (a parse),
and sentence bounds that stay linear in the size of the text."""

from __future__ import annotations

import pytest

from storyline.time import find_time_expressions
from storyline.time import tense as tn
from storyline.time.tense import infer_tense, parsed_tense, sentence_bounds, verb_group

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


# --- words only: passives before "to" + noun, participles describing nouns ----------------------

def _value(text: str, words: str, published: str) -> str | None:
    start = text.index(words)
    [found] = [e for e in find_time_expressions(text, published)
               if e.start < start + len(words) and e.end > start]
    return found.value


@pytest.mark.parametrize("text", [
    "The former governor was sentenced to death in October.",
    "The old party was returned to power in October.",
    "The ferry was brought to completion in October.",
])
def test_past_passive_before_to_and_a_noun_keeps_its_past_without_a_parse(text: str) -> None:
    assert _value(text, "October", "2024-05-10") == "2023-10"


@pytest.mark.parametrize("text", [
    "The court had ordered the firm to repay its debts by October.",
    "The ministry had promised to finish the road by October.",
])
def test_past_verb_before_an_infinitive_leaves_the_month_open(text: str) -> None:
    assert infer_tense(text, *_span(text, "October")) is None


@pytest.mark.parametrize("text", [
    "Acme will buy all shares tendered through Nov. 17.",
    "The bank will redeem its Series B preferred shares on Nov. 20.",
])
def test_past_form_describing_a_noun_under_a_future_verb_is_no_past(text: str) -> None:
    words = "Nov. 17" if "17" in text else "Nov. 20"
    assert _value(text, words, "2023-10-27")[:7] == "2023-11"


# --- from the parse: the verb group ------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    pytest.importorskip("spacy")
    from storyline.nlp import load_nlp

    return load_nlp()


def _group(nlp, text: str, word: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return verb_group(token), parsed_tense(token)


@pytest.mark.parametrize(("text", "tense", "aspect", "direction"), [
    ("The ministers met in Oslo on Monday.", "past", "simple", "past"),
    ("The ministers were meeting in Oslo on Monday.", "past", "progressive", "past"),
    ("The ministers had met in Oslo on Monday.", "past", "perfect", "past"),
    ("The ministers have met in Oslo since Monday.", "present", "perfect", "past"),
    ("The ministers are meeting in Oslo on Monday.", "present", "progressive", "future"),
    ("The ministers meet in Oslo on Monday.", "present", "simple", "future"),  # futurate
    ("The ministers work in Oslo on Monday.", "present", "simple", None),
    ("The ministers do not meet in Oslo on Monday.", "present", "simple", None),
    ("The ministers will meet in Oslo on Monday.", "future", "simple", "future"),
    ("The ministers would have met in Oslo on Monday.", "past", "perfect", "past"),
])
def test_tense_and_aspect_of_the_verb_group(nlp, text, tense, aspect, direction) -> None:
    group, found = _group(nlp, text, "Monday")
    assert (group.tense, group.aspect, found) == (tense, aspect, direction)


@pytest.mark.parametrize("text", [
    "The ministers are scheduled to meet in Oslo on Monday.",
    "The ministers are set to meet in Oslo on Monday.",
    "The ministers are due to meet in Oslo on Monday.",
    "The ministers are expected to meet in Oslo on Monday.",
    "The ministers are slated to meet in Oslo on Monday.",
    "The ministers are to meet in Oslo on Monday.",
])
def test_planned_wording_in_the_present_points_ahead(nlp, text: str) -> None:
    group, found = _group(nlp, text, "Monday")
    assert group.scheduled and found == "future"


@pytest.mark.parametrize("text", [
    "The ministers were to meet in Oslo on Monday.",
    "The ministers were scheduled to meet in Oslo on Monday.",
])
def test_planned_wording_in_the_past_leaves_the_day_open(nlp, text: str) -> None:
    group, found = _group(nlp, text, "Monday")
    assert group.scheduled and group.tense == "past" and found is None


@pytest.mark.parametrize(("text", "direction"), [
    ("The envoy said the ministers would meet in Oslo on Monday.", "future"),
    ("The envoy said the ministers met in Oslo on Monday.", "past"),
    ("The envoy said the ministers are meeting in Oslo on Monday.", "future"),
])
def test_reported_speech_takes_the_tense_of_the_reported_verb(nlp, text, direction) -> None:
    assert _group(nlp, text, "Monday")[1] == direction


@pytest.mark.parametrize(("text", "direction"), [
    ("The ceremony was held in the old town hall on Monday.", "past"),
    ("The ceremony will be held in the old town hall on Monday.", "future"),
    ("The ceremony is being held in the old town hall on Monday.", "future"),
    ("The ceremony has been moved to Monday.", "past"),
])
def test_passive_takes_the_tense_of_its_auxiliaries(nlp, text, direction) -> None:
    group, found = _group(nlp, text, "Monday")
    assert group.passive and found == direction


@pytest.mark.parametrize("text", [
    "The trial was moved to October, the court said.",
    "The former governor was sentenced to prison in October.",
])
def test_past_passive_before_to_and_a_noun_is_past_in_the_parse(nlp, text: str) -> None:
    assert _group(nlp, text, "October")[1] == "past"


@pytest.mark.parametrize(("text", "word"), [
    ("Acme will buy all shares tendered through Nov. 17.", "Nov."),
    ("Police will question the suspects arrested on Monday.", "Monday"),
])
def test_participle_describing_a_noun_has_no_tense_of_its_own(nlp, text, word) -> None:
    group, found = _group(nlp, text, word)
    assert group.participle and group.tense == "future" and found is None


def test_participle_under_a_past_verb_is_past(nlp) -> None:
    text = "Police questioned the suspects arrested on Monday."
    assert _group(nlp, text, "Monday")[1] == "past"


def test_coordinated_verb_takes_the_first_conjunct_tense(nlp) -> None:
    text = "Two guards were killed and three others wounded on Thursday."
    assert _group(nlp, text, "Thursday")[1] == "past"
