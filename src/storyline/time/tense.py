"""Guess whether a time expression points back or forward from the words around it.

A stand-in for a parse: the tense cue nearest to the expression in its own clause decides, because
in "said on Monday it will meet on Thursday" each date sits next to its own verb. A spaCy parse can
later pass the tense explicitly and skip this.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

PAST = "past"
FUTURE = "future"

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[,:;()–—]")
# Where a clause ends: a cue beyond it belongs to another verb ("... on May 28 after no
# candidate won a majority").
_CLAUSE_BREAKS = frozenset({
    ",", ":", ";", "(", ")", "–", "—", "after", "before", "when", "while", "because", "although",
    "though", "that", "which", "who", "whom", "where", "if", "unless", "as", "whereas",
})
_SENTENCE_END = re.compile(r"[;\n]|(?<=[.!?])[\"'”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
# Short words that end in a full stop without ending a sentence ("at 3 p.m. Monday").
_ABBREVIATIONS = frozenset({
    "p.m", "a.m", "pm", "am", "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov",
    "sen", "rep", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "u.s",
    "u.n", "u.k", "e.u", "vs", "etc", "inc", "corp", "co", "jr", "sr", "prof",
})

_FUTURE_WORDS = frozenset({
    "will", "shall", "would", "won't", "upcoming", "due", "scheduled", "slated", "planned",
    "expected", "forthcoming", "tomorrow", "next", "coming",
})
_FUTURE_BEFORE_TO = frozenset({
    "plans", "plan", "planning", "going", "set", "intends", "intend", "aims", "aim", "hopes",
    "hope", "hoping", "wants", "want",
    "is", "are", "am",
})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "has", "have", "ago", "last", "yesterday", "since", "wasn't",
    "weren't", "hadn't", "didn't", "hasn't", "haven't",
})
_IRREGULAR_PAST = frozenset({
    "said", "told", "met", "held", "took", "went", "came", "gave", "made", "saw", "began",
    "fought", "fled", "left", "won", "lost", "struck", "brought", "bought", "thought", "sent",
    "spent", "built", "kept", "fell", "rose", "broke", "spoke", "wrote", "ran", "chose", "drove",
    "led", "shot", "stood", "sought", "caught", "taught", "found", "heard", "knew", "grew",
    "threw", "flew", "drew", "sat", "paid", "laid", "sold", "swept", "slept", "meant", "felt",
    "dealt", "stole", "froze", "woke", "withdrew", "undertook", "overtook", "became", "got",
    "forgot", "hid", "bit", "rode", "sang", "sank", "swore", "tore", "wore", "overthrew",
    "shook", "stuck", "strove", "arose", "lit", "slid", "sprang", "spun",
})
_NOT_PAST_ED = frozenset({"hundred", "red", "bed", "shed", "sacred", "naked", "wicked"})
_DETERMINERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "any", "no", "of",
})
# A participle after these is passive or adjectival ("will be held", "is headed for"): the
# auxiliary, not the participle, carries the tense.
_PASSIVE_AUX = frozenset({"be", "been", "being", "is", "are", "am", "was", "were", "get", "gets"})
_MODALS = frozenset({"will", "would", "shall", "to", "could", "may", "might", "must", "should"})


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): tense cues beyond it say nothing about this date.

    The text's sentence ends are found once and bisected, so finding every expression of a text
    stays linear in its size."""
    starts, stops = _sentence_breaks(text)
    index = bisect_right(stops, start)  # breaks that end at or before the expression
    left = stops[index - 1] if index else 0
    following = bisect_left(starts, end, lo=index)
    right = starts[following] if following < len(starts) else len(text)
    return left, right


@lru_cache(maxsize=16)
def _sentence_breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Start and end offsets of every sentence break of `text`, in order (cached: one scan per
    text, however many expressions ask)."""
    breaks = [m.span() for m in _SENTENCE_END.finditer(text)
              if not _is_abbreviation(text, m.start())]
    return tuple(s for s, _ in breaks), tuple(e for _, e in breaks)


def _is_abbreviation(text: str, position: int) -> bool:
    head = text[max(0, position - 6):position + 1].rstrip()
    if not head.endswith("."):
        return False
    word = re.split(r"[\s(\"“]", head[:-1])[-1].lower()
    return word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word) is not None


def _cue(words: list[str], index: int) -> str | None:
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    before = words[index - 1] if index > 0 else ""
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return FUTURE
    if word in _FUTURE_BEFORE_TO and after == "to":
        return FUTURE
    if word in ("have", "has") and before in _MODALS:
        return None  # "will have talks": the modal before it is the cue
    if word in _PAST_WORDS:
        return PAST
    if before in _PASSIVE_AUX or before in _DETERMINERS:
        return None  # "will be held", "the proposed summit": the participle carries no tense
    if word in _IRREGULAR_PAST:
        return PAST
    if (len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
            and word not in _NOT_PAST_ED):
        return PAST
    return None


def _is_infinitive(words: list[str], index: int) -> bool:
    """"to complete" (a verb follows) rather than "to the polls" or "to Paris"."""
    if words[index] != "to" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    return following.isalpha() and following.islower() and following not in _DETERMINERS


def infer_tense(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None for the expression at [start, end) of `text`.

    The verb a time phrase belongs to usually comes before it in its clause ("will cast ballots
    on Tuesday in an election shaped by..."), so the nearest cue to the left wins; a cue to the
    right counts only when the left has none, and only up to the end of the clause, except that a
    fronted phrase ("On Sunday, police said") reaches past its comma. A past verb followed by an
    infinitive ("had promised to complete it by August 31") leaves the direction open.
    """
    left, right = sentence_bounds(text, start, end)
    tokens = [(m.start() + left, m.end() + left, m.group().lower().replace("’", "'"))
              for m in _TOKEN.finditer(text[left:right])]
    words = [w for _, _, w in tokens]
    before = [k for k, (_, e, _) in enumerate(tokens) if e <= start]
    after = [k for k, (s, _, _) in enumerate(tokens) if s >= end]
    infinitive = False
    for index in reversed(before):
        if words[index] in _CLAUSE_BREAKS:
            break
        cue = _cue(words, index)
        if cue is not None:
            return None if cue == PAST and infinitive else cue
        infinitive = infinitive or _is_infinitive(words, index)
    fronted = all(words[k] not in _CLAUSE_BREAKS for k in before)
    for index in after:
        if words[index] in _CLAUSE_BREAKS:
            if words[index] == "," and fronted:
                fronted = False
                continue
            break
        cue = _cue(words, index)
        if cue is not None:
            return cue
    return None
