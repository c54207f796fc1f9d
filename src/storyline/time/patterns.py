"""The words and regular expressions of English date language, kept apart from the arithmetic.

Names (months, weekdays) are matched case-sensitively so that "may" the verb and "march" the
walk are never months; the function words around them are matched in any case.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
VAGUE_COUNTS = ("a few", "a couple of", "several", "few", "many", "some", "a number of")
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Words before a bare month or year that make it a time reference ("in May", "since 2019").
TEMPORAL_PREPOSITIONS = frozenset({
    "in", "on", "since", "until", "till", "by", "during", "from", "through", "before", "after",
    "of", "between", "and", "to", "early", "late", "mid", "last", "next", "this", "throughout",
    "around", "about", "as", "for", "into", "circa", "than", "or", "spring", "summer",
    "autumn", "fall", "winter", "year", "end", "start", "beginning", "middle", "within",
})
# Nouns counted by a four-digit number: "in 2000 cases" is a count, not a year.
COUNT_NOUNS = frozenset({
    "people", "persons", "cases", "troops", "soldiers", "fighters", "tonnes", "tons", "km",
    "kilometres", "kilometers", "miles", "metres", "meters", "dollars", "euros", "pounds",
    "homes", "houses", "families", "refugees", "deaths", "votes", "barrels", "units",
    "civilians", "children", "men", "women", "hours", "days", "jobs", "workers", "members",
    "students", "vehicles", "tanks", "rockets", "missiles", "shells", "points", "seats", "feet",
})

_MONTH_FULL = (r"January|February|March|April|May|June|July|August|September|October|November"
               r"|December")
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAY_FULL = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_ANY = _WEEKDAY_FULL + r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\."
_NUMBER = r"\d{1,3}|" + "|".join(sorted((k for k in NUMBERS if k not in ("a", "an")), key=len,
                                        reverse=True))
_COUNT = rf"(?:{_NUMBER}|an?|a\s+few|a\s+couple\s+of|several|few|many|some|a\s+number\s+of)"
_UNIT = r"(?:day|week|fortnight|month|year|decade|hour|minute)s?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?![\d,]\d)"
_PART = r"(?i:early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of|end-|beginning\s+of)"
_MONTH_ANY = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{_WEEKDAY_ANY})\s*,?\s+)?"


def _rx(pattern: str) -> re.Pattern[str]:
    """Every expression starts at a word boundary: "often days" holds no "ten days"."""
    return re.compile(r"\b" + pattern)


ISO_DATE = _rx(r"(?<![\d/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
NUMERIC_DATE = _rx(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/.]\d)")
YEAR_FIRST_DATE = _rx(r"(?<![\d/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")
# "Monday, 5 March 2020", "5th of March", "the 5th of March"; a comma may stand apart, as in
# tokenized text ("March 5 , 2020")
DAY_MONTH = _rx(
    rf"{_WEEKDAY_PREFIX}(?:(?i:the)\s+)?{_DAY}(?:\s+(?i:of))?\s+{_MONTH_ANY}"
    rf"(?:\s*,?\s+{_YEAR})?\b")
# "March 5, 2020", "Sept. 7", "Monday, Dec. 3"
MONTH_DAY = _rx(
    rf"{_WEEKDAY_PREFIX}{_MONTH_ANY}\s+{_DAY}(?![\d:.]\d)(?!\s*(?i:p\.?m|a\.?m)\b)"
    rf"(?:\s*,?\s+{_YEAR})?\b")
MONTH_YEAR = _rx(rf"(?:(?P<part>{_PART})\s*)?{_MONTH_ANY}(?:\s+(?i:of))?\s*,?\s+{_YEAR}\b")
MONTH_ALONE = _rx(
    rf"(?:(?P<part>{_PART})\s*)?(?:(?P<rel>(?i:last|next|this|the\s+coming|the\s+past))\s+)?"
    rf"(?P<month>{_MONTH_FULL})(?P<poss>'s|’s)?\b")
YEAR_ALONE = _rx(rf"(?:(?P<part>{_PART})\s*|(?<![\w'’.#/-])){_YEAR}(?P<poss>'s|’s)?(?![\w'’-])")
SEASON = _rx(
    r"(?:(?P<part>(?i:early|late|mid-?))\s*)?"
    r"(?:(?P<rel>(?i:last|next|this|the\s+coming|the\s+past))\s+)?"
    rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?i:of))?(?:\s+{_YEAR})?\b")
DAY_WORD = _rx(
    r"(?i:(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"(?:earlier|later)\s+today|today|tonight|yesterday|tomorrow|"
    r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight))\b")
WEEKDAY = _rx(
    rf"(?:(?P<rel>(?i:last|next|this|coming|past|this\s+coming|this\s+past))\s+)?"
    rf"(?P<weekday>{_WEEKDAY_FULL})(?P<poss>'s|’s)?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?!s)\b")
WEEKEND = _rx(r"(?i:(?P<rel>last|next|this|the\s+coming|the\s+past|the)\s+weekend)\b")
CALENDAR_UNIT = _rx(
    r"(?i:(?:(?P<part>earlier|later|early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of|"
    r"the\s+rest\s+of)\s*)?"
    r"(?P<rel>last|next|this|the\s+coming|the)\s+(?P<unit>week|month|year))\b")
AGO = _rx(rf"(?i:(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})\s+ago)\b")
IN_FUTURE = _rx(
    rf"(?i:(?:in|within)\s+(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})(?:['’]s?\s+time)?)\b")
ANCHORED = _rx(
    rf"(?i:(?:{_COUNT})\s+{_UNIT}\s+(?:later|earlier|before|after|previously)|"
    r"the\s+(?:previous|following|next|same)\s+(?:day|week|month|year|morning|evening|night)|"
    r"the\s+(?:day|week|month|year|night)\s+(?:before|after|earlier|later))\b")
DURATION = _rx(
    rf"(?i:(?:(?:for|over|within|during|after|in)\s+)?(?:(?:the\s+)?(?:past|last|next|first)\s+)?"
    rf"(?:{_COUNT})[\s-]+{_UNIT}(?:-long|-old)?)\b|"
    r"(?i:(?:for|within|over|in\s+recent)\s+(?:the\s+(?:past|last|next)\s+)?"
    r"(?:days|weeks|months|years|decades)|"
    r"(?:over|in|during|throughout)\s+the\s+(?:past|last|next)\s+(?:week|month|year|decade))\b")
SET = _rx(
    rf"(?i:(?:every|each)\s+(?:other\s+)?(?:(?:{_NUMBER})\s+)?(?:{_UNIT}|morning|evening|night"
    rf"|weekend))\b|(?i:every|each)\s+(?:{_WEEKDAY_FULL})\b|(?:{_WEEKDAY_FULL})s\b")
NTH_OF_MONTH = _rx(
    r"(?i:on|by|until|till|since|from|before|after|to)\s+(?P<body>(?i:the)\s+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b(?!\s+(?i:of)\b)")

# After "on the 15th", these words keep it a day of the month; any other word makes it a noun
# phrase such as "the 15th round" or "the 3rd brigade".
NTH_FOLLOWERS = frozenset({
    "and", "or", "at", "when", "to", "in", "as", "but", "with", "after", "before", "the", "of",
    "while", "if", "until", "that", "which", "amid", "despite", "so",
})
