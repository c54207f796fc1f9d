"""Shared fixtures: a small mixed-format corpus written here, and paths to the repo's data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def shared_data() -> Path | None:
    """The development benchmark sets, when this checkout sits beside them."""
    configured = os.environ.get("STORYLINE_SHARED_DATA")
    path = Path(configured) if configured else REPO.parent / "shared" / "data"
    return path if path.is_dir() else None


STORY = (
    "Russian and Turkish officials agreed on Thursday to set up a security corridor along the "
    "M4 highway in northern Syria, after talks in Moscow that lasted more than six hours. "
    "The ceasefire took effect at midnight, the two presidents told reporters at the Kremlin. "
    "Joint patrols are due to start on March 15, according to the text read out by both "
    "foreign ministers."
)
OTHER_STORY = (
    "The first ship carrying Ukrainian grain under the Istanbul agreement left the port of "
    "Odesa on Monday morning, bound for Tripoli in Lebanon with about 26,000 tonnes of maize. "
    "Inspectors from Russia, Ukraine, Turkey and the United Nations will check the vessel in "
    "Istanbul before it continues its voyage."
)


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """A folder of good and bad inputs in every format the readers accept."""
    root = tmp_path / "corpus"
    outlet = root / "text" / "sample-courier"
    outlet.mkdir(parents=True)
    header = "Sample Courier | Home | World | Politics | Contact Us\nSearch for:\n"
    footer = "Share on Facebook Share on Twitter\n© 2024 Sample Courier. All rights reserved.\n"
    for i, body in enumerate([STORY, OTHER_STORY, STORY.replace("six", "seven")]):
        (outlet / f"courier-{i}.txt").write_text(
            f"{header}World / Middle East\nHeadline number {i}\n{body}\n{footer}", encoding="utf-8"
        )
    (root / "page.html").write_text(
        "<html><head><title>Grain ship leaves Odesa</title>"
        "<meta property='og:site_name' content='Sample Ledger'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<article><h1>Grain ship leaves Odesa</h1>"
        + "".join(f"<p>{s}.</p>" for s in OTHER_STORY.split(". "))
        + "</article><footer>Copyright 2024 Sample Ledger</footer></body></html>",
        encoding="utf-8",
    )
    records = [
        {
            "id": "wire-1",
            "url": "https://wire.example/2020/03/05/ceasefire",
            "outlet": "Wire",
            "published": "2020-03-05",
            "title": "Ceasefire agreed",
            "text": STORY,
        },
        {
            "id": "wire-2",
            "url": None,
            "outlet": "Wire",
            "published": "2022-08-01",
            "title": "Grain ship",
            "text": OTHER_STORY + " Ukraine hailed the departure.",
        },
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "wire-3", "title": "no body"}))
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


@pytest.fixture(scope="session")
def examples_run(tmp_path_factory: pytest.TempPathFactory):
    """The whole analysis of the demo corpus, once per test session (it parses 55 articles)."""
    from storyline.options import Options
    from storyline.pipeline import analyze

    out = tmp_path_factory.mktemp("examples") / "out"
    return analyze([str(EXAMPLES / "corpus")], out=out, options=Options(quiet=True))


HOSTILE_ID = "feeds/evil?id=1#frag"
HOSTILE_TEXT = (
    "Residents of the town said <script>window.__pwned = 1; document.title = 'pwned'</script> "
    "was painted on a wall.\n\nA second banner read <img src=x onerror=\"window.__pwned = 2\"> "
    "and police removed it on Monday."
)


@pytest.fixture(scope="session")
def web_db(examples_run, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store plus one hostile article (markup in its id, title, outlet, text,
    event and mention), for the web UI tests."""
    import shutil

    from storyline.model import Article
    from storyline.store import open_store

    path = tmp_path_factory.mktemp("web") / "storyline.db"
    shutil.copyfile(examples_run.out / "storyline.db", path)
    sentence_end = HOSTILE_TEXT.index("\n\n")
    with open_store(path) as store:
        store.upsert_articles([Article(
            id=HOSTILE_ID, source="feeds/evil.xml", outlet="<i>Evil</i> \"Outlet\" 'x'",
            title="<b onmouseover=\"window.__pwned = 3\">Hostile</b> title", published="2020-03-06",
            published_basis="metadata", language="en", text=HOSTILE_TEXT,
            removed_lines=["<script>window.__pwned = 4</script> Share this"],
        )])
        event = {
            "id": f"{HOSTILE_ID}:0", "article_id": HOSTILE_ID, "story_id": None,
            "date": "2020-03-02", "date_text": "on Monday", "date_basis": "relative",
            "type": "PROTEST", "mode": None,
            "source": {"text": "<u>Residents</u>", "name": None, "kind": None, "role": None,
                       "country": None},
            "target": None, "location": None, "sentence": HOSTILE_TEXT[:sentence_end],
            "char_start": 0, "char_end": sentence_end, "cameo": "14", "confidence": 0.5,
        }
        mention = {"start": 0, "end": 9, "label": "NORP", "text": "Residents",
                   "actor": {"text": "Residents", "name": "<em>Residents</em>", "kind": None,
                             "role": None, "country": None}, "place": None}
        store.save_findings([(HOSTILE_ID, "test", [event], [mention])])
    return path


@pytest.fixture(scope="session")
def coder():
    """The event coder with its shipped model (spaCy loaded once for the session)."""
    pytest.importorskip("spacy")
    from storyline.events import EventCoder

    return EventCoder.default()


def coded_type(coder, sentence: str) -> str | None:
    """The PLOVER type the coder gives a sentence, or None when it codes no event."""
    coded = coder.code(sentence)
    return coded.type if coded else None
