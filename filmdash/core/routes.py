"""The app's pages, in sidebar order: app.py registers exactly these with st.navigation, and the
tests that open every page (hostile links, hostile data) read this list, so a page added here is
tested without anyone remembering to add it."""

from __future__ import annotations

from pathlib import Path

from filmdash.core.paths import ROOT

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


def registered(root: Path = ROOT) -> list[tuple[str, str, str, str]]:
    """The routes whose script exists, as app.py registers them."""
    return [route for route in ROUTES if (root / route[0]).exists()]


def url_paths(root: Path = ROOT) -> list[str]:
    """Every registered page's URL path, '/' for the default page: '/', '/cities', ..."""
    return ["/" + path for _, _, _, path in registered(root)]
