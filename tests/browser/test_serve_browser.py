"""Why filmdash.serve exists, shown in a real browser on freshly started servers: stock Streamlit runs a
first deep link without app.py; through the launcher it gets the frame and the language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/companies", "/sources"])
def test_a_deep_link_draws_its_page_through_the_frame_offline(open_page, path):
    page = open_page(path)
    assert page.page.locator("[data-testid=stMain] h1").count() == 1
    assert page.external == [] and page.errors == []


def frame_of(page) -> dict:
    """What a reader sees of the frame: the language switch, and the sidebar's page links."""
    return {"language_switch": page.page.get_by_text("Language / 语言 / 語言").count(),
            # each link reads 'icon name, blank line, title' (Material icons are ligatures): the title
            "nav": [text.split("\n")[-1] for text in page.page.locator("[data-testid=stSidebarNav] a").all_inner_texts()]}


@pytest.fixture
def fresh_server():
    """A server nobody has opened yet, started by the command given (stopped after the test)."""
    from tests.browser.conftest import start_server, stop_server

    procs = []

    def start(*command: str) -> str:
        proc, url = start_server(*command)
        procs.append(proc)
        return url

    yield start
    for proc in procs:
        stop_server(proc)


def test_stock_streamlit_runs_a_first_deep_link_without_app_py(browser, fresh_server):
    """Why filmdash.serve exists: on stock Streamlit, a fresh server's first deep link runs the page
    script alone, under a sidebar of file names, until some session has run app.py."""
    from tests.browser.conftest import Page

    url = fresh_server("-m", "streamlit", "run", "app.py")
    page = Page(browser, url)
    page.open("/cities?lang=zh-Hant")
    seen = frame_of(page)
    assert seen["language_switch"] == 0  # app.py's frame did not run
    assert {"overview", "cities", "sources"} <= set(seen["nav"])  # the pages/ folder's file names
    page.close()


def test_the_launcher_routes_a_first_deep_link_through_app_py(browser, fresh_server):
    from tests.browser.conftest import Page

    url = fresh_server("-m", "filmdash.serve")
    page = Page(browser, url)
    page.open("/cities?lang=zh-Hant")
    seen = frame_of(page)
    assert seen["language_switch"] == 1
    assert seen["nav"][:2] == ["概覽", "城市"]
    assert page.page.locator("[data-testid=stMain] h1").first.inner_text() == "城市比較"
    assert page.external == [] and page.errors == []
    page.close()
