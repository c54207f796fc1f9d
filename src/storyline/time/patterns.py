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
VAGUE_COUNTS = ("a few", "a couple of", "several", "few", "many", "some", "a number of",
                "hundreds of", "thousands of", "dozens of")
"""Counts that name no number: "several years" is PXY."""
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Words before a bare month or year that make it a time reference ("in May", "since 2019").
TEMPORAL_PREPOSITIONS = frozenset({
    "in", "on", "since", "until", "till", "by", "during", "from", "through", "before", "after",
    "both", "either",
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
WEEKDAY_FULL = _WEEKDAY_FULL
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


_MOD_EARLY = (r"(?:(?P<mod>(?i:more\s+than|at\s+least|less\s+than|nearly|almost|about|"
              r"around|roughly|approximately|some|just\s+over|just\s+under))\s+)?")


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
    rf"(?:(?P<part>{_PART})\s*)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|"
    rf"the\s+coming|the\s+past))\s+)?(?P<month>{_MONTH_FULL})(?P<poss>'s|’s)?\b")
YEAR_ALONE = _rx(rf"(?:(?P<part>{_PART})\s*|(?<![\w'’.#/-])){_YEAR}(?P<poss>'s|’s)?(?![\w'’-])")
SEASON = _rx(
    r"(?:(?P<part>(?i:early|late|mid-?))\s*)?"
    r"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the\s+coming|the\s+past))\s+)?"
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
    r"(?P<rel>last|next|this|the\s+coming|the|in\s+the)\s+(?P<unit>week|month|year))\b")
AGO = _rx(rf"{_MOD_EARLY}(?i:(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+ago)\b")
IN_FUTURE = _rx(
    rf"(?i:in\s+(?P<body>(?P<count>{_COUNT})\s+(?P<unit>{_UNIT}))(?:['’]s?\s+time)?)\b")
FROM_NOW = _rx(
    rf"(?i:(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})\s+(?:from\s+(?:now|today)|hence))\b")
ANCHORED = _rx(
    rf"(?i:(?P<count>{_COUNT})\s+{_UNIT}\s+(?:later|earlier|previously)|"
    r"the\s+(?:previous|following|next|same|preceding|prior)\s+(?:day|week|month|year|"
    r"morning|evening|night|decade)|that\s+(?:same\s+)?(?:day|week|month|year)|"
    r"the\s+(?:day|week|month|year|night)\s+(?:before|after|earlier|later))\b")
# "the previous Friday", "the following Monday": that weekday before or after the day told last
ANCHORED_WEEKDAY = _rx(
    rf"(?i:the\s+(?P<rel>previous|preceding|prior|following|next))\s+(?P<weekday>{_WEEKDAY_FULL})\b")
NTH_OF_MONTH = _rx(
    r"(?i:on|by|until|till|since|from|before|after|to)\s+(?P<body>(?i:the)\s+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b(?!\s+(?i:of)\b)")

# After "on the 15th", these words keep it a day of the month; any other word makes it a noun
# phrase such as "the 15th round" or "the 3rd brigade".
NTH_FOLLOWERS = frozenset({
    "and", "or", "at", "when", "to", "in", "as", "but", "with", "after", "before", "the", "of",
    "while", "if", "until", "that", "which", "amid", "despite", "so",
})

# --- TimeML classes beyond calendar dates (issue 13) ---------------------------------------------
# Modifiers before a count or a clock time: "more than three years", "around 7 p.m."
_MOD = (r"(?:(?P<mod>(?i:more\s+than|over(?!\s+the\b)|at\s+least|less\s+than|fewer\s+than|"
        r"under|nearly|almost|up\s+to|at\s+most|no\s+more\s+than|no\s+less\s+than|about|around|roughly|"
        r"approximately|some|just\s+over|just\s+under|well\s+over))\s+)?")
MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX",
}
TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                        "seventy": 70, "eighty": 80, "ninety": 90}
ONES: dict[str, int] = {k: v for k, v in NUMBERS.items() if v < 10 and k not in ("a", "an")}
_TEENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = "|".join(TENS)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "twenty four", "twenty-four", "ninety"; used for counts and for spelled-out years
SPELLED_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|(?:oh[\s-])?(?:{_ONES}))"
_COUNT_WIDE = (rf"(?:\d+\s+[1-3]/[2-4]|\d+(?:\.\d+)?|{SPELLED_TWO_DIGITS}|a\s+couple\s+of|"
               r"a\s+couple|a\s+few|several|few|many|some|a\s+number\s+of|an?|hundreds\s+of|thousands\s+of|"
               r"dozens\s+of|(?:a|one)\s+hundred|two\s+thousand|a\s+thousand)")
_UNIT_WIDE = (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
              r"decades?|centur(?:y|ies)|trading\s+days?|business\s+days?|working\s+days?)")

# "the past three months", "more than two years", "a 10-year", "twenty four hours", "years"
DURATION_WIDE = _rx(
    rf"{_MOD}(?i:(?:(?P<lead>the\s+(?:past|last|next|first|final|previous|coming|following|"
    rf"remaining)|another|an\s+additional|the|its|their)\s+)?(?:(?P<more>more|other)\s+)?"
    rf"(?P<count>{_COUNT_WIDE})(?:\s+(?:more|additional|straight|consecutive|full))?"
    rf"[\s-]+(?P<unit>{_UNIT_WIDE})(?:\s+and\s+a\s+half)?(?:-long|-old)?)\b")
# "for years", "in recent months", "for decades": a length without a count
BARE_DURATION = _rx(
    r"(?i:(?<=for\s)|(?<=over\s)|(?<=within\s)|(?<=taking\s)|(?<=took\s)|(?<=lasted\s))"
    r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))\b")

# "current" before a noun is the present ("current market conditions", "its current
# position"), except in accounting, where a current account, asset or yield is a short-term one.
# (The noun, "the river's current swept ...", is taken for the adjective: rare in news.)
PRESENT_REF = _rx(
    r"(?i:right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|"
    r"at\s+the\s+moment|for\s+the\s+time\s+being|the\s+present(?!\s+(?:day|time))|"
    r"the\s+present\s+time|"
    r"(?<![Tt]hen\s)current(?=\s+(?!(?:accounts?|assets?|liabilit(?:y|ies)|ratio|yield|"
    r"dollars|prices)\b)[a-z]))\b")
_NOT_A_LENGTH = (r"(?!\s+(?:\d|week|month|year|decade|few|several|two|three|four|five|six|seven|"
                 r"eight|nine|ten|quarter|day|century|hour))")
PAST_REF = _rx(
    r"(?i:more\s+recently|most\s+recently|until\s+recently|recently|lately|"
    rf"in\s+the\s+past{_NOT_A_LENGTH}|the\s+past{_NOT_A_LENGTH}|"
    r"(?:days|weeks|months|years|decades)\s+ago|(?:in\s+)?years\s+past)\b")
FUTURE_REF = _rx(
    r"(?i:(?:the\s+)?(?:near|foreseeable|distant|immediate)\s+future|the\s+future|"
    r"future(?=\s+(?:years|quarters|months|weeks|generations|periods))|"
    r"the\s+(?:near|short|long|medium)\s+term|"
    r"(?:at\s+)?a\s+later\s+(?:date|stage|time)|as\s+soon\s+as\s+possible|soon|"
    r"(?:in\s+)?the\s+years\s+to\s+come|someday)\b")
# "recent weeks", "the past few months", "in coming quarters": a vague stretch of the past or
# the future (PAST_REF, FUTURE_REF); "the days ahead": a length with no count (PXD)
VAGUE_PERIOD = _rx(
    r"(?i:(?:the\s+)?(?P<past>recent|past\s+few|last\s+few|past\s+several|last\s+several)\s+"
    r"(?:days|weeks|months|quarters|years|decades)|"
    r"(?:the\s+)?(?P<future>coming|next\s+few|next\s+several)\s+(?:days|weeks|months|"
    r"quarters|years|decades))\b")
OPEN_LENGTH = _rx(r"(?i:the\s+(?P<unit>days|weeks|months|years|decades)\s+ahead)\b")
# "over the past week", "in the last year", "for the next month": one unit counted back or on
ONE_UNIT_LENGTH = _rx(
    r"(?i:the\s+(?:past|last|next|coming|previous|preceding|following)\s+"
    r"(?P<unit>day|week|fortnight|month|quarter|year|decade|century))\b")
_ORDINAL = r"first|second|third|fourth|1st|2nd|3rd|4th"
QUARTER = _rx(
    rf"(?i:(?:(?P<det>the|its|their|a|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?"
    rf"(?:(?P<cmp>comparable|corresponding|same|year-ago|year-earlier|year\s+ago|"
    rf"year\s+earlier|flat|strong|weak|disappointing|latest|current)\s+)?"
    rf"(?:(?P<qyear>(?:19|20)\d\d)\s+)?(?:(?P<fiscal>fiscal|calendar)[\s-]+)?"
    rf"(?P<ord>{_ORDINAL}|(?:last|latter)(?=\s+half)|last(?=\s+quarter\s+of\s+(?:fiscal\s+)?(?:19|20)\d\d)|(?:first|last)\s+two(?=\s+quarters))"
    rf"[\s-]+(?:fiscal[\s-]+)?(?P<noun>quarter|half)s?"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<ryear>this|last|next)\s+year|"
    rf"the\s+year))?)(?![\w-])")
# "the quarter", "the latest period", "the year-ago quarter", "last quarter", "this quarter"
QUARTER_REF = _rx(
    r"(?i:(?P<det>the|this|that|last|next|its|their|the\s+same)\s+(?:(?P<cmp>latest|current|"
    r"most\s+recent|recent|just-ended|year-ago|year-earlier|year\s+ago|comparable|corresponding|"
    r"comparable\s+year-ago|comparable\s+year-earlier|previous|prior|preceding|first|"
    r"(?:19|20)\d\d)\s+)?(?:(?P<cmp2>year-ago|year-earlier)\s+)?(?P<noun>quarter|period)"
    r"(?P<last>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?)(?![\w-])")
YEAR_AGO = _rx(r"(?i:year-ago|year-earlier)(?!\s+(?:quarter|period|\w+\s+quarter))\b")
FISCAL_YEAR = _rx(
    r"(?i:(?:(?:the|its|their)\s+)?(?:(?P<rel>current|latest|new|next|last|previous|"
    r"coming|past)\s+)?fiscal[\s-]+(?:(?P<year>(?:19|20)?\d\d)\b|year(?:\s+(?P<year2>(?:19|20)"
    r"\d\d))?))(?![\w-])")
YEAR_END = _rx(
    r"(?i:(?:(?P<mod>around|about|by|until|till|since|before|after|at)\s+)?(?P<body>(?:the\s+)?"
    r"(?:year[\s-]end|year['’]s\s+end|end\s+of\s+the\s+year)(?:\s+(?P<year>(?:19|20)\d\d))?))"
    r"\b")
# "the year ended Sept. 30", "the fiscal year ending June 30": a year's length, TimeML's P1Y
YEAR_ENDED = _rx(r"(?i:the\s+(?:(?:fiscal|financial)\s+)?year)"
                 rf"(?=\s+(?i:end(?:ed|ing))\s+(?:{_MONTH_FULL}|{_MONTH_ABBR}))")
# "for the year", "the first nine months of the year": the year spoken of
THE_YEAR = _rx(r"(?i:the\s+year)(?!['’\w-])")
# what follows a quarter to say where it ends: "the quarter ended Sept. 30"
QUARTER_END = re.compile(
    rf"\s+(?i:end(?:ed|ing))\s+{_MONTH_ANY}\s+(?P<day>[0-3]?\d)\b(?:\s*,\s*{_YEAR})?")
FULL_YEAR = _rx(r"(?i:the\s+(?:full|whole|entire|calendar|current)\s+year)\b")
DECADE = _rx(
    r"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid-?|late))[\s-]*)?"
    r"(?:(?P<decade>(?:1[0-9]|20)\d0)['’]?s|['’](?P<short>\d0)['’]?s|"
    r"(?i:the\s+)?(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties)))\b")
DECADE_REL = _rx(r"(?i:(?P<rel>the\s+last|the\s+past|this|the\s+next|the\s+coming)\s+decade)\b")
CENTURY = _rx(
    r"(?i:(?:the\s+)?(?:(?P<part>early|mid-?|late)[\s-]*)?(?P<n>\d{1,2})(?:st|nd|rd|th)|"
    r"(?:the\s+)?(?P<word>nineteenth|twentieth|twenty-first|eighteenth))[\s-]+(?i:century)\b")
SPELLED_YEAR = _rx(
    rf"(?:(?P<month>{_MONTH_FULL})\s+|(?P<season>(?i:spring|summer|autumn|fall|winter))\s+"
    rf"(?i:of\s+)?)?(?i:(?:the\s+year\s+)?(?P<century>nineteen|twenty)"
    rf"[\s-](?P<rest>{SPELLED_TWO_DIGITS}|hundred)|(?P<millennium>the\s+year\s+two\s+"
    rf"thousand(?:\s+(?:and\s+)?(?:{_ONES}|ten))?))\b")
_ZONES = r"GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|CST|CDT|MST|MDT"
CLOCK = _rx(
    rf"{_MOD}(?:(?i:at)\s+)?(?:(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.m\.|"
    rf"[ap]m\b|[ap]\.m\b))|(?P<h24>[012]?\d):(?P<m24>[0-5]\d)(?!:?\d)(?:\s*(?P<zone>GMT|UTC|"
    rf"EST|EDT|CET|BST|(?i:local\s+time)))?|(?P<named>(?i:noon|midnight|midday)))"
    rf"(?:\s*(?:{_ZONES}))?"
    rf"(?:\s*,?\s+(?:(?i:on)\s+)?(?P<weekday>{_WEEKDAY_FULL})|\s+(?P<dayword>(?i:today|tonight|"
    rf"yesterday|tomorrow))|\s*,?\s+(?:(?i:on)\s+)?{_MONTH_ANY}\s+(?P<mday>[0-3]?\d)\b"
    rf"(?:\s*,?\s+{_YEAR})?)?")
PART_OF_DAY = _rx(
    r"(?i:(?:(?P<edge>later|earlier|early|late|mid-?)\s*)?(?:(?P<rel>this|yesterday|tomorrow|"
    r"that)\s+)?(?P<part>morning|afternoon|evening|night)|(?P<edge2>early|late|mid-?)[\s-]*"
    r"(?P<part2>morning|afternoon|evening))\b"
    r"(?:\s+(?P<dayword>(?i:yesterday|today|tomorrow)))?")
HOLIDAY = _rx(
    r"(?:(?P<rel>(?i:last|next|this|on|at|by|before|after|since|until|over))\s+)?"
    r"(?P<holiday>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|"
    r"New\s+Year['’]s(?:\s+Day)?|Thanksgiving(?:\s+Day)?|Easter\s+Sunday|Easter\s+Monday|Easter|"
    r"Good\s+Friday|Halloween|Valentine['’]s\s+Day|Labou?r\s+Day|Memorial\s+Day|"
    r"Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day|Boxing\s+Day|May\s+Day|Bastille\s+Day|"
    r"(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Mother['’]s\s+Day|Father['’]s\s+Day|"
    r"Election\s+Day)(?:\s*,?\s+(?P<year>(?:1[89]|20)\d{2}))?\b")
SET_WIDE = _rx(
    r"(?i:(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly|every\s+day|each\s+day)|"
    r"(?P<per>(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+"
    r"(?:day|week|month|year|quarter))|"
    r"(?:every|each)\s+(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)|"
    r"(?:every|each)\s+(?:other\s+)?(?:(?P<n>\d+|two|three|four|five|six|ten)\s+)?"
    r"(?P<unit>day|week|month|quarter|year|morning|evening|night|weekend|summer|winter|spring|"
    r"autumn|fall)s?)\b|"
    rf"(?:(?i:every|each)\s+)?(?P<weekday>{_WEEKDAY_FULL})(?:s(?:\s+(?P<wpart>(?i:mornings|"
    rf"afternoons|evenings|nights)))?|\s+(?P<wpart3>(?i:mornings|afternoons|evenings|nights)))"
    rf"\b|(?i:every|each)\s+(?P<weekday2>{_WEEKDAY_FULL})"
    r"(?:\s+(?P<wpart2>(?i:morning|afternoon|evening|night)))?\b|"
    r"(?P<rate>(?i:a|per)\s+(?:day|week|month|year))\b")
MONTH_REL_YEAR = _rx(
    rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)(?:\s+(?i:of))?\s+(?P<rel>(?i:this|last|next))"
    r"\s+(?i:year)\b")
