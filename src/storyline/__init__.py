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

__all__ = [
    "Article",
    "Document",
    "Options",
    "Rejection",
    "StorylineError",
    "__version__",
]
