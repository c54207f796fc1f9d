"""What an article looks like to the story clusterer: words, entities, event types, a date and a
dense embedding, each kept as its own unit-length matrix so a pair's similarity is a weighted sum
of cosines (one per view) that the benchmark can learn the weights of.

Outlets describe one event in different words but name the same people and places on the same
days, while one ongoing issue repeats its vocabulary for years; no single view separates both.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.model import Article
from storyline.stories.days import day_number
from storyline.stories.undated import Central, central_features

LEAD_CHARS = 3000
"""Words past the first few paragraphs are background; the lead says what happened."""
EMBED_CHARS = 600
"""The headline plus the first sentences: what the embedding of one article is taken from."""
VIEWS = ("words", "entities", "types", "dense")
"""Similarity views, in the order of the weight vectors."""

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*[^\W_]|[^\W\d_]", re.UNICODE)
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just let me more most my myself no nor not now of off on once only or other our ours ourselves
out over own said same say says she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves told
according one two three new last first year years week day days time people mr mrs ms per
percent may might must shall since still yet however though although via within without
another many much several told tuesday monday wednesday thursday friday saturday sunday
""".split())


def content_words(text: str) -> list[str]:
    """Lower-cased words minus stopwords, with a light plural fold so "talks" meets "talk"."""
    words = []
    for raw in _WORD.findall(text.lower()):
        word = raw.replace("\u2019", "'").removesuffix("'s").strip("'-")
        if len(word) < 3 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        words.append(word)
    return words


def entity_names(
    article_id: str, events_of: Mapping[str, list[dict]], mentions: Mapping[str, Sequence[dict]]
) -> list[str]:
    """Normalized actor and place names of an article: from its mentions, else from its events."""
    names: list[str] = []
    found = mentions.get(article_id)
    if found:
        for mention in found:
            actor, place = mention.get("actor") or {}, mention.get("place") or {}
            if place.get("name"):
                names.append("place:" + place["name"])
            elif actor.get("name"):
                names.append("actor:" + actor["name"])
        return names
    for event in events_of.get(article_id, []):
        for role in ("source", "target"):
            if (actor := event.get(role)) and actor.get("name"):
                names.append("actor:" + actor["name"])
        if (place := event.get("location")) and place.get("name"):
            names.append("place:" + place["name"])
    return names


def event_day(article_id: str, events_of: Mapping[str, list[dict]]) -> float:
    """A content date for an undated article: the median of the dates its sentences write out
    in full (not those taken from another sentence)."""
    days = sorted(day_number(e.get("date")) for e in events_of.get(article_id, [])
                  if e.get("date_basis") == "absolute" and e.get("dated_by") in (None, "sentence"))
    days = [d for d in days if not math.isnan(d)]
    return days[len(days) // 2] if days else math.nan


@dataclass
class Features:
    """One row per article in every view; `day` is NaN where no publication date is known,
    and `central` then says when and where the article's news happened."""

    ids: list[str]
    day: np.ndarray
    words: sparse.csr_matrix
    entities: sparse.csr_matrix
    types: sparse.csr_matrix
    dense: np.ndarray
    central: Central

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, index: Sequence[int] | np.ndarray) -> Features:
        index = np.asarray(index, dtype=np.int64)
        return Features([self.ids[i] for i in index], self.day[index], self.words[index],
                        self.entities[index], self.types[index], self.dense[index],
                        self.central.rows(index))

    def similarity(self, a: np.ndarray, b: np.ndarray, weights: Sequence[float]) -> np.ndarray:
        """Weighted content similarity of rows `a` x rows `b` (no date factor)."""
        total = np.zeros((len(a), len(b)), dtype=np.float64)
        for weight, view in zip(weights, VIEWS, strict=True):
            if weight == 0:
                continue
            left, right = getattr(self, view)[a], getattr(self, view)[b]
            product = left @ right.T
            total += weight * (product.toarray() if sparse.issparse(product) else product)
        return total


def _tfidf(docs: list[Counter[str]], sublinear: bool = True) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows; IDF from the documents given, so no vocabulary ships."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, counts in enumerate(docs):
        for term in sorted(counts):
            j = vocab.setdefault(term, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append(1.0 + math.log(counts[term]) if sublinear else float(counts[term]))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(len(vocab), 1)))
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=matrix.shape[1])
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)


def article_features(
    articles: Sequence[Article],
    events: Sequence[dict] = (),
    mentions: Mapping[str, Sequence[dict]] | None = None,
    embed: bool = True,
) -> Features:
    """Features of `articles` in the order given (the embedding model loads on first use)."""
    events_of: dict[str, list[dict]] = {}
    for event in events:
        events_of.setdefault(event.get("article_id", ""), []).append(event)
    mentions = mentions or {}
    words, names, types, days, content_days = [], [], [], [], []
    for article in articles:
        title = article.title or ""
        words.append(Counter(content_words(f"{title}\n{title}\n{article.text[:LEAD_CHARS]}")))
        names.append(Counter(entity_names(article.id, events_of, mentions)))
        types.append(Counter(e.get("type", "") for e in events_of.get(article.id, [])))
        days.append(day_number(article.published))
        content_days.append(event_day(article.id, events_of) if math.isnan(days[-1]) else
                            math.nan)
    if embed:
        from storyline.events.features import embed as embed_texts

        leads = [f"{a.title or ''}. {a.text[:EMBED_CHARS]}" for a in articles]
        dense = embed_texts(leads).astype(np.float64)
    else:
        dense = np.zeros((len(articles), 1))
    published = np.asarray(days, dtype=np.float64)
    written = np.asarray(content_days, dtype=np.float64)
    central = central_features(articles, published, mentions, written, events_of)
    day_array = np.where(np.isnan(published), written, published)  # a content date if no other
    return Features([a.id for a in articles], day_array, _tfidf(words), _tfidf(names),
                    _tfidf(types, sublinear=False), dense, central)
