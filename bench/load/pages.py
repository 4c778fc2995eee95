"""The pages a simulated viewer visits, with the page-level filter it changes there (a widget key),
shared by the Locust viewers and the runner's warm-up (which must not import Locust: it patches the
standard library with gevent on import).

/data is a researcher's page but any viewer may open it; /present is the presenter's single screen,
not a viewer's page, so it is left out."""

from urllib.parse import parse_qsl, urlencode

PAGES: dict[str, str | None] = {
    "": None, "cities": "url_cities", "companies": "url_type", "coproductions": "url_status",
    "studios": "url_studio", "events": "url_events_kind", "map": "url_link_status", "sources": None,
    "data": "data_table",
}


def with_lang(query: str, lang: str) -> str:
    """The URL query with ?lang= set to lang (first), every other parameter kept."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "lang"]
    return urlencode([("lang", lang), *pairs])
