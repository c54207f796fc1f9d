"""storyline: offline news event intelligence.

The public API: `analyze()` runs the whole pipeline; `load_documents()`, `clean_document()`,
`find_duplicates()` and `Store` are the steps, usable alone.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("storyline")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

from storyline.errors import Rejection, StorylineError
from storyline.model import Article, Document
from storyline.options import Options

_LAZY = {
    "analyze": "storyline.pipeline",
    "clean_inputs": "storyline.pipeline",
    "RunResult": "storyline.pipeline",
    "load_documents": "storyline.read",
    "clean_document": "storyline.clean",
    "find_duplicates": "storyline.dedup",
    "open_store": "storyline.store",
}


def __getattr__(name: str) -> object:
    """Import the heavier steps on first use, so `import storyline` stays cheap."""
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name])
        return getattr(module, "iter_documents" if name == "load_documents" else name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    *_LAZY,
    "Article",
    "Document",
    "Options",
    "Rejection",
    "StorylineError",
    "__version__",
]
