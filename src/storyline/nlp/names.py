"""Spelling-insensitive keys for names: diacritics, case, punctuation and transliteration folded.

Outlets spell one name many ways (Erdoğan/Erdogan, U.N./UN, Shoygu/Shoigu, Nebenzia/Nebenzya);
the alias table is matched on these keys so each spelling needs listing once at most.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ʼ": "'", "’": "'",
    "‘": "'", "`": "'", "´": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "“": '"', "”": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ",
})
_DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our", "so-called", "so called")
_PARTICLES = {"al", "el", "al-", "el-", "as", "ash", "ad", "ar", "az", "an", "bin", "ibn", "de",
              "da", "di", "von", "van", "der", "la", "le"}
# Transliteration rules applied in order to a folded token (Russian, Ukrainian, Arabic and
# Turkish names in English, French and German spellings).
_TRANSLIT = [
    (r"sch", "sh"), (r"tsch", "ch"), (r"dzh", "j"), (r"dj", "j"), (r"kh", "h"), (r"gh", "g"),
    (r"ph", "f"), (r"w", "v"), (r"ck", "k"), (r"q", "k"), (r"ou", "u"), (r"oo", "u"),
    (r"ee", "i"), (r"ie", "i"), (r"y", "i"), (r"j(?=[aeiou])", "i"), (r"'", ""),
    (r"(.)\1", r"\1"), (r"ii", "i"), (r"ei", "i"),
]
_TRANSLIT_RE = [(re.compile(pattern), repl) for pattern, repl in _TRANSLIT]


def fold(text: str) -> str:
    """Text with diacritics and typographic variants removed, case kept."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def key(text: str) -> str:
    """Lookup key: folded, lowercased, dots dropped (U.N. = UN), other punctuation as spaces."""
    text = fold(text).lower().replace(".", "")
    text = re.sub(r"[^a-z0-9']+", " ", text)
    text = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", text)
    return " ".join(text.split())


def strip_determiners(text: str) -> str:
    """"the Turkish president" -> "Turkish president"; also "his", "so-called"."""
    words = text.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for det in _DETERMINERS:
            parts = det.split()
            if [w.lower() for w in words[: len(parts)]] == parts and len(words) > len(parts):
                words = words[len(parts):]
                changed = True
    return " ".join(words)


def strip_possessive(text: str) -> str:
    """"Erdogan's" -> "Erdogan"; "Assad’s" -> "Assad"."""
    return re.sub(r"['’]s?$", "", text.strip())


def translit(token: str) -> str:
    """Coarse phonetic form of a folded lowercase token: Shoygu = Shoigu, Nebenzya = Nebenzia."""
    for pattern, repl in _TRANSLIT_RE:
        token = pattern.sub(repl, token)
    return token


def name_tokens(text: str) -> list[str]:
    """Key tokens of a personal name without Arabic/European particles (al-, bin, von)."""
    return [t for t in key(text.replace("-", " ")).split() if t not in _PARTICLES]


def translit_key(text: str) -> str:
    """Whole-name phonetic key: tokens without particles, each transliteration-folded."""
    return " ".join(translit(t) for t in name_tokens(text))
