"""Write src/storyline/data/cameo_lexicon.json from PETRARCH2's CAMEO verb dictionary and
PLOVER's CAMEO→PLOVER table.

Inputs (not in this repository; pass their paths):

- `CAMEO.2.0.txt` from PETRARCH2 (https://github.com/openeventdata/petrarch2, file
  `petrarch2/data/dictionaries/CAMEO.2.0.txt`, MIT licence, Open Event Data Alliance): verb
  synsets (`---  NAME   [code]  ---`), their verb forms (each may carry its own `[code]`), and
  verb patterns (`- * SANCTIONS AGAINST  [163]`: what follows the verb, with `(PREP NOUN)`
  phrases, `{MULTI WORD}` nouns and `&SYNONYM` sets).
- `CAMEO2PLOVER-2021.txt` from PLOVER (https://github.com/openeventdata/PLOVER, CC BY-SA 4.0):
  one line per CAMEO code, `code: TYPE, mode, context # description`.

Each CAMEO code is looked up in the table (the longest prefix the table has: 4, 3, then 2
digits). CAMEO 01 (public statements) is dropped, as the PLOVER manual says. CAMEO 02 (appeals)
is dropped by the manual too, but what it holds ("appeal for aid", "plead for release") is what
PLOVER's REQUEST defines ("make a request or demand"), so it is written as REQUEST, with the
table's REQUEST modes for the same third digit (the 02x and 10x trees are parallel in CAMEO).
That is our one deviation from the table; the output says so.

Written: `verbs` (verb lemma or "verb particle" → [type, mode, CAMEO code]), `synsets` (verb →
the CAMEO synsets it is listed in), `patterns` (synset → "[particle] noun", "prep noun",
"particle" or "prep" → [type, mode, code], or null where CAMEO says the pattern is no event) and
`sets` (CAMEO's noun synonym sets, "&weapon" → nouns, which patterns name). Nouns are lower-cased
heads (the last word of a multi-word noun) in the singular form `noun_key` gives; where several
CAMEO lines give one key, the PLOVER type most of them give wins (ties: the first in the file).

    .venv/bin/python scripts/make_cameo_lexicon.py CAMEO.2.0.txt CAMEO2PLOVER-2021.txt \
        [--petrarch-commit SHA] [--plover-commit SHA]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from storyline.events.generated import noun_key  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "cameo_lexicon.json"

PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "over", "in", "on", "forward",
                       "aside", "around", "through", "together", "apart", "along", "ahead"})
PREPOSITIONS = frozenset({"to", "for", "against", "with", "into", "on", "in", "at", "from", "of",
                          "by", "about", "over", "under", "upon", "toward", "towards", "behind",
                          "before", "after", "across", "between", "among", "near", "onto",
                          "without", "within", "through", "as", "like"})
APPEAL_AS_REQUEST = True
"""CAMEO 02x written as REQUEST (see the module text)."""
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")
FORMS = re.compile(r"\{[^}]*\}")
PIECE = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def clean_word(word: str) -> str:
    """A dictionary word as text: lower case, `_` (PETRARCH's space / no-suffix mark) as space."""
    return " ".join(word.replace("_", " ").lower().split())


def parse_code(text: str) -> str | None:
    """`[163]` → "163"; `[042:043]` → "042" (the source's code); `[:173]` → "173"; `[---]` and
    `[]` → None (CAMEO's "no event")."""
    for part in text.replace("!", "").split(":"):
        part = part.strip()
        if part and part != "---":
            return part
    return None


def parse_synonyms(lines: Iterable[str]) -> dict[str, list[str]]:
    """`&NAME` followed by `+WORD` lines → {"&name": ["word", …]} (head nouns, as keyed)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.split()[0].lower().rstrip("_")
            sets.setdefault(current, [])
        elif line.startswith("+") and current is not None:
            word = clean_word(FORMS.sub("", line[1:]).split("[")[0])
            if word:
                key = noun_key(word.split()[-1])
                if key not in sets[current]:
                    sets[current].append(key)
        elif not line:
            current = None
    return sets


def parse_pattern(text: str) -> tuple[str, ...] | None:
    """What follows the verb in one pattern line, as the words the coder keys on: ("sanction",)
    for an object noun, ("down", "riot") for particle + object, ("into", "allegation") for a
    prepositional phrase, ("off",) or ("to",) alone, ("&food",) for a synonym set. None when the
    pattern needs words before the verb (a subject) or names nothing we can match."""
    body = CODE.split(text.split("#", 1)[0], 1)[0]
    if "*" not in body:
        return None
    before, after = body.split("*", 1)
    if before.strip(" -\t"):
        return None  # "- &MILITARY * BUILDUP": a subject noun, which the coder does not key on
    particle: str | None = None
    obj: str | None = None
    phrase: tuple[str, str | None] | None = None
    for piece in PIECE.findall(after):
        if piece in ("$", "^", "+", "%", "@", "-", "/"):
            continue
        if piece.startswith("("):
            words = [w for w in piece.strip("()").replace("{", " ").replace("}", " ").split()
                     if w not in ("$", "^", "+", "%")]
            if phrase is None and words:
                phrase = (clean_word(words[0]), _head(words[-1]) if len(words) > 1 else None)
            continue
        if piece.startswith("{"):
            words = piece.strip("{}").split()
            if obj is None and words:
                obj = _head(words[-1])
            continue
        word = clean_word(piece)
        if not word:
            continue
        if piece.startswith("&"):
            obj = obj or _head(piece)
        elif obj is None and particle is None and word in PARTICLES:
            particle = word
        elif obj is None and word not in PREPOSITIONS:
            obj = _head(word)
    lead = (particle,) if particle else ()
    if obj:
        return (*lead, obj)
    if phrase is not None and phrase[1]:
        return (*lead, phrase[0], phrase[1])
    if particle:
        return (particle,)
    if phrase is not None:
        return (phrase[0],)
    return None


def _head(word: str) -> str:
    """The head noun of one pattern word, as keyed; a `&SET` stays its lower-cased name."""
    if word.startswith("&"):
        return word.lower().rstrip("_")
    cleaned = clean_word(word)
    return noun_key(cleaned.split()[-1]) if cleaned else ""


def parse_verbs(lines: list[str]) -> tuple[list[tuple[str, str, str | None]],
                                           list[tuple[str, str, str | None]]]:
    """The verb section: (synset, verb, CAMEO code) per verb form line and (synset, key, code)
    per pattern, the key being the words after the verb joined by spaces. A verb form without
    its own code takes its synset's; a pattern without a code, too."""
    verbs: list[tuple[str, str, str | None]] = []
    patterns: list[tuple[str, str, str | None]] = []
    synset = ""
    synset_code: str | None = None
    for raw in lines:
        header = HEADER.match(raw)
        if header:
            synset = header.group(1).lower()
            synset_code = parse_code(header.group(2))
            continue
        stripped = raw.split("#", 1)[0].strip()
        if not stripped:
            continue
        if stripped.startswith("-"):
            code = m.group(1) if (m := CODE.search(stripped)) else None
            key = parse_pattern(stripped[1:])
            if key is not None and synset:
                patterns.append((synset, " ".join(key),
                                 parse_code(code) if code is not None else synset_code))
            continue
        word = FORMS.sub("", stripped)
        code_match = CODE.search(word)
        word = CODE.sub("", word).strip()
        if not word or word.startswith(("&", "~")) or not synset:
            continue
        verb = clean_word(word.lstrip("+").split()[0])
        if verb:
            verbs.append((synset, verb, parse_code(code_match.group(1)) if code_match
                          else synset_code))
    return verbs, patterns


def split_sections(text: str) -> tuple[list[str], list[str]]:
    """Synonym-set lines and verb-pattern lines of CAMEO.2.0.txt."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")),
               len(lines))
    return lines[:start], lines[start + 1:end]


def parse_table(text: str) -> dict[str, tuple[str, str | None]]:
    """CAMEO2PLOVER lines `0841: RETREAT, release,   legal # …` → {"0841": ("RETREAT",
    "release")}; a root line `03: AGREE` gives the root. The first line of a code wins."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        if not fields or not fields[0].isalpha():
            continue
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        table.setdefault(match.group(1), (fields[0].upper(), mode))
    return table


def to_plover(code: str | None, table: dict[str, tuple[str, str | None]]
              ) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO code: the table's entry for its longest known
    prefix; CAMEO 01 dropped; CAMEO 02x as REQUEST with the mode of 10x."""
    if code is None or not code[:2].isdigit() or code.startswith("01"):
        return None
    if code.startswith("02"):
        if not APPEAL_AS_REQUEST:
            return None
        parallel = to_plover("10" + code[2:], table)
        return ("REQUEST", parallel[1] if parallel else None)
    for length in (4, 3, 2):
        if len(code) >= length and code[:length] in table:
            return table[code[:length]]
    return None


def _vote(entries: list[tuple[str | None, tuple[str, str | None] | None]]) -> list | None:
    """Most frequent PLOVER type among one key's CAMEO lines (ties: the first line); None when
    "no event" wins."""
    counts = Counter(plover[0] if plover else None for _, plover in entries)
    best = max(counts.values())
    for code, plover in entries:
        kind = plover[0] if plover else None
        if counts[kind] == best:
            return [plover[0], plover[1], code] if plover else None
    return None


def build(cameo_text: str, table_text: str) -> dict:
    """The whole table from the two files' texts."""
    syn_lines, verb_lines = split_sections(cameo_text)
    sets = parse_synonyms(syn_lines)
    verbs, patterns = parse_verbs(verb_lines)
    table = parse_table(table_text)
    by_verb: dict[str, list] = defaultdict(list)
    synsets: dict[str, list[str]] = defaultdict(list)
    for synset, verb, code in verbs:
        if synset not in synsets[verb]:
            synsets[verb].append(synset)
        if code is not None:
            by_verb[verb].append((code, to_plover(code, table)))
    by_pattern: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for synset, key, code in patterns:
        by_pattern[synset][key].append((code, to_plover(code, table)))
    verb_table = {v: _vote(e) for v, e in sorted(by_verb.items())}
    used_sets = {w for keys in by_pattern.values() for k in keys for w in k.split()
                 if w.startswith("&")}
    return {
        "verbs": {v: e for v, e in verb_table.items() if e is not None},
        "synsets": {v: s for v, s in sorted(synsets.items())},
        "patterns": {s: {k: _vote(e) for k, e in sorted(keys.items())}
                     for s, keys in sorted(by_pattern.items())},
        "sets": {s: sorted(w) for s, w in sorted(sets.items()) if s in used_sets},
        "counts": {"verb_forms": len(verbs), "verb_lemmas": len(synsets),
                   "synsets": len({s for s, _, _ in verbs}), "pattern_lines": len(patterns),
                   "synonym_sets": len(sets)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cameo", type=Path, help="PETRARCH2's CAMEO.2.0.txt")
    parser.add_argument("table", type=Path, help="PLOVER's CAMEO2PLOVER-2021.txt")
    parser.add_argument("--petrarch-commit", default="unknown")
    parser.add_argument("--plover-commit", default="unknown")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    built = build(args.cameo.read_text(encoding="utf-8", errors="replace"),
                  args.table.read_text(encoding="utf-8", errors="replace"))
    source = {
        "generated_by": "scripts/make_cameo_lexicon.py",
        "verbs_and_patterns": {
            "work": "PETRARCH2 CAMEO verb dictionary, CAMEO.2.0.txt (Open Event Data Alliance; "
                    "TABARI CAMEO dictionaries and WordNet synonym sets)",
            "url": "https://github.com/openeventdata/petrarch2/blob/master/petrarch2/data/"
                   "dictionaries/CAMEO.2.0.txt",
            "commit": args.petrarch_commit,
            "licence": "MIT (Copyright (c) 2015 Open Event Data Alliance)",
        },
        "cameo_to_plover": {
            "work": "PLOVER CAMEO to PLOVER conversion table, CAMEO2PLOVER-2021.txt (Philip "
                    "Schrodt, PLOVER manual draft 0.8, 2021)",
            "url": "https://github.com/openeventdata/PLOVER/blob/master/CAMEO2PLOVER-2021.txt",
            "commit": args.plover_commit,
            "licence": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
        },
        "deviations": "CAMEO 01 dropped (as the PLOVER manual); CAMEO 02 (appeal) written as "
                      "REQUEST with the mode of the parallel 10x code",
        "format": "verbs: lemma -> [PLOVER type, mode, CAMEO code]; synsets: lemma -> CAMEO "
                  "synsets; patterns: synset -> {'[particle] noun' | 'prep noun' | 'particle' | "
                  "'prep' -> [type, mode, code] or null (CAMEO: no event)}; sets: '&name' -> "
                  "nouns",
    }
    args.out.write_text(_compact(source, built), encoding="utf-8")
    print(f"{args.out.name}: {len(built['verbs'])} verbs with a type, "
          f"{sum(map(len, built['patterns'].values()))} patterns in {len(built['patterns'])} "
          f"synsets, {args.out.stat().st_size} bytes; {built['counts']}")


def _compact(source: dict, built: dict) -> str:
    """One entry per line, so the committed table diffs line by line."""
    out = ["{", f'"source": {json.dumps(source, ensure_ascii=False, indent=1)},',
           f'"counts": {json.dumps(built["counts"])},']
    names = ("verbs", "synsets", "patterns", "sets")
    for n, name in enumerate(names):
        items = list(built[name].items())
        out.append(f'"{name}": {{')
        for i, (key, value) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            out.append(f"{json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}{comma}")
        out.append("}," if n < len(names) - 1 else "}")
    out.append("}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
