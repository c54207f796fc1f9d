"""Understanding: who did what to whom, where and when, for every article.

spaCy parses each article once; the parse feeds actor normalization, place geocoding, time
expressions and the PLOVER coder. Each article is handled by a pure function of its text and the
read-only resources (model, actor table, gazetteer), so the step parallelizes on any engine.
Undated articles get an inferred date from their own text and the dates of their copy group.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xxhash

from storyline.events import EventCoder, cameo_root
from storyline.events.rules import lemma_of, noun_entry
from storyline.model import Actor, Article, Event, Place
from storyline.nlp import ActorNormalizer, entities_of, load_nlp, model_info
from storyline.nlp.places import geocode_document
from storyline.store.events import EventFilter
from storyline.time import TimeExpression, find_time_expressions
from storyline.time.published import infer_published, parse_dateline

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
    for sent, result in zip(sentences, coded, strict=True):
        if result is None:
            continue
        event = _event(article, sent, result, mentions, times, normalizer)
        if event.date_text is None:
            _date_from_antecedent(event, sent, told)
        if event.date_text is not None:
            told[event.type] = event
        events.append(event)
    return Understanding(article.id, mentions, events)


ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})
HAPPENING_VERBS = frozenset({"come", "follow", "happen", "occur", "take", "unfold", "begin",
                             "start", "hit", "strike"})
"""Verbs that say when their subject's event happened ("the attack came hours after …")."""


def _date_from_antecedent(event: Event, sent: Span, told: Mapping[str, Event]) -> None:
    """A sentence about "the attack" with no time words of its own refers back to the attack
    the article already dated: it takes that date, with the noun phrase as its date text. Only
    a bare definite subject points back, and only when the sentence is about that event (its
    type) or says when it happened ("came hours after …"): "the attack was condemned" is left
    to the publication date."""
    for subject in (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        determiners = [c for c in subject.children if c.dep_ == "det"]
        if not determiners or determiners[0].lower_ not in ANAPHORIC:
            continue
        if any(c.dep_ not in ("det", "punct") for c in subject.children):
            continue  # "the talks in Sochi" names an event anew; only a bare noun points back
        entry = noun_entry(subject)
        if entry is None or entry[0] not in told:
            continue
        if entry[0] != event.type and lemma_of(sent.root) not in HAPPENING_VERBS:
            continue
        antecedent = told[entry[0]]
        event.date = antecedent.date
        event.date_text = sent.doc.text[determiners[0].idx : subject.idx + len(subject.text)]
        event.date_basis = "antecedent"
        return


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
    date, date_text, basis = _event_date(article, sent, times, coded.type, coded.verbs)
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


_SPAN_START = re.compile(r"\b(since|until|till|from|before|after|by)\s+(the\s+)?$", re.IGNORECASE)
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def _event_date(
    article: Article,
    sent: Span,
    times: list[TimeExpression],
    event_type: str = "",
    verbs: Sequence[int] = (),
) -> tuple[str | None, str | None, str | None]:
    """The sentence's own time of the event, else the publication date (basis null).

    A dateline opening the sentence is the publication date, not the event's; "since 1939" or
    "until March" bound a period rather than date the event; a time inside a clause describing
    a noun ("the deal brokered last month") dates that clause, not the event. Among the rest, a
    time attached to the event's own words wins, then the most precise, then the nearest."""
    start, end = sent.start_char, sent.end_char
    dateline = parse_dateline(sent.text)
    body_start = start
    if dateline is not None:
        body_start = start + sent.text.find(dateline.text) + len(dateline.text)
    text = sent.doc.text
    candidates = [
        t for t in times
        if body_start <= t.start and t.end <= end and t.value
        and not _SPAN_START.search(text[max(start, t.start - 12) : t.start])
    ]
    event = _event_tokens(sent, verbs)
    attachment = {id(t): _attachment(sent, t, event) for t in candidates}
    candidates = [t for t in candidates if attachment[id(t)] != "modifier"]
    if not candidates:
        return article.published, None, None
    anchors = [sent.doc[i].idx for i in sorted(event)] or [sent.root.idx]
    spoken = event_type in SPOKEN_TYPES
    best = max(candidates, key=lambda t: (attachment[id(t)] == "event",
                                          spoken or not _dates_the_report(sent, t),
                                          _PRECISION_RANK.get(t.precision, 0),
                                          -min(abs(t.start - a) for a in anchors), -t.start))
    return best.value, best.text, best.basis


def _event_tokens(sent: Span, verbs: Sequence[int]) -> set[int]:
    """Token indices of the event's words and the verbs coordinated with them ("were killed
    and others wounded in an attack on Thursday" dates the killing too)."""
    doc = sent.doc
    found: set[int] = set()
    for offset in verbs:
        span = doc.char_span(sent.start_char + offset, sent.start_char + offset + 1,
                             alignment_mode="expand")
        if span is None:
            continue
        tok = span[0]
        found.add(tok.i)
        found.update(c.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            found.add(tok.head.i)
    return found


def _attachment(sent: Span, expression: TimeExpression, event: set[int]) -> str:
    """Where a time expression hangs: on the event's words ("event"), inside a clause that
    describes a noun and holds none of them ("modifier"), or elsewhere ("other")."""
    if not event:
        return "other"
    span = sent.doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None:
        return "other"
    tok = span.root
    for _ in range(len(sent)):
        if tok.i in event:
            return "event"
        if tok.dep_ in ("relcl", "acl") and tok.i not in event:
            return "modifier"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return "other"


SPOKEN_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
"""Events that are statements: the day they were said is the day they happened."""

REPORTING = frozenset(
    "say announce tell report state add confirm claim note write quote declare "
    "explain insist warn".split()
)


def _dates_the_report(sent: Span, expression: TimeExpression) -> bool:
    """True for "soldiers were killed on Thursday, the governor announced on Friday": a time
    attached straight to a reporting verb dates the announcement, not the deed it reports."""
    root = sent.root
    if root.lemma_ not in REPORTING:
        return False
    doc = sent.doc
    token = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if token is None:
        return False
    head = token.root
    while head.head.i != head.i and head.head.i != root.i:  # spaCy makes new Token objects
        head = head.head
    return head.head.i == root.i and head.i != root.i and head.dep_ in {
        "prep", "npadvmod", "advmod", "tmod"
    }


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


NARROW_DAYS = 3


def narrow_anchor(article: Article) -> str | None:
    """For an undated article whose inferred range spans a few days at most, the range's last
    day: "on Monday" then still names one date, though the publication day is not known."""
    inferred = article.extra.get("published_inferred") or {}
    earliest, latest = inferred.get("earliest"), inferred.get("latest")
    if not earliest or not latest:
        return None
    span = date.fromisoformat(latest) - date.fromisoformat(earliest)
    return latest if span.days <= NARROW_DAYS else None


def article_times(article: Article) -> list[TimeExpression]:
    """The article's date expressions, resolved against its publication date or narrow anchor.

    An undated article with a wider inferred range still dates an expression when every day of
    the range gives the same answer: "on Monday" in an article of Monday to Friday is that
    Monday whatever the day it appeared. Resolution only moves forward with the anchor, so the
    range's two ends agreeing means every day between agrees."""
    anchor = article.published or narrow_anchor(article)
    if anchor is not None:
        return [t for t in find_time_expressions(article.text, anchor) if t.kind == "date"]
    earliest, latest = _inferred_range(article)
    if earliest is None or latest is None:
        return [t for t in find_time_expressions(article.text, None) if t.kind == "date"]
    late = {(t.start, t.end): t.value
            for t in find_time_expressions(article.text, latest) if t.kind == "date"}
    return [
        t if late.get((t.start, t.end)) == t.value else replace(t, value=None)
        for t in find_time_expressions(article.text, earliest) if t.kind == "date"
    ]


def _inferred_range(article: Article) -> tuple[str | None, str | None]:
    inferred = article.extra.get("published_inferred") or {}
    return inferred.get("earliest"), inferred.get("latest")


def _dating_key(article: Article) -> tuple[str | None, ...]:
    """What an article's event dates depend on besides its text."""
    return (article.published, narrow_anchor(article), *_inferred_range(article))


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
    inferred = infer_published(article.text, article.removed_lines, story_dates=story_dates)
    article.extra["published_inferred"] = {
        "value": inferred.value,
        "earliest": inferred.earliest,
        "latest": inferred.latest,
        "confidence": round(inferred.confidence, 2),
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
        before = _dating_key(article)
        article.published = article.published_basis = None
        _infer_one(article, list(story_dates.get(article.id, ())))
        if _dating_key(article) != before:
            changed.append(article)
    return changed
