"""Writing the contract folder (`../shared/docs/output-contract.md`).

Every file is written to a temporary name and renamed, so a crash never leaves half a file where
a previous run's complete one was. Lines are sorted by id so the same input gives the same bytes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.report import render_html, render_markdown

if TYPE_CHECKING:
    from storyline.pipeline import RunResult

CONTRACT_FILES = (
    "articles.jsonl",
    "rejected.jsonl",
    "stories.jsonl",
    "storylines.jsonl",
    "events.jsonl",
    "incidents.jsonl",
    "timeline.jsonl",
    "framing.jsonl",
)


def dumps_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(dumps_line(record))
            count += 1
    os.replace(tmp, path)
    return count


def write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(tmp, path)


def write_contract(out: Path, result: RunResult) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "articles.jsonl", (a.to_dict() for a in result.articles))
    write_jsonl(
        out / "rejected.jsonl",
        (r.to_dict() for r in sorted(result.rejections, key=lambda r: (r.source, r.reason))),
    )
    write_jsonl(out / "events.jsonl", result.events)
    write_jsonl(out / "incidents.jsonl", result.incidents)
    write_jsonl(out / "stories.jsonl", (s.to_dict() for s in sorted(result.stories,
                                                                     key=lambda s: s.id)))
    write_jsonl(out / "storylines.jsonl", (s.to_dict() for s in sorted(result.storylines,
                                                                       key=lambda s: s.id)))
    write_jsonl(out / "timeline.jsonl", (e.to_dict() for e in result.timeline))
    write_jsonl(out / "framing.jsonl", result.framing)
    write_text(out / "report.html", render_html(result))
    write_text(out / "report.md", render_markdown(result))
    write_text(
        out / "manifest.json", json.dumps(result.manifest, ensure_ascii=False, indent=2) + "\n"
    )
