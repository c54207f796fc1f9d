"""Publication-date inference on undated texts: exact, within range, confident wrong, abstained.

Three sets: the dated articles of `examples/corpus` with their date hidden (with and without the
publication dates of the other dated articles of their gold story), the corpus articles that state
no date (gold `true_date`), and the short texts of `benchmarks/data/pubdate_set.jsonl` written for
this benchmark. Beside it a naive baseline: the latest full date written anywhere in the page,
removed boilerplate lines included, always answered with full confidence.

Run: .venv/bin/python benchmarks/pubdate.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Article
from storyline.options import Options
from storyline.pipeline import clean_inputs
from storyline.time import find_time_expressions
from storyline.time.published import PublishedDate, infer_published

ROOT = Path(__file__).resolve().parents[1]
CONFIDENT = 0.5


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    removed_lines: list[str]
    story_dates: list[str]
    true_date: str
    removed_head: int = 0
    """How many of `removed_lines` the page showed before its main text (cleaned pages)."""


def naive_latest(case: Case) -> PublishedDate:
    """The latest day-precision date anywhere on the page, boilerplate included."""
    page = "\n".join([case.text, *case.removed_lines])
    days = []
    for line in page.splitlines():
        try:
            found = find_time_expressions(line, None)
        except (KeyError, ValueError):  # a finder bug on one line must not stop the baseline
            continue
        days += [e.value for e in found if e.value and e.precision == "day"]
    best = max(days) if days else None
    return PublishedDate(best, "inferred" if best else None, best, best, 1.0 if best else 0.0, [])


def score(cases: list[Case], method: Callable[[Case], PublishedDate]) -> dict[str, float]:
    exact = within = confident_wrong = abstained = answered = 0
    for case in cases:
        result = method(case)
        truth = case.true_date
        if result.value is None:
            abstained += 1
        else:
            answered += 1
            exact += result.value == truth
            confident_wrong += result.value != truth and result.confidence >= CONFIDENT
        bounded = result.earliest is not None or result.latest is not None
        within += bounded and (result.earliest or truth) <= truth <= (result.latest or truth)
    n = len(cases) or 1
    return {"n": len(cases), "exact": exact / n, "within_range": within / n,
            "confident_wrong": confident_wrong / n, "abstained": abstained / n,
            "precision_answered": exact / answered if answered else 0.0}


def corpus_cases() -> tuple[list[Case], list[Case]]:
    """(dated articles with the date to hide, undated articles), story dates from the gold."""
    gold = json.loads((ROOT / "examples" / "gold.json").read_text(encoding="utf-8"))
    cleaned = clean_inputs([str(ROOT / "examples" / "corpus")], Options(quiet=True))
    articles = {a.id: a for a in cleaned if isinstance(a, Article)}
    dated, undated = [], []
    for article_id, meta in sorted(gold["articles"].items()):
        article = articles.get(article_id)
        if article is None:
            print(f"  (gold article {article_id} not read; skipped)")
            continue
        story = gold["stories"][meta["story"]]["articles"]
        others = [gold["articles"][o]["published"] for o in story
                  if o != article_id and gold["articles"][o]["published"]]
        case = Case(article_id, article.text, list(article.removed_lines), others,
                    meta["true_date"], article.removed_head)
        (dated if meta["published"] else undated).append(case)
    return dated, undated


def written_cases() -> list[Case]:
    path = ROOT / "benchmarks" / "data" / "pubdate_set.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Case(r["id"], r["text"], r["removed_lines"], r["story_dates"], r["true_date"])
            for r in rows]


def ours(with_story: bool) -> Callable[[Case], PublishedDate]:
    def run(case: Case) -> PublishedDate:
        stories = case.story_dates if with_story else ()
        return infer_published(case.text, case.removed_lines, story_dates=stories,
                               removed_head=case.removed_head)
    return run


def table(rows: Iterable[tuple[str, dict[str, float]]]) -> None:
    print(f"{'set / method':54} {'n':>3} {'exact':>6} {'range':>6} {'conf.wrong':>10} "
          f"{'abstain':>7} {'prec.':>6}")
    for name, s in rows:
        print(f"{name:54} {s['n']:>3} {s['exact']:>6.2f} {s['within_range']:>6.2f} "
              f"{s['confident_wrong']:>10.2f} {s['abstained']:>7.2f} "
              f"{s['precision_answered']:>6.2f}")


def main() -> int:
    dated, undated = corpus_cases()
    written = written_cases()
    rows = []
    for label, cases in (("corpus dated, date hidden", dated), ("corpus undated (gold)", undated),
                         ("written set", written)):
        rows.append((f"{label}: inferred, text only", score(cases, ours(False))))
        rows.append((f"{label}: inferred, + story dates", score(cases, ours(True))))
        rows.append((f"{label}: naive latest date on page", score(cases, naive_latest)))
    every = dated + undated + written
    rows.append(("ALL: inferred, + story dates where given", score(every, ours(True))))
    print("Publication-date inference (exact = value equals the true date; range = true date in "
          f"[earliest, latest]; conf.wrong = wrong value with confidence >= {CONFIDENT}; "
          "prec. = exact among answered)")
    table(rows)
    wrong = [c.id for c in every if (r := ours(True)(c)).value not in (None, c.true_date)
             and r.confidence >= CONFIDENT]
    print("confident wrong answers:", ", ".join(wrong) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
