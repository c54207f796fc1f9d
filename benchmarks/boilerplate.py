"""Boilerplate benchmark: our `extract_html` against trafilatura's defaults on the shared gold.

For each page, the gold lists snippets that must survive extraction (`with`) and snippets that
must not (`without`). Both systems run on the same decoded pages in the same run; we print the
share of `with` kept, the share of `without` removed, their harmonic mean, and pages per second.
Matching collapses whitespace in snippet and output, as trafilatura's own evaluation does.

    .venv/bin/python benchmarks/boilerplate.py [--limit N] [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from storyline.clean.html import extract_html
from storyline.read.html import decode_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import require_shared_data  # noqa: E402

BAR = 0.93
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Score:
    name: str
    kept: int = 0
    with_total: int = 0
    removed: int = 0
    without_total: int = 0
    seconds: float = 0.0
    pages: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def with_share(self) -> float:
        return self.kept / self.with_total if self.with_total else 0.0

    @property
    def without_share(self) -> float:
        return self.removed / self.without_total if self.without_total else 0.0

    @property
    def harmonic(self) -> float:
        a, b = self.with_share, self.without_share
        return 2 * a * b / (a + b) if a + b else 0.0


def run(name: str, extract: Callable[[str, str], str], pages: list[tuple[dict, str]]) -> Score:
    score = Score(name)
    for record, html in pages:
        start = time.perf_counter()
        output = normalize(extract(html, record["url"]) or "")
        score.seconds += time.perf_counter() - start
        score.pages += 1
        for snippet in record["with"]:
            score.with_total += 1
            if normalize(snippet) in output:
                score.kept += 1
            else:
                score.misses.append(("lost", record["file"], snippet))
        for snippet in record["without"]:
            score.without_total += 1
            if normalize(snippet) not in output:
                score.removed += 1
            else:
                score.misses.append(("leaked", record["file"], snippet))
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--misses", action="store_true", help="list lost and leaked snippets")
    args = parser.parse_args()
    folder = require_shared_data("boilerplate")
    records = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    pages = [(r, decode_html(gzip.decompress((folder / r["path"]).read_bytes()))) for r in records]
    systems = {
        "storyline extract_html": lambda html, url: extract_html(html, url).text,
        "trafilatura defaults": lambda html, url: trafilatura.extract(html),
    }
    scores = [run(name, fn, pages) for name, fn in systems.items()]
    print(f"boilerplate gold: {len(pages)} pages from {folder.name}/gold.jsonl, "
          f"{scores[0].with_total} 'with' and {scores[0].without_total} 'without' snippets "
          f"(whitespace-normalized substring match)")
    header = ("system", "with kept", "without removed", "harmonic", "pages/s")
    print(f"{header[0]:<26} {header[1]:>10} {header[2]:>16} {header[3]:>9} {header[4]:>8}")
    for s in scores:
        print(f"{s.name:<26} {s.with_share:>10.3f} {s.without_share:>16.3f} {s.harmonic:>9.3f} "
              f"{s.pages / s.seconds:>8.1f}")
    ours = scores[0]
    ratio = (ours.pages / ours.seconds) / (scores[1].pages / scores[1].seconds)
    print(f"speed ratio ours/trafilatura: {ratio:.2f}; bar for ours: harmonic >= {BAR} -> "
          f"{'met' if ours.harmonic >= BAR else 'NOT met'}")
    if args.misses:
        for s in scores:
            print(f"\n{s.name}:")
            for kind, file, snippet in s.misses:
                print(f"  {kind:<6} {file}  {snippet[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
