"""The Overview's content, computed from query results: headline cards and comparison rows.

Pure functions: DataFrames in, plain values out; the page only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from filmdash.core import charts, db, provenance, takeaways
from filmdash.core.cache import shared
from filmdash.core.geo import map_figure
from filmdash.core.i18n import date_text, language, name, number, qualified, t, with_unit
from filmdash.core.ids import split_ids
from filmdash.core.markdown import md_escape
from filmdash.core.seeds import OMM, SEED_CITIES


@dataclass(frozen=True)
class Card:
    key: str
    label: str
    value: str
    caption: str
    source_ids: list[str] = field(default_factory=list)
    quotes: dict[str, str] = field(default_factory=dict)
    counts: str = ""  # what the figure counts, in one line (the metric's help)
    rules: list[str] = field(default_factory=list)  # for a figure counted by several rules: each, in one line


def _reported(qualifier, value, lang) -> str:
    return qualified(number(value, lang), qualifier, lang)


def headline_cards(counts: pd.DataFrame, documented: pd.DataFrame, sco_counts: pd.DataFrame | None = None,
                   publisher: str | None = None, lang: str | None = None) -> list[Card]:
    """The headline figures, each with what it counts; the SCO co-productions under every counting rule
    (sco_counts, strict first) next to the reported aggregate and its publisher."""
    lang = lang or language()
    sco_counts = sco_counts if sco_counts is not None else pd.DataFrame(columns=["rule", "rule_order", "titles"])
    c = counts.set_index("figure")
    cards = [
        Card("cities_of_film", t("card_cities_of_film", lang), number(c.at["cities_of_film", "value"], lang),
             t("card_cities_of_film_caption", lang, first=c.at["cities_of_film", "first_year"],
               last=c.at["cities_of_film", "last_year"]), split_ids(c.at["cities_of_film", "source_ids"]),
             counts=t("card_counts_cities_of_film", lang)),
        Card("sco_members", t("card_sco_members", lang), number(c.at["sco_members", "value"], lang),
             t("card_sco_members_caption", lang, last=c.at["sco_members", "last_year"]),
             split_ids(c.at["sco_members", "source_ids"]), counts=t("card_counts_sco_members", lang)),
    ]
    sco = documented[documented["measure"] == "sco_coproductions_since_2020"]
    if not sco.empty:
        row = sco.iloc[0]
        ids = [row["source_id"]] if isinstance(row["source_id"], str) else []
        reported = row["reported"] if pd.notna(row["reported"]) else None
        rules = takeaways.sco_rule_lines(sco_counts, lang)
        # a markdown line (the popover's): the publisher is data, escaped
        line = takeaways.sco_reported_line(reported, row["qualifier"], md_escape(publisher) if publisher else None,
                                           row["as_of"], lang)
        cards.append(Card(
            "sco_coproductions", t("card_sco_coproductions", lang), number(row["documented"], lang),
            takeaways.sco_rules_caption(sco_counts, reported, row["qualifier"], lang) if not sco_counts.empty
            else t("card_sco_coproductions_caption", lang, reported=_reported(row["qualifier"], reported, lang))
            if reported is not None else t("card_no_reported", lang),
            ids, {row["source_id"]: row["quote"]} if ids else {}, counts=t("sco_rule_strict", lang),
            rules=[*rules, *([line] if line else []), t("sco_rule_year_note", lang)] if rules else []))
    hz = documented[(documented["measure"] == "film_companies") & (documented["entity_id"] == "hangzhou")]
    if not hz.empty:
        row = hz.iloc[0]
        ids = [row["source_id"]] if isinstance(row["source_id"], str) else []
        cards.append(Card(
            "hangzhou_companies", t("card_hangzhou_companies", lang),
            _reported(row["qualifier"], row["reported"], lang) if pd.notna(row["reported"]) else t("no_data", lang),
            t("card_hangzhou_companies_caption", lang, documented=f"{int(row['documented']):,}") + "  \n"
            + provenance.line(row["documented_curated"], row["documented_registry"], row["registry_as_of"], lang),
            ids, {row["source_id"]: row["quote"]} if ids else {}, counts=t("card_counts_hangzhou_companies", lang)))
    return cards


def claim_range(claims: pd.DataFrame, lang: str | None = None) -> str:
    """'30–52' for disagreeing sources, '40' when all agree, 'no data' when none."""
    lang = lang or language()
    values = claims["value_base"].dropna()
    if values.empty:
        return t("no_data", lang)
    lo, hi = values.min(), values.max()
    return number(lo, lang) if lo == hi else f"{number(lo, lang)}–{number(hi, lang)}"


def claims_table(claims: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The claims behind a figure, one row a source, as a reader sees them."""
    lang = lang or language()
    out = pd.DataFrame({
        t("col_value", lang): [
            with_unit(_reported(q, v, lang), u, lang)
            if pd.notna(v) else (vt if isinstance(vt, str) else t("no_data", lang))
            for q, v, u, vt in zip(claims["qualifier"], claims["value_base"], claims["unit"], claims["value_text"])],
        t("col_as_of", lang): [date_text(v, lang) for v in claims["as_of"]],
        t("col_publisher", lang): claims["publisher"],
        t("col_corroborated", lang): [t("yes", lang) if c else t("uncorroborated", lang)
                                      for c in claims["corroborated"]],
        t("col_quote", lang): claims["quote"],
        t("col_url", lang): claims["url"],
    })
    return out


def comparison_table(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:

    lang = lang or language()
    return pd.DataFrame({
        t("col_city", lang): [name(r, lang=lang) for r in frame.to_dict("records")],
        t("col_city_of_film", lang): [
            str(int(y)) if pd.notna(y) else "—" for y in frame["film_designation_year"]],
        t("col_companies", lang): frame["companies"],
        t("col_companies_provenance", lang): [
            provenance.short(r["companies_curated"], r["companies_registry"], r["registry_as_of"], lang)
            for r in frame.to_dict("records")],
        **{t(f"col_{c}", lang): frame[c] for c in
           ("studios", "productions_shot", "events", "partnerships", "city_claims")},
    })


@dataclass(frozen=True)
class OverviewContent:
    cards: list[Card]
    by_year: pd.DataFrame
    by_year_takeaway: str
    by_year_figure: object
    by_year_sources: list[str]
    by_year_map: object
    stages: pd.DataFrame
    stages_title: str
    stages_takeaway: str
    stages_figure: object
    investment: pd.DataFrame
    investment_takeaway: str
    investment_figure: object
    comparison: pd.DataFrame


@shared(maxsize=16)
def content(warehouse: str, lang: str) -> OverviewContent:
    """Everything the Overview shows, built once per warehouse and language (figures included:
    building plotly figures is most of a rerun's cost)."""

    counts = db.query("headline_counts")
    documented = db.query("documented_vs_reported")
    sco = documented[(documented["measure"] == "sco_coproductions_since_2020") & documented["source_id"].notna()]
    publishers = db.query("sources_by_id", ids=sco["source_id"].tolist()) if not sco.empty else None
    publisher = publishers["publisher"].iloc[0] if publishers is not None and not publishers.empty else None
    by_year = db.query("cities_of_film_by_year")
    stages = db.query("claims_for_entity", entity_type="studio", entity_id=OMM, metrics=["sound_stages"])
    investment = db.query("claims_for_entity", entity_type="studio", entity_id=OMM, metrics=["investment"])
    comparison = db.query("city_comparison", cities=list(SEED_CITIES))
    return OverviewContent(
        cards=headline_cards(counts, documented, db.query("sco_coproduction_counts"), publisher, lang),
        by_year=by_year.drop(columns=["city_ids"]),
        by_year_takeaway=takeaways.cities_of_film(by_year, lang),
        by_year_figure=charts.cities_of_film_by_year(by_year, lang),
        by_year_sources=sorted({i for v in by_year["source_ids"] for i in split_ids(v)}),
        by_year_map=map_figure(db.query("map_cities"), db.query("map_sco"),
                                    db.query("map_links", year_from=1900, year_to=2100, statuses=[]),
                                    db.query("map_places", kinds=[]), layers=["cities"], lang=lang, height=520),
        stages=stages,
        stages_title=t("box_omm_stages_title", lang, range=claim_range(stages, lang)),
        stages_takeaway=takeaways.claims_spread(stages, t("metric_sound_stages", lang), lang),
        stages_figure=charts.claims_side_by_side(stages, lang),
        investment=investment,
        investment_takeaway=takeaways.claims_spread(investment, t("metric_investment", lang), lang),
        investment_figure=charts.claims_side_by_side(investment, lang),
        comparison=comparison_table(comparison, lang),
    )
