"""Synthetic near copies of real articles, made with a fixed seed, for the dedup benchmark.

Each transformation mimics one way outlets republish a story: light word edits, truncation,
a header and footer of the republishing outlet, re-wrapped lines with other quote marks, and
combinations of these; a copy can itself be copied. Outlet names and boilerplate are made up.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("edit", "truncate", "boilerplate", "rewrap", "mixed", "chain")

_OUTLETS = (
    "The Harbor Ledger", "Northgate Daily Wire", "Valley Courier Online", "Eastmoor Evening Post",
    "Copperline News Service", "The Lantern Bulletin",
)
_SECTIONS = ("World", "Middle East", "Politics", "Top Stories", "International", "Breaking")
_NAMES = ("Dana Holt", "Iker Mendes", "Priya Raman", "Tom Okafor", "Lena Brandt", "Sam Whitlow")
_HEADERS = (
    "{outlet} | {section}",
    "{section} news from {outlet}, updated throughout the day",
    "Posted by the {outlet} staff to {section}",
    "Listen to this article. Audio is generated automatically by {outlet}",
)
_FOOTERS = (
    "Copyright {year} {outlet}. All rights reserved. This material may not be redistributed.",
    "Sign up for the {outlet} morning briefing and get the day's top stories in your inbox.",
    "Reporting by {name}; additional reporting by {other}; editing by the {section} desk.",
    "Share this story: email, print, or follow {outlet} on social media for more updates.",
    "Read more {section} coverage from {outlet}. Comments are closed for this article.",
)
_QUOTES = {'"': "\u201c", "\u201c": '"', "\u201d": '"', "'": "\u2019", "\u2019": "'"}


@dataclass(frozen=True)
class Copy:
    id: str
    original_id: str
    kind: str
    text: str
    published: str | None


def _words_with_spans(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\S+", text))


def edit_words(text: str, rate: float, vocabulary: Sequence[str], rng: random.Random) -> str:
    """Substitute, insert or delete `rate` of the words at random positions."""
    words = text.split()
    edits = max(1, round(rate * len(words)))
    for position in sorted(rng.sample(range(len(words)), min(edits, len(words))), reverse=True):
        action = rng.choice(("substitute", "insert", "delete"))
        if action == "substitute":
            words[position] = rng.choice(vocabulary)
        elif action == "insert":
            words.insert(position, rng.choice(vocabulary))
        else:
            del words[position]
    return " ".join(words)


def truncate(text: str, keep: float) -> str:
    """The first `keep` share of the words, cut at a word end, original line breaks kept."""
    spans = _words_with_spans(text)
    last = spans[max(0, round(keep * len(spans)) - 1)]
    return text[: last.end()]


def add_boilerplate(text: str, rng: random.Random) -> str:
    """Header and footer lines of a made-up republishing outlet."""
    fill = {
        "outlet": rng.choice(_OUTLETS), "section": rng.choice(_SECTIONS),
        "year": rng.randint(2010, 2020), "name": rng.choice(_NAMES), "other": rng.choice(_NAMES),
    }
    header = [t.format(**fill) for t in rng.sample(_HEADERS, rng.randint(1, 2))]
    footer = [t.format(**fill) for t in rng.sample(_FOOTERS, rng.randint(1, 3))]
    return "\n".join([*header, "", text, "", *footer])


def rewrap(text: str, rng: random.Random) -> str:
    """Lines re-wrapped at another width, quote marks swapped, some double spaces."""
    swapped = "".join(_QUOTES.get(char, char) for char in text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", swapped) if p.strip()]
    width = rng.randint(50, 90)
    wrapped = ["\n".join(textwrap.wrap(p, width=width)) for p in paragraphs]
    return "\n\n".join(wrapped).replace(". ", ".  ")


def _later(published: str | None, rng: random.Random) -> str | None:
    if not published:
        return None
    return (date.fromisoformat(published) + timedelta(days=rng.randint(0, 3))).isoformat()


def make_copy(
    kind: str, text: str, vocabulary: Sequence[str], rng: random.Random
) -> str:
    """One copy of `text` by transformation `kind` ("chain" is an "edit" applied to a copy)."""
    transforms: dict[str, Callable[[str], str]] = {
        "edit": lambda t: edit_words(t, rng.uniform(0.01, 0.10), vocabulary, rng),
        "chain": lambda t: edit_words(t, rng.uniform(0.01, 0.05), vocabulary, rng),
        "truncate": lambda t: truncate(t, rng.uniform(0.60, 0.90)),
        "boilerplate": lambda t: add_boilerplate(t, rng),
        "rewrap": lambda t: rewrap(t, rng),
    }
    if kind != "mixed":
        return transforms[kind](text)
    edited = edit_words(text, rng.uniform(0.01, 0.05), vocabulary, rng)
    shaped = transforms[rng.choice(("truncate", "boilerplate"))](edited)
    return rewrap(shaped, rng)


def make_copies(
    records: Sequence[dict], share: float, seed: int, min_words: int = 80
) -> list[Copy]:
    """Copies of a `share` of the records (those with at least `min_words` words)."""
    rng = random.Random(seed)
    vocabulary = sorted({w for r in records for w in r["text"].split() if w.isalpha()})
    eligible = [r for r in records if len(r["text"].split()) >= min_words]
    chosen = rng.sample(eligible, round(share * len(eligible)))
    copies: list[Copy] = []
    for number, record in enumerate(chosen):
        kind = KINDS[number % (len(KINDS) - 1)]  # "chain" is made from these copies below
        text = make_copy(kind, record["text"], vocabulary, rng)
        copy = Copy(f"{record['id']}~{kind}", record["id"], kind, text,
                    _later(record.get("published"), rng))
        copies.append(copy)
        if number % 3 == 0:
            chained = make_copy("chain", text, vocabulary, rng)
            copies.append(Copy(f"{copy.id}~chain", record["id"], "chain", chained,
                               _later(copy.published, rng)))
    return copies
