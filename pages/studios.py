"""Studios: the Oriental Movie Metropolis and comparable bases — productions, figures by source, incentives."""

import streamlit as st

from filmdash import db, ui
from filmdash import studios as sd
from filmdash.i18n import date_text, language, name, t

ui.warehouse_or_stop()
lang = language()
st.title(t("studios_title"))
st.markdown(t("studios_intro"))

# 0. filters: the studio picked lives in the URL (?studio=...)
studios = db.query("studios_list")
labels = {r["studio_id"]: sd.studio_label(r) for r in studios.to_dict("records")}
studio_id = ui.url_widget(st.selectbox, t("studios_picker"), "studio", sd.OMM, list(labels),
                          format_func=labels.get) or sd.OMM
studio = studios[studios["studio_id"] == studio_id].iloc[0]
studio_name = name(studio)

# 1. data (figures cached by warehouse, studio and language)
warehouse = db.warehouse_id()
facts = sd.facts_view(warehouse, studio_id, lang)
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
ui.chart_box("studio_productions", t("studios_box_productions_title", studio=studio_name), takeaway, figure, table,
             ids, quotes)

st.header(t("studios_facts_header"))
st.caption(t("studios_facts_caption"))
if not facts:
    st.info(t("studios_no_facts"))
columns = st.columns(2)
for i, (metric, title, takeaway, figure, table, ids, quotes) in enumerate(facts):
    with columns[i % 2]:
        ui.chart_box(f"studio_{metric}", title, takeaway, figure, table, ids, quotes)

st.header(t("studios_incentives_header"))
figure, takeaway, table, ids, quotes, notes = incentives
for note in notes:
    st.warning(ui.md_escape(note), icon="⚠️")
if figure is not None:
    ui.chart_box("studio_incentives", t("studios_box_incentives_title", studio=studio_name), takeaway, figure, table,
                 ids, quotes)
else:
    st.info(takeaway)

figure, takeaway, table, ids = comparison
ui.chart_box("studios_comparison", t("studios_box_comparison_title"), takeaway, figure, table, ids)
# 3. sources: every box above carries its own Sources view; the comparison counts are explained here
st.caption(t("studios_comparison_caption"))
