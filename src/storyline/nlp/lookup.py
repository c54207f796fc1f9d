"""What a user typed in a filter or a search, read the way the pipeline reads names.

An actor filter ("Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "RTE") resolves through the same
alias table the actor normalizer uses (`data/actors.json`: spellings, surnames, transliteration
keys, role phrases) to canonical actors; a place filter ("Idleb", "Idlib") through the same
offline gazetteer and geocoder the pipeline uses, to a canonical place. What resolves is then
matched by the canonical name the pipeline stored *and* by that entry's known spellings as
written, so every spelling of one entry finds the same events; what does not resolve is matched
as written, with case, diacritics and punctuation folded (`key`).

`words_key` is the folded form stored beside each event (`events.actor_words`,
`events.place_words`, schema v9) and `spellings` are compared with it as whole words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from storyline.nlp.actor_table import ActorTable, default_table, is_acronym, load_table_data
from storyline.nlp.names import fold, key, strip_determiners, strip_possessive, translit_key

SHORT_ACRONYM = 3
"""Acronyms this short ("IS", "US", "UN") are ordinary words once case is folded: never used as
a variant to match words as written (the canonical name still matches)."""
PLACE_LABELS = ("GPE", "LOC", "FAC")

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NameQuery:
    """One filter value, resolved: match `names` (canonical, as stored, compared by `key`)
    exactly, or any of `spellings` (keys) as whole words of the text as written."""

    text: str
    names: tuple[str, ...]
    spellings: tuple[str, ...]
    countries: tuple[str, ...] = ()
    """Country codes a place query means as a whole ("Syria", "SY": every event located there)."""

    @property
    def known(self) -> bool:
        return bool(self.names)

    @property
    def name_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(key(n) for n in self.names if key(n)))


def words_key(*parts: str | None) -> str:
    """The stored form of several names/texts: each folded by `key`, joined by " | ", padded
    with spaces, so `LIKE '% w %'` finds a whole-word sequence inside one part only."""
    keys = [key(p) for p in parts if p]
    return " " + " | ".join(k for k in keys if k) + " "


def mention_key(text: str | None) -> str:
    """A mention's text as a lookup key: without "the" and a possessive, then `key`."""
    return key(strip_determiners(strip_possessive(" ".join((text or "").split()))))


def like_patterns(spellings: Iterable[str]) -> list[str]:
    """`LIKE` patterns for spellings (keys: only [a-z0-9' ], so no LIKE wildcard inside)."""
    return [f"% {s} %" for s in spellings if s]


def minimal(spellings: Iterable[str]) -> list[str]:
    """Spellings without those that contain another one as whole words ("recep tayyip erdogan"
    goes when "erdogan" is there: every text matching it matches "erdogan")."""
    unique = sorted({s for s in spellings if s}, key=lambda s: (len(s.split()), s))
    kept: list[str] = []
    for spelling in unique:
        padded = f" {spelling} "
        if not any(f" {shorter} " in padded for shorter in kept):
            kept.append(spelling)
    return kept


# -- actors ---------------------------------------------------------------------------------


@cache
def _entry_spellings() -> dict[str, tuple[str, ...]]:
    """Canonical actor -> the spellings of it that name it (name, explicit aliases, a surname
    no other person in the table shares), as written in the table."""
    data = load_table_data()
    table = default_table()
    found: dict[str, list[str]] = {}
    for actor in data.get("actors", []):
        found.setdefault(actor["name"], []).extend([actor["name"], *actor.get("aliases", [])])
    for country in data.get("countries", []):
        found.setdefault(country["name"], []).extend([country["name"],
                                                      *country.get("aliases", [])])
        government = country.get("government")
        if government:
            found.setdefault(government, []).extend(
                [government, *country.get("government_aliases", [])])
        forces = country.get("forces")
        if forces:
            found.setdefault(forces, []).extend([forces, *country.get("forces_aliases", [])])
    for surname, people in table.surnames.items():
        if len(people) == 1 and table.aliases.get(surname) == people[0]:
            found.setdefault(people[0], []).append(surname)
    return {name: tuple(dict.fromkeys(spellings)) for name, spellings in found.items()}


def _names_like(spelling: str) -> bool:
    """A spelling that names someone: a capitalised word ("Assad regime", "Republican Guard"),
    not a description ("regime forces"); not a short acronym ("IS", "US")."""
    bare = strip_determiners(spelling)
    if is_acronym(bare) and len(bare.replace(".", "")) <= SHORT_ACRONYM:
        return False
    return bare == bare.lower() and " " not in bare or any(w[:1].isupper() for w in bare.split())


def actor_spellings(name: str) -> list[str]:
    """Keys of the spellings of a canonical actor that match words as written."""
    spellings = _entry_spellings().get(name, (name,))
    return minimal(key(s) for s in spellings if _names_like(s) and key(s))


def _actor_names(text: str, table: ActorTable, *, roles: bool = True) -> list[str]:
    """Canonical actors a typed name means: every one its spelling, transliteration key or
    surname names (several people sharing a surname: all of them); with `roles`, also every
    holder of an office a role phrase names ("the Turkish president")."""
    clean = strip_possessive(" ".join(text.split()))
    names: list[str] = []
    for variant in dict.fromkeys((clean, strip_determiners(clean))):
        k = key(variant)
        if not k:
            continue
        if k in table.aliases:  # an explicit spelling names its actor, not every namesake
            names.append(table.aliases[k])
        else:
            names += table.surnames.get(k, [])
        if roles and k in table.role_phrases:
            office, of = table.role_phrases[k]
            names += sorted({t.holder for t in table.tenures.get((office, of), [])})
        found = table.translit.get(translit_key(variant))
        if found:
            names.append(found)
    return list(dict.fromkeys(names))


@cache
def _normalizer():  # noqa: ANN202 - imported lazily: the normalizer pulls in rapidfuzz
    from storyline.nlp.entities import ActorNormalizer

    return ActorNormalizer()


def _normalized(text: str) -> list[str]:
    """The pipeline's normalizer on the typed text ("President Erdogan": titles stripped;
    near-identical spellings of a person), kept only when it lands on an actor of the table."""
    normalizer = _normalizer()
    found: list[str] = []
    for variant in dict.fromkeys((text, text.title() if text.islower() else text)):
        name = normalizer.normalize(variant).name
        if name and name in normalizer.table.entries:
            found.append(name)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1024)
def actor_query(text: str) -> NameQuery:
    """Resolve an actor filter value; unknown names match as written (folded)."""
    clean = " ".join(text.split())
    names = _actor_names(clean, default_table()) or _normalized(clean)
    if not names:
        return NameQuery(text, (), tuple(minimal([key(clean)])))
    spellings = minimal(s for n in names for s in actor_spellings(n))
    return NameQuery(text, tuple(names), tuple(spellings))


def actor_search_spellings(words: str) -> list[str]:
    """Keys of every spelling of the actors a search term is itself a spelling of (name, alias,
    unique surname, transliteration; not a demonym, role phrase or fuzzy match: a search term
    is taken as a name or not at all). A short acronym counts only typed in capitals ("IS",
    not "is")."""
    table = default_table()
    k = key(words)
    if not k or k in table.acronyms and len(k) <= SHORT_ACRONYM and not is_acronym(words):
        return []
    names = []
    for name in _actor_names(words, table, roles=False):
        own = {key(s) for s in _entry_spellings().get(name, (name,))}
        if k in own or translit_key(words) in {translit_key(s) for s in own}:
            names.append(name)
    return minimal(s for n in names for s in actor_spellings(n))


# -- places ---------------------------------------------------------------------------------

_gazetteer_lock = threading.Lock()
_gazetteer_override = None


def use_gazetteer(gazetteer) -> None:  # noqa: ANN001 - a Gazetteer or None
    """Resolve places with this gazetteer instead of the default (tests); None restores it."""
    global _gazetteer_override
    _gazetteer_override = gazetteer
    place_query.cache_clear()


def _gazetteer():  # noqa: ANN202
    """The pipeline's gazetteer, loaded once (a few seconds) under a lock so concurrent web
    requests do not each load it."""
    from storyline.nlp.gazetteer import Gazetteer

    if _gazetteer_override is not None:
        return _gazetteer_override
    with _gazetteer_lock:
        return Gazetteer.default()


def warm() -> None:
    """Load the gazetteer and its loose index ahead of the first place query (web start-up)."""
    gazetteer = _gazetteer()
    gazetteer.lookup("warm up", allow_loose=True)


@lru_cache(maxsize=1024)
def place_query(text: str) -> NameQuery:
    """Resolve a place filter value through the geocoder, as the pipeline resolves a place
    mention with no context; a country also means every place in it (its code). A country
    code ("SY") matches the events located in that country, as before."""
    from storyline.nlp.gazetteer import name_key
    from storyline.nlp.places import geocode

    clean = " ".join(text.split())
    as_written = key(clean)
    countries: list[str] = []
    if len(clean) == 2 and clean.isalpha():
        countries.append(clean.upper())
    gazetteer = _gazetteer()
    place = geocode(clean, gazetteer=gazetteer) if clean else None
    if place is None or not place.name:
        return NameQuery(text, (), (as_written,) if as_written else (), tuple(countries))
    if place.feature == "country" and place.country:
        countries.append(place.country)
    spellings = [place.name]
    for match in gazetteer.lookup(name_key(place.name)):
        entry = match.entry
        if match.primary and entry.country == place.country and entry.feature == place.feature:
            spellings += entry.alternates
    keys = [key(s) for s in spellings if _names_like(s)]
    return NameQuery(text, (place.name,), tuple(minimal(k for k in keys if k)),
                     tuple(dict.fromkeys(countries)))


# -- search ---------------------------------------------------------------------------------


def fts_tokens(text: str) -> list[str]:
    """Roughly the tokens FTS5's unicode61 tokenizer makes of a text (diacritics removed)."""
    return _WORD.findall(fold(text).lower())
