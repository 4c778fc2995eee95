"""Map: Cities of Film, SCO statuses, co-production links, studios and events, drawn offline."""

import streamlit as st

from filmdash import db, exports, map_controls, maps, ui
from filmdash.i18n import language, t

ui.warehouse_or_stop()
lang = language()
st.title(t("map_title"))
st.markdown(t("map_intro"))

# 0. filters, all in the URL
bounds = db.query("map_link_years").iloc[0]
layers = ui.url_widget(st.pills, t("map_filter_layers"), "layers", list(maps.LAYERS), list(maps.LAYERS),
                       format_func=lambda v: t(f"map_layer_{v}", lang), selection_mode="multi") or []
view_row = st.columns([1, 1])
with view_row[0]:
    zoom = ui.url_widget(st.segmented_control, t("map_filter_zoom"), "zoom", "world", list(maps.ZOOMS),
                         format_func=lambda v: t(f"map_zoom_{v}", lang), selection_mode="single") or "world"
with view_row[1]:
    mode = ui.url_widget(st.segmented_control, t("map_filter_mode"), "mode", "borders", list(maps.MODES),
                         format_func=lambda v: t(f"map_mode_{v}", lang), selection_mode="single") or "borders"
link_row = st.columns([2, 3])
with link_row[0]:
    year_from, year_to = map_controls.year_range(t("map_filter_years"), "years", int(bounds["first_year"]),
                                                 int(bounds["last_year"]))
with link_row[1]:
    statuses = ui.url_widget(st.multiselect, t("map_filter_link_status"), "link_status", list(bounds["statuses"]),
                             list(bounds["statuses"]), format_func=lambda v: t(f"map_status_{v}", lang))
selected = map_controls.selection()
points_only = mode == "points"

# 1. data
link_params = {"year_from": year_from, "year_to": year_to, "statuses": list(statuses)}
kinds = [maps.LAYER_KINDS[layer] for layer in layers]
cities = db.query("map_cities")
sco = db.query("map_sco")
links = db.query("map_links", **link_params)
places = db.query("map_places", kinds=kinds)
shown = db.query("map_items", kinds=kinds, city="", country="", **link_params)
listed = db.query("map_items", kinds=kinds, city=selected[1] if selected and selected[0] == "city" else "",
                  country=selected[1] if selected and selected[0] == "country" else "", **link_params)
names = db.query("map_country_names", codes=maps.item_codes((shown, "countries"), (cities, "country_iso2"),
                                                            (links, "country_a"), (links, "country_b")))
country_names = maps.country_name_map(names)

# 2. the map, its export, the table it filters
st.info(t("map_disclaimer"), icon="ℹ️")
figure = maps.map_figure(cities, sco, links, places, layers=layers, zoom=zoom, points_only=points_only,
                         selected=selected)
source_ids = sorted(set(shown["source_id"].dropna()) | set(ui.split_ids(links["source_ids"].explode().tolist())))
event = ui.chart_box("map", t("map_box_title"), maps.takeaway(cities, sco, links, places, layers), None,
                     maps.items_table(shown, country_names), source_ids, on_select="rerun", map_figure=figure)
map_controls.follow_click(event)
unplaced = maps.unplaced_cities(cities) if "cities" in layers else []
if unplaced:
    st.caption(t("map_unplaced", names=ui.md_escape(t("list_separator").join(unplaced))))
exports_row = st.columns([1, 1, 4])
for col, fmt in zip(exports_row, ("png", "svg")):
    col.download_button(t(f"map_export_{fmt}"), lambda fmt=fmt: maps.export_cached(figure.to_json(), fmt),
                        file_name=f"map.{fmt}", mime="image/png" if fmt == "png" else "image/svg+xml",
                        key=f"map_export_{fmt}", on_click="ignore")
exports_row[2].caption(t("map_export_caption"))

with st.container(border=True):
    st.subheader(t("map_table_title"))
    table = maps.items_table(listed, country_names)
    if selected:
        place = maps.selection_label(selected, cities, country_names)
        st.markdown(t("map_table_selected", place=ui.md_escape(place), n=len(table)))
        st.button(t("map_clear_selection"), key="map_clear", on_click=map_controls.clear_selection)
    else:
        st.caption(t("map_table_all"))
    st.dataframe(table, hide_index=True, width="stretch")
    cols = st.columns([1, 1, 3])
    cols[0].download_button(t("download_csv"), exports.csv_bytes(table), file_name="map_items.csv",
                            mime="text/csv", key="map_items_csv", on_click="ignore")

    # 3. sources of exactly the rows listed
    with cols[1]:
        ui.sources_popover(listed["source_id"].dropna().tolist(), key="map_items")
