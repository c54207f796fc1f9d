"""Where actors are named in a parsed document: entities widened to their titles, plus labels.

spaCy's entities stop short of what names an actor: "Russian President Vladimir Putin" is a NORP
and a PERSON, "the Turkish president" only a NORP, "rebels" and "the regime" no entity at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.names import key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from storyline.nlp.entities import ActorNormalizer

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_EDGE_WORDS = frozenset({"the", "of", "for", "to", "and", "former"})
MAX_WIDEN = 4
"""Most tokens an entity is widened by ("Turkish" + "National Defence Minister")."""


def actor_spans(doc: Doc, normalizer: ActorNormalizer) -> list[Span]:
    """Non-overlapping actor mentions in text order; longer and earlier spans win."""
    from spacy.tokens import Span

    candidates: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON":
            start = _widen_left(doc, start, normalizer)
        else:
            end = _widen_right(doc, start, end, normalizer)
        candidates.append(Span(doc, start, end, label=ent.label_))
    for chunk in doc.noun_chunks:
        if normalizer.knows(chunk.text):
            candidates.append(Span(doc, chunk.start, chunk.end, label=""))
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start)))
    accepted: list[Span] = []
    taken_until = 0
    for span in candidates:
        if span.start >= taken_until:
            accepted.append(span)
            taken_until = span.end
    return accepted


def _widen_left(doc: Doc, start: int, normalizer: ActorNormalizer) -> int:
    """Take in the title before a name: "UN Secretary-General" + "Antonio Guterres"."""
    first = start
    while first > 0 and start - first < MAX_WIDEN + 2:
        token = doc[first - 1]
        if token.is_punct and token.text not in "-.":
            break
        if token.is_sent_start and first - 1 != doc[first - 1].sent.start:
            break
        if not (token.text == "-" or normalizer.is_title_word(token.text)):
            break
        first -= 1
    while first < start and (key(doc[first].text) in _EDGE_WORDS or doc[first].text == "-"):
        first += 1
    return first


def _widen_right(doc: Doc, start: int, end: int, normalizer: ActorNormalizer) -> int:
    """Take in the noun a demonym or country qualifies when the phrase names an actor."""
    for extra in range(MAX_WIDEN, 0, -1):
        stop = end + extra
        if stop > len(doc):
            continue
        words = doc[end:stop]
        if any(t.is_punct and t.text != "-" for t in words) or any(
                t.ent_type_ == "PERSON" for t in words):
            continue
        if normalizer.knows(doc[start:stop].text):
            return stop
    return end
