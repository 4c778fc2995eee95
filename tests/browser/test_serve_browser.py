"""Deep links connect at once: the page's HTML names the server (filmdash.serve), so the frontend
never probes the page's own path for a Streamlit server."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/companies", "/sources"])
def test_a_deep_link_asks_the_server_at_the_root_only(open_page, server, path):
    page = open_page(path)
    assert page.page.evaluate("window.__streamlit.BACKEND_BASE_URL") == server + "/"
    core = [u.removeprefix(server) for u in page.requests if "/_stcore/" in u]
    assert [u for u in core if not u.startswith("/_stcore/")] == []  # no /companies/_stcore/health
    assert core.count("/_stcore/health") == 1 and core.count("/_stcore/host-config") == 1
    assert page.page.locator("[data-testid=stMain] h1").count() == 1
    assert page.external == [] and page.errors == []
