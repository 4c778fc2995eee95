-- The Companies page's explorer, one row per company of dim_companies (curated and registry rows), with what its
-- filters and search need computed once at build time: at a registry's size (a million companies) the page's
-- counts, facets and one page of rows are then a single scan of this table (companies_matching reads it).
-- A registry row's type is its activity, and its Simplified Chinese name the registry's name.
-- @grain: company_id
-- company_id: dim_companies.company_id (a curated id, or a registry company's unified social credit code).
-- provenance: curated or registry (dim_companies.provenance).
-- origin: Where the row comes from, as the page's provenance facet offers it: 'curated', or the registry import's source_id.
-- as_of: For a registry row, the export's date; NULL for curated rows.
-- credit_code: Unified social credit code (registry rows).
-- name_en: Name in English (curated rows).
-- name_zh_hans: Name in Simplified Chinese: the curated name, or the registry's (normalised) name.
-- name_zh_hant: Name in Traditional Chinese (curated rows).
-- city_id: The dashboard's city, where the company has one.
-- type: The curated company type, or a registry row's activity.
-- founded_year: Year founded.
-- decade: The founding decade ('1990s' ...), 'none' when no year is given.
-- listing: Stock listing (curated rows).
-- listed: 'listed' or 'not-listed'.
-- known_for: What the company is known for (curated rows), in English.
-- known_for_zh_hans: The same in Simplified Chinese.
-- known_for_zh_hant: The same in Traditional Chinese.
-- aliases: Other names (curated rows).
-- source_id: The source of the row (a curated source, or the registry import).
-- quote: The curated row's quote from its source; NULL for registry rows.
-- search_text: Lower-case names, aliases, descriptions and credit code, one per line: what the page's search matches.
-- list_order: The row's place in the page's list: curated rows first, then by English name, Chinese name and id.
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
       lower(concat_ws(chr(10), coalesce(c.name_en, d.name_en), coalesce(c.name_zh_hans, d.name_zh_hans, d.name_registry),
                       coalesce(c.name_zh_hant, d.name_zh_hant), c.aliases, c.known_for, c.known_for_zh_hans,
                       c.known_for_zh_hant, d.credit_code)) AS search_text
FROM dim_companies d
LEFT JOIN companies c ON c.company_id = d.company_id AND d.provenance = 'curated'
)
ORDER BY list_order
