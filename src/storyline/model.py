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
        }
        if self.extra:
            record["extra"] = self.extra
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in record.items() if k in names})
