"""Event dates on TimeBank: does storyline give each annotated event the day TimeML links it to?

The gold (`timex/event_dates.jsonl`, derived from the TLINKs that put an event instance inside or
at a day-valued time) names a trigger word and its day; `via` is `text` when a link goes to a time
expression of the text, `dct` when only to the document creation time. Each document is parsed
with the shipped spaCy pipeline, its time expressions are found against the DCT, and the sentence
holding the trigger is dated by `events.dating.date_trigger` with the trigger as the event's word,
then, when its sentence has no time for it, by `narrative_day` (the day the sentence before tells
of), as the pipeline does.
A prediction is right when it is the gold day exactly (a month or year is not a day). Instances
whose links disagree (`gold_date` null) are left out and counted. The publication-day baseline
gives every event the DCT. TimeBank is development data: these are development figures.

    .venv/bin/python benchmarks/_timeml_events.py [--errors N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/_common beside us
from _common import iter_jsonl, require_shared_data, wilson  # noqa: E402

from storyline.events.dating import (  # noqa: E402
    REPORTING,
    date_trigger,
    is_background,
    narrative_day,
    news_peg,
)
from storyline.model import Article  # noqa: E402
from storyline.nlp.pipeline import parse_texts  # noqa: E402
from storyline.time import find_time_expressions  # noqa: E402


def _figure(right: int, total: int) -> dict:
    low, high = wilson(right, total)
    return {"right": right, "total": total, "accuracy": right / total if total else 0.0,
            "ci95": (low, high)}


def predict_event_dates(docs: Iterable[dict], event_dates: Iterable[dict]) -> list[dict]:
    """One row per gold instance with a gold day: the gold, the prediction and its date words."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for gold in event_dates:
        if gold.get("gold_date"):
            by_doc[gold["doc"]].append(gold)
    wanted = [d for d in docs if d["id"] in by_doc]
    rows: list[dict] = []
    for record, parsed in zip(wanted, parse_texts(d["text"] for d in wanted), strict=True):
        dct = record["dct_date"]
        article = Article(id=record["id"], source="timebank", outlet=None, title=None,
                          published=dct, published_basis="metadata", language="en",
                          text=record["text"])
        times = [t for t in find_time_expressions(record["text"], dct) if t.kind == "date"]
        peg = news_peg(article, list(parsed.sents), times)
        for gold in by_doc[record["id"]]:
            span = parsed.char_span(gold["start"], gold["end"], alignment_mode="expand")
            if span is None:
                value, words = None, None
                sentence = ""
            else:
                sent = span[0].sent
                value, words, *_ = date_trigger(article, sent, gold["start"], times)
                trigger = span[0]
                if words is None and trigger.lemma_.lower() in REPORTING:
                    # a statement, as the pipeline dates one: at the news its lead dates
                    if peg is not None and not is_background(trigger):
                        value, words = peg.value, peg.text
                elif words is None:  # as the pipeline does next: the narrative's day
                    told = narrative_day(article, sent, times, [gold["start"] - sent.start_char])
                    if told is not None:
                        value, words = told.value, told.text
                sentence = sent.text
            rows.append({"doc": record["id"], "eiid": gold["eiid"], "trigger": gold["trigger"],
                         "via": gold["via"], "gold": gold["gold_date"], "dct": dct,
                         "predicted": value, "date_text": words, "sentence": sentence})
    return rows


def score_rows(rows: list[dict]) -> dict:
    """Accuracy overall and by `via`, with the publication-day baseline beside it."""
    result: dict = {}
    for name, subset in (("all", rows), *((v, [r for r in rows if r["via"] == v])
                                          for v in ("text", "dct"))):
        result[name] = {
            "storyline": _figure(sum(r["predicted"] == r["gold"] for r in subset), len(subset)),
            "publication_day": _figure(sum(r["dct"] == r["gold"] for r in subset), len(subset)),
        }
    return result


def score_event_dates(docs: Iterable[dict], event_dates: Iterable[dict]) -> dict:
    """Event-date accuracy (overall, via text, via DCT) with Wilson 95% intervals, beside the
    publication-day baseline; `excluded_null_gold` counts instances whose links disagree."""
    event_dates = list(event_dates)
    rows = predict_event_dates(docs, event_dates)
    result = score_rows(rows)
    result["excluded_null_gold"] = sum(1 for g in event_dates if not g.get("gold_date"))
    return result


def error_class(row: dict) -> str:
    """A coarse name for how a prediction went wrong, to count misses by class."""
    if row["predicted"] == row["gold"]:
        return "right"
    if row["date_text"] is None:
        return "publication day, gold elsewhere"
    if row["via"] == "dct":
        return "own time taken, gold the publication day"
    if row["predicted"] and row["gold"] and row["predicted"][:7] == row["gold"][:7]:
        return "wrong day of the right month" if len(row["predicted"]) == 10 else "month, not day"
    return "wrong time of the sentence or wrong direction"


def _print(result: dict) -> None:
    print(f"TimeBank event dates (development figures); {result['excluded_null_gold']} "
          "instances with disagreeing links left out")
    print(f"{'subset':<8}{'n':>6}  {'storyline':<24}{'publication day':<24}")
    for name in ("all", "text", "dct"):
        ours, base = result[name]["storyline"], result[name]["publication_day"]
        cells = [f"{f['accuracy']:.3f} [{f['ci95'][0]:.3f}, {f['ci95'][1]:.3f}]"
                 for f in (ours, base)]
        print(f"{name:<8}{ours['total']:>6}  {cells[0]:<24}{cells[1]:<24}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per class")
    args = parser.parse_args()
    root = require_shared_data("timex")
    docs = list(iter_jsonl(root / "docs.jsonl"))
    event_dates = list(iter_jsonl(root / "event_dates.jsonl"))
    rows = predict_event_dates(docs, event_dates)
    result = score_rows(rows)
    result["excluded_null_gold"] = sum(1 for g in event_dates if not g.get("gold_date"))
    _print(result)
    classes = Counter(error_class(r) for r in rows)
    print("misses by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()
                                           if k != "right"))
    if args.errors:
        shown: Counter[str] = Counter()
        for row in rows:
            kind = error_class(row)
            if kind == "right" or shown[kind] >= args.errors:
                continue
            shown[kind] += 1
            print(f"\n[{kind}] {row['doc']} {row['eiid']} '{row['trigger']}' dct {row['dct']} "
                  f"gold {row['gold']} got {row['predicted']} from {row['date_text']!r}")
            print("   ", " ".join(row["sentence"].split()))


if __name__ == "__main__":
    main()
