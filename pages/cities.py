"""Cities: pick cities, compare every sourced claim for one metric, documented counts, a profile."""

import streamlit as st

from filmdash.core import db, ui
from filmdash.core.i18n import language, name, set_language, t, unit_name
from filmdash.views import cities

ui.warehouse_or_stop()
lang = language()
st.title(t("cities_title"))
st.markdown(t("cities_intro"))

# 0. filters: the cities (with group shortcuts), the metric, absolute or per capita -- all in the URL
picker = db.query("cities_picker")
labels = cities.city_labels(picker)


def pick_group(group: str) -> None:
    st.query_params["cities"] = ",".join(cities.group_members(picker, group))


with st.container(border=True):
    chosen = ui.url_widget(st.multiselect, t("cities_picker_label"), "cities", list(cities.DEFAULT_CITIES),
                           options=list(labels), format_func=labels.get, placeholder=t("cities_picker_placeholder"))
    shortcut_cols = st.columns(len(cities.GROUPS) + 1)
    shortcut_cols[0].caption(t("cities_groups_label"))
    for col, group in zip(shortcut_cols[1:], cities.GROUPS):
        col.button(t(f"cities_group_{group}", n=len(cities.group_members(picker, group))), key=f"cities_group_{group}",
                   on_click=pick_group, args=(group,), width="stretch")
    st.caption(t("cities_groups_note"))
if not chosen:
    st.info(t("cities_pick_some"))
    st.stop()
picked = tuple(chosen)

# 1. data (cached by warehouse, cities, metric, unit, mode and language)
metrics = db.query("cities_metrics", cities=list(picked))
metric_labels = cities.metric_labels(metrics)
warehouse = db.warehouse_id()
counts = cities.counts_view(warehouse, picked, lang)
label_to_city = dict(zip(counts.data["city"], counts.data["city_id"]))


def select_city(selection, key: str) -> None:
    """A click on a bar shows that city's profile (through the URL, so the view can be shared);
    from inside a fragment st.rerun() reruns the whole page, the profile included."""
    points = selection.selection.points if selection is not None else []
    city = cities.city_from_points(points, label_to_city)
    if city and city in picked and st.session_state.get(key) != city:
        st.session_state[key] = city
        st.query_params["city"] = city
        st.rerun()


# 2. charts: every claim for the chosen metric, then the documented counts. The comparison is a
# fragment: switching its metric, unit, absolute/per capita or view reruns only that box. A
# fragment rerun runs without app.py, so it sets the page's language itself.
@st.fragment
def comparison(lang: str, warehouse: str, picked: tuple, metric_labels: dict, default: str) -> None:
    set_language(lang)
    controls = st.columns([3, 2, 2])
    with controls[0]:
        metric = ui.url_widget(st.selectbox, t("cities_metric_label"), "metric", default,
                               options=list(metric_labels), format_func=metric_labels.get)
    unit_options = cities.units(db.query("cities_claims", cities=list(picked), metrics=[metric]))
    with controls[1]:
        unit = ui.url_widget(st.selectbox, t("cities_unit_label"), "unit", unit_options[0] if unit_options else None,
                             options=unit_options, disabled=len(unit_options) < 2,
                             format_func=lambda u: unit_name(u, lang)) if unit_options else None
    with controls[2]:
        modes = list(cities.MODES) if cities.per_capita_possible(unit) else ["absolute"]
        mode = ui.url_widget(st.segmented_control, t("cities_mode_label"), "mode", "absolute", options=modes,
                             format_func=lambda m: t(f"cities_mode_{m}", lang), selection_mode="single") or "absolute"
    label = metric_labels[metric]
    view = cities.comparison_view(warehouse, picked, metric, unit, mode, label, lang)
    selection = ui.view_box(
        "cities_claims", view, t("cities_box_claims_title", label=label), column_config={t("col_url"): st.column_config.LinkColumn(display_text=t("link_open"))}, on_select="rerun")
    st.caption(t("cities_claims_legend"))
    if len(unit_options) > 1:
        st.caption(t("cities_units_note", units=t("enumeration_separator").join(unit_name(u, lang) for u in unit_options)))
    if mode == "per_capita":
        st.caption(view.note)
    select_city(selection, "cities_clicked_claims")


if metrics.empty:
    st.info(t("cities_no_metrics"))
else:
    comparison(lang, warehouse, picked, metric_labels, cities.default_metric(metrics))

selection = ui.view_box("cities_counts", counts, t("cities_box_counts_title"), on_select="rerun")
st.caption(t("box_seed_cities_caption"))
st.caption(ui.md_escape(counts.note))  # where the companies counted come from: curated sources or a registry import
select_city(selection, "cities_clicked_counts")

# 3. the profile of one city, with all its claims and their sources
with st.container(border=True):
    st.header(t("cities_profile_title"))
    options = [""] + list(picked)
    city_id = ui.url_widget(st.selectbox, t("cities_profile_label"), "city", picked[0] if len(picked) == 1 else "",
                            options=options, format_func=lambda c: labels.get(c, t("cities_profile_none", lang)))
    if city_id:
        profile = db.query("cities_profile", city=city_id).iloc[0].to_dict()
        st.markdown(f"### {ui.md_escape(name(profile))}")
        left, right = st.columns(2)
        with left:
            st.markdown("\n".join(f"- **{ui.md_escape(script)}**: {ui.md_escape(value)}"
                                  for script, value in cities.profile_names(profile)))
            st.markdown(f"**{t('cities_country')}**: {ui.md_escape(name(profile, 'country_name'))} "
                        f"({ui.md_escape(profile['country_iso2'])})")
        with right:
            st.markdown(f"**{t('cities_unesco')}**: {ui.md_escape(cities.designation_text(profile))}")
            if isinstance(profile.get("film_designation_source_id"), str):
                ui.sources_popover([profile["film_designation_source_id"]],
                                   {profile["film_designation_source_id"]: profile["film_designation_quote"]},
                                   key="cities_designation")
            st.markdown(f"**{t('cities_geonames')}**: {ui.md_escape(cities.coordinates_text(profile))}")
        city_claims = db.query("cities_claims", cities=[city_id], metrics=[])
        st.markdown(f"**{t('cities_profile_claims', n=len(city_claims))}**")
        if city_claims.empty:
            st.caption(t("cities_profile_no_claims"))
        else:
            st.dataframe(cities.profile_claims_table(city_claims), hide_index=True, width="stretch",
                         column_config={t("col_url"): st.column_config.LinkColumn(display_text=t("link_open"))})
        ui.sources_popover(*cities.profile_sources(profile, city_claims), key="cities_profile")
    else:
        st.caption(t("cities_profile_hint"))
