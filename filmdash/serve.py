"""Start the dashboard: `python -m filmdash.serve [streamlit run options]`.

One adjustment to Streamlit 1.67, made before its server starts, and proven needed by
tests/browser/test_serve_browser.py: Streamlit treats any folder named pages/ beside the main script
as a v1 multipage app, so a freshly started server runs a first deep link (/cities) as
pages/cities.py alone, without app.py (no language, no frame), under a sidebar of file names, until
some session has run app.py's st.navigation. Our pages/ holds page scripts that app.py routes
explicitly, so that legacy detection is switched off. The switch is internal to Streamlit, so it
refuses a release it was not proven on.

(Two more adjustments were measured and removed, bench/PATCHES.md: a base-URL hint in the page's
HTML and a prefetch of the data grid's code changed a deep link's load and the first Table click by
less than the noise.)
"""

from __future__ import annotations

import sys

from filmdash.core.paths import ROOT

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


def main(argv: list[str] | None = None, script: str = "app.py") -> None:
    disable_pages_folder_detection()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / script), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
