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
        [  # English, German, French, Spanish, Portuguese, Italian, Turkish, Russian (genitive)
            ("january", "jan", "januar", "janvier", "enero", "janeiro", "gennaio", "ocak",
             "января"),
            ("february", "feb", "februar", "février", "febrero", "fevereiro", "febbraio", "şubat",
             "февраля"),
            ("march", "mar", "märz", "mars", "marzo", "março", "mart", "марта"),
            ("april", "apr", "avril", "abril", "aprile", "nisan", "апреля"),
            ("may", "mai", "mayo", "maio", "maggio", "mayıs", "мая"),
            ("june", "jun", "juni", "juin", "junio", "junho", "giugno", "haziran", "июня"),
            ("july", "jul", "juli", "juillet", "julio", "julho", "luglio", "temmuz", "июля"),
            ("august", "aug", "août", "agosto", "ağustos", "августа"),
            ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro",
             "settembre", "eylül", "сентября"),
            ("october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "ekim",
             "октября"),
            ("november", "nov", "novembre", "noviembre", "novembro", "kasım", "ноября"),
            ("december", "dec", "dezember", "décembre", "diciembre", "dezembro", "dicembre",
             "aralık", "декабря"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = (
    r"(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"segunda|terça|quarta|quinta|sexta|(?:-feira)|lunedì|martedì|mercoledì|giovedì|venerdì|"
    r"sabato|domenica|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)(?:-feira)?"
    r"\.?,?\s+(?:(?:le|el|der|den)\s+)?)?"
)
_OF = r"(?:\s+(?:de|del))?"
"""Spanish and Portuguese join day, month and year with "de"."""

DATE_FORMS = (
    re.compile(_WEEKDAY + _DAY + _OF + r"\s+" + _MONTH + _OF + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
    re.compile(r"(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d{2})"),
)
_PREFIX = re.compile(
    r"^\W*(posted|published|updated|last updated|first published|date|dated|on|at|"
    r"yayın(lanma)?( tarihi)?|güncelleme|опубликовано|обновлено|veröffentlicht|aktualisiert|"
    r"publié le|publié|mis à jour|publicado( el| em)?|actualizado( el)?|atualizado( em)?|"
    r"pubblicato( il)?|aggiornato( il)?|am)\b\W*",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<!\d)T?\d{1,2}(?:[:.]|h(?=\d))\d{2}(?:[:.]\d{2})?\s*"
    r"(?:[ap]\.?m\.?|gmt|utc|cet|cest|[+-]\d{2}:?\d{2}|uhr|h(?!\w))?",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_BYLINE = re.compile(
    r"^\s*(?:[Bb]y|[Ff]rom|[Vv]on|[Pp]ar|[Pp]or|[Аа]втор)\s+[A-ZА-Я][\w.'’-]*(\s+[\w.'’&-]+){0,5}\s*$"
)
_FILLER = re.compile(
    r"\b(on|at|and|updated|published|posted|last|gmt|utc|t|à|a las|às|alle|um|saat|в|"
    r"mis à jour|actualizado|atualizado|aggiornato|aktualisiert|güncelleme|обновлено|am|le|el|il|"
    r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)(?!\w)",
    re.IGNORECASE,
)


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
