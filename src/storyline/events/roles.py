"""Source and target of a coded event, as character spans found in the dependency parse.

Source is the subject of the frame verb (or the "by" phrase of a passive); target an actor-like
direct object or the object of with/against/on/to along the predicate chain. The lead's entity
module normalizes the words; here we only find where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.events import lexicon as lx
from storyline.events.rules import children, lemma_of, noun_entry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPAN_DROP = frozenset({"relcl", "acl", "appos", "advcl", "punct", "prep", "parataxis", "ccomp"})
ACTOR_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
TARGET_PREPS = frozenset({"with", "against", "on", "to", "toward", "towards", "at", "from",
                          "into", "upon", "of"})

def noun_span(tok: Token, drop: frozenset[str] = SPAN_DROP) -> tuple[int, int]:
    """Token range of a noun phrase without its clauses, appositions and trailing phrases (the
    dependencies in `drop`; an "of" phrase always stays)."""
    keep = [tok]
    stack = [tok]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in drop and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            keep.append(child)
            stack.append(child)
    return min(t.i for t in keep), max(t.i for t in keep)


def agent(tokens: Sequence[Token]) -> Token | None:
    """The "by …" phrase of a passive, on the verb or on its instrument noun ("in a strike by")."""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objs = children(child, "pobj")
                if objs and lemma_of(objs[0]) not in lx.NOUNS:
                    return objs[0]
        for prep in children(tok, "prep"):
            for noun in children(prep, "pobj"):
                found = agent([noun]) if noun.i != tok.i else None
                if found is not None:
                    return found
    return None


QUANTITY_NOUNS = frozenset({"hundred", "thousand", "dozen", "score", "million", "group",
                            "number", "handful", "couple", "pair", "member"})
"""Counts and portions whose "of" phrase names who they count ("hundreds of banks")."""
NON_PARTIES = frozenset({"agreement", "deal", "treaty", "accord", "pact", "protocol", "memorandum",
                         "document", "statement", "letter", "resolution", "declaration",
                         "communique", "communiqué", "bill", "text", "draft", "report", "article",
                         "time", "year", "month", "week", "day"})
"""Documents, agreements and times: what an event is about or when, never a party to it."""
ACT_NOUNS = frozenset({"decision", "comment", "remark", "move", "policy", "behaviour",
                       "behavior", "action", "conduct", "handling", "treatment", "claim",
                       "allegation", "statement", "declaration", "announcement", "plan",
                       "proposal", "order", "rule", "regime", "presence", "role", "activity"})
"""Nouns for what an actor did or said: reacting to "Netanyahu's decision" reacts to Netanyahu."""


def _counted(tok: Token) -> Token:
    """What a count or portion counts: "hundreds of banks" → banks, "49 of them" → them."""
    if tok.ent_type_ == "CARDINAL" or tok.like_num or lemma_of(tok) in QUANTITY_NOUNS:
        for prep in children(tok, "prep"):
            if prep.lower_ == "of":
                objs = children(prep, "pobj")
                if objs:
                    return objs[0]
    return tok


def _doer(noun: Token) -> Token | None:
    """Who did what an act or event noun names: its actor-like possessor or compound
    ("Netanyahu's decision", "the regime's attacks") or its "by" phrase."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod") and _actor_like(child):
            return child
    for prep in children(noun, "prep", "agent"):
        if prep.lower_ == "by":
            objs = [o for o in children(prep, "pobj") if _actor_like(o)]
            if objs:
                return objs[0]
    return None


def _is_act(tok: Token) -> bool:
    return noun_entry(tok) is not None or lemma_of(tok) in ACT_NOUNS


def is_person_noun(tok: Token) -> bool:
    """A noun for a person in office ("the ambassador", "a diplomat"): a party, even where the
    lexicon reads the noun as an act (expelling a diplomat)."""
    return lemma_of(tok) in PERSON_NOUNS


def complements(tokens: Sequence[Token], depth: int = 3) -> set[int]:
    """The verbs an infinitive or -ing complement adds to the chain ("is willing *to provide*
    … to Ukraine", "agreed *to share* information with Putin"): their objects are the event's
    recipients too."""
    found: set[int] = set()
    frontier = list(tokens)
    for _ in range(depth):
        frontier = [c for tok in frontier for c in tok.children
                    if c.dep_ in ("xcomp", "acomp") and c.i not in found]
        found.update(c.i for c in frontier)
    return found


def target(tokens: Sequence[Token], exclude: set[int]) -> Token | None:
    """The recipient: an actor-like object or prepositional object along the predicate chain,
    or inside an event noun's own phrase ("called for sanctions against the US"); reacting to
    an act ("condemned Netanyahu's decision") targets its doer when the text names one, else
    the act itself ("condemned the attacks"). Documents, agreements and times never are."""
    candidates: list[Token] = []
    inner: set[int] = set()  # objects inside an act's own phrase: parties only if actor-like

    def take(tok: Token, within_act: bool = False) -> None:
        if tok.i not in exclude:
            found = _counted(tok)
            candidates.append(found)
            if within_act:
                inner.add(found.i)

    for tok in tokens:
        for child in tok.children:
            if child.dep_ in ("dobj", "iobj", "dative"):
                take(child)
        for holder in [tok, *children(tok, "dobj")]:
            for prep in children(holder, "prep", "dative"):
                for obj in children(prep, "pobj"):
                    if prep.lower_ in TARGET_PREPS:
                        take(obj, holder is not tok and _is_act(holder))
                    elif noun_entry(obj) is not None:  # "called for sanctions against the US"
                        for phrase in children(obj, "prep"):
                            if phrase.lower_ in TARGET_PREPS:
                                for o in children(phrase, "pobj"):
                                    take(o)
        if noun_entry(tok) is not None:  # "US mediation", "Turkey's efforts"
            candidates.extend(c for c in tok.children if c.dep_ in ("poss", "compound")
                              and c.ent_type_ in ACTOR_ENTS and c.i not in exclude)
    candidates = [c for c in candidates if c.ent_type_ not in ("DATE", "TIME", "CARDINAL")
                  and lemma_of(c) not in NON_PARTIES]
    for cand in candidates:
        if cand.ent_type_ in ACTOR_ENTS or cand.pos_ == "PROPN" or is_person_noun(cand):
            return cand
    for cand in candidates:
        if cand.pos_ in ("NOUN", "PRON") and not _is_act(cand) and cand.i not in inner:
            return cand
    for cand in candidates:  # an act: its doer, else the act
        if cand.pos_ == "NOUN":
            doer = _doer(cand)
            return doer if doer is not None and doer.i not in exclude else cand
    return None


PARTY_MODIFIERS = frozenset({"nmod", "poss", "compound", "amod"})


def _actor_like(tok: Token) -> bool:
    return tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN"


def party_like(tok: Token) -> bool:
    """A named actor or a person in office: a counterpart, where "information" or "exercises"
    are only what two joined parties agreed on."""
    return _actor_like(tok) or is_person_noun(tok)


CONJUNCT_DROP = SPAN_DROP | frozenset({"cc", "conj", "preconj", "case"})


def own_span(tok: Token) -> tuple[int, int]:
    """Token range of one conjunct: its noun phrase without the conjuncts joined to it."""
    return noun_span(tok, CONJUNCT_DROP)


def two_parties(subject: Token) -> tuple[Token, Token] | None:
    """The two actors of a subject that joins exactly two ("Putin and Erdogan held talks",
    "UK and EU negotiators agreed", "Russia and Turkey's foreign ministers met"): each is the
    other's counterpart when the verb names no other target, as PLOVER codes both parties of
    a meeting or an agreement. None for one actor or for three and more."""
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    if conjuncts:
        if len(conjuncts) == 1 and not any(c.dep_ == "conj" for c in conjuncts[0].children) \
                and _actor_like(subject) and _actor_like(conjuncts[0]):
            return subject, conjuncts[0]
        return None
    modifiers = [c for c in subject.children if c.dep_ in PARTY_MODIFIERS and _actor_like(c)]
    for first in modifiers:
        joined = [c for c in first.children if c.dep_ == "conj" and _actor_like(c)]
        if len(joined) == 1 and not any(c.dep_ == "conj" for c in joined[0].children):
            return first, joined[0]
        if any(c.dep_ == "cc" for c in first.children):  # "UK and EU negotiators"
            after = [m for m in modifiers if m.i > first.i]
            if len(after) == 1:
                return first, after[0]
    return None


COMMITTING_AUX = frozenset({"will", "would", "must", "should", "shall", "'ll", "wo", "’ll"})
"""Auxiliaries that make a reported clause a promise, demand or threat of the speaker's."""


def speaker(pred: Token) -> Token | None:
    """The subject of the reporting verb when the event is a reported commitment: "Trump said
    that North Korea must disarm", "Taliban leaders said the fighters will lay down their
    arms". What is promised, demanded or threatened in reported words is the speaker's act
    (PLOVER codes the demand, not the disarming); a reported deed ("police said troops killed
    20") stays its doer's, and a speaker that is a pronoun gives way to the rules' subject."""
    clause = pred
    for _ in range(3):
        if clause.dep_ != "ccomp" or lemma_of(clause.head) not in lx.REPORTING_VERBS:
            break
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if not auxes & COMMITTING_AUX:
            return None
        said = [c for c in clause.head.children if c.dep_ == "nsubj"]
        if said and said[0].pos_ != "PRON":
            return said[0]
        clause = clause.head
    return None


def char_span(sent: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    doc = sent.doc
    start = doc[bounds[0]].idx - sent.start_char
    end_tok = doc[bounds[1]]
    return start, end_tok.idx + len(end_tok.text) - sent.start_char


PRONOUN_KINDS = {"he": "person", "him": "person", "his": "person", "she": "person",
                 "her": "person", "it": "body", "its": "body", "they": "group", "them": "group",
                 "their": "group", "we": "speaker", "our": "speaker", "i": "speaker"}
"""What a pronoun can stand for: a person, a body (a state, a ministry, an army), a group of
either, or whoever is speaking."""
PERSON_NOUNS = frozenset({"minister", "president", "ambassador", "envoy", "spokesman",
                          "spokeswoman", "spokesperson", "chief", "official", "leader", "general",
                          "commander", "secretary", "diplomat", "premier", "king", "emir"})
BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def resolve_pronoun(tok: Token) -> Token:
    """The actor a pronoun stands for, within its sentence: "Russia said it was suspending …"
    → Russia, "Guterres said he would welcome …" → Guterres, "'we will return,' Peskov said" →
    Peskov. The nearest subject before it that can be what the pronoun is (a person for he/she,
    a state or body for it, either for they); the pronoun itself when none can."""
    kind = PRONOUN_KINDS.get(tok.lower_)
    if kind is None or tok.pos_ != "PRON":
        return tok
    sent = tok.sent
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i != tok.i
                and t.pos_ in ("PROPN", "NOUN") and t.lower_ not in PRONOUN_KINDS]
    if kind == "speaker":
        said = [t for t in subjects if lemma_of(t.head) in lx.REPORTING_VERBS]
        return said[0] if said else tok
    for cand in sorted((t for t in subjects if t.i < tok.i), key=lambda t: -t.i):
        if _can_be(cand, kind):
            return cand
    return tok


def _can_be(cand: Token, kind: str) -> bool:
    person = cand.ent_type_ == "PERSON" or lemma_of(cand) in PERSON_NOUNS
    if kind == "person":
        return person
    if kind == "body":
        return not person and (cand.ent_type_ in BODY_ENTS or cand.tag_ in ("NN", "NNP"))
    return cand.ent_type_ in BODY_ENTS or cand.tag_ in ("NNS", "NNPS")
