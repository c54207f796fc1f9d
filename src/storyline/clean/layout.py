"""Where the article body starts and ends, and what inside it belongs to it.

The body is the span of the page's topical prose: prose blocks that share their meaningful
words with the page's other prose. Before it and after it sits page chrome, unless a block
continues the story (a sentence on its topic, a short closing sentence, the items of a list the
story introduced with a colon). Inside it, a short heading on the story's topic between two
paragraphs and the items of such a list stay even when the classifier doubted them. Without a
known title, the headline is the nearest headline-shaped block above the body on its topic.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from storyline.clean.blocks import TERMINAL_END, main_run
from storyline.clean.classes import LINK_SEPARATORS
from storyline.clean.lines import (
    content_stems,
    content_words,
    is_headline,
    is_story_like,
    lower_words,
    word_count,
)
from storyline.clean.profiles import looks_dated
from storyline.clean.stopwords import stoplists
from storyline.clean.vocabulary import MONTHS

TOPICAL = 0.25
"""Share of a block's word stems that the page's other prose must also use for it to be on
the story's topic; a page whose prose shares less (a short body, many names) asks half its
median share."""
STEM = 5
"""Word stems are word beginnings, so that inflected forms (Turkish, German, Russian…) meet."""
OUTSIDE = "outside_body"
DOUBTED = ("layout",)
"""Verdicts the structure may overrule; the named classes of chrome stand."""
PAGE_LANGUAGE_SHARE = 0.25
"""Share of a block's words on the page language's list above which it is in that language."""
LIST_ITEMS = 12
"""The most items a list the story introduces is taken to have."""
TITLE_REACH = 8
"""How many blocks above the body the headline is looked for."""


def _stems(text: str) -> set[str]:
    return content_stems(text, STEM)


def bound_body(texts: list[str], verdicts: list[str | None], find_title: bool = True) -> None:
    """Mark the unnamed blocks outside the body `outside_body`, restore headings and list
    items inside it, and (with `find_title`) choose the headline."""
    prose = [i for i, t in enumerate(texts) if verdicts[i] is None and is_story_like(t)]
    if not prose:
        return
    prose_set = set(prose)
    start, end = main_run(np.asarray(
        [len(t) if i in prose_set else -40.0 for i, t in enumerate(texts)]))
    core = [i for i in prose if start <= i <= end] or prose
    stems: dict[int, set[str]] = {i: _stems(texts[i]) for i in core}
    used: Counter[str] = Counter(s for i in core for s in stems[i])
    in_core = set(used)
    in_core_twice = {s for s, count in used.items() if count > 1}
    core_set = set(core)

    def topical(i: int) -> float:
        """Share of the block's stems that the body's core (other than itself) uses."""
        own = stems.get(i)
        if own is None:
            own = stems[i] = _stems(texts[i])
        if not own:
            return 0.0
        # a core block's own stems are in the core once by itself: others must use them too
        return len(own & (in_core_twice if i in core_set else in_core)) / len(own)

    shares = sorted(topical(i) for i in core)
    need = min(TOPICAL, 0.5 * shares[len(shares) // 2])
    on_topic = {i for i in prose if topical(i) >= need}
    # Another language's prose counts as the body's too, but only off-topic prose beyond the
    # first or last on-topic block could move the body's edges: else no language is asked.
    off_topic = [i for i in prose if i not in on_topic]
    outer = off_topic and (not on_topic or off_topic[0] < min(on_topic)
                           or off_topic[-1] > max(on_topic))
    foreign = _other_language(texts, prose) if outer else set()
    anchors = [i for i in prose if i in on_topic or i in foreign] or [
        max(core, key=lambda i: (len(texts[i]), -i))]
    first, last = anchors[0], anchors[-1]
    last = _extend(texts, verdicts, last, range(last + 1, len(texts)), topical, need)
    first = _extend(texts, verdicts, first, range(first - 1, -1, -1), topical, need)
    for i in range(len(texts)):
        if verdicts[i] is None and not first <= i <= last:
            verdicts[i] = OUTSIDE
    _restore_inside(texts, verdicts, first, last, topical, need)
    if find_title:
        _choose_title(texts, verdicts, first, topical, max(need, 0.2))


def _other_language(texts: list[str], prose: list[int]) -> set[int]:
    """Prose blocks in another language than most of the page's prose (another language's
    common words cover twice as much of them): shared words cannot tell whether they are on
    the story's topic, so they are not judged by them."""
    lists = stoplists()
    words = {i: lower_words(texts[i]) for i in prose}
    page = lists.best_language(w for i in prose for w in words[i])
    # A block whose words are a quarter or more the page language's common words is in that
    # language (another list would have to cover more than half of it): only the others are
    # asked which language they are in.
    doubtful = [i for i in prose if lists.share(words[i], page) < PAGE_LANGUAGE_SHARE]
    if not doubtful:
        return set()
    language = {i: lists.best_language(words[i]) for i in doubtful}
    total = sum(len(words[i]) for i in prose)
    held = total - sum(len(words[i]) for i in doubtful if language[i] != page)
    if 2 * held < total:
        # No language holds most of the prose (one paragraph per language): each is foreign
        # to the others.
        language.update({i: lists.best_language(words[i]) for i in prose if i not in language})
        return {i for i in prose if language[i] is not None}
    return {i for i in doubtful if language[i] not in (page, None) and (
        lists.share(words[i], page) < 0.5 * lists.share(words[i], language[i]))}


def _sentence(text: str) -> bool:
    """A sentence, or a sentence introducing a list."""
    return bool(TERMINAL_END.search(text) or text.endswith(":")) and word_count(text) >= 3


def _extend(texts: list[str], verdicts: list[str | None], edge: int, steps: range,
            topical, need: float) -> int:
    """Walk away from the body over blocks that continue it (the classifier's doubt about
    them is overruled); named chrome is stepped over."""
    introduced = texts[edge].endswith(":")
    items = 0
    for j in steps:
        if verdicts[j] is not None and verdicts[j] not in DOUBTED:
            continue
        text = texts[j]
        n = word_count(text)
        if introduced and steps.step > 0 and n <= 25 and not _sentence(text) and items < LIST_ITEMS:
            edge, verdicts[j], items = j, None, items + 1  # an item of the list introduced
            continue
        # A closing sentence the classifier kept, or kept prose right next to the body that
        # still shares some of its words.
        kept = verdicts[j] is None
        close = kept and (n <= 12 or (j == edge + steps.step and topical(j) >= 0.5 * need))
        if _sentence(text) and (topical(j) >= need or close):
            edge, introduced, verdicts[j], items = j, text.endswith(":"), None, 0
            continue
        break
    return edge


def _restore_inside(texts: list[str], verdicts: list[str | None], first: int, last: int,
                    topical, need: float) -> None:
    """Inside the body, a doubted heading (three to eight words on the story's topic, between
    two kept paragraphs) and the doubted items of a list that a kept line introduces with a
    colon are the story's."""
    kept = [i for i in range(first, last + 1) if verdicts[i] is None]
    for i in range(first + 1, last):
        if verdicts[i] not in DOUBTED:
            continue
        text = texts[i]
        n = word_count(text)
        if n <= 25 and not _sentence(text) and _in_list(texts, verdicts, i):
            verdicts[i] = None
            continue
        before = max((k for k in kept if k < i), default=None)
        after = min((k for k in kept if k > i), default=None)
        if (before is not None and after is not None and 3 <= n <= 8
                and not TERMINAL_END.search(text) and not LINK_SEPARATORS.search(text)
                and topical(i) >= need and is_story_like(texts[before])
                and is_story_like(texts[after])):
            verdicts[i] = None


def _in_list(texts: list[str], verdicts: list[str | None], i: int) -> bool:
    """Whether block i continues a list that a kept sentence ending with a colon introduced:
    only a few short items (kept or doubted) lie between that sentence and i."""
    for k in range(i - 1, max(-1, i - 1 - LIST_ITEMS), -1):
        if verdicts[k] is None and texts[k].endswith(":"):
            return word_count(texts[k]) >= 3
        if (verdicts[k] not in (None, *DOUBTED) or word_count(texts[k]) > 25
                or _sentence(texts[k])):
            return False
    return False


def _date_line(text: str) -> bool:
    """A line that gives a date or time and says little else ("Publié le 14/04/2023 à 18h12",
    "Domingo, 23 de julio de 2023, 23:51 h"): when the article appeared, not its headline."""
    if not looks_dated(text):
        return False
    return len(content_words(text) - _MONTH_WORDS) <= 2


_MONTH_WORDS = frozenset(MONTHS)


def _choose_title(texts: list[str], verdicts: list[str | None], first: int, topical,
                  need: float) -> None:
    """The headline: the nearest headline-shaped block above the body that is on its topic
    (among the few blocks above it); repeats of it are `title_repeat`."""
    chosen = next(
        (i for i in range(first - 1, max(-1, first - 1 - TITLE_REACH), -1)
         if verdicts[i] in (None, "title", OUTSIDE, *DOUBTED) and is_headline(texts[i])
         and not _date_line(texts[i]) and topical(i) >= need),
        None,
    )
    if chosen is None:
        return
    key = texts[chosen].casefold()
    for i, text in enumerate(texts):
        if verdicts[i] == "title" and text.casefold() != key:
            verdicts[i] = OUTSIDE if i < first else None
        if text.casefold() == key:
            verdicts[i] = "title" if i == chosen else "title_repeat"
