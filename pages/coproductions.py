"""Co-productions: which countries make films together, when, and how much of it is documented."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import language, name, set_language, t
from filmdash.core.params import parse_year
from filmdash.views import coproductions as cp
from filmdash.views import data

ui.warehouse_or_stop()
lang = language()
st.title(t("coproductions_title"))
st.markdown(t("coproductions_intro"))

# 0. filters (all in the URL)
options = db.query("coproductions_options")
span = options[options["kind"] == "years"].iloc[0]
countries = options[options["kind"] == "country"]
country_names = {r["value"]: f"{name(r) or r['value']} ({r['titles']})" for r in countries.to_dict("records")}
statuses = [s for s in cp.STATUSES if s in set(options.loc[options["kind"] == "status", "value"])]
cols = st.columns([2, 2, 3])
with cols[0]:
    years = ui.year_range(t("coproductions_filter_years"), "years", int(span["first_year"]), int(span["last_year"]))
with cols[1]:
    picked_statuses = ui.url_widget(st.multiselect, t("coproductions_filter_status"), "status", [], statuses,
                                    format_func=cp.status_label, placeholder=t("coproductions_filter_all"))
with cols[2]:
    picked_countries = ui.url_widget(st.multiselect, t("coproductions_filter_country"), "country", [],
                                     list(country_names), format_func=country_names.get,
                                     placeholder=t("coproductions_filter_all"))
filters = cp.Filters(years[0], years[1], tuple(picked_statuses), tuple(picked_countries))
year = ui.url_value("year", parse_year)

# 1. data: the list's rows here; each section queries its own, cached by warehouse, filters and language
titles = db.query("coproductions_titles", year=year, **filters.params())
warehouse = db.warehouse_id()


# 2. one section at a time (?coproductions_section=...), each a chart box with its own Chart | Table |
# Sources. Each box is a fragment: switching its view reruns only that box. A click on a year's bar
# reruns the whole page (st.rerun() from a fragment), whose list then keeps that year's titles.
@st.fragment
def by_year_box(lang: str, warehouse: str, filters: cp.Filters, year: int | None) -> None:
    set_language(lang)
    view = cp.by_year_view(warehouse, filters, year, lang)
    selection = ui.view_box("coproductions_by_year", view, t("coproductions_box_by_year_title"), on_select="rerun")
    st.caption(t("coproductions_by_year_hint"))
    clicked = cp.clicked_year(selection)
    ui.follow_click("year", None if clicked is None else str(clicked), None if year is None else str(year))


@st.fragment
def network_box(lang: str, warehouse: str, filters: cp.Filters) -> None:
    """The network; a click on a country keeps only its co-productions, on the whole page (the country
    filter above, in the URL), as a year bar does."""
    set_language(lang)
    view = cp.network_view(warehouse, filters, lang)
    selection = ui.view_box("coproductions_network", view, t("coproductions_box_network_title"),
                            map_figure=cp.network_map(warehouse, filters, lang), on_select="rerun")
    st.caption(t("coproductions_network_hint"))
    clicked = cp.clicked_country(selection, country_names)
    ui.follow_click("country", clicked, ",".join(filters.countries))


def section_network(lang: str, warehouse: str, filters: cp.Filters, year: int | None) -> None:
    network_box(lang, warehouse, filters)


def section_by_year(lang: str, warehouse: str, filters: cp.Filters, year: int | None) -> None:
    by_year_box(lang, warehouse, filters, year)


def section_documented(lang: str, warehouse: str, filters: cp.Filters, year: int | None) -> None:
    """The documented SCO titles since 2020 against the reported aggregate (not affected by the filters)."""
    documented = db.query("documented_vs_reported")
    sco = documented[documented["measure"] == cp.SCO_MEASURE]
    sco_row = sco.iloc[0] if not sco.empty else None
    sco_titles = db.query("coproductions_sco_since_2020")
    reported_ids = [sco_row["source_id"]] if sco_row is not None and isinstance(sco_row["source_id"], str) else []
    claim_sources = db.query("sources_by_id", ids=reported_ids) if reported_ids else None
    ui.fragment_chart_box(
        lang, "coproductions_documented", t("coproductions_box_documented_title"), cp.documented_takeaway(sco_row),
        cp.documented_figure(int(sco_row["documented"]) if sco_row is not None else 0,
                             sco_row["reported"] if sco_row is not None else None,
                             sco_row["qualifier"] if sco_row is not None else None),
        cp.sco_titles_table(sco_titles), reported_ids + sco_titles["source_id"].tolist(),
        {sco_row["source_id"]: sco_row["quote"]} if reported_ids else None)
    publisher = claim_sources["publisher"].iloc[0] if claim_sources is not None and not claim_sources.empty else None
    # the strict count next to the looser ones and the reported aggregate, each with its rule in one line
    rules = cp.rule_cells(db.query("sco_coproduction_counts"), sco_row, publisher)
    for col, (label, value, rule) in zip(st.columns(len(rules)), rules):
        with col.container(border=True):
            st.metric(label, value, help=ui.md_escape(rule))
            st.caption(ui.md_escape(rule))
    st.caption(t("sco_rule_year_note"))
    st.info(ui.md_escape(cp.documented_note(sco_row, publisher)), icon=":material/info:")
    # the titles as data, with their countries, companies, source ids, dates and quotes; and all productions
    url = data.share_url(getattr(st.context, "url", None) or "/coproductions", list(st.query_params.items()))
    with st.container(horizontal=True):
        for label, build, file_name, mime, key in data.table_downloads(
                warehouse, "productions", data.sco_titles(warehouse), cp.SCO_FILTERS, url, "coproductions_sco"):
            ui.file_download(label, build, file_name, mime, key)


SECTION_VIEWS = {"network": section_network, "by_year": section_by_year, "documented": section_documented}
assert set(SECTION_VIEWS) == set(cp.SECTIONS)


# A fragment: switching the section reruns this part of the page, not the filters and the list. One
# section at a time keeps the page's load to one chart and the list. A fragment rerun runs without
# app.py, so it sets the page's language itself.
@st.fragment
def content(lang: str, warehouse: str, filters: cp.Filters, year: int | None) -> None:
    set_language(lang)
    SECTION_VIEWS[ui.section_switch("coproductions_section", cp.SECTIONS, lang)](lang, warehouse, filters, year)


content(lang, warehouse, filters, year)

# 3. the list, whatever the section: every field and dated milestone, a clicked year, its CSV and its sources
with st.container(border=True):
    st.header(t("coproductions_box_list_title"))
    st.markdown(f"**{ui.md_escape(cp.titles_takeaway(titles, year))}**")
    if year is not None:
        chip, clear = st.columns([3, 1])
        chip.caption(t("coproductions_year_filter_on", year=year))
        if clear.button(t("coproductions_clear_year"), key="coproductions_clear_year"):
            ui.set_param("year", None)
            st.rerun()
    table = cp.titles_table(titles)
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        t("coproductions_col_source"): st.column_config.LinkColumn(display_text=t("coproductions_open_source"))})
    # the list as CSV, and its sources
    with st.container(horizontal=True):
        ui.download_button("coproductions_list", table)
        ui.sources_popover(*cp.list_sources(titles), key="coproductions_list")
