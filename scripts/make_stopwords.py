"""Write src/storyline/data/stopwords.json.gz from jusText's stoplists.

jusText (https://github.com/miso-belica/jusText, BSD 2-Clause licence) ships frequent-word lists
for 100 languages, made from Wikipedia. The cleaner uses them for what jusText uses them for: the
share of a block's words that are a language's common words tells running prose from labels,
menus and headlines, in any of those languages. We keep single words only (no numbers, no
punctuation glued on), lower-cased and sorted, so the file is small and the same on every run.

    .venv/bin/python scripts/make_stopwords.py   (jusText is installed with trafilatura)
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import justext

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "stopwords.json.gz"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def main() -> None:
    lists = {
        name: sorted({w.lower() for w in justext.get_stoplist(name) if WORD.fullmatch(w)})
        for name in sorted(justext.get_stoplists())
    }
    payload = json.dumps(
        {"source": "jusText stoplists (BSD 2-Clause), converted by scripts/make_stopwords.py",
         "languages": lists},
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    ).encode("utf-8")
    OUT.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    print(f"{OUT.name}: {len(lists)} languages, {sum(map(len, lists.values()))} words, "
          f"{OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
