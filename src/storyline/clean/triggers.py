"""Costly patterns made cheap without changing what they match.

A long alternation costs Python's `re` a try of every branch at every position of the line.
`str.__contains__` finds a literal far faster, so a pattern can be gated by the literal strings
one of which every match must contain: `required_literals` reads them off the pattern's own
parse, so a gate can never disagree with its pattern (when no literal is certain, a branch made
of classes or repeats only, there is no gate and the pattern always runs). And an alternation
of words written as a trie (`word_alternation`) tries one branch per letter, not per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser behind re.compile; without it patterns simply run ungated
    from re import _constants as _op
    from re import _parser
except ImportError:  # pragma: no cover - other Python implementations
    _parser = None

MAX_LITERALS = 40
"""Beyond this many literals, looking for each costs about what the pattern itself does."""
_CASELESS_SAFE = frozenset(chr(c) for c in range(128)) - set("isIS")
"""Characters that a case-insensitive pattern matches only as themselves or their ASCII case
partner, so a literal made of them is found in the lower-cased line. Not i and s: their
partners ı and ſ lower-case to themselves."""

Literals = frozenset[str]


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (lower-cased when the pattern
    ignores case: then look for them in the lower-cased text), fewest and longest first; None
    when no set of at most MAX_LITERALS is certain."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another version: no gate, same answers
        return None
    found = _required(list(tree), bool(tree.state.flags & re.IGNORECASE))
    if found is None or not found or len(found) > MAX_LITERALS:
        return None
    # a literal that holds another one is implied by it
    kept = [s for s in found if not any(o != s and o in s for o in found)]
    return tuple(sorted(kept, key=lambda s: (len(s), s)))


def _score(literals: Literals) -> tuple[int, int]:
    return (-len(literals), min(len(s) for s in literals))


def _required(items: list, caseless: bool) -> Literals | None:
    """For a sequence: the best of its items' requirements (any one of them is necessary),
    where a run of literal characters is one requirement."""
    best: Literals | None = None
    run: list[str] = []

    def consider(candidate: Literals | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or _score(candidate) > _score(best)):
            best = candidate

    for op, arg in items:
        if op is _op.LITERAL:
            char = chr(arg)
            if not caseless or char in _CASELESS_SAFE:
                run.append(char.lower() if caseless else char)
                continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is _op.SUBPATTERN:
            _, add_flags, del_flags, sub = arg
            inner = (caseless or bool(add_flags & re.IGNORECASE)) and not (
                del_flags & re.IGNORECASE)
            if inner == caseless:  # a group that switches case handling is not looked into
                consider(_required(list(sub), caseless))
        elif op is _op.BRANCH:
            branches = [_required(list(branch), caseless) for branch in arg[1]]
            if all(b is not None for b in branches):
                consider(frozenset().union(*branches))
        elif op in (_op.MAX_REPEAT, _op.MIN_REPEAT) and arg[0] >= 1:
            consider(_required(list(arg[2]), caseless))
    if run:
        consider(frozenset({"".join(run)}))
    return best


def may_match(text: str, literals: tuple[str, ...] | None) -> bool:
    """False only when `text` holds none of the literals, so the pattern cannot match it."""
    if literals is None:
        return True
    for literal in literals:
        if literal in text:
            return True
    return False


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation matching exactly these words, written as a trie (`a(?:bo|pp)`…)."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
