-- Every co-production's dated milestones side by side (production_milestones), and the year it was initiated: the
-- year of its earliest announcement, agreement or shooting start that a source dates; where no source dates any of
-- them, the year of record (productions.year, whatever its year_meaning). The SCO counting rules count by it.
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- year_of_record: The title's year as its own source gives it (productions.year).
-- year_meaning: What the year of record means (announced, shot, released-XX).
-- announced: When it was first made public (ISO 8601, partial allowed); NULL when no source dates it.
-- announced_precision: day, month or year: how precise the date is.
-- announced_source_id: The source of the date (sources.source_id).
-- agreement_signed: When a co-production agreement for it was signed; NULL when no source dates it.
-- agreement_signed_precision: day, month or year.
-- agreement_signed_source_id: The source of the date.
-- shooting_started: When shooting (for animation, production) started; NULL when no source dates it.
-- shooting_started_precision: day, month or year.
-- shooting_started_source_id: The source of the date.
-- released: When it was first shown to the public (a premiere, or the first release in cinemas, on air or online); NULL when no source dates it.
-- released_precision: day, month or year.
-- released_country_iso2: Where it was first released, when the source says.
-- released_source_id: The source of the date.
-- initiated_year: The year of the earliest of announced, agreement_signed and shooting_started; the year of record when none is dated.
-- initiated_by: Which milestone gave initiated_year (announced, agreement-signed, shooting-started), or year-of-record.
WITH dated AS (
    SELECT production_id, milestone, date, country_iso2, source_id,
           CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END AS precision,
           -- the first day a partial date can mean, to order dates of different precision
           CAST(CASE length(date) WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END AS DATE)
               AS earliest_day
    FROM production_milestones
),
initiated AS (
    SELECT production_id, arg_min(milestone, (earliest_day, milestone)) AS initiated_by,
           year(min(earliest_day)) AS initiated_year
    FROM dated WHERE milestone IN ('announced', 'agreement-signed', 'shooting-started')
    GROUP BY production_id
)
SELECT p.production_id, p.year AS year_of_record, p.year_meaning,
       a.date AS announced, a.precision AS announced_precision, a.source_id AS announced_source_id,
       g.date AS agreement_signed, g.precision AS agreement_signed_precision, g.source_id AS agreement_signed_source_id,
       s.date AS shooting_started, s.precision AS shooting_started_precision, s.source_id AS shooting_started_source_id,
       r.date AS released, r.precision AS released_precision, r.country_iso2 AS released_country_iso2,
       r.source_id AS released_source_id,
       coalesce(i.initiated_year, p.year) AS initiated_year, coalesce(i.initiated_by, 'year-of-record') AS initiated_by
FROM productions p
LEFT JOIN dated a ON a.production_id = p.production_id AND a.milestone = 'announced'
LEFT JOIN dated g ON g.production_id = p.production_id AND g.milestone = 'agreement-signed'
LEFT JOIN dated s ON s.production_id = p.production_id AND s.milestone = 'shooting-started'
LEFT JOIN dated r ON r.production_id = p.production_id AND r.milestone = 'released'
LEFT JOIN initiated i ON i.production_id = p.production_id
WHERE p.is_coproduction
ORDER BY p.production_id
