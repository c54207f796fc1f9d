"""Which articles lack an outlet or a publication date, and how a user can give them.

Plain files carry no metadata, and without it framing cannot compare outlets and timelines
cannot place articles. The run summary, the report and the web overview all say how many
articles lack what and where storyline would have found it; they share this one text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.model import Article

HINTS: tuple[tuple[str, str], ...] = (
    ("text files", "front matter at the top: a `---` line, then `title:`, `outlet:`, `date:` "
                   "and `url:` lines, then `---`"),
    ("folders", "one folder per outlet below the folder you give: `corpus/<outlet-name>/file.txt` "
                "takes its outlet from the folder's name"),
    ("JSON Lines", "the fields `outlet`, `published`, `url` and `title` in each record"),
)
"""How to give the metadata, by the kind of input it goes in."""


@dataclass(frozen=True)
class MissingMetadata:
    """How many of `articles` have no outlet, no publication date, or only an inferred one."""

    articles: int
    no_outlet: int
    no_date: int
    inferred_date: int

    @property
    def anything(self) -> bool:
        return bool(self.no_outlet or self.no_date or self.inferred_date)

    def stats(self) -> dict[str, int]:
        """The counts as the manifest's `stats` name them."""
        return {
            "articles_without_outlet": self.no_outlet,
            "articles_without_date": self.no_date,
            "articles_with_inferred_date": self.inferred_date,
        }

    def summary(self) -> str:
        """One sentence: what is missing from how many articles."""
        if not self.anything:
            return "Every article has an outlet and a stated publication date."
        gaps = []
        if self.no_outlet:
            gaps.append(f"{_articles(self.no_outlet)} no outlet")
        if self.no_date:
            gaps.append(f"{_articles(self.no_date)} no publication date")
        told = " and ".join(gaps)
        if self.inferred_date:
            inferred = (f"{_articles(self.inferred_date)} a date only inferred from the text, "
                        "with lower confidence than a stated one")
            told = f"{told}; {inferred}" if told else inferred
        noun = "article" if self.articles == 1 else "articles"
        return f"Of {self.articles} {noun}, {told}."

    def to_dict(self) -> dict[str, Any]:
        """The counts, the sentence and the hints, for the web overview's JSON twin."""
        return {
            "articles": self.articles,
            "no_outlet": self.no_outlet,
            "no_date": self.no_date,
            "inferred_date": self.inferred_date,
            "summary": self.summary(),
            "hints": [{"input": kind, "how": how} for kind, how in HINTS],
        }

    def lines(self) -> list[str]:
        """The notice as plain-text lines (the CLI's run summary)."""
        return [f"Missing metadata: {self.summary()} How to give it:",
                *(f"  - {kind}: {how}" for kind, how in HINTS)]


def _articles(count: int) -> str:
    return f"{count} has" if count == 1 else f"{count} have"


def missing_metadata(articles: Iterable[Article]) -> MissingMetadata:
    """Count what the articles lack, as they stand at the end of a run."""
    total = no_outlet = no_date = inferred = 0
    for article in articles:
        total += 1
        no_outlet += not article.outlet
        no_date += not article.published
        inferred += bool(article.published) and article.published_basis == "inferred"
    return MissingMetadata(total, no_outlet, no_date, inferred)
