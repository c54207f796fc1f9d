"""Framing per (story, outlet): labels, loaded terms, distinctive words and facts missed."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from storyline.framing import (
    Lexicon,
    compare_framing,
    distinctive_terms,
    load_lexicon,
    number_facts,
    number_value,
    weighted_log_odds,
)
from storyline.model import Article, Story
from storyline.nlp import load_nlp

FIXTURES = Path(__file__).parent / "fixtures" / "framing"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLD_LABEL_FLOOR = 0.5
"""Share of the gold's (story, outlet, actor, term) labels found; measured 0.54 on examples/."""


# ------------------------------------------------------------------------------ hand-made story


def harbour_story() -> tuple[list[Story], list[Article], list[dict], dict[str, list[dict]]]:
    """Our two-outlet fixture as the pipeline would hand it over (mention offsets found here)."""
    data = json.loads((FIXTURES / "harbour_story.json").read_text("utf-8"))
    articles, events, mentions = [], [], {}
    for item in data["articles"]:
        text = item["text"]
        articles.append(Article(id=item["id"], source=item["id"], outlet=item["outlet"],
                                title=None, published="2024-05-06", published_basis="metadata",
                                language="en", text=text, duplicate_of=item.get("duplicate_of"),
                                story_id="s-harbour"))
        found, cursor = [], 0
        for words, name, label in item["mentions"]:
            start = text.index(words, cursor)
            cursor = start + len(words)
            found.append({"text": words, "label": label, "start": start, "end": cursor,
                          "actor": {"text": words, "name": name, "kind": "group"}})
        mentions[item["id"]] = found
        for number, event in enumerate(item["events"]):
            events.append({"id": f"{item['id']}:{number}", "article_id": item["id"],
                           "type": event["type"],
                           "source": {"name": event["source"][0], "kind": event["source"][1]},
                           "target": {"name": event["target"][0], "kind": event["target"][1]}})
    story = Story(id="s-harbour", title="Harbour shelled", article_ids=[a.id for a in articles],
                  outlets=sorted({a.outlet for a in articles if a.outlet}), start=None, end=None)
    return [story], articles, events, mentions


@pytest.fixture(scope="module")
def harbour() -> dict[str, dict]:
    return {r["outlet"]: r for r in compare_framing(*harbour_story())}


def labels_of(record: dict, actor: str) -> set[str]:
    return {label["term"] for label in record["labels"] if label["actor"] == actor}


def test_one_record_per_story_and_outlet_in_contract_shape(harbour: dict[str, dict]) -> None:
    assert sorted(harbour) == ["North Gazette", "South Herald"]
    for record in harbour.values():
        assert list(record) == ["story_id", "outlet", "labels", "loaded_terms",
                                "distinctive_terms", "facts_covered", "facts_missing"]
        assert record["story_id"] == "s-harbour"


def test_adjective_mention_is_labelled_by_the_noun_it_modifies(harbour: dict[str, dict]) -> None:
    assert "Ostrian regime" in labels_of(harbour["North Gazette"], "Ostria")
    assert "Ostrian government" in labels_of(harbour["South Herald"], "Ostria")
    assert "Ostrian regime" not in labels_of(harbour["South Herald"], "Ostria")


def test_same_group_is_named_differently_by_each_outlet(harbour: dict[str, dict]) -> None:
    assert labels_of(harbour["North Gazette"], "Harbour militia") == {"paid mercenaries"}
    assert labels_of(harbour["South Herald"], "Harbour militia") == {"armed groups"}


def test_label_counts_pool_the_outlets_articles_including_its_copies(
    harbour: dict[str, dict],
) -> None:
    south = {(x["actor"], x["term"]): x["count"] for x in harbour["South Herald"]["labels"]}
    assert south[("Ostrian armed forces", "Coastal guards")] == 1  # only from its copy
    assert south[("Vellmar", "Vellmar")] == 2


def test_loaded_terms_are_counted_under_their_categories(harbour: dict[str, dict]) -> None:
    def loaded(outlet: str) -> dict[str, tuple[str, int]]:
        return {x["term"]: (x["category"], x["count"]) for x in harbour[outlet]["loaded_terms"]}

    north, south = loaded("North Gazette"), loaded("South Herald")
    assert north["regime"] == ("legitimacy", 1)
    assert north["massacre"] == ("victimhood", 1)
    assert north["paid mercenaries"] == ("violence_actor", 1)
    assert "mercenaries" not in north  # the longer term took those words
    assert south["armed group"] == ("violence_actor", 1)  # plural found under the listed term
    assert south["calm"] == ("euphemism", 1)
    assert south["government"] == ("legitimacy", 2)  # one in its copy of the North story


def test_number_one_outlet_reports_is_missing_from_the_other(harbour: dict[str, dict]) -> None:
    missing = harbour["South Herald"]["facts_missing"]
    civilians = [f for f in missing if f["kind"] == "number" and f["unit"] == "civilian"]
    assert civilians and civilians[0]["value"] == 15
    assert civilians[0]["reported_by"] == ["North Gazette"]
    # "Twelve fishing boats" and "12 boats" are the same fact
    for record in harbour.values():
        assert {"kind": "number", "value": 12, "unit": "boat"}.items() <= next(
            f for f in record["facts_covered"] if f.get("unit") == "boat").items()
        assert not any(f.get("unit") == "boat" for f in record["facts_missing"])


def test_event_tuple_reported_by_one_outlet_only_is_missing_from_the_other(
    harbour: dict[str, dict],
) -> None:
    def tuples(facts: list[dict]) -> set[tuple]:
        return {(f["type"], f["source"], f["target"]) for f in facts if f["kind"] == "event"}

    north, south = harbour["North Gazette"], harbour["South Herald"]
    assert tuples(south["facts_missing"]) == set()  # its copy carries North's event
    assert tuples(north["facts_missing"]) == {("ASSAULT", "Harbour militia", "Vellmar")}


def test_framing_does_not_depend_on_input_order() -> None:
    stories, articles, events, mentions = harbour_story()
    first = compare_framing(stories, articles, events, mentions)
    shuffled = random.Random(7)
    articles, events = articles[:], events[:]
    shuffled.shuffle(articles)
    shuffled.shuffle(events)
    assert compare_framing(stories, articles, events, mentions) == first
    assert json.dumps(first, sort_keys=False) == json.dumps(
        compare_framing(*harbour_story()), sort_keys=False)


# ---------------------------------------------------------------------------- the building blocks


def test_weighted_log_odds_sign_and_ordering_on_a_hand_example() -> None:
    outlet = {"regime": 12, "talks": 1, "the": 40, "said": 6}
    others = {"regime": 1, "talks": 10, "the": 40, "said": 6}
    prior = {"regime": 2.0, "talks": 2.0, "the": 40.0, "said": 6.0}
    z = weighted_log_odds(outlet, others, prior)
    assert z["regime"] > 1.96 > z["the"] > -1.96 > z["talks"]
    assert z["regime"] > z["said"] > z["talks"]
    assert abs(z["the"]) < 0.5
    reverse = weighted_log_odds(others, outlet, prior)
    assert reverse["regime"] == pytest.approx(-z["regime"])
    assert [d["term"] for d in distinctive_terms(outlet, others, prior)] == ["regime"]


def test_a_prior_rich_in_a_word_shrinks_its_score() -> None:
    outlet, others = {"truce": 6, "and": 50}, {"truce": 1, "and": 50}
    weak = weighted_log_odds(outlet, others, {"truce": 0.5, "and": 10.0})
    strong = weighted_log_odds(outlet, others, {"truce": 20.0, "and": 10.0})
    assert 0 < strong["truce"] < weak["truce"]


def test_number_words_and_digits_normalize_to_one_value() -> None:
    assert number_value(["thirty", "-", "three"]) == 33
    assert number_value(["26,000"]) == 26000
    assert number_value(["3.6", "million"]) == 3_600_000
    assert number_value(["one", "hundred", "and", "twenty"]) == 120
    assert number_value(["many"]) is None


def test_numbers_count_units_by_lemma_and_skip_dates_and_names() -> None:
    doc = load_nlp()("Thirty-three of our soldiers died and 34 soldiers were wounded in 2018. "
                     "Article 4 was invoked on March 15. The deal runs for 120 days.")
    facts = {(value, unit) for value, unit, _ in number_facts(doc)}
    assert facts == {(33, "soldier"), (34, "soldier"), (120, "day")}


def test_lexicon_matches_whole_words_case_insensitively_across_line_breaks() -> None:
    lexicon = load_lexicon()
    text = ("Terrorist\norganizations shelled the regime-held town; the regimental band "
            "played. Innocent civilians fled the occupation.")
    found = Counter(lexicon.find(text))
    assert found[("terrorist organization", "violence_actor")] == 1
    assert found[("regime-held", "legitimacy")] == 1
    assert found[("innocent civilians", "victimhood")] == 1
    assert found[("occupation", "aggression_blame")] == 1
    assert not any(term == "regime" for term, _ in found)  # not in "regimental"


def test_a_term_listed_under_two_categories_is_refused() -> None:
    with pytest.raises(ValueError, match="(?i)regime"):
        Lexicon.from_mapping({"categories": {"a": {"terms": ["regime"]},
                                             "b": {"terms": ["Regime"]}}})


def test_lexicon_documents_every_category() -> None:
    path = resources.files("storyline").joinpath("data", "framing_lexicon.json")
    raw = json.loads(path.read_text("utf-8"))
    assert raw["about"]
    assert {"violence_actor", "legitimacy", "victimhood", "aggression_blame", "heroism",
            "euphemism"} <= set(raw["categories"])
    assert all(entry["about"] and entry["terms"] for entry in raw["categories"].values())


# ------------------------------------------------------------------------------- the demo corpus


@pytest.fixture(scope="module")
def demo(examples_run: Any) -> dict[str, Any]:
    from storyline.store.sqlite import SqliteStore

    with SqliteStore(examples_run.db) as store:
        mentions = store.mentions([a.id for a in examples_run.articles])
    records = compare_framing(examples_run.stories, examples_run.articles,
                              examples_run.events, mentions)
    return {"run": examples_run, "mentions": mentions, "records": records,
            "by": {(r["story_id"], r["outlet"]): r for r in records}}


def story_with(demo: dict[str, Any], article_id: str) -> str:
    return next(s.id for s in demo["run"].stories if article_id in s.article_ids)


def test_demo_moscow_ceasefire_outlets_label_the_same_sides_differently(
    demo: dict[str, Any],
) -> None:
    story = story_with(demo, "lw-2020-03-05-moscow-ceasefire")
    herald = demo["by"][(story, "Damascus Herald")]
    wire = demo["by"][(story, "Levant Wire")]
    courier = demo["by"][(story, "Moscow Courier")]
    assert "Syrian Arab Army" in labels_of(herald, "Syrian government")
    assert "Syrian Arab Army" not in labels_of(wire, "Syrian government")
    assert "Syrian government forces" in labels_of(wire, "Syrian government")
    assert "terrorist groups" in labels_of(herald, "Syrian opposition")
    assert "terrorists" in labels_of(courier, "Syrian opposition")


def test_demo_damascus_herald_calls_turkey_a_regime_and_anatolia_daily_post_does_not(
    demo: dict[str, Any],
) -> None:
    story = story_with(demo, "dh-sochi-idlib-understanding")
    herald = labels_of(demo["by"][(story, "Damascus Herald")], "Turkey")
    anatolia = labels_of(demo["by"][(story, "Anatolia Daily Post")], "Turkey")
    assert "Turkish regime" in herald
    assert anatolia and not any("regime" in label for label in anatolia)


def test_demo_loaded_terms_by_category(demo: dict[str, Any]) -> None:
    story = story_with(demo, "adp-balyun-heroic-soldiers")

    def categories(outlet: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for item in demo["by"][(story, outlet)]["loaded_terms"]:
            found.setdefault(item["category"], set()).add(item["term"])
        return found

    anatolia, courier = categories("Anatolia Daily Post"), categories("Moscow Courier")
    assert "heroic" in anatolia["heroism"]
    assert {"martyr", "martyred"} <= anatolia["victimhood"]
    assert "regime" in anatolia["legitimacy"]
    assert "peacekeeping efforts" in courier["euphemism"]
    assert "heroism" not in courier


def test_demo_death_toll_missing_from_the_outlet_that_omits_it(demo: dict[str, Any]) -> None:
    story = story_with(demo, "adp-balyun-heroic-soldiers")

    def soldiers(facts: list[dict]) -> set[Any]:
        return {f["value"] for f in facts if f["kind"] == "number" and f["unit"] == "soldier"}

    assert 33 in soldiers(demo["by"][(story, "Levant Wire")]["facts_covered"])
    assert 33 in soldiers(demo["by"][(story, "Anatolia Daily Post")]["facts_covered"])
    courier = demo["by"][(story, "Moscow Courier")]
    assert 33 not in soldiers(courier["facts_covered"])
    assert 33 in soldiers(courier["facts_missing"])


def test_demo_framing_is_deterministic(demo: dict[str, Any]) -> None:
    run = demo["run"]
    again = compare_framing(list(reversed(run.stories)), list(reversed(run.articles)),
                            list(reversed(run.events)), demo["mentions"])
    assert again == demo["records"]
    keys = [(r["story_id"], r["outlet"]) for r in again]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


def gold_label_share(records: list[dict], stories: list[Story]) -> float:
    """Share of the gold's (story, outlet, actor, term) found among our labels of that outlet
    in the story we put the gold story's articles in (terms compared without case, leading
    article or trailing 's)."""
    gold = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))
    by = {(r["story_id"], r["outlet"]): r for r in records}

    def norm(term: str) -> str:
        term = " ".join(term.replace("\u2019", "'").split()).casefold()
        return re.sub(r"'s?$", "", re.sub(r"^(?:the|a|an)\s+", "", term))

    found = 0
    for entry in gold["framing"]:
        members = set(gold["stories"][entry["story"]]["articles"])
        ours = Counter(s.id for s in stories for a in s.article_ids if a in members)
        record = by.get((ours.most_common(1)[0][0], entry["outlet"])) if ours else None
        found += any(label["actor"] == entry["actor"] and norm(label["term"]) == norm(entry["term"])
                     for label in (record or {}).get("labels", []))
    return found / len(gold["framing"])


def test_demo_labels_contain_most_of_the_gold_framing_terms(demo: dict[str, Any]) -> None:
    share = gold_label_share(demo["records"], demo["run"].stories)
    print(f"gold framing labels found: {share:.3f}")
    assert share >= GOLD_LABEL_FLOOR
