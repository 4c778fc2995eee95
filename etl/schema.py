"""The input contract: every curated table, its columns, their types and the rules they obey.

One source of truth: the validator, the staging SQL's column list, the warehouse's COMMENT ON
statements and the app's data dictionary all read these specs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Accepted values, defined once.
SOURCE_KINDS = ("news", "official", "encyclopedia", "press-release", "statistics", "seed", "reference", "registry")
ENTITY_TYPES = ("city", "country", "studio", "company", "organisation", "event", "production", "place")
# The places a figure can measure, largest first: a province (Zhejiang), a region around a city that is
# not a province (a city with its county), a city, a district inside a city (a district, a new area, a
# town, an industry zone) and a site (a studio base, a creative park). A city is a place too: its row in
# `places` ties it to its province, and a claim about the whole city stays entity_type city.
PLACE_TYPES = ("province", "region", "city", "district", "site")
# The place types a place's parent may have (a province's parent is its country).
PLACE_PARENT_TYPES = {
    "province": (),
    "region": ("province",),
    "city": ("province", "region"),
    "district": ("city", "district"),
    "site": ("city", "district", "site"),
}
QUALIFIERS = ("more-than", "about", "at-least", "up-to", "planned", "less-than")
UNITS = (
    "count", "CNY", "USD", "GBP", "EUR", "RUB", "INR", "KRW", "JPY", "AUD", "HKD", "percent",
    "m2", "people", "screens", "tickets", "text", "days", "years",
)
SCALES = ("thousand", "million", "billion")
ORGANISATIONS = ("unesco-creative-cities-film", "sco")
MEMBER_TYPES = ("city", "country")
MEMBER_STATUSES = ("city-of-film", "member", "partner", "observer", "dialogue-partner")
COMPANY_TYPES = (
    "production", "distribution", "studio-operator", "animation", "post-production", "vfx",
    "streaming", "exhibition", "media-group", "agency", "education",
)
STUDIO_STATUSES = ("announced", "under-construction", "open", "closed")
PRODUCTION_FORMATS = ("feature-film", "animated-film", "documentary", "series")
PRODUCTION_STATUSES = ("announced", "in-development", "in-production", "released")
COUNTRY_ROLES = ("co-producer", "producer")
LOCATION_ACTIVITIES = ("shot", "post-production")
# A production's dated milestones, in the order they normally come: first made public (announced), a
# co-production agreement signed, the cameras rolling, first shown to the public. The first three say when
# a title was initiated; the year it was initiated is what "co-productions initiated since 2020" counts.
MILESTONES = ("announced", "agreement-signed", "shooting-started", "released")
INITIATING_MILESTONES = ("announced", "agreement-signed", "shooting-started")
# How a milestone's date is known: the quote states it, or the source's publication date dates it (a report
# of an announcement or of shooting under way: the milestone happened then or before).
DATED_BY = ("quote", "publication")
EVENT_KINDS = ("festival", "film-week", "market", "pavilion", "forum", "ceremony")
EVENT_STATUSES = ("announced", "held", "cancelled")
PARTNERSHIP_KINDS = ("film-office", "university", "city-cooperation", "network", "festival-partnership")
PARTY_TYPES = ("city", "country", "company", "organisation", "university")
PARTNERSHIP_STATUSES = ("announced", "opened", "signed", "closed")
# Entity ids allowed when entity_type = organisation: the organisations above, plus the whole UNESCO
# Creative Cities Network (all eight creative fields), which has no memberships of its own here but
# is what network-wide totals (408 cities, 58 new in a round) are about; its Film sub-network is
# unesco-creative-cities-film.
ORGANISATION_IDS = (*ORGANISATIONS, "unesco-creative-cities-network")
# What a registry company does, classified from its business scope (etl/registry/activities.toml).
REGISTRY_ACTIVITIES = ("production", "animation", "post-production", "distribution", "cinema", "other")
CURRENCIES = ("CNY", "USD", "HKD", "EUR", "JPY", "GBP")

YEAR_MIN, YEAR_MAX = 1890, 2035
# Longest value a cell may hold, by kind, unless its column declares max_len: a 120,000-character
# name is a paste gone wrong, not a name.
MAX_LEN = {"text": 300, "quote": 400, "url": 2048, "slug": 100, "lang": 35, "date": 10, "iso2": 2}
# The warehouse's bounds: BIGINT for whole numbers; claims.value goes through DECIMAL(38, 9), and a
# value times its scale (8.2 billion) must stay below 10^28 there.
BIGINT_MAX = 2**63 - 1
DECIMAL_LIMIT = 10**28
SCALE_FACTORS = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9}
# Units that count or measure something: a negative value is a typing error, not a fact.
NON_NEGATIVE_UNITS = ("count", "people", "screens", "tickets", "m2", "days", "years")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | slug | int | year | number | date | bool | enum | iso2 | url | lang | quote
    description: str
    required: bool = False
    accepted: tuple[str, ...] = ()
    lo: float | None = None
    hi: float | None = None
    multi: bool = False  # " | " separated values, each checked
    max_len: int | None = None  # characters; None takes the default for its kind (MAX_LEN)
    multiline: bool = False  # may hold line breaks (a quoted CSV field spanning lines); none does yet

    @property
    def length_limit(self) -> int:
        return self.max_len or MAX_LEN.get(self.kind, MAX_LEN["text"])


@dataclass(frozen=True)
class Reference:
    column: str
    table: str  # target table; "@<column>" means the table is named by that column's value
    target_column: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    sourced: bool = True  # has source_id (and quote) columns
    min_rows: int = 1
    extra_checks: tuple[str, ...] = field(default_factory=tuple)
    # Read, validated and loaded by DuckDB (etl/bulk.py) instead of row by row in Python: for tables
    # that hold a registry's worth of rows.
    bulk: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def multiline_columns(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns if c.multiline)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _source_cols(quote_required: bool = True) -> tuple[Column, ...]:
    return (
        Column("source_id", "slug", "The source this row traces to (sources.source_id).", True),
        Column("quote", "quote", "At most 30 words copied verbatim from the source, showing the fact.",
               quote_required),
    )


def _names(prefix: str = "name") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_en", "text", "Name in English.", True, max_len=200),
        Column(f"{prefix}_zh_hans", "text", "Name in Simplified Chinese (简体), where a source gives it.", max_len=200),
        Column(f"{prefix}_zh_hant", "text", "Name in Traditional Chinese (繁體), where a source gives it.", max_len=200),
    )


ALIASES = Column("aliases", "text", "Other spellings used by sources, ' | ' separated.", multi=True, max_len=600)

TABLES: dict[str, Table] = {}


def _add(table: Table) -> None:
    TABLES[table.name] = table


_add(Table(
    "sources",
    "The bibliography: every page a fact in the warehouse was read from.",
    (
        Column("source_id", "slug", "Unique id of the source, prefixed by topic.", True),
        Column("publisher", "text", "Who published the page.", True),
        Column("title", "text", "The page's title as published.", True),
        Column("url", "url", "Address of the page that was read (required, except for a registry export, "
                             "which is a file: kind registry)."),
        Column("published", "date", "Publication date (ISO 8601; year or month alone allowed)."),
        Column("accessed", "date", "Date the page was read (ISO 8601).", True),
        Column("language", "lang", "BCP 47 code of the source's language.", True),
        Column("kind", "enum", "What kind of source it is.", True, SOURCE_KINDS),
    ),
    key=("source_id",),
    sourced=False,
    extra_checks=("url_unless_registry",),
))

_add(Table(
    "countries",
    "Countries and territories with their ISO 3166-1 codes and names in English, 简体 and 繁體.",
    (
        Column("iso2", "iso2", "ISO 3166-1 alpha-2 code.", True),
        Column("iso3", "text", "ISO 3166-1 alpha-3 code.", True),
        *_names(),
        Column("source_id", "slug", "The reference the names come from.", True),
    ),
    key=("iso2",),
    references=(Reference("source_id", "sources"),),
    sourced=False,
))

_add(Table(
    "cities",
    "Cities the dashboard covers, with names in three scripts and their country.",
    (
        Column("city_id", "slug", "Unique id: the English name as a slug.", True),
        *_names(),
        Column("country_iso2", "iso2", "Country (ISO 3166-1 alpha-2).", True),
        ALIASES,
        *_source_cols(quote_required=False),
    ),
    key=("city_id",),
    references=(Reference("country_iso2", "countries"), Reference("source_id", "sources")),
))

_add(Table(
    "places",
    "Places a figure can measure, with their parent: provinces, regions, cities, districts (new areas, towns, "
    "industry zones) and sites (studio bases, creative parks).",
    (
        Column("place_id", "slug", "Unique id; a city's place row has the city's id.", True),
        Column("place_type", "enum", "province, region, city, district or site.", True, PLACE_TYPES),
        *_names(),
        Column("parent_id", "slug", "The place it lies in (places.place_id); empty for a province, whose parent "
                                    "is its country."),
        Column("city_id", "slug", "The city it is or lies in (cities.city_id); empty for a province or region."),
        Column("country_iso2", "iso2", "Country (ISO 3166-1 alpha-2).", True),
        ALIASES,
        *_source_cols(),
    ),
    key=("place_id",),
    references=(
        Reference("parent_id", "places"),
        Reference("city_id", "cities"),
        Reference("country_iso2", "countries"),
        Reference("source_id", "sources"),
    ),
    min_rows=0,
))

_add(Table(
    "city_coordinates",
    "Each city's GeoNames match and coordinates, resolved once by `python -m etl reference`.",
    (
        Column("city_id", "slug", "The city (cities.city_id).", True),
        Column("geonames_id", "int", "GeoNames feature id.", True, lo=1, hi=2**31 - 1),
        Column("geonames_name", "text", "The name GeoNames gives the matched place.", True),
        Column("geonames_name_zh_hans", "text", "A Simplified Chinese name GeoNames lists for the place "
                                                "(script told by OpenCC; see etl/reference.py)."),
        Column("geonames_name_zh_hant", "text", "A Traditional Chinese name GeoNames lists for the place "
                                                "(script told by OpenCC; see etl/reference.py)."),
        Column("lat", "number", "Latitude in decimal degrees (WGS 84).", True, lo=-90, hi=90),
        Column("lon", "number", "Longitude in decimal degrees (WGS 84).", True, lo=-180, hi=180),
        Column("population", "int", "Population as recorded by GeoNames.", lo=0, hi=10**10),
        Column("source_id", "slug", "The gazetteer the match comes from.", True),
    ),
    key=("city_id",),
    references=(Reference("city_id", "cities"), Reference("source_id", "sources")),
    sourced=False,
    min_rows=0,
))

_add(Table(
    "memberships",
    "Membership of cities in the UNESCO Creative Cities Network (Film) and of countries in the SCO.",
    (
        Column("membership_id", "slug", "Unique id.", True),
        Column("organisation", "enum", "The organisation.", True, ORGANISATIONS),
        Column("member_type", "enum", "Whether the member is a city or a country.", True, MEMBER_TYPES),
        Column("member_id", "text", "A city_id or an ISO alpha-2 code.", True),
        Column("status", "enum", "The kind of membership.", True, MEMBER_STATUSES),
        Column("start_date", "date", "Date of designation or accession.", True),
        Column("end_date", "date", "When this status ended, if it did."),
        *_source_cols(),
    ),
    key=("membership_id",),
    references=(Reference("member_id", "@member_type"), Reference("source_id", "sources")),
))

_add(Table(
    "metrics",
    "The metrics claims may use, with their labels in three languages.",
    (
        Column("metric", "slug", "snake_case metric name.", True),
        Column("label_en", "text", "Label in English.", True),
        Column("label_zh_hans", "text", "Label in Simplified Chinese.", True),
        Column("label_zh_hant", "text", "Label in Traditional Chinese.", True),
        Column("description", "text", "What the metric measures.", max_len=600),
        Column("per_year", "bool", "True for annual series (box office by year): sources then agree or "
                                   "disagree only about the same year; otherwise about any date."),
    ),
    key=("metric",),
    sourced=False,
))

_add(Table(
    "claims",
    "Figures as claims: one value stated by one source for one entity at one time.",
    (
        Column("claim_id", "slug", "Unique id.", True),
        Column("entity_type", "enum", "Kind of entity the claim is about.", True, ENTITY_TYPES),
        Column("entity_id", "text", "Id of the entity in its table.", True),
        Column("metric", "slug", "What is measured (metrics.metric).", True),
        Column("value", "number", "The number, where the claim is numeric."),
        Column("value_text", "text", "The claim in words, where it is not a number."),
        Column("unit", "enum", "Unit of the value.", True, UNITS),
        Column("scale", "enum", "Multiplier of the value.", False, SCALES),
        Column("as_of", "date", "Date or year the figure is for.", True),
        Column("qualifier", "enum", "Qualifier the source gives.", False, QUALIFIERS),
        *_source_cols(),
    ),
    key=("claim_id",),
    references=(
        Reference("entity_id", "@entity_type"),
        Reference("metric", "metrics"),
        Reference("source_id", "sources"),
    ),
    extra_checks=("value_or_text", "claim_value"),
))

_add(Table(
    "companies",
    "Film and TV companies, with their city, type and listing.",
    (
        Column("company_id", "slug", "Unique id.", True),
        *_names(),
        Column("city_id", "slug", "Where the company is based (cities.city_id).", True),
        Column("place_id", "slug", "The district, town or park inside that city where the row's source places the "
                                   "company (places.place_id); empty when the source names only the city."),
        Column("type", "enum", "What the company mainly does.", True, COMPANY_TYPES),
        Column("founded_year", "year", "Year founded."),
        Column("listing", "text", "Exchange and ticker where listed (SZSE:300133)."),
        Column("known_for", "text", "What the company is known for, per the source.", max_len=400),
        Column("known_for_zh_hans", "text", "known_for in Simplified Chinese (简体): a translation of the English "
                                            "that adds and drops nothing; names as the data holds them."),
        Column("known_for_zh_hant", "text", "known_for in Traditional Chinese (繁體): a translation of the English "
                                            "that adds and drops nothing; names as the data holds them."),
        ALIASES,
        *_source_cols(),
    ),
    key=("company_id",),
    references=(Reference("city_id", "cities"), Reference("place_id", "places"), Reference("source_id", "sources")),
    extra_checks=("known_for_translations",),
))

_add(Table(
    "studios",
    "Studio bases: where productions are shot.",
    (
        Column("studio_id", "slug", "Unique id.", True),
        *_names(),
        Column("city_id", "slug", "City the studio is in.", True),
        Column("operator_company_id", "slug", "Company operating it (companies.company_id)."),
        Column("opened_date", "date", "Date it opened."),
        Column("status", "enum", "Whether it is open.", True, STUDIO_STATUSES),
        ALIASES,
        *_source_cols(),
    ),
    key=("studio_id",),
    references=(
        Reference("city_id", "cities"),
        Reference("operator_company_id", "companies"),
        Reference("source_id", "sources"),
    ),
))

_add(Table(
    "productions",
    "Films and series: co-productions and productions shot at the studios.",
    (
        Column("production_id", "slug", "Unique id: the English title as a slug.", True),
        *_names("title"),
        Column("title_original", "text", "Original titles (one or more) in their language and script.", multi=True),
        Column("original_language", "lang", "Original languages (one or more), BCP 47.", multi=True),
        Column("format", "enum", "Feature, animation, documentary or series.", True, PRODUCTION_FORMATS),
        Column("status", "enum", "Where the production stands.", True, PRODUCTION_STATUSES),
        Column("year", "year", "The year (see year_meaning).", True),
        Column("year_meaning", "text", "What the year means: announced, shot, released-XX.", True),
        Column("companies", "text", "Production companies named by the source.", multi=True, max_len=600),
        Column("key_people", "text", "Directors and stars named by the source.", multi=True, max_len=600),
        Column("is_coproduction", "bool", "Whether it is an international co-production.", True),
        ALIASES,
        *_source_cols(),
    ),
    key=("production_id",),
    references=(Reference("source_id", "sources"),),
    extra_checks=("year_meaning",),
))

_add(Table(
    "production_countries",
    "Which countries take part in a production.",
    (
        Column("production_id", "slug", "The production.", True),
        Column("country_iso2", "iso2", "A participating country.", True),
        Column("role", "enum", "Its role.", True, COUNTRY_ROLES),
        *_source_cols(),
    ),
    key=("production_id", "country_iso2", "source_id"),
    references=(
        Reference("production_id", "productions"),
        Reference("country_iso2", "countries"),
        Reference("source_id", "sources"),
    ),
))

_add(Table(
    "production_milestones",
    "When a production was announced, its co-production agreement signed, its shooting started and it was first "
    "released, each from a source: one row per production and milestone; a milestone no source dates has no row.",
    (
        Column("production_id", "slug", "The production.", True),
        Column("milestone", "enum", "announced (made public: the earliest report found), agreement-signed (a "
                                    "co-production agreement signed), shooting-started (cameras rolling; for animation, "
                                    "production started) or released (first shown to the public: the earliest premiere "
                                    "or release in cinemas, on air or online that a source dates).", True, MILESTONES),
        Column("date", "date", "When (ISO 8601): YYYY-MM-DD, YYYY-MM or YYYY; its length is its precision (day, "
                               "month or year).", True),
        Column("dated_by", "enum", "quote: the quote states the date; publication: the date is the source's "
                                   "publication date (a report of it: the milestone happened then or before).",
               True, DATED_BY),
        Column("country_iso2", "iso2", "Where, when the source says: for released, the country of the first release."),
        *_source_cols(),
    ),
    key=("production_id", "milestone"),
    references=(
        Reference("production_id", "productions"),
        Reference("country_iso2", "countries"),
        Reference("source_id", "sources"),
    ),
    min_rows=0,
))

_add(Table(
    "production_locations",
    "Where productions were shot: studio and city.",
    (
        Column("production_id", "slug", "The production.", True),
        Column("studio_id", "slug", "The studio, where known."),
        Column("city_id", "slug", "The city.", True),
        Column("activity", "enum", "What was done there.", True, LOCATION_ACTIVITIES),
        Column("year", "year", "Year of the activity, where known."),
        *_source_cols(),
    ),
    key=("production_id", "city_id", "activity", "source_id"),
    references=(
        Reference("production_id", "productions"),
        Reference("studio_id", "studios"),
        Reference("city_id", "cities"),
        Reference("source_id", "sources"),
    ),
    min_rows=0,
))

_add(Table(
    "events",
    "Film weeks, festivals, markets and pavilions.",
    (
        Column("event_id", "slug", "Unique id.", True),
        *_names(),
        Column("kind", "enum", "Kind of event.", True, EVENT_KINDS),
        Column("city_id", "slug", "Where it takes place.", True),
        Column("start_date", "date", "First day.", True),
        Column("end_date", "date", "Last day."),
        Column("edition", "text", "Edition, as the source gives it."),
        Column("organisers", "text", "Organisers named by the source.", multi=True, max_len=600),
        Column("status", "enum", "Announced, held or cancelled.", True, EVENT_STATUSES),
        Column("attendance_text", "text", "Attendance as the source states it."),
        *_source_cols(),
    ),
    key=("event_id",),
    references=(Reference("city_id", "cities"), Reference("source_id", "sources")),
    min_rows=0,
    extra_checks=("ends_after_start",),
))

_add(Table(
    "partnerships",
    "Partnerships between cities, universities and organisations, such as film offices.",
    (
        Column("partnership_id", "slug", "Unique id.", True),
        Column("name_en", "text", "Name in English.", True),
        Column("name_zh_hans", "text", "Name in Simplified Chinese, where sourced."),
        Column("kind", "enum", "Kind of partnership.", True, PARTNERSHIP_KINDS),
        Column("party_a_type", "enum", "Type of the first party.", True, PARTY_TYPES),
        Column("party_a_id", "slug", "Id of the first party.", True),
        Column("party_b_type", "enum", "Type of the second party.", True, PARTY_TYPES),
        Column("party_b_id", "slug", "Id of the second party.", True),
        Column("party_a_name_en", "text", "Name of the first party as the source gives it, when the party "
                                          "has no table of its own (a university, an organisation)."),
        Column("party_b_name_en", "text", "Name of the second party as the source gives it, when the party "
                                          "has no table of its own (a university, an organisation)."),
        Column("status", "enum", "Announced, signed, opened or closed.", True, PARTNERSHIP_STATUSES),
        Column("announced_date", "date", "When it was announced."),
        Column("opened_date", "date", "When it opened or was signed."),
        *_source_cols(),
    ),
    key=("partnership_id",),
    extra_checks=("party_names",),
    references=(
        Reference("party_a_id", "@party_a_type"),
        Reference("party_b_id", "@party_b_type"),
        Reference("source_id", "sources"),
    ),
    min_rows=0,
))

_add(Table(
    "registry_companies",
    "Companies as a business registry export lists them, written by `python -m etl import --kind companies`: "
    "validated, deduplicated against the curated companies, classified by business scope.",
    (
        Column("credit_code", "uscc", "Unified social credit code (统一社会信用代码, GB 32100-2015), check digit verified.",
               True),
        Column("name", "text", "The registry's name, normalised: full-width ASCII forms and brackets folded, "
                               "spaces tidied.", True),
        Column("name_registry", "text", "The name exactly as the registry export gives it.", True),
        Column("legal_representative", "text", "Legal representative (法定代表人) as the registry gives it."),
        Column("founded", "date", "Date of establishment (成立日期), ISO 8601."),
        Column("capital_amount", "number", "Registered capital as stated, in capital_unit.", lo=0),
        Column("capital_unit", "text", "The unit the registry states the capital in (万元, 万美元 ...)."),
        Column("capital_currency", "enum", "Currency of the registered capital (ISO 4217).", accepted=CURRENCIES),
        Column("capital_base", "number", "Registered capital in units of capital_currency "
                                         "(500 万元 becomes 5000000 CNY).", lo=0),
        Column("registration_status", "text", "Registration status (登记状态: 存续, 在业, 注销 ...) as given."),
        Column("province", "text", "Province (所属省份) as given."),
        Column("city", "text", "City (所属城市) as given."),
        Column("district", "text", "District or county (所属区县) as given."),
        Column("city_id", "slug", "The dashboard's city (cities.city_id) the registry's city names, where it has one."),
        Column("company_type", "text", "Type of enterprise (企业类型) as given."),
        Column("business_scope", "text", "Business scope (经营范围) as given: what the company may do."),
        Column("activity", "enum", "What the company does, classified from its business scope by the rules in "
                                   "etl/registry/activities.toml.", True, REGISTRY_ACTIVITIES),
        Column("activity_keyword", "text", "The keyword of the business scope that decided the activity "
                                           "(empty for other)."),
        Column("export_row", "int", "Row of this company in the registry export (as the file shows it).", True, lo=1),
        Column("source_id", "slug", "The registry import this row comes from (sources.source_id).", True),
    ),
    key=("credit_code",),
    references=(Reference("city_id", "cities"), Reference("source_id", "sources")),
    sourced=False,
    min_rows=0,
    bulk=True,
))

# Which table and key column an entity type (or party type, member type) points to.
ENTITY_TABLES = {
    "city": ("cities", "city_id"),
    "country": ("countries", "iso2"),
    "studio": ("studios", "studio_id"),
    "company": ("companies", "company_id"),
    "event": ("events", "event_id"),
    "production": ("productions", "production_id"),
    "place": ("places", "place_id"),
    "organisation": (None, None),  # resolved against ORGANISATION_IDS and free slugs
    "university": (None, None),  # free slug: universities are not a table yet
}

# Load order: a table's references point only to tables earlier in this list.
NAME_PROFILES = ("opencc-s2hk", "opencc-hk2s")

_add(Table(
    "name_conversions",
    "Chinese names in the other script where no source gives one: a conversion, not a source. "
    "Written by `python -m etl scripts` (OpenCC s2hk: Simplified to Traditional, Hong Kong forms; "
    "hk2s: back); the build fills a missing name with it only while the name it was converted from "
    "is unchanged, and records the profile in <column>_origin.",
    (
        Column("table_name", "text", "The table holding the name (a warehouse table).", True),
        Column("row_id", "text", "The row's key in that table.", True),
        Column("column_name", "text", "The column filled: name_zh_hant, title_zh_hans ...", True),
        Column("converted_from", "text", "The name in the other script, as the source gives it.", True),
        Column("converted", "text", "OpenCC's conversion of converted_from.", True),
        Column("profile", "enum", "How it was converted.", True, NAME_PROFILES),
    ),
    key=("table_name", "row_id", "column_name"),
    sourced=False,
    min_rows=0,
))

LOAD_ORDER = (
    "sources", "countries", "cities", "places", "city_coordinates", "metrics", "companies", "studios",
    "productions", "production_countries", "production_milestones", "production_locations", "events", "partnerships",
    "memberships", "claims", "registry_companies", "name_conversions",
)
