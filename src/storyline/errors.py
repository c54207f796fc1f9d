"""Coded error catalogue.

Every input that cannot be used, and every step that fails on one document, is reported with a
code from this table so users can grep for it and the docs can explain it. E1xx: input, E2xx:
processing, E3xx: storage, E4xx: web.
"""

from __future__ import annotations

from dataclasses import dataclass

CATALOGUE: dict[str, str] = {
    # input
    "E101": "empty input: the file or record has no content",
    "E102": "binary content: the file does not look like text",
    "E103": "undecodable bytes: no text encoding fits the file",
    "E104": "oversize input: the file is larger than the size limit (--max-file-mb)",
    "E105": "malformed JSON: a line or file is not valid JSON",
    "E106": "record without text: a JSON record has neither `text` nor `html`",
    "E107": "duplicate id: another document already has this id with different content",
    "E108": "malformed archive or feed: a WARC or RSS/Atom file could not be parsed",
    "E109": "expansion cap: a compressed input expands past the size cap (--max-expanded-mb)",
    "E110": "unreadable path: permission denied or an I/O error",
    "E111": "symlink loop: the path resolves to itself",
    "E112": "not found: no file matches the path or glob",
    "E113": "not an article: a file type storyline does not read as news (code, data, documents,"
    " media, project files)",
    # processing
    "E201": "no main text: nothing of the document survived cleaning",
    "E202": "processing failed: a step raised an unexpected error on this document",
    "E203": "language model missing: the spaCy model storyline needs is not installed",
    # storage
    "E301": "store error: the database could not be opened or written",
    "E302": "schema too new: the database was written by a newer storyline",
    # web
    "E401": "not found: no such object in the store",
    "E402": "bad request: a parameter of the page or API call is not valid",
}


class StorylineError(Exception):
    """An error with a catalogue code; `detail` says what happened to which input."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.detail = detail
        super().__init__(f"{code} {CATALOGUE[code]}" + (f": {detail}" if detail else ""))


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used. One line of `rejected.jsonl`."""

    source: str
    reason: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.reason not in CATALOGUE:
            raise ValueError(f"unknown error code {self.reason}")

    @classmethod
    def from_error(cls, source: str, error: StorylineError) -> Rejection:
        return cls(source=source, reason=error.code, detail=error.detail)

    def message(self) -> str:
        text = f"{self.reason} {CATALOGUE[self.reason]}"
        return f"{self.source}: {text}" + (f" ({self.detail})" if self.detail else "")

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason, "detail": self.detail}
