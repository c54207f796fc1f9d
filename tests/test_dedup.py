"""Exact and near copies: who copied whom, and what must stay apart."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storyline.dedup import (
    DuplicateIndex,
    DuplicateLink,
    containment,
    find_duplicates,
    normalize_for_hash,
    shingle_hashes,
    text_fingerprint,
)
from storyline.model import Article
from storyline.options import Options

FIXTURES = Path(__file__).parent / "fixtures" / "dedup"
WIRE = (FIXTURES / "harbor_strike_wire.txt").read_text(encoding="utf-8")
INDEPENDENT = (FIXTURES / "harbor_strike_independent.txt").read_text(encoding="utf-8")
LIBRARY = (FIXTURES / "library_opening.txt").read_text(encoding="utf-8")
FILLERS = ("meanwhile", "reportedly", "officials", "northern", "quietly", "again", "several")


def article(article_id: str, text: str, published: str | None = "2021-05-04") -> Article:
    return Article(
        id=article_id, source=f"{article_id}.txt", outlet=None, title=None, published=published,
        published_basis=None, language=None, text=text,
    )


def edit_words(text: str, every: int, offset: int = 0) -> str:
    """Cycle substitution, insertion and deletion at every `every`-th word (1/every edits)."""
    words = text.split()
    for count, position in enumerate(reversed(range(offset, len(words), every))):
        filler = FILLERS[count % len(FILLERS)]
        action = count % 3
        if action == 0:
            words[position] = filler
        elif action == 1:
            words.insert(position, filler)
        else:
            del words[position]
    return " ".join(words)


def truncate(text: str, keep: float) -> str:
    words = text.split()
    return " ".join(words[: int(len(words) * keep)])


def with_boilerplate(text: str) -> str:
    return (
        "The Lantern Bulletin | World | Tuesday edition\n\n"
        + text
        + "\n\nCopyright The Lantern Bulletin. All rights reserved.\n"
        "Sign up for our morning briefing and follow us for more updates."
    )


def links_of(*articles: Article, options: Options | None = None) -> dict[str, DuplicateLink]:
    return find_duplicates(list(articles), options)


def test_normalized_text_ignores_case_punctuation_and_line_wrapping() -> None:
    assert normalize_for_hash("The  PORT's\ncranes -- stood \u201cidle\u201d.") == (
        "the port s cranes stood idle"
    )
    assert text_fingerprint("Cranes stood idle.") == text_fingerprint("cranes\nSTOOD   idle")
    assert text_fingerprint("Cranes stood idle.") != text_fingerprint("Cranes stood still.")


def test_exact_copy_links_to_original_as_exact() -> None:
    links = links_of(
        article("wire", WIRE), article("reprint", WIRE.upper()), article("lib", LIBRARY)
    )
    assert links == {
        "reprint": DuplicateLink(id="reprint", original="wire", kind="exact", similarity=1.0)
    }


def test_copy_with_five_percent_word_edits_is_a_near_copy() -> None:
    edited = edit_words(WIRE, every=20)
    assert text_fingerprint(edited) != text_fingerprint(WIRE)
    links = links_of(article("wire", WIRE), article("edited", edited), article("lib", LIBRARY))
    assert set(links) == {"edited"}
    assert links["edited"].original == "wire"
    assert links["edited"].kind == "near"
    assert 0.5 <= links["edited"].similarity < 1.0


def test_truncated_copy_links_to_the_full_original() -> None:
    short = truncate(WIRE, keep=0.65)
    links = links_of(article("wire", WIRE), article("short", short))
    assert links["short"].original == "wire"
    assert links["short"].similarity == 1.0  # every shingle of the cut copy is in the original


def test_copy_with_added_boilerplate_lines_links_to_original() -> None:
    links = links_of(article("wire", WIRE), article("bulletin", with_boilerplate(WIRE)))
    assert links["bulletin"].original == "wire"
    assert links["bulletin"].kind == "near"
    assert links["bulletin"].similarity == 1.0


def test_rewrapped_copy_with_other_quote_marks_is_an_exact_copy() -> None:
    rewrapped = textwrap.fill(" ".join(WIRE.split()), width=37).replace("'", "\u2019")
    links = links_of(article("wire", WIRE), article("rewrapped", rewrapped))
    assert links["rewrapped"].kind == "exact"


def test_chain_of_five_outlets_all_point_to_the_earliest_published() -> None:
    dates = ["2021-05-06", "2021-05-05", "2021-05-03", "2021-05-07", "2021-05-04"]
    versions = [edit_words(WIRE, every=25, offset=n) for n in range(5)]
    outlets = [article(f"outlet{n}", versions[n], day) for n, day in enumerate(dates)]
    links = links_of(*outlets, article("lib", LIBRARY, "2021-05-01"))
    assert {k: v.original for k, v in links.items()} == {
        "outlet0": "outlet2", "outlet1": "outlet2", "outlet3": "outlet2", "outlet4": "outlet2"
    }


def test_copy_of_a_copy_points_to_the_root_even_when_too_far_from_it() -> None:
    first = edit_words(WIRE, every=12)
    second = edit_words(first, every=12, offset=6)
    words = Options().shingle_words
    assert containment(shingle_hashes(second, words), shingle_hashes(WIRE, words)) < 0.5
    links = links_of(
        article("root", WIRE, "2021-05-01"),
        article("copy", first, "2021-05-02"),
        article("copy_of_copy", second, "2021-05-03"),
    )
    assert links["copy"].original == "root"
    assert links["copy_of_copy"].original == "root"
    assert links["copy_of_copy"].similarity < 0.5  # reported against the root it links to


def test_same_event_written_independently_is_not_a_copy() -> None:
    words = Options().shingle_words
    overlap = containment(shingle_hashes(WIRE, words), shingle_hashes(INDEPENDENT, words))
    assert overlap < 0.05
    assert links_of(article("wire", WIRE), article("independent", INDEPENDENT)) == {}


def test_short_text_repeated_inside_long_articles_does_not_chain_them() -> None:
    box = (
        "About the region: the Velmora district lies on the northern coast and has about ninety "
        "thousand residents. Its harbour handles most of the grain exported from the farmland "
        "around it, and fishing, timber and tourism are its other main trades. The district "
        "council has twenty-one seats and meets in the old customs house. Rail links to the "
        "capital were rebuilt after the floods of the last decade, and a ferry runs to the "
        "islands twice a day in summer and once a day in winter, weather permitting."
    )
    links = links_of(
        article("box", box),
        article("wire", WIRE + "\n" + box),
        article("library", LIBRARY + "\n" + box),
    )
    assert links == {}


def test_ties_go_to_the_dated_then_first_seen_then_smallest_id() -> None:
    same_day = links_of(article("b", WIRE), article("a", WIRE))
    assert same_day["a"].original == "b"  # same date: first seen wins over smaller id
    undated_first = links_of(article("x", WIRE, None), article("y", WIRE, "2021-05-09"))
    assert undated_first["x"].original == "y"
    index = DuplicateIndex()
    index.add("b", WIRE, "2021-05-04", order=0)
    index.add("a", WIRE, "2021-05-04", order=0)
    assert index.links()["b"].original == "a"  # same date and order: smallest id


def test_links_are_identical_across_runs_and_processes() -> None:
    corpus = [
        article("wire", WIRE),
        article("edited", edit_words(WIRE, every=15), "2021-05-05"),
        article("short", truncate(WIRE, 0.7), "2021-05-05"),
        article("independent", INDEPENDENT),
        article("lib", LIBRARY),
    ]
    assert find_duplicates(corpus) == find_duplicates(list(corpus))
    digest = "import sys; from storyline.dedup import DuplicateIndex as I; " \
        "print(I().signature(sys.stdin.read()).hashvalues.tolist())"
    source = str(Path(__file__).parents[1] / "src")
    runs = {
        subprocess.run(
            [sys.executable, "-c", digest], input=WIRE, capture_output=True, text=True,
            check=True, env={"PYTHONHASHSEED": seed, "PYTHONPATH": source},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert runs.pop().strip() == str(DuplicateIndex().signature(WIRE).hashvalues.tolist())


def test_incremental_add_agrees_with_find_duplicates() -> None:
    corpus = [
        article("wire", WIRE, "2021-05-01"),
        article("lib", LIBRARY, "2021-05-01"),
        article("edited", edit_words(WIRE, every=20), "2021-05-02"),
        article("independent", INDEPENDENT, "2021-05-02"),
        article("lib_short", truncate(LIBRARY, 0.8), "2021-05-03"),
        article("bulletin", with_boilerplate(edit_words(WIRE, every=30)), "2021-05-03"),
        article("reprint", WIRE, "2021-05-04"),
    ]
    index = DuplicateIndex()
    returned = {}
    for order, item in enumerate(corpus):
        link = index.add(item.id, item.text, item.published, order)
        if link is not None:
            returned[item.id] = link
    expected = find_duplicates(corpus)
    assert returned == expected == index.links()
    assert set(expected) == {"edited", "lib_short", "bulletin", "reprint"}


def test_incremental_index_reroots_when_an_earlier_article_arrives_late() -> None:
    index = DuplicateIndex()
    assert index.add("later", WIRE, "2021-05-09", order=0) is None
    assert index.add("earlier", edit_words(WIRE, every=20), "2021-05-01", order=1) is None
    assert index.links()["later"].original == "earlier"


def test_empty_texts_are_not_copies_and_ids_must_be_unique() -> None:
    assert links_of(article("a", "..."), article("b", " -- ")) == {}
    with pytest.raises(ValueError):
        links_of(article("a", WIRE), article("a", LIBRARY))
    index = DuplicateIndex()
    index.add("a", WIRE, None, 0)
    with pytest.raises(ValueError):
        index.add("a", WIRE, None, 1)


def test_same_day_wire_story_is_the_root_when_its_copies_each_keep_different_parts() -> None:
    """A wire story and two same-day copies: each copy drops a different paragraph, so only the
    wire story contains both; it is the original whatever order the files are read in."""
    paragraphs = [
        f"Paragraph {n} tells how the delegations from the two capitals met in the palace on "
        f"Thursday and agreed point number {n} of the plan after long talks about the corridor."
        for n in range(8)
    ]
    wire = "\n".join(paragraphs)
    first_copy = "\n".join(paragraphs[:6] + ["Our correspondent added a closing line today."])
    second_copy = "\n".join(paragraphs[2:] + ["Another outlet added its own closing line."])
    for order in ([0, 1, 2], [1, 2, 0], [2, 0, 1]):
        texts = [("copy-a", first_copy), ("copy-b", second_copy), ("wire", wire)]
        articles = [
            Article(id=i, source=i, outlet=None, title=None, published="2020-03-05",
                    published_basis="metadata", language="en", text=t)
            for i, t in (texts[k] for k in order)
        ]
        links = find_duplicates(articles, Options())
        assert {k: v.original for k, v in links.items()} == {"copy-a": "wire", "copy-b": "wire"}
        index = DuplicateIndex(Options())
        for n, article in enumerate(articles):
            index.add(article.id, article.text, article.published, n)
        assert index.links() == links


def test_same_day_tie_goes_to_the_outlet_that_is_elsewhere_the_first_publisher() -> None:
    """Wire and Ledger both post a story on one day; elsewhere the wire was first alone (a
    copy the next day), so the wire is the source whatever order the files come in."""
    def story(topic: str) -> str:
        import random

        rng = random.Random(topic)
        words = [f"{topic}{k}" for k in range(60)]
        return " ".join(rng.choice(words) for _ in range(120))

    def article(i: str, outlet: str, published: str, text: str) -> Article:
        return Article(id=i, source=i, outlet=outlet, title=None, published=published,
                       published_basis="metadata", language="en", text=text)

    earlier = [article("wire-a", "Wire", "2020-01-01", story("ports")),
               article("paper-a", "Paper", "2020-01-02", story("ports") + " Paper adds this.")]
    tie = [article("ledger-b", "Ledger", "2020-03-05", story("roads") + " Ledger adds this."),
           article("wire-b", "Wire", "2020-03-05", story("roads"))]
    for articles in (earlier + tie, tie + earlier, tie[::-1] + earlier):
        links = find_duplicates(articles, Options())
        assert links["ledger-b"].original == "wire-b"
        assert "wire-b" not in links


def test_signatures_equal_what_datasketch_update_batch_computes() -> None:
    """dedup computes MinHash values from the array with datasketch's own scheme helpers; an
    upgrade of datasketch that changes them must fail here, not silently change the links."""
    import numpy as np

    from storyline.dedup import _empty_minhash, _signature_values

    shingles = shingle_hashes(
        "Ankara and Moscow agreed on joint patrols along the highway on Thursday.", 5
    )
    reference = _empty_minhash(128).copy()
    reference.update_batch((shingles >> np.uint64(32)).tolist())
    assert np.array_equal(reference.hashvalues, _signature_values(shingles, 128))


def test_normalized_text_equals_one_pass_over_non_word_characters() -> None:
    """normalize_for_hash splits on whitespace first and memoizes each piece; that must give
    exactly the words one `[\\W_]+` pass over the whole folded text gives."""
    import re
    import unicodedata

    text = (
        "Snake_case, \u201cquoted\u201d--dashes\u2014and U.S.-led talks; \ufb01nal \u00c9TAT "
        "stra\u00dfe \u2026 ___ 3.5% (c)2021\tTAB\u00a0nbsp \u0130stanbul don\u2019t \u2014 !"
    )
    folded = unicodedata.normalize("NFKC", text).casefold()
    expected = " ".join(re.sub(r"[\W_]+", " ", folded).split())
    assert normalize_for_hash(text) == expected
    assert normalize_for_hash(text) == normalize_for_hash(text)  # memoized pieces, same answer
    assert normalize_for_hash("\u2014 -- ...") == ""


def test_shingles_are_sorted_and_unique_even_with_repeated_phrases() -> None:
    import numpy as np

    text = "the port reopened on monday " * 6 + "and cranes moved again"
    shingles = shingle_hashes(text, 5)
    assert np.array_equal(shingles, np.unique(shingles))
    assert len(shingle_hashes("one", 5)) == 1
    assert len(shingle_hashes("", 5)) == 0
