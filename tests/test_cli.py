from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyline import __version__
from storyline.cli import app
from storyline.errors import CATALOGUE

from .conftest import REPO

runner = CliRunner()


def test_run_command_writes_the_folder_and_names_the_report(mixed_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(mixed_corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "report.html" in result.output
    assert (out / "articles.jsonl").exists()
    assert (out / "storyline.db").exists()
    assert "E105" in result.output  # rejections are reported on stderr as they happen


def test_quiet_run_prints_only_rejections(mixed_corpus: Path, tmp_path: Path):
    result = runner.invoke(app, ["run", str(mixed_corpus), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0
    assert "Report" not in result.output
    assert all(re.match(r"^\S.*E1\d\d", line) for line in result.output.strip().splitlines())


def test_ingest_then_search_finds_the_article(mixed_corpus: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(mixed_corpus), "--db", str(db), "-q"]).exit_code == 0
    result = runner.invoke(app, ["search", "Odesa", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {"page", "wire-2"} <= {h["article_id"] for h in hits}


def test_search_with_punctuation_does_not_fail(mixed_corpus: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    runner.invoke(app, ["ingest", str(mixed_corpus), "--db", str(db), "-q"])
    for query in ['al-Nusra "', "M4 (highway", "idl*", "*"]:
        assert runner.invoke(app, ["search", query, "--db", str(db)]).exit_code == 0, query


def test_clean_prints_main_text_without_boilerplate(mixed_corpus: Path):
    result = runner.invoke(app, ["clean", str(mixed_corpus / "page.html")])
    assert result.exit_code == 0
    assert "Odesa on Monday morning" in result.output
    assert "Copyright 2024 Sample Ledger" not in result.output


def test_nothing_usable_exits_3_and_usage_error_exits_2(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 3
    assert runner.invoke(app, ["run", str(tmp_path)]).exit_code == 2  # --out missing


def test_version_flag_prints_the_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_installed_entry_point_runs(tmp_path: Path):
    exe = Path(sys.executable).with_name("storyline")
    env = {**os.environ, "STORYLINE_DB": str(tmp_path / "x.db")}
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and "storyline" in result.stdout


def test_every_command_and_error_code_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"storyline {name}" in readme, name
    for code in CATALOGUE:
        assert f"| {code} |" in readme, code


def test_events_command_filters_the_stored_events(mixed_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(mixed_corpus), "--out", str(out), "-q"]).exit_code == 0
    db = str(out / "storyline.db")
    listed = runner.invoke(app, ["events", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert events, "the sample corpus reports a ceasefire agreement"
    agree = runner.invoke(app, ["events", "--db", db, "--type", "agree", "--json"])
    types = {json.loads(line)["type"] for line in agree.output.splitlines() if line.startswith("{")}
    assert types <= {"AGREE"}
    none = runner.invoke(app, ["events", "--db", db, "--since", "2999-01-01"])
    assert none.exit_code == 0 and "no events match" in none.output


def test_timeline_command_prints_dated_cited_lines_in_each_format(mixed_corpus: Path):
    tilse = runner.invoke(app, ["timeline", str(mixed_corpus), "--dates", "2", "--format",
                                "tilse"])
    assert tilse.exit_code == 0, tilse.output
    blocks = [b for b in tilse.stdout.split("-" * 32 + "\n") if b.strip()]
    assert 1 <= len(blocks) <= 2
    assert all(re.match(r"\d{4}-\d{2}-\d{2}\n", b) for b in blocks)
    jsonl = runner.invoke(app, ["timeline", str(mixed_corpus), "--format", "jsonl"])
    entries = [json.loads(line) for line in jsonl.stdout.splitlines() if line.startswith("{")]
    assert entries and all(len(e["summary"]) == len(e["citations"]) for e in entries)
    bad = runner.invoke(app, ["timeline", str(mixed_corpus), "--format", "xml"])
    assert bad.exit_code == 2
    wrong_day = runner.invoke(app, ["timeline", str(mixed_corpus), "--on", "5 March"])
    assert wrong_day.exit_code == 2 and "--on wants a date" in wrong_day.output


def test_timeline_command_tells_only_the_asked_span(mixed_corpus: Path):
    everything = runner.invoke(app, ["timeline", str(mixed_corpus), "--format", "jsonl"])
    days = sorted(json.loads(line)["date"] for line in everything.stdout.splitlines()
                  if line.startswith("{"))
    assert days
    first = runner.invoke(app, ["timeline", str(mixed_corpus), "--format", "jsonl",
                                "--until", days[0], "--since", days[0]])
    assert first.exit_code == 0, first.output
    told = [json.loads(line)["date"] for line in first.stdout.splitlines()
            if line.startswith("{")]
    assert told == [days[0]]
    none = runner.invoke(app, ["timeline", str(mixed_corpus), "--on", "1999-01-01"])
    assert none.exit_code == 0 and "no timeline" in none.output


def test_serve_without_a_store_exits_3_with_e301(tmp_path: Path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3
    assert "E301" in result.output


def test_serve_passes_store_host_and_port_to_the_server(
    mixed_corpus: Path, tmp_path: Path, monkeypatch
):
    import storyline.web

    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(mixed_corpus), "--db", str(db), "-q"]).exit_code == 0
    seen = {}
    monkeypatch.setattr(storyline.web, "serve",
                        lambda path, host, port: seen.update(path=path, host=host, port=port))
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen == {"path": db, "host": "127.0.0.1", "port": 8123}
    assert "http://127.0.0.1:8123/" in result.output
