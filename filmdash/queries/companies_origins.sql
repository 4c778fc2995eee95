-- Where the warehouse's companies come from: 'curated' (hand-curated rows, each with its source and quote) and
-- each registry import (its source record: who exported it, and the export's date), with how many companies each.
SELECT 'curated' AS origin, 'curated' AS provenance, NULL::VARCHAR AS publisher, NULL::VARCHAR AS title,
       NULL::VARCHAR AS as_of, (SELECT count(*) FROM companies) AS n
UNION ALL
SELECT r.source_id, 'registry', s.publisher, s.title, s.accessed, r.n
FROM (SELECT source_id, count(*) AS n FROM registry_companies GROUP BY source_id) r
JOIN sources s USING (source_id)
ORDER BY provenance, as_of DESC, origin
