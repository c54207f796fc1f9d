"""RSS and Atom feeds: one document per entry, with the feed's title as the outlet.

Feeds often carry the full article in `content` and a teaser in `summary`; the richer one wins.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from storyline.errors import Rejection
from storyline.model import Document
from storyline.read.fields import normalize_date, optional_str, url_slug

_FEED_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*|<!doctype\s+rss[^>]*>\s*)*<(?:rss|feed|rdf:rdf)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_feed(head: str) -> bool:
    """True when the document's root element is `<rss>`, `<feed>` or `<rdf:RDF>`."""
    return _FEED_ROOT.match(head) is not None


def read_feed(data: bytes, source: str, stem: str) -> Iterator[Document | Rejection]:
    """Parse a feed; E108 when it is broken and has no entries, E113 when it is not a feed."""
    # A stream, never bytes or str: feedparser would try those as a file name or URL first.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            reason = parsed.get("bozo_exception", "unparseable")
            yield Rejection(source, "E108", f"broken feed: {reason}")
        elif not parsed.version:
            yield Rejection(source, "E113", "XML that is neither RSS nor Atom")
        else:
            yield Rejection(source, "E101", "the feed has no entries")
        return
    outlet = optional_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_to_document(entry, source, f"{stem}-{number}", outlet)


def _entry_to_document(
    entry: Any, source: str, fallback_id: str, outlet: str | None
) -> Document | Rejection:
    link = optional_str(entry.get("link"))
    key = link or optional_str(entry.get("id"))
    entry_source = f"{source}#{key or fallback_id}"
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else None
    if not (html and html.strip()):
        html = entry.get("summary")
    if not (html and html.strip()):
        return Rejection(entry_source, "E106", "the entry has neither content nor summary")
    published = _entry_date(entry)
    return Document(
        id=url_slug(key) if key else fallback_id,
        source=entry_source,
        format="feed",
        html=html,
        url=link,
        outlet=outlet,
        title=optional_str(entry.get("title")),
        published=published,
        published_basis="metadata" if published else None,
    )


def _entry_date(entry: Any) -> str | None:
    """The entry's own calendar day: the raw string keeps the outlet's offset, unlike *_parsed."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        day = normalize_date(entry.get(raw_key))
        if day:
            return day
        parsed = entry.get(parsed_key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
