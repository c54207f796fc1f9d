"""Language processing: the shared spaCy pipeline and actor normalization."""

from storyline.nlp.entities import ActorNormalizer, entities_of
from storyline.nlp.pipeline import load_nlp, model_info, parse_texts

__all__ = ["ActorNormalizer", "entities_of", "load_nlp", "model_info", "parse_texts"]
