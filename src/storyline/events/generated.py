"""The generated CAMEO lexicon: PETRARCH2's CAMEO verb dictionary mapped to PLOVER through
PLOVER's own CAMEO→PLOVER table (`data/cameo_lexicon.json`, written by
`scripts/make_cameo_lexicon.py`; attribution in the file's `source`).

It is read where the hand lexicon (`lexicon.py`) is silent: a verb lemma's type, and a verb with
its particle, object noun or prepositional noun ("imposed sanctions", "put down the riot",
"looked into allegations").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

Entry = tuple[str, str | None]


def noun_key(word: str) -> str:
    """A noun as the table keys it: lower case, a regular plural made singular ("sanctions" →
    "sanction", "rallies" → "rally"); "arms", "talks", "news" and words in -ss/-us/-is kept."""
    word = word.lower()
    if word in KEEP_PLURAL or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


KEEP_PLURAL = frozenset({"arms", "talks", "news", "troops", "forces", "means", "series",
                         "species", "headquarters", "relations", "goods",
                         "premises", "ties", "hostilities"})
"""Plurals that name something else than their singular, kept as written."""


@cache
def table() -> dict:
    raw = resources.files("storyline").joinpath("data", "cameo_lexicon.json").read_text("utf-8")
    return json.loads(raw)


def verb_entry(lemma: str) -> Entry | None:
    """The type (and mode) CAMEO gives a verb used alone, or None."""
    found = table()["verbs"].get(lemma)
    return (found[0], found[1]) if found else None


@cache
def _sets_of() -> dict[str, tuple[str, ...]]:
    """Noun → the CAMEO synonym sets ("&weapon") it belongs to."""
    found: dict[str, list[str]] = {}
    for name, nouns in table()["sets"].items():
        for noun in nouns:
            found.setdefault(noun, []).append(name)
    return {noun: tuple(names) for noun, names in found.items()}


def noun_keys(*forms: str) -> list[str]:
    """The keys a noun is looked up under: its forms as `noun_key` gives them, then the CAMEO
    synonym sets they belong to."""
    keys: list[str] = []
    for form in forms:
        key = noun_key(form)
        if key and key not in keys:
            keys.append(key)
    for key in list(keys):
        keys.extend(s for s in _sets_of().get(key, ()) if s not in keys)
    return keys


def pattern_entry(lemma: str, words: str) -> tuple[bool, Entry | None]:
    """Whether CAMEO has the pattern "lemma words" in one of the verb's synsets (the first
    synset that has it), and its type; (True, None) where CAMEO says it is no event."""
    data = table()
    for synset in data["synsets"].get(lemma, ()):
        patterns = data["patterns"].get(synset, {})
        if words in patterns:
            found = patterns[words]
            return True, (found[0], found[1]) if found else None
    return False, None
