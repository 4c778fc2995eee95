"""Start the dashboard: `python -m filmdash.serve [streamlit run options]`.

Streamlit 1.67 treats any folder named pages/ beside the main script as a v1 multipage app: it
then lists every file in it, runs a page script without app.py (no language, no frame) and ignores
the routes app.py registers with st.navigation. Our pages/ holds page scripts that app.py routes
explicitly, so this launcher switches that legacy detection off before the server starts.
"""

from __future__ import annotations

import sys

from filmdash.paths import ROOT


def disable_pages_folder_detection() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def main(argv: list[str] | None = None) -> None:
    disable_pages_folder_detection()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
