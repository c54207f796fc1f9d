"""The objects that flow through the pipeline.

A `Document` is what a reader produced from one input (raw text or HTML plus whatever metadata the
input carried). An `Article` is a cleaned document; later steps fill its story fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PUBLISHED_BASES = ("metadata", "url", "html", "text", "inferred")


@dataclass
class Document:
    """One input document as read, before cleaning."""

    id: str
    source: str
    """Path (relative as given) or URL the document came from; for JSONL `path#line`."""
    format: str
    """Reader that produced it: text, html, jsonl, warc, feed."""
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """A cleaned document: one line of `articles.jsonl`."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    published_basis: str | None
    language: str | None
    text: str
    removed_lines: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None
    storyline_id: str | None = None
    url: str | None = None
    format: str = "text"
    content_hash: str = ""
    """Hash of the raw input; the store redoes no work when it is unchanged."""
    extra: dict[str, Any] = field(default_factory=dict)
    removed_head: int = 0
    """How many of `removed_lines` (its first ones; they are in page order) the page showed
    before the main text began: its head, where a date-and-clock stamp is the page's own and
    not a listed headline's."""

    def to_dict(self) -> dict[str, Any]:
        """The contract record (required fields first, then what we add)."""
        record: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "published_basis": self.published_basis,
            "language": self.language,
            "text": self.text,
            "removed_lines": list(self.removed_lines),
            "duplicate_of": self.duplicate_of,
            "story_id": self.story_id,
            "storyline_id": self.storyline_id,
            "url": self.url,
            "format": self.format,
            "content_hash": self.content_hash,
            "removed_head": self.removed_head,
        }
        if self.extra:
            record["extra"] = self.extra
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in record.items() if k in names})


@dataclass
class Actor:
    """An actor as the text names it and as storyline normalizes it."""

    text: str
    """As written in the sentence ("the Turkish president", "Ankara", "Erdoğan")."""
    name: str | None
    """Canonical name ("Recep Tayyip Erdogan", "Turkey"); None when it could not be normalized."""
    kind: str | None = None
    """person, country, organization, group, or None."""
    role: str | None = None
    """A stripped title or role ("president of Turkey"), kept rather than lost."""
    country: str | None = None
    """ISO 3166 alpha-2 code of the country the actor belongs to, when known."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "kind": self.kind, "role": self.role,
                "country": self.country}


@dataclass
class Place:
    """A geocoded place mention."""

    name: str
    """Canonical place name (GeoNames)."""
    country: str | None
    """ISO 3166 alpha-2 code."""
    lat: float | None
    lon: float | None
    text: str | None = None
    """As written ("Idleb")."""
    geonameid: int | None = None
    feature: str | None = None
    """country, admin1 (province/state) or city."""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "text": self.text, "geonameid": self.geonameid, "feature": self.feature}


@dataclass
class Event:
    """One coded event: one line of `events.jsonl`."""

    id: str
    article_id: str
    type: str
    """PLOVER type (AGREE … ASSAULT)."""
    sentence: str
    char_start: int
    """Offsets of `sentence` in the article's clean text."""
    char_end: int
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    """YYYY-MM-DD, YYYY-MM or YYYY."""
    date_text: str | None = None
    date_basis: str | None = None
    """absolute or relative (how the words of `date_text` were resolved), or None (no time
    words: the publication date, or no date for an undated article)."""
    date_value: str | None = None
    """The TimeML (TIMEX3) value of the expression that dates the event, at its own granularity
    ("2024-W08", "1989-Q3"); `date` is its day-level date (docs/time.md). None without one."""
    date_type: str | None = None
    """The TIMEX3 type of that expression: DATE or TIME."""
    dated_by: str | None = None
    """Where the date came from: "sentence" (its own time words), "antecedent" (a bare "the
    attack" takes the date of the attack the article told before; `date_text` is that noun
    phrase), "narrative" (a deed in the simple past without time words takes the recent day the
    sentence before tells of; `date_text` is those words), "news_peg" (a statement without
    time words takes the day the article's lead dates its news; `date_text` is the lead's
    words), "publication", or None (no date)."""
    location: Place | None = None
    cameo: str | None = None
    """CAMEO root code (two digits) through the mapping table."""
    confidence: float | None = None
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "story_id": self.story_id,
            "date": self.date,
            "date_text": self.date_text,
            "date_basis": self.date_basis,
            "date_value": self.date_value,
            "date_type": self.date_type,
            "dated_by": self.dated_by,
            "type": self.type,
            "mode": self.mode,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "cameo": self.cameo,
            "confidence": self.confidence,
        }


@dataclass
class Story:
    """Articles about one real-world event: one line of `stories.jsonl`."""

    id: str
    title: str
    article_ids: list[str]
    outlets: list[str]
    start: str | None
    """First date of the story (YYYY-MM-DD): its earliest article or event date."""
    end: str | None
    storyline_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "article_ids": list(self.article_ids),
                "outlets": list(self.outlets), "start": self.start, "end": self.end,
                "storyline_id": self.storyline_id}


@dataclass
class Storyline:
    """Stories of one ongoing issue, linked over time: one line of `storylines.jsonl`."""

    id: str
    title: str
    story_ids: list[str]
    start: str | None
    end: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "story_ids": list(self.story_ids),
                "start": self.start, "end": self.end}


@dataclass
class TimelineEntry:
    """One dated entry of a storyline's timeline: one line of `timeline.jsonl`."""

    storyline_id: str | None
    date: str
    summary: list[str]
    citations: list[dict[str, str | None]]
    """One per summary sentence, in the same order: {article_id, sentence, date_text,
    date_value, date_type, date_basis}, the last four saying what dates the sentence (see
    `timeline._citation`); entries read from older stores may hold only the first two."""

    def to_dict(self) -> dict[str, Any]:
        return {"storyline_id": self.storyline_id, "date": self.date,
                "summary": list(self.summary), "citations": [dict(c) for c in self.citations]}
