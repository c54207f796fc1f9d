"""HTML pages: main text and metadata with trafilatura, then our line rules on what it kept.

trafilatura finds the article block from the markup; its leftovers (teasers, share rows,
captions inside the block) are what the plain-text line rules and chrome classes catch. The
body classifier and body bounds are not used here: the markup already settled the structure,
and on the development pages they lower the figure (0.957 and 0.955 against 0.962).
Everything visible on the page that does not end up in the main text is reported in
`removed_lines`, so a user can see what was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

import htmldate
import trafilatura
import trafilatura.metadata as tmeta
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import line_processing

from storyline.clean.lines import normalize_line
from storyline.clean.plain import clean_page

# Tags whose content a reader never sees as page text.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object",
             "canvas", "select")
# Tags that start a new visual line.
BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside "
    "main blockquote pre figure figcaption dd dt dl form address hr button option caption "
    "details summary label".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum counts them

# Extraction settings, each for a general reason:
# - include_comments=False: reader comments are not the article and carry other people's text;
# - include_tables=True: news tables (results, figures) are part of the story;
# - deduplicate=False: deduplication across calls would make output depend on processing order;
# - original_date: a news page's first publication date, not its last modification.
# - with_metadata=False: trafilatura's metadata step also looks for authors, categories, tags and
#   a licence, a tenth of the page's cost that we never use; `page_metadata` takes only ours.
EXTRACT_SETTINGS = {
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
    "with_metadata": False,
}
QUICK_DATE = {"extensive_search": False, "original_date": True}
# htmldate's extensive search (dates in free text) costs a third of the extraction time; it only
# runs on the few pages whose metadata, URL and markup name no date.
EXTENSIVE_DATE = {"extensive_search": True, "original_date": True}


@dataclass
class HtmlExtract:
    """What one page yields: main text (line rules applied), metadata, and what was cut."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    removed_lines: list[str] = field(default_factory=list)
    removed_head: int = 0
    """How many of `removed_lines` (its first ones) the page shows before its main text."""


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of one page; an unparsable or empty page gives empty text."""
    tree = trafilatura.load_html(html) if html and html.strip() else None
    if tree is None:
        return HtmlExtract("", None, None, None, url, [])
    page_lines = visible_lines(tree)
    title, outlet, published, found_url = page_metadata(tree, url)
    result = trafilatura.bare_extraction(tree, url=url or found_url, **EXTRACT_SETTINGS)
    raw_text = (result.text or "") if result is not None else ""
    if published is None:
        published = htmldate.find_date(tree, url=found_url, **EXTENSIVE_DATE) or None
    cleaned = clean_page(raw_text, title, structure=False)
    text, rule_removed = cleaned.text, cleaned.removed
    removed, head = removed_and_head(page_lines, text, rule_removed)
    return HtmlExtract(text, title, outlet, published, url or found_url, removed, head)


def page_metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None,
                                                              str | None, str | None]:
    """(title, site name, date, URL) of a page from its meta tags, JSON-LD, title elements and
    htmldate, through trafilatura's metadata helpers: the fields we use and no others."""
    meta = tmeta.examine_meta(tree)
    try:
        meta = tmeta.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - malformed JSON-LD in a page is common; meta tags remain
        pass
    title = meta.title or tmeta.extract_title(tree)
    found_url = meta.url or tmeta.extract_url(tree, url)
    published = htmldate.find_date(tree, url=found_url, **QUICK_DATE) or None
    site = meta.sitename or tmeta.extract_sitename(tree)
    if site:
        site = site.lstrip("@")  # a Twitter handle
        if site and "." not in site and not site[0].isupper():
            site = site.title()
    elif found_url:
        host = tmeta.META_URL.match(found_url)
        site = host[1] if host else None
    return _tidy(title), _tidy(site), published, found_url


def _tidy(value: str | None) -> str | None:
    """A metadata value as trafilatura tidies it (entities decoded, control and invisible
    characters dropped: `Harper&#039;s` -> Harper's), then whitespace-normalized like a line."""
    tidied = line_processing(unescape(value)) if value else None
    return normalize_line(tidied) or None if tidied else None


def visible_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, one line per visual block, whitespace-normalized. The tree is
    walked as it is (no copy), skipping invisible subtrees but keeping the text after them."""
    text = "".join(_visible_text(tree))
    lines = (normalize_line(line) for line in text.split("\n"))
    return [line for line in lines if line and _ALNUM.search(line)]


def _visible_text(root: HtmlElement) -> list[str]:
    out: list[str] = []
    # lxml's own walk (no recursion, so deep pages are fine); an invisible element's subtree is
    # skipped, and its end event then gives only its tail
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped = None
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if not isinstance(tag, str):  # comments and processing instructions
                continue
            name = tag.lower()
            style = element.get("style")
            if (name in INVISIBLE or element.get("hidden") is not None
                    or (style and _HIDDEN_STYLE.search(style))):
                walker.skip_subtree()
                skipped = element
                continue
            if name in BLOCKS:
                out.append("\n")
            if element.text:
                out.append(element.text)
            continue
        if element is not skipped and isinstance(tag, str) and tag.lower() in BLOCKS:
            out.append("\n")
        if element is not root and element.tail:
            out.append(element.tail)
    return out


def removed_from_page(page_lines: list[str], text: str, rule_removed: list[str]) -> list[str]:
    """Visible lines that are not part of the main text, then lines the rules cut, once each
    and in page order."""
    return removed_and_head(page_lines, text, rule_removed)[0]


def removed_and_head(page_lines: list[str], text: str,
                     rule_removed: list[str]) -> tuple[list[str], int]:
    """`removed_from_page`, and how many of those lines the page shows before the first visible
    line of the main text (none when the main text starts no visible line)."""
    kept = _SPACE.sub(" ", text)
    seen: set[str] = set()
    removed: list[str] = []
    head: int | None = None
    for k, line in enumerate([*page_lines, *rule_removed]):
        if not line or line in seen:
            continue
        seen.add(line)
        if line not in kept:
            removed.append(line)
        elif head is None and k < len(page_lines):
            head = len(removed)
    return removed, head or 0
