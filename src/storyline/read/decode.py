"""Bytes to text: one place decides the encoding, so every reader treats files the same way.

Order of trust: a byte-order mark, then strict UTF-8, then an encoding the container declared
(HTTP header or `<meta charset>`), then Western cp1252 when it reads plausibly, then
charset-normalizer's guess among the other legacy encodings.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatch, from_bytes

from storyline.errors import StorylineError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control bytes that never occur in text; tab, LF, VT, FF, CR, SUB and ESC do.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
MAX_CONTROL_SHARE = 0.05
"""Random binary has about 10% C0 control bytes; real text almost none."""

# Labels that browsers read as windows-1252 (WHATWG Encoding Standard): pages that declare
# latin-1 routinely contain curly quotes from cp1252.
_WEB_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso8859-1": "cp1252",
}

_NEWLINES = re.compile(r"\r\n?")

# Non-ASCII characters of Western European text in windows-1252: accented letters and the
# typographic punctuation word processors insert. Short texts are where detectors guess wrong
# (French read as cp1250 turns "à" into "ŕ"), so this common case is settled first.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßŒœŠšŸŽž"
    "“”‘’‚„–—…€•«»°£§©®·¿¡ºª™†‡‰‹›´¨¸¢¥½¼¾×÷±\xa0"
)
_TURKISH = _WESTERN | frozenset("ĞğİıŞş")
# cp1254 (and ISO-8859-9) are cp1252 with six letters swapped for Turkish ones (ð→ğ, þ→ş, Ý→İ,
# ý→ı…); charset-normalizer reads short Turkish texts as cp1250 or cp852, garbling "Erdoğan".
_SINGLE_BYTE_CANDIDATES = (("cp1252", _WESTERN), ("cp1254", _TURKISH))
_WESTERN_CODECS = frozenset(
    {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1254", "iso8859_9"}
)
MAX_ACCENTED_SHARE = 0.35
"""Western languages accent a minority of letters; Cyrillic or Greek read as cp1252 accent all."""


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image, archive or executable, not text."""
    if b"\x00" in data:
        return True
    if not data:
        return False
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data) > MAX_CONTROL_SHARE


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF so line rules downstream see one convention."""
    return _NEWLINES.sub("\n", text).lstrip("\ufeff")


def decode_bytes(data: bytes, declared_encoding: str | None = None) -> str:
    """Decode a whole file or record; raise E102 for binary and E103 when no encoding fits."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return normalize_newlines(data[len(_bom_bytes(bom)) :].decode(bom))
        except UnicodeDecodeError as error:
            raise StorylineError("E103", f"invalid {bom} after byte-order mark: {error}") from None
    if looks_binary(data):
        raise StorylineError("E102", "NUL or control bytes")
    try:
        # Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding by accident, and pages
        # that declare latin-1 while serving UTF-8 are common.
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared_encoding:
        text = _try_declared(data, declared_encoding)
        if text is not None:
            return normalize_newlines(text)
    for codec, alphabet in _SINGLE_BYTE_CANDIDATES:
        western = _plausible_single_byte(data, codec, alphabet)
        if western is not None:
            return normalize_newlines(western)
    best = _best_guess(data)
    if best is None:
        raise StorylineError("E103", "not UTF-8 and no legacy encoding fits")
    text = str(best)
    if looks_binary(text.encode("utf-8", "surrogatepass")):
        raise StorylineError("E102", f"control characters after decoding as {best.encoding}")
    return normalize_newlines(text)


def _bom_bytes(encoding: str) -> bytes:
    return next(bom for bom, name in _BOMS if name == encoding)


def _plausible_single_byte(data: bytes, codec: str, alphabet: frozenset[str]) -> str | None:
    """The reading in `codec` when every non-ASCII character is one of `alphabet` and accents
    stay a minority of letters, else None."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    letters = accented = 0
    for char in text:
        if char.isalpha():
            letters += 1
        if ord(char) > 127:
            if char not in alphabet:
                return None
            accented += char.isalpha()
    if letters == 0 or accented / letters > MAX_ACCENTED_SHARE:
        return None
    return text


def _best_guess(data: bytes) -> CharsetMatch | None:
    """charset-normalizer's pick, passing over cp1252 and kin already judged implausible."""
    matches = list(from_bytes(data))
    for match in matches:
        if match.encoding not in _WESTERN_CODECS:
            return match
    return matches[0] if matches else None


def _try_declared(data: bytes, label: str) -> str | None:
    """Decode with the declared encoding, or None when the label is unknown or wrong."""
    label = label.strip().lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a declared UTF-16 without a BOM is almost always a mislabelled page
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None
