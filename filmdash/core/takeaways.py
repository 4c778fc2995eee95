"""Deterministic one-sentence takeaways, computed from the data shown; also the charts' alt text."""

from __future__ import annotations

import pandas as pd

from filmdash.core.i18n import NAME_SUFFIX, date_text, language, number, qualified, t, with_unit


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


# --- "SCO co-productions since 2020" under each counting rule ---------------------------------

def sco_rules(counts: pd.DataFrame, lang: str | None = None) -> list[tuple[str, int, str]]:
    """(short label, titles, the rule in one line) for each rule of the sco_coproduction_counts mart,
    strictest first."""
    lang = lang or language()
    return [(t(f"sco_rule_label_{r['rule']}", lang), int(r["titles"]), t(f"sco_rule_{r['rule']}", lang))
            for r in counts.sort_values("rule_order").to_dict("records")]


def sco_rule_lines(counts: pd.DataFrame, lang: str | None = None) -> list[str]:
    """'**Strict: 16.** Titles dated 2020 or later with ...', one line a rule."""
    lang = lang or language()
    return [t("sco_rule_line", lang, label=label, n=n, rule=rule) for label, n, rule in sco_rules(counts, lang)]


def sco_reported_line(reported, qualifier, publisher: str | None, as_of, lang: str | None = None) -> str | None:
    """The reported aggregate with its source in one line; None when no source reports one."""
    lang = lang or language()
    if reported is None or pd.isna(reported):
        return None
    return t("sco_rule_reported", lang, reported=qualified(number(reported, lang), qualifier, lang),
             publisher=publisher or t("no_data", lang), date=date_text(as_of, lang))


def sco_rules_caption(counts: pd.DataFrame, reported, qualifier, lang: str | None = None) -> str:
    """'Strict 16 · Members today 18 · Any SCO status 18 · reported more than 40'."""
    lang = lang or language()
    labels = " · ".join(f"{label} {number(n, lang)}" for label, n, _ in sco_rules(counts, lang))
    shown = t("no_data", lang) if reported is None or pd.isna(reported) else \
        qualified(number(reported, lang), qualifier, lang)
    return t("sco_rules_caption", lang, labels=labels, reported=shown)
