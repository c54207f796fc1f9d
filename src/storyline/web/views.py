"""What each page of the web UI shows, as plain data: the JSON twin returns it as it is and the
HTML page renders it with a template, so the two can never disagree.

Every view takes the store and the page's parameters and returns a JSON-ready dict; an id that
is not in the store raises `NotFound` (E401).
"""

from __future__ import annotations

import math
from typing import Any

from storyline.errors import StorylineError
from storyline.events.lexicon import PLOVER_TYPES
from storyline.model import Story, Storyline, TimelineEntry
from storyline.store import EventFilter, browse
from storyline.store.sqlite import SqliteStore

PAGE_SIZE = 50
EVENTS_PAGE_SIZE = 100
STORY_EVENTS_LIMIT = 300


class NotFound(StorylineError):
    """No such object in the store (E401)."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__("E401", f"no {kind} {key!r} in the store")


def _pages(total: int, page: int, size: int) -> dict[str, int]:
    return {"page": page, "pages": max(1, math.ceil(total / size)), "total": total,
            "page_size": size}


def _storyline_brief(line: Storyline) -> dict[str, Any]:
    return {**line.to_dict(), "stories": len(line.story_ids)}


def home(store: SqliteStore) -> dict[str, Any]:
    runs = store.runs()
    last = runs[-1] if runs else {}
    missing = browse.missing_metadata(store.conn)
    return {
        "counts": browse.counts(store.conn),
        "missing_metadata": missing.to_dict() if missing.anything else None,
        "storylines": [_storyline_brief(line) for line in store.storylines()],
        "last_run": {k: last.get(k) for k in ("run_id", "version", "finished", "counts")}
        if last else None,
    }


def search(store: SqliteStore, q: str, limit: int) -> dict[str, Any]:
    hits = store.search(q, limit=limit) if q.strip() else []
    return {"query": q, "hits": [hit.to_dict() for hit in hits]}


def storylines(store: SqliteStore) -> dict[str, Any]:
    return {"storylines": [_storyline_brief(line) for line in store.storylines()]}


def dated_by(citation: dict[str, Any]) -> dict[str, Any] | None:
    """What puts a timeline line on its day: the time expression (words, TimeML value and
    type, basis) or basis "published" for a lead sentence; None for entries of older stores."""
    if "date_basis" not in citation:
        return None
    return {"text": citation.get("date_text"), "value": citation.get("date_value"),
            "type": citation.get("date_type"), "basis": citation["date_basis"]}


def _cited(entries: list[TimelineEntry], store: SqliteStore,
           keep: set[str] | None = None) -> list[dict[str, Any]]:
    """Timeline entries with each line's cited article (title, outlet, date) filled in; with
    `keep`, only the lines citing those articles."""
    ids = [c["article_id"] for e in entries for c in e.citations]
    briefs = browse.briefs_by_id(store.conn, ids)
    out = []
    for entry in entries:
        lines = [
            {"sentence": sentence, "article_id": citation["article_id"],
             "article": briefs.get(citation["article_id"]), "dated_by": dated_by(citation)}
            for sentence, citation in zip(entry.summary, entry.citations, strict=False)
            if keep is None or citation["article_id"] in keep
        ]
        if lines:
            out.append({"date": entry.date, "storyline_id": entry.storyline_id, "lines": lines})
    return out


def storyline(store: SqliteStore, storyline_id: str) -> dict[str, Any]:
    line = browse.storyline(store.conn, storyline_id)
    if line is None:
        raise NotFound("storyline", storyline_id)
    members, _ = browse.stories_page(store.conn, 0, 10_000, storyline_id=line.id)
    return {
        "storyline": _storyline_brief(line),
        "stories": [s.to_dict() for s in members],
        "timeline": _cited(store.timeline(line.id), store),
    }


def stories(store: SqliteStore, page: int) -> dict[str, Any]:
    found, total = browse.stories_page(store.conn, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    return {"stories": [s.to_dict() for s in found], **_pages(total, page, PAGE_SIZE)}


def _story_timeline(store: SqliteStore, story: Story) -> list[dict[str, Any]]:
    """The lines of the storyline's timeline that cite this story's articles; else the
    storyline's entries dated within the story."""
    if not story.storyline_id:
        return []
    entries = store.timeline(story.storyline_id)
    cited = _cited(entries, store, keep=set(story.article_ids))
    if cited or not story.start:
        return cited
    end = story.end or story.start
    return _cited([e for e in entries if story.start <= e.date[:10] <= end], store)


def story(store: SqliteStore, story_id: str) -> dict[str, Any]:
    found = browse.story(store.conn, story_id)
    if found is None:
        raise NotFound("story", story_id)
    line = browse.storyline(store.conn, found.storyline_id) if found.storyline_id else None
    articles, _ = browse.article_briefs(store.conn, story_id=found.id, limit=10_000)
    events = store.events(EventFilter(story_id=found.id, limit=STORY_EVENTS_LIMIT))
    return {
        "story": found.to_dict(),
        "storyline": _storyline_brief(line) if line else None,
        "articles": articles,
        "timeline": _story_timeline(store, found),
        "events": events,
        "incidents": _with_mentions(store.incidents(found.id)),
        "framing": browse.framing(store.conn, story_id=found.id),
    }


def _with_mentions(incidents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incidents most reported first, each with its mentions as (article id, offset) to link."""
    ordered = sorted(incidents, key=lambda r: (-len(r["outlets"]), -r["mentions"],
                                               r.get("date") or "", r["id"]))
    return [{**r, "mention_links": [
        {"article_id": i.rpartition(":")[0], "char_start": int(i.rpartition(":")[2])}
        for i in r["event_ids"]]} for r in ordered]


def article(store: SqliteStore, article_id: str) -> dict[str, Any]:
    found = store.get_article(article_id)
    if found is None:
        raise NotFound("article", article_id)
    copies, _ = browse.article_briefs(store.conn, duplicate_of=found.id, limit=1_000)
    related = [i for i in (found.duplicate_of,) if i]
    briefs = browse.briefs_by_id(store.conn, related)
    story_found = browse.story(store.conn, found.story_id) if found.story_id else None
    return {
        "article": found.to_dict(),
        "mentions": store.mentions([found.id])[found.id],
        "events": store.events(EventFilter(article_id=found.id)),
        "original": briefs.get(found.duplicate_of) if found.duplicate_of else None,
        "copies": copies,
        "story": {"id": story_found.id, "title": story_found.title} if story_found else None,
    }


def outlets(store: SqliteStore) -> dict[str, Any]:
    return {"outlets": browse.outlets(store.conn)}


def outlet(store: SqliteStore, name: str, page: int) -> dict[str, Any]:
    articles, total = browse.article_briefs(
        store.conn, outlet=name, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    if total == 0:
        raise NotFound("outlet", name)
    framing = browse.framing(store.conn, outlet=name)
    titles = browse.story_titles(store.conn, [r["story_id"] for r in framing])
    return {"outlet": name, "articles": articles, **_pages(total, page, PAGE_SIZE),
            "framing": [{**r, "story_title": titles.get(r["story_id"])} for r in framing]}


def events(
    store: SqliteStore,
    type: str | None,  # noqa: A002 - the filter's name in the URL
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    story: str | None,
    page: int,
) -> dict[str, Any]:
    filters = {"type": type or None, "actor": actor or None, "place": place or None,
               "since": since or None, "until": until or None, "story": story or None}
    found = store.events(EventFilter(
        type=filters["type"], actor=filters["actor"], place=filters["place"],
        since=filters["since"], until=filters["until"], story_id=filters["story"],
        limit=EVENTS_PAGE_SIZE + 1, offset=(page - 1) * EVENTS_PAGE_SIZE,
    ))
    return {"filters": filters, "types": list(PLOVER_TYPES), "page": page,
            "page_size": EVENTS_PAGE_SIZE, "more": len(found) > EVENTS_PAGE_SIZE,
            "events": found[:EVENTS_PAGE_SIZE],
            "incidents": _with_mentions(_incidents_of(store, found[:EVENTS_PAGE_SIZE]))}


def _incidents_of(store: SqliteStore, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    wanted = {e.get("incident_id") for e in events} - {None}
    return [r for r in store.incidents() if r["id"] in wanted] if wanted else []
