"""Whether a time expression points back or forward: from the words around it, or from the
verb group it belongs to in a parse.

Without a parse the tense cue nearest to the expression in its own clause decides, because in
"said on Monday it will meet on Thursday" each date sits next to its own verb. With a parse
(`verb_group`, `parsed_tense`) the tense, aspect, voice and planned wording of the verb the time
hangs on decide, climbing from infinitives, participles and coordinated verbs to the finite verb
that carries the tense; event dating uses that.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    "expected", "forthcoming", "tomorrow", "next", "coming", "effective",
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
# The futurate present: news tells a scheduled happening in the simple present ("voters go to the
# polls on Thursday", "the leaders meet Monday"), with verbs of meeting, travel, opening and
# closing. The form alone says future only when no auxiliary, negation or "to" stands before it.
FUTURATE_VERBS = frozenset(
    "go meet visit travel arrive leave return begin start open resume convene vote head fly "
    "hold expire end".split())
"""Verbs whose simple present tells a scheduled happening (lemmas; the parse reads them too)."""
_FUTURATE = FUTURATE_VERBS | frozenset(
    v + "es" if v.endswith("o") else v[:-1] + "ies" if v.endswith("y") else v + "s"
    for v in FUTURATE_VERBS)
_NOT_FUTURATE_BEFORE = _MODALS | _DETERMINERS | _PASSIVE_AUX | frozenset(
    {"not", "n't", "never", "did", "do", "does", "didn't", "don't", "doesn't", "can", "cannot"})


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


_PLANNED = frozenset({"due", "scheduled", "slated", "planned", "expected", "set"})


def _planned_in_the_past(words: list[str], index: int) -> bool:
    """A plan told in the past perfect: "had been due to", "had been scheduled for"."""
    return index > 1 and words[index - 1] == "been" and words[index - 2] == "had"


def _cue(words: list[str], index: int) -> str | None:
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    before = words[index - 1] if index > 0 else ""
    if word in _PLANNED and _planned_in_the_past(words, index):
        return PAST  # "had been due to expire Friday": a plan for a day gone by
    if word in _PLANNED and before in ("was", "were"):
        return None  # "was expected to arrive on Tuesday" may still lie ahead of the report
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return FUTURE
    if word in _FUTURE_BEFORE_TO and after == "to":
        return FUTURE
    if word in _FUTURATE and index > 0 and before not in _NOT_FUTURATE_BEFORE:
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


# Words after "to" that make it a preposition, though lower-case: time modifiers ("moved to
# late October"), nouns that follow passive verbs ("sentenced to death", "returned to power") and
# words with a noun's ending ("raised to completion").
_NOT_VERBS_AFTER_TO = frozenset({
    "next", "last", "late", "early", "mid", "later", "earlier", "about", "around", "between",
    "within", "death", "prison", "jail", "power", "office", "court", "hospital", "trial", "life",
    "parliament", "congress", "exile", "safety", "zero", "date",
})
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ship", "ance", "ence", "ism", "ist")
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "which", "that"})
_ADVERBIAL_BEFORE = frozenset({"not", "never", "also", "just", "only", "then", "recently"})


def _is_infinitive(words: list[str], index: int) -> bool:
    """"to complete" (a verb follows) rather than "to the polls", "to Paris" or "to death"."""
    if words[index] != "to" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    return (following.isalpha() and following.islower() and following not in _DETERMINERS
            and following not in _NOT_VERBS_AFTER_TO and not following.endswith(_NOUN_ENDINGS))


def _breaks(words: list[str], index: int) -> bool:
    """A clause starts here; "as" only when a subject follows ("as the talks began"), not as a
    preposition ("sworn in as president on Wednesday"); a comma not when it separates the
    items of a list ("stepped down as chairman, president and chief executive in March")."""
    if words[index] not in _CLAUSE_BREAKS:
        return False
    if words[index] == ",":
        return not _lists_items(words, index)
    if words[index] == "as":
        following = words[index + 1] if index + 1 < len(words) else ""
        return following in _DETERMINERS or following in _PRONOUNS
    return True


_COORDINATORS = frozenset({"and", "or"})


def _lists_items(words: list[str], index: int) -> bool:
    """The comma at `index` separates the items of a list: one to three words follow it, then
    "and" / "or" and a further word, with no verb cue among them ("chairman, president and
    chief executive")."""
    for step in range(2, 5):
        k = index + step
        if k + 1 >= len(words):
            return False
        items = words[index + 1:k]
        if any(not w.isalpha() or _cue(words, index + 1 + j) is not None
               for j, w in enumerate(items)):
            return False
        if words[k] in _COORDINATORS:
            return words[k + 1].isalpha() and words[k + 1] not in _PRONOUNS
    return False


def _describes_a_noun(words: list[str], index: int) -> bool:
    """A past form right after a noun ("shares tendered", "Series H preferred shares") may be
    a participle describing it rather than a finite verb: taken so only when a future cue
    stands further left in the clause ("will buy shares tendered through Nov. 17")."""
    if index == 0 or words[index] in _IRREGULAR_PAST or words[index] in _PAST_WORDS:
        return False
    before = words[index - 1]
    if (before in _PRONOUNS or before in _PASSIVE_AUX or before in _ADVERBIAL_BEFORE
            or before in _MODALS or before in _CLAUSE_BREAKS or before.endswith("ly")):
        return False
    for earlier in range(index - 1, -1, -1):
        if _breaks(words, earlier):
            return False
        if _cue(words, earlier) == FUTURE:
            return True
    return False


def infer_tense(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None for the expression at [start, end) of `text`.

    The verb a time phrase belongs to usually comes before it in its clause ("will cast ballots
    on Tuesday in an election shaped by..."), so the nearest cue to the left wins; a cue to the
    right counts only when the left has none, and only up to the end of the clause, except that a
    fronted phrase ("On Sunday, police said") reaches past its comma. A past verb followed by an
    infinitive ("had promised to complete it by August 31") leaves the direction open; a
    participle describing a noun under a future verb ("will buy shares tendered through
    Nov. 17") has no tense and leaves it open too.
    """
    left, right = sentence_bounds(text, start, end)
    tokens = [(m.start() + left, m.end() + left, m.group().lower().replace("’", "'"))
              for m in _TOKEN.finditer(text[left:right])]
    words = [w for _, _, w in tokens]
    before = [k for k, (_, e, _) in enumerate(tokens) if e <= start]
    after = [k for k, (s, _, _) in enumerate(tokens) if s >= end]
    infinitive = False
    for index in reversed(before):
        if _breaks(words, index):
            break
        cue = _cue(words, index)
        if cue == PAST and _describes_a_noun(words, index):
            return None
        if cue is not None:
            return None if cue == PAST and infinitive else cue
        infinitive = infinitive or _is_infinitive(words, index)
    fronted = not any(_breaks(words, k) for k in before)
    for index in after:
        if _breaks(words, index):
            if words[index] == "," and fronted:
                fronted = False
                continue
            break
        cue = _cue(words, index)
        if cue is not None:
            return cue
    return None


# --- from a parse: the verb group a time expression belongs to ---------------------------------

PRESENT = "present"
SIMPLE, PROGRESSIVE, PERFECT = "simple", "progressive", "perfect"

PLAN_WORDS = frozenset(
    "schedule set due expect slate plan intend aim hope want agree promise decide vow pledge "
    "threaten seek prepare propose arrange go be poise likely about ready anticipate "
    "slated".split()  # the tagger lemmatizes "slated" to "slat"
)
"""Governors of a to-infinitive that put the infinitive's event ahead of them ("is scheduled to
open", "is to", "is due to", "was going to"): looking back from a past report, the event may lie
on either side of publication."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WILL = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_CLIMB_LIMIT = 40


@dataclass(frozen=True)
class VerbGroup:
    """The tense, aspect and voice of the verb group a word belongs to, read from the parse."""

    verb: Any
    """The spaCy token heading the group (the lexical verb)."""
    tense: str
    """"past", "present" or "future" (a modal: "will", "would", "may" …)."""
    aspect: str
    """"simple", "progressive" or "perfect"."""
    passive: bool = False
    scheduled: bool = False
    """Under planned wording: "is scheduled/set/due/expected to", "is to", "plans to"."""
    infinitive: bool = False
    """Reached through a to-infinitive ("needs to pay by Friday")."""
    participle: bool = False
    """A past participle without auxiliaries ("shares tendered through Nov. 17", "the terms,
    announced Friday, …"): no tense of its own, and not the tense of the verb it hangs on
    either, unless that one is past."""
    futurate: bool = False
    """A scheduled happening told in the simple present with no auxiliary ("the leaders meet
    on Monday", "voters go to the polls on Thursday"): it points ahead."""

    def direction(self) -> str | None:
        """Which way a relative time of this group points from publication: past, future, or
        None (nearest). A past report of a plan leaves its day open ("was to meet on Friday")."""
        if self.participle:
            return PAST if self.tense == PAST else None
        if self.tense == FUTURE:
            return FUTURE
        if self.tense == PAST:
            return None if self.scheduled else PAST
        if self.scheduled or self.infinitive or self.aspect == PROGRESSIVE or self.futurate:
            return FUTURE  # "is due to start", "hopes to win", "is meeting on Monday"
        if self.aspect == PERFECT:
            return PAST  # "has met", "has been moved"
        return None  # a plain present: habitual or timetable, no direction of its own


def verb_group(token: Token) -> VerbGroup | None:
    """The verb group that carries the tense of the clause `token` stands in.

    From a time word the walk goes up to its verb; a verb without a finite form of its own takes
    the tense of what governs it: a to-infinitive its governor's (noting planned wording), a
    participle or gerund the verb its noun or clause hangs on, a coordinated verb its first
    conjunct's. None when nothing up to the root is finite (a headline fragment), or when the
    verb found heads a "that" clause the word stands before (the parse went wrong)."""
    tok = token
    scheduled = infinitive = participle = False
    for _ in range(_CLIMB_LIMIT):
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        finite = sorted([a for a in auxes if a.tag_ in _FINITE_TAGS]
                        + ([tok] if tok.tag_ in _FINITE_TAGS else []), key=lambda t: t.i)
        if finite:
            if any(c.dep_ == "mark" and token.i < c.i < tok.i for c in tok.children):
                return None  # the word lies before the clause's "that": a parse gone wrong
            return _group(tok, auxes, finite[0], scheduled, infinitive, participle)
        if tok.head.i == tok.i:
            return None
        to_infinitive = any(a.tag_ == "TO" for a in auxes)
        if to_infinitive or tok.dep_ == "xcomp":
            governor = tok.head
            infinitive = infinitive or to_infinitive
            scheduled = scheduled or (governor.lemma_.lower() in PLAN_WORDS
                                      or governor.lower_ in PLAN_WORDS)
        elif tok.tag_ == "VBN" and not auxes and not scheduled:
            participle = True
        tok = tok.head
    return None


def _group(verb: Token, auxes: list[Token], first: Token, scheduled: bool, infinitive: bool,
           participle: bool) -> VerbGroup:
    passive = any(a.dep_ == "auxpass" for a in auxes)
    perfect = any(a.lemma_ == "have" for a in auxes) and (
        verb.tag_ == "VBN" or any(a.lower_ == "been" for a in auxes))  # "has been saying" too
    progressive = (verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes)) or any(
        a.lower_ == "being" for a in auxes)
    aspect = PERFECT if perfect else PROGRESSIVE if progressive else SIMPLE
    if first.tag_ == "MD":
        word = first.lower_
        if word not in _WILL and perfect:
            tense = PAST  # "would have met", "may have left"
        else:
            tense = FUTURE  # "will", and "would" of reported plans ("said it would meet")
    else:
        tense = PAST if first.tag_ == "VBD" else PRESENT
    futurate = (tense == PRESENT and first.i == verb.i and not auxes
                and not any(c.dep_ == "neg" for c in verb.children)
                and verb.lemma_.lower() in FUTURATE_VERBS)
    return VerbGroup(verb, tense, aspect, passive, scheduled, infinitive, participle, futurate)


def parsed_tense(token: Token) -> str | None:
    """Direction for a time expression whose head word is `token`, from its verb group."""
    group = verb_group(token)
    return group.direction() if group is not None else None
