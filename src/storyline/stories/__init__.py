"""Stories (articles about one real-world event) and storylines (stories of one ongoing issue),
with stable ids and readable titles."""

from storyline.stories.cluster import (
    DEFAULT_PARAMS,
    StoryParams,
    cluster_stories,
    story_dates,
    story_id,
)
from storyline.stories.link import STORYLINE_PARAMS, link_storylines, storyline_id
from storyline.stories.titles import story_title, storyline_title

__all__ = [
    "DEFAULT_PARAMS",
    "STORYLINE_PARAMS",
    "StoryParams",
    "cluster_stories",
    "link_storylines",
    "story_dates",
    "story_id",
    "story_title",
    "storyline_id",
    "storyline_title",
]
