"""Outlet profiles learn an outlet's repeated header, but never its datelines or story text."""

from __future__ import annotations

from pathlib import Path

from storyline.clean import OutletProfiles, clean_text
from storyline.options import Options

COURIER = Path(__file__).parent / "fixtures" / "clean" / "courier"
HEADER = "The Valley Courier — independent since 1901"


def _courier_pairs() -> list[tuple[str | None, str]]:
    files = sorted(COURIER.glob("*.txt"))
    return [("Valley Courier", p.read_text(encoding="utf-8")) for p in files]


def test_profiles_learn_the_outlet_header_shared_by_three_articles() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    assert profiles.is_boilerplate("Valley Courier", HEADER)
    spaced = "  " + HEADER.replace(" ", "   ") + " "
    assert profiles.is_boilerplate("Valley Courier", spaced)


def test_profiles_learn_counter_shapes_but_not_datelines() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    assert profiles.is_boilerplate("Valley Courier", "Comments (41)")
    assert profiles.is_boilerplate("Valley Courier", "Page 3 of 7")
    assert not profiles.is_boilerplate("Valley Courier", "Posted on 23 March 2021")


def test_repeated_wire_paragraph_is_not_boilerplate() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    paragraph = (
        "The Valley Courier is an independent newspaper owned by a cooperative of its readers "
        "and staff across the valley."
    )
    assert not profiles.is_boilerplate("Valley Courier", paragraph)


def test_profiles_apply_only_to_their_own_outlet() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    assert not profiles.is_boilerplate("Other Post", HEADER)
    assert not profiles.is_boilerplate(None, HEADER)


def test_outlet_with_too_few_articles_gets_no_profile() -> None:
    pairs = _courier_pairs()[:2]
    profiles = OutletProfiles.build(pairs, Options(profile_min_articles=3))
    assert not profiles.is_boilerplate("Valley Courier", HEADER)


def test_clean_text_with_profiles_removes_header_and_keeps_story() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    raw = (COURIER / "two.txt").read_text(encoding="utf-8")
    text, removed = clean_text(raw, outlet="Valley Courier", profiles=profiles)
    assert "independent since 1901" not in text
    assert HEADER in removed
    assert "Comments (12)" in removed
    assert "Posted on 9 March 2021" in removed
    assert "The choir of the valley primary school won the regional singing contest" in text


def test_profiles_round_trip_through_a_dict() -> None:
    profiles = OutletProfiles.build(_courier_pairs())
    data = profiles.to_dict()
    again = OutletProfiles.from_dict(data)
    assert again.to_dict() == data
    assert again.is_boilerplate("Valley Courier", "Comments (7)")
