"""Common words of 100 languages (jusText's stoplists, converted by scripts/make_stopwords.py).

The share of a block's words that are common words of the page's language is the strongest sign
of running prose (jusText's insight): menus, labels and headline lists have few. The page's
language is the list that covers most of its words, so no language needs a rule of its own.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "data" / "stopwords.json.gz"


@dataclass(frozen=True)
class Stoplists:
    """Language names and, per word, the languages whose list holds it."""

    languages: tuple[str, ...]
    lists: tuple[frozenset[str], ...]
    index: dict[str, tuple[int, ...]]

    def best_language(self, words: Iterable[str]) -> int | None:
        """The language whose list covers most of the (lower-cased) words; ties go to the
        language with the shorter list (its words are the more telling), then by name."""
        counts: Counter[int] = Counter()
        for word, n in Counter(words).items():
            for language in self.index.get(word, ()):
                counts[language] += n
        if not counts:
            return None
        return max(counts, key=lambda k: (counts[k], -len(self.lists[k]), -k))

    def share(self, words: list[str], language: int | None) -> float:
        """Share of the words that are on the language's list."""
        if language is None or not words:
            return 0.0
        found = self.lists[language]
        return sum(1 for word in words if word in found) / len(words)


@functools.cache
def stoplists() -> Stoplists:
    data = json.loads(gzip.decompress(PATH.read_bytes()))["languages"]
    languages = tuple(sorted(data))
    lists = tuple(frozenset(data[name]) for name in languages)
    index: dict[str, list[int]] = {}
    for number, words in enumerate(lists):
        for word in words:
            index.setdefault(word, []).append(number)
    return Stoplists(languages, lists, {w: tuple(ids) for w, ids in index.items()})
