"""Studios: the Oriental Movie Metropolis and comparable bases — productions, figures by source, incentives."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import date_text, language, name, set_language, t
from filmdash.core.seeds import OMM
from filmdash.views import studios as sd

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
    ui.view_box(f"studio_{metric}", sd.fact_view(warehouse, studio_id, metric, lang))


# 0. filters: the studio picked lives in the URL (?studio=...), as do the section shown
# (?studios_section=...) and the fact charted (?studio_fact=...)
studios = db.query("studios_list")
labels = {r["studio_id"]: sd.studio_label(r) for r in studios.to_dict("records")}
studio_id = ui.url_widget(st.selectbox, t("studios_picker"), "studio", OMM, list(labels),
                          format_func=labels.get) or OMM
studio = studios[studios["studio_id"] == studio_id].iloc[0]
studio_name = name(studio)

# 1. data: each section below queries its own, cached by warehouse, studio and language (a fact's
# figure only once it is shown). 2. the studio's card, then one section at a time. 3. every box
# carries its own Sources view.
with st.container(border=True):
    st.header(ui.md_escape(sd.studio_label(studio)))
    cols = st.columns(4)
    cols[0].metric(t("studios_col_opened"), date_text(studio["opened_date"]))
    cols[1].metric(t("studios_col_status"), t(f"studios_status_{studio['status']}"))
    cols[2].metric(t("studios_col_productions"), int(studio["productions"]))
    cols[3].metric(t("studios_col_claims"), int(studio["claims"]))
    st.caption(t("studios_card_caption"))
    ui.sources_popover([studio["source_id"]], {studio["source_id"]: studio["quote"]}, key="studio_card")


def section_productions(lang: str, warehouse: str, studio_id: str, studio_name: str) -> None:
    view = sd.productions_view(warehouse, studio_id, studio_name, lang)
    ui.fragment_view_box(lang, "studio_productions", view, t("studios_box_productions_title", studio=studio_name))


def section_facts(lang: str, warehouse: str, studio_id: str, studio_name: str) -> None:
    """Every claim of every fact side by side, then one fact at a time as a chart."""
    facts = sd.facts_overview(warehouse, studio_id, lang)
    if not facts.metrics:
        st.info(t("studios_no_facts"))
        return
    with st.container(border=True):
        st.caption(t("studios_facts_summary_caption"))
        st.dataframe(facts.table, hide_index=True, width="stretch", height=320)
        with st.container(horizontal=True):
            ui.download_button("studio_facts", facts.table, facts.csv)
            ui.sources_popover(facts.source_ids, dict(facts.quotes), key="studio_facts")
    st.caption(t("studios_facts_caption"))
    fact_box(lang, warehouse, studio_id, list(facts.metrics), dict(facts.labels))


def section_incentives(lang: str, warehouse: str, studio_id: str, studio_name: str) -> None:
    view = sd.incentives_view(warehouse, studio_id, lang)
    for note in view.note:
        st.warning(ui.md_escape(note), icon=":material/warning:")
    if view.figure is None:
        st.info(ui.md_escape(view.takeaway))
        return
    ui.fragment_view_box(lang, "studio_incentives", view, t("studios_box_incentives_title", studio=studio_name))


def section_comparison(lang: str, warehouse: str, studio_id: str, studio_name: str) -> None:
    ui.fragment_view_box(lang, "studios_comparison", sd.comparison_view(warehouse, lang),
                         t("studios_box_comparison_title"))
    st.caption(t("studios_comparison_caption"))


SECTION_VIEWS = {"productions": section_productions, "facts": section_facts, "incentives": section_incentives,
                 "comparison": section_comparison}
assert set(SECTION_VIEWS) == set(sd.SECTIONS)


# The section lives in the URL (?studios_section=...). A fragment: switching it reruns this part of the
# page, not the picker and card above. One section at a time keeps the page one screen on a big display
# and its load to one chart. A fragment rerun runs without app.py, so it sets the page's language itself.
@st.fragment
def content(lang: str, warehouse: str, studio_id: str, studio_name: str) -> None:
    set_language(lang)
    SECTION_VIEWS[ui.section_switch("studios_section", sd.SECTIONS, lang)](lang, warehouse, studio_id, studio_name)


content(lang, db.warehouse_id(), studio_id, studio_name)
