"""The body classifier: which blocks of a plain-text page belong to the article.

A small gradient-boosted tree model over the block features of `blocks.py`, trained by
`python -m storyline.clean.train` on the development pages only and measured there with
site-grouped cross-validation. Here only numpy runs: the trees are stored as flat arrays and
walked for all blocks and trees at once, so scikit-learn is never needed at run time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.clean.blocks import FEATURE_NAMES

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "body_model.npz"
KEEP_AT = 0.5
"""A block whose body probability is below this is page chrome."""


@dataclass(frozen=True, eq=False)
class TreeModel:
    """Trees as flat arrays; a leaf points to itself, so walking `depth` steps from the roots
    lands every block on its leaf in every tree."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    baseline: float
    names: tuple[str, ...]

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(body) for each row of `features` (columns as `names`)."""
        if len(features) == 0:
            return np.zeros(0)
        flat = np.ascontiguousarray(features, dtype=np.float64).ravel()
        start = (np.arange(len(features)) * features.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (len(features), len(self.roots)))
        for _ in range(self.depth):  # flat takes: several times faster than 2-D indexing
            value = flat.take(start + self.feature.take(node))
            node = self._children.take(2 * node + (value <= self.threshold.take(node)))
        raw = self.baseline + self.value.take(node).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))

    @functools.cached_property
    def _children(self) -> np.ndarray:
        """Right child at 2k, left child at 2k + 1: a step is one take."""
        children = np.empty(2 * len(self.left), dtype=np.intp)
        children[0::2], children[1::2] = self.right, self.left
        return children

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {
            "feature": self.feature, "threshold": self.threshold, "left": self.left,
            "right": self.right, "value": self.value, "roots": self.roots,
            "depth": np.asarray(self.depth), "baseline": np.asarray(self.baseline),
            "names": np.asarray(self.names),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> TreeModel:
        return cls(
            feature=arrays["feature"].astype(np.intp), threshold=arrays["threshold"],
            left=arrays["left"].astype(np.intp), right=arrays["right"].astype(np.intp),
            value=arrays["value"], roots=arrays["roots"].astype(np.intp),
            depth=int(arrays["depth"]), baseline=float(arrays["baseline"]),
            names=tuple(str(n) for n in arrays["names"]),
        )


@functools.cache
def shipped_model() -> TreeModel:
    with np.load(MODEL_PATH) as data:
        model = TreeModel.from_arrays(dict(data))
    if model.names != FEATURE_NAMES:
        raise RuntimeError("the shipped body model was trained on other block features; "
                           "retrain it with `python -m storyline.clean.train`")
    return model
