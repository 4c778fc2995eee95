-- Companies matching the explorer's filters, counted by type or by founded decade ($by), summed over
-- companies_cube (stored counts; the search's matches counted when $q is given).
SELECT * FROM (
    SELECT CASE WHEN $by = 'decade' THEN decade ELSE type END AS value, sum(n)::BIGINT AS n,
           string_agg(DISTINCT source_id, ' | ' ORDER BY source_id) AS source_ids
    FROM companies_cube($q, $cities, $types, $decades, $listed, $origins)
    WHERE matches
    GROUP BY 1
)
-- decades in time order with 'none' (no founding year given) last; types by size
ORDER BY CASE WHEN $by = 'decade' THEN (value = 'none')::INTEGER ELSE 0 END,
         CASE WHEN $by = 'decade' THEN value END, n DESC, value
