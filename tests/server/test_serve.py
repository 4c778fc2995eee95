"""filmdash.serve: the page's HTML names the server's base URL, and nothing else changes."""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

import pytest
import streamlit
from starlette.responses import FileResponse, PlainTextResponse
from starlette.staticfiles import StaticFiles

from filmdash.serve import BaseUrlHint, base_url_script, inject_into_head

INDEX = Path(streamlit.__file__).parent / "static" / "index.html"


def call(app, path: str, method: str = "GET", headers: list | None = None) -> tuple[dict, bytes]:
    """One request through an ASGI app: (the response start message, the whole body)."""
    messages: list[dict] = []
    requested: list[bool] = []

    async def receive():  # the request once; then the client stays connected until the response ends
        if not requested:
            requested.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "method": method, "path": path, "headers": headers or [], "query_string": b"",
             "root_path": "", "scheme": "http", "server": ("127.0.0.1", 80), "http_version": "1.1"}
    # in a thread of its own: a test run before this one (Playwright's sync API) may leave a loop running here
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in messages if m["type"] == "http.response.start")
    return start, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")


def index_app(scope, receive, send):
    return FileResponse(INDEX)(scope, receive, send)


def header(start: dict, name: bytes) -> bytes | None:
    return dict(start["headers"]).get(name)


def test_the_script_names_this_origin_at_the_base_url_path():
    assert base_url_script("") == (b'<script>window.__streamlit = Object.assign({}, window.__streamlit, '
                                   b'{BACKEND_BASE_URL: window.location.origin + "/"});</script>')
    assert b'origin + "/film/"' in base_url_script("/film/")
    assert b'origin + "/a/b/"' in base_url_script("a//b")


def test_inject_into_head_puts_it_first_and_leaves_other_html_alone():
    assert inject_into_head(b"<html><head><title>x</title></head>", b"<s/>") == b"<html><head><s/><title>x</title></head>"
    assert inject_into_head(b"<p>no head</p>", b"<s/>") == b"<p>no head</p>"


def test_streamlits_index_page_gets_the_script_before_its_own_scripts():
    plain_start, plain = call(index_app, "/companies")
    start, body = call(BaseUrlHint(index_app), "/companies")
    script = base_url_script("")
    assert start["status"] == 200
    assert body == inject_into_head(plain, script)
    assert body.index(script) < body.index(b'type="module"')  # read before Streamlit's entry script runs
    assert header(start, b"content-length") == str(len(plain) + len(script)).encode()
    assert header(start, b"etag") == header(plain_start, b"etag")[:-1] + b'-base-url"'
    head_start, head_body = call(BaseUrlHint(index_app), "/companies", method="HEAD")
    assert head_body == b""
    assert header(head_start, b"content-length") == header(start, b"content-length")


def test_everything_that_is_not_a_page_passes_through_untouched():
    hinted, plain = BaseUrlHint(index_app), index_app
    for path in ("/_stcore/host-config", "/static/js/index.js", "/app/static/topojson/x.json", "/media/a.png"):
        assert call(hinted, path) == call(plain, path)
    text = PlainTextResponse("<head>not html</head>")
    assert call(BaseUrlHint(text), "/companies") == call(text, "/companies")
    # under a base URL path, the reserved paths are found after it
    assert call(BaseUrlHint(index_app, "film"), "/film/_stcore/health") == call(plain, "/film/_stcore/health")
    assert b'origin + "/film/"' in call(BaseUrlHint(index_app, "film"), "/film/companies")[1]


def test_revalidation_by_etag():
    """A 304 passes through; the hinted page's own ETag never matches the file's, so a browser that
    cached it gets it whole again (never a copy without the script)."""
    files = StaticFiles(directory=INDEX.parent, html=True)
    plain_start, _ = call(files, "/index.html")
    etag = header(plain_start, b"etag")
    not_modified, body = call(BaseUrlHint(files), "/index.html", headers=[(b"if-none-match", etag)])
    assert not_modified["status"] == 304 and body == b""
    start, body = call(BaseUrlHint(files), "/index.html")
    again, again_body = call(BaseUrlHint(files), "/index.html", headers=[(b"if-none-match", header(start, b"etag"))])
    assert again["status"] == 200 and again_body == body and base_url_script("") in body


def test_the_pages_folder_patch_refuses_a_streamlit_it_does_not_know():
    from streamlit.runtime.pages_manager import PagesManager

    from filmdash.serve import UnknownStreamlit, disable_pages_folder_detection

    before = PagesManager.uses_pages_directory
    with pytest.raises(UnknownStreamlit, match=r"proven on Streamlit 1\.67\.0, not 1\.99\.0"):
        disable_pages_folder_detection("1.99.0")
    assert PagesManager.uses_pages_directory is before  # nothing was changed
    disable_pages_folder_detection()
    assert PagesManager.uses_pages_directory is False
