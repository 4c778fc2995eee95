"""Studios: the Oriental Movie Metropolis and comparable bases — productions, figures by source, incentives."""

import streamlit as st

from filmdash import db, ui
from filmdash import studios as sd
from filmdash.i18n import date_text, language, name, set_language, t

ui.warehouse_or_stop()
lang = language()
st.title(t("studios_title"))
st.markdown(t("studios_intro"))


# Each box is a fragment (this one, and ui.fragment_chart_box for the others): switching its view
# (Chart | Table | Sources) or the fact charted reruns only that box. A fragment rerun runs without
# app.py, so it sets the page's language itself.
@st.fragment
def fact_box(lang: str, warehouse: str, studio_id: str, metrics: list[str], labels: dict[str, str]) -> None:
    """The fact picked (?studio_fact=...) charted with its claims table and sources."""
    set_language(lang)
    if st.session_state.get("url_studio_fact") not in metrics:  # left over from another studio
        st.session_state.pop("url_studio_fact", None)
    metric = ui.url_widget(st.pills, t("studios_fact_picker"), "studio_fact", metrics[0], metrics,
                           format_func=labels.get, selection_mode="single", required=True) or metrics[0]
    title, takeaway, figure, table, ids, quotes = sd.fact_view(warehouse, studio_id, metric, lang)
    ui.chart_box(f"studio_{metric}", title, takeaway, figure, table, ids, quotes)


# 0. filters: the studio picked lives in the URL (?studio=...), the fact charted too (?studio_fact=...)
studios = db.query("studios_list")
labels = {r["studio_id"]: sd.studio_label(r) for r in studios.to_dict("records")}
studio_id = ui.url_widget(st.selectbox, t("studios_picker"), "studio", sd.OMM, list(labels),
                          format_func=labels.get) or sd.OMM
studio = studios[studios["studio_id"] == studio_id].iloc[0]
studio_name = name(studio)

# 1. data (cached by warehouse, studio and language; a fact's figure only once it is shown)
warehouse = db.warehouse_id()
facts = sd.facts_overview(warehouse, studio_id, lang)
metrics, metric_labels, summary, summary_csv, summary_ids, summary_quotes = facts
productions = sd.productions_view(warehouse, studio_id, studio_name, lang)
incentives = sd.incentives_view(warehouse, studio_id, lang)
comparison = sd.comparison_view(warehouse, lang)

# 2. charts
with st.container(border=True):
    st.subheader(sd.studio_label(studio))
    cols = st.columns(4)
    cols[0].metric(t("studios_col_opened"), date_text(studio["opened_date"]))
    cols[1].metric(t("studios_col_status"), t(f"studios_status_{studio['status']}"))
    cols[2].metric(t("studios_col_productions"), int(studio["productions"]))
    cols[3].metric(t("studios_col_claims"), int(studio["claims"]))
    st.caption(t("studios_card_caption"))
    ui.sources_popover([studio["source_id"]], {studio["source_id"]: studio["quote"]}, key="studio_card")

figure, takeaway, table, ids, quotes = productions
ui.fragment_chart_box(lang, "studio_productions", t("studios_box_productions_title", studio=studio_name), takeaway,
                      figure, table, ids, quotes)

st.header(t("studios_facts_header"))
if not metrics:
    st.info(t("studios_no_facts"))
else:
    # every claim of every fact side by side, then one fact at a time as a chart
    with st.container(border=True):
        st.caption(t("studios_facts_summary_caption"))
        st.dataframe(summary, hide_index=True, width="stretch", height=320)
        cols = st.columns([1, 1, 2])
        cols[0].download_button(t("download_csv"), summary_csv, file_name="studio_facts.csv",
                                mime="text/csv", key="studio_facts_csv", on_click="ignore")
        with cols[1]:
            ui.sources_popover(summary_ids, summary_quotes, key="studio_facts")
    st.caption(t("studios_facts_caption"))
    fact_box(lang, warehouse, studio_id, metrics, metric_labels)

st.header(t("studios_incentives_header"))
figure, takeaway, table, ids, quotes, notes = incentives
for note in notes:
    st.warning(ui.md_escape(note), icon="⚠️")
if figure is not None:
    ui.fragment_chart_box(lang, "studio_incentives", t("studios_box_incentives_title", studio=studio_name), takeaway,
                          figure, table, ids, quotes)
else:
    st.info(takeaway)

figure, takeaway, table, ids = comparison
ui.fragment_chart_box(lang, "studios_comparison", t("studios_box_comparison_title"), takeaway, figure, table, ids)
# 3. sources: every box above carries its own Sources view; the comparison counts are explained here
st.caption(t("studios_comparison_caption"))
