"""How well the readers decode real pages, and how fast they read the shared sets.

Decoding: the boilerplate set's 150 gzip HTML pages (many languages and encodings) are read with
`storyline.read.read_path`; a page is decoded right when every gold `with` snippet that can be
found in *some* decoding of it is found in ours. Compared in the same run with two baselines:
UTF-8 with replacement characters (what a naive reader does) and charset-normalizer alone.
Snippets are matched in tag-stripped, entity-unescaped, whitespace-collapsed text.

Legacy encodings: the same pages' visible text re-encoded in cp1252 / cp1250 / cp1251
without any declaration (where the text fits the code page), decoded back; exact recoveries by
our decoder vs charset-normalizer alone. The set has no Cyrillic or Central European pages, so
those trials are Western texts that happen to fit the code page (a harder guess, not easier).

Speed: documents and megabytes per second for reading every JSONL article of BASIL and
Timeline17 and the HTML pages, against json.loads of the same lines as the baseline.

    .venv/bin/python benchmarks/read_decoding.py
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import iter_jsonl, require_shared_data  # noqa: E402

from storyline.errors import Rejection  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.options import Options  # noqa: E402
from storyline.read import iter_documents, read_path  # noqa: E402
from storyline.read.decode import decode_bytes  # noqa: E402

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def visible(markup: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup)))


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def ours(path: Path) -> str:
    (item,) = read_path(path, Options())
    return item.html or "" if isinstance(item, Document) else ""


def naive_utf8(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def detector_only(path: Path) -> str:
    best = from_bytes(gzip.decompress(path.read_bytes())).best()
    return str(best) if best is not None else ""


def decoding_figures(root: Path) -> None:
    gold = list(iter_jsonl(root / "gold.jsonl"))
    decoders: dict[str, Callable[[Path], str]] = {
        "storyline.read": ours,
        "utf-8 (replace)": naive_utf8,
        "charset-normalizer only": detector_only,
    }
    texts: dict[str, dict[str, str]] = {name: {} for name in decoders}
    for record in gold:
        for name, decode in decoders.items():
            texts[name][record["path"]] = visible(decode(root / record["path"]))
    pages_scored = 0
    right = Counter[str]()
    snippets_found = Counter[str]()
    snippets_total = 0
    replacement_pages = Counter[str]()
    for record in gold:
        snippets = [squash(s) for s in record.get("with", []) if squash(s)]
        findable = [s for s in snippets if any(s in texts[n][record["path"]] for n in decoders)]
        if not findable:
            continue
        pages_scored += 1
        snippets_total += len(findable)
        for name in decoders:
            text = texts[name][record["path"]]
            found = sum(s in text for s in findable)
            snippets_found[name] += found
            right[name] += found == len(findable)
            replacement_pages[name] += "\ufffd" in text
    print(
        f"decoding: {len(gold)} boilerplate pages, {pages_scored} with findable gold snippets "
        f"({snippets_total} snippets)"
    )
    for name in decoders:
        print(
            f"  {name:<24} pages fully right {right[name]:>3}/{pages_scored}  "
            f"snippets {snippets_found[name]:>3}/{snippets_total}  "
            f"pages with U+FFFD {replacement_pages[name]:>3}"
        )


def legacy_figures(root: Path) -> None:
    """Re-encode each page's visible text in a legacy code page, undeclared, and decode it back."""
    gold = list(iter_jsonl(root / "gold.jsonl"))
    trials = Counter[str]()
    recovered = Counter[tuple[str, str]]()
    for record in gold:
        text = squash(visible(ours(root / record["path"])))[:3000]
        if text.isascii():
            continue
        for codec in ("cp1252", "cp1250", "cp1251"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            trials[codec] += 1
            recovered[("storyline.read", codec)] += decode_bytes(data) == text
            best = from_bytes(data).best()
            recovered[("charset-normalizer only", codec)] += best is not None and str(best) == text
    print("legacy encodings: visible text of non-ASCII pages, re-encoded without a declaration")
    for name in ("storyline.read", "charset-normalizer only"):
        cells = "  ".join(f"{codec} {recovered[(name, codec)]}/{n}" for codec, n in trials.items())
        print(f"  {name:<24} exactly recovered: {cells}")


def speed_figures(root: Path) -> None:
    files = [root / "basil" / "articles.jsonl", *sorted((root / "timeline17").glob("*/*.jsonl"))]
    size = sum(f.stat().st_size for f in files)
    start = time.perf_counter()
    baseline = 0
    for f in files:
        with f.open("rb") as handle:
            baseline += sum(1 for line in handle if line.strip() and json.loads(line))
    base_seconds = time.perf_counter() - start
    start = time.perf_counter()
    items = list(iter_documents([str(f) for f in files]))
    seconds = time.perf_counter() - start
    docs = sum(isinstance(i, Document) for i in items)
    rejected = Counter(i.reason for i in items if isinstance(i, Rejection))
    print(
        f"speed, JSONL: {docs} documents ({baseline} lines), {size / 1e6:.1f} MB, "
        f"{docs / seconds:,.0f} docs/s, {size / 1e6 / seconds:.1f} MB/s; "
        f"{seconds / base_seconds:.2f}x the time of json.loads alone; rejected {dict(rejected)}"
    )
    pages = sorted((root / "boilerplate" / "html").glob("*.gz"))
    size = sum(p.stat().st_size for p in pages)
    start = time.perf_counter()
    items = list(iter_documents([str(root / "boilerplate" / "html")]))
    seconds = time.perf_counter() - start
    docs = sum(isinstance(i, Document) for i in items)
    start = time.perf_counter()
    for page in pages:
        gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
    base_seconds = time.perf_counter() - start
    print(
        f"speed, gzip HTML: {docs}/{len(pages)} pages, {size / 1e6:.1f} MB compressed, "
        f"{docs / seconds:,.0f} pages/s; {seconds / base_seconds:.2f}x the time of "
        f"gunzip + utf-8 decode alone"
    )


def main() -> None:
    root = require_shared_data()
    decoding_figures(require_shared_data("boilerplate"))
    legacy_figures(require_shared_data("boilerplate"))
    speed_figures(root)


if __name__ == "__main__":
    main()
