"""The timeline plot of a storyline as inline SVG: one dot per timeline date, stories as bars
from their first to their last date, so the report shows at a glance how an issue developed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from storyline.model import Story, TimelineEntry

WIDTH = 900
ROW = 18
MARGIN = 12
LABEL = 300


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def timeline_svg(stories: Sequence[Story], entries: Sequence[TimelineEntry],
                 link: Callable[[Story], str] | None = None) -> str:
    """SVG of a storyline: a row per story (bar from start to end) and the timeline's dates as
    dots on an axis underneath; empty string when nothing is dated. With `link`, each story's
    label and bar link to `link(story)`."""
    days = [d for d in (_day(e.date) for e in entries) if d]
    spans = [(s, _day(s.start), _day(s.end) or _day(s.start)) for s in stories]
    days += [d for _, start, end in spans for d in (start, end) if d]
    if not days:
        return ""
    first, last = min(days), max(days)
    total = max((last - first).days, 1)
    plot = WIDTH - LABEL - 2 * MARGIN

    def x(day: date) -> float:
        return LABEL + MARGIN + plot * (day - first).days / total

    rows = [s for s in spans if s[1] is not None]
    rows.sort(key=lambda s: (s[1], s[0].id))
    height = (len(rows) + 3) * ROW + MARGIN
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{height}' "
        f"viewBox='0 0 {WIDTH} {height}' role='img' aria-label='storyline timeline' "
        "font-family='system-ui,sans-serif' font-size='11'>"
    ]
    for index, (story, start, end) in enumerate(rows):
        y = MARGIN + index * ROW
        label = story.title if len(story.title) <= 48 else story.title[:47] + "…"
        x0, x1 = x(start), x(end or start)
        if link is not None:
            parts.append(f"<a href='{escape(link(story))}'>")
        parts.append(f"<text x='{LABEL - 4}' y='{y + 11}' text-anchor='end'>"
                     f"{escape(label)}</text>")
        parts.append(f"<rect x='{x0:.1f}' y='{y + 2}' width='{max(x1 - x0, 4):.1f}' height='11' "
                     f"rx='2' fill='#4a78b5'><title>{escape(story.title)} "
                     f"({escape(story.start or '')} – {escape(story.end or '')}, "
                     f"{len(story.article_ids)} articles)</title></rect>")
        if link is not None:
            parts.append("</a>")
    axis = MARGIN + len(rows) * ROW + ROW
    parts.append(f"<line x1='{LABEL + MARGIN}' y1='{axis}' x2='{WIDTH - MARGIN}' y2='{axis}' "
                 "stroke='#888'/>")
    for entry in entries:
        day = _day(entry.date)
        if day is None:
            continue
        parts.append(f"<circle cx='{x(day):.1f}' cy='{axis}' r='4' fill='#c0392b'>"
                     f"<title>{escape(entry.date)}: {escape(' '.join(entry.summary)[:200])}"
                     "</title></circle>")
    parts.append(f"<text x='{LABEL + MARGIN}' y='{axis + 16}'>{first.isoformat()}</text>")
    parts.append(f"<text x='{WIDTH - MARGIN}' y='{axis + 16}' text-anchor='end'>"
                 f"{last.isoformat()}</text>")
    parts.append("</svg>")
    return "".join(parts)
