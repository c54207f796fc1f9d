"""A storyline's timeline shows every story: a quiet story's best day is kept even when a busier
story has more highly ranked days."""

from __future__ import annotations

from storyline.model import Article
from storyline.timeline import build_timeline


def _article(aid: str, published: str, text: str) -> Article:
    return Article(id=aid, source=aid, outlet="Wire", title=None, published=published,
                   published_basis="metadata", language="en", text=text)


BUSY = [
    _article(f"busy-{i}", f"2021-05-{10 + i % 5:02d}",
             f"Talks on the river dam resumed in Cairo on May {10 + i % 5}, officials said. "
             f"Delegations met again on May {10 + (i + 1) % 5} to discuss the filling schedule. "
             "The ministers agreed to keep negotiating.")
    for i in range(15)
]
QUIET = [_article("quiet-1", "2021-09-02",
                  "Sudan closed its border crossing on September 2 after the flooding, the "
                  "governor said. Trucks were turned back at the crossing.")]


def test_without_groups_the_busy_story_can_fill_a_short_timeline() -> None:
    entries = build_timeline(BUSY + QUIET, dates=3, sentences=1)
    assert all(not e.date.startswith("2021-09") for e in entries)


def test_with_groups_every_story_gets_its_best_day() -> None:
    groups = [[a.id for a in BUSY], [a.id for a in QUIET]]
    entries = build_timeline(BUSY + QUIET, sentences=1, groups=groups)
    assert any(e.date == "2021-09-02" for e in entries)
    assert any(e.date.startswith("2021-05") for e in entries)
    cited = {c["article_id"] for e in entries for c in e.citations}
    assert "quiet-1" in cited
