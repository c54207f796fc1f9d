"""Accusations that name no accusing verb: a reported label ("the troops were among terrorist
groups, the ministry said"), a reported complicity ("helped prepare the attack") and an
attributed blame ("according to the ministry, the gathering was organised by militants"). Each
is PLOVER ACCUSE (allege) by the speaker against whoever the claim pins the act or label on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.events import lexicon as lx
from storyline.events import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


STIGMA = frozenset({"terrorist", "terrorism", "mercenary", "war criminal", "criminal"})
"""Labels that accuse whoever they are pinned on."""


def labelling(root: Token, clause: Token) -> rules.Reading | None:
    """"The troops who came under fire were in the formations of terrorist groups, the ministry
    said": a reported clause that names no act but says someone is (among) terrorists, or that
    someone helped prepare an attack, is an accusation by the speaker (PLOVER ACCUSE, allege).
    Mentions of terrorists as targets or as the subject of another act are not."""
    if rules.lemma_of(root) not in lx.REPORTING_VERBS or clause.i == root.i:
        return None
    if rules._negated(clause):
        return None
    lemma = rules.lemma_of(clause)
    if lemma in COMPLICITY:
        act = complicit_in(clause)
        if act is not None:
            return rules.Reading("ACCUSE", "allege", "noun", act, root)
    if lemma != "be":
        return None  # only "X were/are [among] terrorists" pins the label on X
    for predicate in rules.children(clause, "attr", "prep"):
        for tok in predicate.subtree:
            if rules.lemma_of(tok) in STIGMA:
                return rules.Reading("ACCUSE", "allege", "noun", tok, root)
    return None


COMPLICITY = frozenset({"help", "assist", "prepare", "plan", "organise", "organize",
                        "orchestrate", "mastermind", "involve", "coordinate"})
"""Verbs that make their subject a party to an act ("helped prepare the attack")."""


def complicit_in(verb: Token, depth: int = 0) -> Token | None:
    """The hostile act a complicity verb (or its chain: "helped prepare …") has as object."""
    for child in verb.children:
        if child.dep_ in ("dobj", "pobj", "prep") and child.pos_ != "VERB":
            for tok in [child, *rules.children(child, "pobj")]:
                entry = rules.noun_entry(tok)
                if entry is not None and entry[0] == "ASSAULT":
                    return tok
        if child.dep_ in ("xcomp", "ccomp") and depth < 2 and (
                rules.lemma_of(child) in COMPLICITY):
            found = complicit_in(child, depth + 1)
            if found is not None:
                return found
    return None


HOSTILE = STIGMA | {"militant", "extremist", "jihadist", "insurgent", "gunman", "radical",
                    "bandit", "thug"}
"""Names for an armed group that cast it as the wrongdoer (lemmas)."""
BLAME_VERBS = COMPLICITY | {"carry", "commit", "perpetrate", "stage", "instigate", "provoke",
                            "cause", "incite", "block", "loot", "steal", "divert", "seize"}
"""Verbs whose passive agent is the doer of the act laid at its door ("organised by …")."""
NAMING_PREPS = frozenset({"above", "including", "notably", "especially", "particularly", "like",
                          "such"})
"""Prepositions that name members of a group ("terrorists, above all HTS")."""


def attributed_blame(sent: Span) -> tuple[Token, Token, Token] | None:
    """(speaker, accused, cue) for "According to X, the gathering was organised by militants
    of HTS" or "…, X said, aid has ended up in the hands of terrorists": a claim, attributed to
    a speaker, that lays an act at the door of a group named as armed wrongdoers — the agent of
    a passive blame verb, or whoever goods fell into the hands of. The accused is the named
    group when the sentence names one ("militants of HTS", "terrorists, above all HTS"), else
    the hostile noun. Unattributed claims (the outlet's own voice) are not coded."""
    speaker = _speaker(sent)
    if speaker is None:
        return None
    for tok in sent:
        if tok.dep_ == "agent" and rules.lemma_of(tok.head) in BLAME_VERBS:
            for noun in rules.children(tok, "pobj"):
                if rules.lemma_of(noun) in HOSTILE and not rules._negated(tok.head):
                    return speaker, _named_group(noun, sent) or noun, tok.head
        if rules.lemma_of(tok) == "hand" and tok.head.lower_ in ("in", "into"):
            for of in rules.children(tok, "prep"):
                for noun in rules.children(of, "pobj"):
                    if of.lower_ == "of" and rules.lemma_of(noun) in HOSTILE:
                        return speaker, _named_group(noun, sent) or noun, tok
    return None


def _speaker(sent: Span) -> Token | None:
    """Who the sentence's claim is attributed to: "according to X", else the subject of a
    reporting verb at the root ("…, the ministry said")."""
    for tok in sent:
        if tok.lower_ == "according":
            for to in rules.children(tok, "prep"):
                objects = rules.children(to, "pobj")
                if to.lower_ == "to" and objects:
                    return objects[0]
    if rules.lemma_of(sent.root) in lx.REPORTING_VERBS:
        subjects = rules.children(sent.root, "nsubj")
        return subjects[0] if subjects else None
    return None


def _named_group(noun: Token, sent: Span) -> Token | None:
    """A proper name given to the hostile group: its "of" phrase ("militants of HTS") or a
    naming phrase after it ("terrorists …, above all HTS")."""
    for of in rules.children(noun, "prep"):
        for named in rules.children(of, "pobj"):
            if of.lower_ == "of" and named.pos_ == "PROPN":
                return named
    for prep in (t for t in sent if t.i > noun.i and t.dep_ == "prep"):
        if prep.lower_ in NAMING_PREPS:
            for named in rules.children(prep, "pobj"):
                if named.pos_ == "PROPN":
                    return named
    return None
