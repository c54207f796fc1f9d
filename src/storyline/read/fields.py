"""Metadata normalization shared by the readers: dates, URL-derived ids and outlet names.

Every reader must turn the same raw value into the same field, or ids and dates would depend on
which format an article happened to arrive in.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_EXTENSION = re.compile(r"\.[a-z][a-z0-9]{0,5}$")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date or an ISO / RFC 822 datetime, as the writer's local calendar day.

    Offsets are kept, not converted to UTC: an article stamped 23:30-05:00 was published on the
    day its outlet printed, not the next one.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def url_slug(url: str) -> str:
    """A stable, readable id from a URL: its last path segment, or a hash when there is none."""
    path = unquote(urlsplit(url.strip()).path)
    segments = [part for part in PurePosixPath(path).parts if part not in ("/", "")]
    slug = ""
    if segments:
        last = _URL_EXTENSION.sub("", segments[-1].lower())
        slug = _NOT_WORD.sub("-", last).strip("-")
    if slug:
        return slug
    return "u" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def humanize_outlet(folder_name: str) -> str:
    """`damascus-herald` → `Damascus Herald`; a name with capitals is kept as its owner wrote it."""
    name = re.sub(r"[-_]+", " ", folder_name).strip()
    name = re.sub(r"\s+", " ", name)
    return name.title() if name == name.lower() else name


def optional_str(value: Any) -> str | None:
    """A metadata value as a non-empty string, or None; numbers become their text."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
