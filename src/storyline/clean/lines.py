"""Plain-text line rules: which lines of a page are site chrome rather than story.

Each rule names why it removes a line, so `removed_lines` can be audited. Rules are of two kinds:
chrome rules that only fire on short, non-sentence lines, and strict prompt patterns (cookie
notices, disclaimers) that may fire on a long sentence because their wording is unambiguous.
A story sentence is never removed by a loose rule.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.clean.datelines import is_byline, parse_date_line
from storyline.clean.triggers import SCAN
from storyline.clean.vocabulary import (
    ADVERT,
    ARCHIVE_CAPTION,
    CAPTION,
    CAPTION_TAIL,
    CAPTION_TAIL_NEEDS,
    CHROME_DATE,
    CONTINUE_ALONE,
    COOKIE_LOOSE,
    COPYRIGHT,
    DATELINE_START,
    DAY_WORD_END_REVERSED,
    DIGIT,
    DISCLAIMER,
    HOME,
    LIST_HEADER,
    LOGIN_TOKEN,
    NAVIGATION,
    PIPES,
    RELATED,
    SEARCH,
    SECTION_WORDS,
    SEPARATORS,
    SHARE_PROMPT,
    SHARE_TOKEN,
    STAMP_END_REVERSED,
    STOPWORDS,
    STRICT_CUES,
    SUBSCRIBE_LOOSE,
    TAGS,
    TEASER_ALONE,
    TEASER_INLINE,
    TERMINAL,
    TIMESTAMP_TAIL,
    WORD,
    WORD_LIMITS,
    StrictRules,
)

# --- line features ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=8192)
def normalize_line(line: str) -> str:
    """Whitespace-collapsed, NFC form: the key under which lines are compared (cached: a
    block's text is normalized again by the line rules, and is most often its line as it
    was)."""
    return " ".join(unicodedata.normalize("NFC", line).split())


class _Memo(dict[str, Any]):
    """A pure function of one word (or whitespace piece), remembered. Unlike lines, words
    repeat from article to article, so most look-ups are of known words and run at C speed
    through `map(memo.__getitem__, words)`; a miss computes and keeps the value. Results never
    vary, so the memo cannot change an output; it is emptied when it grows big."""

    def __init__(self, compute: Callable[[str], Any], limit: int = 500_000) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: str) -> Any:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value


def split_words(text: str) -> list[str]:
    """The words of a text, as `WORD.findall` finds them. A word never spans whitespace and a
    piece made of letters only is one word, so the regex runs only on the pieces with digits or
    punctuation in them (a fifth of them): a third cheaper than one pass over the text. (A memo
    of pieces was tried: its chained look-ups cost more than this loop.)"""
    words: list[str] = []
    for piece in text.split():
        if piece.isalpha():
            words.append(piece)
        else:
            words.extend(WORD.findall(piece))
    return words


@functools.lru_cache(maxsize=8192)
def _words(line: str) -> tuple[str, ...]:
    return tuple(split_words(line))


def words_of(line: str) -> list[str]:
    """The words of a line (cached: the rules ask about the same line several times)."""
    return list(_words(line))


def word_count(line: str) -> int:
    """How many words `words_of` finds, without copying them."""
    return len(_words(line))


@functools.lru_cache(maxsize=8192)
def lower_words(line: str) -> tuple[str, ...]:
    """The line's words, each lower-cased (cached: stoplists and topics ask for them)."""
    return tuple(map(str.lower, _words(line)))


def _content_word(word: str) -> str:
    """The lower-cased word when it is long enough to carry meaning and no stopword, else ""."""
    low = word.lower()
    return low if len(word) >= 4 and low not in STOPWORDS else ""


_CONTENT = _Memo(_content_word)


def content_words(text: str) -> set[str]:
    """Lower-cased words long enough to carry meaning; used for caption/teaser overlap."""
    found = set(map(_CONTENT.__getitem__, _words(text)))
    found.discard("")
    return found


_STEMS: dict[int, _Memo] = {}


def content_stems(text: str, length: int) -> set[str]:
    """The first `length` (at least 1) letters of each of `content_words(text)`."""
    stems = _STEMS.get(length)
    if stems is None:
        stems = _STEMS[length] = _Memo(lambda word: _CONTENT[word][:length])
    found = set(map(stems.__getitem__, _words(text)))
    found.discard("")
    return found


@functools.lru_cache(maxsize=1024)
def is_story_like(line: str) -> bool:
    """A long sentence with lower-case running words: what a story is made of. Loose rules never
    fire on such a line, so no story sentence is cut by accident.

    The line's words are asked directly: every later rule needs them anyway, and they are
    cached per line."""
    return _reads_as_story(_words(line), line)


def _reads_as_story(words: Sequence[str], line: str) -> bool:
    """Enough words, a sentence end (or many words), three lower-case running words and four
    meaningful ones. Passing on a subset of the line's words implies passing on all of them."""
    if len(words) < 8:
        return False
    if not (len(words) >= 15 or line.rstrip().endswith(TERMINAL)):
        return False
    lower = 0
    for word in words:
        if word[0].islower():
            lower += 1
            if lower == 3:
                break
    else:
        return False
    meaningful: set[str] = set()
    for word in words:  # content_words, stopping as soon as four are found
        if content := _CONTENT[word]:
            meaningful.add(content)
            if len(meaningful) >= 4:
                return True
    return False


def _only(token: re.Pattern[str], line: str, minimum: int = 1) -> bool:
    """True when the line is made of nothing but `token` matches, separators and counts."""
    rest, count = token.subn(" ", line)
    return count >= minimum and not WORD.search(rest)


def _is_breadcrumb(line: str) -> bool:
    if line.endswith((".", "!", "?")) or word_count(line) > 14:
        return False
    if HOME.match(line):
        return True
    parts = [p for p in SEPARATORS.split(line) if p.strip()]
    if len(parts) < 3:
        return False
    return all(WORD.search(p) and len(p.split()) <= 4 for p in parts)


def _is_menu(line: str) -> bool:
    parts = [p for p in PIPES.split(line) if p.strip()]
    if len(parts) >= 3 and all(WORD.search(p) and len(p.split()) <= 3 for p in parts):
        return True
    if word_count(line) >= 4 and not line.rstrip().endswith((".", "!", "?")):
        words = lower_words(line)
        return sum(map(SECTION_WORDS.__contains__, words)) / len(words) >= 0.6
    return False


def _loose_rule(line: str) -> str | None:
    """Rules for short, non-sentence lines; the order puts the most specific names first."""
    if SEARCH.match(line):
        return "search"
    if _only(LOGIN_TOKEN, line):
        return "login"
    if _only(SHARE_TOKEN, line) and (SHARE_PROMPT.search(line) or _only(SHARE_TOKEN, line, 2)):
        return "share"
    if NAVIGATION.match(line):
        return "navigation"
    if ADVERT.match(line):
        return "advertisement"
    if CONTINUE_ALONE.match(line):
        return "teaser"
    if COOKIE_LOOSE.search(line):
        return "cookie"
    if COPYRIGHT.search(line):
        return "copyright"
    if SUBSCRIBE_LOOSE.search(line) and word_count(line) <= 16:
        return "subscribe"
    if _is_breadcrumb(line):
        return "breadcrumb"
    if _is_menu(line):
        return "navigation"
    if TAGS.match(line):
        return "tags"
    if CHROME_DATE.match(line):
        return "chrome_date"
    if parse_date_line(line):
        return "dateline"
    if is_byline(line):
        return "byline"
    return None


_CUE_BITS = tuple(SCAN.register(cues) for _, _, cues in STRICT_CUES)
_ANY_CUE = functools.reduce(operator.or_, _CUE_BITS)


def strict_candidates(lines: list[str]) -> dict[int, StrictRules]:
    """Line index -> the strict rules one of whose cues that line may hold. The cues are looked
    for in the one literal scan of each line that serves every gated pattern (`triggers.py`):
    most lines hold none, and then no line needs a strict pattern at all. (The scan may name a
    rule whose cue the line lacks, ı read as i; `_strict_rule` looks for the cue itself.)"""
    found: dict[int, StrictRules] = {}
    for index, line in enumerate(lines):
        bits = SCAN.bits(line)
        if bits & _ANY_CUE:
            found[index] = tuple(
                entry for entry, bit in zip(STRICT_CUES, _CUE_BITS, strict=True) if bits & bit)
    return found


def _strict_rule(line: str, rules: StrictRules = STRICT_CUES) -> str | None:
    """Prompts worded so unambiguously that they are removed even when they read as a sentence.
    `rules` narrows the rules looked for to those whose cues the line holds."""
    lower = line.lower()
    for rule, pattern, cues in rules:
        if not any(cue in lower for cue in cues):
            continue
        found = pattern.match(line) if rule == "editorial_note" else pattern.search(line)
        if found and word_count(line) <= WORD_LIMITS.get(rule, 10**6):
            return rule
    return None


def _is_listed_headline(line: str) -> bool:
    """A teaser-list entry: a headline followed by a time stamp, and no dateline of its own."""
    tail_start = max(0, len(line) - 48)  # the stamp ends the line: search only its tail
    reversed_line = line[::-1]
    if not DIGIT.search(line, tail_start) and not DAY_WORD_END_REVERSED.match(reversed_line):
        return False  # every stamp but a day word has a digit: a cheap test rules most lines out
    if not STAMP_END_REVERSED.match(reversed_line):
        return False  # nor does the line end as a stamp ends
    stamp = TIMESTAMP_TAIL.search(line, tail_start)
    if not stamp or DATELINE_START.match(line):
        return False
    head = line[: stamp.start()].strip(" -–—|·•,")
    return 3 <= word_count(head) <= 25 and not re.search(r"\d{4}", head)


# --- the classifier --------------------------------------------------------------------------

def classify_lines(
    lines: list[str],
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
) -> list[str | None]:
    """Per line: None to keep it, else the name of the rule that removes it.
    `known_boilerplate` (an outlet profile) is asked before the headline is looked for, so an
    outlet's tagline is never taken for the title."""
    norm = [normalize_line(line) for line in lines]
    verdict: list[str | None] = [None] * len(norm)
    story = [is_story_like(n) for n in norm]
    strict = strict_candidates(norm)
    for i, line in enumerate(norm):
        if not line:
            continue
        rule = _strict_rule(line, strict[i]) if i in strict else None
        if rule is None and not story[i]:
            rule = _loose_rule(line)
        if rule is None and known_boilerplate is not None and known_boilerplate(lines[i]):
            rule = "profile"
        verdict[i] = rule
    _mark_title_repeats(norm, verdict, title)
    _mark_related_lists(norm, story, verdict)
    _mark_teasers(norm, story, verdict)
    _mark_captions(norm, story, verdict)
    return verdict


def _next_filled(norm: list[str], start: int) -> int | None:
    for j in range(start, len(norm)):
        if norm[j]:
            return j
    return None


def is_headline(line: str) -> bool:
    """A short line that reads as a headline rather than a sentence or a label."""
    n = word_count(line)
    return 2 <= n <= 25 and not is_story_like(line) and not line.endswith((".", ":"))


def _is_long_headline(norm: list[str], verdict: list[str | None], i: int) -> bool:
    """A long headline reads like a sentence without its full stop; it is told from the first
    line of a hard-wrapped paragraph by what follows: page chrome (a date or byline line) or a
    blank line, never the paragraph's next words."""
    line = norm[i]
    if not 2 <= word_count(line) <= 30 or line.endswith(TERMINAL) or line.endswith(","):
        return False
    if i + 1 >= len(norm) or not norm[i + 1]:
        return True
    return verdict[i + 1] is not None


def _mark_title_repeats(norm: list[str], verdict: list[str | None], title: str | None) -> None:
    """The headline goes to the article's title, not its text: the first occurrence is marked
    `title`, repeats `title_repeat`. Without a known title, the first line left that reads as a
    headline is the title."""
    key = normalize_line(title).casefold() if title else None
    if key is None:
        first = next((i for i, n in enumerate(norm) if n and verdict[i] is None), None)
        if first is None:
            return
        if not (is_headline(norm[first]) or _is_long_headline(norm, verdict, first)):
            return
        key = norm[first].casefold()
    seen = False
    for i, line in enumerate(norm):
        if line and line.casefold() == key and verdict[i] is None:
            verdict[i] = "title_repeat" if seen else "title"
            seen = True


def _mark_related_lists(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """A related-articles header takes the headline list under it; time-stamped headline runs
    go even without a header."""
    i = 0
    while i < len(norm):
        line = norm[i]
        if line and not story[i] and not TEASER_ALONE.match(line) and (
                RELATED.match(line) or (verdict[i] is None and _heads_a_list(norm, story, i))):
            verdict[i] = verdict[i] or "related"
            j = i + 1
            taken = 0
            while j < len(norm) and taken < 15:
                if norm[j]:
                    if story[j] and not _is_listed_headline(norm[j]):
                        break
                    verdict[j] = verdict[j] or "related"
                    taken += 1
                j += 1
            i = j
            continue
        i += 1
    # Without a header, only a run of three or more: two timed lines may be a story's schedule.
    filled = [i for i, n in enumerate(norm) if n]
    run: list[int] = []
    for i in [*filled, -1]:
        if i >= 0 and _is_listed_headline(norm[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                verdict[j] = verdict[j] or "related"
        run = []


def _heads_a_list(norm: list[str], story: list[bool], i: int) -> bool:
    """A short list header ("More from Business") with at least two headlines under it."""
    line = norm[i]
    if word_count(line) > 6 or line.endswith(TERMINAL) or not LIST_HEADER.match(line):
        return False
    following = [j for j in range(i + 1, min(len(norm), i + 6)) if norm[j]][:2]
    return len(following) == 2 and all(
        not story[j] and (is_headline(norm[j]) or _is_listed_headline(norm[j]))
        for j in following)


def _mark_teasers(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """`Check Also` / `Read more:` teasers: the marker, the teased headline and its first sentence
    (when that sentence is about something else than this article)."""
    body = [i for i, n in enumerate(norm) if n]
    for i in body:
        line = norm[i]
        if TEASER_INLINE.match(line) and word_count(line) <= 40:
            if not DISCLAIMER.search(line):
                verdict[i] = verdict[i] or "teaser"
            continue
        if not TEASER_ALONE.match(line) or story[i]:
            continue
        verdict[i] = verdict[i] or "teaser"
        head = _next_filled(norm, i + 1)
        if head is None or story[head] or word_count(norm[head]) > 25:
            continue
        verdict[head] = verdict[head] or "teaser"
        lead = _next_filled(norm, head + 1)
        if lead is None or verdict[lead]:
            continue
        teased = content_words(norm[lead])
        rest = content_words(" ".join(n for k, n in enumerate(norm) if k not in (i, head, lead)))
        overlap = len(teased & rest) / max(1, len(teased))
        # A teaser in the page's trailer (only chrome or nothing follows) is the teased story's
        # lead whatever its words: the article does not resume after a "Check Also" block.
        after = _next_filled(norm, lead + 1)
        in_trailer = after is not None and verdict[after] is not None
        if norm[lead].endswith(("…", "...", "[…]", "[...]")) or overlap < 0.35 or in_trailer:
            verdict[lead] = "teaser"


def _mark_captions(norm: list[str], story: list[bool], verdict: list[str | None]) -> None:
    """Captions: a line signed with a photo credit at its end is a caption whatever it says; a
    `Photo: ...` line goes when its words barely occur in the article (it is not about it)."""
    for i, line in enumerate(norm):
        if not line or verdict[i]:
            continue
        tail = max(0, len(line) - 100)
        # every credit holds a colon or an opening bracket (CAPTION_TAIL_NEEDS): else no search
        signed = any(line.find(mark, tail) >= 0 for mark in CAPTION_TAIL_NEEDS) and bool(
            CAPTION_TAIL.search(line, tail))
        if not (signed or ARCHIVE_CAPTION.match(line) or CAPTION.match(line)):
            continue  # no caption shape: the word count (the costly part) is not needed
        if word_count(line) > 40:
            continue
        if signed and not CAPTION.match(line):
            verdict[i] = "caption"
            continue
        if ARCHIVE_CAPTION.match(line):
            verdict[i] = "caption"  # an archive picture is by definition not of this event
            continue
        if not CAPTION.match(line):
            continue
        own = content_words(CAPTION.sub("", line))
        rest = content_words(" ".join(n for k, n in enumerate(norm) if k != i and not verdict[k]))
        if not own or len(own & rest) / len(own) < 0.3:
            verdict[i] = "caption"


@dataclass
class PlainClean:
    """What the line rules make of a plain text: the story, what was cut, and the headline and
    date the cut lines carried."""

    text: str
    removed: list[str]
    title: str | None
    published: str | None
    head: int = 0
    """How many of `removed` (its first ones) lay before the first kept line: the page's head,
    where a publication stamp is the page's own, not a listed headline's."""


def apply_line_rules(
    text: str,
    title: str | None = None,
    known_boilerplate: Callable[[str], bool] | None = None,
) -> PlainClean:
    """Classify every line, cut the flagged ones (kept in `removed`), and keep the headline and
    the date that cut title and date lines carried."""
    lines = text.splitlines()
    verdict = classify_lines(lines, title, known_boilerplate)
    kept: list[str] = []
    removed: list[str] = []
    found_title = title
    published = None
    head: int | None = None
    for line, rule in zip(lines, verdict, strict=True):
        if rule == "title" and found_title is None:
            found_title = normalize_line(line)
        if rule == "dateline" and published is None:
            published = parse_date_line(normalize_line(line))
        if rule:
            removed.append(normalize_line(line))
        else:
            kept.append(line)
            if head is None and line.strip():
                head = len(removed)
    return PlainClean(join_paragraphs(kept), removed, found_title, published,
                      len(removed) if head is None else head)


def clean_lines(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """Apply the line rules to a text: (clean text, removed lines in order)."""
    result = apply_line_rules(text, title)
    return result.text, result.removed


def join_paragraphs(lines: Iterable[str]) -> str:
    """Join kept lines, collapsing the blank runs that removals leave behind; NFC so that text
    and `removed_lines` compare equal whatever composition the source used."""
    out: list[str] = []
    for line in (unicodedata.normalize("NFC", raw) for raw in lines):
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.strip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
