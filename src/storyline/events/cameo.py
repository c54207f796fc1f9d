"""PLOVER type (and mode) → CAMEO root code, for users who compare with CAMEO-coded data sets.

The table inverts the PLOVER project's own CAMEO2PLOVER conversion (2021): each PLOVER type takes
the CAMEO root most of its codes came from, and a mode moves it where CAMEO split the category
(investigations are root 09, conventional military force 19, mass violence 20).
"""

from __future__ import annotations

CAMEO_ROOTS: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "ACCUSE": "11",
    "REQUEST": "10",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}
"""Root per PLOVER type."""

MODE_ROOTS: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19",
    ("ASSAULT", "unconventional"): "20",
    ("COERCE", "seize"): "17",
    ("SANCTION", "expel"): "16",
}
"""Modes that CAMEO files under a different root than the type's own."""


def cameo_root(plover_type: str, mode: str | None = None) -> str:
    """Two-digit CAMEO root for a PLOVER type and optional mode; unknown types are an error."""
    key = plover_type.upper()
    if key not in CAMEO_ROOTS:
        raise ValueError(f"not a PLOVER event type: {plover_type!r}")
    if mode is not None:
        return MODE_ROOTS.get((key, mode), CAMEO_ROOTS[key])
    return CAMEO_ROOTS[key]
