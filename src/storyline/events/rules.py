"""Reading a predicate chain as a PLOVER event: frames, light verbs, negation and futurity.

The rules walk from the event verb through what it governs — frame verbs ("threatened to …"),
light verbs and their object nouns ("held talks"), content verbs ("shelled") — and then apply
the PLOVER manual's conventions: negated cooperation is REJECT, future cooperation AGREE, future
force THREATEN, a promised concession CONCEDE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.events import generated as gen
from storyline.events import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NATURAL_CAUSES = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "storm", "hurricane",
    "cyclone", "typhoon", "accident", "crash", "collapse", "disease", "virus", "cold", "heat",
    "landslide", "avalanche", "drought", "famine", "wildfire", "disaster", "tsunami", "illness",
})
"""Subjects and causes that make "killed" / "destroyed" a disaster report, not an ASSAULT."""

CUT_NOUNS = frozenset({"talk", "talks", "negotiation", "meeting", "visit", "summit", "relation",
                       "relations", "tie", "ties", "aid", "assistance", "cooperation",
                       "mediation", "participation", "dialogue", "deal", "agreement", "supply",
                       "supplies", "delivery", "export", "shipment", "exchange", "contact"})
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "visit", "summit", "negotiation",
                           "dialogue", "conference"})
ROAD_NOUNS = frozenset({"road", "street", "highway", "route", "traffic", "bridge", "entrance",
                        "transport", "railway", "port", "motorway", "junction"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
HEDGE_AUX = frozenset({"may", "might", "could"})

@dataclass
class Reading:
    """What the rules made of a predicate: the type, the mode and the tokens that decided it."""

    type: str
    mode: str | None
    cue: str
    head: Token
    frame: Token


LEMMA_FIXES = {"stag": "stage", "staging": "stage", "sworn": "swear", "wounded": "wound",
               "martyred": "martyr", "shelled": "shell", "talks": "talk", "hop": "hope"}
"""Lemmas the small spaCy model gets wrong in news text."""
HOLLOW_NOUNS = frozenset({"effort", "series", "wave", "round", "day", "week", "number", "bid",
                          "mission", "campaign", "process", "kind", "type", "string", "spate",
                          "dozen", "hundred", "thousand", "program", "programme", "part", "form",
                          "move", "decision", "plan", "step", "attempt", "worth", "state", "hour",
                          "minute", "batch", "lot"})
"""Nouns that only carry the event of their compound or "of" phrase ("a wave of arrests")."""
ONGOING_VERBS = frozenset({"continue", "erupt", "break", "resume", "intensify", "escalate",
                           "spread", "rage", "occur", "begin", "start", "persist"})
PASSIVE_LIGHT = frozenset({"carry", "conduct", "launch", "stage", "hold", "impose", "sign",
                           "reach", "declare", "mount", "lift", "reimpose", "extend"})
"""Light verbs whose passive subject is the event ("a joint patrol was carried out")."""
MOTION_VERBS = frozenset({"cross", "reach", "arrive", "enter", "land", "dock", "depart", "leave",
                          "sail", "roll", "drive"})
"""Verbs that report an event when their subject is an aid or trade noun ("the convoy crossed")."""
UNDER_VERBS = frozenset({"come", "take", "put", "place", "fall", "bring"})
"""Verbs that put their subject or object *under* a hostile act ("came under fire")."""
SEQUENCE_VERBS = frozenset({"follow", "precede"})
"""Verbs whose event-noun object is itself news ("the announcement followed talks in …")."""
CROWD_WEAPONS = frozenset({"gas", "cannon", "bullet", "baton", "truncheon", "ammunition",
                           "grenade", "force"})
CENSOR_NOUNS = frozenset({"publication", "broadcast", "newspaper", "website", "channel", "media",
                          "station", "paper", "outlet"})
OPENINGS = frozenset({"border", "crossing", "bridge", "corridor", "airspace", "port", "road",
                      "route", "gate", "checkpoint"})


def lemma_of(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _negated(tok: Token) -> bool:
    if children(tok, "neg"):
        return True
    return any(lemma_of(c) in ("never", "no") and c.dep_ in ("advmod", "det") for c in tok.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _complement(tok: Token) -> Token | None:
    """The infinitive / clausal complement a frame verb governs ("agreed *to create*")."""
    for dep in ("xcomp", "ccomp"):
        for child in children(tok, dep):
            if child.pos_ in ("VERB", "AUX"):
                return child
    for child in [] if children(tok, "dobj") else children(tok, "advcl"):  # "sworn to fight"
        if child.pos_ == "VERB" and any(c.lower_ == "to" and c.dep_ == "aux"
                                        for c in child.children):
            return child
    for prep in children(tok, "prep", "prt"):  # "call on X to do", "press for talks"
        for child in children(prep, "pcomp"):
            if child.pos_ == "VERB":
                return child
    for obj in children(tok, "dobj"):  # "urged the Council to act"
        for child in children(obj, "acl", "relcl"):
            if child.pos_ == "VERB" and any(c.lower_ == "to" for c in child.children):
                return child
    return None


def _object_nouns(tok: Token) -> list[Token]:
    """Direct objects (and their coordinated nouns) and nouns after to/on/for/of."""
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
    for prep in children(tok, "prep", "prt", "agent"):
        if prep.lower_ in ("to", "on", "for", "in", "of", "into", "under", "as"):
            nouns.extend(children(prep, "pobj"))
    for noun in list(nouns):
        nouns.extend(children(noun, "conj"))
    return nouns


def noun_entry(noun: Token, depth: int = 0) -> lx.Entry | None:
    if noun.ent_type_ in ("DATE", "TIME") and noun.pos_ == "PROPN":
        return None  # "on March 6" is no march
    lemma = lemma_of(noun)
    compounds = {lemma_of(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if lemma in HOLLOW_NOUNS and depth < 2:
        if lemma == "state" and not any(lemma_of(o) in ("emergency", "siege", "alert") for p in
                                        children(noun, "prep") for o in children(p, "pobj")):
            return None
        inner = [c for c in noun.children if c.dep_ in ("compound", "nmod")]
        inner += [o for p in children(noun, "prep") if p.lower_ == "of"
                  for o in children(p, "pobj")]
        for candidate in inner:
            entry = noun_entry(candidate, depth + 1)
            if entry is not None:
                return entry
        return None
    if lemma in ("strike", "raid", "attack") and compounds & {"air", "aerial"}:
        return ("ASSAULT", "aerial")
    if lemma == "strike" and "hunger" in compounds:
        return ("PROTEST", "hunger")
    if lemma == "strike" and compounds & {"drone", "missile", "rocket", "military", "artillery"}:
        return ("ASSAULT", None)
    if lemma == "law" and "martial" not in compounds:
        return None
    modifiers = {lemma_of(t) for t in noun.subtree if t.i < noun.i}
    if lemma in ("patrol", "exercise", "drill", "game", "operation") and modifiers & {
            "joint", "combined", "bilateral", "multinational"}:
        return ("COOPERATE", None)
    if lemma in ("patrol", "exercise", "drill", "game"):
        subject = subject_of(noun.head)[0] if noun.dep_ == "dobj" else None
        if subject is not None and children(subject, "conj"):
            return ("COOPERATE", None)  # "French and Egyptian warships launched war games"
        if lemma == "patrol" or compounds & {"military", "naval", "war", "live-fire"}:
            return ("MOBILIZE", "troops")
        return None
    if lemma == "fire" and not compounds:
        return None
    return lx.NOUNS.get(lemma) or lx.NOUNS.get(noun.lower_)


def _light_verb(verb: Token, noun: Token, entry: lx.Entry) -> lx.Entry | None:
    """How a light verb turns its object noun into an event ("cancelled talks" is REJECT)."""
    lemma, kind, mode = lemma_of(verb), entry[0], entry[1]
    noun_lemma = lemma_of(noun)
    if lemma in ("suspend", "halt", "stop", "close", "ban") and noun_lemma in CENSOR_NOUNS:
        return ("COERCE", "censor")
    if lemma in ("stop", "halt") and noun_lemma == "work":
        return ("PROTEST", "strike")
    if lemma == "withdraw":
        if noun_lemma in ("troops", "troop", "force", "soldier", "unit", "army", "fighter"):
            return ("RETREAT", "withdraw")
        if kind in ("AID", "SUPPORT", "COOPERATE"):
            return ("SANCTION", "discontinue")
    if lemma in ("open", "reopen") and noun_lemma in OPENINGS:
        return ("RETREAT", "access")
    if lemma in ("cancel", "suspend", "halt", "break", "stop", "cut", "end", "freeze", "sever"):
        if noun_lemma in MEETING_NOUNS:
            return ("REJECT", "meet")
        if noun_lemma in CUT_NOUNS or kind in ("AID", "SUPPORT", "COOPERATE", "CONSULT"):
            return ("SANCTION", "withdraw" if "mediation" == noun_lemma else "discontinue")
        if kind in lx.CONFLICT_TYPES or kind in ("THREATEN", "REQUEST"):
            return ("CONCEDE", None)
        return None
    if lemma in ("lift", "ease") and kind in ("COERCE", "SANCTION", "PROTEST"):
        return ("CONCEDE", None)
    if lemma in ("reject", "refuse", "deny", "veto", "block", "dismiss"):
        return ("REJECT", None)
    if lemma in ("accept", "agree") and noun_lemma in ("demand", "request", "condition", "call"):
        return ("CONCEDE", None)
    if lemma in ("accept", "agree"):
        return ("AGREE", None)
    if lemma == "approve":
        return ("CONCEDE", None)
    if lemma == "welcome":
        return ("SUPPORT", None)
    if lemma in ("sign",):
        return ("SUPPORT", None) if kind == "AGREE" else None
    if lemma == "declare":
        if noun_lemma in ("ceasefire", "cease-fire", "truce"):
            return ("RETREAT", "ceasefire")
        if kind in ("COERCE", "ASSAULT", "SANCTION"):
            return entry
        return None
    if lemma in ("send", "deploy", "dispatch") and noun_lemma in ("troops", "troop", "soldier",
                                                                  "force", "warship", "tank"):
        return ("MOBILIZE", "troops")
    if lemma in ("establish", "restore", "open") and noun_lemma in ("relation", "relations",
                                                                    "tie", "ties", "embassy"):
        return ("SUPPORT", None)
    if lemma == "open" and kind == "RETREAT":
        return ("RETREAT", "access")
    if lemma in ("issue", "lodge", "file", "make", "deliver", "send", "give") and kind in (
            "THREATEN", "REQUEST", "ACCUSE"):
        return entry
    if lemma in ("receive", "get", "face", "suffer", "see", "come", "leave"):
        return None
    if lemma in ("give", "provide", "send", "deliver", "grant", "extend", "offer", "pay") and (
            kind in ("AID", "COOPERATE", "RETREAT") or noun_lemma in ("compensation",)):
        return ("AID", mode)
    if kind == "REQUEST" and lemma not in ("issue", "make", "renew", "lodge", "file",
                                           "reiterate", "repeat", "send", "deliver"):
        return None
    if lemma == "have" and kind != "CONSULT":
        return None
    return entry


def interpret(tok: Token, depth: int = 0) -> Reading | None:
    """Read one verb (and what it governs) as an event, or None when it names none."""
    if depth > 4:
        return None
    lemma = lemma_of(tok)
    particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "dobj")]
    for particle in particles:
        entry = lx.PHRASAL.get((lemma, particle))
        if entry and entry[0]:
            return Reading(entry[0], entry[1], "phrasal", tok, tok)
    if lemma in UNDER_VERBS:
        under = _under(tok)
        if under is not None:
            return under
    if lemma in SEQUENCE_VERBS:
        for noun in children(tok, "dobj"):
            entry = noun_entry(noun)
            if entry is not None:
                return Reading(entry[0], entry[1], "noun", noun, noun)
    if lemma == "use" and {lemma_of(n) for n in _object_nouns(tok)} & CROWD_WEAPONS:
        return Reading("ASSAULT", "crowd-control", "verb", tok, tok)
    if lemma == "seek" and _complement(tok) is None:
        nouns = [n for n in _object_nouns(tok) if noun_entry(n) is not None]
        if nouns:
            return Reading("REQUEST", None, "frame", nouns[0], tok)
    if lemma == "reserve" and any(lemma_of(o) == "right" for o in children(tok, "dobj")):
        return Reading("THREATEN", None, "frame", tok, tok)  # "reserved the right to retaliate"
    if lemma in MOTION_VERBS:
        for subject in _movers(tok):
            entry = _goods_entry(subject)
            if entry is not None:
                return Reading(entry[0], entry[1], "noun", subject, tok)
    if lemma in ONGOING_VERBS and not children(tok, "dobj", "xcomp"):
        for subject in children(tok, "nsubj"):
            entry = noun_entry(subject)
            if entry is not None and entry[0] in ("ASSAULT", "PROTEST"):
                return Reading(entry[0], entry[1], "noun", subject, tok)
    if lemma in lx.FRAME_VERBS:
        reading = _frame(tok, lx.FRAME_VERBS[lemma], depth)
        if reading is not None or lx.FRAME_VERBS[lemma] in ("agree", "threaten", "reject"):
            return reading
    if tok.pos_ == "AUX" or lemma == "be":
        for adj in children(tok, "acomp"):
            if lemma_of(adj) in lx.READINESS_ADJECTIVES:
                return _frame(adj, "ready", depth)
    for noun in _object_nouns(tok):
        entry = noun_entry(noun)
        passive_ok = noun.dep_ != "nsubjpass" or lemma in PASSIVE_LIGHT
        if entry is not None and noun.dep_ in ("dobj", "attr", "nsubjpass") and passive_ok and (
                lemma in lx.LIGHT_VERBS):
            adjusted = _light_verb(tok, noun, entry)
            if adjusted is not None:
                return Reading(adjusted[0], adjusted[1], "noun", noun, tok)
    if lemma in lx.VERBS:
        reading = _content_verb(tok, lemma)
        if reading is not None:
            return reading
    for noun in _object_nouns(tok):
        entry = noun_entry(noun)
        if (entry and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "on", "in")
                and entry[0] in ("CONSULT", "PROTEST", "ASSAULT", "ACCUSE", "MOBILIZE")):
            if entry[0] != "ASSAULT" or noun.head.lower_ == "in" and tok.pos_ == "VERB" and (
                    children(tok, "nsubjpass")):  # "were killed in an attack", not "in the war"
                return Reading(entry[0], entry[1], "prep-noun", noun, tok)
    return _generated(tok, lemma)


HAND_ONLY = lx.REPORTING_VERBS | frozenset(lx.FRAME_VERBS) | {"be", "have", "do"}
"""Verbs the hand mechanisms read (reporting, frames, auxiliaries): CAMEO's entries for them are
not used."""


def _generated(tok: Token, lemma: str) -> Reading | None:
    """CAMEO's reading of a verb the hand lexicon named nothing for: its most specific verb
    pattern (particle + object, object, preposition + noun, particle, preposition), else the
    verb's own type. Light verbs take patterns only, and only for object nouns the hand lexicon
    does not know; hand content verbs and the hand-only verbs take nothing."""
    if tok.pos_ not in ("VERB",) or lemma in HAND_ONLY or lemma in lx.VERBS:
        return None
    light = lemma in lx.LIGHT_VERBS
    particles = [c for c in tok.children if c.dep_ == "prt"]
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    objects += [c for o in objects for c in children(o, "conj")]
    objects = [o for o in objects if o.pos_ in ("NOUN", "PROPN") and (
        not light or noun_entry(o) is None)]
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent")]
    tries: list[tuple[str, Token]] = []
    for obj in objects:
        keys = gen.noun_keys(lemma_of(obj), obj.lower_)
        tries += [(f"{p.lower_} {k}", obj) for p in particles for k in keys]
        tries += [(k, obj) for k in keys]
    for prep in preps:
        for noun in children(prep, "pobj"):
            if not light or noun_entry(noun) is None:
                tries += [(f"{prep.lower_} {k}", noun)
                          for k in gen.noun_keys(lemma_of(noun), noun.lower_)]
    if not light:
        tries += [(p.lower_, tok) for p in particles + preps]
    for words, cue in tries:
        found, entry = gen.pattern_entry(lemma, words)
        if found:
            if entry is None:
                return None  # CAMEO: this pattern is no event
            return _checked(tok, entry, cue)
    if light:
        return None
    for part in particles + preps:
        entry = gen.verb_entry(f"{lemma} {part.lower_}")
        if entry is not None:
            return _checked(tok, entry, tok)
    entry = gen.verb_entry(lemma)
    return _checked(tok, entry, tok) if entry is not None else None


PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
PARTY_NOUNS = frozenset({"police", "army", "troops", "troop", "soldier", "force", "government",
                         "rebel", "militant", "insurgent", "protester", "demonstrator", "militia",
                         "fighter", "authority", "official", "regime", "opposition", "gunman"})
"""Words that make a subject or object a party to an event, beside named ones."""


def _has_party(tok: Token) -> bool:
    """Whether the verb's subject (inherited up its clause chain) or an object names an actor:
    as PETRARCH codes a CAMEO verb only between actors its dictionaries know, a generated
    reading needs one ("the bridge carries forty thousand vehicles" names none)."""
    subject = subject_of(tok)[0]
    heads = ([subject] if subject is not None else []) + _object_nouns(tok)
    return any(_names_party(t) for head in heads for t in head.subtree)


def _names_party(tok: Token) -> bool:
    """A named actor or an actor noun ("police", "rebels")."""
    return tok.ent_type_ in PARTY_ENTS or tok.pos_ == "PROPN" or lemma_of(tok) in PARTY_NOUNS


PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})


def _stative_passive(tok: Token) -> bool:
    """A present passive with no actor as its agent states how things stand, not what
    happened: "Ankara is now bound by a timetable", "the border is closed to trucks"."""
    if not any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in tok.children):
        return False
    agents = [o for c in tok.children if c.dep_ == "agent" for o in children(c, "pobj")]
    return not any(_names_party(a) for a in agents)


def _checked(tok: Token, entry: lx.Entry, cue: Token) -> Reading | None:
    """A generated reading under the hand rules' general checks: a party takes part, and a
    flood or an earthquake neither assaults nor coerces anyone."""
    if not _has_party(tok) or _stative_passive(tok):
        return None
    if entry[0] in lx.CONFLICT_TYPES:
        causes = {lemma_of(n) for n in _object_nouns(tok)}
        causes |= {lemma_of(c) for c in children(tok, "nsubj", "nsubjpass")}
        inherited = subject_of(tok)[0]
        if inherited is not None:
            causes.add(lemma_of(inherited))
        if causes & NATURAL_CAUSES:
            return None
    return Reading(entry[0], entry[1], "verb" if cue is tok else "noun", cue, tok)


def _under(tok: Token) -> Reading | None:
    """"came under fire", "were taken under fire", "placed under curfew": the hostile noun after
    *under* is the event, suffered by the subject."""
    for prep in children(tok, "prep"):
        if prep.lower_ != "under":
            continue
        for noun in children(prep, "pobj"):
            entry = ("ASSAULT", "firearms") if lemma_of(noun) in ("fire", "gunfire") else (
                noun_entry(noun))
            if entry is not None and entry[0] in lx.CONFLICT_TYPES:
                return Reading(entry[0], entry[1], "noun", noun, tok)
    return None


def _movers(tok: Token) -> list[Token]:
    """Who moves: the subject, then — when the small parser hung the motion verb as a clause
    off a noun ("the first convoy to reach X … crossed …") — the noun the clause modifies."""
    movers = children(tok, "nsubj")
    clause = tok
    for _ in range(3):
        if clause.dep_ not in ("advcl", "relcl", "acl") or clause.head.i == clause.i:
            break
        clause = clause.head
        if clause.pos_ in ("NOUN", "PROPN"):
            movers.append(clause)
            break
    return movers


def _goods_entry(noun: Token) -> lx.Entry | None:
    """Aid or trade carried by a moving noun: "the convoy", "an aid ship", "a cargo vessel",
    or a vehicle of a relief agency ("six United Nations trucks", "WFP lorries")."""
    for candidate in [noun, *children(noun, "compound", "nmod")]:
        entry = noun_entry(candidate)
        if entry is not None and entry[0] in ("AID", "COOPERATE"):
            return entry
    if lemma_of(noun) in VEHICLES:
        owner = " ".join(t.lower_ for c in noun.lefts if c.dep_ in ("compound", "poss", "nmod")
                         for t in c.subtree)
        if any(agency in f" {owner} " for agency in RELIEF_AGENCIES):
            return ("AID", None)
    return None


VEHICLES = frozenset({"truck", "lorry", "vehicle", "van", "plane", "aircraft", "ship", "boat",
                      "helicopter"})
RELIEF_AGENCIES = (" un ", " u.n. ", "united nations", " wfp ", "world food programme",
                   " unhcr ", " unicef ", "red cross", "red crescent", " icrc ", " unrwa ",
                   " ocha ", " msf ")
"""Owners whose vehicles on the move are relief deliveries (matched with spaces around)."""


def _content_verb(tok: Token, lemma: str) -> Reading | None:
    kind, mode = lx.VERBS[lemma]
    nouns = _object_nouns(tok)
    noun_lemmas = {lemma_of(n) for n in nouns}
    causes = noun_lemmas | {lemma_of(c) for c in children(tok, "nsubj", "nsubjpass")}
    inherited = subject_of(tok)[0]  # "an earthquake struck …, killing hundreds"
    if inherited is not None:
        causes.add(lemma_of(inherited))
    if kind == "ASSAULT" and causes & NATURAL_CAUSES:
        return None
    if lemma == "die" and not any((noun_entry(n) or ("",))[0] == "ASSAULT" or lemma_of(n) in (
            "torture", "wound", "injury", "beating") for n in tok.subtree if n.pos_ == "NOUN"):
        return None
    if lemma in ("suspend", "halt", "stop", "close", "ban") and noun_lemmas & CENSOR_NOUNS:
        return Reading("COERCE", "censor", "verb", tok, tok)
    if lemma in ("send", "deploy", "dispatch"):
        for child in children(tok, "advcl", "xcomp"):
            purpose = interpret(child, 3) if child.pos_ == "VERB" else None
            if purpose is not None and purpose.type in ("ACCUSE", "AID"):
                return Reading(purpose.type, purpose.mode, "verb", child, tok)
    if lemma in ("fire", "hit", "target", "strike") and not nouns:
        return None
    if lemma in ("reduce", "cut") and not children(tok, "dobj", "nsubjpass"):
        return None  # "streets reduced to rubble" cuts nothing off
    if lemma == "block" and noun_lemmas & ROAD_NOUNS:
        return Reading("PROTEST", "obstruct", "verb", tok, tok)
    if lemma == "meet" and noun_lemmas & {"demand", "request", "condition", "call"}:
        return Reading("CONCEDE", None, "verb", tok, tok)
    if lemma == "hold" and not noun_lemmas & {"hostage", "shield", "custody", "captive",
                                              "prisoner"}:
        return None
    if lemma in ("send", "give", "provide", "deliver", "supply") and not any(
            (noun_entry(n) or ("",))[0] in ("AID", "COOPERATE", "RETREAT") for n in nouns):
        if lemma != "send" or not noun_lemmas & {"troops", "troop", "soldier", "force"}:
            return None
        return Reading("MOBILIZE", "troops", "verb", tok, tok)
    if lemma in ("return", "reopen", "admit") and not children(tok, "dobj"):
        return None
    if lemma == "close" and not noun_lemmas & ({"border", "crossing", "embassy", "office",
                                                "airspace", "newspaper"} | ROAD_NOUNS):
        return None
    if lemma in ("keep", "train", "alert") and not noun_lemmas & {"troops", "troop", "soldier",
                                                                  "force", "hacker", "reservist"}:
        return None
    return Reading(kind, mode, "verb", tok, tok)


def _frame(tok: Token, kind: str, depth: int) -> Reading | None:
    """A verb that takes a complement: the complement's event, turned by the frame."""
    comp = _complement(tok)
    inner = interpret(comp, depth + 1) if comp is not None else None
    if inner is None and kind != "intent":  # "offered aid", "demanded a meeting"
        for noun in _object_nouns(tok):
            entry = noun_entry(noun)
            if entry is not None:
                inner = Reading(entry[0], entry[1], "noun", noun, tok)
                break
    inner_type = inner.type if inner else None
    head = inner.head if inner else tok
    if kind in ("agree", "ready"):
        if kind == "ready" and inner_type in lx.CONFLICT_TYPES | {"THREATEN"}:
            return Reading("THREATEN", None, "frame", head, tok)
        if kind == "ready" and inner is None and comp is None:
            return None
        if lemma_of(tok) in ("offer", "promise", "pledge") and inner is None and not children(
                tok, "dobj", "xcomp"):
            return None
        if inner_type in lx.YIELD_TYPES:  # a promised concession is CONCEDE, not AGREE
            return Reading("CONCEDE", None, "frame", head, tok)
        return Reading("AGREE", None, "frame", head, tok)
    if kind == "threaten":
        if lemma_of(tok) == "warn" and inner_type not in lx.CONFLICT_TYPES | {
                "THREATEN", "REJECT"} and not (comp is not None and _aux(comp) & FUTURE_AUX):
            return None
        return Reading("THREATEN", None, "frame", head, tok)
    if kind == "reject":
        if lemma_of(tok) == "fail" and inner_type not in lx.COOPERATIVE_TYPES | lx.YIELD_TYPES:
            return None
        return Reading("REJECT", None, "frame", head, tok)
    if kind == "request":
        lemma = lemma_of(tok)
        if lemma == "invite":
            return Reading("AGREE", None, "frame", head, tok)
        if lemma == "order" and inner_type in lx.CONFLICT_TYPES and not (
                comp is not None and _negated(comp)):
            return Reading(inner_type, inner.mode if inner else None, "frame", head, tok)
        if lemma in ("call", "press", "ask", "order", "encourage") and comp is None and not any(
                c.lower_ in ("for", "on", "upon") for c in children(tok, "prep", "prt")):
            return None
        return Reading("REQUEST", None, "frame", head, tok)
    if inner is None:
        return None
    if kind == "intent":
        if inner_type in lx.CONFLICT_TYPES:
            return Reading("THREATEN", None, "frame", head, tok)
        if inner_type in lx.COOPERATIVE_TYPES:
            return Reading("AGREE", None, "frame", head, tok)
        if inner_type in lx.YIELD_TYPES:
            return Reading("CONCEDE", None, "frame", head, tok)
    return Reading(inner.type, inner.mode, inner.cue, head, tok)


def predicate(tok: Token) -> tuple[Token, bool]:
    """The verb carrying the event, past reporting verbs; and whether it was reported with must."""
    if tok.pos_ not in ("VERB", "AUX"):  # a fragment: "Doctors from … donated …"
        verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if verbs:
            tok = verbs[0]
    for _ in range(3):
        if lemma_of(tok) not in lx.REPORTING_VERBS:
            break
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")),
                    None) or _fragment_verb(tok)
        if comp is None or any(noun_entry(o) is not None and noun_entry(o)[0] in (
                "REQUEST", "THREATEN", "ACCUSE") for o in children(tok, "dobj")):
            break
        if lemma_of(tok) in lx.MUST_REPORTING and any(
                c.lower_ in ("must", "should") for c in comp.children if c.dep_ == "aux"):
            return comp, True
        tok = comp
    return tok, False


KEEP_FRAMES = frozenset({"agree", "threaten", "request"})
"""Frame kinds that stay the event when their complement is negated."""


def _fragment_verb(reporting: Token) -> Token | None:
    """The verb of a reported clause the parser made into a noun: in "officials said [the first
    convoy to reach X … crossed …]" the clause's head is the noun and its verbs hang below."""
    for comp in children(reporting, "ccomp"):
        if comp.pos_ in ("NOUN", "PROPN"):
            for verb in children(comp, "acl", "relcl"):
                if verb.pos_ == "VERB":
                    return verb
    return None


def adjust(reading: Reading, pred: Token) -> tuple[str, str | None] | None:
    """Negation and futurity, as the PLOVER manual codes them."""
    kind = reading.type
    chain = [reading.frame, reading.head] if reading.frame is not reading.head else [pred]
    if pred not in chain:
        chain.append(pred)
    negatable = chain
    if reading.cue == "frame" and lx.FRAME_VERBS.get(lemma_of(reading.frame)) in KEEP_FRAMES:
        # "urged Russia not to attack", "agreed not to target civilians": the frame is the
        # event; a negated complement is what was asked or promised, not a cancelled act
        negatable = [t for t in chain if t is not reading.head]
    if any(_negated(t) for t in negatable):
        if kind in lx.COOPERATIVE_TYPES or kind in lx.YIELD_TYPES:
            return ("REJECT", None)
        return None
    aux = set().union(*(_aux(t) for t in chain))
    conditional = any(c.lower_ == "unless" for t in chain for a in children(t, "advcl")
                      for c in a.children if c.dep_ == "mark")
    if conditional and kind not in ("REQUEST", "ACCUSE"):
        return ("THREATEN", None)
    if reading.cue != "frame" and aux & FUTURE_AUX:
        if kind in lx.CONFLICT_TYPES:
            return ("THREATEN", None)
        if kind in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
            return ("AGREE", None)
        if kind == "RETREAT":
            return ("CONCEDE", None)
    if reading.cue != "frame" and aux & HEDGE_AUX and kind in lx.CONFLICT_TYPES:
        return ("THREATEN", None)
    return (kind, reading.mode)


def choose_mode(kind: str, mode: str | None, sent: Span) -> str | None:
    """The mode from the first specific cue word in the sentence, else the lexicon's own."""
    cues = lx.MODE_CUES.get(kind)
    if not cues:
        return None
    lemmas = {lemma_of(t) for t in sent} | {t.lower_ for t in sent}
    for words, cue_mode in cues:
        if lemmas.intersection(words):
            return cue_mode
    valid = {m for _, m in cues}
    return mode if mode in valid else None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject, inherited up xcomp/conj chains; and whether the clause is passive."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        tok = tok.head if tok.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acomp") else None
    return None, False
