"""When an event happened: the time expression of its sentence that dates it, the date of the
event a definite noun points back to, and the time expressions of an article resolved against
its publication date or inferred range.

The rules read the dependency parse the coder used: a time attached to the event's own words
wins; a time inside a clause of its own (what was said, a clause describing a noun, a
comparison) or a year or quarter written before a noun dates that, not the event; a time
attached to a reporting verb dates the report rather than the deed (except for events that are
statements). The time chosen is resolved in the direction of its own verb group in the parse
(`tense.verb_group`), not the words-only guess made for the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from storyline.events.rules import lemma_of, noun_entry
from storyline.model import Article, Event
from storyline.time import TimeExpression, find_time_expressions, is_timestamp, parse_published
from storyline.time.published import parse_dateline
from storyline.time.tense import FUTURE, PAST, PERFECT, PRESENT, SIMPLE, parsed_tense, verb_group

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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


def dating_key(article: Article) -> tuple[str | None, ...]:
    """What an article's event dates depend on besides its text."""
    return (article.published, narrow_anchor(article), *_inferred_range(article))


_SPAN_START = re.compile(r"\b(since|until|till|from|before|after|by)\s+(the\s+)?$", re.IGNORECASE)
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def event_date(
    article: Article,
    sent: Span,
    times: list[TimeExpression],
    event_type: str = "",
    verbs: Sequence[int] = (),
) -> tuple[str | None, str | None, str | None, TimeExpression | None]:
    """The sentence's own time of the event (its date, words, basis and the expression), else
    the publication date (basis and expression null).

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
        return article.published, None, None, None
    anchors = [sent.doc[i].idx for i in sorted(event)] or [sent.root.idx]
    spoken = event_type in SPOKEN_TYPES
    best = max(candidates, key=lambda t: (attachment[id(t)] == "event",
                                          spoken or not _dates_the_report(sent, t),
                                          _PRECISION_RANK.get(t.precision, 0),
                                          -min(abs(t.start - a) for a in anchors), -t.start))
    best = _in_its_tense(best, sent, article.published or narrow_anchor(article))
    return best.value, best.text, best.basis, best


def date_trigger(
    article: Article, sent: Span, trigger_start: int, times: list[TimeExpression],
    event_type: str = "",
) -> tuple[str | None, str | None, str | None, TimeExpression | None]:
    """`event_date` for an event named by the word at character `trigger_start` of the parsed
    text (a trigger annotated by hand, say) rather than by the coder's verbs."""
    inside = sent.start_char <= trigger_start < sent.end_char
    return event_date(article, sent, times, event_type,
                      [trigger_start - sent.start_char] if inside else [])


def time_head(doc: Doc, expression: TimeExpression) -> Token | None:
    """The word of a time expression that attaches it to the sentence: of the words whose head
    lies outside it, the last that is no article or punctuation ("quarter" in "a
    third-quarter", which hangs on the noun after it)."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None:
        return None
    outward = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    content = [t for t in outward if t.dep_ not in ("det", "punct", "predet")]
    return (content or outward or [span.root])[-1]


CONTEXT_BEFORE = 40
"""Characters before the sentence handed to resolution with it (a rule may look at the word
before an expression)."""


def _in_its_tense(expression: TimeExpression, sent: Span, published: str | None
                  ) -> TimeExpression:
    """The expression resolved in the direction its own verb group gives in the parse ("will
    buy shares tendered through Nov. 17" is ahead: "tendered" describes the shares and has no
    tense). The words-only guess made for the whole text stays when there is no parse to read or
    the date is written in full or rests on words outside its sentence; an open direction takes
    the nearer of the two readings."""
    anchor = parse_published(published)
    if expression.basis != "relative" or anchor is None:
        return expression
    head = time_head(sent.doc, expression)
    if head is None:
        return expression
    direction = parsed_tense(head)
    left = max(0, sent.start_char - CONTEXT_BEFORE)
    text = sent.doc.text[left:sent.end_char]

    def read(tense: str | None) -> TimeExpression | None:
        for found in find_time_expressions(text, published, tense):
            if (found.start + left, found.end + left) == (expression.start, expression.end):
                return replace(found, start=expression.start, end=expression.end)
        return None

    unchanged = read(None)
    if unchanged is None or unchanged.value != expression.value:
        return expression  # it hangs on more than its sentence ("a year earlier" than what?)
    readings = {t: r for t in (PAST, FUTURE) if (r := read(t)) is not None and r.value}
    if not readings:
        return expression
    nearest = min(readings.values(), key=lambda r: (abs((_middle(r.value) - anchor).days),
                                                    _middle(r.value) > anchor))
    chosen = readings.get(direction) if direction else None
    if chosen is None or abs((_middle(chosen.value) - anchor).days) > MAX_SHIFT_DAYS:
        return nearest  # a tense moves a date within the year, not to a far year that fits
    return chosen


MAX_SHIFT_DAYS = 370


def _middle(value: str) -> date:
    """A value's middle day, to say which of two readings lies nearer publication."""
    if len(value) == 4:
        return date(int(value), 7, 1)
    if len(value) == 7:
        return date(int(value[:4]), int(value[5:7]), 15)
    return date.fromisoformat(value[:10])


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


CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "amod", "csubj",
                          "csubjpass", "conj", "parataxis", "pcomp"})
"""Dependencies that open a clause of its own: a time beyond one belongs to another verb."""
FOREIGN_CLAUSES = frozenset({"ccomp", "relcl", "acl", "amod", "csubj", "csubjpass",
                             "parataxis"})
"""Clauses whose time is not their governor's: what was said ("said the plant closed in
May"), a clause or adjective describing a noun ("the deal brokered last month", "bonds due
Nov. 1, 2030")."""
SCHEDULING = frozenset({"schedule", "set", "due", "plan", "slate", "slated", "expect",
                        "timetable"})
"""A clause "scheduled to open on Monday" describing a noun dates the noun's event."""


def _attachment(sent: Span, expression: TimeExpression, event: set[int]) -> str:
    """How a time expression stands to the event's words in the parse: in the event's own
    clause ("event"); in a clause the event stands in, or that a to-infinitive or participle of
    the event opens ("other": it may date the event); or in a clause of its own below the
    event, beside it, or describing a noun ("modifier": it dates something else)."""
    if not event:
        return "other"
    head = time_head(sent.doc, expression)
    if head is None:
        return "other"
    coarse = expression.precision != "day"
    return max((_link(head, sent.doc[i], coarse) for i in event),
               key=("modifier", "other", "event").index)


def _link(time: Token, event: Token, coarse: bool) -> str:
    time_path = _path_up(time)
    if event.lower_ == "according":  # "according to the filing": a source, dated by its words
        return "event" if any(t.i == event.i for t in time_path) else "modifier"
    depth = {t.i: k for k, t in enumerate(time_path)}
    event_path = _path_up(event)
    meeting = next(k for k, t in enumerate(event_path) if t.i in depth or t.head.i == t.i)
    below_time = time_path[:depth.get(event_path[meeting].i, len(time_path))]
    below_event = event_path[:meeting]
    if (coarse and _names_a_thing(time, event)) or any(
            t.lemma_.lower() in COMPARISON for t in below_time):
        return "modifier"
    time_clauses = [t for t in below_time
                    if t.dep_ in CLAUSE_LINKS and not _scheduling(t, event)]
    if _standing_plan(event, below_time):
        return "modifier"
    event_clauses = [t for t in below_event if t.dep_ in CLAUSE_LINKS]
    if not time_clauses:
        if not event_clauses:
            return "event"
        return "modifier" if _standing_state(event, event_clauses) else "other"
    if event_clauses or any(t.dep_ in FOREIGN_CLAUSES for t in time_clauses):
        return "modifier"
    return "other"


PRENOMINAL = frozenset({"compound", "amod", "nummod", "nmod", "poss"})
COMPARISON = frozenset({"compare", "versus", "vs", "vs."})
"""A time in a comparison ("net income of $5 million, compared with $3 million a year
earlier") dates the figure compared with, not the event."""


def _names_a_thing(time: Token, event: Token) -> bool:
    """A year, quarter or month written before a noun says which thing ("the 1978 resolution",
    "a third-quarter loss"): it dates that noun, or a clause describing the noun, not another
    event of the sentence. (A day before a noun names its occasion, "Friday's vote", and is
    left to the other rules.)"""
    noun = time.head
    if time.dep_ not in PRENOMINAL or noun.pos_ not in ("NOUN", "PROPN") or time.i > noun.i:
        return False
    return event.i != noun.i and event.head.i != noun.i


def _standing_state(event: Token, clauses: list[Token]) -> bool:
    """A present-tense clause describing a noun ("the plant, which makes batteries, will close
    next year") states how things stand: the main clause's time does not date it."""
    if not any(c.dep_ in ("relcl", "acl") for c in clauses):
        return False
    if event.tag_ == "VBG" and event.dep_ == "acl":
        return True  # "the price wars flaring up ... will continue": going on as it is told
    group = verb_group(event)
    return group is not None and group.direction() is None and group.tense == PRESENT


ATTITUDES = frozenset(
    "expect schedule plan hope intend aim want anticipate forecast predict project "
    "slate slated due set".split())
"""Verbs of expecting and planning: "is expected to close by year end", "hopes to sign in
September". In the present they state how things stand on the day of the report; the time of
their to-infinitive dates the planned happening, not the expecting."""


def _standing_plan(event: Token, below_time: list[Token]) -> bool:
    """True when `event` is such a verb in the present and the time hangs below it (in its
    to-infinitive, or straight on it: "the closing, which is expected in December")."""
    if lemma_of(event) not in ATTITUDES and event.lower_ not in ATTITUDES:
        return False
    if not below_time or below_time[-1].head.i != event.i:
        return False
    group = verb_group(event)
    return group is not None and group.verb.i == event.i and group.tense == PRESENT


def _path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) <= len(token.sent):
        path.append(path[-1].head)
    return path


def _scheduling(token: Token, event: Token) -> bool:
    """A participle of scheduling wording describing the event's own noun, or a to-infinitive
    under one ("attend a meeting scheduled to open on Monday"): it dates that noun's event."""
    participle = token.head if token.dep_ == "xcomp" else token
    if participle.dep_ != "acl" or not {participle.lemma_.lower(), participle.lower_} & SCHEDULING:
        return False
    noun = participle.head
    return noun.i == event.i or noun.head.i == event.i


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
    head = time_head(doc, expression)
    if head is None:
        return False
    while head.head.i != head.i and head.head.i != root.i:  # spaCy makes new Token objects
        head = head.head
    return head.head.i == root.i and head.i != root.i and head.dep_ in {
        "prep", "npadvmod", "advmod", "tmod"
    }


def narrative_day(article: Article, sent: Span, times: Sequence[TimeExpression],
                  verbs: Sequence[int] = ()) -> TimeExpression | None:
    """The day a narrative goes on at: a deed in the simple past with no time words of its own,
    right after a sentence that tells, in the past, what happened on a given day, happened that
    day ("Rebels shelled the airport on Tuesday. Three guards were killed."). Not when the
    sentence has a time of its own or moves on ("later", "earlier"), not across a paragraph
    break, not for a perfect, progressive or planned event (background, or not yet
    done), and only from a day-precise time whose own verb is past, in the week before
    publication."""
    event = sorted(_event_tokens(sent, verbs))
    group = verb_group(sent.doc[event[0]] if event else sent.root)
    if group is None or (group.tense, group.aspect) != (PAST, SIMPLE) or group.scheduled:
        return None
    if sent.start == 0 or any(t.lower_ in TIME_SHIFTS for t in sent):
        return None
    if find_time_expressions(sent.text, None):
        return None  # a time of its own, if only "three years after" or "for a week"
    doc = sent.doc
    previous = doc[sent.start - 1].sent
    between = doc.text[previous.start_char:sent.start_char]
    if "\n\n" in between[len(between.rstrip()):]:
        return None  # a new paragraph
    dateline = parse_dateline(previous.text)
    body = previous.start_char + (previous.text.find(dateline.text) + len(dateline.text)
                                  if dateline is not None else 0)
    told = []
    for expression in times:
        if not (body <= expression.start and expression.end <= previous.end_char):
            continue
        if expression.precision != "day" or not expression.value or is_timestamp(
                doc.text, expression):
            continue
        head = time_head(doc, expression)
        own = verb_group(head) if head is not None else None
        if own is not None and own.tense == PAST:
            told.append(expression)
    anchor = parse_published(article.published or narrow_anchor(article))
    if not told or anchor is None:
        return None
    found = _in_its_tense(told[-1], previous, anchor.isoformat())
    if found.value is None or not 0 <= (anchor - date.fromisoformat(found.value)).days <= (
            NARRATIVE_DAYS):
        return None
    return found


TIME_SHIFTS = frozenset("later afterwards afterward subsequently earlier previously eventually "
                        "since formerly once".split())
"""Words that move a narrative off the day told before ("Putin later said …")."""
NARRATIVE_DAYS = 7
"""How far before publication a narrative's day may lie: the news days a report goes on
telling, not a dated figure ("as of March 31") that the next sentence has nothing to do with."""


def date_from_narrative(event: Event, article: Article, sent: Span,
                        times: Sequence[TimeExpression], verbs: Sequence[int] = ()) -> None:
    """`narrative_day` for a deed left without time words: `date_text` is the words of the
    sentence before, `dated_by` "narrative". Statements are left to the news peg, which knows
    that reactions come after news of force."""
    if event.date_text is not None or event.type in SPOKEN_TYPES:
        return
    found = narrative_day(article, sent, times, verbs)
    if found is None:
        return
    event.date, event.date_text, event.date_basis = found.value, found.text, found.basis
    event.date_value, event.date_type = found.timex, found.type
    event.dated_by = "narrative"


ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})
HAPPENING_VERBS = frozenset({"come", "follow", "happen", "occur", "take", "unfold", "begin",
                             "start", "hit", "strike"})
"""Verbs that say when their subject's event happened ("the attack came hours after …")."""


def date_from_antecedent(event: Event, sent: Span, told: Mapping[str, Event]) -> None:
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
        event.date_basis = antecedent.date_basis
        event.date_value, event.date_type = antecedent.date_value, antecedent.date_type
        event.dated_by = "antecedent"
        return


LEAD_SENTENCES = 3
"""Where a report states its news: the first sentences of the body."""
PEG_DAYS = 3
"""How long before publication a lead's day may be for later statements to take it: a report
filed a day or two after a vote quotes what was said at the vote."""


AFTERMATH_TYPES = frozenset({"ASSAULT", "COERCE"})
"""News of force is followed by statements, not made with them: a report filed the day after a
strike quotes the reactions of that day, so such a lead dates no statement."""


def news_peg(article: Article, sentences: Sequence[Span], times: Sequence[TimeExpression],
             kinds: Sequence[str | None] = ()) -> TimeExpression | None:
    """The day the article's lead says its news happened ("Russia blocked on Tuesday …"): the
    first day-precise time of the first sentences, not a dateline or a filing timestamp, at
    or up to PEG_DAYS before the publication date (or the last day of an undated article's
    inferred range). None when the lead dates nothing that recent, or when the sentence it
    dates tells of force (`kinds`: the event type coded on each sentence, if any)."""
    anchor = parse_published(article.published) or parse_published(
        narrow_anchor(article) or _inferred_range(article)[1])
    if anchor is None or not sentences:
        return None
    text = sentences[0].doc.text
    for index, sent in enumerate(sentences[:LEAD_SENTENCES]):
        dateline = parse_dateline(sent.text)
        body = sent.start_char + (sent.text.find(dateline.text) + len(dateline.text)
                                  if dateline is not None else 0)
        for expression in times:
            if not (body <= expression.start and expression.end <= sent.end_char):
                continue
            if expression.precision != "day" or not expression.value or is_timestamp(
                    text, expression):
                continue
            day = date.fromisoformat(expression.value)
            if 0 <= (anchor - day).days <= PEG_DAYS:
                kind = kinds[index] if index < len(kinds) else None
                return None if kind in AFTERMATH_TYPES else expression
    return None


HABITUAL = frozenset({"repeatedly", "long", "often", "always", "consistently", "frequently",
                      "previously", "already"})


def date_from_news_peg(event: Event, sent: Span, peg: TimeExpression | None) -> None:
    """A statement with no time words of its own, in a report whose lead dates its news, was
    made at that news: "Russia blocked on Tuesday a draft … According to Nebenzya, the aid has
    ended up in the hands of terrorists" dates the accusation Tuesday, not the day the report
    appeared. Deeds are left alone (what a report recounts may lie anywhere before), and so is
    background: "Erdogan has said …", "Moscow backs Assad", "has repeatedly demanded …"."""
    if peg is None or event.date_text is not None or event.type not in SPOKEN_TYPES:
        return
    if is_background(sent.root):
        return
    event.date = peg.value
    event.date_text = peg.text
    event.date_basis = peg.basis
    event.date_value, event.date_type = peg.timex, peg.type
    event.dated_by = "news_peg"


def is_background(verb: Token) -> bool:
    """A present, present-perfect, past-perfect or habitual main verb states how things stand
    or what came before, not what was said at the news ("Moscow backs Assad", "Erdogan has
    said …", "Ankara had warned …"). A claim given "according to" someone has no verb of
    saying: its tense is the claim's ("aid has ended up in the hands of …"), not the
    statement's, so it stays."""
    if any(t.lower_ == "according" for t in verb.sent):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return True
    group = verb_group(verb)
    if group is None or group.tense == FUTURE or group.scheduled:
        return False
    if group.tense == PRESENT:
        return group.aspect in (SIMPLE, PERFECT)
    return group.aspect == PERFECT
