"""Entry script: page config, the shared frame and routing. No data access here."""

from pathlib import Path

import streamlit as st

from filmdash.core import routes, ui
from filmdash.core.i18n import t
from filmdash.presenter import screen

ROOT = Path(__file__).resolve().parent

# the tab icon is a shipped image: an emoji icon draws as an empty box without a colour-emoji font
st.set_page_config(page_title="Film Cities Dashboard", page_icon=str(ROOT / "static" / "favicon.png"), layout="wide")
ui.choose_language()
ui.synthetic_banner()  # a benchmark's synthetic warehouse is never mistaken for the data

PAGES = [
    st.Page(script, title=t(title), icon=icon, url_path=path, default=path == "")
    for script, title, icon, path in routes.registered(ROOT)
]
page = st.navigation(PAGES, position="sidebar")
ui.frame_footer()
if screen.requested() and page.url_path != "present":  # ?present=1: this page's view as a slide
    screen.run_page(page.url_path)
else:
    page.run()
