"""The counting rules for "SCO co-productions since 2020" (marts sco_coproduction_rules and
sco_coproduction_counts) on a small fixture where each rule counts a different set of titles."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.build import build


def sco_history(raw: Path) -> None:
    """Belarus: an observer, a member from 2024-07-04; Mongolia: an observer; India: an observer, a member from
    2017-06-09. Titles: CN-BY 2023, CN-MN 2022, CN-IN 2016, CN-GB 2021 (the mini's CN-RU 2025 stays)."""
    with (raw / "countries" / "countries.csv").open("a", encoding="utf-8") as f:
        f.write("BY,BLR,Belarus,白俄罗斯,白俄羅斯,s-ref\nMN,MNG,Mongolia,蒙古,蒙古,s-ref\n"
                "IN,IND,India,印度,印度,s-ref\n")
    with (raw / "memberships" / "memberships.csv").open("a", encoding="utf-8") as f:
        f.write("sco-by-obs,sco,country,BY,observer,2015-07-10,2024-07-04,s-wiki,Belarus observer\n"
                "sco-by,sco,country,BY,member,2024-07-04,,s-wiki,Belarus member\n"
                "sco-mn,sco,country,MN,observer,2004-06-17,,s-wiki,Mongolia observer\n"
                "sco-in-obs,sco,country,IN,observer,2005,2017-06-09,s-wiki,India observer\n"
                "sco-in,sco,country,IN,member,2017-06-09,,s-wiki,India member\n")
    titles = {"cn-by": ("2023", "BY"), "cn-mn": ("2022", "MN"), "cn-in": ("2016", "IN"), "cn-gb": ("2021", "GB")}
    with (raw / "productions" / "productions.csv").open("a", encoding="utf-8") as f:
        for pid, (year, _) in titles.items():
            f.write(f"{pid},{pid},,,,,feature-film,released,{year},released-CN,,,true,,s-news,a co-production\n")
    with (raw / "production_countries" / "pc.csv").open("a", encoding="utf-8") as f:
        for pid, (_, other) in titles.items():
            f.write(f"{pid},CN,co-producer,s-news,a co-production\n{pid},{other},co-producer,s-news,a co-production\n")


def test_each_rule_counts_what_it_says(mini, tmp_path):
    sco_history(mini)
    path = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT production_id, members_in_year, members_today, sco_in_year, counts_strict, "
                       "counts_members_today, counts_any_status FROM sco_coproduction_rules ORDER BY 1").fetchall() == [
        ("cn-by", 1, 2, 2, False, True, True),    # Belarus joined in 2024, after the title: today only
        ("cn-gb", 1, 1, 1, False, False, False),  # the UK holds no SCO status
        ("cn-in", 1, 2, 2, False, False, False),  # India an observer in 2016, and a title before 2020 never counts
        ("cn-mn", 1, 1, 2, False, False, True),   # Mongolia an observer: any status only
        ("red-silk", 2, 2, 2, True, True, True),
    ]
    rules = con.execute("SELECT rule, rule_order, since_year, titles, added_to_strict, production_ids "
                        "FROM sco_coproduction_counts ORDER BY rule_order").fetchall()
    assert rules == [("strict", 1, 2020, 1, 0, "red-silk"),
                     ("members_today", 2, 2020, 2, 1, "cn-by,red-silk"),
                     ("any_status", 3, 2020, 3, 2, "cn-by,cn-mn,red-silk")]
    # the strict rule is the one documented_vs_reported counts
    assert con.execute("SELECT documented FROM documented_vs_reported "
                       "WHERE measure = 'sco_coproductions_since_2020'").fetchall() == [(rules[0][3],)]
    con.close()
