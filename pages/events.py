"""Events and partnerships: a timeline by kind or city, film offices, and every row with its source."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import language, set_language, t
from filmdash.core.params import parse_choice
from filmdash.views import events

ui.warehouse_or_stop()
st.title(t("events_title"))
st.markdown(t("events_intro"))
lang = language()
warehouse = db.warehouse_id()

# 0. filters, all in the URL ("one row per" sits with the timeline it changes)
options = db.query("events_options")
city_names = events.city_options(options, lang)
cols = st.columns(3)
with cols[0]:
    cities = ui.url_widget(st.multiselect, t("events_filter_city"), "events_city", [], list(city_names),
                           format_func=city_names.get, placeholder=t("events_filter_placeholder"))
with cols[1]:
    kinds = ui.url_widget(st.multiselect, t("events_filter_kind"), "events_kind", [],
                          events.facet_values(options, "kind"), format_func=events.kind_label,
                          placeholder=t("events_filter_placeholder"))
with cols[2]:
    statuses = ui.url_widget(st.multiselect, t("events_filter_status"), "events_status", [],
                             events.facet_values(options, "status"), format_func=events.status_label,
                             placeholder=t("events_filter_placeholder"))
focus = ui.url_value("events_focus", lambda raw: parse_choice(raw, city_names)) or ""
filters = (tuple(cities), tuple(kinds), tuple(statuses))


# 1-2. the timeline (cached by warehouse, filters, rows and language). A fragment: switching
# "one row per" or the box's view reruns only this box. A fragment rerun runs without app.py, so
# it sets the page's language itself. A click on a marker narrows the rows below to that city.
@st.fragment
def timeline(lang: str, warehouse: str, filters: tuple) -> None:
    set_language(lang)
    rows_by = ui.url_widget(st.segmented_control, t("events_rows_by"), "events_rows", "kind", list(events.ROWS_BY),
                            format_func=lambda v: t(f"events_rows_{v}", lang), selection_mode="single") or "kind"
    figure = events.cached_timeline(warehouse, *filters, rows_by, lang)
    view = events.timeline_view(warehouse, *filters, lang)
    selection = ui.chart_box("events_timeline", t("events_box_timeline_title"), view.takeaway, figure, view.table,
                             view.source_ids, column_config={t("col_url"): st.column_config.LinkColumn()}, on_select="rerun")
    st.caption(t("events_click_hint"))
    picked = events.picked_city(selection.selection.points if selection else [])
    if picked and st.session_state.get("events_last_pick") != (picked, *filters):
        st.session_state["events_last_pick"] = (picked, *filters)
        ui.set_param("events_focus", picked)
        st.rerun()  # the whole page: the rows below follow the picked city


timeline(lang, warehouse, filters)

with st.container(border=True):
    st.header(t("events_film_offices_title"))
    st.caption(t("events_film_offices_caption"))
    offices = events.offices_view(warehouse, lang)
    for col, office in zip(st.columns(max(1, len(offices))), offices):
        with col.container(border=True):
            st.markdown(f"**{ui.md_escape(office['name'])}** · {ui.md_escape(office['city'])}")
            st.markdown(t("events_office_status", status=ui.md_escape(office["status"]),
                          announced=ui.md_escape(office["announced"]), opened=ui.md_escape(office["opened"])))
            if office["seed"]:
                st.caption(t("seed_note"))
            ui.sources_popover([office["source_id"]], {office["source_id"]: office["quote"]}, key=office["id"])

# the rows, with every field and the source link
st.header(t("events_list_title"))
if focus:
    name_of = city_names.get(focus, focus)
    left, right = st.columns([4, 1])
    left.info(t("events_focus", city=ui.md_escape(name_of)))
    right.button(t("events_clear_focus"), key="events_clear_focus",
                 on_click=lambda: ui.set_param("events_focus", None))


# One table at a time (?events_list=...), each with its row count on its segment. A fragment:
# switching tables reruns only this part (a fragment rerun runs without app.py, so it sets the
# page's language itself). One grid instead of three keeps the page's load down.
@st.fragment
def rows(lang: str, warehouse: str, filters: tuple, focus: str) -> None:
    set_language(lang)
    views = {view.key.removeprefix("events_"): view for view in events.lists_view(warehouse, *filters, focus, lang)}
    picked = ui.section_switch("events_list", events.LISTS, lang, counts={v: views[v].n for v in views})
    view = views[picked]
    with st.container(border=True):
        st.subheader(t(f"{view.key}_title", n=view.n))
        if picked == "attendance":
            st.caption(t("events_attendance_caption"))
        if view.n == 0:
            st.caption(t("events_no_rows"))
            return
        st.dataframe(view.table, hide_index=True, width="stretch",
                     column_config={t("col_url"): st.column_config.LinkColumn()})
        # 3. sources, one click away, and the table as shown
        with st.container(horizontal=True):
            ui.sources_popover(view.source_ids, dict(view.quotes), key=view.key)
            ui.download_button(view.key, view.table)


rows(lang, warehouse, filters, focus)
