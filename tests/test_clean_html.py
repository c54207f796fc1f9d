"""HTML extraction on a page written for these tests: nav, cookie banner, footer, sidebar."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import HtmlExtract, extract_html

PAGE = Path(__file__).parent / "fixtures" / "clean" / "harbour_page.html"


@pytest.fixture(scope="module")
def extract() -> HtmlExtract:
    return extract_html(PAGE.read_text(encoding="utf-8"))


def test_html_main_text_keeps_every_paragraph(extract: HtmlExtract) -> None:
    for phrase in (
        "Negotiators from the three port authorities agreed on Thursday",
        "allows inspectors to board each vessel",
        "extra cranes had been brought in from the southern terminal",
        "insurance costs for the route would stay high",
    ):
        assert phrase in extract.text


@pytest.mark.parametrize(
    "phrase",
    ["We use cookies", "Accept all cookies", "Search for:", "Home » World", "Share on Facebook",
     "Most read", "Festival organisers cancel", "Subscribe to our newsletter",
     "All rights reserved"],
)
def test_html_boilerplate_is_cut_and_listed_in_removed_lines(
    extract: HtmlExtract, phrase: str
) -> None:
    assert phrase not in extract.text
    assert any(phrase in line for line in extract.removed_lines)


def test_scripts_and_styles_are_neither_text_nor_removed_lines(extract: HtmlExtract) -> None:
    everything = extract.text + "\n".join(extract.removed_lines)
    assert "should never appear" not in everything
    assert "color: red" not in everything


def test_removed_lines_are_unique_and_in_page_order(extract: HtmlExtract) -> None:
    removed = extract.removed_lines
    assert len(removed) == len(set(removed))
    assert removed.index("Accept all cookies") < removed.index("Search for:")
    footer = "© 2020 Harbour Gazette. All rights reserved."
    assert removed.index("Search for:") < removed.index(footer)


def test_html_metadata_comes_from_the_page(extract: HtmlExtract) -> None:
    assert extract.title == "Harbour talks end with deal on grain convoys"
    assert extract.outlet == "Harbour Gazette"
    assert extract.published == "2020-03-05"


def test_empty_or_garbage_html_gives_empty_text() -> None:
    assert extract_html("").text == ""
    assert extract_html("<html><body></body></html>").text == ""


def test_html_extraction_is_deterministic() -> None:
    html = PAGE.read_text(encoding="utf-8")
    assert extract_html(html) == extract_html(html)
