"""clean_document: a Document becomes an Article, or a coded rejection."""

from __future__ import annotations

from pathlib import Path

from storyline.clean import OutletProfiles, clean_document, date_from_url, detect_language
from storyline.errors import Rejection
from storyline.model import Article, Document
from storyline.options import Options

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


def _text_doc(name: str, **fields: object) -> Document:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Document(id=Path(name).stem, source=name, format="text", text=text, **fields)  # type: ignore[arg-type]


def test_text_document_becomes_article_without_profiles() -> None:
    article = clean_document(_text_doc("english_page.txt"))
    assert isinstance(article, Article)
    assert article.title == "Harbour talks end with deal on grain convoys"
    assert article.language == "en"
    assert "Share on Facebook" in article.removed_lines
    assert "Negotiators from the three port authorities" in article.text
    assert article.content_hash


def test_removed_lines_hold_everything_cut_from_the_input() -> None:
    doc = _text_doc("english_page.txt")
    article = clean_document(doc)
    assert isinstance(article, Article)
    kept = set(article.text.splitlines())
    removed = set(article.removed_lines)
    for line in (doc.text or "").splitlines():
        assert line.strip() in kept or line.strip() in removed


def test_document_metadata_wins_over_what_cleaning_finds() -> None:
    doc = _text_doc(
        "english_page.txt", title="Deal on grain convoys", outlet="Harbour Gazette",
        published="2020-03-04", published_basis="metadata",
    )
    article = clean_document(doc)
    assert isinstance(article, Article)
    assert (article.title, article.outlet) == ("Deal on grain convoys", "Harbour Gazette")
    assert (article.published, article.published_basis) == ("2020-03-04", "metadata")


def test_publication_date_from_url_when_nothing_else_has_it() -> None:
    doc = _text_doc("turkish_page.txt", url="https://liman.example/2021/07/14/tahil-anlasmasi")
    article = clean_document(doc)
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == ("2021-07-14", "url")
    assert article.outlet == "liman.example"
    assert article.language == "tr"


def test_html_document_dates_come_from_the_page() -> None:
    html = (FIXTURES / "harbour_page.html").read_text(encoding="utf-8")
    article = clean_document(Document(id="h", source="h.html", format="html", html=html))
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == ("2020-03-05", "html")
    assert article.outlet == "Harbour Gazette"
    assert any("cookies" in line for line in article.removed_lines)


def test_document_with_only_boilerplate_is_rejected_with_e201() -> None:
    doc = Document(id="x", source="x.txt", format="text",
                   text="Home | News | Sport | Contact\nShare on Facebook\n© 2024 Example")
    result = clean_document(doc)
    assert isinstance(result, Rejection)
    assert result.reason == "E201"


def test_profiles_are_applied_to_text_documents() -> None:
    courier = FIXTURES / "courier"
    profiles = OutletProfiles.build(
        ("Valley Courier", p.read_text(encoding="utf-8")) for p in sorted(courier.glob("*.txt"))
    )
    doc = Document(id="one", source="one.txt", format="text", outlet="Valley Courier",
                   text=(courier / "one.txt").read_text(encoding="utf-8"))
    article = clean_document(doc, profiles, Options())
    assert isinstance(article, Article)
    assert "independent since 1901" not in article.text
    assert article.title == "Bridge repairs close the river road for a month"
    # the date line is page chrome: cut from the text, its date kept as the publication date
    assert "Posted on 2 March 2021" not in article.text
    assert (article.published, article.published_basis) == ("2021-03-02", "text")


def test_content_hash_changes_with_the_raw_input_only() -> None:
    a = clean_document(_text_doc("english_page.txt"))
    b = clean_document(_text_doc("english_page.txt"))
    c = clean_document(_text_doc("turkish_page.txt"))
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.content_hash == b.content_hash != c.content_hash
    assert a.to_dict() == b.to_dict()


def test_url_dates_must_be_real_calendar_dates() -> None:
    assert date_from_url("https://x.example/news/2020-03-05-ceasefire") == "2020-03-05"
    assert date_from_url("https://x.example/2020/02/30/story") is None
    assert date_from_url("https://x.example/story/12345") is None


def test_language_detector_abstains_on_short_text() -> None:
    assert detect_language("Home") is None
    assert detect_language(
        "Die Regierung hat am Montag mitgeteilt, dass die neue Brücke nicht vor dem Sommer "
        "eröffnet wird, weil die Stahlträger noch nicht geliefert worden sind."
    ) == "de"


HEAD_AND_TAIL = """HARBOUR TIMES
Home | Politics | Business | Sport
Dock strike ends after nine days
19.03.2021 17:40

The dock workers' union ended its strike on Friday after the port authority agreed to restore
the night shift bonus, the union's secretary told reporters outside the terminal gates.
Cranes were moving again by the evening, and the first container ship left the quay shortly
before midnight, according to the harbour master's office.
The authority said the deal would cost it about four million euros a year, which it hopes to
recover from higher berthing fees next spring.

More news
Ferry operators warn of strike over pension cuts 18.03.2021 21:30
Tram line reopens after repairs 18.03.2021 15:02
"""


def test_removed_head_counts_the_removed_lines_before_the_text() -> None:
    article = clean_document(Document(id="dock", source="dock.txt", format="text",
                                      text=HEAD_AND_TAIL))
    assert isinstance(article, Article)
    head = article.removed_lines[:article.removed_head]
    assert "19.03.2021 17:40" in head and "Dock strike ends after nine days" in head
    tail = article.removed_lines[article.removed_head:]
    assert any(line.startswith("Tram line reopens") for line in tail)
    assert not any(line.startswith(("Tram line", "Ferry operators")) for line in head)
    assert article.to_dict()["removed_head"] == article.removed_head


def test_html_removed_head_counts_the_visible_lines_before_the_text() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in HEAD_AND_TAIL.split("\n\n")[1].split("\n"))
    html = ("<html><body><header><a href='/'>Home</a> <a href='/p'>Politics</a></header>"
            "<h1>Dock strike ends after nine days</h1><p class='date'>19.03.2021 17:40</p>"
            f"<article>{paragraphs}</article><aside><h3>More news</h3><ul>"
            "<li>Ferry operators warn of strike over pension cuts 18.03.2021 21:30</li></ul>"
            "</aside></body></html>")
    article = clean_document(Document(id="dock", source="dock.html", format="html", html=html))
    assert isinstance(article, Article)
    head = article.removed_lines[:article.removed_head]
    assert "19.03.2021 17:40" in head
    assert not any("Ferry operators" in line for line in head)
