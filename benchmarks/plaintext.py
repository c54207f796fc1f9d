"""Plain-text boilerplate benchmark: scraped pages (visible text, one block per line) cleaned by
storyline, beside keep-everything and jusText on the same lines, in one run.

Each page of `../shared/data/plaintext/` lists snippets that must survive cleaning (`with`) and
snippets that must not (`without`); we print the share of each and their harmonic mean, as the
HTML benchmark does. Every page is cleaned as a new user's single article would be: no outlet
profile, no title, no metadata. storyline's cleaner is scored with site-grouped
cross-validation: each page is cleaned with a body model trained (by `storyline.clean.train`,
with the shipped settings) on the other sites' pages only. `--shipped` also scores the shipped
model, which saw every page (in-sample: never an accuracy figure). A 95% bootstrap interval
over sites is printed, and our own scraped test pages are scored by class of chrome.

    .venv/bin/python benchmarks/plaintext.py [--folds 5] [--misses] [--shipped]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import iter_jsonl, require_shared_data  # noqa: E402

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Score:
    name: str
    per_page: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, record: dict, output: str) -> None:
        output = normalize(output)
        kept = removed = 0
        for snippet in record["with"]:
            if normalize(snippet) in output:
                kept += 1
            else:
                self.misses.append(("lost", record["file"], snippet))
        for snippet in record["without"]:
            if normalize(snippet) not in output:
                removed += 1
            else:
                self.misses.append(("leaked", record["file"], snippet))
        self.per_page.append((record["domain"], kept, len(record["with"]), removed,
                              len(record["without"])))

    @staticmethod
    def _figures(rows: list[tuple[str, int, int, int, int]]) -> tuple[float, float, float]:
        kept = sum(r[1] for r in rows) / max(1, sum(r[2] for r in rows))
        removed = sum(r[3] for r in rows) / max(1, sum(r[4] for r in rows))
        harmonic = 2 * kept * removed / (kept + removed) if kept + removed else 0.0
        return kept, removed, harmonic

    def figures(self) -> tuple[float, float, float]:
        return self._figures(self.per_page)

    def interval(self, rounds: int = 1000) -> tuple[float, float]:
        """95% bootstrap interval of the harmonic mean, resampling sites (pages of one site
        stay together)."""
        by_site: dict[str, list] = {}
        for row in self.per_page:
            by_site.setdefault(row[0], []).append(row)
        sites = sorted(by_site)
        rng = random.Random(7)
        values = sorted(
            self._figures([r for s in rng.choices(sites, k=len(sites)) for r in by_site[s]])[2]
            for _ in range(rounds)
        )
        return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def justext_clean() -> Callable[[str], str]:
    """jusText with its defaults, each line one `<p>`, the stoplist that matches the page best
    (most of its words are stopwords of that list)."""
    import html

    import justext

    stoplists = {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}

    def clean(text: str) -> str:
        words = [w.lower() for w in re.findall(r"\w+", text)]
        best = max(stoplists, key=lambda name: (sum(w in stoplists[name] for w in words), name))
        page = "<html><body>" + "".join(
            f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
        ) + "</body></html>"
        paragraphs = justext.justext(page, stoplists[best])
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return clean


def run(name: str, clean: Callable[[dict, str], str], pages: list[tuple[dict, str]]) -> Score:
    score = Score(name)
    for record, text in pages:
        start = time.perf_counter()
        output = clean(record, text)
        score.seconds += time.perf_counter() - start
        score.add(record, output)
    return score


def cross_validated(folds: int) -> Score:
    """storyline's whole plain-text cleaner, each page cleaned with a body model trained
    (shipped settings) on the other sites' pages only."""
    from storyline.clean import train
    from storyline.clean.body import shipped_model
    from storyline.clean.plain import classify_blocks

    shipped = shipped_model()
    depth, trees = shipped.depth, len(shipped.roots)
    root = train.shared_data()
    pages = train.scraped_pages(root) + train.clean_pages(root)
    fold = train.folds_of(pages, folds)
    score = Score(f"storyline, site-grouped {folds}-fold CV")
    for k in range(folds):
        model = train.fit([p for p, f in zip(pages, fold, strict=True) if f != k], depth, trees)
        for page, f in zip(pages, fold, strict=True):
            if f != k or page.record is None:
                continue
            start = time.perf_counter()
            verdicts = classify_blocks(page.texts, model=model)
            score.seconds += time.perf_counter() - start
            score.add(page.record, "\n".join(
                t for t, v in zip(page.texts, verdicts, strict=True) if v is None))
    return score


def own_pages() -> None:
    """Our own scraped pages (tests/fixtures/scraped): development pages written here, by
    class of chrome; the classes' rules were written with them in view, so this is no blind
    figure."""
    from collections import Counter

    from storyline.clean import clean_text

    folder = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "scraped"
    total: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    kept = with_total = 0
    for record in iter_jsonl(folder / "gold.jsonl"):
        output = normalize(clean_text((folder / record["file"]).read_text(encoding="utf-8"))[0])
        for snippet in record["with"]:
            with_total += 1
            kept += normalize(snippet) in output
        for snippet in record["without"]:
            kind = str(record["classes"][snippet])
            total[kind] += 1
            removed[kind] += normalize(snippet) not in output
    print(f"\nour own scraped pages ({folder.name}/, written here, development): "
          f"'with' kept {kept}/{with_total}; 'without' removed by class:")
    print("  " + ", ".join(f"{k}: {removed[k]}/{total[k]}" for k in sorted(total, key=int))
          + f"; all {sum(removed.values())}/{sum(total.values())}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="site-grouped CV folds")
    parser.add_argument("--misses", action="store_true", help="list lost and leaked snippets")
    parser.add_argument("--shipped", action="store_true",
                        help="also score the shipped model (in-sample)")
    args = parser.parse_args()
    folder = require_shared_data("plaintext")
    records = list(iter_jsonl(folder / "gold.jsonl"))
    pages = [(r, (folder / r["path"]).read_text(encoding="utf-8")) for r in records]

    from storyline.clean import clean_text

    jt = justext_clean()
    systems: dict[str, Callable[[dict, str], str]] = {
        "keep everything": lambda record, text: text,
        "jusText (defaults)": lambda record, text: jt(text),
        "storyline, line rules only": lambda record, text: _rules_only(text),
    }
    if args.shipped:
        systems["storyline shipped (IN-SAMPLE)"] = lambda record, text: clean_text(text)[0]
    scores = [run(name, fn, pages) for name, fn in systems.items()]
    scores.insert(2, cross_validated(args.folds))
    sites = len({r["domain"] for r in records})
    print(f"plain-text boilerplate gold: {len(pages)} pages of {sites} sites, "
          f"{sum(len(r['with']) for r in records)} 'with' and "
          f"{sum(len(r['without']) for r in records)} 'without' snippets")
    print(f"{'system':<36} {'with kept':>9} {'w/o removed':>11} {'harmonic':>8} "
          f"{'95% CI (sites)':>15} {'pages/s':>8}")
    for s in scores:
        kept, removed, harmonic = s.figures()
        low, high = s.interval()
        print(f"{s.name:<36} {kept:>9.3f} {removed:>11.3f} {harmonic:>8.3f} "
              f"{low:>7.3f}–{high:<7.3f} {len(s.per_page) / s.seconds:>8.0f}")
    if args.misses:
        for s in scores[2:3]:
            print(f"\n{s.name}:")
            for kind, file, snippet in s.misses:
                print(f"  {kind:<6} {file}  {snippet[:90]!r}")
    own_pages()
    return 0


def _rules_only(text: str) -> str:
    """The line rules and chrome classes alone, without the body classifier or body bounds."""
    from storyline.clean.blocks import split_blocks
    from storyline.clean.plain import rule_verdicts

    texts = split_blocks(text.splitlines()).texts
    return "\n".join(t for t, v in zip(texts, rule_verdicts(texts), strict=True) if v is None)


if __name__ == "__main__":
    sys.exit(main())
