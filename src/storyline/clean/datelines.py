"""Date and byline lines of scraped pages: site chrome, not story text, but they carry the
publication date, so the cleaner cuts them and keeps the date they state.

`Posted on 5 March 2020 | 18:42`, `05.03.2020 21:10`, `Published March 5, 2020`,
`Updated: 2020-03-05T10:00`, `By Herald Political Desk`.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

DATE_FORMS = (
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
    re.compile(r"(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d{2})"),
)
_PREFIX = re.compile(
    r"^\W*(posted|published|updated|last updated|first published|date|dated|on|at|"
    r"yayın(lanma)?( tarihi)?|güncelleme|опубликовано|обновлено|veröffentlicht|aktualisiert|"
    r"publié le|mis à jour|publicado|actualizado)\b\W*",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<!\d)T?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|gmt|utc|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_BYLINE = re.compile(
    r"^\s*(?:[Bb]y|[Ff]rom|[Vv]on|[Pp]ar|[Pp]or|[Аа]втор)\s+[A-ZА-Я][\w.'’-]*(\s+[\w.'’&-]+){0,5}\s*$"
)
_FILLER = re.compile(r"\b(on|at|and|updated|published|posted|last|gmt|utc|t)\b", re.IGNORECASE)


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full calendar date written in `text` (day-first for numeric forms)."""
    for form in DATE_FORMS:
        for match in form.finditer(text):
            groups = match.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mnum"])
            try:
                value = date(int(groups["year"]), month, int(groups["day"]))
            except ValueError:
                continue
            return value.isoformat(), match
    return None


def parse_date_line(line: str) -> str | None:
    """The date of a line that holds nothing but a date (with its prefix, a time, separators);
    None for any line that says more than that, such as a story sentence naming a date."""
    if len(line) > 80 or ("19" not in line and "20" not in line):
        return None  # every date form has a year, 19xx or 20xx: most lines are out at once
    found = find_date(line)
    if found is None:
        return None
    value, match = found
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = _TIME.sub(" ", _PREFIX.sub(" ", rest))
    rest = _FILLER.sub(" ", rest)
    return None if _LETTERS.search(rest) else value


def is_byline(line: str) -> bool:
    """`By Herald Political Desk`: a short credit line, no sentence."""
    return bool(_BYLINE.match(line)) and not line.rstrip().endswith((".", "!", "?"))
