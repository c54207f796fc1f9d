"""Command line: each command is a thin wrapper over one library function.

Exit codes: 0 done (rejected inputs are counted, not fatal), 2 usage error, 3 nothing usable.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline import __version__
from storyline.errors import Rejection, StorylineError
from storyline.metadata import missing_metadata
from storyline.options import Options
from storyline.pipeline import (
    EXIT_NOTHING_USABLE,
    EXIT_OK,
    EXIT_USAGE,
    RunResult,
    analyze,
    clean_inputs,
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="storyline: what happened, when, who did what to whom, and how each outlet told it.",
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DEFAULT_DB = "storyline.db"
StoreOption = Annotated[Path, typer.Option(help="SQLite store ($STORYLINE_DB or ./storyline.db).")]

Inputs = Annotated[
    list[str], typer.Argument(help="Files, folders, globs, or - for JSONL on stdin.")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
Workers = Annotated[int, typer.Option(help="Worker processes for cleaning (0: automatic).")]
MaxFile = Annotated[float, typer.Option(help="Reject files larger than this many MB (E104).")]
MaxExpanded = Annotated[
    float, typer.Option(help="Reject compressed inputs expanding past this many MB (E109).")
]
Threshold = Annotated[
    float,
    typer.Option(
        help="Share of the shorter article's word 5-grams found in the longer one "
        "at or above which it is a copy (0-1)."
    ),
]
DEFAULT_THRESHOLD = Options().near_duplicate_threshold


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """storyline turns a pile of news articles into stories, timelines and framing."""


def _store_path(db: Path) -> Path:
    """The --db given, else $STORYLINE_DB, else ./storyline.db."""
    return Path(os.environ.get("STORYLINE_DB", DEFAULT_DB)) if str(db) == DEFAULT_DB else db


def _existing_store(db: Path) -> Path:
    path = _store_path(db)
    if not path.exists():
        err.print(f"E301 store error: no store at {path} (run `storyline run` or `ingest` first)")
        raise typer.Exit(EXIT_NOTHING_USABLE)
    return path


def _report_rejection(rejection: Rejection) -> None:
    err.print(rejection.message(), markup=False, soft_wrap=True)


def _options(
    quiet: bool,
    workers: int,
    max_file_mb: float,
    max_expanded_mb: float,
    threshold: float,
    understand: bool = True,
) -> Options:
    return Options(
        understand=understand,
        quiet=quiet,
        workers=workers,
        max_file_mb=max_file_mb,
        max_expanded_mb=max_expanded_mb,
        near_duplicate_threshold=threshold,
    )


def _finish(result_code: int, message: str, quiet: bool) -> None:
    if not quiet:
        err.print(message, markup=False, soft_wrap=True)
    raise typer.Exit(result_code)


def _missing_notice(result: RunResult) -> list[str]:
    """How many articles lack an outlet or a date and how to give them; nothing when none do."""
    missing = missing_metadata(result.articles)
    return missing.lines() if missing.anything else []


def _analyze_or_exit(
    inputs: list[str], out_dir: Path | None, db: Path | None, options: Options
) -> RunResult:
    """The analysis, with a store that cannot be opened reported as exit code 3."""
    try:
        return analyze(inputs, out=out_dir, db=db, options=options,
                       on_rejection=_report_rejection)
    except StorylineError as error:
        err.print(str(error), markup=False)
        raise typer.Exit(EXIT_NOTHING_USABLE) from error


@app.command()
def run(
    inputs: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder (the contract).")],
    db: Annotated[
        Path | None, typer.Option(help="SQLite store (default: OUT/storyline.db).")
    ] = None,
    quiet: Quiet = False,
    workers: Workers = 0,
    max_file_mb: MaxFile = 50.0,
    max_expanded_mb: MaxExpanded = 200.0,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Analyze INPUTS and write the output folder (articles, rejected, report, manifest)."""
    options = _options(quiet, workers, max_file_mb, max_expanded_mb, threshold)
    result = _analyze_or_exit(inputs, out_dir, db, options)
    counts = result.manifest["counts"]
    totals = (f"{counts['articles']} articles ({counts['duplicates']} duplicates), "
              f"{counts['events']} events, {counts['rejected']} rejected")
    report = f"Report: {out_dir / 'report.html'}"
    _finish(result.exit_code, "\n".join([totals, *_missing_notice(result), report]), quiet)


@app.command()
def ingest(
    inputs: Inputs,
    db: StoreOption = Path(DEFAULT_DB),
    quiet: Quiet = False,
    workers: Workers = 0,
    max_file_mb: MaxFile = 50.0,
    max_expanded_mb: MaxExpanded = 200.0,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Read, clean and deduplicate INPUTS into the store, without writing an output folder."""
    db_path = _store_path(db)
    options = _options(quiet, workers, max_file_mb, max_expanded_mb, threshold, understand=False)
    result = _analyze_or_exit(inputs, None, db_path, options)
    stats = result.stats
    totals = (f"{len(result.articles)} articles in {db_path}: {stats.get('inserted', 0)} new, "
              f"{stats.get('updated', 0)} updated, {stats.get('unchanged', 0)} unchanged; "
              f"{len(result.rejections)} rejected")
    _finish(result.exit_code, "\n".join([totals, *_missing_notice(result)]), quiet)


@app.command()
def clean(
    file: Annotated[str, typer.Argument(help="One document (any supported format, - for stdin).")],
    removed: Annotated[
        bool, typer.Option(help="Also print the removed lines, marked '- '.")
    ] = False,
) -> None:
    """Print the clean main text of one document (every record of it, for JSONL and feeds)."""
    results = clean_inputs([file], Options(quiet=True))
    shown = 0
    for item in results:
        if isinstance(item, Rejection):
            _report_rejection(item)
            continue
        if shown:
            out.print()
        if len(results) > 1:
            out.print(f"== {item.id} ==", markup=False)
        out.print(item.text, markup=False, soft_wrap=True)
        if removed:
            for line in item.removed_lines:
                out.print(f"- {line}", markup=False, soft_wrap=True)
        shown += 1
    raise typer.Exit(EXIT_OK if shown else EXIT_NOTHING_USABLE)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", or a prefix like idl*.')],
    db: StoreOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search over titles and clean texts in the store."""
    from storyline.store import open_store

    db_path = _existing_store(db)
    with open_store(db_path) as store:
        hits = store.search(query, limit=limit)
    for hit in hits:
        if as_json:
            out.print(json.dumps(hit.to_dict(), ensure_ascii=False), markup=False, soft_wrap=True)
        else:
            out.print(
                f"{hit.article_id}  {hit.outlet or ''}  {hit.published or ''}  {hit.title or ''}\n"
                f"    {hit.snippet}",
                markup=False,
                soft_wrap=True,
            )
    if not hits:
        err.print(f"no hits for {query!r}", markup=False)


@app.command()
def events(
    db: StoreOption = Path(DEFAULT_DB),
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT or AGREE.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Source or target: any known spelling, or as written.")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Place (any known spelling), country name or code.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many events.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event.")] = False,
) -> None:
    """List coded events from the store, filtered by type, actor, place and date range."""
    from storyline.store import EventFilter, open_store

    db_path = _existing_store(db)
    where = EventFilter(type=type_, actor=actor, place=place, since=since, until=until,
                        limit=limit)
    with open_store(db_path) as store:
        found = store.events(where)
    for event in found:
        if as_json:
            out.print(json.dumps(event, ensure_ascii=False), markup=False, soft_wrap=True)
            continue
        source = (event.get("source") or {}).get("name") or "?"
        target = (event.get("target") or {}).get("name") or "-"
        where_text = (event.get("location") or {}).get("name") or ""
        out.print(
            f"{event.get('date') or '????'}  {event['type']:<9} {source} -> {target}"
            f"{'  @ ' + where_text if where_text else ''}  [{event['article_id']}]\n"
            f"    {' '.join(event['sentence'].split())}",
            markup=False,
            soft_wrap=True,
        )
    if not found:
        err.print("no events match", markup=False)


@app.command()
def timeline(
    inputs: Inputs,
    dates: Annotated[
        int | None, typer.Option(min=1, help="Number of dates (default: chosen from the data).")
    ] = None,
    sentences: Annotated[int, typer.Option(min=1, help="Sentences per date.")] = 2,
    fmt: Annotated[
        str, typer.Option("--format", help="tilse (Timeline17 gold format), jsonl or md.")
    ] = "md",
    since: Annotated[str | None, typer.Option(
        help="Only days from this date (YYYY-MM-DD), told by articles published since.")] = None,
    until: Annotated[str | None, typer.Option(
        help="Only days up to this date (YYYY-MM-DD), told by articles published by then.")
    ] = None,
    on: Annotated[list[str] | None, typer.Option(
        help="Tell this day (YYYY-MM-DD); repeat for several. Default: days chosen from the data.")
    ] = None,
) -> None:
    """Treat all INPUTS as one topic and print its dated timeline, every line cited."""
    from storyline.model import Article
    from storyline.timeline import build_timeline, to_markdown, to_tilse

    if fmt not in ("tilse", "jsonl", "md"):
        err.print(f"unknown --format {fmt!r}: use tilse, jsonl or md", markup=False)
        raise typer.Exit(EXIT_USAGE)
    first, last = _day_option("--since", since), _day_option("--until", until)
    days = [_day_option("--on", value) for value in on] if on else None
    items = clean_inputs(inputs, Options(quiet=True, understand=False))
    for item in items:
        if isinstance(item, Rejection):
            _report_rejection(item)
    articles = [item for item in items if isinstance(item, Article)]
    if not articles:
        raise typer.Exit(EXIT_NOTHING_USABLE)
    entries = build_timeline(articles, dates=dates, sentences=sentences, since=first,
                             until=last, days=days)
    if not entries:
        err.print("no timeline: no usable sentence names or was published on the asked days",
                  markup=False)
    if fmt == "tilse":
        out.print(to_tilse(entries), markup=False, soft_wrap=True, end="")
    elif fmt == "md":
        out.print(to_markdown(entries), markup=False, soft_wrap=True, end="")
    else:
        for entry in entries:
            out.print(json.dumps(entry.to_dict(), ensure_ascii=False), markup=False,
                      soft_wrap=True)


def _day_option(name: str, value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"{name} wants a date as YYYY-MM-DD, not {value!r}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exported files.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    db: StoreOption = Path(DEFAULT_DB),
) -> None:
    """Export articles, stories, storylines, events, timelines and framing from the store."""
    from storyline.export import FORMATS, export_store
    from storyline.store import open_store

    if fmt not in FORMATS:
        err.print(f"unknown --format {fmt!r}: use {', '.join(FORMATS)}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    with open_store(_existing_store(db)) as store:
        written = export_store(store, out_dir, fmt)
    for table, path in written.items():
        out.print(f"{table}: {path}", markup=False, soft_wrap=True)


@app.command()
def serve(
    db: StoreOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless you mean to share.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Browse the store in a web browser: storylines, stories, articles, events, outlets, search;
    every page has a JSON twin under /api and the OpenAPI spec is at /openapi.json."""
    from storyline.web import serve as serve_store

    path = _existing_store(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"serving on {host}: anyone who can reach this address can read the store",
                  markup=False)
    err.print(f"storyline serving {path} at http://{host}:{port}/ (Ctrl+C stops)", markup=False,
              soft_wrap=True)
    try:
        serve_store(path, host=host, port=port)
    except StorylineError as exc:
        err.print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_NOTHING_USABLE) from exc


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
