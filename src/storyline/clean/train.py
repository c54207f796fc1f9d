"""Train the body classifier: `python -m storyline.clean.train` writes data/body_model.npz.

Training data, development sets only (never copied into the repository):
- the scraped pages of `plaintext/`: every block is labelled by whether trafilatura, run on the
  page's HTML source in `boilerplate/`, keeps it (a teacher that sees the markup), and the gold
  snippets of the page override the teacher where they fall;
- the clean articles of `basil/`: pages that are all body, so that an article already clean is
  never cut.
Each page weighs the same whatever its length; gold-labelled blocks weigh three times a
teacher label. The tree settings are chosen inside each fold of a site-grouped
cross-validation, so `--cv` reports pages of sites that neither the trees nor their settings
saw. Needs scikit-learn and trafilatura; deterministic (fixed folds and seeds, no early stop).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.clean.blocks import FEATURE_NAMES, block_features, split_blocks
from storyline.clean.body import MODEL_PATH, TreeModel
from storyline.clean.plain import classify_blocks, rule_verdicts

REPO = Path(__file__).resolve().parents[3]
FOLDS = 5
GOLD_WEIGHT = 3.0
SETTINGS = ((4, 200), (6, 100), (6, 200))
"""Candidate (max depth, trees); chosen per fold by an inner grouped cross-validation."""
_NO_SPACE = re.compile(r"\s+")


def shared_data() -> Path:
    configured = os.environ.get("STORYLINE_SHARED_DATA")
    path = Path(configured) if configured else REPO.parent / "shared" / "data"
    if not (path / "plaintext").is_dir():
        sys.exit(f"development data not found at {path} (set STORYLINE_SHARED_DATA)")
    return path


@dataclass
class Page:
    """One training page: its blocks' features, labels and weights, and for scraped pages the
    gold snippets to score it with."""

    group: str
    features: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    texts: list[str]
    record: dict | None = None
    verdicts: list[str | None] | None = None


def _squeeze(text: str) -> str:
    return _NO_SPACE.sub("", text)


def _unmangled(text: str) -> str:
    """The text as it reads when UTF-8 bytes were shown as cp1252 (mojibake), else itself."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def teacher_labels(texts: Sequence[str], extracted: str) -> list[int]:
    """1 for a block trafilatura's main text holds: the same paragraph, or (for blocks of 30+
    characters) a part of it. Short blocks must match a whole paragraph, else every "Share"
    or "Video" would be found somewhere in the text."""
    paragraphs = {_squeeze(p) for p in extracted.split("\n") if p.strip()}
    whole = "".join(sorted(paragraphs, key=extracted.find))
    labels = []
    for text in texts:
        forms = {_squeeze(text), _squeeze(_unmangled(text))}
        labels.append(int(any(f in paragraphs or (len(f) >= 30 and f in whole) for f in forms)))
    return labels


def _page(group: str, texts: list[str], labels: list[int], weights: list[float],
          record: dict | None) -> Page:
    verdicts = rule_verdicts(texts)
    scale = 100.0 / max(1, len(texts))
    return Page(group, block_features(texts, verdicts), np.asarray(labels, dtype=float),
                np.asarray(weights) * scale, texts, record, verdicts)


def scraped_pages(root: Path) -> list[Page]:
    import trafilatura

    from storyline.read.html import decode_html

    sources = {}
    for line in (root / "boilerplate" / "gold.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        sources[record["file"]] = record["path"]
    pages = []
    for line in (root / "plaintext" / "gold.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        text = (root / "plaintext" / record["path"]).read_text(encoding="utf-8")
        texts = split_blocks(text.splitlines()).texts
        html = decode_html(gzip.decompress(
            (root / "boilerplate" / sources[record["source_file"]]).read_bytes()))
        extracted = trafilatura.extract(html, include_comments=False, include_tables=True,
                                        deduplicate=False) or ""
        labels = teacher_labels(texts, extracted)
        weights = [1.0] * len(texts)
        for key, value in (("with", 1), ("without", 0)):
            for snippet in record[key]:
                wanted = " ".join(snippet.split())
                for k, block in enumerate(texts):
                    if wanted in block:
                        labels[k], weights[k] = value, GOLD_WEIGHT
        pages.append(_page(record["domain"], texts, labels, weights, record))
    return pages


def clean_pages(root: Path) -> list[Page]:
    pages = []
    for line in (root / "basil" / "articles.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        texts = split_blocks(record["text"].splitlines()).texts
        verdicts = rule_verdicts(texts)
        pages.append(_page(f"basil:{record.get('gold_story', record['id'])}", texts,
                           [0 if v else 1 for v in verdicts], [1.0] * len(texts), None))
    return pages


def fit(pages: Sequence[Page], depth: int, trees: int) -> TreeModel:
    """Fit on one thread: histogram sums in a fixed order give the same trees on every run."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    classifier = HistGradientBoostingClassifier(
        max_iter=trees, max_depth=depth, learning_rate=0.1, l2_regularization=1.0,
        early_stopping=False, random_state=0,
    )
    with threadpool_limits(1):
        classifier.fit(np.vstack([p.features for p in pages]),
                       np.concatenate([p.labels for p in pages]),
                       sample_weight=np.concatenate([p.weights for p in pages]))
    return export(classifier, depth)


def export(classifier, depth: int) -> TreeModel:
    """scikit-learn's fitted trees as flat arrays (leaves pointing at themselves)."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    offset = 0
    for (predictor,) in classifier._predictors:  # noqa: SLF001 - the fitted trees
        nodes = predictor.nodes
        roots.append(offset)
        for k, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(np.inf if leaf else float(node["num_threshold"]))
            left.append(offset + (k if leaf else int(node["left"])))
            right.append(offset + (k if leaf else int(node["right"])))
            value.append(float(node["value"]) if leaf else 0.0)
        offset += len(nodes)
    return TreeModel(
        feature=np.asarray(feature, dtype=np.int32), threshold=np.asarray(threshold),
        left=np.asarray(left, dtype=np.int32), right=np.asarray(right, dtype=np.int32),
        value=np.asarray(value), roots=np.asarray(roots, dtype=np.int32), depth=depth,
        baseline=float(np.ravel(classifier._baseline_prediction)[0]),  # noqa: SLF001
        names=FEATURE_NAMES,
    )


def folds_of(pages: Sequence[Page], folds: int = FOLDS) -> list[int]:
    """Fold of each page: groups (sites, BASIL stories) in sorted order, dealt round-robin, so
    no site is split between training and test."""
    groups = sorted({p.group for p in pages})
    fold_of = {g: k % folds for k, g in enumerate(groups)}
    return [fold_of[p.group] for p in pages]


def snippet_score(pages: Sequence[Page], keep: Callable[[Page], list[bool]]) -> tuple:
    """(with kept, without removed, harmonic mean) over the scraped pages' gold snippets."""
    kept = with_total = removed = without_total = 0
    for page in pages:
        if page.record is None:
            continue
        flags = keep(page)
        output = " ".join(t for t, k in zip(page.texts, flags, strict=True) if k)
        for snippet in page.record["with"]:
            with_total += 1
            kept += " ".join(snippet.split()) in output
        for snippet in page.record["without"]:
            without_total += 1
            removed += " ".join(snippet.split()) not in output
    a, b = kept / max(1, with_total), removed / max(1, without_total)
    return a, b, (2 * a * b / (a + b) if a + b else 0.0)


def decisions(model: TreeModel) -> Callable[[Page], list[bool]]:
    """What cleaning keeps of a page with this model: the whole of `plain.classify_blocks`
    (rules, classifier, body bounds), so the figures are those of the shipped cleaner."""

    def keep(page: Page) -> list[bool]:
        return [v is None for v in classify_blocks(page.texts, model=model)]

    return keep


def choose_setting(pages: Sequence[Page]) -> tuple[int, int]:
    """The SETTINGS entry with the best inner grouped CV score on these pages."""
    inner = folds_of(pages, 4)
    best, best_score = SETTINGS[0], -1.0
    for depth, trees in SETTINGS:
        held = []
        for k in range(4):
            model = fit([p for p, f in zip(pages, inner, strict=True) if f != k], depth, trees)
            held.append((model, [p for p, f in zip(pages, inner, strict=True) if f == k]))
        score = _pooled(held)
        if score > best_score:
            best, best_score = (depth, trees), score
    return best


def _pooled(held: list[tuple[TreeModel, list[Page]]]) -> float:
    flags = {}
    for model, pages in held:
        keep = decisions(model)
        for page in pages:
            flags[id(page)] = keep(page)
    return snippet_score([p for _, ps in held for p in ps], lambda p: flags[id(p)])[2]


def cross_validate(pages: Sequence[Page], nested: bool = True) -> tuple[dict, list]:
    """Site-grouped CV: per outer fold, the setting is chosen on the other folds (nested) and
    the model trained there; returns the pooled figures and the held-out decisions per page."""
    fold = folds_of(pages)
    held: list[tuple[TreeModel, list[Page]]] = []
    chosen = []
    for k in range(FOLDS):
        train = [p for p, f in zip(pages, fold, strict=True) if f != k]
        setting = choose_setting(train) if nested else SETTINGS[-1]
        chosen.append(setting)
        held.append((fit(train, *setting), [p for p, f in zip(pages, fold, strict=True)
                                            if f == k]))
    flags = {}
    for model, test in held:
        keep = decisions(model)
        for page in test:
            flags[id(page)] = keep(page)
    scraped = [p for _, ps in held for p in ps if p.record is not None]
    kept, removed, harmonic = snippet_score(scraped, lambda p: flags[id(p)])
    return ({"with_kept": kept, "without_removed": removed, "harmonic": harmonic,
             "settings": chosen},
            [(p, flags[id(p)]) for p in scraped])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="report site-grouped nested CV")
    args = parser.parse_args(argv)
    root = shared_data()
    pages = scraped_pages(root) + clean_pages(root)
    print(f"{sum(p.record is not None for p in pages)} scraped pages, "
          f"{sum(p.record is None for p in pages)} clean articles, "
          f"{sum(len(p.texts) for p in pages)} blocks")
    if args.cv:
        figures, _ = cross_validate(pages)
        print(f"site-grouped nested {FOLDS}-fold CV: with kept {figures['with_kept']:.3f}, "
              f"without removed {figures['without_removed']:.3f}, "
              f"harmonic {figures['harmonic']:.3f}; settings per fold {figures['settings']}")
    setting = choose_setting(pages)
    model = fit(pages, *setting)
    np.savez_compressed(MODEL_PATH, **model.to_arrays())
    print(f"setting (depth, trees) {setting}: {len(model.feature)} nodes -> "
          f"{MODEL_PATH.relative_to(REPO)} ({MODEL_PATH.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
