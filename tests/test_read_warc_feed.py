"""WARC archives built here with warcio, and RSS / Atom feeds."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import Rejection
from storyline.model import Document
from storyline.options import Options
from storyline.read import read_path

FIXTURES = Path(__file__).parent / "fixtures" / "read"
OPTIONS = Options()
PAGE = "<html><head><title>{title}</title></head><body><p>{body}</p></body></html>"


def build_warc(path: Path, compress: bool) -> bytes:
    """An archive with two article pages among records that are not articles."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)

    def response(uri: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
        )
        writer.write_record(record)

    first = PAGE.format(title="Bridge reopens", body="Traffic crossed the bridge again.")
    response(
        "https://city.example/news/bridge-reopens.html",
        "200 OK",
        "text/html; charset=utf-8",
        first.encode(),
    )
    response("https://city.example/static/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
    response("https://city.example/news/missing", "404 Not Found", "text/html", b"<html>404</html>")
    request = writer.create_warc_record(
        "https://city.example/news/bridge-reopens.html", "request", payload=io.BytesIO(b"GET /")
    )
    writer.write_record(request)
    second = PAGE.format(title="Café closes", body="The corner café served its last coffee.")
    response(
        "https://city.example/news/cafe-closes/",
        "200 OK",
        "text/html; charset=iso-8859-1",
        second.encode("cp1252"),
    )
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def test_warc_gz_yields_only_successful_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path, compress=True)
    items = list(read_path(path, OPTIONS))
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["bridge-reopens", "cafe-closes"]
    first = docs[0]
    assert first.format == "warc"
    assert first.url == "https://city.example/news/bridge-reopens.html"
    assert first.source == f"{path}#https://city.example/news/bridge-reopens.html"
    assert first.html is not None and "Traffic crossed the bridge again." in first.html
    assert first.published is None  # the crawl date is not the publication date
    assert first.extra == {"crawled": "2024-03-05T10:00:00Z"}


def test_warc_body_is_decoded_with_the_http_charset(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    build_warc(path, compress=False)
    docs = [d for d in read_path(path, OPTIONS) if isinstance(d, Document)]
    assert docs[1].html is not None and "The corner café served" in docs[1].html


def test_warc_without_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "crawl-dump"
    build_warc(path, compress=False)
    assert [d.id for d in read_path(path, OPTIONS)] == ["bridge-reopens", "cafe-closes"]


def test_corrupt_warc_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    data = build_warc(path, compress=False)
    path.write_bytes(data + b"this line is not a WARC record\r\n\r\n")
    items = list(read_path(path, OPTIONS))
    assert [i.id for i in items if isinstance(i, Document)] == ["bridge-reopens", "cafe-closes"]
    assert isinstance(items[-1], Rejection) and items[-1].reason == "E108"
    assert items[-1].source == str(path)


def test_truncated_warc_gz_keeps_earlier_pages_and_reports_e108(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    data = build_warc(path, compress=True)
    path.write_bytes(data[: len(data) - 60])
    items = list(read_path(path, OPTIONS))
    assert [i.id for i in items if isinstance(i, Document)] == ["bridge-reopens"]
    assert isinstance(items[-1], Rejection) and items[-1].reason == "E108"


def test_truncated_record_in_plain_warc_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    data = build_warc(path, compress=False)
    path.write_bytes(data[: len(data) - 30])
    items = list(read_path(path, OPTIONS))
    assert [i.id for i in items if isinstance(i, Document)] == ["bridge-reopens"]
    (rejection,) = [i for i in items if isinstance(i, Rejection)]
    assert rejection.reason == "E108"
    assert rejection.source.endswith("#https://city.example/news/cafe-closes/")


def test_rss_entries_become_documents_with_feed_title_as_outlet() -> None:
    path = FIXTURES / "news.rss"
    docs = list(read_path(path, OPTIONS))
    assert all(isinstance(d, Document) for d in docs)
    storm, wall = (d for d in docs if isinstance(d, Document))
    assert (storm.id, wall.id) == ("storm-closes-ferry-routes", "harbour-wall")
    assert storm.format == "feed"
    assert storm.outlet == "Coastal Observer"
    assert storm.title == "Storm closes ferry routes"
    assert storm.url == "https://observer.example/2024/02/storm-closes-ferry-routes.html"
    assert storm.source == f"{path}#{storm.url}"
    assert storm.published == "2024-02-11"  # 23:30 at -05:00, not the next UTC day
    assert storm.published_basis == "metadata"
    assert storm.html is not None and "ferry routes to the islands" in storm.html  # content wins
    assert wall.html is not None and "finished a week early" in wall.html  # summary fallback


def test_atom_entry_prefers_content_and_published_date() -> None:
    (doc,) = read_path(FIXTURES / "news.atom", OPTIONS)
    assert isinstance(doc, Document)
    assert doc.id == "avalanche-risk-level-four"
    assert doc.outlet == "Mountain Gazette"
    assert doc.published == "2024-02-28"
    assert doc.html is not None and "raised the risk to level four" in doc.html
    assert "Teaser" not in doc.html


def test_feed_is_sniffed_without_a_feed_extension(tmp_path: Path) -> None:
    path = tmp_path / "latest"
    path.write_bytes((FIXTURES / "news.atom").read_bytes())
    assert [d.id for d in read_path(path, OPTIONS)] == ["avalanche-risk-level-four"]


def test_broken_feed_without_entries_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut off <ite')
    (item,) = read_path(path, OPTIONS)
    assert isinstance(item, Rejection) and item.reason == "E108"


def test_xml_that_is_not_a_feed_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<urlset><url><loc>https://a.example/</loc></url></urlset>'
    )
    (item,) = read_path(path, OPTIONS)
    assert isinstance(item, Rejection) and item.reason == "E113"
