"""The local runner: read → clean → deduplicate → store → write the contract folder.

Each step is a plain function over the documents so it can be used alone from Python; `analyze`
strings them together, counts what every step kept and dropped, and never stops on one bad input.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import xxhash

from storyline import __version__
from storyline.clean import OutletProfiles, clean_document, preload_cleaning
from storyline.dedup import CopyFeatures, copy_features, find_duplicates
from storyline.errors import Rejection, StorylineError
from storyline.metadata import missing_metadata
from storyline.model import Article, Document, Story, Storyline, TimelineEntry
from storyline.options import Options
from storyline.progress import Reporter
from storyline.read import iter_documents

if TYPE_CHECKING:
    from storyline.store.sqlite import SqliteStore

CONTRACT_VERSION = 1


@functools.cache
def cleaning_version() -> str:
    """Fingerprint of the cleaning code itself: a stored article is reused only when it was
    cleaned by exactly this code, so an upgrade never leaves stale texts in the store."""
    import storyline.clean as clean_package

    digest = xxhash.xxh3_64()
    for path in sorted(Path(clean_package.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOTHING_USABLE = 3

# formats whose text comes from plain text and so are cleaned with the help of outlet profiles
PROFILED_FORMATS = frozenset({"text"})


@dataclass
class RunResult:
    """What one analysis produced; `manifest` is what `manifest.json` holds."""

    articles: list[Article]
    rejections: list[Rejection]
    manifest: dict[str, Any]
    out: Path | None = None
    db: Path | None = None
    stats: dict[str, int] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    """Contract records of `events.jsonl`, sorted by article and position."""
    stories: list[Story] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    framing: list[dict[str, Any]] = field(default_factory=list)
    """One record per (story, outlet): labels, loaded terms, facts covered and missed."""
    incidents: list[dict[str, Any]] = field(default_factory=list)
    """Records of `incidents.jsonl`, sorted by id; each event record carries its `incident_id`."""

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.articles else EXIT_NOTHING_USABLE

    @property
    def duplicates(self) -> list[Article]:
        return [a for a in self.articles if a.duplicate_of]


def document_hash(doc: Document) -> str:
    """Identity of a document's content: same input, same hash, on every run and engine."""
    payload = json.dumps(
        [
            doc.id,
            doc.text,
            doc.html,
            doc.url,
            doc.outlet,
            doc.title,
            doc.published,
            doc.published_basis,
            doc.format,
            doc.extra,
            cleaning_version(),
        ],
        ensure_ascii=False,
    )
    return xxhash.xxh3_128_hexdigest(payload.encode("utf-8"))


def store_key(doc: Document, fingerprint: str) -> str:
    """What the store keeps as an article's `content_hash`: its input's hash and the outlet
    profiles' fingerprint; the article is reused only while both are unchanged."""
    return f"{document_hash(doc)}:{fingerprint}"


def read_documents(
    inputs: Sequence[str],
    options: Options,
    reporter: Reporter | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[list[Document], list[Rejection], int]:
    """Read every input; a second document with an id already seen is dropped when its content is
    the same (returned as a repeat count) and rejected with E107 when it differs, so the first
    reading of an id always wins and nothing is silently overwritten."""
    documents: list[Document] = []
    rejections: list[Rejection] = []
    first_seen: dict[str, Document] = {}
    repeats = 0
    for item in iter_documents(inputs, options, stdin=stdin):
        if reporter:
            reporter.advance("read")
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        if item.id in first_seen:
            first = first_seen[item.id]
            if document_hash(first) == document_hash(item):
                repeats += 1
            else:
                rejections.append(
                    Rejection(
                        item.source,
                        "E107",
                        f"id {item.id!r} already read from {first.source}; the first one is kept",
                    )
                )
            continue
        first_seen[item.id] = item
        documents.append(item)
    return documents, rejections, repeats


def build_profiles(documents: Iterable[Document], options: Options) -> OutletProfiles:
    """Learn each outlet's repeated lines from its plain-text documents (a corpus step)."""
    pairs = [(d.outlet, d.text or "") for d in documents if d.format in PROFILED_FORMATS]
    return OutletProfiles.build(pairs, options)


def profiles_fingerprint(profiles: OutletProfiles, options: Options) -> str:
    """What besides the document decides its cleaning: the learnt profiles and the options."""
    payload = [profiles.to_dict(), options.min_text_chars]
    return xxhash.xxh3_64_hexdigest(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    )


_WORKER_STATE: dict[str, Any] = {}


def _init_worker(
    profiles_data: dict[str, Any], options: Options, profiles_key: str | None
) -> None:
    _WORKER_STATE["profiles"] = OutletProfiles.from_dict(profiles_data)
    _WORKER_STATE["options"] = options
    _WORKER_STATE["profiles_key"] = profiles_key


def cleaning_pool(
    workers: int, profiles: OutletProfiles, options: Options, profiles_key: str | None = None
) -> ProcessPoolExecutor:
    """Worker processes for `clean_one`. What every cleaning process needs (the stoplists, the
    body model) is loaded here, before the workers fork, so they share it instead of each
    loading its own copy at start."""
    preload_cleaning()
    return ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(profiles.to_dict(), options, profiles_key),
    )


def map_cleaning(
    pool: ProcessPoolExecutor, documents: Iterable[Document]
) -> Iterator[tuple[Article | Rejection, CopyFeatures | None]]:
    """`clean_one` of each document in the workers of a `cleaning_pool`, results in order."""
    return pool.map(_clean_in_worker, documents, chunksize=32)


def _clean_in_worker(doc: Document) -> tuple[Article | Rejection, CopyFeatures | None]:
    return clean_one(
        doc, _WORKER_STATE["profiles"], _WORKER_STATE["options"], _WORKER_STATE["profiles_key"]
    )


def clean_one(
    doc: Document, profiles: OutletProfiles, options: Options, profiles_key: str | None = None
) -> tuple[Article | Rejection, CopyFeatures | None]:
    """Clean one document and compute its copy features, where the text is at hand; an error
    on one document becomes its rejection, never the end of the run. With `profiles_key` (the
    profiles' fingerprint), the article's `content_hash` is its `store_key`: hashing a large
    page costs as much as reading it, so it is done here, in parallel, not before cleaning."""
    try:
        result = clean_document(doc, profiles, options)
        if isinstance(result, Rejection):
            return result, None
        if profiles_key is not None:
            result.content_hash = store_key(doc, profiles_key)
        return result, copy_features(result.text, options)
    except StorylineError as error:
        return Rejection.from_error(doc.source, error), None
    except Exception as error:  # noqa: BLE001 - one bad document must not end the run
        return Rejection(doc.source, "E202", f"cleaning: {type(error).__name__}: {error}"), None


@dataclass
class Cleaned:
    articles: list[Article]
    rejections: list[Rejection]
    features: list[CopyFeatures]
    """One per article, in the same order."""
    reused: int


def clean_documents(
    documents: Sequence[Document],
    profiles: OutletProfiles,
    options: Options,
    reuse: dict[str, Article] | None = None,
    reporter: Reporter | None = None,
    on_batch: Callable[[list[Article]], None] | None = None,
    profiles_key: str | None = None,
) -> Cleaned:
    """Clean every document, in parallel when it pays; `reuse` holds articles the store already
    has for unchanged inputs, which are taken as they are. `on_batch` receives the cleaned
    articles as they arrive, so the main process can store them while workers clean. With
    `profiles_key`, each cleaned article's `content_hash` is its store key (see `clean_one`)."""
    reuse = reuse or {}
    todo = [d for d in documents if d.id not in reuse]
    workers = resolve_workers(options.workers, len(todo))
    if workers > 1:
        with cleaning_pool(workers, profiles, options, profiles_key) as pool:
            results = _track(map_cleaning(pool, todo), reporter, on_batch)
    else:
        results = _track(
            (clean_one(d, profiles, options, profiles_key) for d in todo), reporter, on_batch
        )
    cleaned = dict(zip((d.id for d in todo), results, strict=True))
    out = Cleaned([], [], [], len(documents) - len(todo))
    for doc in documents:
        if doc.id in reuse:
            result, features = reuse[doc.id], copy_features(reuse[doc.id].text, options)
        else:
            result, features = cleaned[doc.id]
        if isinstance(result, Rejection):
            out.rejections.append(result)
        else:
            out.articles.append(result)
            out.features.append(features)
    return out


BATCH = 256


def _track(
    results: Iterable[tuple[Article | Rejection, CopyFeatures | None]],
    reporter: Reporter | None,
    on_batch: Callable[[list[Article]], None] | None = None,
) -> list[tuple[Article | Rejection, CopyFeatures | None]]:
    collected = []
    batch: list[Article] = []
    for result in results:
        collected.append(result)
        if reporter:
            reporter.advance("clean")
        if on_batch is not None and isinstance(result[0], Article):
            batch.append(result[0])
            if len(batch) >= BATCH:
                on_batch(batch)
                batch = []
    if on_batch is not None and batch:
        on_batch(batch)
    return collected


CLEAN_MIN_JOBS = 200
NLP_MIN_JOBS = 150
"""Below these many documents, starting worker processes (and, for NLP, loading the models in
each) costs more than it saves."""


def resolve_workers(requested: int, jobs: int, minimum: int = CLEAN_MIN_JOBS) -> int:
    """0 means automatic: processes only when there is enough work to repay starting them."""
    if requested > 0:
        return requested
    if jobs < minimum:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def mark_duplicates(
    articles: Sequence[Article],
    options: Options,
    features: Sequence[CopyFeatures] | None = None,
) -> int:
    """Set `duplicate_of` on every copy (pointing to the root original); returns how many."""
    links = find_duplicates(articles, options, features)
    for article in articles:
        link = links.get(article.id)
        article.duplicate_of = link.original if link else None
    return len(links)


def clean_inputs(
    inputs: Sequence[str], options: Options | None = None, stdin: BinaryIO | None = None
) -> list[Article | Rejection]:
    """Read and clean without storing or deduplicating; profiles are learnt from these inputs
    alone (a JSONL export of one outlet teaches its own boilerplate)."""
    options = options or Options()
    documents, rejections, _ = read_documents(inputs, options, stdin=stdin)
    cleaned = clean_documents(documents, build_profiles(documents, options), options)
    return [*rejections, *cleaned.rejections, *cleaned.articles]


def analyze(
    inputs: Sequence[str],
    out: str | Path | None = None,
    db: str | Path | None = None,
    options: Options | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> RunResult:
    """Run the whole analysis. With `out`, write the contract folder; with `db` (by default
    `out/storyline.db`), keep everything in the store, redoing only what changed."""
    from storyline.output import write_contract
    from storyline.store import open_store

    options = options or Options()
    started = _now()
    out_path = Path(out) if out is not None else None
    db_path = Path(db) if db is not None else (out_path / "storyline.db" if out_path else None)
    if db_path is not None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(db_path) if db_path is not None else None
    try:
        with Reporter(quiet=options.quiet) as reporter:
            result = _run(inputs, options, store, reporter, stdin)
            result.out, result.db = out_path, db_path
            for rejection in result.rejections:
                if on_rejection:
                    on_rejection(rejection)
            result.manifest = build_manifest(inputs, result, options, started)
            if store is not None:
                run_id = xxhash.xxh3_64_hexdigest(json.dumps(result.manifest).encode())
                store.add_rejections(run_id, result.rejections)
                store.record_run(run_id, result.manifest)
            if out_path is not None:
                write_contract(out_path, result)
    finally:
        if store is not None:
            store.close()
    return result


def _run(
    inputs: Sequence[str],
    options: Options,
    store: SqliteStore | None,
    reporter: Reporter,
    stdin: BinaryIO | None,
) -> RunResult:
    stats: dict[str, int] = {}
    reporter.start("read", "Reading inputs")
    documents, rejections, stats["repeated_inputs"] = read_documents(
        inputs, options, reporter, stdin
    )
    reporter.finish("read")
    profiles = build_profiles(documents, options)
    fingerprint = profiles_fingerprint(profiles, options)
    reuse: dict[str, Article] = {}
    known = store.known_hashes() if store is not None else {}
    if store is not None:
        # only an id the store holds can be reused: the other documents are hashed while
        # they are cleaned (clean_one), in the workers
        for doc in documents:
            if doc.id not in known or known[doc.id] != store_key(doc, fingerprint):
                continue
            if (stored := store.get_article(doc.id)) is not None:
                reuse[doc.id] = stored

    written: set[str] = set()

    def keep(batch: list[Article]) -> None:
        """Store articles while the workers clean the next ones; links and inferred dates
        are written in a second, cheap pass that touches only the columns that change."""
        if store is not None:
            store.upsert_articles(batch, written)

    reporter.start("clean", "Cleaning", total=len(documents) - len(reuse))
    cleaned = clean_documents(documents, profiles, options, reuse, reporter, keep, fingerprint)
    reporter.finish("clean")
    articles, stats["reused"] = cleaned.articles, cleaned.reused
    rejections.extend(cleaned.rejections)
    for article in articles:
        if article.published_basis == "inferred":  # a stored inference is made again below
            article.published = article.published_basis = None

    reporter.start("dedup", "Finding duplicates", total=None)
    stats["duplicates"] = mark_duplicates(articles, options, cleaned.features)
    reporter.finish("dedup")
    articles.sort(key=lambda a: a.id)

    result = RunResult(articles, rejections, {}, stats=stats)
    if options.understand:
        from storyline.organize import organize
        from storyline.understand import infer_missing_dates, understand_corpus

        stats["published_inferred"] = infer_missing_dates(articles)
        workers = resolve_workers(options.workers, len(articles), minimum=NLP_MIN_JOBS)
        findings = understand_corpus(articles, store, reporter, workers)
        stats.update(findings.stats)
        organized = organize(articles, findings, store, reporter, workers)
        stats["redated_with_stories"] = organized.redated
        result.events = findings.events
        result.stories, result.storylines = organized.stories, organized.storylines
        result.timeline = organized.timeline
        from storyline.events.incidents import group_incidents

        result.incidents = group_incidents(articles, result.events)
        from storyline.framing import compare_framing

        result.framing = compare_framing(result.stories, articles, result.events,
                                         findings.mentions)
    stats.update(missing_metadata(articles).stats())
    if store is not None:
        # links, inferred dates and story ids: an update writes only the changed columns
        store.upsert_articles(articles, written)
        store.save_profiles(profiles.to_dict())
        if options.understand:
            store.save_stories(result.stories, result.storylines, result.timeline)
            store.save_framing(result.framing)
            store.save_incidents(result.incidents)
        stats["inserted"] = len(written - set(known))
        stats["updated"] = len(written & set(known))
        stats["unchanged"] = len(articles) - len(written)
    return result


def build_manifest(
    inputs: Sequence[str], result: RunResult, options: Options, started: str
) -> dict[str, Any]:
    reasons = Counter(r.reason for r in result.rejections)
    return {
        "contract": CONTRACT_VERSION,
        "version": __version__,
        "started": started,
        "finished": _now(),
        "inputs": list(inputs),
        "counts": {
            "documents": len(result.articles) + len(result.rejections),
            "articles": len(result.articles),
            "duplicates": len(result.duplicates),
            "stories": len(result.stories),
            "storylines": len(result.storylines),
            "events": len(result.events),
            "incidents": len(result.incidents),
            "rejected": len(result.rejections),
        },
        "rejected_by_reason": dict(sorted(reasons.items())),
        "stats": dict(result.stats),
        "settings": options.to_dict(),
        "models": _models(options),
    }


def _models(options: Options) -> dict[str, str]:
    """Versions of the models the run used: the same input gives the same output only with them."""
    if not options.understand:
        return {}
    from storyline.nlp import model_info

    info = model_info()
    return {"spacy": f"{info.get('name')} {info.get('version')}"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
