"""Build the Black Sea Times web archive of the `grain` storyline from the saved page sources.

The archive is generated, not hand-edited, so readers are tested on what a real crawler writes
(gzip per record, HTTP headers, a request record and a non-HTML response to be ignored).
Record ids and dates are fixed so that re-running the script gives byte-identical output.

Run from the repository root: `.venv/bin/python examples/tools/make_warc_grain.py`
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "black-sea-times-grain"
OUTPUT = HERE.parent / "corpus" / "warc" / "black-sea-times-grain.warc.gz"
SITE = "https://blackseatimes.example"

# (source file, URL path, content type, crawl time). Crawl times are when the crawler fetched
# the page, long after publication: the publication date must come from the page itself.
PAGES: list[tuple[str, str, str, str]] = [
    ("robots.txt", "/robots.txt", "text/plain; charset=utf-8", "2024-03-11T09:14:02Z"),
    (
        "bst-grain-deal-signed.html",
        "/news/bst-grain-deal-signed",
        "text/html; charset=utf-8",
        "2024-03-11T09:14:05Z",
    ),
    (
        "bst-razoni-sets-sail.html",
        "/news/bst-razoni-sets-sail",
        "text/html; charset=utf-8",
        "2024-03-11T09:14:09Z",
    ),
    (
        "bst-grain-deal-collapses-kerch.html",
        "/news/bst-grain-deal-collapses-kerch",
        "text/html; charset=utf-8",
        "2024-03-11T09:14:13Z",
    ),
]
REQUESTED = "/news/bst-grain-deal-signed"
"""The one page whose request record the crawler also kept."""


def record_id(kind: str, url: str) -> str:
    """A stable WARC-Record-ID, so the archive does not change between runs."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"


def build(output: Path = OUTPUT) -> Path:
    """Write the archive and return its path."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for name, path, content_type, crawled in PAGES:
            url = SITE + path
            body = (SOURCES / name).read_bytes()
            if path == REQUESTED:
                request_headers = StatusAndHeaders(
                    f"GET {path} HTTP/1.1",
                    [
                        ("Host", "blackseatimes.example"),
                        ("User-Agent", "storyline-demo-crawler/0.1"),
                        ("Accept", "text/html"),
                    ],
                    is_http_request=True,
                )
                writer.write_record(
                    writer.create_warc_record(
                        url,
                        "request",
                        payload=BytesIO(b""),
                        http_headers=request_headers,
                        warc_headers_dict={
                            "WARC-Date": crawled,
                            "WARC-Record-ID": record_id("request", url),
                        },
                    )
                )
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", content_type),
                    ("Content-Length", str(len(body))),
                    ("Server", "nginx"),
                ],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    http_headers=http_headers,
                    warc_headers_dict={
                        "WARC-Date": crawled,
                        "WARC-Record-ID": record_id("response", url),
                    },
                )
            )
    return output


if __name__ == "__main__":
    print(build())
