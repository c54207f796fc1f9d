"""Blocks of a plain-text page and what the body classifier sees of each.

A block is what a reader takes as one unit: a line of a scraped page (one block per line), or a
paragraph hard-wrapped over several lines. Each block gets shape features of its own (length,
sentence punctuation, common-word share, capitals, digits, separators, links, dates, list
marks, which line rule names it), the same features of its neighbours over growing windows,
and where it sits against the page's run of prose: jusText's and boilerpipe's cues, with the
context smoothing left to the learned model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.clean.classes import picture_caption
from storyline.clean.datelines import is_byline, parse_date_line
from storyline.clean.lines import (
    content_words,
    is_story_like,
    lower_words,
    normalize_line,
    words_of,
)
from storyline.clean.profiles import looks_dated
from storyline.clean.stopwords import stoplists

TERMINAL_END = re.compile(r"[.!?…。！？؟]['\"”’»)\]]*$")
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
LINK = re.compile(r"https?://|www\.|\w\.(?:com|org|net|info|io|co|[a-z]{2})\b|@\w|\S@\S+\.\w",
                  re.IGNORECASE)
LIST_MARK = re.compile(r"^\W{0,2}(?:[-–—•*·▪►▸→>]|\d{1,3}[.)])\s")
SEPARATOR = re.compile(r"[|•·»›/\\>]")
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+\S")
PUNCTUATION = re.compile(r"[^\w\s]")
DIGITS = re.compile(r"\d")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
"""Scripts written without spaces: their characters stand in for words (about 1.5 a word)."""

RULE_GROUPS = {
    "title": 0, "title_repeat": 0,
    "cookie": 1, "disclaimer": 1, "editorial_note": 1, "subscribe": 1, "copyright": 1,
    "login": 1, "share": 1, "advertisement": 1, "site_notice": 1, "other_language": 1,
    "search": 2, "navigation": 2, "breadcrumb": 2, "tags": 2,
    "related": 3, "teaser": 3,
    "caption": 4,
    "chrome_date": 5, "dateline": 5, "byline": 5,
    "profile": 6,
}
"""Line rules by the kind of chrome they name; the model sees the kind, not the rule."""
GROUPS = 7

OWN = (
    "log_words", "log_chars", "word_length", "terminal", "colon_end", "ellipsis_end",
    "common_words", "capitalised", "all_caps", "digits", "punctuation", "separators", "link",
    "clock", "dated", "list_mark", "sentences", "commas", "repeated", "prose", "story_overlap",
    "position", "char_position", *(f"rule_kind_{k}" for k in range(GROUPS)), "log_blocks",
    "cjk", "other_language", "ruled",
)
COL = {name: k for k, name in enumerate(OWN)}
CONTEXT_OF = ("log_words", "terminal", "common_words", "prose", "capitalised", "ruled", "dated",
              "link")
WINDOWS = (1, 2, 4, 8)
FEATURE_NAMES = (
    *OWN,
    *(f"{name}_{where}" for name in CONTEXT_OF
      for where in (*(f"w{w}" for w in WINDOWS), "prev", "next")),
    "prose_gap_before", "prose_gap_after", "prose_before", "prose_after", "in_main_run",
    "main_run_gap",
)
NO_PROSE = 999.0
_CONTEXT_COLUMNS = [COL[name] for name in CONTEXT_OF]


@dataclass(frozen=True)
class Blocks:
    """The page's blocks (normalized text) and, per original line, its block (-1: blank)."""

    texts: list[str]
    block_of_line: list[int]


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when it was not wrapped: the
    width that most lines end just short of (within 12 characters, at least 30% of them),
    with few lines (chrome the wrapping left alone) running past it, and lines that go on in
    lower case after the full ones."""
    filled = [line.rstrip() for line in lines if line.strip()]
    lengths = [len(line) for line in filled]
    if len(lengths) < 6:
        return None
    best, best_count = None, 0
    for width in sorted(set(n for n in lengths if 40 <= n <= 120)):
        count = sum(1 for n in lengths if width - 12 <= n <= width)
        if count > best_count or (count == best_count and best is not None and width > best):
            best, best_count = width, count
    if best is None or best_count < max(4, 0.3 * len(lengths)):
        return None
    beyond = sum(1 for n in lengths if n > best + 10)
    if beyond > 0.2 * len(lengths):
        return None
    # wrapped lines break inside sentences: the next line often goes on in lower case
    full = [k for k, n in enumerate(lengths[:-1]) if best - 12 <= n <= best]
    going_on = sum(1 for k in full if filled[k + 1].lstrip()[:1].islower())
    return best if going_on >= 0.2 * len(full) else None


def split_blocks(lines: Sequence[str]) -> Blocks:
    """Blocks of a page: each non-blank line, except that a hard-wrapped paragraph's lines join
    into one block (a line is continued when the next line's first word would not have fit on
    it, and it does not end a sentence before a capital)."""
    width = wrap_width(lines)
    texts: list[str] = []
    block_of_line: list[int] = []
    joining = False
    for k, raw in enumerate(lines):
        line = normalize_line(raw)
        if not line:
            block_of_line.append(-1)
            joining = False
            continue
        if joining:
            texts[-1] = f"{texts[-1]} {line}"
        else:
            texts.append(line)
        block_of_line.append(len(texts) - 1)
        joining = width is not None and _continues(line, lines, k + 1, width)
    return Blocks(texts, block_of_line)


def _continues(line: str, lines: Sequence[str], following: int, width: int) -> bool:
    if following >= len(lines):
        return False
    nxt = normalize_line(lines[following])
    if not nxt or LIST_MARK.match(nxt) or len(line) < 0.75 * width:
        return False
    first = nxt.split(" ", 1)[0]
    if len(line) + 1 + len(first) <= width:
        return False  # the next word would have fit: the line ended on purpose
    if TERMINAL_END.search(line) and first[:1].isupper():
        return False
    if parse_date_line(nxt) or is_byline(nxt) or picture_caption(line) or picture_caption(nxt):
        return False  # a date, byline or caption line stands alone, whatever its length
    # a paragraph goes on: in lower case, after a comma or dash, or with a line of its length
    return bool(first[:1].islower() or line.endswith((",", "-", "–", "—", ";"))
                or len(nxt) >= 0.5 * width)


def block_features(texts: Sequence[str], verdicts: Sequence[str | None]) -> np.ndarray:
    """One row of FEATURE_NAMES per block."""
    own = _own_features(texts, verdicts)
    return np.column_stack([own, *_context(own)]) if len(texts) else np.zeros(
        (0, len(FEATURE_NAMES)))


def _own_features(texts: Sequence[str], verdicts: Sequence[str | None]) -> np.ndarray:
    lists = stoplists()
    words = [words_of(text) for text in texts]
    lowered = [lower_words(text) for text in texts]
    language = lists.best_language(w for ws in lowered for w in ws)
    prose = [is_story_like(text) for text in texts]
    bags = [content_words(text) for text in texts]
    story_words = Counter(w for bag, p in zip(bags, prose, strict=True) if p for w in bag)
    seen = Counter(texts)
    total = sum(len(text) for text in texts) or 1
    n_blocks = len(texts)
    rows: list[list[float]] = []  # Python rows, made one array at the end (cheaper writes)
    before = 0
    log_blocks = math.log1p(n_blocks)
    for i, text in enumerate(texts):
        ws, low, bag = words[i], lowered[i], bags[i]
        chars = len(text)
        cjk = len(CJK.findall(text)) if not text.isascii() else 0
        n = len(ws) + int(cjk / 1.5)
        common = lists.share(low, language)
        if ws:
            capitalised = sum(1 for w in ws if w[0].isupper()) / len(ws)
            all_caps = sum(1 for w in ws if len(w) > 1 and w.isupper()) / len(ws)
        else:
            capitalised = all_caps = 0.0
        overlap = 0.0
        if bag:  # share of its meaningful words that other prose blocks of the page use
            mine = 1 if prose[i] else 0
            overlap = sum(1 for w in bag if story_words[w] > mine) / len(bag)
        kinds = [0.0] * GROUPS
        kind = RULE_GROUPS.get(verdicts[i] or "")
        if kind is not None:
            kinds[kind] = 1.0
        rows.append([
            math.log1p(n),
            math.log1p(chars),
            chars / n if n else 0.0,
            1.0 if TERMINAL_END.search(text) else 0.0,
            1.0 if text.endswith(":") else 0.0,
            1.0 if text.endswith(("…", "...")) else 0.0,
            common,
            capitalised,
            all_caps,
            len(DIGITS.findall(text)) / chars,
            len(PUNCTUATION.findall(text)) / chars,
            len(SEPARATOR.findall(text)) / max(1, n),
            1.0 if LINK.search(text) else 0.0,
            1.0 if CLOCK.search(text) else 0.0,
            1.0 if looks_dated(text) else 0.0,
            1.0 if LIST_MARK.match(text) else 0.0,
            len(SENTENCE_BREAK.findall(text)),
            text.count(",") / max(1, n),
            1.0 if seen[text] > 1 else 0.0,
            1.0 if prose[i] else 0.0,
            overlap,
            i / n_blocks,
            before / total,
            *kinds,
            log_blocks,
            cjk / chars,
            _other_language(low, common, prose[i], language),
            1.0 if verdicts[i] else 0.0,
        ])
        before += chars
    return np.array(rows, dtype=float).reshape(n_blocks, len(OWN))


def _other_language(low: Sequence[str], common: float, prose: bool, language: int | None) -> float:
    """How much better another language's common words cover a block than the page's own:
    a prompt or notice in another language than the article's."""
    if len(low) < 3 or common >= 0.25 or language is None:
        return 0.0
    lists = stoplists()
    best = lists.best_language(low)
    if best is None or best == language:
        return 0.0
    return max(0.0, lists.share(low, best) - common)


def _context(own: np.ndarray) -> list[np.ndarray]:
    n = len(own)
    columns: list[np.ndarray] = []
    # each context feature's mean over the w blocks on each side (the block itself left out),
    # for all the features at once
    x = own[:, _CONTEXT_COLUMNS]
    sums = np.concatenate([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    index = np.arange(n)
    means = []
    for w in WINDOWS:
        low, high = np.maximum(index - w, 0), np.minimum(index + w + 1, n)
        count = np.maximum(high - low - 1, 1)
        means.append((sums[high] - sums[low] - x) / count[:, None])
    previous = np.concatenate([np.zeros((1, x.shape[1])), x[:-1]])
    following = np.concatenate([x[1:], np.zeros((1, x.shape[1]))])
    for k in range(len(CONTEXT_OF)):
        columns.extend(mean[:, k] for mean in means)
        columns.append(previous[:, k])
        columns.append(following[:, k])
    prose = own[:, COL["prose"]] > 0
    at = np.where(prose, index, -1)
    last_before = np.maximum.accumulate(np.concatenate([[-1], at[:-1]]))
    at_after = np.where(prose, index, n)
    first_after = np.minimum.accumulate(np.concatenate([at_after[1:], [n]])[::-1])[::-1]
    columns.append(np.where(last_before >= 0, np.log1p(index - last_before), NO_PROSE))
    columns.append(np.where(first_after < n, np.log1p(first_after - index), NO_PROSE))
    chars = np.expm1(own[:, COL["log_chars"]]) * prose
    total = chars.sum() or 1.0
    before = np.concatenate([[0.0], np.cumsum(chars)[:-1]]) / total
    columns.extend([before, 1.0 - before - chars / total])
    start, end = main_run(np.where(prose, np.expm1(own[:, COL["log_chars"]]), -40.0))
    inside = (index >= start) & (index <= end)
    columns.append(inside.astype(float))
    columns.append(np.log1p(np.where(inside, 0, np.minimum(abs(index - start), abs(index - end)))))
    return columns


def main_run(score: np.ndarray) -> tuple[int, int]:
    """The run of blocks with the highest total score (prose characters count for, other
    blocks against it): where the article body sits. (0, -1) when no block scores above 0."""
    best, best_start, best_end = 0.0, 0, -1
    current, start = 0.0, 0
    for i, value in enumerate(score.tolist()):
        if current <= 0:
            current, start = 0.0, i
        current += value
        if current > best:
            best, best_start, best_end = current, start, i
    return best_start, best_end
