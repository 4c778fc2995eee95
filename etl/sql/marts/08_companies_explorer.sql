-- The Companies page's explorer, one row per company of dim_companies (curated and registry rows), with what its
-- filters and search need computed once at build time: at a registry's size (a million companies) the page's
-- counts, facets and one page of rows are then a single scan of this table (companies_matching reads it).
-- A registry row's type is its activity, and its Simplified Chinese name the registry's name.
-- [zh] “企业”页面的浏览表，dim_companies 中每家企业一行（人工整理和登记记录），其筛选和搜索所需的内容在构建时一次算好：在工商登记的规模下（百万家企业），页面的计数、分面和一页记录只需扫描此表一次（companies_matching 读取它）。登记记录的类型即其业务类别，其简体中文名称即登记名称。
-- @grain: company_id
-- company_id: dim_companies.company_id (a curated id, or a registry company's unified social credit code).
-- company_id [zh]: dim_companies.company_id（人工整理的标识，或登记企业的统一社会信用代码）。
-- provenance: curated or registry (dim_companies.provenance).
-- provenance [zh]: curated 或 registry（dim_companies.provenance）。
-- origin: Where the row comes from, as the page's provenance facet offers it: 'curated', or the registry import's source_id.
-- origin [zh]: 该行的出处，即页面“出处”分面所提供的选项：'curated'，或工商登记导入的 source_id。
-- as_of: For a registry row, the export's date; NULL for curated rows.
-- as_of [zh]: 登记记录的导出日期；人工整理的记录为 NULL。
-- credit_code: Unified social credit code (registry rows).
-- credit_code [zh]: 统一社会信用代码（登记记录）。
-- name_en: Name in English (curated rows).
-- name_en [zh]: 英文名称（人工整理的记录）。
-- name_zh_hans: Name in Simplified Chinese: the curated name, or the registry's (normalised) name.
-- name_zh_hans [zh]: 简体中文名称：人工整理的名称，或登记名称（已规范化）。
-- name_zh_hant: Name in Traditional Chinese (curated rows).
-- name_zh_hant [zh]: 繁体中文名称（人工整理的记录）。
-- city_id: The dashboard's city, where the company has one.
-- city_id [zh]: 本数据中的城市（如有）。
-- type: The curated company type, or a registry row's activity.
-- type [zh]: 人工整理企业的类型，或登记记录的业务类别。
-- founded_year: Year founded.
-- founded_year [zh]: 成立年份。
-- decade: The founding decade ('1990s' ...), 'none' when no year is given.
-- decade [zh]: 成立年代（'1990s' 等），未给出年份时为 'none'。
-- listing: Stock listing (curated rows).
-- listing [zh]: 上市情况（人工整理的记录）。
-- listed: 'listed' or 'not-listed'.
-- listed [zh]: 'listed'（已上市）或 'not-listed'（未上市）。
-- known_for: What the company is known for (curated rows), in English.
-- known_for [zh]: 企业的知名之处（人工整理的记录），英文。
-- known_for_zh_hans: The same in Simplified Chinese.
-- known_for_zh_hans [zh]: 同上，简体中文。
-- known_for_zh_hant: The same in Traditional Chinese.
-- known_for_zh_hant [zh]: 同上，繁体中文。
-- aliases: Other names (curated rows).
-- aliases [zh]: 其他名称（人工整理的记录）。
-- source_id: The source of the row (a curated source, or the registry import).
-- source_id [zh]: 该行的来源（人工整理的来源，或工商登记导入）。
-- quote: The curated row's quote from its source; NULL for registry rows.
-- quote [zh]: 人工整理记录摘自来源的引文；登记记录为 NULL。
-- search_text: Names, aliases, descriptions and credit code, one per line, lower case with Traditional characters as Simplified (etl/folding.py): what the page's search matches, with a search text folded the same way.
-- search_text [zh]: 名称、别名、简介和信用代码，每行一项，小写并将繁体字转为简体（etl/folding.py）：页面搜索所匹配的内容，搜索文本也以同样方式转换。
-- list_order: The row's place in the page's list: curated rows first, then by English name, Chinese name and id.
-- list_order [zh]: 该行在页面列表中的位置：人工整理的记录在前，然后依次按英文名称、中文名称和标识排序。
SELECT *, row_number() OVER (ORDER BY provenance <> 'curated', name_en NULLS LAST, name_zh_hans, company_id) AS list_order
FROM (
SELECT d.company_id, d.provenance,
       CASE WHEN d.provenance = 'curated' THEN 'curated' ELSE d.source_id END AS origin,
       d.as_of, d.credit_code,
       coalesce(c.name_en, d.name_en) AS name_en,
       coalesce(c.name_zh_hans, d.name_zh_hans, d.name_registry) AS name_zh_hans,
       coalesce(c.name_zh_hant, d.name_zh_hant) AS name_zh_hant,
       d.city_id, coalesce(d.type, d.activity) AS type, d.founded_year,
       CASE WHEN d.founded_year IS NULL THEN 'none' ELSE CAST(d.founded_year // 10 * 10 AS VARCHAR) || 's' END AS decade,
       c.listing,
       CASE WHEN coalesce(c.listing, '') = '' THEN 'not-listed' ELSE 'listed' END AS listed,
       c.known_for, c.known_for_zh_hans, c.known_for_zh_hant, c.aliases, d.source_id, c.quote,
       to_simplified(lower(concat_ws(chr(10), coalesce(c.name_en, d.name_en), coalesce(c.name_zh_hans, d.name_zh_hans, d.name_registry),
                       coalesce(c.name_zh_hant, d.name_zh_hant), c.aliases, c.known_for, c.known_for_zh_hans,
                       c.known_for_zh_hant, d.credit_code))) AS search_text
FROM dim_companies d
LEFT JOIN companies c ON c.company_id = d.company_id AND d.provenance = 'curated'
)
ORDER BY list_order
