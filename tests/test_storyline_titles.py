"""Storyline titles: the recurring issue, a recurring place (never one meeting's venue), the
actors most stories share (equally shared ones in name order), and the years."""

from __future__ import annotations

from storyline.model import Article, Story, Storyline
from storyline.stories.titles import storyline_title


def _actor(name: str, start: int, kind: str = "country") -> dict:
    return {"text": name, "start": start, "end": start + len(name), "label": "GPE",
            "actor": {"text": name, "name": name, "kind": kind}, "place": None}


def _place(name: str, text: str, feature: str = "city") -> dict:
    start = text.index(name)
    return {"text": name, "start": start, "end": start + len(name), "label": "GPE",
            "actor": None, "place": {"name": name, "feature": feature}}


def _build(situations: list[tuple[str, str, str, list[str], list[str]]]):
    """(story id, date, headline, actors, places named in the lead) per story, two outlets."""
    articles, stories, mentions = [], [], {}
    for sid, date, headline, actors, places in situations:
        ids = []
        for outlet in ("North Wire", "South Ledger"):
            aid = f"{sid}-{outlet.split()[0].lower()}"
            text = f"{' and '.join(actors)} met in {' and '.join(places) or 'private'}. " + (
                "The talks went on for hours. " * 3)
            articles.append(Article(aid, aid, outlet, headline, date, "metadata", "en", text))
            found, at = [], 0
            for name in actors:
                at = text.index(name, at)
                found.append(_actor(name, at))
            found += [_place(p, text) for p in places]
            mentions[aid] = found
            ids.append(aid)
        stories.append(Story(sid, headline, ids, ["North Wire", "South Ledger"], date, date))
    line = Storyline("l-1", "", [s.id for s in stories], stories[0].start, stories[-1].end)
    return line, stories, articles, mentions


def test_issue_names_the_storyline_and_one_meeting_venue_does_not():
    line, stories, articles, mentions = _build([
        ("s1", "2020-01-15", "Egypt and Ethiopia sign Nile dam deal outline in Washington",
         ["Egypt", "Ethiopia"], ["Washington"]),
        ("s2", "2021-04-06", "Nile dam deal talks stall as filling nears",
         ["Egypt", "Ethiopia"], []),
        ("s3", "2022-08-12", "Ethiopia completes third filling, Egypt says Nile dam deal needed",
         ["Ethiopia", "Egypt"], []),
    ])
    title = storyline_title(line, stories, articles, [], mentions)
    assert title == "Nile dam deal: Egypt and Ethiopia, 2020\u20132022"
    assert "Washington" not in title


def test_recurring_place_joins_the_issue():
    line, stories, articles, mentions = _build([
        ("s1", "2021-06-28", "Ceasefire declared around Mekelle", ["Ethiopia", "Eritrea"],
         ["Mekelle"]),
        ("s2", "2021-09-02", "Ceasefire breaks down near Mekelle", ["Ethiopia", "Eritrea"],
         ["Mekelle"]),
        ("s3", "2021-11-20", "Envoys seek to restore ceasefire", ["Eritrea", "Ethiopia"],
         ["Mekelle"]),
    ])
    assert storyline_title(line, stories, articles, [], mentions) == (
        "Ceasefire in Mekelle: Eritrea and Ethiopia, 2021")


def test_without_an_issue_the_recurring_place_and_actors_name_it():
    line, stories, articles, mentions = _build([
        ("s1", "2019-03-01", "Peru and Bolivia discuss Desaguadero border trade",
         ["Peru", "Bolivia"], ["Desaguadero"]),
        ("s2", "2019-07-09", "Bolivia and Peru reopen Desaguadero bridge after floods",
         ["Bolivia", "Peru"], ["Desaguadero"]),
    ])
    assert storyline_title(line, stories, articles, [], mentions) == (
        "Desaguadero: Bolivia and Peru, 2019")


def test_pronoun_and_outlet_are_not_storyline_actors():
    line, stories, articles, mentions = _build([
        ("s1", "2022-02-01", "Fishing quota deal disputed by Norway and Iceland",
         ["We", "North Wire", "Norway", "Iceland"], []),
        ("s2", "2023-02-01", "Norway and Iceland renew fishing quota deal",
         ["We", "North Wire", "Norway", "Iceland"], []),
    ])
    for found in mentions.values():
        for m in found:
            if m["actor"] and m["actor"]["name"] == "We":
                m["actor"]["kind"] = None
    assert storyline_title(line, stories, articles, [], mentions) == (
        "Fishing quota deal: Iceland and Norway, 2022\u20132023")


def test_a_storyline_of_one_story_keeps_the_story_title():
    line, stories, articles, mentions = _build([
        ("s1", "2024-05-05", "Floods reach Porto Alegre", ["Brazil"], ["Porto Alegre"]),
    ])
    stories[0].title = "Brazil sends aid to Porto Alegre, 5 May 2024"
    assert storyline_title(line, stories, articles, [], mentions) == stories[0].title


def test_storyline_title_is_deterministic():
    built = _build([
        ("s1", "2021-06-28", "Ceasefire declared around Mekelle", ["Ethiopia", "Eritrea"],
         ["Mekelle"]),
        ("s2", "2021-09-02", "Ceasefire breaks down near Mekelle", ["Ethiopia", "Eritrea"],
         ["Mekelle"]),
    ])
    line, stories, articles, mentions = built
    first = storyline_title(line, stories, articles, [], mentions)
    again = storyline_title(line, list(reversed(stories)), list(reversed(articles)), [],
                            mentions)
    assert first == again
