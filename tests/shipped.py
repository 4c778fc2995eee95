"""Independent queries on the shipped warehouse (build/CURRENT), for the tests' expected values: the
tests' own SQL, never the page's .sql files, through the app's sandboxed read-only connection."""

from __future__ import annotations

from filmdash.core import db


def rows(sql: str, params=None) -> list[tuple]:
    cursor = db.connection().cursor()
    try:
        return cursor.execute(sql, params or []).fetchall()
    finally:
        cursor.close()


def initiated_years() -> str:
    """The year each co-production was initiated, from the raw tables: the year of its earliest announcement,
    agreement or shooting start in production_milestones, else its year of record (productions.year)."""
    return """
        SELECT p.production_id, coalesce((
            SELECT min(CAST(left(m.date, 4) AS INTEGER)) FROM production_milestones m
            WHERE m.production_id = p.production_id
              AND m.milestone IN ('announced', 'agreement-signed', 'shooting-started')), p.year) AS initiated
        FROM productions p WHERE p.is_coproduction"""


def sco_rule_counts() -> dict[str, int]:
    """"SCO co-productions since 2020" under each counting rule, from the raw tables: co-productions initiated in
    2020 or later (initiated_years) with at least two countries that were SCO member states in that year (strict:
    a member row open on 31 December of that year), that are member states today (members_today: an open member
    row), or that held any SCO status in that year (any_status).

    By hand from the shipped rows (2026-12-08): 18 co-productions have a year of record of 2020 or later. Five of
    them were initiated earlier by a dated milestone: Allahyar (in production by 2017-08-22), Krosh and Panda
    (announced 2017-07-12), Ba'Tie Girl (announced 2019-09-29), Call Sign "Baron" (shooting under way 2019-07-30)
    and Hello Kazakhstan (made since 2019-09). That leaves 13, all between member states except Di Jiu Tian Chang
    (2023) and Olivier (2022), whose Belarus was an observer then and is a member today: strict 11,
    members_today 13, any_status 13 (Belarus, an observer, holds an SCO status)."""
    (strict, today, any_status), = rows(f"""
        WITH y AS ({initiated_years()}),
        t AS (
            SELECT y.production_id,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = y.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco' AND status = 'member'
                       AND start_date <= y.initiated || '-12-31'
                       AND (end_date IS NULL OR end_date > y.initiated || '-12-31'))
                ) AS strict,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = y.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco' AND status = 'member'
                       AND end_date IS NULL)) AS today,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = y.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco'
                       AND start_date <= y.initiated || '-12-31'
                       AND (end_date IS NULL OR end_date > y.initiated || '-12-31'))
                ) AS any_status
            FROM y WHERE y.initiated >= 2020)
        SELECT count(*) FILTER (WHERE strict >= 2), count(*) FILTER (WHERE today >= 2),
               count(*) FILTER (WHERE any_status >= 2) FROM t""")
    return {"strict": strict, "members_today": today, "any_status": any_status}
