"""Only articles are read from folders: code, crawler files, tables, documents, media, config and
a project's own files are rejected with E113 saying what they look like, by name or by content."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.errors import Rejection
from storyline.model import Document
from storyline.options import Options
from storyline.pipeline import document_hash, read_documents
from storyline.read import iter_documents

from .conftest import EXAMPLES, OTHER_STORY, STORY

OPTIONS = Options()


def _read(*paths: Path) -> tuple[list[Document], dict[str, Rejection]]:
    items = list(iter_documents([str(p) for p in paths], OPTIONS))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = {Path(i.source).name: i for i in items if isinstance(i, Rejection)}
    return docs, rejected


def _one_folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


SOURCES = {
    "scrape.py": ("Python", "import requests\n\n\ndef fetch(url):\n    return requests.get(url)\n"),
    "app.js": ("JavaScript", "const fs = require('fs');\nfunction main() {\n  fs.readFile();\n}\n"),
    "types.ts": ("TypeScript", "export interface Article {\n  id: string;\n}\n"),
    "parse.c": ("C", "#include <stdio.h>\nint main(void) {\n  return 0;\n}\n"),
    "Crawler.java": ("Java", "package news;\npublic class Crawler {\n}\n"),
    "fetch.sh": ("shell", "#!/bin/sh\nset -e\ncurl -O https://example.org/feed.xml\n"),
    "tool.rb": ("Ruby", "require 'json'\nputs JSON.parse(ARGF.read)\n"),
    "main.go": ("Go", "package main\n\nfunc main() {\n}\n"),
    "lib.rs": ("Rust", "pub fn slug(title: &str) -> String {\n    title.to_lowercase()\n}\n"),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_source_code_in_a_folder_is_rejected_by_its_extension(tmp_path: Path, name: str) -> None:
    language, code = SOURCES[name]
    folder = _one_folder(tmp_path, {name: code, "story.txt": STORY})
    docs, rejected = _read(folder)
    assert [d.id for d in docs] == ["story"]
    assert rejected[name].reason == "E113"
    assert rejected[name].detail == f"{language} source code, not an article"


def test_code_named_directly_or_gzipped_is_rejected_too(tmp_path: Path) -> None:
    script = tmp_path / "scrape.py"
    script.write_text(SOURCES["scrape.py"][1], encoding="utf-8")
    packed = tmp_path / "scrape.py.gz"
    packed.write_bytes(gzip.compress(script.read_bytes()))
    docs, rejected = _read(script, packed)
    assert docs == []
    assert {name: r.reason for name, r in rejected.items()} == {
        "scrape.py": "E113", "scrape.py.gz": "E113"}


UNNAMED_CODE = {
    "build-index": (
        "#!/usr/bin/env python3\n\"\"\"Build the index.\"\"\"\nimport sys\n\nprint(sys.argv)\n",
        "a Python script",
    ),
    "module": (
        "from pathlib import Path\nimport json\n\n\nclass Index:\n    def __init__(self):\n"
        "        self.path = Path('.')\n\n    def load(self):\n        return json.loads('{}')\n",
        "Python source code",
    ),
    "helpers": (
        "#include <stdlib.h>\n#include \"news.h\"\n\nstatic int count = 0;\n\n"
        "int next_id(void) {\n    return ++count;\n}\n",
        "C or C++ source code",
    ),
    "widget": (
        "import { render } from 'preact';\nconst root = document.body;\n"
        "export function show(items) {\n  render(items, root);\n}\n",
        "JavaScript source code",
    ),
    "server": (
        "package main\n\nimport (\n\t\"net/http\"\n)\n\nfunc main() {\n"
        "\thttp.ListenAndServe(\":8080\", nil)\n}\n",
        "Go source code",
    ),
    "deploy": ("#!/bin/bash\nset -eu\nfor f in *.txt; do echo \"$f\"; done\n", "a shell script"),
}


@pytest.mark.parametrize("name", sorted(UNNAMED_CODE))
def test_code_without_an_extension_is_rejected_by_its_content(tmp_path: Path, name: str) -> None:
    code, kind = UNNAMED_CODE[name]
    folder = _one_folder(tmp_path, {name: code})
    _, rejected = _read(folder)
    assert rejected[name].reason == "E113"
    assert rejected[name].detail == f"{kind}, not an article"


ROBOTS = "# crawlers\nUser-agent: *\nDisallow: /search\nAllow: /news/\nSitemap: /sitemap.xml\n"


def test_robots_txt_is_rejected_and_so_are_its_rules_under_another_name(tmp_path: Path) -> None:
    folder = _one_folder(tmp_path, {"robots.txt": ROBOTS, "saved-rules": ROBOTS})
    docs, rejected = _read(folder)
    assert docs == []
    assert rejected["robots.txt"].detail == "robots.txt, a site file for crawlers, not an article"
    assert rejected["saved-rules"].detail == "crawler rules in robots.txt form, not an article"


TABLE = (
    "id,outlet,published,title\n"
    "1,Damascus Herald,2020-03-05,Ceasefire agreed\n"
    "2,Moscow Courier,2020-03-06,\"Patrols, at last\"\n"
    "3,Anatolia Daily Post,2020-03-15,First joint patrol\n"
    "4,Levant Wire,2020-03-16,Patrol cut short\n"
)


def test_tables_are_rejected_by_extension_and_by_content(tmp_path: Path) -> None:
    folder = _one_folder(tmp_path, {
        "articles.csv": TABLE,
        "articles.tsv": TABLE.replace(",", "\t"),
        "export": TABLE,
        "readings": "".join(f"{day} {day * 3} {day * 7}\n" for day in range(1, 12)),
    })
    docs, rejected = _read(folder)
    assert docs == []
    assert rejected["articles.csv"].detail == "a CSV table, not an article"
    assert rejected["articles.tsv"].detail == "a TSV table, not an article"
    assert rejected["export"].detail == "a CSV table, not an article"
    assert rejected["readings"].detail == "a table of numbers, not an article"


def test_a_pdf_is_rejected_with_or_without_its_extension(tmp_path: Path) -> None:
    fake_pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    folder = _one_folder(tmp_path, {"briefing.pdf": fake_pdf, "download": fake_pdf})
    docs, rejected = _read(folder)
    assert docs == []
    assert rejected["briefing.pdf"].detail == "a PDF document, not an article"
    assert rejected["download"].detail == "a PDF document, not an article"


def test_documents_media_archives_config_and_lock_files_are_rejected(tmp_path: Path) -> None:
    folder = _one_folder(tmp_path, {
        "notes.docx": b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(40),
        "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(40),
        "unnamed-image": b"\x89PNG\r\n\x1a\n" + bytes(40),
        "dump.tar.gz": gzip.compress(b"x" * 600),
        "pages.zip": b"PK\x03\x04" + bytes(40),
        "settings.toml": "[run]\nworkers = 4\n",
        "compose.yaml": "services:\n  web:\n    image: storyline\n",
        "setup.cfg": "[metadata]\nname = scraper\n",
        "tox.ini": "[tox]\nenvlist = py311\n",
        "poetry.lock": "[[package]]\nname = \"requests\"\n",
        "Makefile": "all:\n\tpython scrape.py\n",
        "requirements.txt": "requests==2.31\n",
        "scrape.log": "2024-03-11 09:14:02 GET /news 200\n",
        "story.txt": STORY,
    })
    docs, rejected = _read(folder)
    assert [d.id for d in docs] == ["story"]
    assert {r.reason for r in rejected.values()} == {"E113"}
    details = {name: r.detail.removesuffix(", not an article") for name, r in rejected.items()}
    assert details == {
        "notes.docx": "an office document",
        "photo.jpg": "an image",
        "unnamed-image": "a PNG image",
        "dump.tar.gz": "an archive",
        "pages.zip": "an archive",
        "settings.toml": "a configuration file",
        "compose.yaml": "a configuration file",
        "setup.cfg": "a configuration file",
        "tox.ini": "a configuration file",
        "poetry.lock": "a lock file",
        "Makefile": "a Makefile, build rules",
        "requirements.txt": "a Python dependency list",
        "scrape.log": "a log file",
    }


def test_project_files_are_skipped_in_a_folder_but_read_when_named(tmp_path: Path) -> None:
    project_text = "# Scraper\n\nRun `make` to fetch the pages.\n"
    folder = _one_folder(tmp_path, {
        "README.md": project_text,
        "readme.txt": project_text,
        "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge...\n",
        "LICENSE-APACHE": "Apache License\nVersion 2.0, January 2004\n",
        "CHANGELOG.md": "## 0.2\n- Fetch feeds too.\n",
        "CONTRIBUTING.rst": "Pull requests welcome.\n",
        "HISTORY.md": "## 0.1\n- First release.\n",
        "history.txt": STORY,  # a lower-case word is an article's name as much as a project file's
        "licence-plates-scandal.txt": OTHER_STORY,
    })
    docs, rejected = _read(folder)
    assert sorted(d.id for d in docs) == ["history", "licence-plates-scandal"]
    assert sorted(rejected) == ["CHANGELOG.md", "CONTRIBUTING.rst", "HISTORY.md", "LICENSE",
                                "LICENSE-APACHE", "README.md", "readme.txt"]
    assert all(r.reason == "E113" for r in rejected.values())
    assert "name the file itself to read it anyway" in rejected["README.md"].detail
    named, refused = _read(folder / "README.md", folder / "LICENSE")
    assert [d.id for d in named] == ["README", "LICENSE"] and refused == {}


FEED = (
    "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0'><channel>"
    "<title>Harbour Gazette</title><item><title>Ferry routes closed</title>"
    "<link>https://gazette.example/ferry-routes-closed</link>"
    f"<pubDate>Mon, 02 Mar 2020 08:00:00 GMT</pubDate><description>{STORY}</description>"
    "</item></channel></rss>\n"
)
SITEMAP = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
    "<url><loc>https://gazette.example/ferry-routes-closed</loc></url></urlset>\n"
)
PAGE = (
    "<!doctype html><html><head><title>Grain ship leaves Odesa</title></head><body><article>"
    f"<h1>Grain ship leaves Odesa</h1><p>{OTHER_STORY}</p></article></body></html>"
)


def test_articles_of_every_kind_are_still_read(tmp_path: Path) -> None:
    folder = _one_folder(tmp_path, {
        "gazette/feed.xml": FEED,
        "sitemap.xml": SITEMAP,
        "saved-page": PAGE,
        "ferry.md": f"# Ferry routes closed\n\n{STORY}\n",
        "harbour-post/with-meta.txt": "---\ntitle: Talks end\noutlet: Harbour Post\n"
                                      f"date: 2020-03-05\n---\n{STORY}\n",
        "unnamed-prose": f"Ceasefire holds\n\n{STORY}\nImport duties were not discussed.\n",
        "wire.json": json.dumps([{"id": "w1", "title": "Grain", "text": OTHER_STORY}]),
    })
    docs, rejected = _read(folder)
    by_id = {d.id: d for d in docs}
    assert sorted(by_id) == ["ferry", "ferry-routes-closed", "saved-page", "unnamed-prose", "w1",
                             "with-meta"]
    assert by_id["ferry-routes-closed"].format == "feed"
    assert by_id["saved-page"].format == "html"
    assert by_id["with-meta"].outlet == "Harbour Post"
    assert by_id["with-meta"].published == "2020-03-05"
    assert list(rejected) == ["sitemap.xml"]
    assert rejected["sitemap.xml"].detail == "a sitemap, a list of page addresses, not an article"


def test_json_that_is_not_article_records_is_one_e113_not_an_e106_per_entry(
    tmp_path: Path,
) -> None:
    folder = _one_folder(tmp_path, {
        "gold.json": json.dumps({"stories": {"a": {}}, "duplicates": [{"original": "x"}]}),
        "scores.json": json.dumps([{"run": 1, "f1": 0.5}, {"run": 2, "f1": 0.6}]),
        "empty.json": "[]",
        "no-body.json": json.dumps({"id": "a", "title": "A record with no text"}),
    })
    docs, rejected = _read(folder)
    assert docs == []
    assert {name: r.reason for name, r in rejected.items()} == {
        "gold.json": "E113", "scores.json": "E113", "empty.json": "E113", "no-body.json": "E106"}
    assert rejected["gold.json"].detail.startswith(
        "JSON data with the keys duplicates, stories, not article records")
    assert "none of which is an article record" in rejected["scores.json"].detail


def test_examples_folder_gives_the_corpus_articles_and_rejects_the_rest() -> None:
    """The whole examples/ folder: the same documents as examples/corpus; its README, gold, tool
    script and robots.txt are E113; the tool's page sources repeat the archive's ids (E107)."""
    corpus, corpus_rejections, _ = read_documents([str(EXAMPLES / "corpus")], OPTIONS)
    everything, rejections, _ = read_documents([str(EXAMPLES)], OPTIONS)
    assert corpus_rejections == []
    assert [document_hash(d) for d in everything] == [document_hash(d) for d in corpus]
    by_code: dict[str, list[str]] = {}
    for rejection in rejections:
        by_code.setdefault(rejection.reason, []).append(
            Path(rejection.source).relative_to(EXAMPLES).as_posix())
    assert sorted(by_code["E113"]) == ["README.md", "gold.json",
                                       "tools/black-sea-times-grain/robots.txt",
                                       "tools/make_warc_grain.py"]
    assert sorted(by_code["E107"]) == [
        f"tools/black-sea-times-grain/{name}.html"
        for name in ("bst-grain-deal-collapses-kerch", "bst-grain-deal-signed",
                     "bst-razoni-sets-sail")]
    assert set(by_code) == {"E107", "E113"}
