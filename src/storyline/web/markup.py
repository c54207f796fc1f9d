"""An article's clean text cut into pieces for display: which piece is an entity mention and
which lies in an event's sentence. The template escapes every piece; nothing here makes HTML.
"""

from __future__ import annotations

from typing import Any


def marked_text(text: str, mentions: list[dict[str, Any]],
                events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pieces of `text` in order, each {text, mention, events, anchor}: `mention` is the entity
    mention covering it (label, name) or None, `events` the types of the events whose sentence
    covers it, `anchor` an id for the first piece of each event sentence (`ev-<offset>`)."""
    size = len(text)
    spans = [(max(0, int(m["start"])), min(size, int(m["end"])), m) for m in mentions]
    spans = [s for s in spans if s[0] < s[1]]
    sentences = [(max(0, int(e["char_start"])), min(size, int(e["char_end"])), e) for e in events]
    sentences = [s for s in sentences if s[0] < s[1]]
    cuts = sorted({0, size, *(p for s in spans for p in s[:2]), *(p for s in sentences
                                                                for p in s[:2])})
    anchors = {start for start, _, _ in sentences}
    pieces: list[dict[str, Any]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        mention = next((m for s, e, m in spans if s <= start and end <= e), None)
        types = sorted({ev["type"] for s, e, ev in sentences if s <= start and end <= e})
        pieces.append({
            "text": text[start:end],
            "mention": {"label": mention["label"],
                        "name": (mention.get("actor") or {}).get("name")
                        or (mention.get("place") or {}).get("name")} if mention else None,
            "events": types,
            "anchor": f"ev-{start}" if start in anchors else None,
        })
    return pieces
