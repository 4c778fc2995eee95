"""The Studios page's content: one studio base at a time, its productions, its figures as each source
reports them (never averaged), the incentives that apply to it, and the bases side by side.

Pure builders first (DataFrames in, figures, sentences and tables out), then figures cached by
their inputs (warehouse, studio, fact, language); a fact's figure is built only when it is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from filmdash.core import charts, db, exports
from filmdash.core.cache import ChartView, shared
from filmdash.core.charts import plain_inputs
from filmdash.core.i18n import date_text, language, name, number, qualified, t, with_unit
from filmdash.core.ids import split_ids, unique_ids
from filmdash.core.style import MUTED, OKABE_ITO, base_layout

# The page's sections, one shown at a time (?studios_section=...); the first is the default.
SECTIONS = ("productions", "facts", "incentives", "comparison")
# The facts compared across sources, in the order a reader asks about them.
FACT_METRICS = ("sound_stages", "investment", "largest_stage_area", "site_area", "project_site_area", "opening",
                "crews_hosted")
INCENTIVE_METRICS = ("hotel_subsidy_share", "production_cost_subsidy_share", "film_fund", "incentive_rate")


# --- labels ------------------------------------------------------------------------------------

def studio_label(row, lang: str | None = None) -> str:
    """'Oriental Movie Metropolis (Qingdao)' in the script chosen, falling back to the original."""
    lang = lang or language()
    city = name(row, "city_name", lang)
    return f"{name(row, lang=lang)} ({city})" if city else name(row, lang=lang)


def metric_label(row, lang: str | None = None) -> str:
    return name(row, "label", lang)


def value_text(value, unit, qualifier, text, lang: str | None = None) -> str:
    """'more than 50 bn CNY', '40%', '3.76 km²'; words for a claim without a number."""
    lang = lang or language()
    if value is None or pd.isna(value):
        return text if isinstance(text, str) and text else t("no_data", lang)
    if unit == "m2" and abs(value) >= 1e6:
        return qualified(with_unit(number(value / 1e6, lang), "km2", lang), qualifier, lang)
    return qualified(with_unit(number(value, lang), unit, lang), qualifier, lang)


def qualifier_text(qualifier, lang: str | None = None) -> str:
    lang = lang or language()
    return t(f"studios_qualifier_{qualifier}", lang) if isinstance(qualifier, str) else "—"


# --- productions shot there ----------------------------------------------------------------------

@plain_inputs
def productions_figure(prods: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Bars per year, split by what the year is: the shooting year, or (when no source dates the
    shoot) the production's own year."""
    lang = lang or language()
    fig = go.Figure()
    frame = prods.assign(basis=["shot" if b == "shot" else "other" for b in prods["year_basis"]])
    years = sorted(frame["year"].dropna().astype(int).unique().tolist())
    for i, basis in enumerate(("shot", "other")):
        part = frame[frame["basis"] == basis]
        if part.empty:
            continue
        titles = part.groupby("year")["title"].apply("<br>".join)
        counts = part.groupby("year").size()
        fig.add_trace(go.Bar(
            x=years, y=[int(counts.get(y, 0)) for y in years], name=t(f"studios_basis_{basis}", lang),
            marker_color=OKABE_ITO[0] if i == 0 else OKABE_ITO[5],
            customdata=[titles.get(y, "") for y in years],
            hovertemplate="%{x}: %{y}<br>%{customdata}<extra></extra>"))
    fig.update_layout(**base_layout(lang=lang, height=340), barmode="stack", legend={"orientation": "h", "y": -0.25})
    fig.update_xaxes(title_text=t("studios_axis_year", lang), dtick=1, tickformat="d")
    fig.update_yaxes(title_text=t("studios_axis_productions", lang), rangemode="tozero", dtick=1,
                     gridcolor="#E5E7EB")
    return fig


def with_titles(prods: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return prods.assign(title=[name(r, "title", lang) for r in prods.to_dict("records")])


def productions_takeaway(prods: pd.DataFrame, studio: str, lang: str | None = None) -> str:
    """'10 productions documented as shot at X, 2016–2025; the shooting year is sourced for 5.'"""
    lang = lang or language()
    if prods.empty:
        return t("studios_takeaway_no_productions", lang, studio=studio)
    dated = int((prods["year_basis"] == "shot").sum())
    return t("studios_takeaway_productions", lang, n=len(prods), studio=studio, first=int(prods["year"].min()),
             last=int(prods["year"].max()), dated=dated)


def productions_table(prods: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("studios_col_title", lang): [name(r, "title", lang) for r in prods.to_dict("records")],
        t("studios_col_year", lang): prods["year"],
        t("studios_col_year_basis", lang): [t("studios_basis_shot", lang) if b == "shot"
                                            else t("studios_basis_other", lang) for b in prods["year_basis"]],
        t("studios_col_shot_year", lang): [int(y) if pd.notna(y) else t("no_data", lang) for y in prods["shot_year"]],
        t("studios_col_production_year", lang): prods["production_year"],
        t("studios_col_sources", lang): prods["source_ids"],
    })


# --- claims side by side -------------------------------------------------------------------------

def fact_groups(claims: pd.DataFrame) -> list[str]:
    """The metrics to show as facts: the named ones first, in order, then any other non-incentive one."""
    present = list(dict.fromkeys(claims["metric"]))
    named = [m for m in FACT_METRICS if m in present]
    others = sorted(m for m in present if m not in FACT_METRICS and m not in INCENTIVE_METRICS)
    return named + others


def claims_table(claims: pd.DataFrame, lang: str | None = None, with_metric: bool = False) -> pd.DataFrame:
    """Every claim with its publisher, date, qualifier, corroboration and conflict; never averaged."""
    lang = lang or language()
    records = claims.to_dict("records")
    columns = {}
    if with_metric:
        columns[t("studios_col_applies_to", lang)] = [t(f"studios_entity_{r['entity_type']}", lang) for r in records]
        columns[t("studios_col_metric", lang)] = [metric_label(r, lang) for r in records]
    columns.update({
        t("col_value", lang): [value_text(r["value_base"], r["unit"], r["qualifier"], r["value_text"], lang)
                               for r in records],
        t("studios_col_qualifier", lang): [qualifier_text(r["qualifier"], lang) for r in records],
        t("col_as_of", lang): [date_text(r["as_of"], lang) for r in records],
        t("col_publisher", lang): claims["publisher"],
        t("col_corroborated", lang): [t("yes", lang) if r["corroborated"] else t("uncorroborated", lang)
                                      for r in records],
        t("studios_col_in_conflict", lang): [t("studios_conflict_yes", lang) if r["in_conflict"]
                                             else t("studios_conflict_no", lang) for r in records],
        t("studios_col_wording", lang): [r["value_text"] if isinstance(r["value_text"], str) else t("no_data", lang)
                                         for r in records],
        t("col_quote", lang): claims["quote"],
        t("col_url", lang): claims["url"],
    })
    return pd.DataFrame(columns)


def fact_title(claims: pd.DataFrame, label: str, lang: str | None = None) -> str:
    """'Sound stages: 30 to 52, by source' (a range when sources disagree, never an average)."""
    lang = lang or language()
    numeric = claims.dropna(subset=["value_base"])
    if numeric.empty or numeric["unit"].nunique() != 1:
        return t("studios_fact_title_plain", lang, label=label)
    lo, hi = numeric["value_base"].min(), numeric["value_base"].max()
    unit = numeric["unit"].iloc[0]
    shown = value_text(lo, unit, None, None, lang) if lo == hi else t(
        "range", lang, lo=value_text(lo, unit, None, None, lang), hi=value_text(hi, unit, None, None, lang))
    return t("studios_fact_title", lang, label=label, range=shown)


def fact_takeaway(claims: pd.DataFrame, label: str, lang: str | None = None) -> str:
    """How many sources, how many different values, how many uncorroborated: computed, not written."""
    lang = lang or language()
    if claims.empty:
        return t("takeaway_no_data", lang)
    numeric = claims.dropna(subset=["value_base"])
    sources = claims["source_id"].nunique()
    lonely = int((~claims["corroborated"].astype(bool)).sum())
    if numeric.empty:
        base = t("studios_takeaway_words", lang, label=label, n=len(claims), sources=sources)
    else:
        distinct = int(numeric.groupby("unit")["value_base"].nunique().sum())
        base = t("studios_takeaway_agree" if distinct == 1 else "studios_takeaway_disagree", lang, label=label,
                 sources=sources, n=distinct)
    return base + (t("studios_takeaway_uncorroborated", lang, n=lonely) if lonely else "")


@plain_inputs
def text_claims_figure(claims: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Words-only claims (the opening) on a time line: each source's statement at its date."""
    lang = lang or language()
    frame = claims.copy()
    frame["when"] = [str(a)[:10] for a in frame["as_of"]]
    frame["date"] = pd.to_datetime([w if len(w) > 4 else f"{w}-07-01" for w in
                                    [w if len(w) != 7 else f"{w}-15" for w in frame["when"]]], errors="coerce")
    labels = [f"{p} ({date_text(a, lang)})" for p, a in zip(frame["publisher"], frame["as_of"])]
    fig = go.Figure(go.Scatter(
        x=frame["date"], y=labels, mode="markers+text", text=frame["value_text"], textposition="middle right",
        marker={"size": 14, "color": [OKABE_ITO[3] if c else MUTED for c in frame["in_conflict"]]},
        customdata=frame["quote"], hovertemplate="%{y}: %{text}<br>“%{customdata}”<extra></extra>",
        showlegend=False))
    fig.update_layout(**base_layout(lang=lang, height=max(220, 80 + 44 * len(frame))))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(gridcolor="#E5E7EB", title_text=t("studios_axis_as_of", lang))
    return fig


@plain_inputs
def fact_figure(claims: pd.DataFrame, lang: str | None = None) -> go.Figure:
    lang = lang or language()
    if claims["value_base"].notna().any():
        frame = claims.assign(publisher=[str(p) for p in claims["publisher"]])  # the chart writes the dates
        return charts.claims_side_by_side(frame, lang)
    return text_claims_figure(claims, lang)


def facts_summary(claims: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """Every claim of every fact, one row each, a fact's claims next to each other (never averaged):
    all of a studio's figures are read at once; only the fact picked below is charted."""
    lang = lang or language()
    order = {m: i for i, m in enumerate(fact_groups(claims))}
    facts = claims[claims["metric"].isin(list(order))]
    facts = facts.assign(_order=facts["metric"].map(order)).sort_values("_order", kind="stable")
    records = facts.to_dict("records")
    return pd.DataFrame({
        t("studios_col_metric", lang): [metric_label(r, lang) for r in records],
        t("col_value", lang): [value_text(r["value_base"], r["unit"], r["qualifier"], r["value_text"], lang)
                               for r in records],
        t("col_publisher", lang): [r["publisher"] for r in records],
        t("col_as_of", lang): [date_text(r["as_of"], lang) for r in records],
        t("col_corroborated", lang): [t("yes", lang) if r["corroborated"] else t("uncorroborated", lang)
                                      for r in records],
        t("studios_col_in_conflict", lang): [t("studios_conflict_yes", lang) if r["in_conflict"]
                                             else t("studios_conflict_no", lang) for r in records],
    })


# --- incentives ----------------------------------------------------------------------------------

@plain_inputs
def incentives_figure(claims: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Every incentive figure by source, one panel per unit; the metric names each row."""
    lang = lang or language()
    frame = claims.assign(publisher=[f"{metric_label(r, lang)} · {r['publisher']}" for r in claims.to_dict("records")])
    return charts.claims_side_by_side(frame, lang)


def incentives_takeaway(claims: pd.DataFrame, lang: str | None = None) -> str:
    lang = lang or language()
    if claims.empty:
        return t("studios_takeaway_no_incentives", lang)
    lonely = claims[~claims["corroborated"].astype(bool)]
    base = t("studios_takeaway_incentives", lang, n=len(claims), metrics=claims["metric"].nunique(),
             sources=claims["source_id"].nunique())
    if lonely.empty:
        return base + t("studios_takeaway_incentives_all_corroborated", lang)
    names = t("list_separator", lang).join(
        f"{metric_label(r, lang)} {value_text(r['value_base'], r['unit'], r['qualifier'], r['value_text'], lang)}"
        for r in lonely.to_dict("records"))
    return base + t("studios_takeaway_incentives_uncorroborated", lang, n=len(lonely), which=names)


def uncorroborated_notes(claims: pd.DataFrame, lang: str | None = None) -> list[str]:
    """One warning line per incentive figure that rests on one source (seed articles named as such)."""
    lang = lang or language()
    notes = []
    for r in claims[~claims["corroborated"].astype(bool)].to_dict("records"):
        key = "studios_note_uncorroborated_seed" if r.get("kind") == "seed" else "studios_note_uncorroborated"
        notes.append(t(key, lang, metric=metric_label(r, lang),
                       value=value_text(r["value_base"], r["unit"], r["qualifier"], r["value_text"], lang),
                       publisher=r["publisher"], date=date_text(r["as_of"], lang)))
    return notes


# --- the bases side by side ----------------------------------------------------------------------

def comparison_table(studios: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    records = studios.to_dict("records")
    return pd.DataFrame({
        t("studios_col_studio", lang): [name(r, lang=lang) for r in records],
        t("studios_col_city", lang): [name(r, "city_name", lang) for r in records],
        t("studios_col_opened", lang): [date_text(v, lang) for v in studios["opened_date"]],
        t("studios_col_status", lang): [t(f"studios_status_{s}", lang) for s in studios["status"]],
        t("studios_col_productions", lang): studios["productions"].astype(int),
        t("studios_col_claims", lang): studios["claims"].astype(int),
        t("studios_col_metrics_in_conflict", lang): studios["metrics_in_conflict"].astype(int),
        t("studios_col_uncorroborated", lang): studios["uncorroborated"].astype(int),
    })


@plain_inputs
def comparison_figure(studios: pd.DataFrame, lang: str | None = None) -> go.Figure:
    lang = lang or language()
    frame = studios.assign(label=[name(r, lang=lang) for r in studios.to_dict("records")])
    return charts.grouped_bars(frame, "label", ["productions", "claims"],
                               {"productions": t("studios_col_productions", lang),
                                "claims": t("studios_col_claims", lang)}, lang)


def comparison_takeaway(studios: pd.DataFrame, lang: str | None = None) -> str:
    """'Oriental Movie Metropolis is the best documented base: 10 productions and 52 figures.'"""
    lang = lang or language()
    if studios.empty:
        return t("takeaway_no_data", lang)
    top = studios.sort_values(["productions", "claims", "studio_id"], ascending=[False, False, True]).iloc[0]
    return t("studios_takeaway_comparison", lang, studio=name(top, lang=lang), productions=int(top["productions"]),
             claims=int(top["claims"]), n=len(studios))


def studio_sources(studios: pd.DataFrame) -> list[str]:
    ids = set(studios["source_id"].dropna())
    for col in ("shot_source_ids", "claim_source_ids"):
        for value in studios[col]:
            ids.update(split_ids(value))
    return sorted(ids)


# --- cached by their inputs ----------------------------------------------------------------------

def _studio_claims(studio_id: str) -> pd.DataFrame:
    return db.query("claims_for_entity", entity_type="studio", entity_id=studio_id, metrics=[])


@dataclass(frozen=True)
class FactsOverview:
    """The fact picker and the side-by-side table of a studio's claims (no figure is built here)."""
    metrics: tuple[str, ...]  # in reading order
    labels: Mapping[str, str]  # {metric: label}
    table: pd.DataFrame
    csv: bytes
    source_ids: tuple[str, ...]
    quotes: Mapping[str, str]


@shared(maxsize=64)
def facts_overview(warehouse: str, studio_id: str, lang: str) -> FactsOverview:
    claims = _studio_claims(studio_id)
    metrics = fact_groups(claims)
    labels = {m: metric_label(claims[claims["metric"] == m].iloc[0], lang) for m in metrics}
    facts = claims[claims["metric"].isin(metrics)]
    summary = facts_summary(facts, lang)
    return FactsOverview(tuple(metrics), labels, summary, exports.csv_bytes(summary), tuple(sorted(set(facts["source_id"]))),
                         dict(zip(facts["source_id"], facts["quote"])))


@shared(maxsize=256)
def fact_view(warehouse: str, studio_id: str, metric: str, lang: str) -> ChartView:
    """One fact's chart box (with its title): built only when it is shown."""
    claims = _studio_claims(studio_id)
    part = claims[claims["metric"] == metric].reset_index(drop=True)
    if part.empty:
        raise KeyError(f"{studio_id} has no claim for {metric!r}")
    label = metric_label(part.iloc[0], lang)
    return ChartView(fact_figure(part, lang), fact_takeaway(part, label, lang), claims_table(part, lang),
                     tuple(part["source_id"]), dict(zip(part["source_id"], part["quote"])), title=fact_title(part, label, lang))


@shared(maxsize=64)
def productions_view(warehouse: str, studio_id: str, studio: str, lang: str) -> ChartView:
    prods = with_titles(db.query("studios_productions", studio=studio_id), lang)
    return ChartView(productions_figure(prods, lang), productions_takeaway(prods, studio, lang),
                     productions_table(prods, lang), tuple(unique_ids(prods["source_ids"])),
                     {split_ids(ids)[0]: q for ids, q in zip(prods["source_ids"], prods["quote"])
                      if split_ids(ids) and isinstance(q, str)})


@shared(maxsize=64)
def incentives_view(warehouse: str, studio_id: str, lang: str) -> ChartView:
    """The incentives box (figure None when no claim has a number; note: the uncorroborated claims)."""
    claims = db.query("studios_incentives", studio=studio_id, metrics=list(INCENTIVE_METRICS))
    figure = incentives_figure(claims, lang) if claims["value_base"].notna().any() else None
    return ChartView(figure, incentives_takeaway(claims, lang), claims_table(claims, lang, with_metric=True),
                     tuple(claims["source_id"]), dict(zip(claims["source_id"], claims["quote"])),
                     note=uncorroborated_notes(claims, lang))


@shared(maxsize=16)
def comparison_view(warehouse: str, lang: str) -> ChartView:
    studios = db.query("studios_list")
    return ChartView(comparison_figure(studios, lang), comparison_takeaway(studios, lang), comparison_table(studios, lang),
                     tuple(studio_sources(studios)))

