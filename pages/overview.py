"""Overview: the headline figures and the first comparisons, each with its sources."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import language, t
from filmdash.views import overview

ui.warehouse_or_stop()
st.title(t("overview_title"))
st.markdown(t("overview_intro"))

# 1. data (and figures), cached per warehouse and language
view = overview.content(db.warehouse_id(), language())

# 2. headline figures, each with its sources one click away
for col, card in zip(st.columns(len(view.cards)), view.cards):
    with col.container(border=True):
        st.metric(card.label, card.value, help=card.counts or None)
        st.caption(card.caption)
        if card.rules:  # a figure counted by several rules: each rule in one line, and the reported aggregate
            with st.popover(t("sco_rules_button"), width="content"):
                for line in card.rules:
                    st.markdown(line)
        ui.sources_popover(card.source_ids, card.quotes, key=card.key)

# 3. charts, each a chart box with its table, sources and download
ui.chart_box("cities_of_film", t("box_cities_of_film_title"), view.by_year_takeaway, view.by_year_figure,
             view.by_year, view.by_year_sources, map_figure=view.by_year_map)
left, right = st.columns(2)
with left:
    ui.chart_box("omm_stages", view.stages_title, view.stages_takeaway, view.stages_figure,
                 overview.claims_table(view.stages), view.stages["source_id"].tolist(),
                 dict(zip(view.stages["source_id"], view.stages["quote"])))
with right:
    ui.chart_box("omm_investment", t("box_omm_investment_title"), view.investment_takeaway, view.investment_figure,
                 overview.claims_table(view.investment), view.investment["source_id"].tolist(),
                 dict(zip(view.investment["source_id"], view.investment["quote"])))
with st.container(border=True):
    st.header(t("box_seed_cities_title"))
    st.caption(t("box_seed_cities_caption"))
    st.dataframe(view.comparison, hide_index=True, width="stretch")
