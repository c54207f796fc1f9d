"""Timelines as text: the Timeline17 gold format (so tilse-style tools read ours) and Markdown."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.model import TimelineEntry

SEPARATOR = "-" * 32
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_tilse(entries: Sequence[TimelineEntry]) -> str:
    """Date line, one summary sentence per line, a line of 32 dashes; entries in date order."""
    lines: list[str] = []
    for entry in sorted(entries, key=lambda e: e.date):
        lines.append(entry.date)
        lines.extend(" ".join(s.split()) for s in entry.summary)
        lines.append(SEPARATOR)
    return "\n".join(lines) + "\n" if lines else ""


def parse_tilse(text: str) -> dict[str, list[str]]:
    """Date -> sentences of a Timeline17-format file (gold timelines and our own output)."""
    timeline: dict[str, list[str]] = {}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == SEPARATOR:
            current = None
        elif current is None and _DATE.match(line):
            current = line
            timeline.setdefault(current, [])
        elif current is not None:
            timeline[current].append(line)
        else:
            raise ValueError(f"sentence outside a dated block: {line[:60]!r}")
    return timeline


def to_markdown(entries: Sequence[TimelineEntry]) -> str:
    """A heading per date, each sentence a bullet followed by its citation."""
    parts: list[str] = []
    for entry in sorted(entries, key=lambda e: e.date):
        parts.append(f"## {entry.date}\n")
        for sentence, cite in zip(entry.summary, entry.citations, strict=True):
            parts.append(f"- {' '.join(sentence.split())} *({cite['article_id']})*")
        parts.append("")
    return "\n".join(parts)
