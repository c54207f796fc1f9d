"""The shipped event classifier (a linear model in numpy) and how its answer joins the rules'.

Trained by `python -m storyline.events.train`; here only numpy runs, so scikit-learn is needed
for training and benchmarks, never at run time. The rules stay first where they are sure: the
classifier speaks for sentences the rules leave None or read only from a noun, and only above
thresholds chosen by cross-validation, because a wrong event costs more than a missed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from storyline.events.features import EMBEDDING, FEATURE_NAMES

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "plover_model.npz"
NONE = "NONE"
"""The class of sentences that report no event."""
STRONG_RULE = 0.85
"""Rule confidence (frame, content or phrasal verb) at which the rules answer alone by default."""


@dataclass(frozen=True)
class Thresholds:
    """Classifier probabilities needed to add an event (rules None), replace a noun-cued rule
    reading, or overrule a verb-cued one (> 1 means never)."""

    add: float
    replace_weak: float
    replace_strong: float

    def as_array(self) -> np.ndarray:
        return np.asarray([self.add, self.replace_weak, self.replace_strong], dtype=np.float64)


@dataclass(frozen=True)
class Model:
    """Weights and classes of the multinomial logistic regression, and an input shift and scale
    (identity for the shipped model: the embeddings are unit vectors, the flags 0/1)."""

    classes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    thresholds: Thresholds

    def proba(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per feature row (softmax of the linear scores)."""
        z = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        scores = z @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, classes=np.asarray(self.classes), mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32), coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32), thresholds=self.thresholds.as_array(),
            features=np.asarray(FEATURE_NAMES), embedding=np.asarray(EMBEDDING))


def read_model(path: Path) -> Model:
    """A saved model; refuses one trained on other features than this code computes."""
    with np.load(path, allow_pickle=False) as data:
        if str(data["embedding"]) != EMBEDDING or list(data["features"]) != FEATURE_NAMES:
            raise ValueError(f"{path.name} was trained on other features; retrain it with "
                             "python -m storyline.events.train")
        add, weak, strong = (float(x) for x in data["thresholds"])
        return Model(tuple(str(c) for c in data["classes"]), data["mean"].astype(np.float64),
                     data["scale"].astype(np.float64), data["coef"].astype(np.float64),
                     data["intercept"].astype(np.float64), Thresholds(add, weak, strong))


@cache
def shipped_model() -> Model | None:
    """The model in the package data, once per process; None when it has not been trained."""
    return read_model(MODEL_PATH) if MODEL_PATH.exists() else None


def combine(rule_type: str | None, rule_confidence: float, probs: np.ndarray,
            classes: tuple[str, ...], thresholds: Thresholds) -> tuple[str, float] | None:
    """The event type and confidence from the rules' reading and the classifier's probabilities;
    None for no event."""
    best = int(np.argmax(probs))
    return decide(rule_type, rule_confidence, classes[best], float(probs[best]), thresholds)


def decide(rule_type: str | None, rule_confidence: float, top: str, p: float,
           thresholds: Thresholds) -> tuple[str, float] | None:
    """The classifier's top class must be an event and clear the threshold for the case at hand:
    nothing from the rules, a noun-cued rule reading, or a verb-cued one."""
    if rule_type is None:
        return (top, p) if top != NONE and p >= thresholds.add else None
    limit = thresholds.replace_strong if rule_confidence >= STRONG_RULE else thresholds.replace_weak
    if top not in (NONE, rule_type) and p >= limit:
        return top, p
    return rule_type, rule_confidence
