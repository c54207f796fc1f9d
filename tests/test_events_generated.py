"""The generated CAMEO lexicon: the converter's parser and mapping on a tiny dictionary written
here (not copied from PETRARCH2), the committed table's shape and attribution, and sentences of
verb classes the hand lexicon does not cover."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from storyline.events import generated
from tests.conftest import coded_type as _type

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_cameo_lexicon.py"
SPEC = importlib.util.spec_from_file_location("make_cameo_lexicon", SCRIPT)
assert SPEC is not None and SPEC.loader is not None
make = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make)

TINY_DICTIONARY = """# a made-up dictionary in the CAMEO.2.0 layout
####### SYNONYM SETS #######

&GADGET
+WIDGET
+GIZMO_

####### VERB PATTERNS #######

---  PUMMEL   [182]  ---
PUMMEL
THWACK {THWACKS THWACKED THWACKING }  [190]
+BEAT_UP
- * (INTO SUBMISSION)                  [175]         # PUMMEL
- * &GADGET                            [171]         # PUMMEL
- * DOWN PROTESTERS                    [145]         # THWACK
- * PILLOWS                            [---]         # PUMMEL
- &SOLDIER * HOUSES                    [190]         # needs a subject: dropped

---  MUSE   [---]  ---
MUSE
PONDER   [010]
- * {TRADE EMBARGOES} AGAINST          [163]         # PONDER
- * (TO)                               [042:043]     # MUSE
- * OFF                                [:1246]       # MUSE
######## TRANSFORMATIONS ##########
"""

TINY_TABLE = """# made-up rows in the CAMEO2PLOVER layout
14: PROTEST
145: PROTEST, riot ,      # riot
16: SANCTION
163: COERCE, restrict,   diplomatic # embargo
17: COERCE
171: COERCE, seize, human_security    # seize
175: ASSAULT, pro_autocracy , military # repression
18: ASSAULT
182: ASSAULT, beat,        # beat
19: ASSAULT
04: CONSULT
042: CONSULT, visit,   # visit
10: REQUEST
106: REQUEST, meet, diplomatic # meet
12: REJECT
124: REJECT, change,    # yield
"""


def test_codes_are_read_as_the_source_code() -> None:
    assert make.parse_code("163") == "163"
    assert make.parse_code("042:043") == "042"
    assert make.parse_code(":173") == "173"
    assert make.parse_code("---") is None
    assert make.parse_code("080!") == "080"


def test_patterns_are_keyed_on_what_follows_the_verb() -> None:
    assert make.parse_pattern(" * SANCTIONS AGAINST  [163]") == ("sanction",)
    assert make.parse_pattern(" * DOWN RIOT [175]") == ("down", "riot")
    assert make.parse_pattern(" * (INTO ALLEGATIONS) [090]") == ("into", "allegation")
    assert make.parse_pattern(" * {ARMS SHIPMENT} [072]") == ("shipment",)
    assert make.parse_pattern(" * &WEAPON [194]") == ("&weapon",)
    assert make.parse_pattern(" * OFF [160]") == ("off",)
    assert make.parse_pattern(" * (TO) [042]") == ("to",)
    assert make.parse_pattern(" &MILITARY * BUILDUP [154]") is None


def test_table_rows_and_prefix_lookup() -> None:
    table = make.parse_table(TINY_TABLE)
    assert table["163"] == ("COERCE", "restrict")
    assert table["14"] == ("PROTEST", None)
    assert make.to_plover("1451", table) == ("PROTEST", "riot")  # 3-digit prefix
    assert make.to_plover("190", table) == ("ASSAULT", None)  # root
    assert make.to_plover("010", table) is None  # statements are dropped
    assert make.to_plover("026", table) == ("REQUEST", "meet")  # appeal → parallel 10x
    assert make.to_plover(None, table) is None


def test_build_maps_verbs_synsets_patterns_and_sets() -> None:
    built = make.build(TINY_DICTIONARY, TINY_TABLE)
    assert built["verbs"]["pummel"] == ["ASSAULT", "beat", "182"]
    assert built["verbs"]["thwack"] == ["ASSAULT", None, "190"]  # its own code
    assert built["verbs"]["beat up"] == ["ASSAULT", "beat", "182"]
    assert "ponder" not in built["verbs"] and "muse" not in built["verbs"]
    assert built["synsets"]["thwack"] == ["pummel"]
    pummel = built["patterns"]["pummel"]
    assert pummel["into submission"] == ["ASSAULT", "pro_autocracy", "175"]
    assert pummel["&gadget"] == ["COERCE", "seize", "171"]
    assert pummel["down protester"] == ["PROTEST", "riot", "145"]
    assert pummel["pillow"] is None  # CAMEO: no event
    assert "house" not in pummel
    muse = built["patterns"]["muse"]
    assert muse["embargo"] == ["COERCE", "restrict", "163"]
    assert muse["to"] == ["CONSULT", "visit", "042"]
    assert muse["off"] == ["REJECT", "change", "1246"]
    assert built["sets"]["&gadget"] == ["gizmo", "widget"]


def test_noun_keys() -> None:
    assert generated.noun_key("Sanctions") == "sanction"
    assert generated.noun_key("rallies") == "rally"
    assert generated.noun_key("talks") == "talks"
    assert generated.noun_key("crisis") == "crisis"


def test_committed_table_carries_its_attribution_and_stays_small() -> None:
    data = generated.table()
    assert "MIT" in data["source"]["verbs_and_patterns"]["licence"]
    assert "CC BY-SA 4.0" in data["source"]["cameo_to_plover"]["licence"]
    assert len(data["source"]["verbs_and_patterns"]["commit"]) == 40
    assert len(data["verbs"]) > 900 and sum(map(len, data["patterns"].values())) > 3000
    path = Path(generated.__file__).resolve().parents[1] / "data" / "cameo_lexicon.json"
    assert path.stat().st_size < 300_000
    assert generated.verb_entry("abuse") == ("ASSAULT", None)
    assert generated.pattern_entry("impose", "sanction") == (True, ("COERCE", "restrict"))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Prison guards abused the detainees in the northern jail, the rights group said.",
     "ASSAULT"),
    ("Government forces violated the truce near the capital on Sunday.", "ASSAULT"),
    ("The government tightened restrictions on foreign journalists.", "COERCE"),
    ("Rebels pillaged the village before dawn.", "ASSAULT"),
])
def test_verbs_only_the_generated_lexicon_knows(coder, sentence: str, expected: str) -> None:
    assert _type(coder, sentence) == expected


def test_generated_verbs_need_a_party_and_no_flood(coder) -> None:
    assert _type(coder, "The bridge carries forty thousand vehicles a day.") is None
    assert _type(coder, "The floods tightened their grip on the delta.") is None


def test_a_present_passive_without_an_actor_agent_is_a_state() -> None:
    pytest.importorskip("spacy")
    from storyline.events import EventCoder

    coded = EventCoder(classifier=False).code(
        "The Chilean government is now bound by a strict timetable.")
    assert coded is None or coded.type != "COOPERATE"
