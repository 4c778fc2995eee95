-- Productions documented as shot at one studio, one row a production. The year is the shooting
-- year where a source gives it, else the production's own year (with what that year means).
SELECT p.production_id, p.title_en, p.title_zh_hans, p.title_zh_hant, p.format, p.status,
       coalesce(min(pl.year), p.year) AS year,
       CASE WHEN min(pl.year) IS NOT NULL THEN 'shot' ELSE p.year_meaning END AS year_basis,
       min(pl.year) AS shot_year, p.year AS production_year, p.year_meaning,
       string_agg(DISTINCT pl.source_id, ' | ' ORDER BY pl.source_id) AS source_ids,
       any_value(pl.quote ORDER BY pl.source_id) AS quote
FROM production_locations pl
JOIN productions p USING (production_id)
WHERE pl.studio_id = $studio
GROUP BY p.production_id, p.title_en, p.title_zh_hans, p.title_zh_hant, p.format, p.status, p.year, p.year_meaning
ORDER BY year, p.title_en
