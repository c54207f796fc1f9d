"""Sentences of a topic's articles, their mentioned dates, and the per-date summary choice.

A timeline line must be a real sentence of a real article, so everything here works on sentences
cut from the article text with a light splitter (one sentence per line or running paragraphs) and
keeps where each came from. Per date the summary is the most central candidate sentences (TF-IDF
cosine to the date's centroid) under a similarity cap, so one date never says the same thing twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy import sparse

from storyline.model import Article
from storyline.time import find_time_expressions, is_timestamp, parse_published
from storyline.time.core import TimeExpression
from storyline.time.published import parse_dateline

LEAD = 5
"""Sentences at the top of an article that may speak for its publication date (news lead)."""
PUB_WINDOW = 2
"""A lead sentence speaks for the publication day and the day before (news reports yesterday)."""
MIN_TOKENS, MAX_TOKENS = 5, 50
"""Fragments and run-together captions make poor timeline lines."""
MAX_SIMILARITY = 0.5
"""Two sentences above this TF-IDF cosine say the same thing: only one per date."""
DUPLICATE_SIMILARITY = 0.8
"""Across dates only near-copies are blocked: a later date may restate some of an earlier one."""
MENTION_BONUS = 0.25
"""Relative boost for a sentence that names the date: direct evidence it is about that day."""
EVENT_BONUS = 0.25
"""Further boost for a sentence that holds a coded event dated on the same day."""

_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z0-9])")
_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov",
                     "sen", "rep", "prof", "jr", "sr", "no", "vs", "u.s", "u.n", "u.k", "jan",
                     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                     "inc", "corp", "co", "ltd", "maj", "adm", "brig", "rev", "e.g", "i.e", "etc"})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset("""a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours out
over own said same says she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours lrb rrb lsb rsb s t""".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article, where it came from and the days it names."""

    article_id: str
    position: int
    text: str
    published: date | None
    mentions: tuple[date, ...]
    """Days (day precision) the sentence's time expressions resolve to."""
    start: int = 0
    end: int = 0
    """Offsets of `text` in the article's clean text."""
    dated_by: tuple[TimeExpression, ...] = ()
    """The day-precision time expressions behind `mentions`, in text order."""

    def expression_for(self, day: date) -> TimeExpression | None:
        """The first expression of the sentence that names `day` (None for a lead sentence
        placed near its publication day)."""
        return next((e for e in self.dated_by if e.value == day.isoformat()), None)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`: lines first (hard-wrapped lines of one
    paragraph joined back), then sentence ends inside a line (not after common abbreviations or
    initials). A span may hold the newlines of a wrapped sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in _unwrapped_lines(text):
        start = 0
        for match in _SPLIT.finditer(line):
            before = line[start:match.start()].rstrip("\"'”’)").rsplit(None, 1)
            word = before[-1].rstrip(".!?").lower() if before else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            _add_span(spans, line, offset, start, match.start())
            start = match.end()
        _add_span(spans, line, offset, start, len(line))
        offset += len(line) + 1
    return spans


_SENTENCE_END = re.compile(r"(?:[.!?:;]|-RRB-)(?:\s*(?:[\"'”’)\]]|''))*\s*$")
_RUN_ON_WORDS = frozenset("""a an the and or but of to in on at by for from with as that which who
whose whom than into over after before its their his her our said says""".split())
"""Words a sentence cannot end on: a line stopping on one was wrapped, not ended."""


def _unwrapped_lines(text: str) -> list[str]:
    """The text's lines, with each hard-wrapped paragraph joined back into one line (its
    newlines kept, so offsets stay those of the text): a line that does not end a sentence runs
    on into the next when that one starts in lower case ("…brought Moscow\nand Ankara…") or
    when it stops on a comma, a dash or a word no sentence ends on ("…a ceasefire in the\nIdlib
    zone"). A headline over its first sentence, or one sentence per line, stays as it is."""
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and _runs_on(joined[-1].rsplit("\n", 1)[-1], line):
            joined[-1] += "\n" + line
        else:
            joined.append(line)
    return joined


def _runs_on(previous: str, line: str) -> bool:
    head, tail = line.lstrip(), previous.rstrip()
    if not head or not tail or _SENTENCE_END.search(tail):
        return False
    last = tail.rsplit(None, 1)[-1].lower()
    return head[0].islower() or tail[-1] in ",-–—" or last in _RUN_ON_WORDS


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def article_sentences(article: Article) -> list[Sentence]:
    """The article's sentences with the days their time expressions name, resolved against the
    publication date (one pass over the whole text, so tense cues across lines still count).
    A dateline opening a sentence ("MOSCOW, March 5 (Reuters) –") is left out of it: it is the
    report's metadata, not what happened, and its date is the publication's, not a mention."""
    text = article.text or ""
    published = parse_published(article.published) if article.published else None
    spans = [_after_dateline(text, s, e) for s, e in split_sentences(text)]
    days: list[set[date]] = [set() for _ in spans]
    found: list[list[TimeExpression]] = [[] for _ in spans]
    if spans:
        starts = np.array([s for s, _ in spans])
        for expr in find_time_expressions(text, published):
            if expr.kind != "date" or expr.precision != "day" or not expr.value:
                continue
            if is_timestamp(text, expr):
                continue
            index = int(np.searchsorted(starts, expr.start, side="right")) - 1
            if index >= 0 and expr.start < spans[index][1]:
                days[index].add(date.fromisoformat(expr.value))
                found[index].append(expr)
    return [Sentence(article.id, i, text[s:e], published, tuple(sorted(days[i])), s, e,
                     tuple(found[i]))
            for i, (s, e) in enumerate(spans)]


def _after_dateline(text: str, start: int, end: int) -> tuple[int, int]:
    line = parse_dateline(text[start:end])
    if line is None:
        return start, end
    cut = text.find(line.text, start, end) + len(line.text)
    while cut < end and text[cut] in _DATELINE_TAIL:
        cut += 1
    return (cut, end) if cut < end else (start, end)


_DATELINE_TAIL = frozenset(" \t\n–—-:|")


def tokens(text: str) -> list[str]:
    """Content words for TF-IDF: lowercased, stop words and PTB bracket tokens dropped."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


class TfidfSpace:
    """TF-IDF vectors (L2-normalized rows) of a topic's sentences, built once per timeline."""

    def __init__(self, texts: Sequence[str]) -> None:
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for tok in tokens(text):
                col = vocab.setdefault(tok, len(vocab))
                counts[col] = counts.get(col, 0) + 1
            for col, n in counts.items():
                rows.append(row)
                cols.append(col)
                vals.append(1.0 + np.log(n))
        tf = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), max(len(vocab), 1)))
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=tf.shape[1])
        idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
        weighted = tf.multiply(idf[np.newaxis, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)

    def rows(self, indices: Sequence[int]) -> sparse.csr_matrix:
        return self.matrix[list(indices)]


def candidates_for(mentioned: Iterable[int], leads: Iterable[int]) -> list[int]:
    """Candidate sentence indices for a date: those naming it, then undated lead sentences of
    articles published that day or the next (deduplicated, order kept)."""
    seen: dict[int, None] = {}
    for index in (*mentioned, *leads):
        seen.setdefault(index, None)
    return list(seen)


def lead_days(sentence: Sentence) -> list[date]:
    """Days an undated lead sentence may speak for."""
    if sentence.mentions or sentence.position >= LEAD or sentence.published is None:
        return []
    return [sentence.published - timedelta(days=k) for k in range(PUB_WINDOW)]


def usable(sentence: Sentence) -> bool:
    """Long enough to say something, short enough to be one sentence."""
    n = len(sentence.text.split())
    return MIN_TOKENS <= n <= MAX_TOKENS


def choose_sentences(space: TfidfSpace, mentioned: Sequence[int], leads: Sequence[int], k: int,
                     boosted: frozenset[int] = frozenset(),
                     taken: sparse.csr_matrix | None = None,
                     relevance: Sequence[float] | None = None) -> list[int]:
    """Up to `k` sentence indices for one date: ranked by cosine to the date's centroid (the mean
    of the mentioning sentences and of the lead sentences, each group weighted equally, as in
    DATEWISE) times the topic relevance of the sentence's article (by sentence index; default 1,
    so an off-topic report of the same day does not speak for the topic), sentences naming the
    date (and coded events of it) boosted, skipping any too similar to one already chosen here or
    a near-copy of one used on another date."""
    pool = candidates_for(mentioned, leads)
    if not pool or k <= 0:
        return []
    groups = [g for g in (list(mentioned), list(leads)) if g]
    centroid = sum(np.asarray(space.rows(g).mean(axis=0)).ravel() for g in groups) / len(groups)
    vectors = space.rows(pool)
    scores = np.asarray(vectors @ centroid).ravel()
    named = set(mentioned)
    boost = [(1.0 + MENTION_BONUS * (i in named)) * (1.0 + EVENT_BONUS * (i in boosted))
             for i in pool]
    scores = scores * np.array(boost)
    if relevance is not None:
        scores = scores * np.array([relevance[i] for i in pool])
    order = sorted(range(len(pool)), key=lambda j: (-scores[j], pool[j]))
    chosen: list[int] = []
    for j in order:
        if scores[j] <= 0:
            break
        vec = vectors[j]
        if chosen and (space.rows(chosen) @ vec.T).max() > MAX_SIMILARITY:
            continue
        if taken is not None and taken.shape[0] and (taken @ vec.T).max() > DUPLICATE_SIMILARITY:
            continue
        chosen.append(pool[j])
        if len(chosen) == k:
            break
    return chosen
