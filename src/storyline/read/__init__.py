"""Readers: turn paths, folders, globs and stdin into `Document`s or coded `Rejection`s.

Formats are recognized by content as well as by name, because corpora arrive with wrong or
missing extensions. A bad input never stops the run: it becomes one Rejection and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.errors import Rejection, StorylineError
from storyline.model import Document
from storyline.options import Options
from storyline.read.decode import bom_encoding
from storyline.read.feed import looks_like_feed, read_feed
from storyline.read.fields import humanize_outlet
from storyline.read.html import looks_like_html, read_html
from storyline.read.jsonl import read_json, read_jsonl
from storyline.read.kinds import refuse_by_content, refuse_by_name
from storyline.read.paths import expand_inputs, link_problem
from storyline.read.text import read_text
from storyline.read.warc import read_warc

__all__ = ["expand_inputs", "iter_documents", "read_path", "read_stream", "sniff_format"]

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 4096
"""Enough of the start of a file to tell HTML, a feed, JSON or a WARC apart."""
BUFFER_BYTES = 1 << 16
STDIN_SOURCE = "<stdin>"

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
STREAMED_SUFFIXES = JSONL_SUFFIXES | {".warc"}
"""Formats read record by record: the size limit applies to each record, not to the file."""
_JSON_START = re.compile(r'^\s*(?:\{\s*"|\[\s*\{)')

_CORRUPT_COMPRESSION = (gzip.BadGzipFile, EOFError, zlib.error)


def iter_documents(
    inputs: Sequence[str], options: Options | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | Rejection]:
    """Every document the inputs hold, in input order; `-` reads JSON Lines from stdin."""
    options = options or Options()
    for raw in inputs:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, STDIN_SOURCE, "stdin.jsonl", options, forced="jsonl")
            continue
        for found in expand_inputs([raw], options):
            if isinstance(found, Rejection):
                yield found
            else:
                yield from read_path(found[0], options, found[1])


def read_path(
    path: Path, options: Options, root: Path | None = None
) -> Iterator[Document | Rejection]:
    """Read one file (or walk one folder); `root` is the input folder it was found under.

    Files that are plainly not articles (code, crawler files, tables, PDFs, images, archives,
    configuration; and, in a walked folder, the project's README or LICENSE) are rejected with
    E113 before anything else is read of them."""
    source = str(path)
    problem = link_problem(path)
    if problem is not None:
        yield problem
        return
    if path.is_dir():
        for found in expand_inputs([source], options):
            if isinstance(found, Rejection):
                yield found
            else:
                yield from read_path(found[0], options, found[1])
        return
    refusal = refuse_by_name(path.name, walked=root is not None)
    if refusal is not None:
        yield Rejection(source, "E113", refusal)
        return
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield Rejection(source, "E113", "not a regular file")
            return
    except OSError as error:
        yield Rejection(source, "E110", error.strerror or str(error))
        return
    if size > options.max_file_bytes and split_name(path.name)[0] not in STREAMED_SUFFIXES:
        yield Rejection(source, "E104", f"{size} bytes, limit {options.max_file_bytes}")
        return
    if size == 0:
        yield Rejection(source, "E101", "zero bytes")
        return
    try:
        handle = open(path, "rb")  # closed by the with below
    except OSError as error:
        yield Rejection(source, "E110", error.strerror or str(error))
        return
    outlet = None
    if root is not None and path.parent != root:
        outlet = humanize_outlet(path.parent.name)
    with handle:
        yield from read_stream(handle, source, path.name, options, folder_outlet=outlet)


def read_stream(
    raw: BinaryIO,
    source: str,
    name: str,
    options: Options,
    folder_outlet: str | None = None,
    forced: str | None = None,
) -> Iterator[Document | Rejection]:
    """Read one input from an open binary stream; `name` gives the extension and default id."""
    suffix, stem = split_name(name)
    try:
        stream, head = _open_decompressed(raw, options)
        if len(head) < HEAD_BYTES and not head.strip():  # the whole content is in `head`
            stream.raise_failure()
            yield Rejection(source, "E101", "no content" if not head else "only whitespace")
            return
        kind = forced or sniff_format(head, suffix)
        refusal = None if forced else refuse_by_content(kind, head, _head_text(head))
        if refusal is not None:
            yield Rejection(source, "E113", refusal)
            return
        yield from _dispatch(kind, stream, source, stem, folder_outlet, options)
        stream.raise_failure()  # after the documents read before a corrupt gzip tail
    except StorylineError as error:
        yield Rejection.from_error(source, error)
    except _CORRUPT_COMPRESSION as error:
        yield Rejection(source, "E108", f"corrupt gzip data: {error}")
    except OSError as error:
        yield Rejection(source, "E110", error.strerror or str(error))


def split_name(name: str) -> tuple[str, str]:
    """(format extension, id stem) of a file name, looking through a trailing `.gz`."""
    base = name[:-3] if name.lower().endswith(".gz") else name
    path = Path(base)
    return path.suffix.lower(), path.stem or base


def sniff_format(head: bytes, suffix: str) -> str:
    """Which reader fits: warc, jsonl, json, html, feed, text, or unknown (decide by decoding)."""
    if head.startswith(b"WARC/") or suffix == ".warc":
        return "warc"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    text = _head_text(head)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "html" if looks_like_html(text) and not looks_like_feed(text) else "feed"
    if looks_like_html(text):
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if looks_like_feed(text):
        return "feed"
    if _JSON_START.match(text):
        return "json"
    return "unknown"


def _dispatch(
    kind: str,
    stream: _ContentStream,
    source: str,
    stem: str,
    folder_outlet: str | None,
    options: Options,
) -> Iterator[Document | Rejection]:
    if kind == "warc":
        yield from read_warc(stream, source, options.max_file_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(stream, source, stem, options.max_file_bytes)
    elif kind == "json":
        yield from read_json(stream.read_whole(), source, stem)
    elif kind == "feed":
        yield from read_feed(stream.read_whole(), source, stem)
    elif kind == "html":
        yield read_html(stream.read_whole(), source, stem, folder_outlet)
    elif kind == "text":
        yield read_text(stream.read_whole(), source, stem, folder_outlet)
    else:
        try:
            yield read_text(stream.read_whole(), source, stem, folder_outlet)
        except StorylineError as error:
            if error.code not in ("E102", "E103"):
                raise
            yield Rejection(source, "E113", f"unknown extension and not text ({error.detail})")


def _head_text(head: bytes) -> str:
    """The first bytes as text good enough for sniffing markup, whatever the encoding."""
    encoding = bom_encoding(head)
    if encoding is None:
        return head.decode("latin-1")
    return head.decode(encoding, errors="ignore").lstrip("\ufeff")


def _open_decompressed(raw: BinaryIO, options: Options) -> tuple[_ContentStream, bytes]:
    """A buffered stream of the input's content (gunzipped under the cap) and its first bytes."""
    magic = _read_up_to(raw, len(GZIP_MAGIC))
    base: BinaryIO = io.BufferedReader(_CappedReader(raw, magic, None), BUFFER_BYTES)
    cap: int | None = None
    if magic == GZIP_MAGIC:
        base = gzip.GzipFile(fileobj=base, mode="rb")  # type: ignore[assignment]
        cap = options.max_expanded_bytes
    reader = _CappedReader(base, b"", cap)
    head = _read_up_to(reader, HEAD_BYTES)
    reader.push_back(head)
    return _ContentStream(reader), head


def _read_up_to(stream: BinaryIO | io.RawIOBase, size: int) -> bytes:
    """Read `size` bytes, or fewer only at the end of the stream (raw reads may come short)."""
    parts: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        parts.append(chunk)
        wanted -= len(chunk)
    return b"".join(parts)


class _CappedReader(io.RawIOBase):
    """Serves `prefix` (bytes already read for sniffing), then `inner`, counting as it goes.

    Past `cap` bytes it raises E109, so a decompression bomb is stopped while streaming instead
    of after it has filled memory.
    """

    def __init__(self, inner: BinaryIO, prefix: bytes, cap: int | None) -> None:
        super().__init__()
        # read1 makes one underlying read, so bytes decoded before a corrupt spot are returned
        # before the error is seen.
        self._read = getattr(inner, "read1", inner.read)
        self._prefix = prefix
        self._cap = cap
        self._count = len(prefix)
        self.failure: BaseException | None = None
        if cap is not None and self._count > cap:
            raise StorylineError("E109", f"expands past {cap} bytes")

    def readable(self) -> bool:
        return True

    def push_back(self, data: bytes) -> None:
        """Serve `data` again before the rest: the sniffed head goes back to the reader."""
        self._prefix = data + self._prefix

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._prefix:
            size = min(len(view), len(self._prefix))
            view[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        if self.failure is not None:
            return 0
        try:
            data = self._read(len(view))
        except _CORRUPT_COMPRESSION as error:
            # End the stream here instead of raising: a buffered reader would drop the bytes
            # it already holds, and with them the records before the damage.
            self.failure = error
            return 0
        size = len(data)
        view[:size] = data
        self._count += size
        if self._cap is not None and self._count > self._cap:
            raise StorylineError("E109", f"expands past {self._cap} bytes")
        return size


class _ContentStream(io.BufferedReader):
    """The decompressed content, plus the verdict on whether it ended cleanly."""

    def __init__(self, reader: _CappedReader) -> None:
        super().__init__(reader, BUFFER_BYTES)
        self._reader = reader

    def raise_failure(self) -> None:
        """Raise E108 if the compressed data turned out to be corrupt or truncated."""
        if self._reader.failure is not None:
            raise StorylineError("E108", f"corrupt gzip data: {self._reader.failure}")

    def read_whole(self) -> bytes:
        """All the content, for formats that need it at once; a damaged tail rejects the file."""
        data = self.read()
        self.raise_failure()
        return data
