"""The bad-input suite, end to end: every kind of bad input gets its code in `rejected.jsonl` and
on stderr, the good inputs beside it are analyzed, and what the store already held survives."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import open_store

from .conftest import OTHER_STORY, STORY

runner = CliRunner()


def build_bad_folder(root: Path) -> dict[str, str]:
    """Write one input per failure next to two good ones; returns file name -> expected code."""
    root.mkdir(parents=True)
    (root / "good.txt").write_text(STORY, encoding="utf-8")
    (root / "also-good.jsonl").write_text(
        json.dumps({"id": "rec-ok", "text": OTHER_STORY}) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "rec-empty", "title": "no body"}) + "\n",
        encoding="utf-8",
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (root / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (root / "huge.txt").write_bytes(b"word " * (3 * 1024 * 1024 // 5 + 10))
    (root / "nomain.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>"
    )
    (root / "bomb.jsonl.gz").write_bytes(gzip.compress(b" " * (6 * 1024 * 1024)))
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "same-id").mkdir()
    (root / "same-id" / "good.txt").write_text(STORY + " A different ending.", encoding="utf-8")
    return {
        "empty.txt": "E101",
        "binary.txt": "E102",
        "undecodable.txt": "E103",
        "huge.txt": "E104",
        "also-good.jsonl:2": "E105",
        "also-good.jsonl:3": "E106",
        "same-id/good.txt": "E107",
        "bomb.jsonl.gz": "E109",
        "loop-a.txt": "E111",
        "nomain.html": "E201",
    }


def test_every_bad_input_is_rejected_with_its_code_and_the_rest_goes_on(tmp_path: Path) -> None:
    expected = build_bad_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["run", str(tmp_path / "in"), "--out", str(out), "-q", "--max-file-mb", "2",
         "--max-expanded-mb", "4"],
    )
    assert result.exit_code == 0, result.output
    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text().splitlines()]
    got = {}
    for record in rejected:
        name = record["source"].split(str(tmp_path / "in") + os.sep, 1)[-1]
        got[name] = record["reason"]
    for name, code in expected.items():
        assert got.get(name) == code, (name, got)
    for code in set(expected.values()):
        assert code in result.output  # also reported on stderr
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert sorted(a["id"] for a in articles) == ["good", "rec-ok"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["rejected"] == len(rejected)


def test_a_run_of_only_bad_inputs_loses_nothing_already_stored(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "story.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "store.db"
    assert runner.invoke(app, ["ingest", str(good), "--db", str(db), "-q"]).exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "story.txt").write_bytes(b"")  # same id, now empty: rejected, the stored one stays
    (bad / "x.jsonl").write_text("{nope\n")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(db), "-q"])
    assert result.exit_code == 3
    with open_store(db) as store:
        assert store.count_articles() == 1
        kept = store.get_article("story")
        assert kept is not None and "security corridor" in kept.text


@pytest.mark.parametrize("name", ["missing.txt", "nothing-*.jsonl"])
def test_a_path_or_glob_matching_nothing_is_e112(tmp_path: Path, name: str) -> None:
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(tmp_path / "ok.txt"), str(tmp_path / name), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0
    assert "E112" in (out / "rejected.jsonl").read_text()
