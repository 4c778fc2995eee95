"""Deterministic one-sentence takeaways, computed from the data shown; also the charts' alt text."""

from __future__ import annotations

import pandas as pd

from filmdash.core.i18n import NAME_SUFFIX, language, number, qualified, t, with_unit


def cities_of_film(frame: pd.DataFrame, lang: str | None = None) -> str:
    """'29 cities designated 2009-2025; the biggest round was 2017 (5 cities).'"""
    lang = lang or language()
    if frame.empty:
        return t("takeaway_no_data", lang)
    total = int(frame["cities"].sum())
    top = frame.sort_values(["cities", "year"], ascending=[False, True]).iloc[0]
    first = frame.sort_values("year").iloc[0]
    first_names = ", ".join(list(first[f"names_{NAME_SUFFIX[lang]}"]))
    return t("takeaway_cities_of_film", lang, total=total, first=int(frame["year"].min()),
             last=int(frame["year"].max()), top_year=int(top["year"]), top_n=int(top["cities"]),
             first_names=first_names)


def claims_spread(frame: pd.DataFrame, label: str, lang: str | None = None) -> str:
    """'12 sources give 4 different values for Sound stages: 30 to 52.' Units are never mixed."""
    lang = lang or language()
    numeric = frame.dropna(subset=["value_base"])
    if numeric.empty:
        return t("takeaway_no_data", lang)
    ranges = []
    for unit, group in numeric.groupby("unit", sort=True):
        lo, hi = group["value_base"].min(), group["value_base"].max()
        shown = number(lo, lang) if lo == hi else t("range", lang, lo=number(lo, lang), hi=number(hi, lang))
        ranges.append(with_unit(shown, unit, lang))
    distinct = numeric.groupby("unit")["value_base"].nunique().sum()
    sources = numeric["source_id"].nunique()
    if distinct == 1:
        return t("takeaway_claims_agree", lang, label=label, n=sources, value=ranges[0])
    return t("takeaway_claims_disagree", lang, label=label, n=int(distinct), sources=sources,
             ranges=t("list_separator", lang).join(ranges))


def documented_vs_reported(documented: int, reported: float | None, qualifier: str | None, what: str,
                           lang: str | None = None) -> str:
    lang = lang or language()
    if reported is None or pd.isna(reported):
        return t("takeaway_documented_only", lang, documented=documented, what=what)
    return t("takeaway_documented_vs_reported", lang, documented=documented, what=what,
             reported=qualified(number(reported, lang), qualifier, lang), share=f"{documented / reported:.0%}")
