"""Sources: the bibliography, conflicts, uncorroborated claims, coverage and the data dictionary."""

import streamlit as st

from filmdash import charts, db, exports, sources, takeaways, ui
from filmdash.i18n import language, t

ui.warehouse_or_stop()
st.title(t("sources_title"))
st.markdown(t("sources_intro"))
lang = language()
LINK = {t("col_url"): st.column_config.LinkColumn()}


def table_box(key: str, table, caption: str | None = None, selectable: bool = False):
    """A table with its CSV download: exactly the rows shown."""
    if caption:
        st.caption(caption)
    event = st.dataframe(table, hide_index=True, width="stretch", column_config=LINK, key=f"{key}_table",
                         on_select="rerun" if selectable else "ignore",
                         selection_mode="single-row" if selectable else "multi-row")
    cols = st.columns([1, 3])
    cols[0].download_button(t("download_csv"), exports.csv_bytes(table), file_name=f"{key}.csv", mime="text/csv",
                            key=f"{key}_csv", on_click="ignore")
    cols[1].caption(t("download_rows", n=len(table)))
    return event


# 0. filters: the section, and each section's own controls, all in the URL
section = ui.url_widget(st.segmented_control, t("sources_section_label"), "sources_section", "bibliography",
                        list(sources.SECTIONS), format_func=lambda v: t(f"sources_section_{v}"),
                        selection_mode="single", label_visibility="collapsed") or "bibliography"
counts = db.query("sources_claim_counts")

if section == "bibliography":
    cols = st.columns([3, 2])
    with cols[0]:
        search = ui.url_widget(st.text_input, t("sources_search"), "sources_q", "",
                               placeholder=t("sources_search_placeholder"))
    with cols[1]:
        kinds_available = db.query("sources_kinds")["kind"].tolist()
        kinds = ui.url_widget(st.multiselect, t("sources_filter_kind"), "sources_kind", [], kinds_available,
                              format_func=sources.kind_label, placeholder=t("sources_all"))
    # 1. data
    bib = db.query("sources_bibliography", search=(search or "").strip(), kinds=list(kinds))
    # 2. the table; picking a row shows what that source supports
    with st.container(border=True):
        st.subheader(t("sources_bibliography_title", n=len(bib)))
        event = table_box("sources_bibliography", sources.bibliography_table(bib, lang),
                          t("sources_bibliography_caption"), selectable=True)
    rows_picked = event.selection.rows if event else []
    if rows_picked and rows_picked[0] < len(bib):
        chosen = bib.iloc[rows_picked[0]]["source_id"]
        if st.session_state.get("sources_last_pick") != chosen:
            st.session_state["sources_last_pick"] = chosen
            ui.set_param("sources_source", chosen)
            st.rerun()
    labels = {r["source_id"]: sources.source_label(r) for r in bib.to_dict("records")}
    picked = ui.url_widget(st.selectbox, t("sources_pick"), "sources_source", None, list(labels),
                           format_func=labels.get, placeholder=t("sources_pick_placeholder"))
    if picked:
        row = bib[bib["source_id"] == picked].iloc[0]
        supported = db.query("sources_rows", source_id=picked)
        claims = db.query("sources_claims", source_id=picked, conflicts=False, uncorroborated=False, seeds=False,
                          entity_types=[])
        with st.container(border=True):
            st.subheader(t("sources_detail_title", publisher=row["publisher"]))
            # 3. the source itself, as it is cited everywhere
            ui.show_sources([picked])
            st.markdown(t("sources_detail_rows", n=len(supported)))
            table_box(f"sources_rows_{picked}", sources.rows_table(supported, lang))
            st.markdown(t("sources_detail_claims", n=len(claims)))
            if not claims.empty:
                table_box(f"sources_claims_{picked}", sources.claims_table(claims, lang))

elif section == "conflicts":
    types = ui.url_widget(st.multiselect, t("sources_filter_entity_type"), "sources_types", [],
                          list(sources.ENTITY_TYPES), format_func=sources.entity_type_label,
                          placeholder=t("sources_all"))
    conflicts = db.query("sources_claims", source_id="", conflicts=True, uncorroborated=False, seeds=False,
                         entity_types=list(types))
    st.markdown(f"**{ui.md_escape(sources.conflicts_summary(counts, lang))}**")
    groups = sources.conflict_groups(conflicts, lang)
    keys = groups["group_key"].tolist()
    if keys:
        key = ui.url_widget(st.selectbox, t("sources_pick_conflict"), "sources_conflict", keys[0], keys,
                            format_func=lambda k: sources.group_label(conflicts, k, lang))
        group = conflicts[conflicts["group_key"] == key]
        ui.chart_box("sources_conflict", sources.group_label(conflicts, key, lang),
                     takeaways.claims_spread(group, sources.group_label(conflicts, key, lang, False), lang),
                     charts.claims_side_by_side(group, lang), sources.claims_table(group, lang),
                     group["source_id"].tolist(), dict(zip(group["source_id"], group["quote"])),
                     column_config=LINK)
    with st.container(border=True):
        st.subheader(t("sources_conflicts_title", n=len(groups)))
        table_box("sources_conflicts", groups.drop(columns=["group_key"]), t("sources_conflicts_caption"))
        st.markdown(t("sources_conflicts_claims", n=len(conflicts)))
        table_box("sources_conflict_claims", sources.claims_table(conflicts, lang))

elif section == "uncorroborated":
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
        st.subheader(t("sources_uncorroborated_title", n=len(single)))
        table_box("sources_uncorroborated", sources.claims_table(single, lang), t("seed_note"))

elif section == "coverage":
    coverage = db.query("sources_coverage")
    documented = db.query("sources_documented")
    labels = {"rows": t("sources_col_rows"), "sources": t("sources_col_sources")}
    ui.chart_box("sources_coverage", t("sources_coverage_title"), sources.coverage_takeaway(coverage, lang),
                 charts.grouped_bars(coverage, "table_name", ["rows", "sources"], labels, lang),
                 sources.coverage_table(coverage, lang), [])
    with st.container(border=True):
        st.subheader(t("sources_documented_title"))
        table_box("sources_documented", sources.documented_table(documented, lang), t("sources_documented_caption"))

elif section == "dictionary":
    tables = db.query("sources_tables")
    picked_tables = ui.url_widget(st.multiselect, t("sources_filter_table"), "sources_tables", [],
                                  tables["table_name"].tolist(), placeholder=t("sources_all"))
    columns = db.query("sources_columns", tables=list(picked_tables))
    with st.container(border=True):
        st.subheader(t("sources_tables_title", n=len(tables)))
        table_box("sources_dictionary_tables", sources.tables_table(tables, lang))
    with st.container(border=True):
        st.subheader(t("sources_columns_title", n=len(columns)))
        table_box("sources_dictionary_columns", sources.columns_table(columns, lang),
                  t("sources_columns_caption", n=sources.undocumented_columns(columns)))

else:
    inputs = db.query("sources_input_files")
    with st.container(border=True):
        st.subheader(t("sources_inputs_title", n=len(inputs)))
        table_box("sources_inputs", sources.inputs_table(inputs, lang), t("sources_inputs_caption"))
