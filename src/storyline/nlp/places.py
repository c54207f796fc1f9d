"""Offline geocoding of place mentions, with the choice among same-named places guided by the
document's other places.

A mention's candidates come from the gazetteer; each is scored by how large it is (log
population: the "largest place with that name" prior) and by how well it fits the document:
same country as the places the document names without doubt, a bordering country, a state the
document names, and distance to those places. "Tripoli" beside Beirut is Lebanon's; alone it is
Libya's capital. Countries come back at their capital, provinces at their provincial capital.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.model import Place
from storyline.nlp.gazetteer import Gazetteer, GazetteerEntry, Match, name_key

__all__ = ["Gazetteer", "geocode", "geocode_document"]

_ADMIN_WORDS = ("province", "governorate", "oblast", "region", "state", "krai", "kray",
                "district", "county", "prefecture", "department", "provinces", "regions")
_CITY_WORDS = ("city", "town", "village", "port", "municipality", "area", "countryside",
               "outskirts", "suburbs", "crossing", "border crossing", "border gate", "gate",
               "air base", "airbase", "base", "airport")
_PREFIXES = ("port of ", "city of ", "town of ", "village of ", "province of ", "region of ",
             "governorate of ", "outskirts of ", "area of ", "state of ")
_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northwest", "northeast", "southwest", "southeast", "northwestern", "northeastern",
    "southwestern", "southeastern", "north west", "north east", "south west", "south east",
    "north western", "north eastern", "south western", "south eastern", "upper", "lower",
    "rural", "greater", "coastal", "mainland", "occupied"})

_TOO_VAGUE = frozenset({
    "world", "europe", "asia", "africa", "america", "americas", "north america", "south america",
    "latin america", "oceania", "antarctica", "eurasia", "middle east", "near east", "far east",
    "west", "east", "north", "south", "gulf", "levant", "balkans", "caucasus", "central asia",
    "north africa", "sub saharan africa", "scandinavia", "arctic", "global south", "mideast"})
"""Continents and world regions: no point on a map means them, and GeoNames has small towns
(and alternate names of towns) called "West", "Africa" or "Middle East"."""

PRIOR_FLOOR = 1000
"""Population assumed for places GeoNames lists with none (many Syrian towns, our extras)."""
COUNTRY_BONUS = 1.5
"""A name that is a country means the country unless the context says otherwise."""
ADMIN_PENALTY = 1.5
"""A bare name meaning both a state and a city ("Washington", "New York") is usually the city."""
ALTERNATE_PENALTY = 0.7
LOOSE_PENALTY = 2.0
SAME_COUNTRY = 1.5
NEIGHBOUR_COUNTRY = 0.75
SAME_STATE = 2.0
PROXIMITY = 3.0
PROXIMITY_KM = 300.0
"""Distance at which nearness to the document's other places has fallen to a third."""
LOOSE_MIN_POPULATION = 100_000
SMALL_ALTERNATE_POPULATION = 5000
SURE_MARGIN = 2.0
"""Score lead over any other country's candidate (two orders of population) that makes a
context mention count as support for its country."""


@dataclass(frozen=True)
class _Reading:
    """One way of reading a mention: the name key and whether it asked for a province."""

    key: str
    admin: bool = False


@dataclass
class _Context:
    """What the document's other mentions say for sure: countries, states and coordinates."""

    countries: dict[str, int] = field(default_factory=dict)
    states: set[tuple[str, str]] = field(default_factory=set)
    anchors: list[tuple[float, float, str | None]] = field(default_factory=list)
    neighbours: set[str] = field(default_factory=set)


def geocode(mention: str, context: Sequence[str] = (),
            gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a mention most likely means, given the document's other place mentions and
    country names; None when no gazetteer entry answers to the name."""
    others = [c for c in context if c != mention]
    return geocode_document([mention, *others], gazetteer)[mention]


def geocode_document(mentions: Sequence[str],
                     gazetteer: Gazetteer | None = None) -> dict[str, Place | None]:
    """Every mention of one document, each chosen with all the others as context.

    First each mention is read alone and only what is beyond doubt (a name found in one
    country, a country name) becomes evidence; every mention is then scored against the
    evidence of the others, so a document naming Beirut sends "Tripoli" to Lebanon. A last
    round rescores each mention against the others' choices, so that places which are only
    likely together (Washington, Arlington, Alexandria) pull each other into one area.
    """
    gazetteer = gazetteer or Gazetteer.default()
    distinct = list(dict.fromkeys(m for m in mentions if m and m.strip()))
    matches = {m: _matches(m, gazetteer) for m in distinct}
    evidence = {m: _evidence(*matches[m]) for m in distinct}
    first = {m: _choose(*matches[m], _context(_others(evidence, m), gazetteer))
             for m in distinct}
    chosen = {m: _Evidence(frozenset({e.country}), e) if e and e.country else evidence[m]
              for m, e in first.items()}
    result: dict[str, Place | None] = {}
    for mention in distinct:
        entry = _choose(*matches[mention], _context(_others(chosen, mention), gazetteer))
        result[mention] = _to_place(entry, mention, matches[mention][1])
    for mention in mentions:
        result.setdefault(mention, None)
    return result


def _others(evidence: dict[str, _Evidence], mention: str) -> list[_Evidence]:
    return [e for m, e in evidence.items() if m != mention]


def _readings(mention: str) -> list[_Reading]:
    """The mention as written, then without "the", possessives, province/city words, prefixes
    such as "port of" and directions ("northwest Syria"): the first reading that names a
    place wins."""
    text = mention.strip().strip("\"'“”‘’()[],;:")
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    key = name_key(text)
    readings = [_Reading(key)]
    if key.startswith("the "):
        key = key[4:]
        readings.append(_Reading(key))
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            admin = prefix.split()[0] in _ADMIN_WORDS
            key = key[len(prefix):]
            readings.append(_Reading(key, admin))
            break
    for words, admin in ((_ADMIN_WORDS, True), (_CITY_WORDS, False)):
        for word in words:
            if key.endswith(" " + word):
                readings.append(_Reading(key[: -len(word) - 1].strip(), admin))
                break
    for reading in list(readings):
        tokens = reading.key.split()
        for size in (2, 1):
            if len(tokens) > size and " ".join(tokens[:size]) in _DIRECTIONS:
                readings.append(_Reading(" ".join(tokens[size:]), reading.admin))
                break
    return [r for r in dict.fromkeys(readings) if r.key]


def _matches(mention: str, gazetteer: Gazetteer) -> tuple[list[Match], bool]:
    """Candidates of the first reading that finds any (exact names before loose skeletons)."""
    readings = _readings(mention)
    if any(r.key in _TOO_VAGUE for r in readings[:2]):
        return [], False
    for allow_loose in (False, True):
        for reading in readings:
            found = gazetteer.lookup(reading.key, allow_loose=allow_loose)
            if found:
                return found, reading.admin
    return [], False


def _prior(match: Match, admin: bool) -> float:
    """How likely a candidate is before any context: size, kind of place and how it matched."""
    entry = match.entry
    score = math.log10(max(entry.population, PRIOR_FLOOR))
    if entry.feature == "country":
        score += COUNTRY_BONUS
    elif entry.feature == "admin1":
        score += ADMIN_PENALTY if admin else -ADMIN_PENALTY
    if not match.primary:
        score -= ALTERNATE_PENALTY
    if match.loose:
        score -= LOOSE_PENALTY
    return score


@dataclass(frozen=True)
class _Evidence:
    """What one mention, read alone, says for sure about the document's geography."""

    countries: frozenset[str] = frozenset()
    entry: GazetteerEntry | None = None


def _evidence(matches: list[Match], admin: bool) -> _Evidence:
    """Read alone, a mention is evidence only when its country is beyond doubt."""
    matches = [m for m in matches if not m.loose and not m.entry.needs_context]
    if not matches:
        return _Evidence()
    ranked = sorted(matches, key=lambda m: -_prior(m, admin))
    best = ranked[0]
    countries = {m.entry.country for m in matches}
    if len(countries) == 1 and best.entry.country:
        # one country: the place is certain enough to anchor distances (the largest of them)
        return _Evidence(frozenset(countries), best.entry)  # type: ignore[arg-type]
    rival = next((m for m in ranked if m.entry.country != best.entry.country), None)
    if best.entry.country and rival and _prior(best, admin) - _prior(rival, admin) >= SURE_MARGIN:
        return _Evidence(frozenset({best.entry.country}))
    return _Evidence()


def _context(evidence: list[_Evidence], gazetteer: Gazetteer) -> _Context:
    context = _Context()
    for item in evidence:
        for country in item.countries:
            context.countries[country] = context.countries.get(country, 0) + 1
        entry = item.entry
        if entry is None:
            continue
        if entry.feature == "admin1" and entry.admin1 and entry.country:
            context.states.add((entry.country, entry.admin1))
        if entry.feature != "country" and entry.lat is not None and entry.lon is not None:
            context.anchors.append((entry.lat, entry.lon, entry.country))
    for country in context.countries:
        context.neighbours.update(gazetteer.neighbours.get(country, ()))
    context.neighbours.difference_update(context.countries)
    return context


def _fit(entry: GazetteerEntry, context: _Context) -> float:
    """How well a candidate fits the document's other places."""
    score = 0.0
    if entry.country in context.countries:
        score += SAME_COUNTRY
    elif entry.country in context.neighbours:
        score += NEIGHBOUR_COUNTRY
    if entry.admin1 and (entry.country, entry.admin1) in context.states:
        score += SAME_STATE
    if entry.feature == "country":
        if any(country == entry.country for _, _, country in context.anchors):
            score += PROXIMITY
    elif entry.lat is not None and entry.lon is not None and context.anchors:
        nearest = min(_km(entry.lat, entry.lon, lat, lon) for lat, lon, _ in context.anchors)
        score += PROXIMITY * math.exp(-nearest / PROXIMITY_KM)
    return score


def _choose(matches: list[Match], admin: bool, context: _Context) -> GazetteerEntry | None:
    """The best-scoring candidate: prior (size, kind, match quality) plus fit to the context."""
    best: tuple[float, GazetteerEntry] | None = None
    for match in matches:
        entry = match.entry
        fit = _fit(entry, context)
        if entry.needs_context and entry.country not in context.countries:
            continue
        if match.loose and fit < SAME_COUNTRY and (context.countries or
                                                   entry.population < LOOSE_MIN_POPULATION):
            continue  # a loose spelling match needs the document's support, or no context
            # at all and a large city
        if (not match.primary and entry.feature == "city" and fit == 0
                and entry.population < SMALL_ALTERNATE_POPULATION):
            continue  # a small town known by another name, in a document that says nothing of
            # its country, is likelier a word the tagger took for a place
        score = _prior(match, admin) + fit
        if best is None or score > best[0]:
            best = (score, entry)
    return best[1] if best else None


def _to_place(entry: GazetteerEntry | None, mention: str, admin: bool) -> Place | None:
    if entry is None:
        return None
    if admin and entry.feature == "city":
        # "Aleppo province" without a province entry: the province, at its capital city
        return Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                     text=mention, geonameid=None, feature="admin1")
    return entry.to_place(mention)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
