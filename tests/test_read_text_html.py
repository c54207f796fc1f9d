"""Text, Markdown and HTML files: metadata from front matter and folders, decoding, sniffing."""

from __future__ import annotations

import codecs
import gzip
import shutil
from pathlib import Path

import pytest

from storyline.errors import Rejection
from storyline.model import Document
from storyline.options import Options
from storyline.read import iter_documents, read_path
from storyline.read.fields import humanize_outlet, normalize_date, url_slug

FIXTURES = Path(__file__).parent / "fixtures" / "read"
OPTIONS = Options()


def only_document(items: list[Document | Rejection]) -> Document:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Document), item
    return item


def test_front_matter_fills_metadata_and_is_stripped_from_text() -> None:
    doc = only_document(list(read_path(FIXTURES / "front_matter.md", OPTIONS)))
    assert doc.id == "front_matter"
    assert doc.format == "text"
    assert doc.title == "Ceasefire talks resume in Geneva"
    assert doc.outlet == "Lakeside Courier"
    assert doc.published == "2024-02-19"
    assert doc.published_basis == "metadata"
    assert doc.url == "https://courier.example/world/ceasefire-talks-resume"
    assert doc.extra == {"author": "R. Haddad"}
    assert doc.text is not None
    assert doc.text.startswith("Negotiators returned to Geneva")
    assert "---" not in doc.text


def test_leading_markdown_rule_is_not_taken_for_front_matter() -> None:
    doc = only_document(list(read_path(FIXTURES / "markdown_rule.md", OPTIONS)))
    assert doc.text is not None
    assert doc.text.startswith("---\nNot front matter at all")
    assert doc.title is None


def test_outlet_comes_from_the_subfolder_the_file_was_found_in() -> None:
    docs = {d.id: d for d in iter_documents([str(FIXTURES / "corpus")]) if isinstance(d, Document)}
    assert docs["quake-relief"].outlet == "Damascus Herald"
    # a page names its own site, so for HTML the folder is only a fallback the cleaner uses
    assert docs["market-fire"].outlet is None
    assert docs["market-fire"].extra["folder_outlet"] == "Damascus Herald"
    assert docs["flood-warning"].outlet == "BBC World"  # capitals kept as written
    assert docs["overview"].outlet is None  # directly in the input folder


def test_a_file_named_directly_gets_no_outlet_from_its_folder() -> None:
    path = FIXTURES / "corpus" / "damascus-herald" / "quake-relief.txt"
    assert only_document(list(iter_documents([str(path)]))).outlet is None


def test_front_matter_outlet_wins_over_folder_name(tmp_path: Path) -> None:
    folder = tmp_path / "in" / "some-folder"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "front_matter.md", folder / "talks.md")
    doc = only_document(list(iter_documents([str(tmp_path / "in")])))
    assert doc.outlet == "Lakeside Courier"


def test_front_matter_datetime_keeps_the_outlets_local_day() -> None:
    path = FIXTURES / "corpus" / "BBC_World" / "flood-warning.md"
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.published == "2024-03-04"  # 21:15 at -05:00, not the next UTC day
    assert doc.title == "River levels rise across the valley"


def test_bom_and_crlf_text_file_reads_clean(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Title line\r\n\r\nBody line one.\r\nBody two.\r\n")
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.text == "Title line\n\nBody line one.\nBody two.\n"


def test_cp1252_text_keeps_smart_quotes_and_accents(tmp_path: Path) -> None:
    text = "The minister said “the café district will reopen” on Monday, and it’s déjà vu.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only_document(list(read_path(path, OPTIONS))).text == text


def test_utf16_text_with_bom_reads(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Wide text\r\nsecond line\r\n".encode("utf-16-le"))
    assert only_document(list(read_path(path, OPTIONS))).text == "Wide text\nsecond line\n"


def test_html_file_is_kept_as_markup_for_the_cleaner() -> None:
    path = FIXTURES / "corpus" / "damascus-herald" / "market-fire.html"
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.format == "html"
    assert doc.id == "market-fire"
    assert doc.text is None
    assert doc.html is not None
    assert "<h1>Fire at the old market</h1>" in doc.html
    assert doc.title is None  # metadata extraction belongs to the cleaner


def test_html_meta_charset_is_respected(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body></body>'
    path = tmp_path / "cyrillic.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.html is not None
    assert "<title>Новости</title>" in doc.html


@pytest.mark.parametrize("name", ["page.txt", "page", "page.data"])
def test_html_content_is_sniffed_whatever_the_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<!-- saved -->\n<!doctype html><html><body><p>Hi</p></body></html>")
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.format == "html"
    assert doc.html is not None


def test_text_with_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "dispatch.wire"
    path.write_text("[Wire] Officials confirmed the talks would continue on Thursday.\n")
    doc = only_document(list(read_path(path, OPTIONS)))
    assert doc.format == "text"
    assert doc.id == "dispatch"


def test_gzipped_text_and_html_are_read_through(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(b"A compressed story line.\n"))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(b"<html><body>x</body></html>"))
    docs = [d for d in iter_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert [(d.id, d.format) for d in docs] == [("page", "html"), ("story", "text")]
    assert docs[1].text == "A compressed story line.\n"


def test_gzip_magic_bytes_are_detected_without_gz_extension(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(gzip.compress(b"Compressed but misnamed.\n"))
    assert only_document(list(read_path(path, OPTIONS))).text == "Compressed but misnamed.\n"


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://news.example/world/2024/03/Big_Fire--in-Port.html", "big-fire-in-port"),
        ("https://news.example/world/harbour-wall/", "harbour-wall"),
        ("https://news.example/a/v1.2", "v1-2"),
        ("https://news.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1", "أخبار"),
    ],
)
def test_url_slug_is_the_last_path_segment(url: str, slug: str) -> None:
    assert url_slug(url) == slug


def test_url_without_path_gets_a_hash_slug() -> None:
    slug = url_slug("https://news.example/")
    assert slug.startswith("u") and len(slug) == 13
    assert slug != url_slug("https://other.example/")


@pytest.mark.parametrize(
    ("folder", "outlet"),
    [
        ("damascus-herald", "Damascus Herald"),
        ("the_daily__post", "The Daily Post"),
        ("BBC-news", "BBC news"),
        ("NYTimes", "NYTimes"),
    ],
)
def test_folder_names_are_humanized_into_outlets(folder: str, outlet: str) -> None:
    assert humanize_outlet(folder) == outlet


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2024-02-29", "2024-02-29"),
        ("2024-03-01T01:30:00+05:00", "2024-03-01"),
        ("2024-03-01T12:00:00Z", "2024-03-01"),
        ("Sun, 11 Feb 2024 23:30:00 -0500", "2024-02-11"),
        ("2024-02-30", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_normalize_to_the_written_calendar_day(raw: str | None, day: str | None) -> None:
    assert normalize_date(raw) == day
