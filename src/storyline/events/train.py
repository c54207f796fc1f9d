"""Train the event classifier: `python -m storyline.events.train` writes data/plover_model.npz.

Training data: the PLOVER development sentences (shared data, never copied into the repository)
and our own no-event sentences (tests/fixtures/events/background*.txt, except the unseen test
file). The regularization and the combination thresholds are chosen by stratified 5-fold
cross-validation; `cross_validate` nests that choice inside each outer fold, so the figure it
gives is for sentences neither the weights nor the thresholds saw (the rules stay fixed). Needs
scikit-learn; deterministic (fixed folds, lbfgs).
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.events.classifier import MODEL_PATH, NONE, Model, Thresholds, combine, decide
from storyline.events.features import featurize
from storyline.events.plover import EventCoder

REPO = Path(__file__).resolve().parents[3]
BACKGROUND_FILES = ("background.txt", "background_more.txt")
SEED = 13
FOLDS = 5
C_GRID = (3.0, 10.0, 30.0, 100.0)
T_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01)
"""Candidate probability thresholds; 1.01 means the classifier never decides that case."""


@dataclass
class TrainingSet:
    """Feature rows, gold labels (NONE for background) and the fixed rules' answers."""

    features: np.ndarray
    labels: list[str]
    rule_types: list[str | None]
    rule_confidences: list[float]


def shared_data() -> Path:
    configured = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "data"


def background_sentences(folder: Path = REPO / "tests" / "fixtures" / "events") -> list[str]:
    lines: list[str] = []
    for name in BACKGROUND_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        lines.extend(s for s in text.splitlines() if s.strip() and not s.startswith("#"))
    return lines


def build(texts: Sequence[str], labels: Sequence[str], coder: EventCoder) -> TrainingSet:
    """Parse each text as one span (as the benchmark does), read it with the rules, featurize."""
    docs = list(coder.nlp.pipe(texts))
    readings = [coder.read(doc[:]) for doc in docs]
    return TrainingSet(
        featurize([r.span for r in readings]), list(labels),
        [r.rule.type if r.rule else None for r in readings],
        [r.rule.confidence if r.rule else 0.0 for r in readings])


def load_training(coder: EventCoder | None = None) -> TrainingSet:
    """The PLOVER development sentences plus our background sentences."""
    path = shared_data() / "plover" / "events.jsonl"
    if not path.exists():
        raise SystemExit(f"PLOVER development data not found at {path} "
                         "(set STORYLINE_SHARED_DATA)")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    background = background_sentences()
    texts = [r["text"] for r in records] + background
    labels = [r["gold_event"] for r in records] + [NONE] * len(background)
    return build(texts, labels, coder or EventCoder(classifier=False))


def fit(x: np.ndarray, y: Sequence[str], c: float, thresholds: Thresholds) -> Model:
    """Multinomial logistic regression (L2, lbfgs: deterministic) on the raw features: unit
    embeddings and 0/1 flags need no standardization (it made cross-validated accuracy worse)."""
    from sklearn.linear_model import LogisticRegression

    mean = np.zeros(x.shape[1])
    scale = np.ones(x.shape[1])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    clf.fit(x, list(y))
    return Model(tuple(str(k) for k in clf.classes_), mean, scale, clf.coef_.copy(),
                 clf.intercept_.copy(), thresholds)


def splits(labels: Sequence[str], folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    warnings.filterwarnings("ignore", message="The least populated class")
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    return list(splitter.split(np.zeros(len(labels)), list(labels)))


def combined(data: TrainingSet, index: Sequence[int], probs: np.ndarray,
             classes: tuple[str, ...], thresholds: Thresholds) -> list[str | None]:
    out = []
    for i, row in zip(index, probs, strict=True):
        decided = combine(data.rule_types[i], data.rule_confidences[i], row, classes, thresholds)
        out.append(decided[0] if decided else None)
    return out


def objective(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Mean of event accuracy and background correctness: one false event on our small
    background set costs about as much as five missed or wrong events."""
    events = [(g, p) for g, p in zip(gold, pred, strict=True) if g != NONE]
    background = [p for g, p in zip(gold, pred, strict=True) if g == NONE]
    event_acc = sum(g == p for g, p in events) / max(1, len(events))
    background_ok = sum(p is None for p in background) / max(1, len(background))
    return (event_acc + background_ok) / 2


def out_of_fold(data: TrainingSet, index: np.ndarray, c: float) -> tuple[np.ndarray, tuple]:
    """Out-of-fold class probabilities over `index`, columns in the order of all labels."""
    classes = tuple(sorted(set(data.labels)))
    probs = np.zeros((len(index), len(classes)))
    labels = [data.labels[i] for i in index]
    for train, test in splits(labels):
        model = fit(data.features[index[train]], [labels[j] for j in train], c,
                    Thresholds(1.01, 1.01, 1.01))
        cols = [classes.index(k) for k in model.classes]
        probs[np.ix_(test, cols)] = model.proba(data.features[index[test]])
    return probs, classes


def choose(data: TrainingSet, index: np.ndarray) -> tuple[float, Thresholds]:
    """On `index` by inner CV: the regularization that makes the best classifier alone, then the
    thresholds that make the best combination with the rules."""
    gold = [data.labels[i] for i in index]
    scored = []
    for c in C_GRID:
        probs, classes = out_of_fold(data, index, c)
        tops = [classes[k] for k in np.argmax(probs, axis=1)]
        alone = [None if t == NONE else t for t in tops]
        scored.append((objective(gold, alone), -c, probs, classes))
    _, neg_c, probs, classes = max(scored, key=lambda s: (s[0], s[1]))
    tops = [classes[k] for k in np.argmax(probs, axis=1)]
    top_p = probs.max(axis=1)
    best: tuple[float, Thresholds] | None = None
    for add in T_GRID:
        for weak in T_GRID:
            for strong in (0.9, 1.01):
                thresholds = Thresholds(add, weak, strong)
                pred = []
                for i, top, p in zip(index, tops, top_p, strict=True):
                    decided = decide(data.rule_types[i], data.rule_confidences[i], top, float(p),
                                     thresholds)
                    pred.append(decided[0] if decided else None)
                score = objective(gold, pred)
                if best is None or score > best[0] + 1e-9:
                    best = (score, thresholds)
    assert best is not None
    return -neg_c, best[1]


def cross_validate(data: TrainingSet) -> dict[str, list[str | None]]:
    """Out-of-fold predictions on the training set: the classifier alone (argmax) and combined
    with the rules, each outer fold choosing C and thresholds by an inner 5-fold CV."""
    alone: list[str | None] = [None] * len(data.labels)
    both: list[str | None] = [None] * len(data.labels)
    for train, test in splits(data.labels):
        c, thresholds = choose(data, train)
        model = fit(data.features[train], [data.labels[i] for i in train], c, thresholds)
        probs = model.proba(data.features[test])
        for i, row in zip(test, probs, strict=True):
            top = model.classes[int(np.argmax(row))]
            alone[i] = None if top == NONE else top
        for i, kind in zip(test, combined(data, test, probs, model.classes, thresholds),
                           strict=True):
            both[i] = kind
    return {"classifier": alone, "combined": both}


def train(data: TrainingSet) -> tuple[Model, float]:
    """The shipped model: C and thresholds by CV on all training data, then fitted on all."""
    index = np.arange(len(data.labels))
    c, thresholds = choose(data, index)
    return fit(data.features, data.labels, c, thresholds), c


def main() -> None:
    data = load_training()
    model, c = train(data)
    model.save(MODEL_PATH)
    t = model.thresholds
    print(f"trained on {sum(k != NONE for k in data.labels)} event and "
          f"{sum(k == NONE for k in data.labels)} background sentences; C={c}, thresholds "
          f"add={t.add} replace-noun-cue={t.replace_weak} overrule-verb-cue={t.replace_strong}")
    print(f"wrote {MODEL_PATH.relative_to(REPO)} ({MODEL_PATH.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    sys.exit(main())
