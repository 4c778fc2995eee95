-- Documented counts against the aggregates sources report (the reported figure stays a claim).
-- [zh] 本库记录的数量与来源报道的总数对比（报道数字仍作为说法保留）。
-- @grain: measure, entity_id
-- measure: What is counted.
-- measure [zh]: 所统计的对象。
-- documented: How many rows the warehouse documents; for film_companies, the companies only (agencies and schools, organisations of another type, are not counted).
-- documented [zh]: 本数据库记录的行数；对 film_companies 而言只计企业（机构与学校属于其他类型的组织，不计入）。
-- reported: The figure a source reports (NULL when no source reports one); for film_companies, a figure for the whole city only (a claim about a district, a studio base or a province is the place's, never the city's).
-- reported [zh]: 来源报道的数字（无来源报道时为 NULL）；film_companies 只取针对整个城市的数字（关于区、影视基地或省的说法属于该地方，不算作城市的）。
-- qualifier: The reported figure's qualifier (more-than, about ...).
-- qualifier [zh]: 报道数字的限定词（more-than、about 等）。
-- reported_claim_id: The claim holding the reported figure.
-- reported_claim_id [zh]: 给出报道数字的说法。
-- coverage_share: documented / reported, NULL when nothing is reported.
-- coverage_share [zh]: 记录数 / 报道数；无报道数字时为 NULL。
-- documented_curated: For film_companies: how many of the documented companies are curated rows.
-- documented_curated [zh]: 仅适用于 film_companies：已记录企业中人工整理记录的数量。
-- documented_registry: For film_companies: how many come from registry imports (dim_companies.provenance = 'registry').
-- documented_registry [zh]: 仅适用于 film_companies：来自工商登记导入的数量（dim_companies.provenance = 'registry'）。
-- registry_as_of: For film_companies: the date of the latest registry export counted, NULL when none is.
-- registry_as_of [zh]: 仅适用于 film_companies：所计入的最新工商登记导出日期；无则为 NULL。
WITH sco_titles AS (
    -- titles initiated in 2020 or later (coproduction_dates.initiated_year) with at least two countries that were
    -- SCO member states in that year (sco_coproduction_countries.counts_as_member): observers, dialogue partners
    -- and partners never count, and a country that joined later does not count for an earlier title
    SELECT count(*) AS n FROM (
        SELECT production_id FROM sco_coproduction_countries
        WHERE initiated_year >= 2020 AND counts_as_member
        GROUP BY production_id HAVING count(DISTINCT country_iso2) >= 2
    )
),
reported_sco AS (
    SELECT claim_id, value, qualifier FROM claims
    WHERE entity_type = 'organisation' AND entity_id = 'sco' AND metric = 'coproductions_initiated_since_2020'
    ORDER BY as_of DESC, claim_id LIMIT 1
),
company_cities AS (
    SELECT city_id, count(*) AS n, count(*) FILTER (WHERE provenance = 'curated') AS curated,
           count(*) FILTER (WHERE provenance = 'registry') AS registry, max(as_of) AS registry_as_of
    -- agencies (film offices, commissions, associations) and schools are organisations of another type, not
    -- companies (dim_companies.is_company): listed, but never counted against a reported number of companies
    FROM dim_companies WHERE city_id IS NOT NULL AND is_company
    GROUP BY city_id
),
reported_companies AS (
    SELECT entity_id AS city_id, claim_id, value, qualifier,
           row_number() OVER (PARTITION BY entity_id ORDER BY as_of DESC, claim_id) AS rn
    FROM claims WHERE entity_type = 'city' AND metric = 'film_companies' AND value IS NOT NULL
)
SELECT 'sco_coproductions_since_2020' AS measure, NULL AS entity_id, s.n AS documented, r.value AS reported,
       r.qualifier, r.claim_id AS reported_claim_id, s.n / r.value AS coverage_share,
       NULL::BIGINT AS documented_curated, NULL::BIGINT AS documented_registry, NULL::VARCHAR AS registry_as_of
FROM sco_titles s LEFT JOIN reported_sco r ON TRUE
UNION ALL
SELECT 'film_companies', c.city_id, coalesce(cc.n, 0), r.value, r.qualifier, r.claim_id,
       coalesce(cc.n, 0) / r.value, coalesce(cc.curated, 0), coalesce(cc.registry, 0), cc.registry_as_of
FROM (SELECT city_id FROM company_cities UNION SELECT city_id FROM reported_companies) c
LEFT JOIN company_cities cc USING (city_id)
LEFT JOIN reported_companies r ON r.city_id = c.city_id AND r.rn = 1
ORDER BY measure, entity_id NULLS FIRST
