"""PLOVER event coding: typical sentences per type, negation, threats, background, CAMEO roots."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.events import CodedSentence, EventCoder, cameo_root
from storyline.events.cameo import CAMEO_ROOTS
from storyline.events.lexicon import PLOVER_TYPES
from tests.conftest import coded_type as _type

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


TYPICAL = [tuple(line.split("\t", 1)) for line in _lines("typical.tsv")]



@pytest.mark.parametrize(("expected", "sentence"), TYPICAL, ids=[t for t, _ in TYPICAL])
def test_typical_sentence_is_coded_with_its_type(coder: EventCoder, expected: str,
                                                 sentence: str) -> None:
    assert _type(coder, sentence) == expected


def test_typical_fixtures_cover_all_sixteen_types() -> None:
    assert {t for t, _ in TYPICAL} == set(PLOVER_TYPES)


def test_did_not_agree_is_reject_not_agree(coder: EventCoder) -> None:
    assert _type(coder, "Israel did not agree to the proposed ceasefire on Sunday.") == "REJECT"


def test_refused_to_extend_is_reject(coder: EventCoder) -> None:
    assert _type(coder, "Russia on Monday refused to extend the grain deal.") == "REJECT"


def test_threatened_to_impose_sanctions_is_threaten_with_restrict_mode(coder: EventCoder) -> None:
    coded = coder.code("The United States threatened to impose sanctions on the refinery.")
    assert coded is not None and coded.type == "THREATEN" and coded.mode == "restrict"


def test_future_attack_is_threaten_and_future_meeting_is_agree(coder: EventCoder) -> None:
    assert _type(coder, "The militia said it would attack the convoy.") == "THREATEN"
    assert _type(coder, "The two leaders will meet in Geneva next month.") == "AGREE"


def test_promise_to_withdraw_is_concede_not_retreat(coder: EventCoder) -> None:
    assert _type(coder, "Armenia agreed to withdraw its troops from the villages.") == "CONCEDE"


def test_reported_speech_is_coded_by_the_reported_act(coder: EventCoder) -> None:
    sentence = "Rebels shelled the airport overnight, military officials said on Friday."
    coded = coder.code(sentence)
    assert coded is not None and coded.type == "ASSAULT" and coded.mode == "heavy-weapons"


def test_background_sentences_are_not_events(coder: EventCoder) -> None:
    lines = _lines("background.txt")
    coded = [c for c in coder.code_all(lines) if c is not None]
    assert len(lines) >= 40
    assert len(coded) / len(lines) <= 0.05


def test_earthquake_deaths_are_not_an_assault(coder: EventCoder) -> None:
    assert coder.code("The earthquake killed thousands of people in the south.") is None


def test_negated_attack_is_no_event(coder: EventCoder) -> None:
    assert coder.code("The army did not attack the town.") is None


def test_source_and_target_spans_point_at_the_actors(coder: EventCoder) -> None:
    sentence = "Foreign Minister Dmytro Kuleba accused Moscow of blocking the corridor."
    coded = coder.code(sentence)
    assert coded is not None and coded.source_span and coded.target_span
    assert sentence[slice(*coded.source_span)] == "Foreign Minister Dmytro Kuleba"
    assert sentence[slice(*coded.target_span)] == "Moscow"


def test_passive_attack_takes_source_from_by_phrase(coder: EventCoder) -> None:
    sentence = "Five soldiers were killed in an air strike by government forces on Thursday."
    coded = coder.code(sentence)
    assert coded is not None and coded.type == "ASSAULT" and coded.mode == "aerial"
    assert coded.source_span and "government forces" in sentence[slice(*coded.source_span)]
    assert coded.target_span and sentence[slice(*coded.target_span)] == "Five soldiers"


def test_dateline_does_not_hide_the_event(coder: EventCoder) -> None:
    sentence = "ANKARA, May 3 (Wire) – Turkey and Greece held talks on maritime borders on Friday."
    coded = coder.code(sentence)
    assert coded is not None and coded.type == "CONSULT"
    assert coded.source_span and sentence[slice(*coded.source_span)].startswith("Turkey")


def test_code_all_accepts_parsed_spans_and_matches_code(coder: EventCoder) -> None:
    doc = coder.nlp("Police arrested three men. The weather was mild.")
    spans = list(doc.sents)
    coded = coder.code_all(spans)
    assert coded[0] is not None and coded[0].type == "COERCE" and coded[1] is None
    assert coded[0] == coder.code(spans[0].text)


def test_coding_is_deterministic(coder: EventCoder) -> None:
    sentences = [s for _, s in TYPICAL]
    assert coder.code_all(sentences) == coder.code_all(sentences)


def test_cameo_mapping_covers_all_sixteen_types() -> None:
    assert set(CAMEO_ROOTS) == set(PLOVER_TYPES)
    for kind in PLOVER_TYPES:
        root = cameo_root(kind)
        assert len(root) == 2 and 1 <= int(root) <= 20


def test_cameo_mode_moves_root_where_cameo_splits_the_category() -> None:
    assert cameo_root("ASSAULT") == "18"
    assert cameo_root("ASSAULT", "heavy-weapons") == "19"
    assert cameo_root("ACCUSE", "investigate") == "09"
    assert cameo_root("threaten") == "13"
    with pytest.raises(ValueError):
        cameo_root("WAR")


def test_coded_sentence_fields() -> None:
    coded = CodedSentence("AID", None, 0.8, (0, 5), None)
    assert coded.type == "AID" and coded.source_span == (0, 5)
