"""Map: Cities of Film, SCO statuses, co-production links, studios and events, drawn offline."""

import streamlit as st

from filmdash.core import db, geo, images, ui
from filmdash.core.i18n import language, set_language, t
from filmdash.core.selection import points_of
from filmdash.views import map as maps

ui.warehouse_or_stop()
lang = language()
st.title(t("map_title"))
st.markdown(t("map_intro"))
warehouse = db.warehouse_id()

# 0. filters, all in the URL (zoom and borders/points sit with the map they change)
bounds = db.query("map_link_years").iloc[0]
layers = ui.url_widget(st.pills, t("map_filter_layers"), "layers", list(geo.LAYERS), list(geo.LAYERS),
                       format_func=lambda v: t(f"map_layer_{v}", lang), selection_mode="multi") or []
link_row = st.columns([2, 3])
with link_row[0]:
    year_from, year_to = ui.year_range(t("map_filter_years"), "years", int(bounds["first_year"]),
                                       int(bounds["last_year"]))
with link_row[1]:
    statuses = ui.url_widget(st.multiselect, t("map_filter_link_status"), "link_status", list(bounds["statuses"]),
                             list(bounds["statuses"]), format_func=lambda v: t(f"map_status_{v}", lang))
selected = ui.url_value(maps.SELECTION_PARAM, maps.parse_selection)
inputs = (tuple(layers), selected, year_from, year_to, tuple(statuses))

# 1. data (cached by warehouse, filters, selection and language)
view = maps.page_view(warehouse, *inputs, lang)

# 2. the map and its export. A fragment: switching zoom, borders/points or the box's view reruns
# only the map. A fragment rerun runs without app.py, so it sets the page's language itself.
st.info(t("map_disclaimer"), icon=":material/info:")


@st.fragment
def map_box(lang: str, warehouse: str, inputs: tuple, view: dict) -> None:
    set_language(lang)
    layers, selected, year_from, year_to, statuses = inputs
    view_row = st.columns([1, 1])
    with view_row[0]:
        zoom = ui.url_widget(st.segmented_control, t("map_filter_zoom"), "zoom", "world", list(geo.ZOOMS),
                             format_func=lambda v: t(f"map_zoom_{v}", lang), selection_mode="single") or "world"
    with view_row[1]:
        mode = ui.url_widget(st.segmented_control, t("map_filter_mode"), "mode", "borders", list(geo.MODES),
                             format_func=lambda v: t(f"map_mode_{v}", lang), selection_mode="single") or "borders"
    figure = maps.figure_view(warehouse, layers, zoom, mode == "points", selected, year_from, year_to, statuses, lang)
    event = ui.chart_box("map", t("map_box_title"), view.takeaway, None, view.shown_table, view.source_ids,
                         on_select="rerun", map_figure=figure)
    # a click on a place reruns the whole page: the table follows it
    ui.follow_click(maps.SELECTION_PARAM, maps.selection_from_points(points_of(event)))
    if view.unplaced:
        st.caption(t("map_unplaced", names=ui.md_escape(t("list_separator").join(view.unplaced))))
    exports_row = st.columns([1, 1, 4])
    for col, fmt in zip(exports_row, ("png", "svg")):
        col.download_button(t(f"map_export_{fmt}"), lambda fmt=fmt: images.export_cached(figure.to_json(), fmt),
                            file_name=f"map.{fmt}", mime="image/png" if fmt == "png" else "image/svg+xml",
                            key=f"map_export_{fmt}", on_click="ignore")
    exports_row[2].caption(t("map_export_caption"))


map_box(lang, warehouse, inputs, view)

# the table the map filters
with st.container(border=True):
    st.header(t("map_table_title"))
    if selected:
        st.markdown(t("map_table_selected", place=ui.md_escape(view.place), n=len(view.table)))
        st.button(t("map_clear_selection"), key="map_clear", on_click=ui.set_param, args=(maps.SELECTION_PARAM, None))
    else:
        st.caption(t("map_table_all"))
    st.dataframe(view.table, hide_index=True, width="stretch")
    # the rows listed as CSV, and (3.) the sources of exactly those rows
    with st.container(horizontal=True):
        ui.download_button("map_items", view.table)
        ui.sources_popover(view.listed_ids, key="map_items")
