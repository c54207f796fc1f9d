"""Literal gates of the costly class and line-rule patterns: read off the pattern, found for
all patterns in one scan of the line, never wrong about a line the pattern matches."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from storyline.clean import classes, lines, vocabulary
from storyline.clean.triggers import (
    MAX_LITERALS,
    SCAN,
    Folded,
    Gated,
    _caseless_char,
    lower,
    may_match,
    required_literals,
    scanned,
    word_alternation,
)

SCRAPED = Path(__file__).parent / "fixtures" / "scraped"


def test_every_branch_gives_one_literal():
    pattern = re.compile(r"©|\bcopyright\b|all rights|rights reserved|reproduction (is|in)")
    assert required_literals(pattern) == (
        "©", "copyright", "all rights", "reproduction in", "reproduction is", "rights reserved")


def test_a_branch_without_a_certain_literal_means_no_gate():
    assert required_literals(re.compile(r"said|\d+ times")) == ("said", " times")
    assert required_literals(re.compile(r"said|\w+ly")) == ("ly", "said")
    assert required_literals(re.compile(r"said|\w+")) is None
    assert required_literals(re.compile(r"(said)?\s+ago")) == ("ago",)
    assert required_literals(re.compile(r"(?:said)?\d")) is None


def test_finite_parts_are_expanded_into_the_strings_they_match():
    assert required_literals(re.compile(r"(?<!\w)(a(?:bo|pp)|vostr[oa])(?!\w)")) == (
        "abo", "app", "vostra", "vostro")
    assert required_literals(re.compile(r"(site|web ?site|theme) by\b")) == (
        "site by", "theme by")  # "website by" and "web site by" hold "site by"
    assert required_literals(re.compile(r"\d+ (min|hour)s? ago")) == (
        " min ago", " hour ago", " mins ago", " hours ago")


def test_a_literal_that_holds_another_is_dropped():
    assert required_literals(re.compile(r"comment|comments|no comment")) == ("comment",)


def test_too_many_literals_mean_no_gate():
    words = [f"{'abcdefghijklmnopqrstuvwxyz'[k % 26]}{k}q" for k in range(MAX_LITERALS + 1)]
    assert required_literals(re.compile("|".join(words))) is None
    assert required_literals(re.compile("|".join(words[:MAX_LITERALS]))) is not None


def test_caseless_literals_are_read_as_the_scan_reads_the_line():
    # ı and ſ match i and s when case is ignored: the scan reads them as i and s
    assert required_literals(re.compile("Powered BY", re.IGNORECASE)) == ("powered by",)
    assert required_literals(re.compile("site by", re.IGNORECASE)) == ("site by",)
    for line in ("SıTE BY Anyone", "ſite by", "SİTE BY"):
        assert re.compile("site by", re.IGNORECASE).search(line)
        assert may_match(scanned(line), required_literals(re.compile("site by", re.IGNORECASE)))
    # β also matches ϐ, which the scan does not read as β: no literal holds it
    assert all("β" not in s for s in required_literals(re.compile("αβγ", re.IGNORECASE)))


def test_a_case_sensitive_group_inside_a_caseless_pattern_is_not_used():
    pattern = re.compile(r"(?-i:Sie) (lesen|hören)", re.IGNORECASE)
    literals = required_literals(pattern)
    assert literals is None or all("sie" not in s and "Sie" not in s for s in literals)


def _pattern_chars() -> set[str]:
    chars: set[str] = set()
    for module in (classes, vocabulary):
        for value in vars(module).values():
            if isinstance(value, Gated):
                chars.update(value.pattern)
    return chars


def test_every_character_reads_in_the_scan_as_re_matches_it():
    """`_caseless_char` models how `re` ignores case; checked against `re` itself over all of
    Unicode, for every character of the gated patterns and some letters besides."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    sample = _pattern_chars() | set("iısſkKİ") | set("βσςвоАЯ")
    for char in sample:
        image = _caseless_char(char)
        if image is None:
            continue
        found = {scanned(m.group()) for m in re.finditer("(?i)" + re.escape(char), every)}
        assert found == {image}, (char, image, found)


def test_the_scan_reads_each_character_as_its_simple_lower_case_does():
    from _sre import unicode_tolower

    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code <= 0xDFFF:
            char = chr(code)
            assert scanned(char) == scanned(chr(unicode_tolower(code))), hex(code)


def _gated_patterns():
    for module in (classes, vocabulary):
        for name, value in vars(module).items():
            if isinstance(value, Gated):
                yield f"{module.__name__}.{name}", value


def _lines() -> list[str]:
    found = [line for path in sorted(SCRAPED.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [*found, "© 2024 Example Media. All rights reserved.", "Site powered by WordPress",
            "Kommentare geben nicht die Meinung der Redaktion wieder", "We use COOKIES here",
            "İzinsiz alıntı yapılamaz", "ALL RIGHTS RESERVED", "ſite deſigned by Studio",
            "HOSTED BY İNTERNET", "Visit WWW.EXAMPLE.COM for more", "news.example.co.uk",
            "Home | World | Sport", "Imprint   Privacy   Terms", "Home\t\t\tNews", "A – B",
            "example.İt", "Read more: the story", "РЕДАКЦИЯ", "Photo: archive"]


@pytest.mark.parametrize(("name", "gated"), list(_gated_patterns()))
def test_no_line_the_pattern_matches_is_gated_away(name, gated):
    for line in _lines():
        text = lower(line) if isinstance(gated, Folded) else line
        if gated.compiled.search(text):
            assert gated.may_match(line), (name, line)
            assert gated.search(line)


def test_the_scan_without_its_automaton_gives_the_same_bits():
    plain = SCAN.without_automaton()
    for line in _lines():
        assert plain.bits(line) == SCAN.bits(line), line


def test_the_costly_patterns_are_gated():
    for pattern in (classes.RIGHTS, classes.RESPONSIBILITY, classes.COOKIE, classes.BUILT_BY,
                    classes.INTERACTION, classes.NEWSROOM, vocabulary.COPYRIGHT,
                    vocabulary.SHARE_PROMPT, vocabulary.DISCLAIMER):
        assert pattern.literals, pattern.pattern


def test_a_class_holds_only_where_its_gate_lets_it_be_tested():
    for line in _lines():
        bits = SCAN.bits(line)
        for name, test, groups in classes._GATES:  # noqa: SLF001
            if test(line):
                assert any(bits & group == group for group in groups), (name, line)


def test_strict_candidates_hold_every_rule_whose_cue_is_in_the_line():
    found = _lines()
    candidates = lines.strict_candidates(found)
    for index, line in enumerate(found):
        needed = {rule for rule, _, cues in vocabulary.STRICT_CUES
                  if any(cue in line.lower() for cue in cues)}
        assert needed <= {rule for rule, _, _ in candidates.get(index, ())}, line


def test_a_word_trie_matches_exactly_its_words():
    words = ["app", "apps", "app store", "appli", "application", "abo", "s'abonner", "push-up"]
    pattern = re.compile(word_alternation(words))
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["ap", "appl", "applicatio", "apps store", "ab", "s'abonne", "push", ""]:
        assert not pattern.fullmatch(other), other
