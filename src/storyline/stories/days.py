"""Days as numbers: dates of articles and events compared by their distance in days."""

from __future__ import annotations

import math
from datetime import date


def day_number(value: str | None) -> float:
    """Ordinal day of a YYYY-MM-DD date; NaN for a missing or partial date (YYYY-MM, YYYY)."""
    if not value or len(value) < 10:
        return math.nan
    try:
        return float(date.fromisoformat(value[:10]).toordinal())
    except ValueError:
        return math.nan


def day_text(day: float) -> str | None:
    return None if math.isnan(day) else date.fromordinal(int(day)).isoformat()
