"""Common words of 100 languages (jusText's stoplists, converted by scripts/make_stopwords.py).

The share of a block's words that are common words of the page's language is the strongest sign
of running prose (jusText's insight): menus, labels and headline lists have few. The page's
language is the list that covers most of its words, so no language needs a rule of its own.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PATH = Path(__file__).resolve().parents[1] / "data" / "stopwords.json.gz"


@dataclass(frozen=True, eq=False)
class Stoplists:
    """Language names and, per word, the languages whose list holds it."""

    languages: tuple[str, ...]
    lists: tuple[frozenset[str], ...]
    index: dict[str, np.ndarray]

    def best_language(self, words: Iterable[str]) -> int | None:
        """The language whose list covers most of the (lower-cased) words; ties go to the
        language with the shorter list (its words are the more telling), then by name."""
        index = self.index
        found = [ids for ids in map(index.get, words) if ids is not None]
        if not found:
            return None
        counts = np.bincount(np.concatenate(found), minlength=len(self.languages))
        return int(np.argmax(counts * len(self.languages) + self._preference))

    @functools.cached_property
    def _preference(self) -> np.ndarray:
        """Tie-break rank per language: shorter lists first, then earlier names."""
        order = sorted(range(len(self.languages)), key=lambda k: (len(self.lists[k]), k))
        rank = np.zeros(len(self.languages), dtype=np.int64)
        for position, k in enumerate(order):
            rank[k] = len(self.languages) - 1 - position
        return rank

    def share(self, words: Sequence[str], language: int | None) -> float:
        """Share of the words that are on the language's list."""
        if language is None or not words:
            return 0.0
        return sum(map(self.lists[language].__contains__, words)) / len(words)


@functools.cache
def stoplists() -> Stoplists:
    data = json.loads(gzip.decompress(PATH.read_bytes()))["languages"]
    languages = tuple(sorted(data))
    lists = tuple(frozenset(data[name]) for name in languages)
    index: dict[str, list[int]] = {}
    for number, words in enumerate(lists):
        for word in words:
            index.setdefault(word, []).append(number)
    # most words are on one list or the same few: one read-only array per distinct set of
    # languages, not one per word (a fifth of the start-up of every cleaning process)
    arrays: dict[tuple[int, ...], np.ndarray] = {}
    return Stoplists(languages, lists, {
        word: arrays[key] if (key := tuple(ids)) in arrays
        else arrays.setdefault(key, _read_only(ids))
        for word, ids in index.items()})


def _read_only(ids: list[int]) -> np.ndarray:
    array = np.asarray(ids, dtype=np.int64)
    array.setflags(write=False)
    return array
