"""The shipped event classifier: it loads with numpy, joins the rules only where they are unsure,
keeps unseen background as None and gives the same answer every time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.events import EventCoder
from storyline.events.classifier import (
    MODEL_PATH,
    NONE,
    Thresholds,
    combine,
    read_model,
    shipped_model,
)
from storyline.events.features import FEATURE_NAMES
from storyline.events.lexicon import PLOVER_TYPES

FIXTURES = Path(__file__).parent / "fixtures" / "events"
CLASSES = ("ASSAULT", "NONE", "PROTEST")
SURE = Thresholds(add=0.6, replace_weak=0.7, replace_strong=0.9)


def _lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    pytest.importorskip("spacy")
    pytest.importorskip("wordllama")
    return EventCoder.default()


def test_shipped_model_loads_small_with_all_types_and_no_event_class() -> None:
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    model = read_model(MODEL_PATH)
    assert set(model.classes) == set(PLOVER_TYPES) | {NONE}
    assert model.coef.shape == (len(model.classes), len(FEATURE_NAMES))
    probs = model.proba(np.zeros((2, len(FEATURE_NAMES))))
    assert probs.shape == (2, len(model.classes)) and np.allclose(probs.sum(axis=1), 1.0)


def test_classifier_adds_an_event_only_above_the_threshold_when_rules_find_none() -> None:
    assert combine(None, 0.0, np.array([0.7, 0.2, 0.1]), CLASSES, SURE) == ("ASSAULT", 0.7)
    assert combine(None, 0.0, np.array([0.5, 0.3, 0.2]), CLASSES, SURE) is None
    assert combine(None, 0.0, np.array([0.1, 0.8, 0.1]), CLASSES, SURE) is None


def test_verb_cued_rule_reading_stands_unless_classifier_is_very_sure() -> None:
    assert combine("PROTEST", 0.85, np.array([0.8, 0.1, 0.1]), CLASSES, SURE) == ("PROTEST", 0.85)
    assert combine("PROTEST", 0.85, np.array([0.95, 0.0, 0.05]), CLASSES, SURE)[0] == "ASSAULT"
    assert combine("PROTEST", 0.6, np.array([0.8, 0.1, 0.1]), CLASSES, SURE)[0] == "ASSAULT"


def test_classifier_never_removes_a_rule_event() -> None:
    assert combine("PROTEST", 0.6, np.array([0.0, 1.0, 0.0]), CLASSES, SURE) == ("PROTEST", 0.6)


def test_default_coder_is_one_per_process_and_not_class_state() -> None:
    assert EventCoder.default() is EventCoder.default()
    assert "_default" not in vars(EventCoder) and "_lock" not in vars(EventCoder)


def test_unseen_background_sentences_stay_none(coder: EventCoder) -> None:
    lines = _lines("background_unseen.txt")
    assert len(lines) >= 10
    assert [c for c in coder.code_all(lines) if c is not None] == []


@pytest.mark.parametrize(("expected", "sentence"), [
    ("ASSAULT", "Militants ambushed an army patrol near the village, killing four soldiers."),
    ("PROTEST", "Thousands of teachers marched through the capital demanding higher pay."),
    pytest.param("AID", "The charity delivered tents and blankets to families in the camp.",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: 'deliver' needs an aid "
                                         "noun for the rules and the classifier is below its "
                                         "0.9 threshold")),
    ("CONSULT", "The foreign ministers met in Vienna on Tuesday to discuss the dispute."),
    ("COERCE", "Police detained a dozen activists outside the parliament."),
])
def test_typical_sentences_keep_their_type_with_the_classifier(coder: EventCoder, expected: str,
                                                              sentence: str) -> None:
    coded = coder.code(sentence)
    assert coded is not None and coded.type == expected


def test_sentence_spans_of_a_larger_document_are_coded_like_their_text(coder: EventCoder) -> None:
    doc = coder.nlp("The harbour is deep. Rebels shelled the harbour on Monday. Rain fell.")
    spans = list(doc.sents)
    assert coder.code_all(spans) == [coder.code(s.text) for s in spans]


def test_classifier_probabilities_are_deterministic(coder: EventCoder) -> None:
    from storyline.events.features import featurize

    model = shipped_model()
    assert model is not None
    spans = [coder.nlp(s)[:] for s in _lines("background_unseen.txt")[:4]]
    assert np.array_equal(model.proba(featurize(spans)), model.proba(featurize(spans)))


def test_training_is_deterministic_on_the_same_data() -> None:
    pytest.importorskip("sklearn")
    from storyline.events.train import fit

    rng = np.random.default_rng(7)
    x = rng.normal(size=(60, len(FEATURE_NAMES)))
    y = ["ASSAULT", "NONE", "PROTEST"] * 20
    first, second = fit(x, y, 1.0, SURE), fit(x, y, 1.0, SURE)
    assert first.classes == second.classes and np.array_equal(first.coef, second.coef)
