"""The central event of a story: the happening most outlets and articles report.

Coded events are grouped into happenings by type and day; the one reported by most outlets,
then most articles, then most often in a lead, is the story's centre. Only events whose doers
are named usable actors count: a pronoun ("we"), an outlet ("Levant Wire"), a common noun ("the
first cargo ship") or an event noun ("Russia's invasion") names nobody a title could state.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storyline.events.lexicon import NOUNS as EVENT_NOUNS
from storyline.model import Article
from storyline.stories.phrasing import is_pronoun, loaded_terms, outlet_like
from storyline.time.published import dateline_end

LEAD_CHARS = 250
"""An event whose sentence starts this close to the top of its article (after its dateline)
is in the lead, where an article states the happening it reports."""
TARGET_KINDS = frozenset({"person", "country", "organization", "group", "military"})
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "al", "bin", "ibn", "el"})
ACTOR_KINDS = frozenset({"person", "country", "organization", "group", "military", None})
GENERIC_NAMES = frozenset({"president", "presidents", "ministry", "defence ministry",
                           "council", "government", "army", "source", "sources", "delegation",
                           "side", "officials", "leaders", "two leaders", "two sides"})
ACTOR_NOUNS = frozenset({"troops", "forces", "soldiers", "police", "army", "navy", "fleet",
                         "military", "units", "delegation", "delegations", "officials",
                         "ministry", "government", "aircraft", "jets", "warplanes"})
"""Nouns the event lexicon lists (a troop *deployment*) that still name who acts."""
SPECIFIC = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_PLACE_PREP = re.compile(r"\b(?:in|near|at|on|outside)\s+(?:the\s+)?(?:village|town|city|port|"
                         r"province|region)?\s*(?:of\s+)?(?:[A-Z][\w-]*['\u2019]s\s+)?$")


@dataclass
class Reading:
    """One event as a title could state it."""

    event: dict
    outlet: str
    participants: tuple[str, ...]
    target: str | None
    places: list[tuple[str, str | None]]
    lead: bool
    venue: list[tuple[str, str | None]] = field(default_factory=list)
    """The dateline's place, where a meeting is usually held ("SOCHI – Putin and …")."""


@dataclass
class Happening:
    kind: str
    date: str | None
    readings: list[Reading] = field(default_factory=list)

    def score(self) -> tuple[int, int, int, int, int]:
        """Outlets reporting it in a lead, outlets, articles, lead readings, readings dated
        by their own words."""
        lead_outlets = {r.outlet for r in self.readings if r.lead}
        outlets = {r.outlet for r in self.readings}
        articles = {r.event["article_id"] for r in self.readings}
        leads = sum(r.lead for r in self.readings)
        dated = sum(r.event.get("dated_by") == "sentence" for r in self.readings)
        return len(lead_outlets), len(outlets), len(articles), leads, dated


_SUBORDINATE = re.compile(r",\s*(?:where|which|who|when|while|as|after|before|since|following|"
                          r"but|and)\b|\s(?:after|following|since|because|when|while|amid|"
                          r"as|which|that|where|who)\s")


def main_clause_end(sentence: str, start: int = 0) -> int:
    """Where the main clause of a lead ends: a place after "after …" or ", where …" is
    the setting of something else (the attack the suspension followed)."""
    match = _SUBORDINATE.search(sentence, start)
    return match.start() if match else len(sentence)


def usable_name(name: str | None, text: str | None, kind: str | None,
                outlets: Sequence[str]) -> bool:
    """A named actor a neutral title can carry."""
    if not name or kind not in ACTOR_KINDS:
        return False
    if not name[0].isupper() or name.casefold() in GENERIC_NAMES:
        return False
    if kind is None and any(w[0].islower() and w not in _CONNECTORS and not w.startswith("al-")
                            for w in name.split()):
        return False  # "Land and air units": a description, not a name
    if is_pronoun(name) or (text and is_pronoun(text)):
        return False
    if outlet_like(name, outlets) or loaded_terms(name):
        return False
    if text:
        words = re.findall(r"[^\W\d_][\w-]*", text.lower())
        if words and words[-1] in EVENT_NOUNS and words[-1] not in ACTOR_NOUNS:
            return False  # "Russia's invasion", "the deal"
    return True


def _actor_mentions(article_id: str, start: int, end: int,
                    mentions: Mapping[str, Sequence[dict]]) -> list[dict]:
    return [m["actor"] for m in mentions.get(article_id, ())
            if m.get("actor") and m["start"] >= start and m["end"] <= end]


def _participants(event: dict, outlets: Sequence[str],
                  mentions: Mapping[str, Sequence[dict]],
                  countries: Mapping[str, str]) -> tuple[str, ...]:
    """Every actor of the source phrase ("Russia and Turkey"), by normalized name."""
    source = event.get("source") or {}
    text = source.get("text") or ""
    if not usable_name(source.get("name"), text, source.get("kind"), outlets):
        return ()
    found: list[dict] = []
    offset = (event.get("sentence") or "").find(text) if text else -1
    if offset >= 0 and (" and " in text or "," in text):
        begin = event.get("char_start", 0) + offset
        found = [a for a in _actor_mentions(event["article_id"], begin, begin + len(text),
                                            mentions)
                 if usable_name(a.get("name"), a.get("text"), a.get("kind"), outlets)]
    if not found:
        found = [source]
    if any(a.get("kind") == "country" for a in found):
        # "Russian and Turkish troops": two states acting, named as states
        found = [{**a, "name": countries.get(a.get("country") or "", a["name"])}
                 if a.get("kind") in ("military", "organization") else a for a in found]
    names: list[str] = []
    for actor in found:
        if actor["name"] not in names:
            names.append(actor["name"])
    return tuple(names)


def _target(event: dict, participants: Sequence[str], outlets: Sequence[str]) -> str | None:
    target = event.get("target") or {}
    text = re.sub(r"^(?:the|a|an|at least|more than|some|about|nearly)\s+|^\d[\d,]*\s+", "",
                  (target.get("text") or target.get("name") or "").strip(), flags=re.IGNORECASE)
    text = re.sub(r"^\d[\d,]*\s+", "", text)
    if not text[:1].isupper():
        return None
    name = target.get("name")
    if target.get("kind") not in TARGET_KINDS | {None}:
        return None
    if not usable_name(name, text, target.get("kind"), outlets) or name in participants:
        return None
    return name


def _places(event: dict, article: Article | None, mentions: Mapping[str, Sequence[dict]]
            ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """Places the sentence puts the event in ("in Syria's Idlib province"), and the dateline's
    place apart from them."""
    sentence = event.get("sentence") or ""
    start = event.get("char_start", 0)
    if not sentence and (event.get("location") or {}).get("name"):
        return [(event["location"]["name"], event["location"].get("feature"))], []
    skip = dateline_end(sentence)
    found: list[tuple[str, str | None]] = []
    venue: list[tuple[str, str | None]] = []
    word = re.split(r"[,/\u2013\u2014(-]", sentence[:skip])[0].strip().casefold() if skip else ""
    for m in mentions.get(event["article_id"], ()):
        place = m.get("place") or {}
        if word and (place.get("name") or "").casefold() == word and place.get("feature") in (
                "city", "site", "admin2"):
            venue.append((place["name"], place.get("feature")))
            break
    for m in mentions.get(event["article_id"], ()):
        place = m.get("place")
        if not place or not place.get("name"):
            continue
        offset = m["start"] - start
        if offset < 0 or m["end"] > event.get("char_end", start + len(sentence)):
            continue
        if offset < skip:
            if place.get("feature") not in (None, "country"):
                venue.append((place["name"], place.get("feature")))
            continue
        if offset > main_clause_end(sentence, skip):
            continue
        after = sentence[m["end"] - start:m["end"] - start + 2]
        if after[:1] in ("'", "\u2019"):
            continue  # "Syria's Idlib": Syria holds the place, Idlib is it
        if _PLACE_PREP.search(sentence[:offset]):
            found.append((place["name"], place.get("feature")))
    if not mentions.get(event["article_id"]) and event.get("location"):
        place = event["location"]
        text = place.get("text") or place.get("name") or ""
        at = sentence.find(text, skip) if text else -1
        if at >= 0 and _PLACE_PREP.search(sentence[:at]):
            found.append((place["name"], place.get("feature")))
    return found, venue


def country_names(mentions: Mapping[str, Sequence[dict]]) -> dict[str, str]:
    """ISO code -> the name the corpus normalizes that country to ("TR" -> "Turkey")."""
    votes: dict[str, Counter[str]] = {}
    for found in mentions.values():
        for m in found:
            actor = m.get("actor") or {}
            if actor.get("kind") == "country" and actor.get("country") and actor.get("name"):
                votes.setdefault(actor["country"], Counter())[actor["name"]] += 1
    return {code: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            for code, c in votes.items()}


def happenings(events: Sequence[dict], articles: Mapping[str, Article],
               mentions: Mapping[str, Sequence[dict]], outlets: Sequence[str],
               countries: Mapping[str, str] | None = None) -> list[Happening]:
    """The story's happenings, most reported first (ties: earlier day, then type)."""
    countries = countries if countries is not None else country_names(mentions)
    groups: dict[tuple[str, str | None], Happening] = {}
    for event in events:
        article = articles.get(event.get("article_id", ""))
        if article is None or (article.language or "en")[:2] != "en" or not event.get("type"):
            continue
        participants = _participants(event, outlets, mentions, countries)
        target = _target(event, participants, outlets)
        if not participants and not (event["type"] == "ASSAULT" and target):
            continue
        places, venue = _places(event, article, mentions)
        lead = event.get("char_start", LEAD_CHARS) < dateline_end(article.text) + LEAD_CHARS
        reading = Reading(event, article.outlet or article.id, participants, target,
                          places, lead, venue)
        key = (event["type"], event.get("date"))
        groups.setdefault(key, Happening(*key)).readings.append(reading)
    return sorted(groups.values(), key=lambda h: (tuple(-x for x in h.score()),
                                                  h.date or "9999", h.kind))


def main_reading_group(happening: Happening) -> list[Reading]:
    """The readings that name the happening's actors the way most outlets do."""
    by_actors: dict[tuple[str, ...], list[Reading]] = {}
    for reading in happening.readings:
        by_actors.setdefault(tuple(sorted(reading.participants)), []).append(reading)

    named: dict[str, set[str]] = {}
    for reading in happening.readings:
        for actor in reading.participants:
            named.setdefault(actor, set()).add(reading.outlet)

    def score(item: tuple[tuple[str, ...], list[Reading]]) -> tuple:
        # a set of actors scores by how many outlets name each of them in this happening:
        # "Russia and Ukraine" beats "Ukraine" when both are named by most outlets
        actors, readings = item
        return (-sum(len(named.get(a, ())) for a in actors), -sum(r.lead for r in readings),
                -len({r.outlet for r in readings}), actors)

    return sorted(by_actors.items(), key=score)[0][1]


def best_place(readings: Sequence[Reading], actors: Sequence[str],
               venue_first: bool = False) -> str | None:
    """The most specific place at least half as many readings put the event in as the most
    named one; never one of the actors (Turkey does not agree "in Turkey"). A meeting is
    placed at its dateline's city when the readings give one."""
    actor_set = set(actors)
    counts: Counter[tuple[str, str | None]] = Counter()
    venues: Counter[tuple[str, str | None]] = Counter()
    for reading in readings:
        for place in set(reading.places):
            if place[0] not in actor_set:
                counts[place] += 1
        for place in set(reading.venue):
            if place[0] not in actor_set:
                venues[place] += 1
    if venue_first and venues:
        counts = venues
    if not counts:
        return None
    top = max(counts.values())
    best = sorted((kv for kv in counts.items() if 2 * kv[1] >= top),
                  key=lambda kv: (SPECIFIC.get(kv[0][1] or "", 6), -kv[1], kv[0][0]))
    return best[0][0][0]
