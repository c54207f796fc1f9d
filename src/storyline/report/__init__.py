"""The run report: a self-contained HTML page (no network, opens from file://) and a Markdown twin.

Article text is untrusted input: everything taken from it is escaped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from html import escape
from typing import TYPE_CHECKING

from storyline.errors import CATALOGUE
from storyline.metadata import HINTS, missing_metadata
from storyline.report.events import event_summary, highlighted_sentence
from storyline.report.plots import timeline_svg

if TYPE_CHECKING:
    from storyline.model import Article
    from storyline.pipeline import RunResult

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1,h2,h3{font-weight:600}dd{margin:.2rem 0 .4rem 1.2rem}svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.muted{color:#777}.num{text-align:right}
code{background:#f4f4f4;padding:0 .2rem}
mark{background:#fde58a}mark.target{background:#f9c8a8}mark.location{background:#c8e6c9}
details{margin:.3rem 0}.chain{margin:.4rem 0 .8rem}
.notice{background:#fff8e1;border-left:4px solid #f0b400;padding:.3rem 1rem;margin:1rem 0}
"""


def duplicate_chains(articles: list[Article]) -> dict[str, list[Article]]:
    """Original id -> its copies, for every original that was copied."""
    chains: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.duplicate_of:
            chains[article.duplicate_of].append(article)
    return dict(sorted(chains.items()))


def _label(article: Article) -> str:
    outlet = article.outlet or "unknown outlet"
    return f"{article.title or article.id} ({outlet}, {article.published or 'undated'})"


def render_html(result: RunResult) -> str:
    counts = result.manifest.get("counts", {})
    by_id = {a.id: a for a in result.articles}
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>storyline report</title><style>{STYLE}</style></head><body>",
        "<h1>storyline report</h1>",
        # no run times here: the same input gives the same report, byte for byte
        f"<p class='muted'>storyline {escape(str(result.manifest.get('version', '')))}</p>",
        "<h2>Counts</h2><table>",
        *(f"<tr><th>{escape(k)}</th><td class='num'>{int(v)}</td></tr>" for k, v in counts.items()),
        "</table>",
        *_missing_html(result),
    ]
    parts += _storylines_html(result)
    outlets = Counter(a.outlet or "unknown" for a in result.articles)
    parts.append("<h2>Outlets</h2><table><tr><th>outlet</th><th>articles</th></tr>")
    parts += [
        f"<tr><td>{escape(o)}</td><td class='num'>{n}</td></tr>" for o, n in sorted(outlets.items())
    ]
    parts.append("</table>")

    chains = duplicate_chains(result.articles)
    parts.append(f"<h2>Duplicate chains ({len(chains)})</h2>")
    for original_id, copies in chains.items():
        original = by_id.get(original_id)
        head = _label(original) if original else original_id
        parts.append(f"<div class='chain'><strong>{escape(head)}</strong><ul>")
        parts += [f"<li>copied by {escape(_label(c))}</li>" for c in copies]
        parts.append("</ul></div>")

    parts.append(
        "<h2>Articles</h2><table><tr><th>id</th><th>title</th><th>outlet</th>"
        "<th>published</th><th>boilerplate removed</th></tr>"
    )
    for article in result.articles:
        removed = "".join(f"<li>{escape(line)}</li>" for line in article.removed_lines)
        details = (
            (
                f"<details><summary>{len(article.removed_lines)} lines</summary><ul>{removed}</ul>"
                "</details>"
            )
            if article.removed_lines
            else "0"
        )
        parts.append(
            f"<tr><td><code>{escape(article.id)}</code></td><td>{escape(article.title or '')}</td>"
            f"<td>{escape(article.outlet or '')}</td><td>{escape(article.published or '')}"
            f"<span class='muted'> {escape(article.published_basis or '')}</span></td>"
            f"<td>{details}</td></tr>"
        )
    parts.append("</table>")

    parts.append(
        f"<h2>Rejected inputs ({len(result.rejections)})</h2><table>"
        "<tr><th>source</th><th>code</th><th>detail</th></tr>"
    )
    for rejection in result.rejections:
        parts.append(
            f"<tr><td>{escape(rejection.source)}</td>"
            f"<td title='{escape(CATALOGUE[rejection.reason])}'>"
            f"{escape(rejection.reason)}</td><td>{escape(rejection.detail)}</td></tr>"
        )
    parts.append("</table></body></html>\n")
    return "\n".join(parts)


def code_spans(text: str) -> str:
    """Text escaped for HTML, with its `backquoted` parts set as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def _missing_html(result: RunResult) -> list[str]:
    """The notice on articles without outlet or date and how to give them, when any lack one."""
    missing = missing_metadata(result.articles)
    if not missing.anything:
        return []
    return [
        "<section class='notice' id='missing-metadata'><h2>Missing metadata</h2>",
        f"<p>{escape(missing.summary())} Outlets and dates are what framing and timelines "
        "compare; give them this way:</p><ul>",
        *(f"<li><strong>{escape(kind)}</strong>: {code_spans(how)}</li>" for kind, how in HINTS),
        "</ul></section>",
    ]


def _storylines_html(result: RunResult) -> list[str]:
    """Each storyline: its timeline plot, its stories with their outlets, and its timeline with
    every line's citation."""
    if not result.storylines:
        return []
    stories = {s.id: s for s in result.stories}
    by_id = {a.id: a for a in result.articles}
    parts = [f"<h2>Storylines ({len(result.storylines)})</h2>"]
    for line in sorted(result.storylines, key=lambda s: (s.start or "", s.id)):
        members = [stories[i] for i in line.story_ids if i in stories]
        entries = [e for e in result.timeline if e.storyline_id == line.id]
        parts.append(f"<h3 id='{escape(line.id)}'>{escape(line.title)}</h3>"
                     f"<p class='muted'>{escape(line.start or '?')} – {escape(line.end or '?')}, "
                     f"{len(members)} stories</p>")
        parts.append(timeline_svg(members, entries))
        parts.append("<table><tr><th>story</th><th>dates</th><th>outlets</th>"
                     "<th>articles</th></tr>")
        for story in sorted(members, key=lambda s: (s.start or "", s.id)):
            parts.append(
                f"<tr><td>{escape(story.title)}</td><td>{escape(story.start or '')}"
                f"{' – ' + escape(story.end) if story.end and story.end != story.start else ''}"
                f"</td><td>{escape(', '.join(story.outlets))}</td>"
                f"<td class='num'>{len(story.article_ids)}</td></tr>")
        parts.append("</table><h4>Timeline</h4><dl>")
        for entry in entries:
            parts.append(f"<dt><strong>{escape(entry.date)}</strong></dt>")
            for sentence, cite in zip(entry.summary, entry.citations, strict=False):
                source = by_id.get(cite.get("article_id", ""))
                where = f"{source.outlet or ''}, {source.title or source.id}" if source else ""
                dated = (f" · dated by “<span title='{escape(str(cite.get('date_type')))} "
                         f"{escape(str(cite.get('date_value')))}'>"
                         f"{escape(str(cite['date_text']))}</span>”"
                         if cite.get("date_text") else "")
                parts.append(f"<dd>{escape(sentence)} <span class='muted'>[{escape(where)} · "
                             f"<code>{escape(cite.get('article_id', ''))}</code>{dated}]"
                             "</span></dd>")
        parts.append("</dl>")
        parts += _incidents_html(result, members)
        parts += _events_html(result, members)
        parts += _framing_html(result, members)
    return parts


def _events_html(result: RunResult, stories: list) -> list[str]:
    """The storyline's coded events, story by story, each with its source sentence and the
    words naming who, whom and where highlighted."""
    story_ids = {s.id for s in stories}
    events = [e for e in result.events if e.get("story_id") in story_ids]
    if not events:
        return []
    parts = [f"<details><summary>Events ({len(events)})</summary><table><tr><th>date</th>"
             "<th>event</th><th>place</th><th>sentence</th><th>article</th></tr>"]
    for event in sorted(events, key=lambda e: (e.get("date") or "", e["article_id"],
                                              e["char_start"])):
        place = (event.get("location") or {}).get("name") or ""
        parts.append(
            f"<tr id='{escape(_anchor(event['id']))}'><td>{escape(event.get('date') or '')}</td>"
            f"<td>{escape(event_summary(event))}</td><td>{escape(place)}</td>"
            f"<td>{highlighted_sentence(event)}</td>"
            f"<td><code>{escape(event['article_id'])}</code></td></tr>")
    parts.append("</table></details>")
    return parts


def _framing_html(result: RunResult, stories: list) -> list[str]:
    """Per story, its outlets side by side: how each names the actors, loaded terms, and the
    facts the other outlets reported that it left out."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for record in result.framing:
        by_story[record["story_id"]].append(record)
    parts: list[str] = []
    for story in sorted(stories, key=lambda s: (s.start or "", s.id)):
        records = by_story.get(story.id, [])
        if len(records) < 2:
            continue
        parts.append(f"<details><summary>Framing: {escape(story.title)}</summary><table><tr>"
                     + "".join(f"<th>{escape(r['outlet'] or '')}</th>" for r in records)
                     + "</tr><tr>")
        for record in records:
            labels = sorted(record["labels"], key=lambda x: -x["count"])[:8]
            loaded = record["loaded_terms"][:8]
            missing = record["facts_missing"][:6]
            cell = "<ul>" + "".join(
                f"<li>{escape(x['actor'])}: <em>{escape(x['term'])}</em> ×{x['count']}</li>"
                for x in labels) + "</ul>"
            if loaded:
                cell += "<p>loaded: " + ", ".join(
                    f"{escape(x['term'])} ({escape(x['category'])})" for x in loaded) + "</p>"
            if missing:
                cell += "<p class='muted'>missing: " + "; ".join(
                    escape(describe_fact(f)) for f in missing) + "</p>"
            parts.append(f"<td>{cell}</td>")
        parts.append("</tr></table></details>")
    return parts


def describe_fact(fact: dict) -> str:
    if fact.get("kind") == "number":
        return str(fact.get("text") or f"{fact.get('value')} {fact.get('unit')}")
    return f"{fact.get('type')} {fact.get('source') or '?'} → {fact.get('target') or '-'}"


def _anchor(event_id: str) -> str:
    return "ev-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in event_id)


def reported_by(incident: dict) -> str:
    """'reported by 4 outlets (6 mentions in 5 articles)'."""
    def counted(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    return (f"reported by {counted(len(incident.get('outlets') or []), 'outlet')} "
            f"({counted(incident['mentions'], 'mention')} in "
            f"{counted(len(incident['article_ids']), 'article')})")


def story_incidents(result: RunResult, story_ids: set[str]) -> list[dict]:
    """The incidents with a mention in these stories, most reported first."""
    found = [r for r in result.incidents if story_ids & set(r.get("story_ids") or [])]
    return sorted(found, key=lambda r: (-len(r["outlets"]), -r["mentions"], r["date"] or "",
                                        r["id"]))


def _incidents_html(result: RunResult, stories: list) -> list[str]:
    """The storyline's incidents (one per happening) with links to their mentions' rows."""
    incidents = story_incidents(result, {s.id for s in stories})
    if not incidents:
        return []
    parts = [f"<details><summary>Incidents ({len(incidents)})</summary><table><tr>"
             "<th>date</th><th>incident</th><th>reported</th><th>mentions</th></tr>"]
    for record in incidents:
        links = " ".join(f"<a href='#{escape(_anchor(i))}'>{n}</a>"
                         for n, i in enumerate(record["event_ids"], 1))
        parts.append(f"<tr id='{escape(record['id'])}'><td>{escape(record.get('date') or '')}"
                     f"</td><td>{escape(event_summary(record))}</td>"
                     f"<td>{escape(reported_by(record))}</td><td>{links}</td></tr>")
    parts.append("</table></details>")
    return parts


def render_markdown(result: RunResult) -> str:
    counts = result.manifest.get("counts", {})
    lines = ["# storyline report", ""]
    lines += [f"- {k}: {v}" for k, v in counts.items()]
    missing = missing_metadata(result.articles)
    if missing.anything:
        lines += ["", "## Missing metadata", "", f"{missing.summary()} Give it this way:", ""]
        lines += [f"- {kind}: {how}" for kind, how in HINTS]
    chains = duplicate_chains(result.articles)
    by_id = {a.id: a for a in result.articles}
    lines += ["", f"## Duplicate chains ({len(chains)})", ""]
    for original_id, copies in chains.items():
        original = by_id.get(original_id)
        lines.append(f"- {_md(_label(original) if original else original_id)}")
        lines += [f"  - copied by {_md(_label(c))}" for c in copies]
    for line in sorted(result.storylines, key=lambda s: (s.start or "", s.id)):
        lines += ["", f"## {_md(line.title)} ({line.start} – {line.end})", ""]
        for entry in (e for e in result.timeline if e.storyline_id == line.id):
            for sentence, cite in zip(entry.summary, entry.citations, strict=False):
                lines.append(f"- **{entry.date}** {_md(sentence)} [`{cite.get('article_id')}`]")
        members = {s.id for s in result.stories if s.storyline_id == line.id}
        shared = [r for r in story_incidents(result, members) if len(r["outlets"]) > 1]
        if shared:
            lines += ["", f"### Incidents reported by more than one outlet ({len(shared)})", ""]
            for record in shared:
                mentions = ", ".join(f"`{i}`" for i in record["event_ids"])
                lines.append(f"- **{record.get('date') or 'undated'}** "
                             f"{_md(event_summary(record))}: {reported_by(record)}; "
                             f"mentions {mentions}")
    lines += ["", "## Articles", "", "| id | title | outlet | published |", "|---|---|---|---|"]
    lines += [
        f"| {_md(a.id)} | {_md(a.title or '')} | {_md(a.outlet or '')} | {a.published or ''} |"
        for a in result.articles
    ]
    lines += ["", f"## Rejected inputs ({len(result.rejections)})", ""]
    lines += [f"- `{r.reason}` {_md(r.source)}: {_md(r.detail)}" for r in result.rejections]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
