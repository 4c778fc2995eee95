"""Companies: a faceted explorer (city, type, founded decade, listed, provenance; text search), a sortable
table, a chart for the current filter, a company's profile, and documented against reported. Counts and facets
are DuckDB's work; the table is one page of the matches (a registry import can bring a million)."""

import streamlit as st

from filmdash.core import db, provenance, ui
from filmdash.core.i18n import date_text, language, name, set_language, t
from filmdash.core.ids import split_ids
from filmdash.views import companies, data

ui.warehouse_or_stop()
lang = language()
st.title(t("companies_title"))
st.markdown(t("companies_intro"))

# 0. filters: search and facets, each value with its count under the other filters -- all in the URL
names = companies.city_names(db.query("cities_picker"), prefix="name")
origins = companies.origin_labels(db.query("companies_origins"))
with st.container(border=True):
    q = ui.url_widget(st.text_input, t("companies_search_label"), "q", "", placeholder=t("companies_search_placeholder"))
    selected = {f: [v for v in (ui.param(f) or "").split(",") if v] for f in companies.FACETS}
    facets = db.query("companies_facets", **companies.filters(selected, q))
    for col, facet in zip(st.columns(len(companies.FACETS)), companies.FACETS):
        values, counts = companies.facet_values(facets, facet)
        with col:
            selected[facet] = ui.url_widget(
                st.multiselect, t(f"companies_facet_{facet}"), facet, [], options=values,
                format_func=companies.facet_format(facet, counts, origins if facet == "origin" else names),
                placeholder=t("companies_facet_any"))
params = companies.filters(selected, q)

# 1. data
rows = db.query("companies_list", limit=companies.LIST_LIMIT, **params)
matching = db.query("companies_count", **params).iloc[0]
warehouse = db.warehouse_id()
one_city = selected["city"][0] if len(selected["city"]) == 1 else companies.DEFAULT_CITY
documented = db.query("companies_documented", city=one_city)
if documented.empty:
    one_city = companies.DEFAULT_CITY
    documented = db.query("companies_documented", city=one_city)

# 2. documented against reported, the chart, the table
if not documented.empty:
    row = documented.iloc[0].to_dict()
    city = names.get(one_city, one_city)
    with st.container(border=True):
        st.header(t("companies_box_documented_title", city=ui.md_escape(city)))
        st.markdown(f"**{ui.md_escape(companies.documented_sentence(row, city))}**")
        place_counts = db.query("companies_place_counts", city=one_city)
        if not place_counts.empty:
            st.caption(ui.md_escape(companies.place_counts_sentence(place_counts, city)))
            ui.sources_popover(list(dict.fromkeys(place_counts["source_id"])),
                               dict(zip(place_counts["source_id"], place_counts["quote"])),
                               key="companies_place_counts")
        left, right = st.columns(2)
        with left:
            st.metric(t("companies_reported_label", city=ui.md_escape(city)), companies.reported_text(row))
            if isinstance(row.get("reported_source_id"), str):
                st.caption(t("companies_reported_caption", publisher=ui.md_escape(row["reported_publisher"]),
                             as_of=ui.md_escape(date_text(row["reported_as_of"]))))
                ui.sources_popover([row["reported_source_id"]], {row["reported_source_id"]: row["reported_quote"]},
                                   key="companies_reported")
        with right:
            st.metric(t("companies_documented_label", city=ui.md_escape(city)), str(int(row["documented"])))
            st.caption(t("companies_documented_caption"))
            st.caption(provenance.line(row["documented_curated"], row["documented_registry"], row["registry_as_of"]))
            ui.sources_popover(split_ids(row["documented_source_ids"]), key="companies_documented")

# The chart and its "Chart by" control are a fragment: switching type/decade reruns only this box.
# A fragment rerun runs without app.py, so it sets the page's language itself; a click on a bar
# filters the whole page (a full rerun).
@st.fragment
def chart_section(lang: str, warehouse: str, params: dict) -> None:
    set_language(lang)
    by = ui.url_widget(st.segmented_control, t("companies_by_label"), "by", "type", options=list(companies.CHART_BY),
                       format_func=lambda b: t(f"companies_by_{b}", lang), selection_mode="single") or "type"
    view = companies.chart_view(warehouse, params, by, lang)
    selection = ui.view_box("companies_chart", view, t(f"companies_box_chart_title_{by}"), on_select="rerun")
    clicked = companies.value_from_points(selection.selection.points if selection is not None else [])
    if clicked and st.session_state.get("companies_clicked") != clicked:
        st.session_state["companies_clicked"] = clicked
        st.query_params[by] = clicked
        st.rerun(scope="app")


chart_section(lang, warehouse, params)

with st.container(border=True):
    st.header(t("companies_box_table_title", n=f"{int(matching['n']):,}"))
    st.caption(provenance.line(matching["curated"], matching["registry"], matching["registry_as_of"]))
    if note := companies.table_title_note(int(matching["n"]), len(rows)):
        st.caption(note)
    st.caption(t("companies_table_hint"))
    table = companies.companies_table(rows)
    ui.table_pick("companies_table", "company", table["company_id"].tolist())  # the row of ?company= ticked
    st.dataframe(
        table, hide_index=True, width="stretch", key="companies_table", on_select="rerun",
        selection_mode="single-row", placeholder=t("no_data"),
        column_order=[c for c in table.columns if c != "company_id"],
        column_config={
            t("companies_col_founded"): st.column_config.NumberColumn(format="%d"),
            t("companies_col_listing"): st.column_config.TextColumn(),
            t("col_url"): st.column_config.LinkColumn(display_text=t("link_open")),
        })
    with st.container(horizontal=True):
        ui.sources_popover(rows["source_id"].tolist(), {s: q for s, q in zip(rows["source_id"], rows["quote"])
                                                        if isinstance(q, str)}, key="companies_table")
        # the list as data (published column names, source ids and quotes), and the whole table
        shown = rows.drop(columns=["decade", "listed", "origin", "city_name_en", "city_name_zh_hans",
                                   "city_name_zh_hant"])
        downloads = data.table_downloads(
            warehouse, "companies", shown, companies.filters_text(params), data.share_url(
                getattr(st.context, "url", None) or "/companies", list(st.query_params.items())), "companies_list")
        # and every company, registry imports included, when there are any (the release's files)
        for label, build, file_name, mime, key in downloads + data.registry_downloads(warehouse, "companies_all"):
            ui.file_download(label, build, file_name, mime, key)
    st.markdown(f"[{t('data_explore_link')}](data?table=companies)")

# 3. the profile of one company, with its source
with st.container(border=True):
    st.header(t("companies_profile_title"))
    # the options are the table's rows (never every company: a registry brings a million), and the URL's company
    wanted = ui.param("company") or ""
    asked = db.query("companies_profile", company=wanted) if wanted else None
    labels = dict(zip(rows["company_id"], [name(r) for r in rows.to_dict("records")]))
    if asked is not None and not asked.empty:
        labels.setdefault(wanted, name(asked.iloc[0].to_dict()))
    company = ui.url_widget(st.selectbox, t("companies_profile_label"), "company", "", options=["", *labels],
                            format_func=lambda c: labels.get(c, t("companies_profile_none", lang)))
    if company:
        profile = db.query("companies_profile", company=company).iloc[0].to_dict()
        st.markdown(f"### {ui.md_escape(name(profile))}")
        st.markdown("\n".join(f"- **{ui.md_escape(label)}**: {ui.md_escape(value)}"
                              for label, value in companies.profile_fields(profile)))
        claims = db.query("claims_for_entity", entity_type="company", entity_id=company, metrics=[])
        quote = {profile["source_id"]: profile["quote"]} if isinstance(profile.get("quote"), str) else {}
        ui.sources_popover([profile["source_id"], *claims["source_id"].tolist()],
                           {**quote, **dict(zip(claims["source_id"], claims["quote"]))},
                           key="companies_profile")
    else:
        st.caption(t("companies_profile_hint"))
