"""The actor alias table (`data/actors.json`) compiled into lookup indexes, once per process.

The JSON is written for people (one entry per actor, roles with dates, country patterns); this
module expands it into the keyed dictionaries the normalizer needs: every spelling, demonym,
metonym, generated role phrase ("the Turkish president") and "<demonym> troops" pattern.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from storyline.nlp.names import key, name_tokens, translit, translit_key

GOVERNMENT_NOUNS = ("government", "authorities", "regime", "administration", "side", "leadership",
                    "state", "officials", "cabinet", "delegation", "diplomats")
FORCES_NOUNS = ("troops", "forces", "soldiers", "army", "military", "servicemen", "armed forces",
                "warplanes", "jets", "air force", "navy", "units", "personnel", "artillery",
                "military personnel", "patrols", "military police", "aircraft", "drones",
                "fighter jets")
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sheikh", "sheik", "ayatollah",
    "sayyed", "sayyid", "sir", "dame", "lord", "lady", "comrade", "his excellency", "excellency",
    "hon", "honourable", "mister", "madam", "haji", "hajj", "mullah", "imam", "rev", "father",
})
TITLE_WORDS = frozenset({
    "president", "presidential", "prime", "minister", "ministry", "foreign", "defence", "defense",
    "national", "secretary", "general", "gen", "lt", "lieutenant", "colonel", "col", "major",
    "maj", "brig", "brigadier", "admiral", "adm", "captain", "capt", "commander", "chief", "head",
    "deputy", "vice", "senior", "top", "king", "queen", "prince", "crown", "emir", "supreme",
    "leader", "ambassador", "envoy", "special", "permanent", "representative", "spokesman",
    "spokeswoman", "spokesperson", "press", "adviser", "advisor", "aide", "governor", "mayor",
    "chairman", "chairwoman", "chair", "director", "interior", "finance", "infrastructure",
    "intelligence", "kremlin", "under", "under-secretary-general", "secretary-general",
    "humanitarian", "affairs", "coordinator", "emergency", "relief", "aid", "diplomat",
    "senator", "sen", "rep", "speaker", "mp", "judge", "justice", "commissioner", "high",
    "communications", "un", "nato", "eu", "for", "of", "the", "to", "and", "state", "former",
    "ex", "acting", "opposition", "military", "army", "navy", "air", "force", "staff", "field",
    "marshal", "first", "lady", "counterpart", "official", "officer",
} | HONORIFICS)


@dataclass(frozen=True)
class Entry:
    """One canonical actor."""

    name: str
    kind: str | None
    country: str | None
    succeeded_by: tuple[str, str] | None = None
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tenure:
    """Who held an office, from when until when (ISO dates; `end` None: still in office)."""

    holder: str
    office: str
    of: str
    start: str | None
    end: str | None

    def covers(self, when: str) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Candidate:
    """One possible referent of a generic label ("rebels"), with where and when it applies."""

    name: str
    where: str | None
    start: str | None
    end: str | None


@dataclass
class ActorTable:
    """Keyed indexes over the alias table; built by `compile_table`."""

    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    translit: dict[str, str | None] = field(default_factory=dict)
    tenures: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)
    person_tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    role_phrases: dict[str, tuple[str, str]] = field(default_factory=dict)
    office_by_title: dict[str, str] = field(default_factory=dict)
    place_words: dict[str, str] = field(default_factory=dict)
    """key of a country's name, alias or demonym -> its code (to read "Turkish" in a title)."""
    role_names: dict[str, str] = field(default_factory=dict)
    """country or organization code -> how a role names it ("Russia", "the United Nations")."""
    codes: dict[str, str] = field(default_factory=dict)
    """country code -> the country's canonical name."""
    leaders: dict[str, str] = field(default_factory=dict)
    governments: dict[str, str] = field(default_factory=dict)
    forces: dict[str, str] = field(default_factory=dict)
    generic: dict[str, list[Candidate]] = field(default_factory=dict)
    metonyms: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    """Keys spelt only as acronyms: a lowercase mention ("who") does not match them."""

    def role_text(self, office: str, of: str) -> str:
        return f"{office} of {self.role_names.get(of, of)}"

    def holders(self, office: str, of: str, when: str | None) -> list[str]:
        """Who held the office at `when`; undated, the holder only when there was ever just one."""
        tenures = self.tenures.get((office, of), [])
        if when is None:
            names = sorted({t.holder for t in tenures})
            return names if len(names) == 1 else []
        return [t.holder for t in tenures if t.covers(when)]

    def office_of(self, person: str, when: str | None) -> tuple[str, str] | None:
        """The (office, of) a person held at `when` (the latest one when undated)."""
        tenures = self.person_tenures.get(person, [])
        live = [t for t in tenures if when is None or t.covers(when)]
        return (live[-1].office, live[-1].of) if live else None


def is_acronym(text: str) -> bool:
    """"WHO", "U.S.", "HTS": matched only when written in capitals ("who", "us" are words)."""
    bare = text.replace(".", "").replace("/", "")
    return " " not in text and bare.isupper() and len(bare) <= 7


def _add(table: ActorTable, alias: str, name: str, explicit: bool) -> None:
    k = key(alias)
    if not k:
        return
    if is_acronym(alias):
        if k not in table.aliases:
            table.acronyms.add(k)
    else:
        table.acronyms.discard(k)
    present = table.aliases.get(k)
    if present is None:
        table.aliases[k] = name
    elif present != name and explicit:
        table.conflicts.append((alias, present, name))


def _country_entries(table: ActorTable, countries: list[dict[str, Any]]) -> None:
    for country in countries:
        code, name = country["code"], country["name"]
        demonyms = country.get("demonyms", [])
        government = country.get("government") or name
        forces = country.get("forces") or (f"{demonyms[0]} armed forces" if demonyms else name)
        table.codes[code] = name
        table.forces[code] = forces
        table.role_names[code] = name
        table.leaders[code] = country.get("leader", "president")
        table.governments[code] = government
        table.entries[name] = Entry(name, "country", code)
        table.entries.setdefault(government, Entry(government, "country", code))
        table.entries.setdefault(forces, Entry(forces, "military", code))
        for alias in [name, *country.get("aliases", [])]:
            _add(table, alias, name, True)
            table.place_words.setdefault(key(alias), code)
        for demonym in demonyms:
            _add(table, demonym, name, True)
            table.place_words.setdefault(key(demonym), code)
        labels = [*country.get("metonyms", []), *country.get("government_aliases", [])]
        for alias in [government, *labels]:
            _add(table, alias, government, True)
            table.metonyms.add(key(alias))
        for alias in [forces, *country.get("forces_aliases", [])]:
            _add(table, alias, forces, True)


def _country_patterns(table: ActorTable, countries: list[dict[str, Any]]) -> None:
    """"Turkish government", "Russia's troops", "government of Syria", "the Turkish side"."""
    for country in countries:
        code = country["code"]
        government, forces = table.governments[code], table.forces[code]
        names = [country["name"], *country.get("aliases", [])]
        adjectives = [*country.get("demonyms", []), *names]
        for noun in GOVERNMENT_NOUNS:
            for word in adjectives:
                _add(table, f"{word} {noun}", government, False)
            for word in names:
                _add(table, f"{word}'s {noun}", government, False)
                _add(table, f"{noun} of {word}", government, False)
        for noun in FORCES_NOUNS:
            for word in adjectives:
                _add(table, f"{word} {noun}", forces, False)
            for word in names:
                _add(table, f"{word}'s {noun}", forces, False)


def _actor_entries(
    table: ActorTable, actors: list[dict[str, Any]]
) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """Explicit names, aliases and tenures; returns surname -> people and generated variants."""
    surnames: dict[str, set[str]] = defaultdict(set)
    variants: list[tuple[str, str]] = []
    for actor in actors:
        name = actor["name"]
        succeeded = actor.get("succeeded_by")
        table.entries[name] = Entry(name, actor.get("kind"), actor.get("country"),
                                    tuple(succeeded) if succeeded else None,
                                    tuple(actor.get("related", [])))
        if actor.get("code"):
            table.role_names[actor["code"]] = actor.get("role_name", name)
        for alias in [name, *actor.get("aliases", [])]:
            _add(table, alias, name, True)
        if actor.get("kind") != "person":
            continue
        full_names = [name, *[a for a in actor.get("aliases", []) if len(name_tokens(a)) > 1]]
        for full in full_names:
            tokens = full.split()
            if len(tokens) > 2:
                variants += [(f"{tokens[0]} {tokens[-1]}", name), (" ".join(tokens[-2:]), name)]
            last = name_tokens(full)[-1] if name_tokens(full) else ""
            if last:
                surnames[last].add(name)
                if "-" in tokens[-1]:
                    surnames[key(tokens[-1])].add(name)
            tk = translit_key(full)
            if table.translit.get(tk, name) != name:
                table.translit[tk] = None
            else:
                table.translit[tk] = name
        for office, of, start, end in actor.get("roles", []):
            tenure = Tenure(name, office, of, start, end)
            table.tenures.setdefault((office, of), []).append(tenure)
            table.person_tenures.setdefault(name, []).append(tenure)
    return surnames, variants


def _surnames(table: ActorTable, surnames: dict[str, set[str]]) -> None:
    """A bare surname ("Shoigu") names its person when no other person in the table shares it."""
    for surname, names in surnames.items():
        table.surnames[surname] = sorted(names)
        if len(names) == 1:
            (only,) = names
            _add(table, surname, only, False)
            t = translit(surname)
            if table.translit.get(t, only) != only:
                table.translit[t] = None
            else:
                table.translit[t] = only


def _role_phrases(table: ActorTable, data: dict[str, Any], countries: list[dict[str, Any]]) -> None:
    titles: dict[str, list[str]] = data.get("office_titles", {})
    for office, words in titles.items():
        for word in words:
            table.office_by_title.setdefault(key(word), office)
    forms: dict[str, list[str]] = {}
    for country in countries:
        forms[country["code"]] = [*country.get("demonyms", []), country["name"],
                                  *country.get("aliases", [])]
    for actor in data.get("actors", []):
        if actor.get("code"):
            forms[actor["code"]] = [actor["name"], *actor.get("aliases", [])]
    for office, of in list(table.tenures):
        for word in titles.get(office, [office]):
            for form in forms.get(of, []):
                for phrase in (f"{form} {word}", f"{form}'s {word}", f"{word} of {form}",
                               f"{word} of the {form}"):
                    table.role_phrases.setdefault(key(phrase), (office, of))
    for code, office in table.leaders.items():
        if (office, code) in table.tenures:
            for form in forms.get(code, []):
                for word in titles["leader"]:
                    table.role_phrases.setdefault(key(f"{form} {word}"), (office, code))
    for phrase, (office, of) in data.get("role_phrases", {}).items():
        table.role_phrases[key(phrase)] = (office, of)


def compile_table(data: dict[str, Any]) -> ActorTable:
    """Expand the JSON table into indexes; explicit spellings win over generated patterns."""
    table = ActorTable()
    countries = data.get("countries", [])
    surnames, variants = _actor_entries(table, data.get("actors", []))
    _country_entries(table, countries)
    for variant, name in variants:
        _add(table, variant, name, False)
    _surnames(table, surnames)
    _country_patterns(table, countries)
    _role_phrases(table, data, countries)
    for item in data.get("generic", []):
        table.generic[key(item["alias"])] = [Candidate(*c) for c in item["candidates"]]
    return table


@cache
def default_table() -> ActorTable:
    """The packaged table, compiled once per process."""
    return compile_table(load_table_data())


def load_table_data() -> dict[str, Any]:
    text = resources.files("storyline").joinpath("data", "actors.json").read_text("utf-8")
    return json.loads(text)
