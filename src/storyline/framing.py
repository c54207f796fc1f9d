"""Framing: how each outlet tells the same story, compared per (story, outlet).

Four views a reader can check against the articles: the words an outlet uses for each actor
(labels), loaded words from our own lexicon (`data/framing_lexicon.json`), words typical of the
outlet against the story's other outlets (weighted log-odds with an informative Dirichlet prior,
Monroe, Colaresi & Quinn 2008), and the facts (event tuples, numbers with units) it reports or
leaves out. A copy of a wire story counts for the outlet that published it: the reader of that
outlet read it there.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from storyline.model import Article, Story

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DISTINCTIVE_Z = 1.96
"""Two-sided 5% level: a word is reported as distinctive of an outlet only above it."""
DISTINCTIVE_TOP = 10
PRIOR_WEIGHT = 0.1
"""alpha0 of the prior as a multiple of the story's word count. The prior ranks rare words by
the corpus's habits; at a tenth of the evidence it steadies them without drowning a story whose
outlets wrote a few hundred words each (at 1.0 hardly any word of such a story passes z 1.96)."""
MAX_LABEL_TOKENS = 8
"""A longer phrase around a mention is more than a label; the mention alone is kept instead."""
UNKNOWN_OUTLET = "unknown"

# ---------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """Loaded terms and their categories, compiled into one longest-match-first pattern."""

    terms: tuple[tuple[str, str], ...]
    """(term, category), longest term first: the order the pattern tries them in."""
    pattern: re.Pattern[str]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Lexicon:
        pairs: dict[str, str] = {}
        for category, entry in data["categories"].items():
            for term in entry["terms"]:
                key = " ".join(term.casefold().split())
                if key in pairs and pairs[key] != category:
                    raise ValueError(f"lexicon term {term!r} is in {pairs[key]} and {category}")
                pairs[key] = category
        terms = tuple(sorted(pairs.items(), key=lambda tc: (-len(tc[0]), tc[0])))
        alternatives = "|".join(f"({_term_regex(term)})" for term, _ in terms)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?![\w-])", re.IGNORECASE)
        return cls(terms, pattern)

    def find(self, text: str) -> Iterable[tuple[str, str]]:
        """(term, category) of every loaded term in the text; each stretch counts once."""
        for match in self.pattern.finditer(_for_matching(text)):
            index = match.lastindex
            if index is not None:
                yield self.terms[index - 1]

    def contains(self, text: str) -> bool:
        return any(True for _ in self.find(text))


def _term_regex(term: str) -> str:
    words = [re.escape(w) for w in term.split()]
    words[-1] += "(?:e?s)?"  # plural of the last word: "terrorist" finds "terrorists"
    return r"\s+".join(words)


def _for_matching(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u2019", "'")


@functools.cache
def load_lexicon() -> Lexicon:
    """Our own documented lexicon, compiled once per process."""
    raw = resources.files("storyline").joinpath("data", "framing_lexicon.json").read_text("utf-8")
    return Lexicon.from_mapping(json.loads(raw))


# ------------------------------------------------------------------------------------ log-odds


def informative_prior(corpus_counts: Mapping[str, int], alpha0: float) -> dict[str, float]:
    """Dirichlet pseudo-counts alpha_w = alpha0 * corpus share of w."""
    total = sum(corpus_counts.values())
    if total == 0:
        return {}
    return {w: alpha0 * c / total for w, c in corpus_counts.items()}


def weighted_log_odds(
    counts_i: Mapping[str, int], counts_j: Mapping[str, int], prior: Mapping[str, float]
) -> dict[str, float]:
    """z-score of each word's log-odds ratio, i against j, shrunk toward the prior (Monroe et
    al. 2008, eq. 16-22): positive means typical of i. Words absent from the prior get a tiny
    pseudo-count so they stay finite without the prior ever vouching for them."""
    n_i, n_j = sum(counts_i.values()), sum(counts_j.values())
    alpha0 = sum(prior.values())
    floor = 0.01
    scores: dict[str, float] = {}
    for word in set(counts_i) | set(counts_j):
        alpha = max(prior.get(word, 0.0), floor)
        y_i, y_j = counts_i.get(word, 0) + alpha, counts_j.get(word, 0) + alpha
        delta = math.log(y_i / (n_i + alpha0 - y_i)) - math.log(y_j / (n_j + alpha0 - y_j))
        scores[word] = delta / math.sqrt(1.0 / y_i + 1.0 / y_j)
    return scores


_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
"""Words, with inner hyphens and apostrophes, and dotted abbreviations ("U.N.") kept whole."""


def word_counts(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.casefold().replace("\u2019", "'") for w in _WORD.findall(text))
    return counts


FUNCTION_WORDS = frozenset(
    "a an the and or but nor so yet of to in on at for by with from into onto over under about "
    "as than that this these those there here is was are were be been being am has had have "
    "having do does did it its it's which who whom whose what when where while if then also "
    "not no only very just more most such other same own each both all any some can could "
    "will would shall should may might must".split()
)
"""Not reported as distinctive; pronouns stay, since "our" and "we" can be the framing."""


def distinctive_terms(
    counts_i: Mapping[str, int], counts_j: Mapping[str, int], prior: Mapping[str, float],
    top: int = DISTINCTIVE_TOP, threshold: float = DISTINCTIVE_Z,
) -> list[dict[str, Any]]:
    """The outlet's most distinctive content words above the z threshold, best first."""
    scores = weighted_log_odds(counts_i, counts_j, prior)
    kept = [(w, z) for w, z in scores.items()
            if z > threshold and len(w) > 1 and w not in FUNCTION_WORDS and counts_i.get(w, 0)]
    kept.sort(key=lambda wz: (-wz[1], wz[0]))
    return [{"term": w, "score": round(z, 3)} for w, z in kept[:top]]


# -------------------------------------------------------------------------------------- labels

_LABEL_MODIFIERS = frozenset(
    {"det", "amod", "compound", "nmod", "advmod", "poss", "case", "npadvmod", "punct"}
)
_NOUNS = frozenset({"NOUN", "PROPN"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def label_spans(
    doc: Doc, start: int, end: int, adjectival: bool, lexicon: Lexicon
) -> list[tuple[int, int]]:
    """Character spans of the phrases naming the actor at this mention.

    First the mention with the modifiers to its left; an adjective ("Turkish" in "the Turkish
    regime") or a name compounded into a loaded noun ("Nusra terrorists") stands for the noun
    it modifies, so that noun's phrase is taken. Then, when the mention is tied to a loaded
    noun elsewhere ("terrorist organizations such as the PKK", "the terrorist groups of
    Jabhat al-Nusra", "HTS, the strongest armed group"), that noun's phrase as well."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    root = noun = span.root
    if (root.dep_ in ("amod", "compound") and not _coordinated(root)
            and root.head.i >= span.end and root.head.i - span.end < 3
            and root.head.pos_ in _NOUNS
            and (adjectival or root.pos_ == "ADJ" or lexicon.contains(root.head.text))):
        noun = root.head
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
            noun = noun.head  # "Russian peacekeeping efforts": the phrase ends at its head
    first = min(span.start, _left_edge(noun))
    last = max(span.end, noun.i + 1)
    if last - first > MAX_LABEL_TOKENS:
        first, last = span.start, span.end
    spans = [(first, last)]
    framing = _framing_noun(root)
    if framing is not None:
        phrase = (_left_edge(framing), framing.i + 1)
        if phrase[1] - phrase[0] <= MAX_LABEL_TOKENS and lexicon.contains(_text(doc, phrase)):
            spans.append(phrase)
    return [(doc[f].idx, doc[la - 1].idx + len(doc[la - 1].text)) for f, la in spans]


def _framing_noun(root: Token) -> Token | None:
    """The noun a mention is presented as: "X such as <m>", "X of <m>", "<m>, X" or "X <m>"."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "as") and head.head.pos_ in _NOUNS:
        return head.head
    if root.dep_ == "appos" and head.pos_ in _NOUNS:
        return head
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in _NOUNS:
            return child
    return None


def _text(doc: Doc, bounds: tuple[int, int]) -> str:
    return doc[bounds[0] : bounds[1]].text


def _coordinated(token: Token) -> bool:
    return any(child.dep_ in ("cc", "conj") for child in token.children)


def _left_edge(noun: Token) -> int:
    """Start of the unbroken run of modifiers left of the noun; numbers and coordinated
    modifiers ("Russian and Turkish forces") are not part of how one actor is named."""
    edge = noun.i
    for child in reversed(list(noun.lefts)):
        if (child.dep_ not in _LABEL_MODIFIERS or child.right_edge.i != edge - 1
                or any(_coordinated(t) for t in child.subtree)):
            break
        edge = child.left_edge.i
    return edge


def clean_label(text: str) -> str:
    """A label as a reader would quote it: one line, no leading article or trailing 's."""
    text = " ".join(text.split()).strip(" \"'\u201c\u201d\u2018\u2019,.;:()-\u2013\u2014")
    text = _POSSESSIVE.sub("", _ARTICLE.sub("", text)).strip()
    return text


def article_labels(
    doc: Doc, mentions: Sequence[Mapping[str, Any]], lexicon: Lexicon
) -> list[tuple[str, str]]:
    """(actor name, label) for every normalized actor mention, once per phrase."""
    seen: set[tuple[str, int, int]] = set()
    found: list[tuple[str, str]] = []
    for mention in sorted(mentions, key=lambda m: (m["start"], m["end"])):
        name = (mention.get("actor") or {}).get("name")
        if not name:
            continue
        adjectival = mention.get("label") == "NORP"
        for bounds in label_spans(doc, mention["start"], mention["end"], adjectival, lexicon):
            if (name, *bounds) in seen:
                continue
            seen.add((name, *bounds))
            label = clean_label(doc.text[bounds[0] : bounds[1]])
            if label:
                found.append((name, label))
    return found


# --------------------------------------------------------------------------------------- facts

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_UNIT_ALIASES = {"km": "kilometre", "kilometer": "kilometre", "ton": "tonne", "%": "percent",
                 "per cent": "percent", "pct": "percent", "metre": "metre", "meter": "metre"}
_NOT_UNITS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december"})


def number_value(words: Sequence[str]) -> float | None:
    """"thirty-three" -> 33, "26,000" -> 26000, "3.6 million" -> 3600000; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        word = raw.casefold()
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
        elif word in ("-", "and") and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number(token: Token) -> bool:
    word = token.lower_
    return bool(_DIGITS.match(word)) or word in _UNITS or word in _SCALES


def number_facts(doc: Doc) -> list[tuple[float | int, str, str]]:
    """(value, unit lemma, as written) for each number that counts something: "33 soldiers",
    "thirty-three of our soldiers", "26,000 tonnes". Bare numbers (years, dates) are skipped."""
    facts: list[tuple[float | int, str, str]] = []
    i = 0
    while i < len(doc):
        if not _is_number(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (_is_number(doc[j]) or (
                doc[j].text == "-" and j + 1 < len(doc) and _is_number(doc[j + 1]))):
            j += 1
        value = number_value([t.text for t in doc[i:j]])
        unit = _unit_of(doc, i, j)
        if value is not None and unit is not None:
            lemma, at = unit
            number: float | int = int(value) if value.is_integer() else value
            facts.append((number, lemma, " ".join(doc[i : max(at, j - 1) + 1].text.split())))
        i = j
    return facts


def _unit_of(doc: Doc, i: int, j: int) -> tuple[str, int] | None:
    """The counted noun as a lemma, with its token index: head of the number, the next word,
    or the noun after "of" ("33 of its soldiers")."""
    last = doc[j - 1]
    if i > 0 and doc[i - 1].pos_ in _NOUNS and doc[i].head.i == i - 1:
        return None  # the number names a thing: "Article 4", "Resolution 2672"
    candidates: list[Token] = []
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.i >= j:
        candidates.append(last.head)
    if j < len(doc):
        after = doc[j]
        if after.lower_ == "of":
            candidates.extend(c for c in after.children if c.dep_ == "pobj")
        else:
            candidates.append(after)
    for token in candidates:
        if token.pos_ == "NOUN" or token.text == "%":
            lemma = token.lemma_.casefold() if token.text != "%" else "%"
            if lemma in _NOT_UNITS:
                return None
            return _UNIT_ALIASES.get(lemma, lemma), token.i
    return None


def event_fact(event: Mapping[str, Any]) -> tuple[str, str | None, str | None] | None:
    """(type, source name, target name) with only normalized actors; None when neither is."""
    source, target = _actor_name(event.get("source")), _actor_name(event.get("target"))
    if source is None and target is None:
        return None
    return str(event.get("type")), source, target


def _actor_name(actor: Mapping[str, Any] | None) -> str | None:
    if not actor or not actor.get("kind"):
        return None  # the coder's fallback words ("it", "the deal") are not actors
    name = actor.get("name")
    return str(name) if name else None


# ----------------------------------------------------------------------------------- comparison

FactKey = tuple[Any, ...]


@dataclass
class _OutletView:
    """Everything one outlet published in one story, pooled over its articles."""

    labels: Counter[tuple[str, str]]
    written: defaultdict[tuple[str, str], Counter[str]]
    loaded: Counter[tuple[str, str]]
    words: Counter[str]
    facts: dict[FactKey, dict[str, Any]]

    @classmethod
    def empty(cls) -> _OutletView:
        return cls(Counter(), defaultdict(Counter), Counter(), Counter(), {})

    def add(self, article: Article, doc: Doc, mentions: Sequence[Mapping[str, Any]],
            events: Sequence[Mapping[str, Any]], lexicon: Lexicon) -> None:
        for actor, label in article_labels(doc, mentions, lexicon):
            key = (actor, label.casefold())
            self.labels[key] += 1
            self.written[key][label] += 1
        self.loaded.update(lexicon.find(article.text))
        self.words.update(word_counts([article.text]))
        for event in events:
            fact = event_fact(event)
            if fact is not None:
                self.facts.setdefault(("event", *fact), {
                    "kind": "event", "type": fact[0], "source": fact[1], "target": fact[2]})
        for value, unit, written in number_facts(doc):
            self.facts.setdefault(("number", value, unit), {
                "kind": "number", "value": value, "unit": unit, "text": written})

    def label_records(self) -> list[dict[str, Any]]:
        records = []
        for (actor, folded), count in self.labels.items():
            forms = self.written[(actor, folded)]
            term = min(forms, key=lambda f: (-forms[f], sum(c.isupper() for c in f), f))
            records.append({"actor": actor, "term": term, "count": count})
        records.sort(key=lambda r: (r["actor"], -r["count"], r["term"].casefold(), r["term"]))
        return records

    def loaded_records(self) -> list[dict[str, Any]]:
        records = [{"term": t, "category": c, "count": n} for (t, c), n in self.loaded.items()]
        records.sort(key=lambda r: (r["category"], -r["count"], r["term"]))
        return records


def _fact_order(key: FactKey) -> tuple[str, ...]:
    return tuple("" if part is None else f"{part:020.4f}" if isinstance(part, int | float)
                 else str(part) for part in key)


def compare_framing(
    stories: Sequence[Story],
    articles: Sequence[Article],
    events: Sequence[dict],
    mentions: Mapping[str, Sequence[dict]],
) -> list[dict]:
    """One `framing.jsonl` record per (story, outlet), sorted by story id then outlet.

    `mentions` maps article id to its actor mentions (store rows: text, label, start, end,
    actor). The prior for distinctive terms comes from every article given, so a word common
    in the whole corpus is not distinctive of an outlet merely because this story is short."""
    from storyline.nlp import load_nlp

    lexicon = load_lexicon()
    by_id = {a.id: a for a in articles}
    corpus_words = word_counts(a.text for a in articles)
    events_of: defaultdict[str, list[dict]] = defaultdict(list)
    for event in events:
        events_of[str(event.get("article_id"))].append(event)
    wanted = sorted({aid for s in stories for aid in s.article_ids if aid in by_id})
    docs = dict(zip(wanted, load_nlp().pipe(by_id[aid].text for aid in wanted), strict=True))

    records: list[dict] = []
    for story in sorted(stories, key=lambda s: s.id):
        views: dict[str, _OutletView] = {}
        for aid in sorted(set(story.article_ids) & by_id.keys()):
            article = by_id[aid]
            view = views.setdefault(article.outlet or UNKNOWN_OUTLET, _OutletView.empty())
            view.add(article, docs[aid], mentions.get(aid, ()), events_of.get(aid, ()), lexicon)
        story_size = sum(sum(v.words.values()) for v in views.values())
        prior = informative_prior(corpus_words, PRIOR_WEIGHT * story_size)
        for outlet in sorted(views):
            records.append(_record(story.id, outlet, views, prior))
    return records


def _record(story_id: str, outlet: str, views: Mapping[str, _OutletView],
            prior: Mapping[str, float]) -> dict[str, Any]:
    view = views[outlet]
    others = [o for o in sorted(views) if o != outlet]
    other_words: Counter[str] = Counter()
    reported_by: defaultdict[FactKey, list[str]] = defaultdict(list)
    first_seen: dict[FactKey, dict[str, Any]] = {}
    for other in others:
        other_words.update(views[other].words)
        for key, fact in views[other].facts.items():
            reported_by[key].append(other)
            first_seen.setdefault(key, fact)
    missing = [{**first_seen[k], "reported_by": reported_by[k]}
               for k in sorted(set(reported_by) - set(view.facts), key=_fact_order)]
    return {
        "story_id": story_id,
        "outlet": outlet,
        "labels": view.label_records(),
        "loaded_terms": view.loaded_records(),
        "distinctive_terms": distinctive_terms(view.words, other_words, prior) if others else [],
        "facts_covered": [view.facts[k] for k in sorted(view.facts, key=_fact_order)],
        "facts_missing": missing,
    }
