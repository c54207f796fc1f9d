"""Line rules on plain-text pages written for these tests, in several languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import classify_lines, clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


def _clean(name: str) -> tuple[str, list[str]]:
    return clean_text((FIXTURES / name).read_text(encoding="utf-8"))


def test_english_page_keeps_every_story_sentence() -> None:
    text, _ = _clean("english_page.txt")
    for sentence in (
        "Negotiators from the three port authorities agreed on Thursday",
        "The agreement, signed in the town hall after eleven hours of talks",
        "Dock workers said they expected the first convoy to leave the harbour",
    ):
        assert sentence in text


@pytest.mark.parametrize(
    "phrase",
    [
        "Home » World » Middle East",
        "Home | News | Politics",
        "Search for:",
        "Log in | Register",
        "Photo: archive.",
        "Read more: Mayor opens new cycling bridge",
        "Check Also",
        "Storm damages lighthouse on northern cape",
        "Gale-force winds tore the lantern room",
        "Related Posts",
        "Festival organisers cancel open-air concerts",
        "City council approves new bus lanes",
        "Share on Facebook",
        "Leave a Reply",
        "Subscribe to our newsletter",
        "do not necessarily reflect",
        "We use cookies",
        "All rights reserved",
        "Powered by WordPress",
    ],
)
def test_english_boilerplate_phrase_is_removed_and_recorded(phrase: str) -> None:
    text, removed = _clean("english_page.txt")
    assert phrase not in text
    assert any(phrase in line for line in removed)


def test_lone_dateline_is_cut_as_page_chrome() -> None:
    text, removed = _clean("english_page.txt")
    assert "Posted on 5 March 2020 | 18:42" not in text
    assert "Posted on 5 March 2020 | 18:42" in removed


def test_title_line_and_its_repeat_leave_the_text() -> None:
    text, removed = _clean("english_page.txt")
    assert "Harbour talks end with deal on grain convoys" not in text
    assert removed.count("Harbour talks end with deal on grain convoys") == 2


def test_title_is_taken_from_the_first_headline_line_and_date_from_the_date_line() -> None:
    from storyline.clean import clean_plain

    raw = (FIXTURES / "english_page.txt").read_text(encoding="utf-8")
    result = clean_plain(raw)
    assert result.title == "Harbour talks end with deal on grain convoys"
    assert result.published == "2020-03-05"


def test_byline_and_editors_note_are_cut_but_a_sentence_starting_with_by_is_kept() -> None:
    body = (
        "Ferry strike ends after two weeks\n"
        "By Harbour Desk\n"
        "By the time the ferries sailed again on Monday, hundreds of lorries were waiting at "
        "the port, the harbour master said.\n"
        "Editor's note: This article has been updated to correct a spelling.\n"
    )
    text, removed = clean_text(body)
    assert removed == ["Ferry strike ends after two weeks", "By Harbour Desk",
                       "Editor's note: This article has been updated to correct a spelling."]
    assert text.startswith("By the time the ferries sailed")


def test_archive_photo_caption_is_cut_even_when_it_shares_the_story_words() -> None:
    body = (
        "Navy drills off the coast\n"
        "The navy began drills off the coast of the peninsula on Tuesday, the fleet command said, "
        "with twelve ships and two submarines taking part.\n"
        "Photo: archive. Ships of the fleet during drills off the peninsula in 2019\n"
        "The drills will last until the end of the week, officials said on Tuesday evening.\n"
    )
    text, removed = clean_text(body)
    assert "Photo: archive." not in text
    assert removed[-1].startswith("Photo: archive.")


def test_teaser_lead_before_the_page_footer_is_cut_even_when_it_shares_words() -> None:
    body = (
        "Minister visits the port\n"
        "The foreign minister visited the port of the capital on Friday and met the harbour "
        "authority, the ministry said in a statement.\n"
        "Check Also\n"
        "Minister to tour four countries\n"
        "The foreign minister will visit four countries next week, the ministry said on Friday.\n"
        "Subscribe to our Telegram channel\n"
    )
    text, removed = clean_text(body)
    assert "four countries" not in text
    assert "met the harbour authority" in text


@pytest.mark.parametrize(
    ("name", "kept", "dropped"),
    [
        ("turkish_page.txt",
         ["Üç liman idaresinin temsilcileri", "Anlaşma belediye binasında"],
         ["Anasayfa > Gündem", "Ara...", "Giriş Yap", "Paylaş:", "Yorum yap",
          "Tüm hakları saklıdır"]),
        ("russian_page.txt",
         ["Представители трёх портовых администраций", "Соглашение было подписано"],
         ["Главная / Новости", "Поиск", "Войти | Регистрация", "Поделиться",
          "Читайте также", "Шторм повредил маяк", "Все права защищены"]),
        ("mixed_prompts.txt",
         ["Les négociateurs des trois autorités", "Los negociadores de las tres",
          "Die Unterhändler der drei Hafenbehörden"],
         ["Accueil › Monde", "Partager", "Compartir", "Teilen", "Facebook Twitter WhatsApp"]),
    ],
)
def test_prompts_in_other_languages_are_removed_but_story_kept(
    name: str, kept: list[str], dropped: list[str]
) -> None:
    text, removed = _clean(name)
    for phrase in kept:
        assert phrase in text
    for phrase in dropped:
        assert phrase not in text
        assert any(phrase in line for line in removed)


def test_classify_lines_names_the_rule_that_removes_each_line() -> None:
    lines = [
        "News / Politics / Syria",
        "Home > World",
        "Type your search and hit enter",
        "Share on Facebook",
        "© 2021 Example Post",
        "Advertisement",
        "Ministers met in the capital on Monday to discuss the new border agreement with "
        "their neighbours.",
    ]
    assert classify_lines(lines) == [
        "breadcrumb", "breadcrumb", "search", "share", "copyright", "advertisement", None,
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the ministry would share the data with Facebook and Twitter before the "
        "vote on Friday.",
        "The court ruled that websites which use cookies must ask visitors for consent before "
        "tracking them.",
        "Copyright lawyers for the band said all rights to the songs had been sold in 1998.",
        "Readers who subscribe to the printed edition will receive a free map of the new "
        "tram lines, the publisher said.",
        "Police said the photo, taken by a passer-by, showed the suspect leaving the bank at "
        "noon.",
    ],
)
def test_story_sentence_with_prompt_words_is_never_cut(sentence: str) -> None:
    text, removed = clean_text(
        "Tram line opens after years of delay\n" + sentence + "\nThe line opens next week."
    )
    assert sentence in text
    assert removed == ["Tram line opens after years of delay"]  # the headline, kept as title


def test_caption_about_the_article_is_kept_but_unrelated_caption_removed() -> None:
    body = (
        "Firefighters battled a blaze at the timber warehouse on the quay for six hours on "
        "Sunday before bringing it under control, the fire brigade said.\n"
        "Photo: Firefighters at the burning timber warehouse on the quay.\n"
        "Photo: archive. A choir sings in the cathedral.\n"
    )
    text, removed = clean_text(body)
    assert "Photo: Firefighters at the burning timber warehouse" in text
    assert removed == ["Photo: archive. A choir sings in the cathedral."]


def test_teaser_sentence_about_this_story_is_not_taken_with_the_marker() -> None:
    body = (
        "Firefighters battled a blaze at the timber warehouse on the quay on Sunday, the fire "
        "brigade said.\n"
        "See also\n"
        "Warehouse owner promises to rebuild\n"
        "The owner of the timber warehouse on the quay said the blaze would not stop the firm, "
        "which employs sixty people.\n"
    )
    text, removed = clean_text(body)
    assert "The owner of the timber warehouse on the quay said" in text
    assert removed == ["See also", "Warehouse owner promises to rebuild"]


def test_cleaning_is_deterministic() -> None:
    assert _clean("english_page.txt") == _clean("english_page.txt")


def test_headline_run_stamped_with_a_day_word_is_a_related_list() -> None:
    """Day-word stamps carry no digit: the cheap digit pre-test must not rule them out."""
    page = [
        "Council approves the harbour budget after a long night",
        "The council approved the harbour budget on Tuesday after eleven hours of debate, "
        "with dock workers watching from the gallery.",
        "",
        "Ferry timetable changes for the winter season today",
        "New lighthouse keeper starts work on the cape Yesterday",
        "Fishing quotas cut again for the northern fleet 14:05",
    ]
    verdict = classify_lines(page)
    assert verdict[1] is None
    assert verdict[3:] == ["related", "related", "related"]


def test_strict_prompt_is_found_only_on_the_line_holding_its_cue() -> None:
    """Cues are looked for once per page; each line is judged by the cues it holds itself."""
    page = [
        "Harbour reopens after the storm",
        "The editor of the harbour gazette said the cranes would move again by Friday, "
        "and the workers agreed to stay on for the night shift.",
        "Editor's note: an earlier version of this story gave the wrong date.",
        "We use cookies to give you the best experience on our website.",
        "Dock workers said the agreement was the best they had seen in years and that the "
        "convoy would leave the harbour on Monday morning.",
    ]
    verdict = classify_lines(page)
    assert verdict[1:] == [None, "editorial_note", "cookie", None]


def test_words_of_a_line_are_those_the_word_pattern_finds() -> None:
    from storyline.clean.lines import split_words
    from storyline.clean.vocabulary import WORD

    line = "U.S.-led talks, don't stop: 1990s 3rd ²x café_bar — O’Neill's co-op ½mile ÉTAT"
    assert split_words(line) == WORD.findall(line)


_STAMPS = ["12.03.2020", "2020-03-12", "12th March", "12. März", "Mar. 12, 2020", "March 12th",
           "14:32", "2.30 p.m.", "10:30 a.m. GMT", "14:32 MSK", "12 March 2020, 14:32 CET",
           "3 hours ago", "5 saat önce", "3 часа назад", "vor 3 Stunden", "il y a 3 jours",
           "hace 2 horas", "yesterday", "Today", "вчера", "7:05PM EST", "12 sept.", "Dec 1st"]


@pytest.mark.parametrize("stamp", _STAMPS)
def test_every_line_ending_in_a_stamp_passes_the_reversed_end_gate(stamp):
    from storyline.clean.vocabulary import STAMP_END_REVERSED, TIMESTAMP_TAIL

    for separator in (" ", " - ", " | ", ", ", ""):
        for end in ("", ".", " »", ")"):
            line = f"Talks resume in Geneva{separator}{stamp}{end}"
            if TIMESTAMP_TAIL.search(line):
                assert STAMP_END_REVERSED.match(line[::-1]), line


def test_a_sentence_ending_in_words_fails_the_reversed_end_gate():
    from storyline.clean.vocabulary import STAMP_END_REVERSED

    line = "On 30 November 2011 the minister said the talks would resume in Geneva."
    assert not STAMP_END_REVERSED.match(line[::-1])
