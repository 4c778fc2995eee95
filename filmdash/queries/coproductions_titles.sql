-- Documented co-productions with every field, for the page's filters (coproductions_picked, a macro
-- of the warehouse) and, from a bar click, one year; with each title's dated milestones (coproduction_dates), the
-- year it was initiated, and the milestones' sources and quotes.
WITH picked AS (
    SELECT * FROM coproductions_picked($year_from, $year_to, $statuses, $countries)
    WHERE $year IS NULL OR year = $year
),
participants AS (
    SELECT pc.production_id, pc.country_iso2,
           any_value(c.name_en) AS name_en, any_value(c.name_zh_hans) AS name_zh_hans,
           any_value(c.name_zh_hant) AS name_zh_hant,
           string_agg(DISTINCT pc.source_id, ' | ' ORDER BY pc.source_id) AS source_ids
    FROM production_countries pc
    LEFT JOIN countries c ON c.iso2 = pc.country_iso2
    WHERE pc.production_id IN (SELECT production_id FROM picked)
    GROUP BY pc.production_id, pc.country_iso2
),
milestones AS (
    SELECT production_id, string_agg(DISTINCT source_id, ' | ' ORDER BY source_id) AS milestone_source_ids,
           list({'source_id': source_id, 'quote': quote} ORDER BY milestone) AS milestone_quotes
    FROM production_milestones
    WHERE production_id IN (SELECT production_id FROM picked)
    GROUP BY production_id
)
SELECT p.production_id, p.title_en, p.title_zh_hans, p.title_zh_hant, p.title_original,
       p.original_language, p.format, p.status, p.year, p.year_meaning, p.companies, p.key_people,
       list(pa.country_iso2 ORDER BY pa.country_iso2) AS countries,
       list(coalesce(pa.name_en, pa.country_iso2) ORDER BY pa.country_iso2) AS countries_en,
       list(coalesce(pa.name_zh_hans, pa.name_zh_hant, pa.name_en, pa.country_iso2) ORDER BY pa.country_iso2)
           AS countries_zh_hans,
       list(coalesce(pa.name_zh_hant, pa.name_zh_hans, pa.name_en, pa.country_iso2) ORDER BY pa.country_iso2)
           AS countries_zh_hant,
       rc.name_en AS released_in_en, rc.name_zh_hans AS released_in_zh_hans, rc.name_zh_hant AS released_in_zh_hant,
       p.source_id, p.quote, s.publisher, s.url,
       string_agg(DISTINCT pa.source_ids, ' | ') AS country_source_ids,
       d.announced, d.agreement_signed, d.shooting_started, d.released, d.initiated_year, d.initiated_by,
       fc.name_en AS first_released_in_en, fc.name_zh_hans AS first_released_in_zh_hans,
       fc.name_zh_hant AS first_released_in_zh_hant, m.milestone_source_ids, m.milestone_quotes
FROM picked p
LEFT JOIN participants pa USING (production_id)
LEFT JOIN sources s ON s.source_id = p.source_id
LEFT JOIN countries rc ON p.year_meaning LIKE 'released-%' AND rc.iso2 = upper(substr(p.year_meaning, 10))
LEFT JOIN coproduction_dates d ON d.production_id = p.production_id
LEFT JOIN countries fc ON fc.iso2 = d.released_country_iso2
LEFT JOIN milestones m ON m.production_id = p.production_id
GROUP BY ALL
ORDER BY p.year, p.title_en
