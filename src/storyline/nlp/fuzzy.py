"""Conservative fuzzy matching of names that are in no table: misspellings, not different people.

Two people who share a surname (Bashar and Asma al-Assad) or whose surnames merely look alike
(Erdogan and Erdem, Lavrov and Lavrentiev) must never merge, so a person matches only when the
surname is nearly identical after transliteration folding AND the first names agree too.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from storyline.nlp.names import key, name_tokens, translit

SURNAME_MIN = 88.0
"""Least rapidfuzz ratio between transliterated surnames (Shoigou/Shoigu 91, Erdem/Erdogan 50)."""
FIRST_NAME_MIN = 80.0
"""Least ratio between first names once the surnames match (Sergei/Sergey, Mohamed/Mohammad)."""
SINGLE_MIN = 90.0
"""A lone surname needs more: there is no first name to confirm it."""
OTHER_MIN = 92.0
"""Organizations and places: token-sorted ratio over whole names with the same number of words."""


class PersonIndex:
    """Full personal names as transliterated token lists, for fuzzy lookup."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, ...]] = {}
        self._single: dict[str, set[str]] = {}

    def add(self, spelling: str, canonical: str) -> None:
        """A full name, or a lone name that on its own names this person ("Erdogan")."""
        tokens = tuple(translit(t) for t in name_tokens(spelling))
        if len(tokens) >= 2:
            self._names.setdefault(f"{canonical}\t{' '.join(tokens)}", tokens)
        elif tokens:
            self._single.setdefault(tokens[0], set()).add(canonical)

    def match(self, mention: str) -> str | None:
        """The one person a name is a variant spelling of, or None when none or several fit."""
        tokens = [translit(t) for t in name_tokens(mention)]
        if not tokens or len(tokens[-1]) < 4:
            return None
        found: dict[str, float] = {}
        if len(tokens) == 1:
            for single, canonicals in self._single.items():
                score = fuzz.ratio(tokens[0], single)
                if (score >= SINGLE_MIN and single[0] == tokens[0][0]
                        and not feminine_pair(single, tokens[0])):
                    for canonical in canonicals:
                        found[canonical] = max(score, found.get(canonical, 0.0))
            return _unique_best(found)
        for label, candidate in self._names.items():
            canonical = label.split("\t", 1)[0]
            surname = fuzz.ratio(tokens[-1], candidate[-1])
            first = fuzz.ratio(tokens[0], candidate[0])
            initial = len(tokens[0]) == 1 and tokens[0] == candidate[0][0]
            score = surname + first
            if feminine_pair(tokens[-1], candidate[-1]):
                continue
            if surname >= SURNAME_MIN and (first >= FIRST_NAME_MIN or initial):
                found[canonical] = max(score, found.get(canonical, 0.0))
        return _unique_best(found)


def match_other(mention: str, candidates: Iterable[tuple[str, str]]) -> str | None:
    """The one organization/place whose (spelling, canonical) pairs fit the mention closely."""
    k = key(mention)
    if len(k) < 8:
        return None
    words = len(k.split())
    found: dict[str, float] = {}
    for spelling, canonical in candidates:
        if len(spelling.split()) != words or spelling[0] != k[0]:
            continue
        score = fuzz.token_sort_ratio(k, spelling)
        if score >= OTHER_MIN and score > found.get(canonical, 0.0):
            found[canonical] = score
    return _unique_best(found)


def feminine_pair(a: str, b: str) -> bool:
    """Peskov/Peskova, Zakharov/Zakharova: a Slavic surname and its feminine form are two people."""
    short, long = sorted((a, b), key=len)
    return long == f"{short}a" or (short.endswith("i") and long == f"{short[:-1]}aia")


def _unique_best(found: dict[str, float]) -> str | None:
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 3.0:
        return None
    return ranked[0][0]
