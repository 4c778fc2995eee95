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


def sco_rule_counts() -> dict[str, int]:
    """"SCO co-productions since 2020" under each counting rule, from the raw tables: co-productions dated 2020
    or later with at least two countries that were SCO member states in the title's year (strict: a member row
    open on 31 December of that year), that are member states today (members_today: an open member row), or
    that held any SCO status in the title's year (any_status)."""
    (strict, today, any_status), = rows("""
        WITH t AS (
            SELECT p.production_id,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = p.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco' AND status = 'member'
                       AND start_date <= p.year || '-12-31' AND (end_date IS NULL OR end_date > p.year || '-12-31'))
                ) AS strict,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = p.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco' AND status = 'member'
                       AND end_date IS NULL)) AS today,
                (SELECT count(DISTINCT pc.country_iso2) FROM production_countries pc
                 WHERE pc.production_id = p.production_id AND pc.country_iso2 IN (
                     SELECT member_id FROM memberships WHERE organisation = 'sco'
                       AND start_date <= p.year || '-12-31' AND (end_date IS NULL OR end_date > p.year || '-12-31'))
                ) AS any_status
            FROM productions p WHERE p.is_coproduction AND p.year >= 2020)
        SELECT count(*) FILTER (WHERE strict >= 2), count(*) FILTER (WHERE today >= 2),
               count(*) FILTER (WHERE any_status >= 2) FROM t""")
    return {"strict": strict, "members_today": today, "any_status": any_status}
