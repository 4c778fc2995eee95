"""Entry script: page config, the shared frame and routing. No data access here."""

from pathlib import Path

import streamlit as st

from filmdash import ui
from filmdash.i18n import t

ROOT = Path(__file__).resolve().parent

st.set_page_config(page_title="Film Cities Dashboard", page_icon="🎬", layout="wide")
ui.choose_language()

# (script, title key, icon, URL path). A page is registered only once its script exists.
ROUTES = [
    ("pages/overview.py", "nav_overview", "🏠", ""),
    ("pages/cities.py", "nav_cities", "🏙️", "cities"),
    ("pages/companies.py", "nav_companies", "🏢", "companies"),
    ("pages/coproductions.py", "nav_coproductions", "🤝", "coproductions"),
    ("pages/studios.py", "nav_studios", "🎬", "studios"),
    ("pages/events.py", "nav_events", "📅", "events"),
    ("pages/map.py", "nav_map", "🗺️", "map"),
    ("pages/sources.py", "nav_sources", "📚", "sources"),
]
PAGES = [
    st.Page(script, title=t(title), icon=icon, url_path=path, default=path == "")
    for script, title, icon, path in ROUTES
    if (ROOT / script).exists()
]
page = st.navigation(PAGES, position="sidebar")
ui.frame_footer()
page.run()
