"""The Sources page's content: bibliography, conflicts, uncorroborated claims, coverage, dictionary.

Pure builders: query results in, reader-facing tables, sentences and labels out; then the views a
section shows, cached by their inputs (warehouse, filters, language) so a rerun rebuilds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from etl.schema import ENTITY_TYPES, SOURCE_KINDS
from filmdash.core import charts, db, exports, takeaways
from filmdash.core.cache import ChartView, fresh, shared
from filmdash.core.charts import plain_inputs
from filmdash.core.i18n import claim_value, date_label, language, missing, name, number, qualified, t, with_unit
from filmdash.core.style import OKABE_ITO, base_layout

SECTIONS = ("bibliography", "conflicts", "uncorroborated", "coverage", "dictionary", "inputs")


def _text(value, lang) -> str:
    return t("no_data", lang) if missing(value) or not str(value).strip() else str(value)


def kind_label(kind: str, lang: str | None = None) -> str:
    return t(f"sources_kind_{kind}", lang) if kind in SOURCE_KINDS else str(kind)


def entity_type_label(entity_type: str, lang: str | None = None) -> str:
    return t(f"sources_entity_{entity_type}", lang) if entity_type in ENTITY_TYPES else str(entity_type)


def source_label(row) -> str:
    """'Variety — Qingdao's film city opens (seed-000)': how a source is named in a picker."""
    return f"{row['publisher']} — {row['title']} ({row['source_id']})"


def bibliography_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_id", lang): frame["source_id"],
        t("col_publisher", lang): frame["publisher"],
        t("sources_col_title", lang): frame["title"],
        t("col_url", lang): frame["url"],
        t("sources_col_published", lang): [date_label(v, lang) if isinstance(v, str) else t("undated", lang)
                                           for v in frame["published"]],
        t("sources_col_accessed", lang): [date_label(v, lang) for v in frame["accessed"]],
        t("sources_col_language", lang): frame["language"],
        t("sources_col_kind", lang): [kind_label(k, lang) for k in frame["kind"]],
        t("sources_col_rows_cited", lang): frame["rows_cited"].astype(int),
        t("sources_col_claims", lang): frame["claims"].astype(int),
        t("sources_col_tables", lang): [_text(v, lang) for v in frame["tables"]],
    })


def rows_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The rows of the curated tables that cite one source."""
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_table", lang): frame["table_name"],
        t("sources_col_row", lang): frame["row_id"],
        t("sources_col_label", lang): [_text(v, lang) for v in frame["label"]],
    })


def entity_name(row: dict, lang: str | None = None) -> str:
    return name(row, "name", lang) or str(row["entity_id"])


def value_with_unit(row: dict, lang: str | None = None) -> str:
    """'about 9,000', '8.2 bn USD': the claim's value with its unit (units are never converted)."""
    lang = lang or language()
    shown = claim_value(row, lang)
    unit = row.get("unit")
    return shown if missing(row.get("value_base")) else with_unit(shown, unit, lang)


def claims_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """Claims as a reader sees them: what, how much, as of when, who says so, agreed or not."""
    lang = lang or language()
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("sources_col_entity_type", lang): [entity_type_label(r["entity_type"], lang) for r in records],
        t("sources_col_entity", lang): [entity_name(r, lang) for r in records],
        t("sources_col_metric", lang): [name(r, "label", lang) or r["metric"] for r in records],
        t("col_value", lang): [value_with_unit(r, lang) for r in records],
        t("col_as_of", lang): [date_label(r["as_of"], lang) for r in records],
        t("col_corroborated", lang): [t("yes", lang) if r["corroborated"] else t("uncorroborated", lang)
                                      for r in records],
        t("sources_col_seed", lang): [t("yes", lang) if r["from_seed"] else "" for r in records],
        t("col_publisher", lang): [r["publisher"] for r in records],
        t("col_url", lang): [r["url"] for r in records],
        t("col_quote", lang): [r["quote"] for r in records],
        t("sources_col_id", lang): [r["source_id"] for r in records],
    })


def conflict_groups(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """One row per disputed figure: entity, metric, and every value with its source side by side."""
    lang = lang or language()
    out = []
    for key, group in frame.groupby("group_key", sort=False):
        records = group.to_dict("records")
        first = records[0]
        values = [f"{value_with_unit(r, lang)} ({r['publisher']}, {date_label(r['as_of'], lang)})" for r in records]
        out.append({
            "group_key": key,
            t("sources_col_entity_type", lang): entity_type_label(first["entity_type"], lang),
            t("sources_col_entity", lang): entity_name(first, lang),
            t("sources_col_metric", lang): name(first, "label", lang) or first["metric"],
            t("sources_col_period", lang): str(int(first["period_key"])) if not missing(first["period_key"]) else "",
            t("sources_col_n_values", lang): int(group["value_base"].nunique()) if group["value_base"].notna().any()
            else int(group["value_text"].str.strip().str.lower().nunique()),
            t("sources_col_n_sources", lang): int(group["source_id"].nunique()),
            t("sources_col_values", lang): " | ".join(values),
        })
    columns = ["group_key"] + [t(f"sources_col_{c}", lang) for c in
                               ("entity_type", "entity", "metric", "period", "n_values", "n_sources", "values")]
    return pd.DataFrame(out, columns=columns)


def _group_label(first: dict, lang: str, with_count: bool = True) -> str:
    period = f" {int(first['period_key'])}" if not missing(first["period_key"]) else ""
    if not with_count:
        return f"{entity_name(first, lang)} · {name(first, 'label', lang) or first['metric']}{period}"
    return t("sources_group_label", lang, entity=entity_name(first, lang),
             metric=(name(first, "label", lang) or first["metric"]) + period, n=int(first["n_values_reported"]))


def group_label(frame: pd.DataFrame, key: str, lang: str | None = None, with_count: bool = True) -> str:
    """'Oriental Movie Metropolis · Sound stages (4 values)': how a disputed figure is named in a picker."""
    lang = lang or language()
    group = frame[frame["group_key"] == key]
    if group.empty:
        return key
    return _group_label(group.iloc[0].to_dict(), lang, with_count)


def group_labels(frame: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """{group key: picker label} for every disputed figure, in the query's order, in one pass."""
    lang = lang or language()
    firsts = frame.drop_duplicates("group_key").to_dict("records")
    return {r["group_key"]: _group_label(r, lang) for r in firsts}


def uncorroborated_summary(counts: pd.DataFrame, lang: str | None = None) -> str:
    """'289 of 356 claims rest on one source only; 7 of them on the project's seed articles.'"""
    lang = lang or language()
    row = counts.iloc[0]
    return t("sources_uncorroborated_summary", lang, n=int(row["uncorroborated"]), total=int(row["claims"]),
             seeds=int(row["uncorroborated_seed"]))


def conflicts_summary(counts: pd.DataFrame, lang: str | None = None) -> str:
    lang = lang or language()
    row = counts.iloc[0]
    return t("sources_conflicts_summary", lang, groups=int(row["conflict_groups"]), claims=int(row["in_conflict"]))


def coverage_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_table", lang): frame["table_name"],
        t("sources_col_rows", lang): frame["rows"].astype(int),
        t("sources_col_sources", lang): frame["sources"].astype(int),
        t("sources_col_uncorroborated", lang): [number(v, lang) if not missing(v) else "—"
                                                for v in frame["uncorroborated"]],
    })


def coverage_takeaway(frame: pd.DataFrame, lang: str | None = None) -> str:
    lang = lang or language()
    if frame.empty:
        return t("takeaway_no_data", lang)
    top = frame.sort_values(["rows", "table_name"], ascending=[False, True]).iloc[0]
    return t("sources_coverage_takeaway", lang, tables=len(frame), rows=int(frame["rows"].sum()),
             top=top["table_name"], top_rows=int(top["rows"]), top_sources=int(top["sources"]))


def documented_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("sources_col_measure", lang): [t(f"sources_measure_{r['measure']}", lang)
                                         if r["measure"] in ("film_companies", "sco_coproductions_since_2020")
                                         else r["measure"] for r in records],
        t("sources_col_entity", lang): [(name(r, "name", lang) or r["entity_id"]) if isinstance(r["entity_id"], str)
                                        else "—" for r in records],
        t("sources_col_documented", lang): [int(r["documented"]) for r in records],
        t("sources_col_reported", lang): [
            qualified(number(r["reported"], lang), r["qualifier"], lang) if not missing(r["reported"])
            else t("no_data", lang) for r in records],
        t("sources_col_share", lang): [f"{r['coverage_share']:.1%}" if not missing(r["coverage_share"])
                                       else t("no_data", lang) for r in records],
        t("col_publisher", lang): [_text(r["publisher"], lang) for r in records],
        t("col_url", lang): [r["url"] if isinstance(r["url"], str) else None for r in records],
        t("col_quote", lang): [_text(r["quote"], lang) for r in records],
    })


def tables_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_table", lang): frame["table_name"],
        t("sources_col_comment", lang): [_text(v, lang) for v in frame["comment"]],
        t("sources_col_columns", lang): frame["column_count"].astype(int),
        t("sources_col_rows_estimate", lang): frame["rows"].astype(int),
    })


def columns_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_table", lang): frame["table_name"],
        t("sources_col_column", lang): frame["column_name"],
        t("sources_col_type", lang): frame["data_type"],
        t("sources_col_comment", lang): [_text(v, lang) for v in frame["comment"]],
    })


def undocumented_columns(frame: pd.DataFrame) -> int:
    return int(sum(missing(v) or not str(v).strip() for v in frame["comment"]))


def inputs_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_path", lang): frame["path"],
        t("sources_col_table", lang): frame["table_name"],
        t("sources_col_encoding", lang): frame["encoding"],
        t("sources_col_curator", lang): frame["curator"],
        t("sources_col_description", lang): [_text(v, lang) for v in frame["description"]],
        t("sources_col_rows", lang): frame["rows"].astype(int),
        t("sources_col_sha256", lang): frame["sha256"],
    })


@plain_inputs
def by_year_figure(frame: pd.DataFrame, lang: str | None = None) -> go.Figure:
    """Stacked bars: sources by year of publication, one colour per kind; undated sources last."""
    lang = lang or language()
    undated = t("undated", lang)
    years = [str(int(y)) for y in sorted(frame["year"].dropna().unique())] + (
        [undated] if frame["year"].isna().any() else [])
    fig = go.Figure()
    for i, kind in enumerate(k for k in SOURCE_KINDS + tuple(sorted(set(frame["kind"]) - set(SOURCE_KINDS)))
                             if k in set(frame["kind"])):
        part = frame[frame["kind"] == kind]
        counts = {undated if missing(y) else str(int(y)): int(n) for y, n in zip(part["year"], part["sources"])}
        fig.add_trace(go.Bar(x=years, y=[counts.get(y, 0) for y in years], name=kind_label(kind, lang),
                             marker_color=OKABE_ITO[i % len(OKABE_ITO)], customdata=[kind] * len(years),
                             hovertemplate=f"%{{x}}: %{{y}} ({kind_label(kind, lang)})<extra></extra>"))
    fig.update_layout(**base_layout(lang=lang, height=300), barmode="stack", legend={"orientation": "h", "y": -0.25})
    fig.update_xaxes(type="category", title_text=t("sources_axis_published", lang))
    fig.update_yaxes(title_text=t("sources_axis_sources", lang), rangemode="tozero", gridcolor="#E5E7EB")
    return fig


def by_year_takeaway(frame: pd.DataFrame, lang: str | None = None) -> str:
    """'365 sources, published 2005–2026; 69 undated. Most are news (266).'"""
    lang = lang or language()
    if frame.empty:
        return t("takeaway_no_data", lang)
    dated = frame.dropna(subset=["year"])
    kinds = frame.groupby("kind")["sources"].sum().sort_values(ascending=False, kind="stable")
    kinds = kinds[kinds == kinds.max()].sort_index()
    return t("sources_by_year_takeaway", lang, n=int(frame["sources"].sum()),
             first=int(dated["year"].min()) if not dated.empty else t("no_data", lang),
             last=int(dated["year"].max()) if not dated.empty else t("no_data", lang),
             undated=int(frame[frame["year"].isna()]["sources"].sum()), kind=kind_label(kinds.index[0], lang),
             top=int(kinds.iloc[0]))


def by_year_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or language()
    return pd.DataFrame({
        t("sources_col_published", lang): [t("undated", lang) if missing(y) else str(int(y)) for y in frame["year"]],
        t("sources_col_kind", lang): [kind_label(k, lang) for k in frame["kind"]],
        t("sources_col_count", lang): frame["sources"].astype(int),
    })


# --- the sections' views, cached by their inputs ---------------------------------------------------

@dataclass(frozen=True)
class Conflicts:
    """The claims in conflict for some entity types: the claims, one row per disputed figure, {group key:
    label}, the claims table, and the two tables' CSV bytes."""
    claims: pd.DataFrame
    groups: pd.DataFrame
    labels: Mapping[str, str]
    table: pd.DataFrame
    groups_csv: bytes
    table_csv: bytes


@lru_cache(maxsize=32)
def _conflicts(warehouse: str, entity_types: tuple[str, ...], lang: str) -> Conflicts:
    conflicts = db.query("sources_claims", source_id="", conflicts=True, uncorroborated=False, seeds=False,
                         entity_types=list(entity_types))
    groups = conflict_groups(conflicts, lang).drop(columns=["group_key"])
    table = claims_table(conflicts, lang)
    return Conflicts(conflicts, groups, group_labels(conflicts, lang), table, exports.csv_bytes(groups),
                     exports.csv_bytes(table))


def conflicts_view(warehouse: str, entity_types: tuple[str, ...], lang: str) -> Conflicts:
    return fresh(_conflicts(warehouse, entity_types, lang))


@shared(maxsize=256)
def conflict_view(warehouse: str, entity_types: tuple[str, ...], key: str, lang: str) -> ChartView:
    """One disputed figure's chart box, with its title."""
    conflicts = _conflicts(warehouse, entity_types, lang).claims
    group = conflicts[conflicts["group_key"] == key]
    return ChartView(charts.claims_side_by_side(group, lang),
                     takeaways.claims_spread(group, group_label(group, key, lang, False), lang),
                     claims_table(group, lang), tuple(group["source_id"]), dict(zip(group["source_id"], group["quote"])),
                     title=group_label(group, key, lang))


@shared(maxsize=8)
def coverage_view(warehouse: str, lang: str) -> ChartView:
    """Rows and sources per table."""
    coverage = db.query("sources_coverage")
    labels = {"rows": t("sources_col_rows", lang), "sources": t("sources_col_sources", lang)}
    return ChartView(charts.grouped_bars(coverage, "table_name", ["rows", "sources"], labels, lang),
                     coverage_takeaway(coverage, lang), coverage_table(coverage, lang))


@shared(maxsize=64)
def by_year_view(warehouse: str, search: str, kinds: tuple[str, ...], lang: str) -> ChartView:
    """The bibliography's sources by year and kind, with its filters."""
    frame = db.query("sources_by_year", search=search, kinds=list(kinds))
    return ChartView(by_year_figure(frame, lang), by_year_takeaway(frame, lang), by_year_table(frame, lang))
