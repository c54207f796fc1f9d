"""Readable titles: a story takes its most central headline; a storyline names the actors and
places its stories share, and its years. A bag of top words reads as noise, so neither uses one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.model import Article, Story, Storyline
from storyline.stories.features import content_words

_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,40}$")
"""" - Outlet Name" or " | Site" after a headline."""
VERBS = {
    "AGREE": "agree", "CONSULT": "meet", "SUPPORT": "back", "CONCEDE": "concede",
    "COOPERATE": "cooperate", "AID": "send aid", "RETREAT": "withdraw", "REQUEST": "call for",
    "ACCUSE": "accuse", "REJECT": "reject", "THREATEN": "threaten", "PROTEST": "protest",
    "SANCTION": "sanction", "MOBILIZE": "mobilize", "COERCE": "coerce", "ASSAULT": "attack",
}


def clean_headline(title: str) -> str:
    title = " ".join(title.split())
    stripped = _SITE_SUFFIX.sub("", title)
    return stripped if len(stripped) >= 20 else title


def _by_id(articles: Mapping[str, Article] | Sequence[Article]) -> Mapping[str, Article]:
    return articles if isinstance(articles, Mapping) else {a.id: a for a in articles}


def central_headline(members: Sequence[Article]) -> str | None:
    """The headline sharing most content words with the story's other headlines and leads;
    originals are preferred to copies, ties go to the earliest, then shortest."""
    titled = [a for a in members if a.title and a.title.strip()]
    if not titled:
        return None
    bags = {a.id: set(content_words(f"{a.title} {a.text[:400]}")) for a in members}
    count: Counter[str] = Counter(w for bag in bags.values() for w in bag)

    def score(article: Article) -> tuple[float, int, str, int, str]:
        words = set(content_words(article.title or ""))
        shared = sum(count[w] - 1 for w in words) / max(len(words), 1) ** 0.5
        return (-shared, int(bool(article.duplicate_of)), article.published or "9999",
                len(article.title or ""), article.id)

    return clean_headline(min(titled, key=score).title or "")


def _name(actor: dict | None) -> str | None:
    return (actor or {}).get("name") or None


def event_title(events: Sequence[dict]) -> str | None:
    """Actors + event type + place + date of the story's most common kind of event."""
    if not events:
        return None
    kinds = Counter(e.get("type") for e in events if e.get("type"))
    if not kinds:
        return None
    kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    chosen = [e for e in events if e.get("type") == kind]
    sources = Counter(n for e in chosen if (n := _name(e.get("source"))))
    targets = Counter(n for e in chosen if (n := _name(e.get("target"))))
    places = Counter(n for e in chosen if (n := _name(e.get("location"))))
    dates = Counter(e["date"] for e in chosen if e.get("date"))
    source = sources.most_common(1)[0][0] if sources else None
    target = next((t for t, _ in targets.most_common() if t != source), None)
    verb = VERBS.get(kind, kind.lower())
    parts = [" and ".join(filter(None, (source, target))) or "Actors", verb]
    if places:
        parts.append("in " + places.most_common(1)[0][0])
    if dates:
        parts.append("on " + sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0])
    return " ".join(parts)


def story_title(story: Story, articles: Mapping[str, Article] | Sequence[Article],
                events: Sequence[dict] = ()) -> str:
    """The story's most central headline; for untitled articles, a line built from its events."""
    by_id = _by_id(articles)
    members = [by_id[a] for a in story.article_ids if a in by_id]
    headline = central_headline(members)
    if headline:
        return headline
    mine = set(story.article_ids)
    line = event_title([e for e in events if e.get("article_id") in mine])
    if line:
        return line
    first = next((a.text.strip().split("\n")[0] for a in members if a.text.strip()), "")
    return first[:100] or f"Story {story.id}"


def storyline_title(storyline: Storyline, stories: Sequence[Story],
                    articles: Mapping[str, Article] | Sequence[Article],
                    events: Sequence[dict] = (),
                    mentions: Mapping[str, Sequence[dict]] | None = None) -> str:
    """"<place>: <actor> and <actor>, <years>" from the names most of its stories share;
    a storyline of one story keeps that story's title."""
    mine = [s for s in stories if s.id in set(storyline.story_ids)]
    if len(mine) == 1:
        return mine[0].title
    actors, places = _shared_names(mine, events, mentions or {})
    head = places[0] if places else None
    who = " and ".join(actors[:2])
    core = f"{head}: {who}" if head and who else (head or who)
    if not core:
        core = mine[0].title if mine else f"Storyline {storyline.id}"
    years = _years(storyline.start, storyline.end)
    return f"{core}, {years}" if years else core


def _shared_names(stories: Sequence[Story], events: Sequence[dict],
                  mentions: Mapping[str, Sequence[dict]]) -> tuple[list[str], list[str]]:
    """Actor and place names ranked by how many stories mention them (then by mentions)."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    actor_stories: dict[str, set[str]] = {}
    place_stories: dict[str, set[str]] = {}
    actor_count: Counter[str] = Counter()
    place_count: Counter[str] = Counter()

    def add(article_id: str, actor: str | None, place: str | None) -> None:
        sid = story_of[article_id]
        if place:
            place_stories.setdefault(place, set()).add(sid)
            place_count[place] += 1
        if actor:
            actor_stories.setdefault(actor, set()).add(sid)
            actor_count[actor] += 1

    for article_id in story_of:
        if mentions.get(article_id):
            for m in mentions[article_id]:
                actor, place = m.get("actor") or {}, m.get("place") or {}
                # a country named as a doer ("Turkey agreed") is an actor, not the setting;
                # the setting is the specific place (a province, a city, a crossing)
                is_actor = actor.get("kind") not in (None, "place")
                specific = place.get("feature") not in (None, "country")
                add(article_id, _name(actor) if is_actor else None,
                    _name(place) if specific else None)
    for e in events:
        if e.get("article_id") in story_of and not mentions.get(e["article_id"]):
            add(e["article_id"], _name(e.get("source")), _name(e.get("location")))
            add(e["article_id"], _name(e.get("target")), None)

    def rank(found: dict[str, set[str]], count: Counter[str]) -> list[str]:
        return sorted(found, key=lambda n: (-len(found[n]), -count[n], n))

    return rank(actor_stories, actor_count), rank(place_stories, place_count)


def _years(start: str | None, end: str | None) -> str:
    first, last = (start or "")[:4], (end or "")[:4]
    if not first:
        return last
    return first if not last or last == first else f"{first}\u2013{last}"
