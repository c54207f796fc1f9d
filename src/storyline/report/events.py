"""An event's source sentence as HTML with its actors and place highlighted, for the report and
the web UI alike. Every piece of the sentence is escaped; only our <mark> tags are markup."""

from __future__ import annotations

from html import escape
from typing import Any

ROLES = ("source", "target", "location")


def highlighted_sentence(event: dict[str, Any]) -> str:
    """The sentence with the words naming the event's source, target and place in <mark>."""
    sentence = str(event.get("sentence") or "")
    spans: list[tuple[int, int, str]] = []
    for role in ROLES:
        text = str((event.get(role) or {}).get("text") or "").strip()
        if not text:
            continue
        start = sentence.find(text)
        if start < 0:
            continue
        end = start + len(text)
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, role))
    out, at = [], 0
    for start, end, role in sorted(spans):
        out.append(escape(sentence[at:start]))
        out.append(f"<mark class='{role}' title='{role}'>{escape(sentence[start:end])}</mark>")
        at = end
    out.append(escape(sentence[at:]))
    return "".join(out)


def event_summary(event: dict[str, Any]) -> str:
    """'TYPE source → target' in plain text (escaped by the caller)."""
    def name(role: str) -> str:
        actor = event.get(role) or {}
        return str(actor.get("name") or actor.get("text") or "?")

    target = f" → {name('target')}" if event.get("target") else ""
    mode = f" ({event['mode']})" if event.get("mode") else ""
    return f"{event.get('type')}{mode} {name('source')}{target}"
