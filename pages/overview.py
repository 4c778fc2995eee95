"""Overview: the headline figures and the first comparisons, each with its sources."""

import streamlit as st

from filmdash import charts, db, overview, takeaways, ui
from filmdash.i18n import t

ui.warehouse_or_stop()
st.title(t("overview_title"))
st.markdown(t("overview_intro"))

# 1. data
counts = db.query("headline_counts")
documented = db.query("documented_vs_reported")
by_year = db.query("cities_of_film_by_year")
stages = db.query("claims_for_entity", entity_type="studio", entity_id=overview.OMM, metrics=["sound_stages"])
investment = db.query("claims_for_entity", entity_type="studio", entity_id=overview.OMM, metrics=["investment"])
comparison = db.query("city_comparison", cities=list(overview.SEED_CITIES))

# 2. headline figures, each with its sources one click away
cards = overview.headline_cards(counts, documented)
for col, card in zip(st.columns(len(cards)), cards):
    with col.container(border=True):
        st.metric(card.label, card.value)
        st.caption(card.caption)
        ui.sources_popover(card.source_ids, card.quotes, key=card.key)

# 3. charts
ui.chart_box(
    "cities_of_film", t("box_cities_of_film_title"), takeaways.cities_of_film(by_year),
    charts.cities_of_film_by_year(by_year), by_year.drop(columns=["city_ids"]),
    ui.split_ids(by_year["source_ids"].tolist()),
)
left, right = st.columns(2)
with left:
    label = t("metric_sound_stages")
    ui.chart_box("omm_stages", t("box_omm_stages_title", range=overview.claim_range(stages)),
                 takeaways.claims_spread(stages, label), charts.claims_side_by_side(stages),
                 overview.claims_table(stages), stages["source_id"].tolist(),
                 dict(zip(stages["source_id"], stages["quote"])))
with right:
    label = t("metric_investment")
    ui.chart_box("omm_investment", t("box_omm_investment_title"),
                 takeaways.claims_spread(investment[investment["unit"] == "CNY"], label),
                 charts.claims_side_by_side(investment), overview.claims_table(investment),
                 investment["source_id"].tolist(), dict(zip(investment["source_id"], investment["quote"])))
with st.container(border=True):
    st.subheader(t("box_seed_cities_title"))
    st.caption(t("box_seed_cities_caption"))
    st.dataframe(overview.comparison_table(comparison), hide_index=True, width="stretch")
