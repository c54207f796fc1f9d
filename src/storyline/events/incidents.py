"""Incidents: the mentions of one real-world happening across sentences, articles and copies.

A corpus step after stories (it reads `duplicate_of` and `story_id`). Two mentions are one
happening when they are the same sentence of one copy group, or when they share the PLOVER quad
(`FAMILY`), name at least one actor in common (normalized name, or the country a person, state
or force belongs to) with no known actor in conflict, are dated within `DATE_WINDOW` days (both
undated or month-dated mentions: within one story) and name the same place when both name one.
Mentions join by single link, but an incident never spans more than `DATE_WINDOW` days.
Counts follow GDELT: mentions (NumMentions), article_ids (NumArticles), outlets (NumSources).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date as Date
from typing import Any

import xxhash

from storyline.model import Article

FAMILY: dict[str, str] = {
    "AGREE": "verbal-cooperation", "CONSULT": "verbal-cooperation",
    "SUPPORT": "verbal-cooperation", "CONCEDE": "verbal-cooperation",
    "COOPERATE": "material-cooperation", "AID": "material-cooperation",
    "RETREAT": "material-cooperation",
    "REQUEST": "verbal-conflict", "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict",
    "THREATEN": "verbal-conflict",
    "PROTEST": "material-conflict", "SANCTION": "material-conflict",
    "MOBILIZE": "material-conflict", "COERCE": "material-conflict", "ASSAULT": "material-conflict",
}
"""PLOVER's quad classes: verbal/material cooperation/conflict."""

SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
"""Types whose two parties are interchangeable ("Russia and Turkey agreed")."""

DATE_WINDOW = 2
"""Days between the earliest and latest dated mention of one incident."""

COUNTRY_KINDS = frozenset({"person", "country", "military", "organization"})
"""Actor kinds that stand for their country too (Putin, the Russian armed forces ~ Russia)."""


def incident_id(event_ids: Sequence[str]) -> str:
    """Stable id from the sorted member event ids (like story ids, an xxh3 prefix)."""
    return "i-" + xxhash.xxh3_64_hexdigest("\n".join(sorted(event_ids)).encode())[:12]


def actor_keys(actor: Mapping[str, Any] | None) -> frozenset[str]:
    """What an actor can be matched by; empty for an actor not normalized to a known kind."""
    if not actor or not actor.get("name") or not actor.get("kind"):
        return frozenset()
    keys = {str(actor["name"]).casefold()}
    if actor.get("country") and actor["kind"] in COUNTRY_KINDS:
        keys.add("@" + str(actor["country"]))
    if actor["kind"] == "place":
        return frozenset()
    return frozenset(keys)


def _day(value: str | None) -> int | None:
    if not value or len(value) != 10:
        return None
    try:
        return Date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def _sentence_key(sentence: str) -> str:
    return re.sub(r"\W+", " ", sentence.casefold()).strip()


class _Mention:
    __slots__ = ("event", "family", "day", "source", "target", "place", "story", "symmetric")

    def __init__(self, event: dict[str, Any]) -> None:
        self.event = event
        self.family = FAMILY.get(event["type"], event["type"])
        self.day = _day(event.get("date"))
        self.source = actor_keys(event.get("source"))
        self.target = actor_keys(event.get("target"))
        location = event.get("location") or None
        self.place = ((location.get("name"), location.get("country"),
                       location.get("feature") == "country") if location else None)
        self.story = event.get("story_id")
        self.symmetric = event["type"] in SYMMETRIC


def _places_agree(a: _Mention, b: _Mention) -> bool:
    if a.place is None or b.place is None or a.place[0] == b.place[0]:
        return True
    # a country and a place inside it are the same place at the country's level
    return bool(a.place[1]) and a.place[1] == b.place[1] and (a.place[2] or b.place[2])


def _roles_agree(a: frozenset[str], b: frozenset[str]) -> tuple[bool, bool]:
    """(no conflict, shared): unknown on either side is no conflict and nothing shared."""
    if not a or not b:
        return True, False
    shared = bool(a & b)
    return shared, shared


def compatible(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions can be one happening (see the module docstring)."""
    if a.family != b.family:
        return False
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > DATE_WINDOW:
            return False
    elif a.story is None or a.story != b.story:
        return False
    if not _places_agree(a, b):
        return False
    pairs = [((a.source, b.source), (a.target, b.target))]
    if a.symmetric and b.symmetric:
        pairs.append(((a.source, b.target), (a.target, b.source)))
    for (s1, s2), (t1, t2) in pairs:
        ok_s, shared_s = _roles_agree(s1, s2)
        ok_t, shared_t = _roles_agree(t1, t2)
        if ok_s and ok_t and (shared_s or shared_t):
            return True
    return False


def group_incidents(
    articles: Sequence[Article], events: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Set `incident_id` on every event record and return the incident records, sorted by id."""
    by_article = {a.id: a for a in articles}
    mentions = [_Mention(e) for e in events]
    parent = list(range(len(mentions)))
    span = [(m.day, m.day) for m in mentions]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, force: bool = False) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        lows = [d for d in (span[ri][0], span[rj][0]) if d is not None]
        highs = [d for d in (span[ri][1], span[rj][1]) if d is not None]
        low, high = (min(lows), max(highs)) if lows else (None, None)
        if not force and low is not None and high is not None and high - low > DATE_WINDOW:
            return
        ri, rj = min(ri, rj), max(ri, rj)
        parent[rj] = ri
        span[ri] = (low, high)

    # 1. the same sentence in the copies of one wire story is one mention of one happening
    copies: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        article = by_article.get(m.event["article_id"])
        root = (article.duplicate_of if article else None) or m.event["article_id"]
        copies[(root, m.family, _sentence_key(m.event["sentence"]))].append(i)
    for members in copies.values():
        for j in members[1:]:
            union(members[0], j, force=True)

    # 2. compatible mentions, compared within a family and a date window (or a story)
    blocks: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        blocks[(m.family, m.story if m.day is None else "dated")].append(i)
    for (family, kind), members in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        if kind == "dated":
            members.sort(key=lambda i: (mentions[i].day, i))
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if mentions[j].day - mentions[i].day > DATE_WINDOW:
                        break
                    if compatible(mentions[i], mentions[j]):
                        union(i, j)
        else:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if compatible(mentions[i], mentions[j]):
                        union(i, j)
            # an undated mention also joins a dated one of its story
            dated = [k for k in blocks.get((family, "dated"), [])
                     if mentions[k].story == kind]
            for i in members:
                for k in dated:
                    if compatible(mentions[i], mentions[k]):
                        union(i, k)
                        break

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[find(i)].append(i)
    incidents = [_incident([events[i] for i in members], by_article)
                 for members in groups.values()]
    incidents.sort(key=lambda r: r["id"])
    return incidents


def _order(event: dict[str, Any], by_article: Mapping[str, Article]) -> tuple[str, str, int]:
    article = by_article.get(event["article_id"])
    published = (article.published if article else None) or "9999"
    return (published, event["article_id"], event["char_start"])


def _most_frequent(values: list[tuple[Any, Any]]) -> Any:
    """The payload of the most frequent key, ties by the earliest mention (values are in
    mention order); None when no mention has one."""
    counts = Counter(key for key, _ in values if key is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(payload for key, payload in values if key is not None and counts[key] == best)


def _incident(members: list[dict[str, Any]], by_article: Mapping[str, Article]) -> dict[str, Any]:
    """One incident record. Type, actors, date and place: the most frequent among the mentions
    (actors by normalized name, those of a known kind first), ties broken by the earliest
    report (publication date, then article id, then position)."""
    members.sort(key=lambda e: _order(e, by_article))
    ids = sorted(e["id"] for e in members)
    iid = incident_id(ids)
    for event in members:
        event["incident_id"] = iid
    article_ids = sorted({e["article_id"] for e in members})
    outlets = sorted({o for a in article_ids if (o := _outlet(by_article.get(a)))})
    published = sorted(p for a in article_ids
                       if (p := getattr(by_article.get(a), "published", None)))

    def actor(role: str) -> Any:
        """Normalized actors (of a known kind) first; words like "condolences" only alone."""
        known = [(a.get("name"), a) for e in members if actor_keys(a := e.get(role) or {})]
        return _most_frequent(known) or _most_frequent(
            [((e.get(role) or {}).get("name"), e.get(role)) for e in members])

    return {
        "id": iid,
        "type": _most_frequent([(e["type"], e["type"]) for e in members]),
        "source": _ordered(actor("source"), ACTOR_KEYS),
        "target": _ordered(actor("target"), ACTOR_KEYS),
        "date": _most_frequent([(e.get("date"), e.get("date")) for e in members]),
        "location": _ordered(_most_frequent([((e.get("location") or {}).get("name"),
                                              e.get("location")) for e in members]), PLACE_KEYS),
        "event_ids": ids,
        "article_ids": article_ids,
        "outlets": outlets,
        "mentions": len(members),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "story_ids": sorted({s for e in members if (s := e.get("story_id"))}),
    }


ACTOR_KEYS = ("text", "name", "kind", "role", "country")
PLACE_KEYS = ("name", "country", "lat", "lon", "text", "geonameid", "feature")


def _ordered(record: Mapping[str, Any] | None, keys: Sequence[str]) -> dict[str, Any] | None:
    """The record with the model's key order: events read back from the store have sorted
    keys, and the same incident must be written with the same bytes either way."""
    if not record:
        return None
    return {**{k: record.get(k) for k in keys}, **{k: v for k, v in record.items()
                                                  if k not in keys}}


def _outlet(article: Article | None) -> str | None:
    return article.outlet if article is not None else None
