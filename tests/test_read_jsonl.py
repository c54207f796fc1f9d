"""JSON Lines and JSON input records, from files, gzip and stdin."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from storyline.errors import Rejection
from storyline.model import Document
from storyline.options import Options
from storyline.read import iter_documents, read_path

FIXTURES = Path(__file__).parent / "fixtures" / "read"
OPTIONS = Options()


def test_jsonl_records_become_documents_with_line_sources() -> None:
    items = list(read_path(FIXTURES / "records.jsonl", OPTIONS))
    assert all(isinstance(i, Document) for i in items)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["ports-reopen", "grain-deal", "records-4"]
    assert [d.source.rsplit(":", 1)[1] for d in docs] == ["1", "2", "4"]  # blank line 3 skipped
    first = docs[0]
    assert first.format == "jsonl"
    assert first.outlet == "Harbour Daily"
    assert first.url == "https://harbour.example/news/ports-reopen"
    assert first.title == "Ports reopen after strike"
    assert first.published == "2024-01-09"
    assert first.published_basis == "metadata"
    assert first.text is not None and first.text.startswith("Container traffic")


def test_jsonl_unknown_fields_are_kept_in_extra() -> None:
    doc = next(iter(read_path(FIXTURES / "records.jsonl", OPTIONS)))
    assert isinstance(doc, Document)
    assert doc.extra == {"section": "business", "tags": ["strike", "ports"]}


def test_jsonl_html_record_and_iso_datetime() -> None:
    docs = list(read_path(FIXTURES / "records.jsonl", OPTIONS))
    grain = docs[1]
    assert isinstance(grain, Document)
    assert grain.text is None
    assert grain.html is not None and "grain corridor" in grain.html
    assert grain.published == "2024-01-10"  # 23:40 at +02:00 stays on the 10th
    assert grain.url is None


def test_unparseable_published_is_null_but_kept_in_extra(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "spring 2024", "text": "Body."}) + "\n")
    doc = next(iter(read_path(path, OPTIONS)))
    assert isinstance(doc, Document)
    assert doc.published is None and doc.published_basis is None
    assert doc.extra == {"published_raw": "spring 2024"}


def test_json_list_of_records_numbers_items() -> None:
    docs = list(read_path(FIXTURES / "records.json", OPTIONS))
    assert [(d.id, d.source) for d in docs if isinstance(d, Document)] == [
        ("dam-inspection", f"{FIXTURES / 'records.json'}:1"),
        ("records-2", f"{FIXTURES / 'records.json'}:2"),
    ]
    assert isinstance(docs[1], Document) and docs[1].extra == {"wire": "VTA"}


def test_json_file_with_one_pretty_printed_object() -> None:
    docs = list(read_path(FIXTURES / "single.json", OPTIONS))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    assert docs[0].id == "bridge-closure"
    assert docs[0].source == str(FIXTURES / "single.json")
    assert docs[0].published == "2023-12-02"


def test_json_file_that_is_really_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    assert [d.id for d in read_path(path, OPTIONS) if isinstance(d, Document)] == ["a", "b"]


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "records.jsonl").read_bytes()))
    docs = list(read_path(path, OPTIONS))
    assert [d.id for d in docs if isinstance(d, Document)] == [
        "ports-reopen",
        "grain-deal",
        "wire-4",
    ]


def test_numeric_ids_become_strings(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": 17, "text": "Numbered."}\n')
    doc = next(iter(read_path(path, OPTIONS)))
    assert isinstance(doc, Document) and doc.id == "17"


def test_stdin_dash_reads_json_lines() -> None:
    data = b'{"id": "s1", "text": "From a pipe."}\n{"id": "s2", "text": "Second."}\n'
    docs = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert [(d.id, d.source) for d in docs if isinstance(d, Document)] == [
        ("s1", "<stdin>:1"),
        ("s2", "<stdin>:2"),
    ]


def test_stdin_may_be_gzipped_and_mixed_with_files() -> None:
    data = gzip.compress(b'{"id": "piped", "text": "Compressed pipe."}\n')
    items = list(iter_documents(["-", str(FIXTURES / "single.json")], stdin=io.BytesIO(data)))
    assert [d.id for d in items if isinstance(d, Document)] == ["piped", "bridge-closure"]


def test_stdin_first_line_shorter_than_sniffing_window() -> None:
    data = b'{}\n{"id": "x", "text": "Body."}\n'
    items = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert isinstance(items[0], Rejection) and items[0].reason == "E106"
    assert items[0].source == "<stdin>:1"
    assert isinstance(items[1], Document) and items[1].source == "<stdin>:2"


def test_malformed_line_is_rejected_with_its_number_and_others_still_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": \n{"id": "c", "text": "3"}\n')
    items = list(read_path(path, OPTIONS))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "c"]
    (rejection,) = [i for i in items if isinstance(i, Rejection)]
    assert rejection.reason == "E105"
    assert rejection.source == f"{path}:2"
    assert "line 2" in rejection.detail


def test_record_that_is_not_an_object_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text('["not", "a", "record"]\n')
    (item,) = read_path(path, OPTIONS)
    assert isinstance(item, Rejection) and item.reason == "E105" and "line 1" in item.detail


def test_record_without_text_or_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bodies.jsonl"
    records = [
        {"id": "t", "title": "Only a title"},
        {"id": "w", "text": "   "},
        {"id": "ok", "text": "Yes."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    items = list(read_path(path, OPTIONS))
    assert [(i.reason, i.source) for i in items if isinstance(i, Rejection)] == [
        ("E106", f"{path}:1"),
        ("E106", f"{path}:2"),
    ]
    assert [i.id for i in items if isinstance(i, Document)] == ["ok"]


def test_malformed_json_file_is_rejected_with_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"id": "a", "text": "x"},\n  {"id": \n]\n')
    (item,) = read_path(path, OPTIONS)
    assert isinstance(item, Rejection) and item.reason == "E105"
    assert item.detail.startswith("line 4")


def test_a_large_jsonl_export_is_streamed_and_only_a_giant_record_is_oversize(
    tmp_path: Path,
) -> None:
    from storyline.options import Options
    from storyline.read import iter_documents

    small = json.dumps({"id": "ok", "text": "A short report about talks in Moscow on Thursday."})
    big = json.dumps({"id": "big", "text": "word " * 300_000})
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join([small] * 3 + [big]) + "\n")
    options = Options(max_file_mb=1.0)
    assert path.stat().st_size > options.max_file_bytes
    items = list(iter_documents([str(path)], options))
    assert [getattr(i, "reason", None) for i in items] == [None, None, None, "E104"]
    assert "line 4" in items[-1].detail
