"""Sources: the bibliography, conflicts, uncorroborated claims, coverage and the data dictionary."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import language, set_language, t
from filmdash.core.selection import clicked_value, points_of
from filmdash.views import data, sources

ui.warehouse_or_stop()
st.title(t("sources_title"))
st.markdown(t("sources_intro"))
lang = language()
LINK = {t("col_url"): st.column_config.LinkColumn()}


def table_box(key: str, table, caption: str | None = None, selectable: bool = False, csv: bytes | None = None):
    """A table with its CSV download: exactly the rows shown (csv: the bytes, when already built)."""
    if caption:
        st.caption(caption)
    event = st.dataframe(table, hide_index=True, width="stretch", column_config=LINK, key=f"{key}_table",
                         on_select="rerun" if selectable else "ignore",
                         selection_mode="single-row" if selectable else "multi-row")
    ui.download_button(key, table, csv)
    return event


@st.fragment
def conflicts(lang: str, warehouse: str, types: tuple) -> None:
    """Every disputed figure (one row each), or every claim behind them (?sources_conflicts_rows=claims),
    then the figure picked (?sources_conflict=..., by its row or the picker) charted. The row ticked and
    the picker follow the URL; a click on either reruns only this fragment. A fragment rerun runs
    without app.py, so it sets the page's language itself."""
    set_language(lang)
    conflicts = sources.conflicts_view(warehouse, types, lang)
    groups = conflicts.groups
    keys = list(conflicts.labels)  # the rows of `groups`, in order
    with st.container(border=True):
        st.header(t("sources_conflicts_title", n=len(groups)))
        rows = ui.url_widget(st.segmented_control, t("sources_conflicts_rows"), "sources_conflicts_rows", "figures",
                             ["figures", "claims"], selection_mode="single",
                             format_func=lambda v: t(f"sources_conflicts_rows_{v}", n=len(groups if v == "figures"
                                                                                            else conflicts.claims)))
        if rows == "claims":
            table_box("sources_conflict_claims", conflicts.table, t("sources_conflicts_claims_caption"),
                      csv=conflicts.table_csv)
        else:
            ui.table_pick("sources_conflicts_table", "sources_conflict", keys)
            table_box("sources_conflicts", groups, t("sources_conflicts_caption"), selectable=True,
                      csv=conflicts.groups_csv)
    if not keys:
        return
    if st.session_state.get("url_sources_conflict") not in keys + [None]:  # left over from other entity types
        st.session_state.pop("url_sources_conflict", None)
    key = ui.url_widget(st.selectbox, t("sources_pick_conflict"), "sources_conflict", None, keys,
                        format_func=conflicts.labels.get, placeholder=t("sources_pick_conflict_placeholder"))
    if key is None:
        st.caption(t("sources_conflict_hint"))
        return
    ui.view_box("sources_conflict", sources.conflict_view(warehouse, types, key, lang), column_config=LINK)


def section_bibliography(lang: str) -> None:
    """Every source, searchable and by kind; picking one (its row, or the picker) shows the rows and
    claims it supports. Clicks are read before the widgets they set are drawn, so a bar or row click
    reruns only the page's content, once."""
    kinds_available = db.query("sources_kinds")["kind"].tolist()
    # a bar clicked: keep only that kind (the chart's selection, from the run the click started)
    bar_kind = clicked_value(points_of(st.session_state.get("sources_by_year_chart")))
    if st.session_state.get("sources_last_bar") != bar_kind:  # a new click, not a selection kept from before
        st.session_state["sources_last_bar"] = bar_kind
        if bar_kind in kinds_available:
            ui.set_param("sources_kind", bar_kind)
    cols = st.columns([3, 2])
    with cols[0]:
        search = ui.url_widget(st.text_input, t("sources_search"), "sources_q", "",
                               placeholder=t("sources_search_placeholder"))
    with cols[1]:
        kinds = ui.url_widget(st.multiselect, t("sources_filter_kind"), "sources_kind", [], kinds_available,
                              format_func=sources.kind_label, placeholder=t("sources_all"))
    # 1. data
    bib = db.query("sources_bibliography", search=(search or "").strip(), kinds=list(kinds))
    # 2. when the sources were published; clicking a bar keeps only that kind
    view = sources.by_year_view(db.warehouse_id(), (search or "").strip(), tuple(kinds), lang)
    ui.chart_box("sources_by_year", t("sources_by_year_title"), view.takeaway, view.figure, view.table,
                 bib["source_id"].tolist(), on_select="rerun")
    st.caption(t("sources_by_year_caption"))
    # 3. the table, its row ticked for the source picked; picking a row shows what that source supports
    ui.table_pick("sources_bibliography_table", "sources_source", bib["source_id"].tolist())
    with st.container(border=True):
        st.header(t("sources_bibliography_title", n=len(bib)))
        table_box("sources_bibliography", sources.bibliography_table(bib, lang),
                  t("sources_bibliography_caption"), selectable=True)
    labels = {r["source_id"]: sources.source_label(r) for r in bib.to_dict("records")}
    if st.session_state.get("url_sources_source") not in list(labels) + [None]:  # filtered out by the search
        st.session_state.pop("url_sources_source", None)
    picked = ui.url_widget(st.selectbox, t("sources_pick"), "sources_source", None, list(labels),
                           format_func=labels.get, placeholder=t("sources_pick_placeholder"))
    if picked:
        row = bib[bib["source_id"] == picked].iloc[0]
        supported = db.query("sources_rows", source_id=picked)
        claims = db.query("sources_claims", source_id=picked, conflicts=False, uncorroborated=False, seeds=False,
                          entity_types=[])
        with st.container(border=True):
            st.header(t("sources_detail_title", publisher=ui.md_escape(row["publisher"])))
            # 4. the source itself, as it is cited everywhere
            ui.show_sources([picked])
            st.markdown(t("sources_detail_rows", n=len(supported)))
            table_box(f"sources_rows_{picked}", sources.rows_table(supported, lang))
            st.markdown(t("sources_detail_claims", n=len(claims)))
            if not claims.empty:
                table_box(f"sources_claims_{picked}", sources.claims_table(claims, lang))


def section_conflicts(lang: str) -> None:
    """The disputed figures: the table of all of them, then the one picked (in the URL) charted. None is
    charted until a reader picks one: the list is what this section answers."""
    counts = db.query("sources_claim_counts")
    types = ui.url_widget(st.multiselect, t("sources_filter_entity_type"), "sources_types", [],
                          list(sources.ENTITY_TYPES), format_func=sources.entity_type_label,
                          placeholder=t("sources_all"))
    # 1. data: built once per (warehouse, types, language)
    warehouse = db.warehouse_id()
    st.markdown(f"**{ui.md_escape(sources.conflicts_summary(counts, lang))}**")

    # 2. every disputed figure (or claim), then the disputed figure picked, charted
    conflicts(lang, warehouse, tuple(types))


def section_uncorroborated(lang: str) -> None:
    """Claims resting on one source only, optionally only those from the seed articles."""
    counts = db.query("sources_claim_counts")
    cols = st.columns([3, 2])
    with cols[0]:
        types = ui.url_widget(st.multiselect, t("sources_filter_entity_type"), "sources_types", [],
                              list(sources.ENTITY_TYPES), format_func=sources.entity_type_label,
                              placeholder=t("sources_all"))
    with cols[1]:
        seeds_only = ui.url_widget(st.segmented_control, t("sources_seeds_filter"), "sources_seeds", "all",
                                   ["all", "seeds"], format_func=lambda v: t(f"sources_seeds_{v}"),
                                   selection_mode="single") == "seeds"
    single = db.query("sources_claims", source_id="", conflicts=False, uncorroborated=True, seeds=seeds_only,
                      entity_types=list(types))
    st.markdown(f"**{ui.md_escape(sources.uncorroborated_summary(counts, lang))}**")
    m = st.columns(3)
    m[0].metric(t("sources_metric_claims"), int(counts.iloc[0]["claims"]))
    m[1].metric(t("sources_metric_uncorroborated"), int(counts.iloc[0]["uncorroborated"]))
    m[2].metric(t("sources_metric_seed"), int(counts.iloc[0]["uncorroborated_seed"]))
    with st.container(border=True):
        st.header(t("sources_uncorroborated_title", n=len(single)))
        table_box("sources_uncorroborated", sources.claims_table(single, lang), t("seed_note"))


def section_coverage(lang: str) -> None:
    """Rows and sources per table, and the documented counts against the reported ones."""
    documented = db.query("sources_documented")
    ui.view_box("sources_coverage", sources.coverage_view(db.warehouse_id(), lang), t("sources_coverage_title"))
    with st.container(border=True):
        st.header(t("sources_documented_title"))
        table_box("sources_documented", sources.documented_table(documented, lang), t("sources_documented_caption"))


def section_dictionary(lang: str) -> None:
    """Every table and column of the warehouse, with its description."""
    tables = db.query("sources_tables", lang=lang)
    picked_tables = ui.url_widget(st.multiselect, t("sources_filter_table"), "sources_tables", [],
                                  tables["table_name"].tolist(), placeholder=t("sources_all"))
    columns = db.query("sources_columns", tables=list(picked_tables), lang=lang)
    with st.container(border=True):
        st.header(t("sources_tables_title", n=len(tables)))
        table_box("sources_dictionary_tables", sources.tables_table(tables, lang))
    with st.container(border=True):
        st.header(t("sources_columns_title", n=len(columns)))
        table_box("sources_dictionary_columns", sources.columns_table(columns, lang),
                  t("sources_columns_caption", n=sources.undocumented_columns(columns)))


def section_inputs(lang: str) -> None:
    """The input files the warehouse was built from."""
    inputs = db.query("sources_input_files")
    with st.container(border=True):
        st.header(t("sources_inputs_title", n=len(inputs)))
        table_box("sources_inputs", sources.inputs_table(inputs, lang), t("sources_inputs_caption"))
    ui.release_box(data.release(), lang)  # what they were built into, as the build released it


SECTION_VIEWS = {"bibliography": section_bibliography, "conflicts": section_conflicts,
                 "uncorroborated": section_uncorroborated, "coverage": section_coverage,
                 "dictionary": section_dictionary, "inputs": section_inputs}
assert set(SECTION_VIEWS) == set(sources.SECTIONS)


# 0. the section, and each section's own controls, all in the URL. A fragment: switching the section,
# a control or a click reruns the page's content, not the frame around it. A fragment rerun runs
# without app.py, so it sets the page's language itself.
@st.fragment
def content(lang: str) -> None:
    set_language(lang)
    SECTION_VIEWS[ui.section_switch("sources_section", sources.SECTIONS, lang)](lang)


content(lang)
