"""Events and partnerships: a timeline by kind or city, film offices, and every row with its source."""

import streamlit as st

from filmdash import db, events, exports, ui
from filmdash.i18n import language, t

ui.warehouse_or_stop()
st.title(t("events_title"))
st.markdown(t("events_intro"))
lang = language()

# 0. filters, all in the URL
options = db.query("events_options")
city_names = events.city_options(options, lang)
cols = st.columns([3, 3, 3, 2])
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
with cols[3]:
    rows_by = ui.url_widget(st.segmented_control, t("events_rows_by"), "events_rows", "kind", list(events.ROWS_BY),
                            format_func=lambda v: t(f"events_rows_{v}"), selection_mode="single") or "kind"
focus = ui.param("events_focus") or ""
filters = {"cities": list(cities), "kinds": list(kinds), "statuses": list(statuses)}

# 1. data
rows = db.query("events_rows", **filters)
event_rows = db.query("events_list", focus=focus, **filters)
partnership_rows = db.query("events_partnerships", focus=focus, **filters)
attendance = db.query("events_attendance", focus=focus, **filters)
offices = db.query("events_film_offices")

# 2. charts: the timeline; a click on a marker narrows the rows below to that city
figure = events.cached_timeline(db.warehouse_id(), tuple(cities), tuple(kinds), tuple(statuses), rows_by, lang)
selection = ui.chart_box("events_timeline", t("events_box_timeline_title"), events.takeaway(rows, lang), figure,
                         events.timeline_table(rows, lang), rows["source_id"].tolist(),
                         column_config={t("col_url"): st.column_config.LinkColumn()}, on_select="rerun")
st.caption(t("events_click_hint"))
picked = events.picked_city(selection.selection.points if selection else [])
if picked and st.session_state.get("events_last_pick") != (picked, tuple(cities), tuple(kinds), tuple(statuses)):
    st.session_state["events_last_pick"] = (picked, tuple(cities), tuple(kinds), tuple(statuses))
    ui.set_param("events_focus", picked)
    st.rerun()

with st.container(border=True):
    st.subheader(t("events_film_offices_title"))
    st.caption(t("events_film_offices_caption"))
    for col, office in zip(st.columns(max(1, len(offices))), events.film_office_lines(offices, lang)):
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
link = {t("col_url"): st.column_config.LinkColumn()}
for key, title, frame, table in [
    ("events_events", t("events_events_title", n=len(event_rows)), event_rows, events.events_table(event_rows, lang)),
    ("events_partnerships", t("events_partnerships_title", n=len(partnership_rows)), partnership_rows,
     events.partnerships_table(partnership_rows, lang)),
    ("events_attendance", t("events_attendance_title", n=len(attendance)), attendance,
     events.attendance_table(attendance, lang)),
]:
    with st.container(border=True):
        st.subheader(title)
        if key == "events_attendance":
            st.caption(t("events_attendance_caption"))
        if frame.empty:
            st.caption(t("events_no_rows"))
            continue
        st.dataframe(table, hide_index=True, width="stretch", column_config=link)
        # 3. sources, one click away, and the table as shown
        cols = st.columns([1, 1, 3])
        with cols[0]:
            ui.sources_popover(frame["source_id"].tolist(), dict(zip(frame["source_id"], frame["quote"])), key=key)
        cols[1].download_button(t("download_csv"), exports.csv_bytes(table), file_name=f"{key}.csv",
                                mime="text/csv", key=f"{key}_csv", on_click="ignore")
        cols[2].caption(t("download_rows", n=len(table)))
