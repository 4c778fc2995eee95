-- How many companies share each combination of the Companies page's facets (city, type, founded decade, listed,
-- origin) and source: a registry's million companies in a few hundred rows, from which the page's facet counts,
-- total and chart are summed when no text search is given (companies_cube).
-- @grain: city_id, type, decade, listed, origin, source_id
-- city_id: The dashboard's city (NULL for a registry company in a city the dashboard does not hold).
-- type: The curated company type, or a registry row's activity (companies_explorer.type).
-- decade: The founding decade, 'none' when no year is given.
-- listed: 'listed' or 'not-listed'.
-- origin: 'curated', or the registry import's source_id.
-- source_id: The source of the rows counted.
-- n: How many companies share these values.
SELECT city_id, type, decade, listed, origin, source_id, count(*) AS n
FROM companies_explorer
GROUP BY ALL
ORDER BY ALL
