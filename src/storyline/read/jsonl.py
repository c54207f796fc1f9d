"""JSON Lines (and .json files) in the contract's input-record shape.

Lines are read one at a time so a large export never sits in memory whole, and one bad line
costs only that line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from storyline.errors import Rejection, StorylineError
from storyline.model import Document
from storyline.read.decode import bom_encoding, decode_bytes
from storyline.read.fields import normalize_date, optional_str

KNOWN_FIELDS = ("id", "url", "outlet", "published", "title", "text", "html", "language")


def record_to_document(record: Any, source: str, default_id: str) -> Document:
    """A contract input record as a Document; raise E105 for a non-object, E106 without text."""
    if not isinstance(record, dict):
        raise StorylineError("E105", f"expected a JSON object, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise StorylineError("E106", f"`{name}` is a {type(value).__name__}, not a string")
    if not (text and text.strip()) and not (html and html.strip()):
        raise StorylineError("E106", "no `text` or `html`")
    raw_published = record.get("published")
    published = normalize_date(raw_published)
    extra = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    if raw_published not in (None, "") and published is None:
        extra["published_raw"] = raw_published
    return Document(
        id=optional_str(record.get("id")) or default_id,
        source=source,
        format="jsonl",
        text=text if text and text.strip() else None,
        html=html if html and html.strip() else None,
        url=optional_str(record.get("url")),
        outlet=optional_str(record.get("outlet")),
        title=optional_str(record.get("title")),
        published=published,
        published_basis="metadata" if published else None,
        language=optional_str(record.get("language")),
        extra=extra,
    )


def read_jsonl(
    stream: BinaryIO, source: str, stem: str, max_record_bytes: int | None = None
) -> Iterator[Document | Rejection]:
    """Read JSON Lines from a binary stream; `source` names the file, `stem` seeds default ids."""
    head = stream.read(4)
    encoding = bom_encoding(head)
    if encoding is not None and encoding != "utf-8":
        # UTF-16/32 cannot be split on b"\n": decode it whole (such files are small exports).
        try:
            lines = decode_bytes(head + stream.read()).split("\n")
        except StorylineError as error:
            yield Rejection.from_error(source, error)
            return
        yield from _read_lines(
            (line.encode("utf-8") for line in lines), source, stem, max_record_bytes
        )
        return
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    yield from _read_lines(_prepend(head, stream), source, stem, max_record_bytes)


def read_json(data: bytes, source: str, stem: str) -> Iterator[Document | Rejection]:
    """A .json file holding one record or a list of them (or, mislabelled, JSON Lines)."""
    try:
        text = decode_bytes(data)
    except StorylineError as error:
        yield Rejection.from_error(source, error)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # several top-level values: JSON Lines after all
            lines = (line.encode("utf-8") for line in text.split("\n"))
            yield from _read_lines(lines, source, stem)
        else:
            yield Rejection(source, "E105", f"line {error.lineno}: {error.msg}")
        return
    refusal = _not_records(value)
    if refusal is not None:
        yield Rejection(source, "E113", refusal)
        return
    if isinstance(value, list):
        for number, record in enumerate(value, start=1):
            item_source = f"{source}:{number}"
            yield _convert(record, item_source, f"{stem}-{number}", f"item {number}")
    else:
        yield _convert(value, source, stem, "")


def _is_record_like(value: Any) -> bool:
    """An object with at least one field of the input-record shape, even if it lacks text."""
    return isinstance(value, dict) and any(key in value for key in KNOWN_FIELDS)


def _not_records(value: Any) -> str | None:
    """Why a .json file's value is not article records (E113), or None when it holds any.

    A configuration file or a gold file is JSON too: one E113 for the file says more than an
    E106 for each of its entries."""
    if isinstance(value, list):
        if not value:
            return "an empty JSON list, no article records"
        if any(_is_record_like(item) for item in value):
            return None
        return f"a JSON list of {len(value)} items none of which is an article record{_SHAPE}"
    if _is_record_like(value):
        return None
    if isinstance(value, dict) and value:
        keys = ", ".join(sorted(value)[:6]) + (", …" if len(value) > 6 else "")
        return f"JSON data with the keys {keys}, not article records{_SHAPE}"
    what = "an empty JSON object" if isinstance(value, dict) else f"a lone JSON {_kind(value)}"
    return f"{what}, not article records{_SHAPE}"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return "string" if isinstance(value, str) else "number"


_SHAPE = "; an article record is an object with `text` or `html`, and often `id`, `title`, `outlet`"


def _read_lines(
    lines: Iterable[bytes], source: str, stem: str, max_record_bytes: int | None = None
) -> Iterator[Document | Rejection]:
    """One document per line. A JSON Lines file is read as a stream, so the size limit applies
    to each record, not to the file: a large export is fine, one giant record is not."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        line_source = f"{source}:{number}"
        if max_record_bytes is not None and len(raw) > max_record_bytes:
            yield Rejection(line_source, "E104",
                            f"line {number}: {len(raw)} bytes, limit {max_record_bytes}")
            continue
        try:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = decode_bytes(raw)
            record = json.loads(line)
        except StorylineError as error:
            yield Rejection(line_source, error.code, f"line {number}: {error.detail}")
            continue
        except json.JSONDecodeError as error:
            yield Rejection(line_source, "E105", f"line {number}: {error.msg}")
            continue
        yield _convert(record, line_source, f"{stem}-{number}", f"line {number}")
    if not seen_any:
        yield Rejection(source, "E101", "no records, only blank lines")


def _convert(record: Any, source: str, default_id: str, where: str) -> Document | Rejection:
    try:
        return record_to_document(record, source, default_id)
    except StorylineError as error:
        detail = f"{where}: {error.detail}" if where else error.detail
        return Rejection(source, error.code, detail)


def _prepend(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The stream's lines with `head` (already read for sniffing) glued back on the first."""
    pending = head
    while b"\n" in pending:
        line, pending = pending.split(b"\n", 1)
        yield line + b"\n"
    first = pending + stream.readline()
    if first:
        yield first
    yield from stream
