"""Literal gates of the costly class patterns: read off the pattern, never wrong about a line
the pattern matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.clean import classes
from storyline.clean.triggers import MAX_LITERALS, may_match, required_literals, word_alternation

SCRAPED = Path(__file__).parent / "fixtures" / "scraped"


def test_every_branch_gives_one_literal():
    pattern = re.compile(r"©|\bcopyright\b|all rights|rights reserved|reproduction (is|in)")
    assert required_literals(pattern) == (
        "©", "copyright", "all rights", "reproduction ", "rights reserved")


def test_a_branch_without_a_certain_literal_means_no_gate():
    assert required_literals(re.compile(r"said|\d+ times")) == ("said", " times")
    assert required_literals(re.compile(r"said|\w+ly")) == ("ly", "said")
    assert required_literals(re.compile(r"said|\w+")) is None
    assert required_literals(re.compile(r"(said)?\s+ago")) == ("ago",)
    assert required_literals(re.compile(r"(?:said)?\d")) is None


def test_a_literal_that_holds_another_is_dropped():
    assert required_literals(re.compile(r"comment|comments|no comment")) == ("comment",)


def test_too_many_literals_mean_no_gate():
    words = [f"{a}{b}q" for a in "abcdefgh" for b in "abcdefgh"][: MAX_LITERALS + 1]
    assert required_literals(re.compile("|".join(words))) is None
    assert required_literals(re.compile("|".join(words[:MAX_LITERALS]))) is not None


def test_caseless_literals_are_lower_case_and_skip_i_and_s():
    # ı and ſ match i and s when case is ignored but lower-case to themselves
    assert required_literals(re.compile("Powered BY", re.IGNORECASE)) == ("powered by",)
    assert required_literals(re.compile("site by", re.IGNORECASE)) == ("te by",)
    line = "SıTE BY Anyone"
    assert re.compile("site by", re.IGNORECASE).search(line)
    assert may_match(line.lower(), required_literals(re.compile("site by", re.IGNORECASE)))


def test_a_case_sensitive_group_inside_a_caseless_pattern_is_not_used():
    pattern = re.compile(r"(?-i:Sie) (lesen|hören)", re.IGNORECASE)
    literals = required_literals(pattern)
    assert literals is None or all("sie" not in s and "Sie" not in s for s in literals)


def _gated_patterns():
    for name, value in vars(classes).items():
        if isinstance(value, classes._Folded | classes._Gated):  # noqa: SLF001
            yield name, value


def _lines() -> list[str]:
    lines = [line for path in sorted(SCRAPED.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [*lines, "© 2024 Example Media. All rights reserved.", "Site powered by WordPress",
            "Kommentare geben nicht die Meinung der Redaktion wieder", "We use COOKIES here",
            "İzinsiz alıntı yapılamaz", "ALL RIGHTS RESERVED"]


@pytest.mark.parametrize(("name", "gated"), list(_gated_patterns()))
def test_no_line_the_pattern_matches_is_gated_away(name, gated):
    compiled = gated._compiled  # noqa: SLF001
    caseless = isinstance(gated, classes._Gated) and gated._caseless  # noqa: SLF001
    folded = isinstance(gated, classes._Folded)
    for line in _lines():
        text = line.lower() if folded else line
        if compiled.search(text):
            assert may_match(line.lower() if folded or caseless else line,
                             gated._literals), (name, line)  # noqa: SLF001


def test_the_costly_class_patterns_are_gated():
    for pattern in (classes.RIGHTS, classes.RESPONSIBILITY, classes.COOKIE, classes.BUILT_BY):
        assert pattern._literals  # noqa: SLF001


def test_a_word_trie_matches_exactly_its_words():
    words = ["app", "apps", "app store", "appli", "application", "abo", "s'abonner", "push-up"]
    pattern = re.compile(word_alternation(words))
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["ap", "appl", "applicatio", "apps store", "ab", "s'abonne", "push", ""]:
        assert not pattern.fullmatch(other), other


def test_no_line_a_pretested_pattern_matches_fails_its_pretest():
    extra = ["Visit WWW.EXAMPLE.COM for more", "news.example.co.uk", "Home | World | Sport",
             "Imprint   Privacy   Terms", "Home\t\t\tNews", "A – B", "example.İt"]
    for pattern in (classes.DOMAIN, classes.LINK_SEPARATORS):
        for line in [*_lines(), *extra]:
            if pattern._compiled.search(line):  # noqa: SLF001
                assert pattern._needed(line), line  # noqa: SLF001
                assert pattern.search(line)
