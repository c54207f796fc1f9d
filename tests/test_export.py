"""Exports of the store in every format hold the same rows as the run wrote."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from storyline.cli import app
from storyline.pipeline import RunResult

runner = CliRunner()


def test_every_table_exports_in_every_format_with_the_run_rows(
    examples_run: RunResult, tmp_path: Path
) -> None:
    assert examples_run.db is not None
    expected = {
        "articles": len(examples_run.articles), "stories": len(examples_run.stories),
        "storylines": len(examples_run.storylines), "events": len(examples_run.events),
        "timeline": len(examples_run.timeline), "framing": len(examples_run.framing),
        "incidents": len(examples_run.incidents),
    }
    for fmt in ("jsonl", "csv", "parquet"):
        result = runner.invoke(app, ["export", "--db", str(examples_run.db), "--out",
                                     str(tmp_path / fmt), "--format", fmt])
        assert result.exit_code == 0, result.output
        for table, count in expected.items():
            path = tmp_path / fmt / f"{table}.{fmt}"
            if fmt == "jsonl":
                rows = [json.loads(line) for line in path.read_text().splitlines()]
            elif fmt == "csv":
                with path.open(newline="", encoding="utf-8") as handle:
                    rows = list(csv.DictReader(handle))
            else:
                rows = pq.read_table(path).to_pylist()
            assert len(rows) == count, (fmt, table)
    events = pq.read_table(tmp_path / "parquet" / "events.parquet").to_pylist()
    assert json.loads(events[0]["source"]) is None or "name" in json.loads(events[0]["source"])
    jsonl_events = (tmp_path / "jsonl" / "events.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in jsonl_events] == examples_run.events


def test_unknown_format_is_a_usage_error(examples_run: RunResult, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(examples_run.db), "--out",
                                 str(tmp_path), "--format", "xlsx"])
    assert result.exit_code == 2
