"""Plain-text and Markdown articles, with optional `---` front matter carrying metadata.

The text is decoded but not cleaned: boilerplate removal belongs to the cleaner, which needs
the lines exactly as written.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.errors import StorylineError
from storyline.model import Document
from storyline.read.decode import decode_bytes
from storyline.read.fields import normalize_date, optional_str

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_KEY_ALIASES = {
    "date": "published",
    "published": "published",
    "title": "title",
    "outlet": "outlet",
    "url": "url",
}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a leading `---` block of `key: value` lines, and the text after it.

    A leading `---` that is not followed by such a block (a Markdown rule, say) is left alone.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    values: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return values, "\n".join(lines[index + 1 :])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("- "):
            continue  # continuation of a YAML list or folded value: not a field we read
        match = _KEY_VALUE.match(line)
        if match is None:
            return {}, text
        key, value = match.group(1).lower(), _unquote(match.group(2).strip())
        values[key] = value
    return {}, text  # no closing fence: not front matter


def read_text(data: bytes, source: str, doc_id: str, folder_outlet: str | None = None) -> Document:
    """One text file as a Document; raise E101 when nothing but front matter or blanks is left."""
    text = decode_bytes(data)
    meta, body = split_front_matter(text)
    if not body.strip():
        raise StorylineError("E101", "no text after front matter" if meta else "only whitespace")
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in meta.items():
        name = _KEY_ALIASES.get(key)
        if name is None:
            extra[key] = value
        elif name not in fields or fields[name] is None:
            fields[name] = optional_str(value)
    published = normalize_date(fields.get("published"))
    if fields.get("published") and published is None:
        extra["published_raw"] = fields["published"]
    return Document(
        id=doc_id,
        source=source,
        format="text",
        text=body,
        url=fields.get("url"),
        outlet=fields.get("outlet") or folder_outlet,
        title=fields.get("title"),
        published=published,
        published_basis="metadata" if published else None,
        extra=extra,
    )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
