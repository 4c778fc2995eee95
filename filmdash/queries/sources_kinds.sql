-- The kinds of source the bibliography holds, with how many of each.
SELECT kind, count(*) AS sources FROM sources GROUP BY kind ORDER BY kind
