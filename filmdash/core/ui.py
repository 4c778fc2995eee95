"""The Streamlit side: the shared frame, the chart box, sources, URL state. Pages call these.

Everything here renders; everything it renders comes from pure modules (queries, charts,
takeaways, exports) that are tested without Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from filmdash.core import db, document, exports
from filmdash.core.i18n import LANGUAGE_LABELS, LANGUAGES, date_text, from_locale, language, set_language, t
from filmdash.core.markdown import md_escape  # noqa: F401 - pages escape through ui
from filmdash.core.params import (
    LONG_TEXT_LIMIT,
    parse_choice,
    parse_choices,
    parse_text,
    parse_years,
    shown_value,
    years_text,
)

# Every plotly chart goes through plotly_chart(): base maps are served by this app, never a CDN.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}
VIEWS = ("chart", "table", "sources")


# --- URL state -------------------------------------------------------------------------------

def param(name: str, default: str | None = None) -> str | None:
    return st.query_params.get(name, default)


def set_param(name: str, value: str | None, default: str | None = None) -> None:
    """Write a value to the URL; the default is left out so URLs stay short."""
    if value is None or value == default or value == "":
        if name in st.query_params:
            del st.query_params[name]
    else:
        st.query_params[name] = value


def ignored(name: str, raw) -> None:
    """Say where the value is read that the link's value for `name` was not understood and is
    ignored. A link never raises: every URL value goes through a parser in core.params, and what
    the parser refuses ends here, quoted (cut short, control characters shown) and escaped."""
    st.warning(t("param_ignored", name=name, value=md_escape(shown_value(raw))), icon=":material/warning:")


def url_value(name: str, parse):
    """The URL value under `name` read by `parse` (a core.params function of the raw text); a value
    present but refused gives None and a notice."""
    raw = param(name)
    value = parse(raw) if raw is not None else None
    if raw is not None and value is None:
        ignored(name, raw)
    return value


def url_widget(kind, label: str, name: str, default, options=None, **kwargs):
    """A widget whose value lives in the URL under `name`: opening the URL reproduces it. A value
    the widget cannot hold (an unknown option, text no one could type) is ignored with a notice. After a
    language switch its value is set again from the URL (by value), so the widget redraws its options and
    chosen values in the new language instead of keeping the old labels."""
    key = f"url_{name}"
    raw = param(name)
    lang = language()
    multi = kind in (st.multiselect, st.pills) and kwargs.get("selection_mode", "multi") == "multi"
    if multi:
        known, unknown = parse_choices(raw, options)
        value = known if raw else list(default)
        if unknown:
            ignored(name, ",".join(unknown))
    else:
        if options is not None:
            value = parse_choice(raw, options) if raw is not None else None
        elif kind is st.text_area:
            value = parse_text(raw, kwargs.get("max_chars") or LONG_TEXT_LIMIT, multiline=True)
        else:
            value = parse_text(raw)
        if raw is not None and value is None:
            ignored(name, raw)
        value = default if value is None else value
    if (key not in st.session_state or st.session_state.get(f"{key}_url") != raw
            or st.session_state.get(f"{key}_lang") != lang):
        st.session_state[key] = value
        st.session_state[f"{key}_url"] = raw
        st.session_state[f"{key}_lang"] = lang

    def sync():
        current = st.session_state[key]
        encoded = ",".join(current) if multi else current
        set_param(name, encoded, ",".join(default) if multi else default)
        st.session_state[f"{key}_url"] = param(name)

    args = {"options": options} if options is not None else {}
    if kind in (st.selectbox, st.multiselect):  # Streamlit's own placeholder is English
        kwargs.setdefault("placeholder", t("widget_placeholder", lang))
    return kind(label, key=key, on_change=sync, **args, **kwargs)


def year_range(label: str, name: str, first: int, last: int) -> tuple[int, int]:
    """A range slider whose value lives in the URL as ?<name>=2016-2020 (absent: the full span)."""
    key = f"url_{name}"
    raw = param(name)
    years = parse_years(raw, first, last) if raw is not None else None
    if raw is not None and years is None:
        ignored(name, raw)
    if key not in st.session_state or st.session_state.get(f"{key}_url") != raw:
        st.session_state[key] = years or (first, last)
        st.session_state[f"{key}_url"] = raw

    def sync():
        set_param(name, years_text(st.session_state[key], first, last))
        st.session_state[f"{key}_url"] = param(name)

    if first >= last:
        return first, last
    lo, hi = st.slider(label, min_value=first, max_value=last, step=1, key=key, on_change=sync)
    return int(lo), int(hi)


def follow_click(name: str, clicked: str | None, current: str | None = None) -> None:
    """A chart click that sets the URL parameter `name` (and reruns the page). Streamlit reports the
    last click on every rerun, so only a click other than the last one handled counts: a value
    cleared since is not brought back by the stale event."""
    last_key = f"last_click_{name}"
    if clicked == st.session_state.get(last_key):
        return
    st.session_state[last_key] = clicked
    if clicked is not None and clicked != (param(name) if current is None else current):
        set_param(name, clicked)
        st.rerun()


def table_pick(table_key: str, name: str, keys: Sequence[str]) -> str | None:
    """Keep a single-row selectable table (row i is keys[i]) and the URL parameter `name` in step.
    Call it before the table is drawn: a new row click writes the URL (and widgets drawn after it
    follow, with no extra rerun); a value set elsewhere (the URL, a picker) ticks its row, or none
    when the rows shown do not hold it; a table drawn again with other rows (a filter changed)
    starts from the URL. Returns the URL's value."""
    keys = list(keys)
    ticked_key, url_key, keys_key = f"{table_key}_ticked", f"{table_key}_url", f"{table_key}_keys"
    state = st.session_state.get(table_key)
    rows = list(state["selection"]["rows"]) if state is not None else []
    clicked = keys[rows[0]] if rows and rows[0] < len(keys) else None
    fresh = state is None or st.session_state.get(keys_key) != keys
    url = param(name)
    if not fresh and clicked != st.session_state.get(ticked_key):  # a click on a row (or an untick)
        set_param(name, clicked)
        st.session_state[ticked_key] = clicked
    elif fresh or url != st.session_state.get(url_key):  # the URL or a picker chose: tick its row
        ticked = url if url in keys else None
        st.session_state[table_key] = {"selection": {"rows": [keys.index(ticked)] if ticked else [],
                                                     "columns": [], "cells": []}}
        st.session_state[ticked_key] = ticked
    st.session_state[url_key] = param(name)
    st.session_state[keys_key] = keys
    return param(name)


def section_switch(name: str, sections: Sequence[str], lang: str, counts: dict[str, int] | None = None) -> str:
    """A page's section switch (?{name}=..., the first section by default): one row of segments
    labelled t(f"{name}_{section}") (with n=counts[section] when counts are given); the value is
    always one of sections."""
    def label(v: str) -> str:
        return t(f"{name}_{v}", lang, n=counts[v]) if counts is not None else t(f"{name}_{v}", lang)

    return url_widget(st.segmented_control, t(f"{name}_label", lang), name, sections[0], list(sections),
                      format_func=label, selection_mode="single", label_visibility="collapsed") or sections[0]


# --- the frame -------------------------------------------------------------------------------

def choose_language() -> str:
    """?lang= first, then this session's earlier choice (Streamlit drops query parameters on a
    page switch), then the browser's locale. The choice is written back to the URL, so the URL
    reproduces the view in any browser. One click in the sidebar switches it."""
    requested = param("lang")
    if parse_choice(requested, LANGUAGES) is not None:
        lang = requested
    elif st.session_state.get("language_choice") in LANGUAGES:
        lang = st.session_state["language_choice"]
    else:
        lang = from_locale(getattr(st.context, "locale", None))
    set_language(lang)
    if requested is not None and requested != lang:
        ignored("lang", requested)  # said in the language the page is shown in
    st.session_state["language_choice"] = lang
    if requested != lang:
        st.query_params["lang"] = lang

    def switch():
        chosen = st.session_state["language_switch"] or lang
        st.session_state["language_choice"] = chosen
        st.query_params["lang"] = chosen
        set_language(chosen)

    st.session_state["language_switch"] = lang
    st.sidebar.segmented_control(
        "Language / 语言 / 語言", LANGUAGES, format_func=LANGUAGE_LABELS.get, key="language_switch",
        on_change=switch, selection_mode="single",
    )
    # <html lang> and the Han fonts in this language's order: fixed HTML per language, no data
    st.sidebar.html(document.frame_html(lang), unsafe_allow_javascript=True)
    return lang


def frame_footer() -> None:
    try:
        warehouse = db.warehouse_id()
    except db.WarehouseMissing:
        warehouse = "—"
    st.sidebar.caption(t("footer_data", warehouse=md_escape(warehouse)))
    st.sidebar.caption(t("footer_licences") + "  \n" + t("footer_downloads"))
    # our own fixed script (no data in it): it imports chunks this app serves, before a page needs them


def synthetic_banner() -> None:
    """On every page, before anything else, when the warehouse served is a benchmark's synthetic one
    (never by default: only FILMDASH_BUILD_DIR pointing at bench/synthetic.py's or bench/registry.py's
    build serves it, and they write SYNTHETIC.txt beside it)."""
    note = db.synthetic_note()
    if note is None:
        return
    try:
        build = db.warehouse_id()
    except db.WarehouseMissing:
        build = "—"
    st.error(t("synthetic_banner", build=md_escape(build), note=md_escape(note)))


def warehouse_or_stop() -> None:
    try:
        db.current_warehouse()
    except db.WarehouseMissing:
        st.error(t("error_no_warehouse"))
        st.stop()


# --- sources ---------------------------------------------------------------------------------

def source_lines(sources: pd.DataFrame, quotes: dict[str, str] | None = None) -> list[str]:
    lines = []
    for row in sources.itertuples():
        when = date_text(row.published) if isinstance(row.published, str) else t("undated")
        # a registry export has no page to link to: its title, and the export's date
        title = (f"[{md_escape(row.title)}]({row.url.replace(')', '%29')})" if isinstance(row.url, str) and row.url
                 else md_escape(row.title))
        if row.kind == "registry":
            when = t("registry_source_note", as_of=md_escape(row.accessed))
        line = f"- **{md_escape(row.publisher)}**, {title} · {when}"
        if quotes and quotes.get(row.source_id):
            line += f"  \n  “{md_escape(quotes[row.source_id])}”"
        if row.kind == "seed":
            line += f"  \n  *{t('seed_note')}*"
        lines.append(line)
    return lines


def show_sources(source_ids: Sequence[str], quotes: dict[str, str] | None = None) -> None:
    ids = sorted(set(source_ids))
    if not ids:
        st.caption(t("no_sources"))
        return
    sources = db.query("sources_by_id", ids=ids)
    st.markdown("\n".join(source_lines(sources, quotes)))
    st.caption(t("sources_count", n=len(sources)))


def sources_popover(source_ids: Sequence[str], quotes: dict[str, str] | None = None, key: str = "") -> None:
    ids = sorted(set(source_ids))
    with st.popover(t("sources_button", n=len(ids)), width="content"):
        show_sources(ids, quotes)


# --- charts ----------------------------------------------------------------------------------

def plotly_chart(fig, key: str, alt: str, on_select: str = "ignore", selection_mode=("points",)):
    return st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, on_select=on_select,
                           selection_mode=selection_mode, alt=alt, width="stretch")


def download_button(key: str, table: pd.DataFrame, data=None) -> None:
    """The CSV of exactly the rows shown, its row count on the button. One element: a footer of
    columns and a caption cost every box a layout on each load. The CSV is built only when clicked
    (data=None), so a rerun does not pay for every box's file."""
    label = t("download_csv_rows", n=len(table))
    st.download_button(label, data if data is not None else (lambda: exports.csv_bytes(table)),
                       file_name=f"{key}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore")


@st.fragment
def fragment_chart_box(lang: str, *args, **kwargs) -> None:
    """chart_box as a fragment: switching its view (Chart | Table | Sources) reruns only this box.
    Only for a box without cross-filtering (a fragment's return value is lost on its own reruns).
    A fragment rerun runs without app.py, so it sets the page's language itself."""
    set_language(lang)
    chart_box(*args, **kwargs)


@st.fragment
def fragment_view_box(lang: str, box_id: str, view, title: str | None = None, **kwargs) -> None:
    """view_box as a fragment (see fragment_chart_box)."""
    set_language(lang)
    view_box(box_id, view, title, **kwargs)


def view_box(box_id: str, view, title: str | None = None, **kwargs):
    """chart_box for a view's content (a filmdash.core.cache.ChartView); its title unless one is given."""
    return chart_box(box_id, view.title if title is None else title, view.takeaway, view.figure, view.table,
                     view.source_ids, dict(view.quotes), **kwargs)


def chart_box(box_id: str, title: str, takeaway: str, figure, table: pd.DataFrame,
              source_ids: Sequence[str], quotes: dict[str, str] | None = None,
              column_config: dict | None = None, on_select: str = "ignore", map_figure=None):
    """OWID's grapher in one box: title, takeaway, Chart | Table | Sources, download, sources.

    With map_figure, the switcher also offers a Map view (after Chart; first when figure is None).
    """
    selection = None
    views = [v for v in VIEWS if v != "chart" or figure is not None]
    if map_figure is not None:
        views.insert(1 if figure is not None else 0, "map")
    with st.container(border=True):
        st.header(md_escape(title))  # titles name data (a studio, a metric, a publisher)
        st.markdown(f"**{md_escape(takeaway)}**")
        lang = language()  # bound now: labels may be formatted outside this run's context
        view = url_widget(st.segmented_control, t("view_label"), f"{box_id}_view", views[0], views,
                          format_func=lambda v: t(f"view_{v}", lang), label_visibility="collapsed",
                          selection_mode="single") or views[0]
        if view == "chart":
            selection = plotly_chart(figure, key=f"{box_id}_chart", alt=takeaway, on_select=on_select)
        elif view == "map":
            selection = plotly_chart(map_figure, key=f"{box_id}_map", alt=takeaway, on_select=on_select)
        elif view == "table":
            st.dataframe(table, hide_index=True, width="stretch", column_config=column_config)
        else:
            show_sources(source_ids, quotes)
        with st.container(horizontal=True):
            download_button(box_id, table)
            if figure is not None or map_figure is not None:
                image_popover(box_id, map_figure if view == "map" else (figure or map_figure), title, takeaway,
                              source_ids)
    return selection


# --- URL state of many values (the data explorer) ------------------------------------------------

def query_all() -> dict[str, list[str]]:
    """Every URL parameter with all its values (a repeated ?f.type=a&f.type=b gives both)."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def replace_query(pairs: Sequence[tuple[str, str]], keep: Sequence[str] = ("lang",)) -> None:
    """Set the URL's query to pairs (a name may repeat), keeping the parameters in keep."""
    grouped: dict[str, list[str]] = {k: st.query_params.get_all(k) for k in keep if k in st.query_params}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    st.query_params.from_dict({k: v[0] if len(v) == 1 else v for k, v in grouped.items()})


def file_download(label: str, build, file_name: str, mime: str, key: str) -> None:
    """A download built only when clicked (build is a callable), so a rerun pays for no file."""
    st.download_button(label, build, file_name=file_name, mime=mime, key=key, on_click="ignore")


def release_box(release: dict | None, lang: str) -> None:
    """The whole warehouse as the build released it (a zip the ETL wrote beside the warehouse: the
    DuckDB copy, Parquet and CSV per table, datapackage.json, SHA256SUMS). Never the live file."""
    with st.container(border=True):
        st.header(t("release_title", lang))
        if release is None:
            st.info(t("release_missing", lang))
            return
        st.markdown(t("release_intro", lang, build=md_escape(release["stem"]), tables=len(release["resources"])))
        zip_path = release["zip"]
        file_download(t("release_button", lang, mb=f"{release['size'] / 1e6:.1f}"), lambda: zip_path.read_bytes(),
                      zip_path.name, "application/zip", key="release_zip")
        with st.expander(t("release_checksums", lang)):
            st.code(release["sha256sums"], language=None)


def image_popover(box_id: str, figure, title: str, takeaway: str, source_ids: Sequence[str]) -> None:
    """PNG and SVG of the chart with its title, takeaway, sources, link and date in the page's
    language (images.captioned); drawn by kaleido only when a button is clicked."""
    from filmdash.core import images

    lang = language()
    url = getattr(st.context, "url", None) or ""
    query = "&".join(f"{k}={v}" for k, v in st.query_params.items())
    link = url.split("?")[0] + (f"?{query}" if query else "")
    warehouse = db.warehouse_id()
    # the build's day (warehouse-20261207T...), as the reader writes dates
    day = (date_text(f"{warehouse[10:14]}-{warehouse[14:16]}-{warehouse[16:18]}", lang)
           if re.fullmatch(r"warehouse-\d{8}T.*", warehouse) else warehouse)
    ids = sorted(set(source_ids))

    def build(fmt: str) -> bytes:
        publishers = db.query("sources_by_id", ids=ids)["publisher"].drop_duplicates().tolist() if ids else []
        line = t("image_sources", lang, publishers=t("list_separator", lang).join(publishers)) if publishers else ""
        return images.captioned_cached(figure.to_json(), fmt, title, takeaway, line, link,
                                       t("image_date", lang, date=day))

    with st.popover(t("image_button", lang), help=t("image_help", lang)):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(fmt.upper(), lambda f=fmt: build(f), file_name=f"{box_id}_{day}.{fmt}", mime=mime,
                               key=f"{box_id}_image_{fmt}", on_click="ignore")
