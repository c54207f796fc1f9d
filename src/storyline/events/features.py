"""Features of one parsed sentence for the event classifier: embeddings plus a few parse flags.

Two WordLlama embeddings — of the whole sentence and of the lemmas on its predicate chain
("refuse extend deal") — let the classifier generalize from the verbs it was trained on to
their synonyms; the flags carry what an average of word vectors cannot see (negation, futurity,
passive voice). The rule coder's own answer is deliberately *not* a feature: the rules were
written while reading the training sentences, so the classifier would learn to trust them more
than they deserve on new text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.events import lexicon as lx
from storyline.events import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

EMBEDDING = "wordllama l2_supercat 256"
"""Which embedding the shipped model was trained on (checked when the model loads)."""
EMBED_DIM = 256
FLAGS = ("negated", "future", "hedge", "passive", "reported", "unless", "quote", "number",
         "no_verb", "question")
"""Parse flags, in feature order after the two embeddings."""
FEATURE_NAMES = ([f"sent{i}" for i in range(EMBED_DIM)] + [f"pred{i}" for i in range(EMBED_DIM)]
                 + list(FLAGS))


@cache
def embedder() -> Any:
    """The WordLlama model shipped inside the wordllama package, loaded once; never downloads.

    Importing wordllama calls `logging.basicConfig(level=INFO)`, which would make every library
    of the host program chatty; the root logger is put back as it was."""
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    import wordllama
    from wordllama import WordLlama

    root.setLevel(level)
    root.handlers[:] = handlers

    folder = Path(wordllama.__file__).resolve().parent
    return WordLlama.load(cache_dir=folder, disable_download=True, dim=EMBED_DIM)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty text gives a zero row)."""
    if not texts:
        return np.zeros((0, EMBED_DIM), dtype=np.float32)
    vectors = np.asarray(embedder().embed(list(texts), norm=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.where(norms > 0, vectors / np.maximum(norms, 1e-9), 0.0).astype(np.float32)


def predicate_words(sent: Span) -> tuple[str, list[float]]:
    """The lemmas of the predicate chain (past reporting verbs) and the parse flags."""
    pred, _ = rules.predicate(sent.root)
    chain: list[Token] = [pred]
    for child in pred.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            chain.append(child)
    words: list[str] = []
    for tok in chain:
        words.append(rules.lemma_of(tok))
        words.extend(rules.lemma_of(c) for c in tok.children
                     if c.dep_ in ("dobj", "prt", "attr", "nsubjpass", "acomp"))
        for prep in rules.children(tok, "prep", "agent"):
            words.extend(rules.lemma_of(o) for o in rules.children(prep, "pobj")
                         if o.pos_ == "NOUN")
    aux = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")
                  for t in chain for c in t.children)
    text = sent.text
    flags = [
        float(negated),
        float(bool(aux & rules.FUTURE_AUX)),
        float(bool(aux & rules.HEDGE_AUX)),
        float(any(c.dep_ in ("nsubjpass", "auxpass") for t in chain for c in t.children)),
        float(rules.lemma_of(sent.root) in lx.REPORTING_VERBS),
        float(any(t.lower_ == "unless" for t in sent)),
        float('"' in text or "\u201c" in text),
        float(any(t.like_num for t in sent)),
        float(not any(t.pos_ == "VERB" for t in sent)),
        float(text.rstrip().endswith("?")),
    ]
    return " ".join(words), flags


def featurize(sents: Sequence[Span]) -> np.ndarray:
    """One feature row per sentence, in FEATURE_NAMES order; embeddings computed in one batch."""
    parsed = [predicate_words(s) for s in sents]
    sentence_vectors = embed([s.text for s in sents])
    predicate_vectors = embed([words for words, _ in parsed])
    flags = np.asarray([f for _, f in parsed], dtype=np.float32).reshape(len(sents), len(FLAGS))
    return np.hstack([sentence_vectors, predicate_vectors, flags])
