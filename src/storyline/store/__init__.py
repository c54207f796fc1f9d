"""Where analysed articles live between runs.

`Store` is the interface the pipeline, CLI and web UI use, so a PostgreSQL store can stand in
for the default `SqliteStore` without them changing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

from storyline.errors import Rejection
from storyline.model import Article
from storyline.store.events import EventFilter
from storyline.store.sqlite import Findings, SearchHit, SqliteStore, fts_query


@runtime_checkable
class Store(Protocol):
    """What every store backend provides."""

    SCHEMA_VERSION: int

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def known_hashes(self) -> dict[str, str]: ...

    def upsert_articles(self, articles: Sequence[Article]) -> tuple[int, int, int]: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def count_articles(self) -> int: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def add_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None: ...

    def rejections(self, run_id: str | None = None) -> list[Rejection]: ...

    def record_run(self, run_id: str, manifest: dict) -> None: ...

    def runs(self) -> list[dict]: ...

    def save_profiles(self, data: dict) -> None: ...

    def load_profiles(self) -> dict | None: ...

    def set_duplicates(self, links: dict[str, str | None]) -> None: ...

    def save_findings(self, findings: Sequence[Findings]) -> None: ...

    def understood_keys(self) -> dict[str, str]: ...

    def events(self, where: EventFilter | None = None) -> list[dict]: ...

    def mentions(self, article_ids: Sequence[str]) -> dict[str, list[dict]]: ...


def open_store(path: str | Path) -> SqliteStore:
    """Open (creating or migrating) the store at `path`."""
    return SqliteStore(path)


__all__ = [
    "EventFilter",
    "Findings",
    "SearchHit",
    "SqliteStore",
    "Store",
    "fts_query",
    "open_store",
]
