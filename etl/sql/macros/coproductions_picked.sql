-- coproductions_picked(year_from, year_to, statuses, countries): the documented co-productions the
-- Co-productions page's filters keep: years in the range, one of the statuses, and any of the countries
-- taking part (an empty list is no filter). The page's list, network and bars are all built on it.
CREATE MACRO coproductions_picked(year_from, year_to, statuses, countries) AS TABLE
SELECT p.* FROM productions p
WHERE p.is_coproduction
  AND p.year BETWEEN year_from AND year_to
  AND (len(statuses) = 0 OR list_contains(statuses, p.status))
  AND (len(countries) = 0 OR EXISTS (
        SELECT 1 FROM production_countries pc
        WHERE pc.production_id = p.production_id AND list_contains(countries, pc.country_iso2)))
