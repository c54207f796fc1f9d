"""Cleaning: a `Document` becomes an `Article` whose text is the story and nothing else.

HTML goes through trafilatura and then the line rules; plain text through the line rules and the
outlet profiles. Every line cut is kept in `removed_lines`, so cleaning can always be audited.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import repeat
from urllib.parse import urlsplit

import xxhash

from storyline.clean.body import shipped_model
from storyline.clean.html import HtmlExtract, extract_html
from storyline.clean.lines import (
    PlainClean,
    classify_lines,
    clean_lines,
    join_paragraphs,
    normalize_line,
    split_words,
)
from storyline.clean.plain import clean_page
from storyline.clean.profiles import OutletProfiles
from storyline.clean.stopwords import stoplists
from storyline.errors import Rejection
from storyline.model import Article, Document
from storyline.options import Options

__all__ = [
    "HtmlExtract",
    "OutletProfiles",
    "classify_lines",
    "clean_document",
    "clean_lines",
    "clean_text",
    "date_from_url",
    "detect_language",
    "extract_html",
    "preload_cleaning",
]

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|\D)"
    r"|-(?P<m2>\d{2})-(?P<d2>\d{2})(?!\d))"
)

STOPWORDS_BY_LANGUAGE = {
    "en": "the and of to in is that for on with as was said by at from his are have it be has "
          "an were this which they not but been their who will",
    "de": "der die das und ist nicht mit den von zu ein eine dem des auf für sich im auch es "
          "wurde sind wird bei nach aus einer noch wie",
    "fr": "le la les et des est une pour dans que qui sur pas du au avec il par ont été sont "
          "cette mais aux ses leur plus",
    "es": "el la los las y que del se por una con para es al lo como más pero sus fue ha han "
          "este esta entre sobre también",
    "pt": "o os as e que do da dos das em um uma para com não por se mais foi ao pelo pela "
          "são seu sua também está",
    "it": "il la le di che è un una per con non del della sono nel alla gli dei ha anche "
          "questo come più dalla",
    "nl": "de het een en van is dat op te zijn voor met niet aan er ook als door werd bij "
          "naar uit heeft worden",
    "tr": "ve bir bu da de ile için olarak olan çok daha gibi ama en ise kadar sonra ne her "
          "değil oldu göre şu",
    "ru": "и в не на что с по как он это из к у за от о но же так для был она его также "
          "было были который",
}
_STOPWORD_TUPLES = tuple(
    (lang, tuple(sorted(set(words.split())))) for lang, words in STOPWORDS_BY_LANGUAGE.items()
)
_ZEROS = repeat(0)
MIN_LANGUAGE_WORDS = 8
MIN_STOPWORD_SHARE = 0.12
QUICK_SAMPLE = 1200


def detect_language(text: str) -> str | None:
    """Language by share of common function words: cheap, offline, good enough for news prose.
    Agglutinative languages (Turkish) have fewer function words, so a clear lead over every
    other language also counts; None when the text is too short or no language stands out.
    The first ~1,200 characters decide when one language leads clearly; else ~3,000 do."""
    if len(text) > QUICK_SAMPLE:
        shares = _language_shares(text[:QUICK_SAMPLE])
        if shares and shares[0][0] >= MIN_STOPWORD_SHARE and shares[0][0] >= 3 * shares[1][0]:
            return shares[0][1]
    shares = _language_shares(text[:3000])
    if not shares:
        return None
    (best_share, best), (second_share, _) = shares[0], shares[1]
    if best_share >= MIN_STOPWORD_SHARE or (
        best_share >= MIN_STOPWORD_SHARE / 2 and best_share >= 2 * second_share
    ):
        return best
    return None


def _language_shares(sample: str) -> list[tuple[float, str]]:
    """(share of the words that are the language's function words, language), best first;
    empty when the sample has too few words."""
    words = split_words(sample.lower())
    if len(words) < MIN_LANGUAGE_WORDS:
        return []
    counts = Counter(words)
    found = counts.get
    return sorted(  # ~30 look-ups per language, not one per distinct word of the text
        (sum(map(found, stopwords, _ZEROS)) / len(words), lang)
        for lang, stopwords in _STOPWORD_TUPLES
    )[::-1]


def preload_cleaning() -> None:
    """Load the data every cleaning call needs (stoplists, body model): done once in a parent
    before it forks cleaning workers, they share it rather than each loading its own."""
    stoplists()
    shipped_model()


def date_from_url(url: str | None) -> str | None:
    """`/2020/03/05/` or `2020-03-05` in a URL's path, when it is a real calendar date."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    year = int(match["y"])
    month = int(match["m"] or match["m2"])
    day = int(match["d"] or match["d2"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def clean_plain(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    profiles: OutletProfiles | None = None,
) -> PlainClean:
    """Line rules and the outlet's learnt boilerplate, then the body classifier."""
    learnt = (lambda line: profiles.is_boilerplate(outlet, line)) if profiles else None
    return clean_page(text, title, learnt)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    profiles: OutletProfiles | None = None,
) -> tuple[str, list[str]]:
    """Line rules, then the outlet's learnt boilerplate: (clean text, removed lines)."""
    result = clean_plain(text, title=title, outlet=outlet, profiles=profiles)
    return result.text, result.removed


def _drop_profiled(
    text: str, outlet: str | None, profiles: OutletProfiles | None
) -> tuple[str, list[str]]:
    if profiles is None or not outlet:
        return text, []
    kept: list[str] = []
    removed: list[str] = []
    for line in text.splitlines():
        (removed if profiles.is_boilerplate(outlet, line) else kept).append(line)
    return join_paragraphs(kept), [normalize_line(line) for line in removed]


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def clean_document(
    doc: Document, profiles: OutletProfiles | None = None, options: Options | None = None
) -> Article | Rejection:
    """Clean one document; a document with too little main text left is rejected with E201."""
    options = options or Options()
    raw = doc.html if doc.html else (doc.text or "")
    extract: HtmlExtract | None = None
    if doc.html:
        extract = extract_html(doc.html, doc.url)
        title = doc.title or extract.title
        stated = None
        outlet = (doc.outlet or extract.outlet or doc.extra.get("folder_outlet")
                  or _host(doc.url or extract.url))
        text, profiled = _drop_profiled(extract.text, doc.outlet or outlet, profiles)
        removed = [*extract.removed_lines, *(p for p in profiled if p not in extract.removed_lines)]
        head = extract.removed_head
    else:
        outlet = doc.outlet or _host(doc.url) or doc.extra.get("folder_outlet")
        plain = clean_plain(doc.text or "", title=doc.title, outlet=outlet, profiles=profiles)
        text, removed, title, stated = plain.text, plain.removed, plain.title, plain.published
        head = plain.head
    if len(text.strip()) < options.min_text_chars:
        return Rejection(
            doc.source, "E201",
            f"{len(text.strip())} characters of main text left, at least "
            f"{options.min_text_chars} needed",
        )
    url = doc.url or (extract.url if extract else None)
    published, basis = doc.published, doc.published_basis
    if published:
        basis = basis or "metadata"
    elif extract is not None and extract.published:
        published, basis = extract.published, "html"
    elif (from_url := date_from_url(url)) is not None:
        published, basis = from_url, "url"
    elif stated is not None:
        published, basis = stated, "text"  # a date line of the page, cut from the text
    else:
        basis = None
    return Article(
        id=doc.id,
        source=doc.source,
        outlet=outlet,
        title=title,
        published=published,
        published_basis=basis,
        language=doc.language or detect_language(text),
        text=text,
        removed_lines=removed,
        removed_head=head,
        url=url,
        format=doc.format,
        content_hash=xxhash.xxh3_128_hexdigest(raw.encode("utf-8")),
        extra=dict(doc.extra),
    )
