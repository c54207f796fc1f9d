"""Understanding: who did what to whom, where and when, for every article.

spaCy parses each article once; the parse feeds actor normalization, place geocoding, time
expressions and the PLOVER coder. Each article is handled by a pure function of its text and the
read-only resources (model, actor table, gazetteer), so the step parallelizes on any engine.
Undated articles get an inferred date from their own text and the dates of their copy group.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xxhash

from storyline.events import EventCoder, cameo_root
from storyline.events.dating import (
    article_times,
    date_from_antecedent,
    date_from_narrative,
    date_from_news_peg,
    dating_key,
    event_date,
    news_peg,
)
from storyline.events.roles import PRONOUN_KINDS
from storyline.model import Actor, Article, Event, Place
from storyline.nlp import ActorNormalizer, entities_of, load_nlp, model_info
from storyline.nlp.places import geocode_document
from storyline.store.events import EventFilter
from storyline.time import TimeExpression
from storyline.time.published import infer_published

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from storyline.progress import Reporter
    from storyline.store.sqlite import SqliteStore

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CONFIDENT = 0.5
"""An inferred publication date below this confidence is given as a range only."""


@dataclass
class Mention:
    """An actor or place mention in an article's clean text (offsets into `Article.text`)."""

    text: str
    label: str
    start: int
    end: int
    actor: Actor | None = None
    place: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "actor": self.actor.to_dict() if self.actor else None,
            "place": self.place.to_dict() if self.place else None,
        }


@dataclass
class Understanding:
    """What the step found in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def understand_articles(
    articles: Sequence[Article],
    reporter: Reporter | None = None,
    workers: int = 1,
    batch_size: int = 16,
) -> dict[str, Understanding]:
    """Parse and code every article; returns article id -> findings. Undated articles should
    have been through `infer_missing_dates` first. With several workers, each process loads the
    resources once and takes chunks of articles; every article is handled alone, so the
    result does not depend on how the work was split."""
    found: dict[str, Understanding] = {}
    if workers > 1 and len(articles) > CHUNK:
        chunks = [list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_understand_chunk, chunks):
                for item in part:
                    found[item.article_id] = item
                    if reporter:
                        reporter.advance("understand")
        return found
    for item in _understand_stream(articles, batch_size):
        found[item.article_id] = item
        if reporter:
            reporter.advance("understand")
    return found


CHUNK = 24


def _understand_chunk(articles: list[Article]) -> list[Understanding]:
    return list(_understand_stream(articles, 16))


def _understand_stream(articles: Sequence[Article], batch_size: int) -> Iterator[Understanding]:
    nlp = load_nlp()
    coder = EventCoder(nlp)
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        # a fresh normalizer per article: short mentions resolve within the article only, so
        # the findings never depend on which articles were handled before in this process
        yield understand_article(article, doc, ActorNormalizer(), coder)


def understand_article(
    article: Article, doc: Doc, normalizer: ActorNormalizer, coder: EventCoder
) -> Understanding:
    """Mentions and events of one parsed article."""
    when = article.published
    actors = entities_of(doc, normalizer, when=when)
    mentions = [Mention(s.text, s.label_, s.start_char, s.end_char, actor=a) for s, a in actors]
    place_spans = [s for s in doc.ents if s.label_ in PLACE_LABELS]
    places = geocode_document([s.text for s in place_spans])
    by_offset = {(m.start, m.end): m for m in mentions}
    for span in place_spans:
        place = places.get(span.text)
        mention = by_offset.get((span.start_char, span.end_char))
        if mention is None:
            mention = Mention(span.text, span.label_, span.start_char, span.end_char)
            by_offset[(span.start_char, span.end_char)] = mention
        if place is not None:
            mention.place = _as_written(place, span.text)
    mentions = sorted(by_offset.values(), key=lambda m: (m.start, m.end))
    times = article_times(article)
    sentences = list(doc.sents)
    coded = coder.code_all(sentences)
    events: list[Event] = []
    told: dict[str, Event] = {}
    peg = news_peg(article, sentences, times, [c.type if c else None for c in coded])
    for sent, result in zip(sentences, coded, strict=True):
        if result is None:
            continue
        event = _event(article, sent, result, mentions, times, normalizer)
        if event.date_text is None:
            date_from_antecedent(event, sent, told)
        date_from_news_peg(event, sent, peg)
        date_from_narrative(event, article, sent, times, result.verbs)
        if event.date_text is not None:
            told[event.type] = event
        events.append(event)
    return Understanding(article.id, mentions, events)


def _as_written(place: Place, text: str) -> Place:
    return Place(place.name, place.country, place.lat, place.lon, text, place.geonameid,
                 place.feature)


def _event(
    article: Article,
    sent: Span,
    coded: Any,
    mentions: list[Mention],
    times: list[TimeExpression],
    normalizer: ActorNormalizer,
) -> Event:
    start, end = sent.start_char, sent.end_char
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    source = _actor_at(sent, coded.source_span, inside, normalizer, article.published)
    target = _actor_at(sent, coded.target_span, inside, normalizer, article.published)
    source, target = (_carried_over(a, sent, mentions) for a in (source, target))
    date, date_text, basis, expression = event_date(article, sent, times, coded.type,
                                                    coded.verbs)
    return Event(
        id=f"{article.id}:{start}",
        article_id=article.id,
        type=coded.type,
        mode=coded.mode,
        sentence=sent.text,
        char_start=start,
        char_end=end,
        source=source,
        target=target,
        date=date,
        date_text=date_text,
        date_basis=basis,
        date_value=expression.timex if expression else None,
        date_type=expression.type if expression else None,
        dated_by="sentence" if date_text else ("publication" if date else None),
        location=_location(inside, source, target),
        cameo=cameo_root(coded.type, coded.mode),
        confidence=coded.confidence,
    )


def _actor_at(
    sent: Span,
    span: tuple[int, int] | None,
    inside: list[Mention],
    normalizer: ActorNormalizer,
    when: str | None,
) -> Actor | None:
    """The actor behind a coder span: the entity mention it covers when there is one (already
    resolved in the document's context), else the span's words normalized alone."""
    if span is None:
        return None
    absolute = (sent.start_char + span[0], sent.start_char + span[1])
    for mention in inside:
        if mention.actor and absolute[0] <= mention.start and mention.end <= absolute[1]:
            if mention.actor.kind != "place":
                return Actor(sent.doc.text[absolute[0]:absolute[1]], mention.actor.name,
                             mention.actor.kind, mention.actor.role, mention.actor.country)
    text = sent.doc.text[absolute[0]:absolute[1]]
    return normalizer.normalize(text, None, when=when)


def _carried_over(actor: Actor | None, sent: Span, mentions: list[Mention]) -> Actor | None:
    """A pronoun the sentence itself leaves open ("It already hosts 3.5 million refugees")
    stands for the subject of the sentence before, when that subject is an actor the pronoun can
    be (a person for he/she, a state, body or group for it/they); it stays as written."""
    kind = PRONOUN_KINDS.get(actor.text.lower()) if actor is not None else None
    if actor is None or kind not in ("person", "body", "group") or sent.start == 0:
        return actor
    before = sent.doc[sent.start - 1].sent
    for subject in (t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")):
        found = next((m.actor for m in mentions if m.actor and m.start <= subject.idx < m.end),
                     None)
        if found is None or found.kind in (None, "place"):
            continue
        if (found.kind == "person") == (kind == "person"):
            return Actor(actor.text, found.name, found.kind, found.role, found.country)
    return actor


def _location(inside: list[Mention], source: Actor | None, target: Actor | None) -> Place | None:
    """The first place the sentence names that is not one of its actors."""
    actor_names = {a.name for a in (source, target) if a is not None and a.name}
    for mention in inside:
        if mention.place is None:
            continue
        if mention.actor is not None and mention.actor.kind != "place":
            if mention.actor.name in actor_names:
                continue
        return mention.place
    return None


def infer_missing_dates(articles: Iterable[Article]) -> int:
    """Give undated articles an inferred publication date (or range) from their own text and the
    dated members of their copy group; returns how many got a confident date."""
    articles = list(articles)
    groups: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        root = article.duplicate_of or article.id
        if article.published:
            groups[root].append(article.published)
    dated = 0
    for article in articles:
        if article.published:
            continue
        dated += _infer_one(article, groups.get(article.duplicate_of or article.id, []))
    return dated


def _infer_one(article: Article, story_dates: list[str]) -> int:
    inferred = infer_published(article.text, article.removed_lines, story_dates=story_dates,
                               removed_head=article.removed_head)
    article.extra["published_inferred"] = {
        "value": inferred.value,
        "earliest": inferred.earliest,
        "latest": inferred.latest,
        "confidence": round(inferred.confidence, 2),
        "estimate": inferred.estimate,
        "evidence": inferred.evidence,
    }
    if inferred.value and inferred.confidence >= CONFIDENT:
        article.published, article.published_basis = inferred.value, "inferred"
        return 1
    return 0


@functools.cache
def understanding_version() -> str:
    """Fingerprint of everything the step's output depends on besides the article: its code, its
    data tables and the spaCy model, so stored findings are reused only when still valid."""
    import storyline

    root = Path(storyline.__file__).parent
    digest = xxhash.xxh3_64()
    parts = ["understand.py", "nlp/*.py", "events/*.py", "time/*.py", "data/*.json"]
    for pattern in parts:
        for path in sorted(root.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(json.dumps(model_info(), sort_keys=True).encode())
    return digest.hexdigest()


def findings_key(article: Article) -> str:
    return f"{article.content_hash}|{article.published}|{understanding_version()}"


@dataclass
class CorpusFindings:
    """The understanding step's output for a run: contract event records (sorted by article
    and position) and each article's mention records."""

    events: list[dict[str, Any]]
    mentions: dict[str, list[dict[str, Any]]]
    stats: dict[str, int]


def understand_corpus(
    articles: Sequence[Article],
    store: SqliteStore | None = None,
    reporter: Reporter | None = None,
    workers: int = 1,
) -> CorpusFindings:
    """Events and mentions of every article, taking the store's findings for articles
    understood before by this same version."""
    known = store.understood_keys() if store is not None else {}
    keys = {a.id: findings_key(a) for a in articles}
    todo = [a for a in articles if known.get(a.id) != keys[a.id]]
    reused = [a.id for a in articles if known.get(a.id) == keys[a.id]]
    if reporter:
        reporter.start("understand", "Understanding", total=len(todo))
    found = understand_articles(todo, reporter, workers) if todo else {}
    if reporter:
        reporter.finish("understand")
    events = [e.to_dict() for u in found.values() for e in u.events]
    mentions = {u.article_id: [m.to_dict() for m in u.mentions] for u in found.values()}
    if store is not None:
        store.save_findings([
            (u.article_id, keys[u.article_id], [e.to_dict() for e in u.events],
             mentions[u.article_id])
            for u in found.values()
        ])
        for article_id in reused:
            events += store.events(EventFilter(article_id=article_id))
        mentions.update(store.mentions(reused))
    events.sort(key=lambda e: (e["article_id"], e["char_start"]))
    return CorpusFindings(events, mentions,
                          {"understood": len(todo), "understanding_reused": len(reused)})


def redate_with_stories(
    articles: Sequence[Article], story_dates: Mapping[str, Sequence[str]]
) -> list[Article]:
    """Infer undated articles' dates again, now with the stated dates of their story; returns
    the articles whose date or anchor changed, whose events must be dated again."""
    changed = []
    for article in articles:
        if article.published and article.published_basis != "inferred":
            continue
        before = dating_key(article)
        article.published = article.published_basis = None
        _infer_one(article, list(story_dates.get(article.id, ())))
        if dating_key(article) != before:
            changed.append(article)
    return changed
