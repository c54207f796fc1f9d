"""Story titles: the central event stated neutrally, or a clean headline when none can be."""

from __future__ import annotations

import random

from storyline.model import Article, Story
from storyline.stories.issues import issues_in
from storyline.stories.phrasing import day_text, years_text
from storyline.stories.titles import clean_headline, story_title


def _article(aid: str, outlet: str, text: str, title: str | None = None,
             published: str = "2021-04-09") -> Article:
    return Article(id=aid, source=aid, outlet=outlet, title=title, published=published,
                   published_basis="metadata", language="en", text=text)


def _event(aid: str, kind: str, sentence: str, source: tuple[str, str, str] | None,
           target: tuple[str, str, str] | None = None, date: str = "2021-04-09",
           location: dict | None = None, start: int = 0) -> dict:
    def actor(a: tuple[str, str, str] | None) -> dict | None:
        return None if a is None else {"text": a[0], "name": a[1], "kind": a[2]}
    return {"article_id": aid, "type": kind, "sentence": sentence, "char_start": start,
            "char_end": start + len(sentence), "source": actor(source), "target": actor(target),
            "date": date, "dated_by": "sentence", "location": location}


def _story(articles: list[Article]) -> Story:
    return Story("s-1", "", [a.id for a in articles], sorted({a.outlet for a in articles}),
                 "2021-04-09", "2021-04-09")


CEASEFIRE = "Kenya and Ethiopia agreed on Friday to a ceasefire in Moyale, officials said."


def _ceasefire_story(outlets: list[str]) -> tuple[list[Article], list[dict]]:
    articles, events = [], []
    for k, outlet in enumerate(outlets):
        aid = f"a{k}"
        articles.append(_article(aid, outlet, CEASEFIRE, title=f"Border truce {k}"))
        events.append(_event(aid, "AGREE", CEASEFIRE, ("Kenya and Ethiopia", "Kenya", "country"),
                             ("Ethiopia", "Ethiopia", "country"),
                             location={"name": "Moyale", "text": "Moyale", "feature": "city"}))
    return articles, events


def test_two_sides_agree_to_the_issue_in_the_place_on_the_day():
    articles, events = _ceasefire_story(["Rift Post", "Horn Wire"])
    assert story_title(_story(articles), articles, events) == (
        "Kenya and Ethiopia agree to ceasefire in Moyale, 9 April 2021")


def test_one_side_takes_the_singular_verb():
    sentence = "Chile agreed on Monday to a lithium export deal, the ministry said."
    articles = [_article(f"c{k}", o, sentence) for k, o in enumerate(["Andes Daily", "Sur"])]
    events = [_event(a.id, "AGREE", sentence, ("Chile", "Chile", "country"), date="2022-11-07")
              for a in articles]
    assert story_title(_story(articles), articles, events) == (
        "Chile agrees to lithium export deal, 7 November 2022")


def test_most_reported_happening_wins_over_a_side_remark():
    articles, events = _ceasefire_story(["Rift Post", "Horn Wire", "Nairobi Star"])
    aside = "Somalia accused Eritrea of arming militias."
    events.append(_event("a0", "ACCUSE", aside, ("Somalia", "Somalia", "country"),
                         ("Eritrea", "Eritrea", "country"), start=200))
    assert story_title(_story(articles), articles, events).startswith(
        "Kenya and Ethiopia agree to ceasefire")


def test_pronoun_actor_is_never_a_title_actor():
    sentence = "We and Germany will meet in Lyon on Monday, the minister said."
    articles = [_article(f"p{k}", o, sentence, title="Paris and Berlin to hold talks in Lyon")
                for k, o in enumerate(["Gazette", "Courier"])]
    events = [_event(a.id, "CONSULT", sentence, ("We", "We", None),
                     ("Germany", "Germany", "country"), date="2018-09-17") for a in articles]
    title = story_title(_story(articles), articles, events)
    assert title == "Paris and Berlin to hold talks in Lyon"
    assert not title.startswith("We")


def test_outlet_is_never_a_title_actor():
    sentence = "Harbor Gazette accused the port authority of hiding the spill."
    articles = [_article("h1", "Harbor Gazette", sentence, title="Oil spill closes Valdivia port")]
    events = [_event("h1", "ACCUSE", sentence, ("Harbor Gazette", "Harbor Gazette", "organization"),
                     ("Valdivia Port", "Valdivia Port", "organization"))]
    assert story_title(_story(articles), articles, events) == "Oil spill closes Valdivia port"


def test_loaded_headline_is_refused_for_a_neutral_one():
    loaded = _article("l1", "State Voice", "Troops held the pass.",
                      title="Heroic defenders crush terrorists at Kessa pass")
    neutral = _article("l2", "Valley News", "Troops held the pass.",
                       title="Army and villagers fight for Kessa pass")
    title = story_title(_story([loaded, neutral]), [loaded, neutral], [])
    assert title == "Army and villagers fight for Kessa pass"


def test_loaded_actor_words_never_reach_an_event_title():
    sentence = "The regime shelled the town of Kessa on Tuesday."
    articles = [_article(f"r{k}", o, sentence, title="Shelling hits Kessa")
                for k, o in enumerate(["A", "B"])]
    events = [_event(a.id, "ASSAULT", sentence, ("The regime", "regime", None),
                     ("Kessa", "Kessa", "place")) for a in articles]
    title = story_title(_story(articles), articles, events)
    assert "regime" not in title.lower()
    assert title == "Shelling hits Kessa"


def test_headline_fallback_drops_site_suffix_and_self_reference():
    own = _article("f1", "Southern Herald", "Rivers rose.",
                   title="Our reporters see floods reach Porto Alegre - Southern Herald")
    other = _article("f2", "Lagoa Times", "Rivers rose.",
                     title="Floods reach Porto Alegre as rivers rise | Lagoa Times")
    assert story_title(_story([own, other]), [own, other], []) == (
        "Floods reach Porto Alegre as rivers rise")


def test_prisoner_exchange_is_the_object_of_the_agreement():
    sentence = "Armenia and Azerbaijan agreed on Thursday to a prisoner exchange, envoys said."
    articles = [_article(f"x{k}", o, sentence) for k, o in enumerate(["Caucasus Post", "Baku"])]
    events = [_event(a.id, "AGREE", sentence, ("Armenia and Azerbaijan", "Armenia", "country"),
                     ("Azerbaijan", "Azerbaijan", "country"), date="2023-12-07")
              for a in articles]
    assert story_title(_story(articles), articles, events) == (
        "Armenia and Azerbaijan agree to prisoner exchange, 7 December 2023")


def test_actor_country_is_not_repeated_as_the_place():
    sentence = "Vietnam and Japan signed a rice trade deal in Vietnam on Friday."
    articles = [_article(f"v{k}", o, sentence) for k, o in enumerate(["Mekong", "Tokyo Ledger"])]
    events = [_event(a.id, "AGREE", sentence, ("Vietnam and Japan", "Vietnam", "country"),
                     ("Japan", "Japan", "country"),
                     location={"name": "Vietnam", "text": "Vietnam", "feature": "country"})
              for a in articles]
    assert story_title(_story(articles), articles, events) == (
        "Vietnam and Japan sign rice trade deal, 9 April 2021")


def test_same_input_in_any_order_gives_the_same_bytes():
    articles, events = _ceasefire_story(["Rift Post", "Horn Wire", "Nairobi Star"])
    events.append(_event("a1", "ACCUSE", "Somalia accused Eritrea.",
                         ("Somalia", "Somalia", "country"), ("Eritrea", "Eritrea", "country"),
                         start=300))
    first = story_title(_story(articles), articles, events)
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    assert story_title(_story(articles), list(reversed(articles)), shuffled) == first


def test_dates_read_day_month_year():
    assert day_text("2020-03-05") == "5 March 2020"
    assert day_text("2021-11") == "November 2021"
    assert day_text("2019") == "2019"
    assert years_text("2018-09-17", "2020-03-05") == "2018\u20132020"
    assert years_text("2023-02-06", "2023-08-09") == "2023"


def test_issue_phrases_keep_their_modifiers_and_drop_verbs_and_nationalities():
    assert [i.text for i in issues_in("Russia and Ukraine sign deals to reopen the Black Sea "
                                      "grain deal")] == ["deals", "Black Sea grain deal"]
    assert [i.text for i in issues_in("the first joint Turkish-Russian patrol")] == [
        "joint patrol"]


def test_clean_headline_drops_a_dateline():
    assert clean_headline("LIMA, May 2 (Andes Wire) – Peru and Bolivia reopen the border") == (
        "Peru and Bolivia reopen the border")
