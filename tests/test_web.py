"""The web UI in-process: every page and its JSON twin, agreement between them, escaping of
untrusted article text, coded errors, ids that are not URL-safe, read-only use of the store."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.store import EventFilter, open_store  # noqa: E402
from storyline.web import create_app  # noqa: E402
from tests.conftest import HOSTILE_ID, HOSTILE_TEXT  # noqa: E402


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    with TestClient(create_app(web_db)) as test_client:
        yield test_client


def url_id(value: str) -> str:
    return quote(value, safe="")


def visible_text(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</?(mark|span|em|strong|code)\b[^>]*>", "", page)  # inline: no space
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def both(client: TestClient, path: str) -> tuple[str, dict]:
    page = client.get(path)
    twin = client.get("/api" + path)
    assert page.status_code == 200, (path, page.text[:300])
    assert twin.status_code == 200, (path, twin.text[:300])
    assert page.headers["content-type"].startswith("text/html")
    assert f'href="{html.escape("/api" + path)}"' in page.text, "the page links its JSON twin"
    return page.text, twin.json()


def first_story_id(client: TestClient) -> str:
    line = client.get("/api/storylines").json()["storylines"][0]
    return client.get(f"/api/storylines/{url_id(line['id'])}").json()["stories"][0]["id"]


def test_every_page_answers_in_html_and_json(client: TestClient) -> None:
    story = first_story_id(client)
    line = client.get("/api/storylines").json()["storylines"][0]["id"]
    article = client.get(f"/api/stories/{url_id(story)}").json()["articles"][0]["id"]
    outlet = client.get("/api/outlets").json()["outlets"][0]["outlet"]
    for path in ["/", "/search?q=Idlib", "/storylines", f"/storylines/{url_id(line)}",
                 "/stories", f"/stories/{url_id(story)}", f"/articles/{url_id(article)}",
                 "/outlets", f"/outlets/{url_id(outlet)}", "/events", "/events?type=ASSAULT"]:
        both(client, path)


def test_storylines_page_and_twin_show_the_same_storylines(client: TestClient) -> None:
    page, data = both(client, "/storylines")
    assert len(data["storylines"]) == 3
    for line in data["storylines"]:
        assert html.escape(line["title"]) in page
        assert f'/storylines/{url_id(line["id"])}"' in page


def test_storyline_page_has_its_plot_stories_and_cited_timeline(client: TestClient) -> None:
    line = client.get("/api/storylines").json()["storylines"][0]
    page, data = both(client, f"/storylines/{url_id(line['id'])}")
    assert "<svg" in page
    assert data["timeline"], "every storyline has a timeline"
    text = visible_text(page)
    for story in data["stories"]:
        assert f'/stories/{url_id(story["id"])}' in page
    for entry in data["timeline"]:
        assert entry["date"] in text
        for cited in entry["lines"]:
            assert " ".join(cited["sentence"].split()) in text
            assert cited["article"] is not None, "a timeline line cites an article in the store"
            assert f'/articles/{url_id(cited["article_id"])}' in page


def test_story_page_and_twin_agree_on_articles_events_and_framing(client: TestClient) -> None:
    story = first_story_id(client)
    page, data = both(client, f"/stories/{url_id(story)}")
    text = visible_text(page)
    assert data["story"]["id"] == story
    assert {a["id"] for a in data["articles"]} == set(data["story"]["article_ids"])
    for article in data["articles"]:
        assert f'/articles/{url_id(article["id"])}' in page
    for event in data["events"]:
        assert event["story_id"] == story
        assert " ".join(event["sentence"].split()) in text
    for record in data["framing"]:
        assert record["story_id"] == story
        assert (record["outlet"] or "unknown outlet") in text


def test_article_page_shows_the_whole_text_with_marks_and_removed_lines_apart(
    client: TestClient,
) -> None:
    story = client.get(f"/api/stories/{url_id(first_story_id(client))}").json()
    article_id = next(a["id"] for a in story["articles"] if not a["duplicate_of"])
    page, data = both(client, f"/articles/{url_id(article_id)}")
    body = re.search(r'<div class="text" id="text">(.*?)</div>', page, flags=re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == data["article"]["text"]
    assert 'class="ev"' in body and 'class="ent' in body
    for event in data["events"]:
        assert f'id="ev-{event["char_start"]}"' in body
    removed = re.search(r'id="removed">(.*?)</div>\s*\n', page, flags=re.S)
    assert removed is not None
    for line in data["article"]["removed_lines"]:
        assert html.escape(line, quote=False) in page


def test_untrusted_text_is_escaped_on_every_page_that_shows_it(client: TestClient) -> None:
    pages = [f"/articles/{url_id(HOSTILE_ID)}", "/search?q=banner", "/events?type=PROTEST",
             f"/outlets/{url_id(client.get(f'/api/articles/{url_id(HOSTILE_ID)}').json()['article']['outlet'])}"]
    for path in pages:
        page, _ = both(client, path)
        assert "<script" not in page, path
        assert not re.search(r"<[^>]*\bon(error|mouseover)\s*=", page), path
        assert "<img" not in page and "<b " not in page and "<i>Evil" not in page, path
    article = client.get(f"/articles/{url_id(HOSTILE_ID)}").text
    assert "&lt;script&gt;window.__pwned = 1" in article
    assert visible_text(article).count("<script>") >= 2  # the text and the removed line, as text
    assert html.unescape(re.sub(r"<[^>]+>", "", re.search(
        r'id="text">(.*?)</div>', article, flags=re.S).group(1))) == HOSTILE_TEXT


def test_pages_forbid_scripts_by_content_security_policy(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "script-src" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_unknown_ids_are_e401_in_html_and_json(client: TestClient) -> None:
    for kind in ("storylines", "stories", "articles", "outlets"):
        page = client.get(f"/{kind}/no-such-thing")
        twin = client.get(f"/api/{kind}/no-such-thing")
        assert page.status_code == twin.status_code == 404
        assert twin.json()["error"]["code"] == "E401"
        assert "E401" in page.text and "no-such-thing" in page.text


def test_invalid_parameters_are_e402(client: TestClient) -> None:
    for path in ("/api/stories?page=0", "/api/search?q=x&limit=100000", "/api/events?page=-1"):
        response = client.get(path)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "E402"
    assert "E402" in client.get("/stories?page=zero").text


def test_ids_with_slashes_and_query_characters_reach_their_article(client: TestClient) -> None:
    data = client.get(f"/api/articles/{url_id(HOSTILE_ID)}").json()
    assert data["article"]["id"] == HOSTILE_ID
    assert [e["type"] for e in data["events"]] == ["PROTEST"]


def test_event_filters_give_what_the_store_query_gives(client: TestClient, web_db: Path) -> None:
    with open_store(web_db) as store:
        expected = store.events(EventFilter(type="ASSAULT", since="2019", limit=100))
    data = client.get("/api/events?type=assault&since=2019").json()
    assert data["filters"]["type"] == "assault"
    assert [e["id"] for e in data["events"]] == [e["id"] for e in expected]
    assert expected and all(e["type"] == "ASSAULT" for e in data["events"])
    page = client.get("/events?type=assault&since=2019").text
    assert "<option selected>ASSAULT</option>" in page


def test_lists_are_paged(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.web import views

    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    first = client.get("/api/stories?page=1").json()
    second = client.get("/api/stories?page=2").json()
    assert first["pages"] == -(-first["total"] // 5) and len(first["stories"]) == 5
    assert not {s["id"] for s in first["stories"]} & {s["id"] for s in second["stories"]}
    assert 'href="/stories?page=2"' in client.get("/stories?page=1").text


def test_search_finds_articles_by_words_and_phrases(client: TestClient) -> None:
    data = client.get("/api/search?q=%22grain+corridor%22").json()
    assert data["hits"]
    assert all("grain" in (h["snippet"] + (h["title"] or "")).lower() for h in data["hits"])
    assert client.get("/api/search?q=").json()["hits"] == []


def test_openapi_spec_lists_every_page_and_its_twin(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for page in ("/", "/search", "/storylines", "/storylines/{storyline_id}", "/stories",
                 "/stories/{story_id}", "/articles/{article_id}", "/outlets", "/outlets/{name}",
                 "/events"):
        assert page in paths and "/api" + (page if page != "/" else "/") in paths


def test_serving_never_writes_to_the_store(web_db: Path) -> None:
    before = hashlib.sha256(web_db.read_bytes()).hexdigest()
    with TestClient(create_app(web_db)) as fresh:
        for path in ("/", "/stories", "/events", "/search?q=Idlib", "/outlets"):
            assert fresh.get(path).status_code == 200
    assert hashlib.sha256(web_db.read_bytes()).hexdigest() == before


def test_outlet_page_names_each_framed_story_by_its_title(client: TestClient) -> None:
    outlet = client.get("/api/outlets").json()["outlets"][0]["outlet"]
    page, data = both(client, f"/outlets/{url_id(outlet)}")
    assert data["framing"]
    for record in data["framing"]:
        assert record["outlet"] == outlet and record["story_title"]
        assert record["story_title"] in visible_text(page)


def test_story_and_events_pages_list_incidents_with_links_to_their_mentions(
    client: TestClient,
) -> None:
    stories = client.get("/api/stories").json()["stories"]
    shown = 0
    for brief in stories:
        page, data = both(client, f"/stories/{url_id(brief['id'])}")
        for incident in data["incidents"]:
            assert incident["mentions"] == len(incident["mention_links"])
            first = incident["mention_links"][0]
            assert f"#ev-{first['char_start']}" in page
            shown += 1
        if any(len(r["outlets"]) >= 4 for r in data["incidents"]):
            assert "reported by 4 outlets" in page
    assert shown
    page, data = both(client, "/events")
    ids = {e.get("incident_id") for e in data["events"]} - {None}
    assert ids and ids == {r["id"] for r in data["incidents"]}
    assert "reported by" in page
