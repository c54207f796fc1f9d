"""Plain-text pages: structure first, then the classes of chrome that shape alone misses.

The page is split into blocks (lines, or hard-wrapped paragraphs), the line rules name the
chrome they recognise (prompts, menus, related lists, teasers, captions, rights lines…), and
the body classifier decides the rest from each block's shape and its place against the page's
run of prose. A page that is nothing but prose (an article already clean) skips the classifier:
it has no chrome for it to find.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.clean.blocks import LINK, TERMINAL_END, block_features, split_blocks
from storyline.clean.body import KEEP_AT, TreeModel, shipped_model
from storyline.clean.classes import mark_classes
from storyline.clean.datelines import parse_date_line
from storyline.clean.layout import bound_body
from storyline.clean.lines import (
    PlainClean,
    classify_lines,
    is_story_like,
    join_paragraphs,
    word_count,
    words_of,
)

SEPARATORS = re.compile(r"\s[|•·»›]\s|\s[|•·»›]$")
LAYOUT = "layout"
"""The name of the classifier's verdict in `removed_lines`' audit: the block does not read as
part of the article body by its shape and its place on the page."""


def rule_verdicts(
    texts: list[str],
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
) -> list[str | None]:
    """What the line rules and the chrome classes name, before the classifier: also what the
    classifier's features see, in training as at run time."""
    verdicts = classify_lines(texts, title, known_boilerplate)
    mark_classes(texts, verdicts)
    return verdicts


def classify_blocks(
    texts: list[str],
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
    model: TreeModel | None = None,
) -> list[str | None]:
    """Per block: None to keep it, else why it goes (a line rule's name or `layout`)."""
    verdicts = rule_verdicts(texts, title, known_boilerplate)
    if not _all_sentences(texts, verdicts):
        model = model or shipped_model()
        body = model.probability(block_features(texts, verdicts))
        verdicts = [v or (LAYOUT if p < KEEP_AT else None)
                    for v, p in zip(verdicts, body, strict=True)]
    bound_body(texts, verdicts, find_title=title is None)
    return verdicts


def _all_sentences(texts: list[str], verdicts: list[str | None]) -> bool:
    """Whether every block the rules left is running prose or a plain sentence (a capital or a
    quote, words, an end mark, no links or separators) and long prose holds most of the text:
    a text of sentences, such as an article already cut out of its page, has no page layout for
    the classifier to find."""
    story = total = 0
    for text, verdict in zip(texts, verdicts, strict=True):
        if verdict is not None:
            continue
        total += len(text)
        if is_story_like(text):
            story += len(text)
        elif not (TERMINAL_END.search(text) and word_count(text) >= 3
                  and not LINK.search(text) and not SEPARATORS.search(text)
                  and any(w[0].islower() for w in words_of(text))):
            return False
    return story >= 0.8 * total


def clean_page(
    text: str,
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
    model: TreeModel | None = None,
    structure: bool = True,
) -> PlainClean:
    """Cut a plain-text page's chrome: (kept text, removed blocks, headline, stated date).
    `structure=False` applies the line rules and chrome classes only: for a main text that an
    extractor already cut out of its page (HTML), whose structure is settled."""
    lines = text.splitlines()
    blocks = split_blocks(lines)
    if structure:
        verdicts = classify_blocks(blocks.texts, title, known_boilerplate, model)
    else:
        verdicts = rule_verdicts(blocks.texts, title, known_boilerplate)
    kept: list[str] = []
    found_title, published = title, None
    for block, rule in zip(blocks.texts, verdicts, strict=True):
        if rule == "title" and found_title is None:
            found_title = block
        if rule == "dateline" and published is None:
            published = parse_date_line(block)
    for line, block in zip(lines, blocks.block_of_line, strict=True):
        if block < 0 or verdicts[block] is None:
            kept.append(line)
    removed = [block for block, rule in zip(blocks.texts, verdicts, strict=True) if rule]
    first_kept = next((k for k, rule in enumerate(verdicts) if rule is None), len(verdicts))
    head = sum(1 for rule in verdicts[:first_kept] if rule)
    return PlainClean(join_paragraphs(kept), removed, found_title, published, head)
