"""Offline geocoding: same-named places told apart by the document's other places, spelling
variants, our extras, provinces, and names that are not places."""

from __future__ import annotations

import math
import random

import pytest

from storyline.nlp.gazetteer import Gazetteer, GazetteerEntry, loose_key, name_key
from storyline.nlp.places import geocode, geocode_document


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_tripoli_is_lebanese_beside_beirut_and_libyan_alone(gazetteer: Gazetteer) -> None:
    lebanese = geocode("Tripoli", ["Lebanon", "Beirut", "Sidon"], gazetteer)
    libyan = geocode("Tripoli", [], gazetteer)
    assert lebanese and lebanese.country == "LB"
    assert libyan and libyan.country == "LY"
    assert km((lebanese.lat, lebanese.lon), (34.44, 35.85)) < 30


def test_tripoli_in_a_syria_and_turkey_story_is_the_nearby_lebanese_port(
        gazetteer: Gazetteer) -> None:
    place = geocode("Tripoli", ["Syria", "Turkey", "Hatay", "Latakia"], gazetteer)
    assert place and place.country == "LB"


def test_alexandria_is_egyptian_unless_the_story_is_in_virginia(gazetteer: Gazetteer) -> None:
    egypt = geocode("Alexandria", ["Cairo", "Egypt"], gazetteer)
    virginia = geocode("Alexandria", ["Virginia", "Washington", "Arlington"], gazetteer)
    assert egypt and egypt.country == "EG"
    assert virginia and virginia.country == "US"
    assert km((virginia.lat, virginia.lon), (38.80, -77.05)) < 30


def test_georgia_is_the_country_unless_us_places_surround_it(gazetteer: Gazetteer) -> None:
    alone = geocode("Georgia", [], gazetteer)
    caucasus = geocode("Georgia", ["Tbilisi", "Russia", "Armenia"], gazetteer)
    state = geocode("Georgia", ["Atlanta", "Savannah", "United States"], gazetteer)
    assert alone and (alone.country, alone.feature) == ("GE", "country")
    assert caucasus and caucasus.country == "GE"
    assert state and (state.country, state.feature) == ("US", "admin1")


def test_paris_goes_to_texas_only_when_the_story_is_in_texas(gazetteer: Gazetteer) -> None:
    texas = geocode("Paris", ["Texas", "Dallas"], gazetteer)
    france = geocode("Paris", ["France", "Lyon"], gazetteer)
    assert texas and texas.country == "US" and texas.lon < -90
    assert france and france.country == "FR"


@pytest.mark.parametrize("spellings", [("Idleb", "Idlib"), ("Odessa", "Odesa"), ("Kiev", "Kyiv"),
                                       ("Khmeimim", "Hmeimim"), ("Saraqeb", "Saraqib"),
                                       ("Jisr al-Shughur", "Jisr ash-Shughur")])
def test_transliteration_variants_meet_the_same_place(spellings: tuple[str, str],
                                                      gazetteer: Gazetteer) -> None:
    first, second = (geocode(s, ["Syria", "Ukraine"], gazetteer) for s in spellings)
    assert first is not None and second is not None
    assert km((first.lat, first.lon), (second.lat, second.lon)) < 5
    assert first.text == spellings[0]


@pytest.mark.parametrize(
    "name", ["Türkiye", "Turkiye", "Turkey", "TURKEY", "the Republic of Turkey"])
def test_turkey_in_any_spelling_is_the_country_at_its_capital(name: str,
                                                              gazetteer: Gazetteer) -> None:
    place = geocode(name, [], gazetteer)
    assert place and (place.country, place.feature) == ("TR", "country")
    assert km((place.lat, place.lon), (39.93, 32.86)) < 20


def test_balyun_comes_from_our_extras_with_its_coordinates(gazetteer: Gazetteer) -> None:
    place = geocode("Balyun", ["Idlib", "Syria"], gazetteer)
    assert place and place.country == "SY"
    assert km((place.lat, place.lon), (35.68, 36.55)) < 20


def test_province_mention_is_admin1_at_its_capital(gazetteer: Gazetteer) -> None:
    hatay = geocode("Hatay province", ["Turkey"], gazetteer)
    aleppo = geocode("Aleppo province", ["Syria"], gazetteer)
    assert hatay and (hatay.country, hatay.feature) == ("TR", "admin1")
    assert km((hatay.lat, hatay.lon), (36.20, 36.16)) < 20  # Antakya
    assert aleppo and (aleppo.country, aleppo.feature) == ("SY", "admin1")


def test_possessives_articles_and_directions_are_read_through(gazetteer: Gazetteer) -> None:
    for mention in ("Syria's", "northwest Syria", "north-west Syria", "the Syrian Arab Republic"):
        place = geocode(mention, [], gazetteer)
        assert place and place.country == "SY", mention


@pytest.mark.parametrize("mention", ["Narnia", "Nebenzya", "Ukrainian", "the Middle East",
                                     "Africa", "White Helmets", ""])
def test_names_that_are_no_mappable_place_give_none(mention: str, gazetteer: Gazetteer) -> None:
    assert geocode(mention, ["Syria", "Turkey"], gazetteer) is None


def test_a_name_needing_context_is_refused_outside_its_country(gazetteer: Gazetteer) -> None:
    syrian = geocode("M4", ["Idlib", "Syria", "Saraqeb"], gazetteer)
    assert syrian and syrian.country == "SY"
    assert geocode("M4", ["London", "Bristol", "England"], gazetteer) is None


def test_document_results_do_not_depend_on_mention_order(gazetteer: Gazetteer) -> None:
    mentions = ["Tripoli", "Beirut", "Alexandria", "Georgia", "Idleb", "Odessa", "Paris",
                "Hatay province", "Narnia", "Sochi"]
    first = geocode_document(mentions, gazetteer)
    shuffled = mentions[:]
    random.Random(7).shuffle(shuffled)
    again = geocode_document(shuffled, gazetteer)
    assert first == again
    assert set(first) == set(mentions)


def test_document_choice_equals_geocode_with_the_others_as_context(gazetteer: Gazetteer) -> None:
    mentions = ["Alexandria", "Virginia", "Washington", "Arlington"]
    whole = geocode_document(mentions, gazetteer)
    for mention in mentions:
        others = [m for m in mentions if m != mention]
        assert whole[mention] == geocode(mention, others, gazetteer)


def test_candidates_list_every_place_of_that_name(gazetteer: Gazetteer) -> None:
    countries = {p.country for p in gazetteer.candidates("Tripoli")}
    assert {"LY", "LB"} <= countries
    assert gazetteer.candidates("Narnia") == []


def test_name_keys_fold_case_diacritics_and_punctuation() -> None:
    assert name_key("Kahramanmaraş") == name_key("KAHRAMANMARAS")
    assert name_key("I‘zāz") == "izaz"
    assert name_key("U.S.") == "us"
    assert name_key("Jisr ash-Shughūr") == "jisr ash shughur"


def test_loose_keys_join_transliterations_but_not_different_names() -> None:
    assert loose_key("ar raqqah") == loose_key("raqqa")
    assert loose_key("jisr al shughur") == loose_key("jisr ash shughur")
    assert loose_key("damascus") != loose_key("homs")


def test_small_gazetteer_prefers_the_candidate_near_the_documents_places() -> None:
    small = Gazetteer([
        GazetteerEntry("Springfield", "US", 39.80, -89.64, "city", 115_000, 1, "IL"),
        GazetteerEntry("Springfield", "US", 42.10, -72.59, "city", 155_000, 2, "MA"),
        GazetteerEntry("Peoria", "US", 40.69, -89.59, "city", 110_000, 3, "IL"),
        GazetteerEntry("Worcester", "US", 42.26, -71.80, "city", 185_000, 4, "MA"),
    ])
    illinois = geocode("Springfield", ["Peoria"], small)
    massachusetts = geocode("Springfield", ["Worcester"], small)
    assert illinois and illinois.geonameid == 1
    assert massachusetts and massachusetts.geonameid == 2
