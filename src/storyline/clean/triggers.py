"""Costly patterns made cheap without changing what they match.

A long alternation costs Python's `re` a try of every branch at every position of the line, and
the class tests run a dozen such patterns on every line. But every match of most patterns must
contain one of a few literal strings, read off the pattern's own parse (`required_literals`), so
a gate can never disagree with its pattern: when no literal is certain (a branch made of classes
or repeats only), there is no gate and the pattern always runs.

The literals of all gated patterns are found together, in one pass over the lower-cased line by
an Aho-Corasick automaton (`LiteralScan`, compiled code from ahocorasick-rs): the line's *bits*
say which patterns can match it, so one scan serves every class test and each pattern's gate is
one `&`.
An alternation of words written as a trie (`word_alternation`) tries one branch per letter, not
per word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

try:  # the parser behind re.compile; without it patterns simply run ungated
    from re import _constants as _op
    from re import _parser
except ImportError:  # pragma: no cover - other Python implementations
    _parser = None

try:  # how `re` ignores case: a character's simple lower case and its extra cases
    from _sre import unicode_tolower as _tolower
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - other Python implementations: ASCII gates only
    _tolower = _EXTRA_CASES = None

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a platform without its wheel: same bits, found slower
    ahocorasick_rs = None

MAX_LITERALS = 2000
"""Beyond this many literals a gate is not worth building (the automaton's size grows)."""
MAX_STRINGS = 2000
"""The most strings a finite part of a pattern is expanded into (`(a|b)(c|d)` is four)."""
MAX_REPEAT = 3
"""The most repeats of a finite part that are expanded (`(ab){0,2}`); more are not."""
_SCAN_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})
_FOLDED_CHARS = ("ı", "ſ", "\u0307")


def scanned(line: str) -> str:
    """The line as the literal scan reads it: lower-cased, ı and ſ read as i and s, combining
    dots above dropped (so İ reads as i). Each character is mapped on its own, so a literal
    found in a line is found, mapped the same way, in its scanned form. (`translate` is slow:
    it runs only on the rare line that holds one of the three.)"""
    low = line.lower()
    if any(map(low.__contains__, _FOLDED_CHARS)):
        return low.translate(_SCAN_FOLD)
    return low


@functools.cache
def _caseless_char(char: str) -> str | None:
    """What every character that `char` matches in a case-insensitive pattern reads as in the
    scanned line, or None when they read as several.

    `re` matches x to `char` when x's simple lower case is `char`'s or one of the few extra
    cases `re` lists for it (ı for i, ſ for s, ϐ for β…). A character's scanned form is its
    simple lower case, scanned (İ, the one letter with another full lower case, scans as i
    too). So all of them read alike exactly when the extras scan as `char` does: true for
    every ASCII character and every letter without extras; not for β, в, σ… (the tests check
    this against `re` over all of Unicode)."""
    if _tolower is None or _EXTRA_CASES is None:
        ascii_safe = char.isascii() and char not in "isIS"
        return char.lower() if ascii_safe else None
    low = _tolower(ord(char))
    images = {scanned(chr(c)) for c in (low, *_EXTRA_CASES.get(low, ()))}
    return images.pop() if len(images) == 1 else None


Literals = frozenset[str]


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (lower-cased when the pattern
    ignores case: then look for them in the lower-cased text), the most telling set first
    (its shortest literal the longest); None when no set of at most MAX_LITERALS is certain.

    A run of parts that each match one of finitely many strings (literal characters, small
    character sets, groups and alternations of them, optional parts, lookarounds, which match
    no characters) is expanded into every string it matches: each match contains one of them.
    """
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another version: no gate, same answers
        return None
    _, found = _sequence(list(tree), bool(tree.state.flags & re.IGNORECASE))
    if found is None or not found or len(found) > MAX_LITERALS:
        return None
    # a literal that holds another one is implied by it
    kept = [s for s in found if not any(o != s and o in s for o in found)]
    return tuple(sorted(kept, key=lambda s: (len(s), s)))


def _score(literals: Literals) -> tuple[int, int]:
    """Longer literals are rarer in text: the set whose shortest literal is longest is the
    best gate, and of two such the smaller set."""
    return (min(len(s) for s in literals), -len(literals))


def _product(first: set[str], second: set[str]) -> set[str] | None:
    if len(first) * len(second) > MAX_STRINGS:
        return None
    return {a + b for a in first for b in second}


def _sequence(items: list, caseless: bool) -> tuple[set[str] | None, Literals | None]:
    """(every string the sequence can match when they are few, else None; the best set of
    literals one of which every match contains, or None). A run of finite parts is one
    requirement: the strings of their concatenation."""
    best: Literals | None = None
    run: set[str] = {""}
    finite = True

    def consider(candidate: Iterable[str] | None) -> None:
        nonlocal best
        if candidate is None:
            return
        candidate = frozenset(candidate)
        if candidate and all(candidate) and len(candidate) <= MAX_LITERALS and (
                best is None or _score(candidate) > _score(best)):
            best = candidate

    for op, arg in items:
        strings, required = _part(op, arg, caseless)
        if strings is not None:
            joined = _product(run, strings)
            if joined is not None:
                run = joined
                continue
            consider(run)  # too many strings: what the run held so far is still required
            run, finite = strings, False
            continue
        finite = False
        consider(run)
        run = {""}
        consider(required)
    consider(run)
    return (run if finite else None), best


def _part(op, arg, caseless: bool) -> tuple[set[str] | None, Literals | None]:
    """(the strings one part of a pattern matches when they are few; else None and what its
    matches require, if anything)."""
    if op is _op.LITERAL:
        char = chr(arg) if not caseless else _caseless_char(chr(arg))
        return ({char}, None) if char is not None else (None, None)
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
        return {""}, None  # matches no characters: the strings around it stay adjacent
    if op is _op.IN:
        chars = set()
        for kind, value in arg:
            char = None
            if kind is _op.LITERAL:  # not a range, a category or a negated set
                char = chr(value) if not caseless else _caseless_char(chr(value))
            if char is None:
                return None, None
            chars.add(char)
        return chars, None
    if op is _op.SUBPATTERN:
        _, add_flags, del_flags, sub = arg
        inner = (caseless or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
        if inner != caseless:  # a group that switches case handling is not looked into
            return None, None
        return _sequence(list(sub), caseless)
    if op is _op.BRANCH:
        results = [_sequence(list(branch), caseless) for branch in arg[1]]
        strings: set[str] | None = set()
        for finite, _ in results:
            if finite is None or strings is None or len(strings) + len(finite) > MAX_STRINGS:
                strings = None
                break
            strings |= finite
        # every branch must require something for the alternation to
        needed = [required for _, required in results]
        required = frozenset().union(*needed) if all(n is not None for n in needed) else None
        return strings, required
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT):
        low, high, sub = arg
        finite, required = _sequence(list(sub), caseless)
        if finite is not None and high <= MAX_REPEAT:
            strings: set[str] | None = {""} if low == 0 else set()
            power: set[str] | None = {""}
            for count in range(1, high + 1):
                power = _product(power, finite) if power is not None else None
                if power is None:
                    strings = None
                    break
                if count >= low:
                    strings |= power
            if strings is not None and len(strings) <= MAX_STRINGS:
                return strings, None
        return None, (required if low >= 1 else None)
    return None, None


class LiteralScan:
    """The literals of many patterns, found in one pass over a line's `scanned` form.

    Each pattern registered gets a bit; `bits(line)` has the bit of every pattern one of whose
    literals the line holds, and of every pattern registered without literals (it can match
    anything). The automaton (a DFA over all the literals, every occurrence reported, overlaps
    included) costs about what ten `in` tests of a literal do; without it (a platform with no
    ahocorasick-rs wheel) each literal is looked for in turn: the same bits, more slowly.
    Cached per line: every gate of every class test asks."""

    def __init__(self) -> None:
        self._masks: dict[str, int] = {}
        self._always = 0
        self._also: list[tuple[Callable[[str], bool], int]] = []
        self._count = 0
        self._automaton = None
        self._literal_masks: list[int] = []
        self._built = False
        self.bits = functools.lru_cache(maxsize=2048)(self._bits)

    def register(self, literals: Iterable[str] | None,
                 also: Callable[[str], bool] | None = None) -> int:
        """The bit of a pattern whose matches each hold one of `literals` (as found in the
        line's `scanned` form, into which they are mapped too; None: no gate). `also(scan)`
        names the lines, by their scanned form, that the pattern may match though they hold no
        literal."""
        bit = 1 << self._count
        self._count += 1
        if literals is None:
            self._always |= bit
        else:
            for literal in literals:
                literal = literal.translate(_SCAN_FOLD)
                self._masks[literal] = self._masks.get(literal, 0) | bit
        if also is not None:
            self._also.append((also, bit))
        self._built = False  # built again, with the new literals, at the next scan
        self.bits.cache_clear()
        return bit

    def without_automaton(self) -> LiteralScan:
        """The same registrations, looked for literal by literal (for the tests)."""
        plain = LiteralScan()
        plain._masks, plain._always, plain._also = self._masks, self._always, self._also
        plain._built = True
        return plain

    def _build(self) -> None:
        self._automaton = None
        if ahocorasick_rs is not None and self._masks:
            literals = list(self._masks)
            self._automaton = ahocorasick_rs.AhoCorasick(
                literals, matchkind=ahocorasick_rs.MatchKind.Standard,
                implementation=ahocorasick_rs.Implementation.DFA)
            self._literal_masks = [self._masks[literal] for literal in literals]
        self._built = True

    def _bits(self, line: str) -> int:
        if not self._built:
            self._build()
        low = scanned(line)
        found = self._always
        if self._automaton is not None:
            masks = self._literal_masks
            for index, _, _ in self._automaton.find_matches_as_indexes(low, overlapping=True):
                found |= masks[index]
        else:
            for literal, mask in self._masks.items():
                if literal in low:
                    found |= mask
        for test, bit in self._also:
            if test(low):
                found |= bit
        return found


SCAN = LiteralScan()
"""The one scan every gated pattern of the cleaning rules registers with."""
lower = functools.lru_cache(maxsize=2048)(str.lower)
"""The lower-cased line (cached: each class test and gate asks for it)."""


class Gated:
    """A pattern run as it is, on the lines whose scan finds one of the literals its matches
    need. A case-sensitive pattern's literals are looked for lower-cased: a weaker but still
    certain test, as lower-casing a line lower-cases each of its substrings (no literal may
    hold Σ, the one letter lower-cased by its context)."""

    def __init__(self, pattern: re.Pattern[str], also: Callable[[str], bool] | None = None,
                 folded: bool = False, gate: bool = True) -> None:
        self.pattern = pattern.pattern
        self.compiled = pattern
        literals = required_literals(pattern) if gate else None
        if literals is not None and not folded and not (pattern.flags & re.IGNORECASE):
            literals = None if any("Σ" in s for s in literals) else tuple(
                s.lower() for s in literals)
        self.literals = literals
        self.bit = SCAN.register(literals, also)
        if literals is None and also is None and not folded:  # never gated: no detour
            self.search, self.match, self.subn = pattern.search, pattern.match, pattern.subn

    def may_match(self, line: str) -> bool:
        return bool(SCAN.bits(line) & self.bit)

    def search(self, line: str, *where: int) -> re.Match[str] | None:
        """`re.Pattern.search`; a match in part of the line is a match in the line."""
        return self.compiled.search(line, *where) if self.may_match(line) else None

    def match(self, line: str, *where: int) -> re.Match[str] | None:
        return self.compiled.match(line, *where) if self.may_match(line) else None

    def subn(self, replacement: str, line: str) -> tuple[str, int]:
        return self.compiled.subn(replacement, line) if self.may_match(line) else (line, 0)

    def split(self, line: str) -> list[str]:
        return self.compiled.split(line)

    def sub(self, replacement: str, line: str) -> str:
        return self.compiled.sub(replacement, line)


class Folded(Gated):
    """A case-insensitive pattern run on the lower-cased line without the flag: Python's `re`
    is several times faster that way on long alternations of words. Used only for patterns
    written in lower case with no case-sensitive part."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__(re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE),
                         folded=True)

    def search(self, line: str) -> re.Match[str] | None:
        return self.compiled.search(lower(line)) if SCAN.bits(line) & self.bit else None

    def match(self, line: str) -> re.Match[str] | None:
        return self.compiled.match(lower(line)) if SCAN.bits(line) & self.bit else None


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
