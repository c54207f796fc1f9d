"""WARC web archives: every successfully fetched HTML page becomes a document.

Requests, metadata, redirects, images and scripts are not articles and are skipped silently; a
damaged archive keeps the pages read before the damage and reports the rest as one E108.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import Rejection, StorylineError
from storyline.model import Document
from storyline.read.fields import url_slug
from storyline.read.html import content_type_charset, decode_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
DRAIN_BYTES = 1 << 16


def read_warc(
    stream: BinaryIO, source: str, max_record_bytes: int
) -> Iterator[Document | Rejection]:
    """Read an uncompressed or per-record-gzipped WARC stream; `source` names the file."""
    try:
        for record in ArchiveIterator(stream):
            item = _record_to_document(record, source, max_record_bytes)
            if item is not None:
                yield item
    except StorylineError as error:  # the expansion cap of a compressed archive
        yield Rejection.from_error(source, error)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as error:
        yield Rejection(source, "E108", f"corrupt WARC: {error}".strip())


def _record_to_document(
    record: Any, source: str, max_record_bytes: int
) -> Document | Rejection | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    record_source = f"{source}#{uri}"
    body = record.content_stream().read(max_record_bytes + 1)
    while record.raw_stream.read(DRAIN_BYTES):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:  # Content-Length promised more than came
        return Rejection(record_source, "E108", "record truncated")
    if len(body) > max_record_bytes:
        return Rejection(record_source, "E104", f"response body over {max_record_bytes} bytes")
    try:
        html = decode_html(body, content_type_charset(content_type))
    except StorylineError as error:
        return Rejection.from_error(record_source, error)
    if not html.strip():
        return Rejection(record_source, "E101", "empty response body")
    extra: dict[str, Any] = {}
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        extra["crawled"] = crawled
    return Document(
        id=url_slug(uri or record.rec_headers.get_header("WARC-Record-ID") or record_source),
        source=record_source,
        format="warc",
        html=html,
        url=uri or None,
        extra=extra,
    )
