"""The report: self-contained, a timeline plot per storyline, untrusted text escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storyline.options import Options
from storyline.pipeline import RunResult, analyze

from .conftest import STORY


def test_report_is_self_contained_with_a_plot_and_timeline_per_storyline(
    examples_run: RunResult,
) -> None:
    assert examples_run.out is not None
    html = (examples_run.out / "report.html").read_text(encoding="utf-8")
    assert html.count("<svg") == len(examples_run.storylines) >= 3
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", html)  # nothing from the network
    for line in examples_run.storylines:
        assert line.title in html.replace("&#x27;", "'").replace("&amp;", "&")
    first = examples_run.timeline[0]
    assert first.citations[0]["article_id"] in html
    markdown = (examples_run.out / "report.md").read_text(encoding="utf-8")
    assert f"**{first.date}**" in markdown


def test_article_text_is_escaped_in_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = (
        "<script>alert('x')</script> <img src=x onerror=alert(1)> Headline of the day\n"
        + STORY
    )
    (folder / "hostile.jsonl").write_text(json.dumps({
        "id": "hostile", "title": "<script>alert('t')</script>", "outlet": "<b>Outlet</b>",
        "published": "2020-03-05", "text": hostile,
    }) + "\n", encoding="utf-8")
    result = analyze([str(folder)], out=tmp_path / "out", options=Options(quiet=True))
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert result.articles
    assert "<script>" not in html and "<b>Outlet</b>" not in html
    assert "&lt;script&gt;" in html


def test_framing_is_written_and_shown_side_by_side(examples_run: RunResult) -> None:
    assert examples_run.out is not None
    lines = (examples_run.out / "framing.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records == examples_run.framing and len(records) >= 30
    for record in records:
        assert {"story_id", "outlet", "labels", "loaded_terms", "facts_covered",
                "facts_missing"} <= record.keys()
    html = (examples_run.out / "report.html").read_text(encoding="utf-8")
    assert html.count("Framing:") >= 10


def test_event_sentence_marks_source_target_and_place_and_escapes_the_rest() -> None:
    from storyline.report.events import highlighted_sentence

    event = {
        "sentence": "Turkish troops shelled <b>positions</b> of the army near Saraqib.",
        "source": {"text": "Turkish troops"}, "target": {"text": "the army"},
        "location": {"text": "Saraqib"},
    }
    html = highlighted_sentence(event)
    assert "<mark class='source' title='source'>Turkish troops</mark>" in html
    assert "<mark class='target' title='target'>the army</mark>" in html
    assert "<mark class='location' title='location'>Saraqib</mark>" in html
    assert "&lt;b&gt;positions&lt;/b&gt;" in html and "<b>" not in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == \
        event["sentence"]


def test_report_lists_each_storylines_events_with_marked_sentences(
    examples_run: RunResult,
) -> None:
    page = (examples_run.out / "report.html").read_text(encoding="utf-8")
    assert page.count("<summary>Events (") == len(examples_run.storylines)
    assert "<mark class='source'" in page


def test_report_shows_incidents_reported_by_several_outlets_with_links_to_mentions(
    examples_run,
) -> None:
    html = (examples_run.out / "report.html").read_text(encoding="utf-8")
    markdown = (examples_run.out / "report.md").read_text(encoding="utf-8")
    assert "reported by 4 outlets" in html and "reported by 4 outlets" in markdown
    assert "<summary>Incidents (" in html and "href='#ev-" in html
    assert "### Incidents reported by more than one outlet" in markdown
