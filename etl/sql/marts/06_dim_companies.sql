-- Every company the warehouse knows: the curated ones and those a registry import added, one row each, with where it comes from.
-- [zh] 本数据库已知的全部企业：人工整理的企业和工商登记导入新增的企业，每家一行，并注明出处。
-- @grain: company_id
-- company_id: The curated company's id, or a registry company's unified social credit code.
-- company_id [zh]: 人工整理企业的标识，或登记企业的统一社会信用代码。
-- provenance: curated (a hand-curated row with its source and quote) or registry (a row of a registry export, imported by python -m etl import).
-- provenance [zh]: curated（人工整理的记录，附来源和引文）或 registry（工商登记导出文件中的记录，由 python -m etl import 导入）。
-- name_registry: The registry's name (normalised), for a registry company; NULL for curated rows.
-- name_registry [zh]: 登记企业在工商登记中的名称（已规范化）；人工整理的记录为 NULL。
-- place_id: The district, town or park inside its city where the curated row's source places the company (places.place_id); NULL when the source names only the city, and for registry rows (their district is in district, as the registry gives it).
-- place_id [zh]: 人工整理记录的来源所述该企业在其城市内所在的区、镇或园区（places.place_id）；来源只给出城市时为 NULL，登记记录亦为 NULL（其区县见 district，按登记所载）。
-- type: The curated company type; NULL for registry rows.
-- type [zh]: 人工整理企业的类型；登记记录为 NULL。
-- activity: What the company does: a registry row's activity as classified from its business scope; for a curated row its type mapped to the same list (exhibition is cinema, vfx is post-production, types outside the list are other).
-- activity [zh]: 企业的业务类别：登记记录为依经营范围分类得出的类别；人工整理的记录则将其类型映射到同一列表（exhibition 即 cinema，vfx 即 post-production，列表以外的类型为 other）。
-- founded_year: Year founded (curated), or the year of the registry's date of establishment.
-- founded_year [zh]: 成立年份（人工整理），或登记所载成立日期的年份。
-- credit_code: Unified social credit code (registry rows).
-- credit_code [zh]: 统一社会信用代码（登记记录）。
-- province: Province as the registry gives it (registry rows).
-- province [zh]: 登记所载省份（登记记录）。
-- city_registry: City as the registry gives it (registry rows).
-- city_registry [zh]: 登记所载城市（登记记录）。
-- district: District or county as the registry gives it (registry rows).
-- district [zh]: 登记所载区县（登记记录）。
-- as_of: For a registry row, the export's date (its source's accessed date): the registry said this then.
-- as_of [zh]: 登记记录的导出日期（即其来源的查阅日期）：登记在当时如此记载。
-- is_company: False for agencies (film offices, commissions, associations) and schools: organisations of another type, listed but never counted as companies (documented_vs_reported, the city comparison, the headline count); true for every other curated row and every registry row.
-- is_company [zh]: 机构（电影办公室、电影委员会、协会）和学校为 False：它们属于其他类型的组织，虽列出但从不计为企业（documented_vs_reported、城市对比、首页数字）；其他人工整理的记录及所有登记记录为 True。
SELECT c.company_id, 'curated' AS provenance, c.name_en, c.name_zh_hans, c.name_zh_hant, NULL::VARCHAR AS name_registry,
       c.city_id, c.place_id, c.type,
       CASE c.type WHEN 'production' THEN 'production' WHEN 'animation' THEN 'animation'
                   WHEN 'post-production' THEN 'post-production' WHEN 'vfx' THEN 'post-production'
                   WHEN 'distribution' THEN 'distribution' WHEN 'exhibition' THEN 'cinema' ELSE 'other' END AS activity,
       c.founded_year, NULL::VARCHAR AS credit_code, NULL::VARCHAR AS registration_status,
       NULL::VARCHAR AS province, NULL::VARCHAR AS city_registry, NULL::VARCHAR AS district,
       NULL::DOUBLE AS capital_base, NULL::VARCHAR AS capital_currency, c.source_id, NULL::VARCHAR AS as_of,
       c.type NOT IN ('agency', 'education') AS is_company
FROM companies c
UNION ALL
SELECT r.credit_code, 'registry', NULL, NULL, NULL, r.name, r.city_id, NULL, NULL, r.activity,
       CAST(left(r.founded, 4) AS INTEGER), r.credit_code, r.registration_status, r.province, r.city, r.district,
       r.capital_base, r.capital_currency, r.source_id, s.accessed, true
FROM registry_companies r
LEFT JOIN sources s USING (source_id)
