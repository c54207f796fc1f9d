"""Bytes to text: encodings, newlines and the binary / undecodable verdicts."""

from __future__ import annotations

import codecs

import pytest

from storyline.errors import StorylineError
from storyline.read.decode import decode_bytes, looks_binary
from storyline.read.html import declared_charset, decode_html

SMART = "The mayor said “we will rebuild the café by spring” – and the council agreed.\n"


def test_utf8_bom_is_dropped_and_crlf_becomes_lf() -> None:
    data = codecs.BOM_UTF8 + b"First line\r\nSecond line\rThird\r\n"
    assert decode_bytes(data) == "First line\nSecond line\nThird\n"


def test_utf16_with_bom_is_decoded_in_both_byte_orders() -> None:
    text = "Flooding in Zürich\r\nclosed two bridges.\r\n"
    for encoding, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        assert (
            decode_bytes(bom + text.encode(encoding)) == "Flooding in Zürich\nclosed two bridges.\n"
        )


def test_cp1252_smart_quotes_and_accents_survive() -> None:
    assert decode_bytes(SMART.encode("cp1252")) == SMART


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Un café à Genève — déjà vu.", "cp1252"),
        ("Der Bürgermeister sagte, die Straße sei gesperrt.", "cp1252"),
        ("Ação rápida não é fácil, disse o ministro.", "latin-1"),
        ("Правительство объявило о новых мерах поддержки.", "cp1251"),
        ("Rząd ogłosił nowe środki pomocy dla rolników.", "cp1250"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης.", "cp1253"),
    ],
)
def test_short_legacy_texts_decode_to_their_own_script(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(StorylineError) as caught:
        decode_bytes(b"looks like text\x00but is not")
    assert caught.value.code == "E102"


def test_many_control_bytes_mean_binary_even_without_nul() -> None:
    data = bytes(range(1, 32)) * 20 + b"some words"
    assert looks_binary(data)
    with pytest.raises(StorylineError) as caught:
        decode_bytes(data)
    assert caught.value.code == "E102"


def test_tabs_form_feeds_and_escapes_are_still_text() -> None:
    assert not looks_binary(b"col\tcol\tcol\n\x0cnext page\x1b[0m\n")


def test_broken_utf16_after_its_bom_is_undecodable() -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(StorylineError) as caught:
        decode_bytes(data)
    assert caught.value.code == "E103"


def test_meta_charset_decides_a_page_encoding() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Привет мир</body></html>'
    assert declared_charset(page.encode("cp1251")) == "windows-1251"
    assert "Привет мир" in decode_html(page.encode("cp1251"))


def test_http_equiv_latin1_is_read_as_cp1252_like_browsers_do() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>“Quoted” café</p></body></html>"
    )
    assert "<p>“Quoted” café</p>" in decode_html(page.encode("cp1252"))


def test_page_declaring_latin1_but_serving_utf8_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>naïve résumé’</body></html>'
    assert "naïve résumé’" in decode_html(page.encode("utf-8"))


def test_page_declaring_utf8_but_serving_cp1252_falls_back_to_detection() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>“Quoted” café</p></body></html>'
    assert "<p>“Quoted” café</p>" in decode_html(page.encode("cp1252"))


def test_turkish_legacy_bytes_decode_as_cp1254_not_central_european():
    text = "Erdoğan ve Putin, İdlib için Soçi'de buluştu. Paylaş: Barış için ılımlı bir adım."
    for codec in ("cp1254", "iso8859_9"):
        assert decode_bytes(text.encode(codec)) == text
    quoted = "“Barış” dedi Erdoğan."
    assert decode_bytes(quoted.encode("cp1254")) == quoted
