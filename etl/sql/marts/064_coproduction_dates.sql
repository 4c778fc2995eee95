-- Every co-production's dated milestones side by side (production_milestones), and the year it was initiated: the
-- year of its earliest announcement, agreement or shooting start that a source dates; where no source dates any of
-- them, the year of record (productions.year, whatever its year_meaning). The SCO counting rules count by it.
-- [zh] 每部合拍片有日期的各节点并列呈现（production_milestones），及其启动年份：来源所载最早的宣布、协议签署或开机之年；若均无来源给出日期，则为记录年份（productions.year，不论其 year_meaning）。上合组织计数规则按此年份计数。
-- @grain: production_id
-- production_id: The co-production (productions.production_id, is_coproduction).
-- production_id [zh]: 合拍片（productions.production_id，is_coproduction）。
-- year_of_record: The title's year as its own source gives it (productions.year).
-- year_of_record [zh]: 作品本身来源所给的年份（productions.year）。
-- year_meaning: What the year of record means (announced, shot, released-XX).
-- year_meaning [zh]: 记录年份的含义（announced 宣布、shot 拍摄、released-XX 在某国上映）。
-- announced: When it was first made public (ISO 8601, partial allowed); NULL when no source dates it.
-- announced [zh]: 首次公开的时间（ISO 8601，可为部分日期）；无来源给出日期时为 NULL。
-- announced_precision: day, month or year: how precise the date is.
-- announced_precision [zh]: day、month 或 year：日期的精度。
-- announced_source_id: The source of the date (sources.source_id).
-- announced_source_id [zh]: 该日期的来源（sources.source_id）。
-- agreement_signed: When a co-production agreement for it was signed; NULL when no source dates it.
-- agreement_signed [zh]: 签署合拍协议的时间；无来源给出日期时为 NULL。
-- agreement_signed_precision: day, month or year.
-- agreement_signed_precision [zh]: day、month 或 year。
-- agreement_signed_source_id: The source of the date.
-- agreement_signed_source_id [zh]: 该日期的来源。
-- shooting_started: When shooting (for animation, production) started; NULL when no source dates it.
-- shooting_started [zh]: 开机时间（动画片为开始制作的时间）；无来源给出日期时为 NULL。
-- shooting_started_precision: day, month or year.
-- shooting_started_precision [zh]: day、month 或 year。
-- shooting_started_source_id: The source of the date.
-- shooting_started_source_id [zh]: 该日期的来源。
-- released: When it was first shown to the public (a premiere, or the first release in cinemas, on air or online); NULL when no source dates it.
-- released [zh]: 首次与公众见面的时间（首映，或首次在院线、电视或网络上映）；无来源给出日期时为 NULL。
-- released_precision: day, month or year.
-- released_precision [zh]: day、month 或 year。
-- released_country_iso2: Where it was first released, when the source says.
-- released_country_iso2 [zh]: 首次上映的国家（如来源写明）。
-- released_source_id: The source of the date.
-- released_source_id [zh]: 该日期的来源。
-- initiated_year: The year of the earliest of announced, agreement_signed and shooting_started; the year of record when none is dated.
-- initiated_year [zh]: announced、agreement_signed 和 shooting_started 中最早者的年份；均无日期时为记录年份。
-- initiated_by: Which milestone gave initiated_year (announced, agreement-signed, shooting-started), or year-of-record.
-- initiated_by [zh]: 得出 initiated_year 的节点（announced、agreement-signed、shooting-started），或 year-of-record（记录年份）。
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
