"""One options object, built from CLI flags, a config mapping or Python keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Options:
    # reading
    max_file_mb: float = 50.0
    """Files larger than this are rejected (E104)."""
    max_expanded_mb: float = 200.0
    """A compressed input that expands past this is rejected (E109)."""
    follow_symlinks: bool = True
    # cleaning
    min_text_chars: int = 40
    """A document with less main text than this after cleaning is rejected (E201)."""
    profile_min_articles: int = 3
    """An outlet needs this many articles before its repeated lines count as boilerplate."""
    profile_min_share: float = 0.3
    """A line seen in at least this share of an outlet's articles is that outlet's boilerplate."""
    # deduplication
    near_duplicate_threshold: float = 0.5
    """Share of the shorter article's word shingles found in the longer one (containment) at or
    above which it is a copy; containment, unlike Jaccard, keeps truncated copies and copies with
    added boilerplate, and 10% word edits still leave ~0.6 of 5-word shingles."""
    shingle_words: int = 5
    num_perm: int = 128
    # understanding
    understand: bool = True
    """Run the NLP step (entities, places, dates, events); `storyline ingest` stops before it."""
    # running
    workers: int = 0
    """Processes for cleaning; 0 chooses by the amount of work and the cores."""
    quiet: bool = False

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_expanded_bytes(self) -> int:
        return int(self.max_expanded_mb * MB)

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None = None, **kwargs: Any) -> Options:
        """Build from a config mapping and/or keywords; unknown keys are an error, not ignored."""
        merged = {**(values or {}), **kwargs}
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(merged) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        return cls(**{k: v for k, v in merged.items() if v is not None})

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
