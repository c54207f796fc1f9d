"""HTML pages: decoded with the charset the page declares, otherwise left for the cleaner.

Title, date and outlet live in the markup, and the cleaner parses the markup anyway, so the
reader does not parse it twice.
"""

from __future__ import annotations

import re

from storyline.errors import StorylineError
from storyline.model import Document
from storyline.read.decode import decode_bytes

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
CHARSET_SCAN_BYTES = 4096
"""Browsers look for `<meta charset>` in the first 1024 bytes; pages in the wild go further."""


def looks_like_html(head: str) -> bool:
    """True when the content opens with `<!doctype html>` or `<html>` (after `<?xml`, comments)."""
    return _HTML_ROOT.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in `<meta charset>` or `<meta http-equiv>`, if any."""
    match = _META_CHARSET.search(data[:CHARSET_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def content_type_charset(content_type: str | None) -> str | None:
    """The `charset=` parameter of an HTTP Content-Type header."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """Decode a page: byte-order mark, then HTTP header, then `<meta charset>`, then detection."""
    return decode_bytes(data, declared_encoding=http_charset or declared_charset(data))


def read_html(data: bytes, source: str, doc_id: str, folder_outlet: str | None = None) -> Document:
    """One HTML file as a Document; raise E101 for a page with no markup or text at all."""
    html = decode_html(data)
    if not html.strip():
        raise StorylineError("E101", "only whitespace")
    # A page names its own site (og:site_name, which the cleaner reads); the folder it was saved
    # in is only a fallback, so it is kept aside rather than taken as the outlet.
    extra = {"folder_outlet": folder_outlet} if folder_outlet else {}
    return Document(id=doc_id, source=source, format="html", html=html, extra=extra)
