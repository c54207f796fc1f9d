"""TimeML scoring of time expressions on the shared TimeBank set, the TempEval-3 way.

Spans: relaxed (any overlap) and strict (same offsets) precision, recall and F1. Values: accuracy
on the relaxed matches, and value F1 (a match whose value is right, over the gold and the system
counts), once for dates and times and once for every type. A value is compared at the gold's
granularity: a system day inside a gold month counts ("1998-10-05" for "1998-10"), and a minute
inside a gold hour ("T17:00" for "T17"); a day inside a gold week or quarter does not. Each gold
expression is matched to at most one system expression (the one overlapping it most) and back.

The documents are development data (`../shared/data/timex/`); nothing of their text enters the
repository.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

DATES_AND_TIMES = frozenset({"DATE", "TIME"})
_PREFIX_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d\d(?::\d\d)*)?)?)?")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None


def load_docs(directory: Path) -> list[dict]:
    with (directory / "docs.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_timexes(doc: dict) -> list[Timex]:
    return [Timex(t["start"], t["end"], t["type"], t["value"], t.get("mod"))
            for t in doc["timexes"]]


def value_class(timex: Timex) -> str:
    """A gold value's kind, for the by-class table."""
    value, kind = timex.value or "", timex.type
    if kind in ("DURATION", "SET"):
        return kind.lower()
    if value.endswith("_REF"):
        return value.lower()
    for name, pattern in (("day", r"\d{4}-\d\d-\d\d"), ("month", r"\d{4}-\d\d"),
                          ("year", r"\d{4}"), ("quarter", r"\d{4}-Q\d"), ("half", r"\d{4}-H\d"),
                          ("week", r"\d{4}-W\d\d"), ("weekend", r"\d{4}-W\d\d-WE"),
                          ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("decade", r"\d{3}"),
                          ("century", r"\d{2}"), ("time", r"\d{4}-\d\d-\d\dT.+")):
        if re.fullmatch(pattern, value):
            return name
    return "partial" if "X" in value else "other"


def value_right(gold: str | None, system: str | None) -> bool:
    """The system value is the gold's, at the gold's granularity."""
    if gold is None or system is None:
        return gold == system
    if gold == system:
        return True
    if _PREFIX_VALUE.fullmatch(gold) and _PREFIX_VALUE.fullmatch(system):
        return len(system) > len(gold) and system.startswith(gold) and \
            system[len(gold)] in "-T:"
    return False


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Pairs of overlapping expressions, largest overlap first, each used once."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((-overlap, g.start, s.start, g, s))
    used_gold: set[Timex] = set()
    used_system: set[Timex] = set()
    matched = []
    for _, _, _, g, s in sorted(pairs, key=lambda p: p[:3]):
        if g in used_gold or s in used_system:
            continue
        used_gold.add(g)
        used_system.add(s)
        matched.append((g, s))
    return matched


def _f1(correct: int, gold: int, system: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total == 0:
        return 0.0, 0.0
    share = successes / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    return (centre - spread) / (1 + z * z / total), (centre + spread) / (1 + z * z / total)


def score(docs: Iterable[dict], system: Callable[[dict], list[Timex]],
          errors: list[dict] | None = None) -> dict:
    """Span and value figures of `system` (a document → its expressions) on `docs`."""
    counts: Counter[str] = Counter()
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        gold, found = gold_timexes(doc), system(doc)
        counts["gold"] += len(gold)
        counts["system"] += len(found)
        counts["gold_dt"] += sum(g.type in DATES_AND_TIMES for g in gold)
        counts["system_dt"] += sum(s.type in DATES_AND_TIMES for s in found)
        counts["strict"] += len({(g.start, g.end) for g in gold} & {(s.start, s.end)
                                                                  for s in found})
        matched = _match(gold, found)
        counts["relaxed"] += len(matched)
        matched_gold = {g for g, _ in matched}
        for g in gold:
            by_class[value_class(g)]["gold"] += 1
            if g not in matched_gold and errors is not None:
                errors.append({"doc": doc["id"], "kind": "missed", "text": doc["text"][
                    g.start:g.end], "gold": g.value, "type": g.type, "dct": doc["dct_date"],
                    "context": doc["text"][max(0, g.start - 60):g.end + 40]})
        for g, s in matched:
            right = g.type == s.type and value_right(g.value, s.value)
            by_class[value_class(g)]["found"] += 1
            by_class[value_class(g)]["right"] += right
            counts["value_right"] += right
            if g.type in DATES_AND_TIMES and s.type in DATES_AND_TIMES:
                counts["value_right_dt"] += value_right(g.value, s.value)
            if not right and errors is not None:
                errors.append({"doc": doc["id"], "kind": "value", "text": doc["text"][
                    s.start:s.end], "gold_text": doc["text"][g.start:g.end], "gold": g.value,
                    "type": g.type, "system": s.value, "system_type": s.type,
                    "dct": doc["dct_date"],
                    "context": doc["text"][max(0, g.start - 60):g.end + 40]})
        if errors is not None:
            matched_system = {s for _, s in matched}
            for s in found:
                if s not in matched_system:
                    errors.append({"doc": doc["id"], "kind": "spurious",
                                   "text": doc["text"][s.start:s.end], "system": s.value,
                                   "type": s.type, "dct": doc["dct_date"],
                                   "context": doc["text"][max(0, s.start - 60):s.end + 40]})
    relaxed = _f1(counts["relaxed"], counts["gold"], counts["system"])
    strict = _f1(counts["strict"], counts["gold"], counts["system"])
    return {
        "counts": dict(counts),
        "relaxed": relaxed,
        "strict": strict,
        "value_accuracy": counts["value_right"] / counts["relaxed"] if counts["relaxed"] else 0,
        "value_f1_all": _f1(counts["value_right"], counts["gold"], counts["system"]),
        "value_f1_dates_times": _f1(counts["value_right_dt"], counts["gold_dt"],
                                    counts["system_dt"]),
        "by_class": {k: dict(v) for k, v in sorted(by_class.items())},
    }


def storyline_timexes(doc: dict) -> list[Timex]:
    """storyline's expressions of a document, resolved against its creation day."""
    from storyline.time import find_time_expressions

    return [Timex(t.start, t.end, t.type, t.timex, t.mod)
            for t in find_time_expressions(doc["text"], doc["dct_date"])]


# A plain scan for the words dates are made of: the floor any resolver's speed is set against.
_PLAIN_SCAN = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"tomorrow|week|month|year|quarter|\d{4})\b")


def throughput(docs: list[dict], repeats: int = 3) -> dict:
    """Characters per second of resolution and of the plain scan over the same texts, and
    resolution's seconds per character on one text of 1, 4 and 16 documents' length (equal
    figures mean linear time)."""
    import time

    from storyline.time import find_time_expressions

    def best(run: Callable[[], object], tries: int = repeats) -> float:
        times = []
        for _ in range(tries):
            began = time.perf_counter()
            run()
            times.append(time.perf_counter() - began)
        return min(times)

    chars = sum(len(d["text"]) for d in docs)
    ours = best(lambda: [find_time_expressions(d["text"], d["dct_date"]) for d in docs])
    plain = best(lambda: [_PLAIN_SCAN.findall(d["text"]) for d in docs])
    unit = "\n\n".join(d["text"] for d in docs[:20])
    scaling = {}
    for factor in (1, 4, 16):
        text = "\n\n".join([unit] * factor)
        scaling[factor] = best(lambda t=text: find_time_expressions(t, "1998-02-01"), 1) / len(
            text) * 1e6
    return {"chars": chars, "ours_cps": chars / ours, "plain_cps": chars / plain,
            "us_per_char": scaling, "unit_chars": len(unit)}


def report(directory: Path) -> None:
    """Print the TimeBank figures: spans, values, by class, event dates, speed."""
    docs = load_docs(directory)
    result = score(docs, storyline_timexes)
    counts = result["counts"]
    print(f"\nTimeBank development set ({len(docs)} documents, {counts['gold']} gold "
          f"expressions, {counts['gold_dt']} of them DATE/TIME), TempEval-3 counting:")
    print(f"{'measure':<34} {'P':>6} {'R':>6} {'F1':>6}")
    for name, key in (("spans, relaxed", "relaxed"), ("spans, strict", "strict"),
                      ("value F1, dates and times", "value_f1_dates_times"),
                      ("value F1, all types", "value_f1_all")):
        p, r, f = result[key]
        print(f"{name:<34} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    low, high = wilson(counts["value_right"], counts["relaxed"])
    print(f"value accuracy on matched expressions: {result['value_accuracy']:.3f} "
          f"(95% CI {low:.3f}-{high:.3f}, {counts['relaxed']} matched)")
    print("\nby gold value class: found (relaxed) and value right, of gold")
    print(f"{'class':<12} {'gold':>5} {'found':>6} {'right':>6} {'share right':>11}")
    for name, row in result["by_class"].items():
        gold = row.get("gold", 0)
        print(f"{name:<12} {gold:>5d} {row.get('found', 0):>6d} {row.get('right', 0):>6d} "
              f"{row.get('right', 0) / gold if gold else 0:>11.3f}")
    _by_source(docs)
    _event_dates(directory, docs)
    speed = throughput(docs)
    print(f"\nresolution speed: {speed['ours_cps'] / 1e3:,.0f} k chars/s; plain regex scan of "
          f"the same texts {speed['plain_cps'] / 1e3:,.0f} k chars/s "
          f"({speed['plain_cps'] / speed['ours_cps']:.0f}x ours)")
    print("linearity, one text of 1x / 4x / 16x "
          f"{speed['unit_chars']:,} chars: " + " / ".join(
              f"{v:.2f}" for v in speed["us_per_char"].values()) + " us per char")


def source_of(doc: dict) -> str:
    """The newswire a TimeBank document comes from, read off its id ("wsj_0585" WSJ,
    "APW19980301.0720" APW, "ea980120.1830.0071" broadcast news)."""
    letters = re.match(r"[A-Za-z]+", doc["id"])
    name = letters.group().upper() if letters else "?"
    return "broadcast (ABC, CNN, PRI, VOA, ea, ed)" if name in (
        "ABC", "CNN", "PRI", "VOA", "EA", "ED") else "WSJ" if name == "WSJ" else (
        "other print (AP, APW, NYT, SJMN)")


def _by_source(docs: list[dict]) -> None:
    """Value F1 for dates and times per kind of source: the blind documents come from other
    outlets and years, so a figure that holds only on 1989 WSJ earnings reports would mislead."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        groups[source_of(doc)].append(doc)
    print("\nvalue F1 for dates and times by source (documents, gold DATE/TIME):")
    for name, members in sorted(groups.items()):
        result = score(members, storyline_timexes)
        p, r, f = result["value_f1_dates_times"]
        print(f"{name:<40} {len(members):>4} {result['counts']['gold_dt']:>5}  "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")


def _event_dates(directory: Path, docs: list[dict]) -> None:
    try:
        from _timeml_events import score_event_dates
    except ImportError:
        print("\nevent dates: not measured (benchmarks/_timeml_events.py missing)")
        return
    with (directory / "event_dates.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle if line.strip()]
    figures = score_event_dates(docs, gold)
    print("\nevent dates (gold from TimeML links between events and times), accuracy [95% CI]:")
    print(f"{'events':<28} {'n':>4} {'storyline':>22} {'publication day':>22}")
    for key, label in (("all", "all"), ("text", "via a time in the text"),
                       ("dct", "via the creation time only")):
        row = figures[key]
        cells = []
        for system in ("storyline", "publication_day"):
            low, high = row[system]["ci95"]
            cells.append(f"{row[system]['accuracy']:.3f} [{low:.3f}-{high:.3f}]")
        print(f"{label:<28} {row['storyline']['total']:>4d} {cells[0]:>22} {cells[1]:>22}")
    print(f"(left out: {figures['excluded_null_gold']} events whose links disagree)")
