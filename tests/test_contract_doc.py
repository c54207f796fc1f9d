"""docs/output-contract.md names every key the run writes (issue 14, item 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[1] / "docs" / "output-contract.md"
JSONL = ("articles.jsonl", "rejected.jsonl", "stories.jsonl", "storylines.jsonl",
         "events.jsonl", "incidents.jsonl", "timeline.jsonl", "framing.jsonl")
FREE_KEYS = {"rejected_by_reason"}
"""Objects whose keys are data (reason codes), not field names."""


def _keys(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            into.add(key)
            if key not in FREE_KEYS:
                _keys(inner, into)
    elif isinstance(value, list):
        for inner in value:
            _keys(inner, into)
    return into


def _documented() -> set[str]:
    return set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", DOC.read_text(encoding="utf-8")))


def test_every_key_the_demo_run_writes_is_named_in_the_contract_doc(examples_run) -> None:
    out = examples_run.out
    documented = _documented()
    missing: dict[str, list[str]] = {}
    for name in JSONL:
        written: set[str] = set()
        for line in (out / name).open(encoding="utf-8"):
            _keys(json.loads(line), written)
        if gaps := sorted(written - documented):
            missing[name] = gaps
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    if gaps := sorted(_keys(manifest, set()) - documented):
        missing["manifest.json"] = gaps
    assert not missing, f"keys written but not named in docs/output-contract.md: {missing}"


def test_every_contract_file_the_run_writes_is_named_in_the_contract_doc(examples_run) -> None:
    text = DOC.read_text(encoding="utf-8")
    for path in examples_run.out.iterdir():
        if path.is_file() and not path.name.endswith((".tmp", "-wal", "-shm")):
            assert f"`{path.name}`" in text, path.name
