"""PLOVER event types and actor roles on the PLV development sentences.

`../shared/data/plv/events.jsonl`: 1,044 news sentences, each with one PLOVER type (PLV merges
CONCEDE and RETREAT into YIELD, so a predicted CONCEDE or RETREAT counts as YIELD) and the
source and target spans its annotators marked. Nothing here was trained or tuned on these
sentences: the rules' lexicon was written from other sentences and the shipped classifier was
trained on the PLOVER set, so these are figures on unseen sentences of the project's own making
process, though development ones (the blind counterpart is another 860 sentences).

Printed: type accuracy and macro-F1 with 95% intervals (Wilson for accuracy, a bootstrap over
sentences for macro-F1), the share of sentences given no event, the top confusions, and for
roles the share of sentences with a marked source (target) whose predicted source (target)
head word lies inside the marked span, beside a baseline that takes the sentence's first
subject (first direct or prepositional object) for it.

    .venv/bin/python benchmarks/plv.py [--errors N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import iter_jsonl, macro_f1, require_shared_data, wilson  # noqa: E402

from storyline.events import EventCoder  # noqa: E402

YIELD_TYPES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
def bootstrap_macro(gold: list[str], pred: list[str | None], rounds: int = 500,
                    seed: int = 13) -> tuple[float, float]:
    rng = random.Random(seed)
    n = len(gold)
    values = []
    for _ in range(rounds):
        pick = [rng.randrange(n) for _ in range(n)]
        values.append(macro_f1([gold[i] for i in pick], [pred[i] for i in pick]))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def span_head(doc, start: int, end: int):  # noqa: ANN001, ANN201
    """The word of the character span [start, end) whose head lies outside it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def head_inside(doc, span: tuple[int, int] | None, gold: str | None) -> bool:  # noqa: ANN001
    """Whether the predicted span's head word lies inside the marked gold span."""
    if span is None or not gold:
        return False
    where = doc.text.find(gold)
    if where < 0:
        return False
    head = span_head(doc, *span)
    return head is not None and where <= head.idx < where + len(gold)


def baseline_roles(doc) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:  # noqa: ANN001
    """The first subject and the first object of the sentence, as one-word spans."""
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((t for t in doc if t.dep_ in ("dobj", "pobj")), None)

    def one(tok) -> tuple[int, int] | None:  # noqa: ANN001
        return (tok.idx, tok.idx + len(tok.text)) if tok is not None else None

    return one(subject), one(obj)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many role misses")
    args = parser.parse_args()
    path = require_shared_data("plv", "events.jsonl")
    records = list(iter_jsonl(path))
    coder = EventCoder.default()
    docs = list(coder.nlp.pipe(r["text"] for r in records))
    coded = coder.code_all([r["text"] for r in records])
    gold = [r["gold_event"] for r in records]
    pred = [YIELD_TYPES.get(c.type, c.type) if c else None for c in coded]
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    low, high = wilson(right, len(gold))
    macro = macro_f1(gold, pred)
    mlow, mhigh = bootstrap_macro(gold, pred)
    print(f"PLV development set: {len(records)} sentences ({path.parent.name}/{path.name}), "
          "shipped coder (rules + classifier), nothing fitted on these sentences")
    print(f"type accuracy {right / len(gold):.3f} [{low:.3f}-{high:.3f}], macro-F1 {macro:.3f} "
          f"[{mlow:.3f}-{mhigh:.3f}], no event {sum(p is None for p in pred) / len(pred):.3f}")
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print("top confusions (gold -> predicted): " + ", ".join(
        f"{g}->{p or 'none'} {n}" for (g, p), n in confusions.most_common(8)))

    rows = []
    for record, doc, c in zip(records, docs, coded, strict=True):
        ours = (c.source_span, c.target_span) if c else (None, None)
        rows.append((record, doc, ours, baseline_roles(doc)))
    print("\nroles: predicted head word inside the marked span, of sentences with one marked")
    print(f"{'role':8s} {'marked':>6s} {'storyline':>22s} {'first subject/object':>22s}")
    misses = []
    for index, (role, key) in enumerate((("source", "gold_source"), ("target", "gold_target"))):
        marked = [(r, d, o, b) for r, d, o, b in rows if r[key]]
        ours = sum(head_inside(d, o[index], r[key]) for r, d, o, b in marked)
        base = sum(head_inside(d, b[index], r[key]) for r, d, o, b in marked)
        lo, hi = wilson(ours, len(marked))
        print(f"{role:8s} {len(marked):6d} {ours / len(marked):>8.3f} [{lo:.3f}-{hi:.3f}] "
              f"{base / len(marked):>22.3f}")
        misses += [(role, r, d, o[index]) for r, d, o, b in marked
                   if not head_inside(d, o[index], r[key])]
    if args.errors:
        for role, record, doc, span in misses[: args.errors]:
            got = doc.text[span[0]:span[1]] if span else None
            print(f"\n[{role}] gold {record['gold_' + role]!r} got {got!r}\n    {record['text']}")


if __name__ == "__main__":
    main()
