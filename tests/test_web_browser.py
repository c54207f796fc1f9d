"""The web UI end to end in real headless Chromium (Debian `chromium` + `chromium-driver`, which
`scripts/system-deps.sh` installs): click from the storylines page into a story, see its timeline
and an event's sentence, follow the event to its highlighted sentence, and check that an article
carrying `<script>` and `onerror=` shows them as text and runs nothing. Screenshots are saved
under `test-artifacts/` (or $STORYLINE_ARTIFACTS)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import HOSTILE_ID

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1600")
ARTIFACTS = Path(os.environ.get("STORYLINE_ARTIFACTS", "test-artifacts"))


def _missing_reason() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            return f"{path} missing: run scripts/system-deps.sh (Debian package {package})"
    return None


REASON = _missing_reason()
if REASON and os.environ.get("CI") == "true":
    pytest.fail(f"CI must run the browser tests: {REASON}", pytrace=False)
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """The web UI served by uvicorn on loopback, in a thread of this process."""
    import uvicorn

    from storyline.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    uvi = uvicorn.Server(config)
    thread = threading.Thread(target=uvi.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvi.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvi.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shot(driver: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    return path


def test_click_from_storylines_into_a_story_and_see_its_timeline_and_an_event(
    server: str, browser: object
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/storylines")  # type: ignore[attr-defined]
    links = driver.find_elements(By.CSS_SELECTOR, "td a[href^='/storylines/']")  # type: ignore
    assert len(links) == 3
    links[0].click()
    assert driver.find_element(By.CSS_SELECTOR, "svg").is_displayed()  # type: ignore
    _shot(driver, "web-storyline.png")

    story_link = driver.find_elements(By.CSS_SELECTOR, "a.story")[0]  # type: ignore
    title = story_link.text
    story_link.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == title  # type: ignore
    timeline = driver.find_elements(By.CSS_SELECTOR, "#timeline dd")  # type: ignore
    assert timeline and timeline[0].is_displayed() and len(timeline[0].text) > 20
    sentences = driver.find_elements(By.CSS_SELECTOR, "#events td.sentence")  # type: ignore
    assert sentences and sentences[0].is_displayed()
    sentence = sentences[0].text.removesuffix(" source")
    assert len(sentence) > 20
    shot = _shot(driver, "web-story.png")
    assert shot.stat().st_size > 10_000

    sentences[0].find_element(By.LINK_TEXT, "source").click()
    marked = driver.find_elements(By.CSS_SELECTOR, "#text .ev")  # type: ignore
    assert marked and any(m.is_displayed() for m in marked)
    assert " ".join(sentence.split())[:40] in " ".join(
        driver.find_element(By.ID, "text").text.split())  # type: ignore
    _shot(driver, "web-article.png")


def test_article_with_script_and_onerror_shows_them_as_text_and_runs_nothing(
    server: str, browser: object
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    for path in (f"/articles/{quote(HOSTILE_ID, safe='')}", "/search?q=banner",
                 "/events?type=PROTEST"):
        driver.get(server + path)  # type: ignore[attr-defined]
        assert driver.execute_script("return window.__pwned === undefined")  # type: ignore
        assert driver.title != "pwned"  # type: ignore[attr-defined]
        assert not driver.find_elements(By.CSS_SELECTOR, "main img, #text script")  # type: ignore
    driver.get(f"{server}/articles/{quote(HOSTILE_ID, safe='')}")  # type: ignore[attr-defined]
    text = driver.find_element(By.ID, "text").text  # type: ignore[attr-defined]
    assert "<script>window.__pwned = 1;" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert "<b onmouseover" in driver.find_element(By.TAG_NAME, "h1").text  # type: ignore
    assert driver.execute_script("return window.__pwned === undefined")  # type: ignore
    _shot(driver, "web-hostile-article.png")
