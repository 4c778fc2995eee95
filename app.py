"""Entry script: page config, the shared frame and routing. No data access here."""

from pathlib import Path

import streamlit as st

from filmdash.core import ui
from filmdash.core.i18n import t
from filmdash.presenter import screen

ROOT = Path(__file__).resolve().parent

# the tab icon is a shipped image: an emoji icon draws as an empty box without a colour-emoji font
st.set_page_config(page_title="Film Cities Dashboard", page_icon=str(ROOT / "static" / "favicon.png"), layout="wide")
ui.choose_language()
ui.synthetic_banner()  # a benchmark's synthetic warehouse is never mistaken for the data

# (script, title key, icon, URL path). Material icons: their font ships with Streamlit (emoji need a
# colour-emoji font the presenter's machine may not have). A page is registered only once its script exists.
ROUTES = [
    ("pages/overview.py", "nav_overview", ":material/home:", ""),
    ("pages/cities.py", "nav_cities", ":material/location_city:", "cities"),
    ("pages/companies.py", "nav_companies", ":material/business:", "companies"),
    ("pages/coproductions.py", "nav_coproductions", ":material/handshake:", "coproductions"),
    ("pages/studios.py", "nav_studios", ":material/movie:", "studios"),
    ("pages/events.py", "nav_events", ":material/event:", "events"),
    ("pages/map.py", "nav_map", ":material/map:", "map"),
    ("pages/sources.py", "nav_sources", ":material/menu_book:", "sources"),
    ("pages/data.py", "nav_data", ":material/table_view:", "data"),
    ("pages/present.py", "nav_present", ":material/slideshow:", "present"),
]
PAGES = [
    st.Page(script, title=t(title), icon=icon, url_path=path, default=path == "")
    for script, title, icon, path in ROUTES
    if (ROOT / script).exists()
]
page = st.navigation(PAGES, position="sidebar")
ui.frame_footer()
if screen.requested() and page.url_path != "present":  # ?present=1: this page's view as a slide
    screen.run_page(page.url_path)
else:
    page.run()
