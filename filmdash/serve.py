"""Start the dashboard: `python -m filmdash.serve [streamlit run options]`.

Two adjustments to Streamlit 1.67, made before its server starts:

- Streamlit treats any folder named pages/ beside the main script as a v1 multipage app: it then
  lists every file in it, runs a page script without app.py (no language, no frame) and ignores
  the routes app.py registers with st.navigation. Our pages/ holds page scripts that app.py routes
  explicitly, so that legacy detection is switched off.
- Opened at a page's own path (/companies), Streamlit's frontend does not know where the server
  is: it first probes /companies/_stcore/health and host-config (a 404 each), then the site root,
  and only then opens its websocket, one round trip late on every deep link. The page's HTML
  therefore names the server's base URL (window.__streamlit.BACKEND_BASE_URL, which the frontend
  reads before probing), so it connects at once.
"""

from __future__ import annotations

import json
import sys

from filmdash.core.paths import ROOT

_RESERVED_PREFIXES = ("_stcore/", "static/", "app/static/", "media/", "component/")


# The Streamlit releases whose PagesManager this launcher has been tested against (tests/browser/
# test_serve_browser.py shows the quirk on stock Streamlit and its absence through this launcher).
KNOWN_STREAMLIT = ("1.67.0",)


class UnknownStreamlit(RuntimeError):
    """The installed Streamlit is not one this launcher's one patch was proven on."""


def disable_pages_folder_detection(version: str | None = None) -> None:
    """Switch off Streamlit's pages-folder (v1 multipage) detection, so that app.py's st.navigation
    routes every URL, deep links included, from the first request on. Refuses, loudly, a Streamlit
    release it does not know: the attribute it sets is internal and may mean something else there."""
    import streamlit
    from streamlit.runtime.pages_manager import PagesManager

    version = version or streamlit.__version__
    if version not in KNOWN_STREAMLIT or not isinstance(getattr(PagesManager, "uses_pages_directory", None),
                                                         bool | type(None)):
        raise UnknownStreamlit(
            f"filmdash.serve was proven on Streamlit {', '.join(KNOWN_STREAMLIT)}, not {version}: check that a "
            "fresh server's first deep link (/cities) still runs pages/cities.py without app.py "
            "(tests/browser/test_serve_browser.py), then add the version to KNOWN_STREAMLIT.")
    PagesManager.uses_pages_directory = False


def base_url_script(base_url_path: str) -> bytes:
    """The <script> that tells Streamlit's frontend where its server is: this origin, at the
    configured server.baseUrlPath."""
    path = "/" + "/".join(p for p in base_url_path.split("/") if p)
    path = path if path.endswith("/") else path + "/"
    return (f"<script>window.__streamlit = Object.assign({{}}, window.__streamlit, "
            f"{{BACKEND_BASE_URL: window.location.origin + {json.dumps(path)}}});</script>").encode()


def inject_into_head(html: bytes, script: bytes) -> bytes:
    """The script first in <head>, before Streamlit's own scripts; HTML without <head> unchanged."""
    marker = b"<head>"
    at = html.find(marker)
    return html if at < 0 else html[: at + len(marker)] + script + html[at + len(marker):]


class BaseUrlHint:
    """ASGI middleware: every HTML page the server sends (Streamlit's index.html, served for any
    page path) gets base_url_script in its <head>. Other responses pass through untouched."""

    def __init__(self, app, base_url_path: str = "") -> None:
        self.app = app
        self.base = "/".join(p for p in base_url_path.split("/") if p)
        self.script = base_url_script(base_url_path)

    def _may_be_page(self, scope) -> bool:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            return False
        path = scope.get("path", "").lstrip("/")
        if self.base and path.startswith(self.base):
            path = path[len(self.base):].lstrip("/")
        return not path.startswith(_RESERVED_PREFIXES)

    @staticmethod
    def _headers(start: dict, size: int) -> list[tuple[bytes, bytes]]:
        """The response's headers for the page with the script: its length, and an ETag of its own
        (a browser's copy of the page without it never revalidates as this one)."""
        headers = []
        for key, value in start.get("headers", []):
            if key.lower() == b"content-length":
                value = str(size).encode()
            elif key.lower() == b"etag":
                value = value[:-1] + b'-base-url"' if value.endswith(b'"') else value + b"-base-url"
            headers.append((key, value))
        return headers

    async def __call__(self, scope, receive, send) -> None:
        if not self._may_be_page(scope):
            await self.app(scope, receive, send)
            return
        start: dict = {}
        body: list[bytes] = []

        async def send_html(message) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                is_html = headers.get(b"content-type", b"").startswith(b"text/html")
                if message.get("status") != 200 or not is_html or b"content-encoding" in headers:
                    start["pass"] = True
                    await send(message)
                elif scope["method"] == "HEAD":  # the headers a GET would send
                    start["pass"] = True
                    size = int(headers.get(b"content-length", b"0")) + len(self.script)
                    await send({**message, "headers": self._headers(message, size)})
                else:
                    start.update(message)
                return
            if start.get("pass") or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            html = inject_into_head(b"".join(body), self.script)
            await send({**start, "headers": self._headers(start, len(html))})
            await send({"type": "http.response.body", "body": html})

        await self.app(scope, receive, send_html)


def add_base_url_hint() -> None:
    """Streamlit's own middleware, with BaseUrlHint innermost (it sees index.html before gzip)."""
    from starlette.middleware import Middleware
    from streamlit import config
    from streamlit.web.server.starlette import starlette_app

    original = starlette_app.create_streamlit_middleware
    if getattr(original, "with_base_url_hint", False):
        return

    def create_streamlit_middleware():
        return [*original(), Middleware(BaseUrlHint, base_url_path=config.get_option("server.baseUrlPath") or "")]

    create_streamlit_middleware.with_base_url_hint = True
    starlette_app.create_streamlit_middleware = create_streamlit_middleware


def main(argv: list[str] | None = None, script: str = "app.py") -> None:
    disable_pages_folder_detection()
    add_base_url_hint()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / script), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
