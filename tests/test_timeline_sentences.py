"""The light sentence splitter and date attachment that timeline lines rely on."""

from __future__ import annotations

from datetime import date

from storyline.model import Article
from storyline.timeline.select_sentences import article_sentences, split_sentences


def _pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_one_sentence_per_line_text_keeps_its_lines():
    assert _pieces("First line here .\nSecond line here .") == ["First line here .",
                                                             "Second line here ."]


def test_paragraph_is_split_at_sentence_ends_but_not_after_titles_or_initials():
    text = "Mr. Hale met Gen. Ross in J. Smith's office. They agreed. Talks resume soon!"
    assert _pieces(text) == ["Mr. Hale met Gen. Ross in J. Smith's office.", "They agreed.",
                             "Talks resume soon!"]


def test_weekday_reference_attaches_the_resolved_day_to_its_sentence():
    article = Article(id="a", source="a", outlet=None, title=None, published="2024-03-05",
                      published_basis="metadata", language="en",
                      text="The bridge closed on Monday. Traffic was slow.")
    first, second = article_sentences(article)
    assert first.mentions == (date(2024, 3, 4),)
    assert second.mentions == ()


def test_dateline_timestamp_is_not_counted_as_a_mention():
    article = Article(id="a", source="a", outlet=None, title=None, published="2011-05-03",
                      published_basis="metadata", language="en",
                      text="LONDON | Tue May 3 , 2011 12:48 am BST\nThe talks ended on Monday .")
    sentences = article_sentences(article)
    assert sentences[0].mentions == ()
    assert sentences[1].mentions == (date(2011, 5, 2),)
