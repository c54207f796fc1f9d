"""PLOVER event coding: one sentence in, an event type with mode, source and target out."""

from __future__ import annotations

from storyline.events.cameo import cameo_root
from storyline.events.plover import CodedSentence, EventCoder, code_with_rules

__all__ = ["CodedSentence", "EventCoder", "cameo_root", "code_with_rules"]
