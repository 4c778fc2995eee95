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
    zh: str = ""  # the description in Simplified Chinese (Traditional is derived: etl/descriptions.py)

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
    zh: str  # the description in Simplified Chinese, beside the English (etl/descriptions.py)
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
        Column("source_id", "slug", "The source this row traces to (sources.source_id).", True, zh="本行所依据的来源（sources.source_id）。"),
        Column("quote", "quote", "At most 30 words copied verbatim from the source, showing the fact.",
               quote_required, zh="从来源逐字摘录的原文（不超过 30 个词），表明来源确实陈述了该事实。"),
    )


def _names(prefix: str = "name") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_en", "text", "Name in English.", True, max_len=200, zh="英文名称。"),
        Column(f"{prefix}_zh_hans", "text", "Name in Simplified Chinese (简体), where a source gives it.", max_len=200, zh="简体中文名称（如有来源给出）。"),
        Column(f"{prefix}_zh_hant", "text", "Name in Traditional Chinese (繁體), where a source gives it.", max_len=200, zh="繁体中文名称（如有来源给出）。"),
    )


ALIASES = Column("aliases", "text", "Other spellings used by sources, ' | ' separated.", multi=True, max_len=600, zh="来源使用的其他写法，以“ | ”分隔。")

TABLES: dict[str, Table] = {}


def _add(table: Table) -> None:
    TABLES[table.name] = table


_add(Table(
    "sources",
    "The bibliography: every page a fact in the warehouse was read from.",
    "参考文献：本数据库中每一项事实所依据的网页。",
    (
        Column("source_id", "slug", "Unique id of the source, prefixed by topic.", True, zh="来源的唯一标识，以主题为前缀。"),
        Column("publisher", "text", "Who published the page.", True, zh="网页的发布者。"),
        Column("title", "text", "The page's title as published.", True, zh="网页发布时的标题。"),
        Column("url", "url", "Address of the page that was read (required, except for a registry export, "
                             "which is a file: kind registry).", zh="所查阅网页的地址（必填；工商登记导出文件除外，其为文件，类型为 registry）。"),
        Column("published", "date", "Publication date (ISO 8601; year or month alone allowed).", zh="发布日期（ISO 8601；可只写年份或年月）。"),
        Column("accessed", "date", "Date the page was read (ISO 8601).", True, zh="查阅该网页的日期（ISO 8601）。"),
        Column("language", "lang", "BCP 47 code of the source's language.", True, zh="来源语言的 BCP 47 代码。"),
        Column("kind", "enum", "What kind of source it is.", True, SOURCE_KINDS, zh="来源的类型。"),
    ),
    key=("source_id",),
    sourced=False,
    extra_checks=("url_unless_registry",),
))

_add(Table(
    "countries",
    "Countries and territories with their ISO 3166-1 codes and names in English, 简体 and 繁體.",
    "国家和地区，附 ISO 3166-1 代码及英文、简体、繁体名称。",
    (
        Column("iso2", "iso2", "ISO 3166-1 alpha-2 code.", True, zh="ISO 3166-1 二位字母代码。"),
        Column("iso3", "text", "ISO 3166-1 alpha-3 code.", True, zh="ISO 3166-1 三位字母代码。"),
        *_names(),
        Column("source_id", "slug", "The reference the names come from.", True, zh="名称所依据的参考资料。"),
    ),
    key=("iso2",),
    references=(Reference("source_id", "sources"),),
    sourced=False,
))

_add(Table(
    "cities",
    "Cities the dashboard covers, with names in three scripts and their country.",
    "本数据覆盖的城市，附三种文字的名称及所属国家。",
    (
        Column("city_id", "slug", "Unique id: the English name as a slug.", True, zh="唯一标识：英文名称的短名（slug）。"),
        *_names(),
        Column("country_iso2", "iso2", "Country (ISO 3166-1 alpha-2).", True, zh="国家（ISO 3166-1 二位字母代码）。"),
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
    "数据可统计的地方及其上级：省、地区、城市、区（新区、镇、产业园区）和场所（影视基地、文创园区）。",
    (
        Column("place_id", "slug", "Unique id; a city's place row has the city's id.", True, zh="唯一标识；城市的地方记录沿用该城市的标识。"),
        Column("place_type", "enum", "province, region, city, district or site.", True, PLACE_TYPES, zh="province（省）、region（地区）、city（城市）、district（区）或 site（场所）。"),
        *_names(),
        Column("parent_id", "slug", "The place it lies in (places.place_id); empty for a province, whose parent "
                                    "is its country.", zh="其所在的地方（places.place_id）；省为空，省的上级为其所属国家。"),
        Column("city_id", "slug", "The city it is or lies in (cities.city_id); empty for a province or region.", zh="其本身所是或所在的城市（cities.city_id）；省或地区为空。"),
        Column("country_iso2", "iso2", "Country (ISO 3166-1 alpha-2).", True, zh="国家（ISO 3166-1 二位字母代码）。"),
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
    "各城市在 GeoNames 中的匹配结果及坐标，由 `python -m etl reference` 一次性解析。",
    (
        Column("city_id", "slug", "The city (cities.city_id).", True, zh="城市（cities.city_id）。"),
        Column("geonames_id", "int", "GeoNames feature id.", True, lo=1, hi=2**31 - 1, zh="GeoNames 地物标识。"),
        Column("geonames_name", "text", "The name GeoNames gives the matched place.", True, zh="GeoNames 为所匹配地点给出的名称。"),
        Column("geonames_name_zh_hans", "text", "A Simplified Chinese name GeoNames lists for the place "
                                                "(script told by OpenCC; see etl/reference.py).", zh="GeoNames 为该地点列出的简体中文名称（文字由 OpenCC 判定；见 etl/reference.py）。"),
        Column("geonames_name_zh_hant", "text", "A Traditional Chinese name GeoNames lists for the place "
                                                "(script told by OpenCC; see etl/reference.py).", zh="GeoNames 为该地点列出的繁体中文名称（文字由 OpenCC 判定；见 etl/reference.py）。"),
        Column("lat", "number", "Latitude in decimal degrees (WGS 84).", True, lo=-90, hi=90, zh="纬度，十进制度（WGS 84）。"),
        Column("lon", "number", "Longitude in decimal degrees (WGS 84).", True, lo=-180, hi=180, zh="经度，十进制度（WGS 84）。"),
        Column("population", "int", "Population as recorded by GeoNames.", lo=0, hi=10**10, zh="GeoNames 记录的人口。"),
        Column("source_id", "slug", "The gazetteer the match comes from.", True, zh="匹配所依据的地名辞典。"),
    ),
    key=("city_id",),
    references=(Reference("city_id", "cities"), Reference("source_id", "sources")),
    sourced=False,
    min_rows=0,
))

_add(Table(
    "memberships",
    "Membership of cities in the UNESCO Creative Cities Network (Film) and of countries in the SCO.",
    "城市加入联合国教科文组织创意城市网络（电影）及国家加入上海合作组织（上合组织）的成员资格记录。",
    (
        Column("membership_id", "slug", "Unique id.", True, zh="唯一标识。"),
        Column("organisation", "enum", "The organisation.", True, ORGANISATIONS, zh="所属组织。"),
        Column("member_type", "enum", "Whether the member is a city or a country.", True, MEMBER_TYPES, zh="成员是城市还是国家。"),
        Column("member_id", "text", "A city_id or an ISO alpha-2 code.", True, zh="city_id 或 ISO 二位字母代码。"),
        Column("status", "enum", "The kind of membership.", True, MEMBER_STATUSES, zh="成员资格的类别。"),
        Column("start_date", "date", "Date of designation or accession.", True, zh="获评或加入的日期。"),
        Column("end_date", "date", "When this status ended, if it did.", zh="该身份终止的日期（如已终止）。"),
        *_source_cols(),
    ),
    key=("membership_id",),
    references=(Reference("member_id", "@member_type"), Reference("source_id", "sources")),
))

_add(Table(
    "metrics",
    "The metrics claims may use, with their labels in three languages.",
    "说法可使用的指标，附三种语言的标签。",
    (
        Column("metric", "slug", "snake_case metric name.", True, zh="snake_case 格式的指标名称。"),
        Column("label_en", "text", "Label in English.", True, zh="英文标签。"),
        Column("label_zh_hans", "text", "Label in Simplified Chinese.", True, zh="简体中文标签。"),
        Column("label_zh_hant", "text", "Label in Traditional Chinese.", True, zh="繁体中文标签。"),
        Column("description", "text", "What the metric measures.", max_len=600, zh="该指标衡量的内容。"),
        Column("per_year", "bool", "True for annual series (box office by year): sources then agree or "
                                   "disagree only about the same year; otherwise about any date.", zh="年度序列（如逐年票房）为 True：此时只比较同一年份的来源是否一致；否则比较任何日期的说法。"),
    ),
    key=("metric",),
    sourced=False,
))

_add(Table(
    "claims",
    "Figures as claims: one value stated by one source for one entity at one time.",
    "以说法形式记录的数字：某一来源在某一时间就某一实体给出的一个数值。",
    (
        Column("claim_id", "slug", "Unique id.", True, zh="唯一标识。"),
        Column("entity_type", "enum", "Kind of entity the claim is about.", True, ENTITY_TYPES, zh="说法所涉及的实体类别。"),
        Column("entity_id", "text", "Id of the entity in its table.", True, zh="该实体在其所属表中的标识。"),
        Column("metric", "slug", "What is measured (metrics.metric).", True, zh="所衡量的内容（metrics.metric）。"),
        Column("value", "number", "The number, where the claim is numeric.", zh="数值（说法为数字时）。"),
        Column("value_text", "text", "The claim in words, where it is not a number.", zh="以文字表述的说法（不是数字时）。"),
        Column("unit", "enum", "Unit of the value.", True, UNITS, zh="数值的单位。"),
        Column("scale", "enum", "Multiplier of the value.", False, SCALES, zh="数值的倍数（千、百万、十亿）。"),
        Column("as_of", "date", "Date or year the figure is for.", True, zh="该数字所对应的日期或年份。"),
        Column("qualifier", "enum", "Qualifier the source gives.", False, QUALIFIERS, zh="来源给出的限定词（如“超过”“约”）。"),
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
    "影视企业，附所在城市、类型及上市情况。",
    (
        Column("company_id", "slug", "Unique id.", True, zh="唯一标识。"),
        *_names(),
        Column("city_id", "slug", "Where the company is based (cities.city_id).", True, zh="企业所在城市（cities.city_id）。"),
        Column("place_id", "slug", "The district, town or park inside that city where the row's source places the "
                                   "company (places.place_id); empty when the source names only the city.",
               zh="来源所述该企业所在的区、镇或园区（places.place_id），位于其城市之内；来源只给出城市时为空。"),
        Column("type", "enum", "What the company mainly does.", True, COMPANY_TYPES, zh="企业的主营业务。"),
        Column("founded_year", "year", "Year founded.", zh="成立年份。"),
        Column("listing", "text", "Exchange and ticker where listed (SZSE:300133).", zh="上市交易所及股票代码（如 SZSE:300133）。"),
        Column("known_for", "text", "What the company is known for, per the source.", max_len=400, zh="据来源所述，该企业的知名之处。"),
        Column("known_for_zh_hans", "text", "known_for in Simplified Chinese (简体): a translation of the English "
                                            "that adds and drops nothing; names as the data holds them.", zh="known_for 的简体中文：英文原文的译文，不增不减；名称与数据中一致。"),
        Column("known_for_zh_hant", "text", "known_for in Traditional Chinese (繁體): a translation of the English "
                                            "that adds and drops nothing; names as the data holds them.", zh="known_for 的繁体中文：英文原文的译文，不增不减；名称与数据中一致。"),
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
    "影视基地：拍摄作品的地方。",
    (
        Column("studio_id", "slug", "Unique id.", True, zh="唯一标识。"),
        *_names(),
        Column("city_id", "slug", "City the studio is in.", True, zh="影视基地所在城市。"),
        Column("operator_company_id", "slug", "Company operating it (companies.company_id).", zh="运营该基地的企业（companies.company_id）。"),
        Column("opened_date", "date", "Date it opened.", zh="开业日期。"),
        Column("status", "enum", "Whether it is open.", True, STUDIO_STATUSES, zh="是否已开业。"),
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
    "电影和剧集：合拍片以及在影视基地拍摄的作品。",
    (
        Column("production_id", "slug", "Unique id: the English title as a slug.", True, zh="唯一标识：英文片名的短名（slug）。"),
        *_names("title"),
        Column("title_original", "text", "Original titles (one or more) in their language and script.", multi=True, zh="原语言、原文字的片名（一个或多个）。"),
        Column("original_language", "lang", "Original languages (one or more), BCP 47.", multi=True, zh="原始语言（一个或多个），BCP 47 代码。"),
        Column("format", "enum", "Feature, animation, documentary or series.", True, PRODUCTION_FORMATS, zh="故事片、动画片、纪录片或剧集。"),
        Column("status", "enum", "Where the production stands.", True, PRODUCTION_STATUSES, zh="作品所处阶段。"),
        Column("year", "year", "The year (see year_meaning).", True, zh="年份（含义见 year_meaning）。"),
        Column("year_meaning", "text", "What the year means: announced, shot, released-XX.", True, zh="年份的含义：announced（宣布）、shot（拍摄）、released-XX（在 XX 国上映）。"),
        Column("companies", "text", "Production companies named by the source.", multi=True, max_len=600, zh="来源提及的出品公司。"),
        Column("key_people", "text", "Directors and stars named by the source.", multi=True, max_len=600, zh="来源提及的导演和主演。"),
        Column("is_coproduction", "bool", "Whether it is an international co-production.", True, zh="是否为国际合拍片。"),
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
    "参与某部作品的国家。",
    (
        Column("production_id", "slug", "The production.", True, zh="作品。"),
        Column("country_iso2", "iso2", "A participating country.", True, zh="参与国家。"),
        Column("role", "enum", "Its role.", True, COUNTRY_ROLES, zh="其角色。"),
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
    "作品的宣布、合拍协议签署、开机及首次上映时间，均有来源：每部作品每个节点一行；没有来源给出日期的节点不设行。",
    (
        Column("production_id", "slug", "The production.", True, zh="作品。"),
        Column("milestone", "enum", "announced (made public: the earliest report found), agreement-signed (a "
                                    "co-production agreement signed), shooting-started (cameras rolling; for animation, "
                                    "production started) or released (first shown to the public: the earliest premiere "
                                    "or release in cinemas, on air or online that a source dates).", True, MILESTONES,
               zh="announced（公开宣布：所见最早的报道）、agreement-signed（签署合拍协议）、shooting-started（开机；"
                  "动画片为开始制作）或 released（首次与公众见面：来源所载最早的院线、电视或网络首映或上映）。"),
        Column("date", "date", "When (ISO 8601): YYYY-MM-DD, YYYY-MM or YYYY; its length is its precision (day, "
                               "month or year).", True,
               zh="日期（ISO 8601）：YYYY-MM-DD、YYYY-MM 或 YYYY；其长度即其精度（日、月或年）。"),
        Column("dated_by", "enum", "quote: the quote states the date; publication: the date is the source's "
                                   "publication date (a report of it: the milestone happened then or before).",
               True, DATED_BY,
               zh="quote：引文写明了日期；publication：日期为来源的发布日期（对该事的报道：该节点发生于当日或之前）。"),
        Column("country_iso2", "iso2", "Where, when the source says: for released, the country of the first release.",
               zh="地点（如来源写明）：对 released 而言，为首次上映的国家。"),
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
    "作品的拍摄地：影视基地和城市。",
    (
        Column("production_id", "slug", "The production.", True, zh="作品。"),
        Column("studio_id", "slug", "The studio, where known.", zh="影视基地（如已知）。"),
        Column("city_id", "slug", "The city.", True, zh="城市。"),
        Column("activity", "enum", "What was done there.", True, LOCATION_ACTIVITIES, zh="在该地进行的工作。"),
        Column("year", "year", "Year of the activity, where known.", zh="该工作的年份（如已知）。"),
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
    "电影周、电影节、市场展和展馆。",
    (
        Column("event_id", "slug", "Unique id.", True, zh="唯一标识。"),
        *_names(),
        Column("kind", "enum", "Kind of event.", True, EVENT_KINDS, zh="活动类型。"),
        Column("city_id", "slug", "Where it takes place.", True, zh="举办地。"),
        Column("start_date", "date", "First day.", True, zh="首日。"),
        Column("end_date", "date", "Last day.", zh="末日。"),
        Column("edition", "text", "Edition, as the source gives it.", zh="届次，按来源所述。"),
        Column("organisers", "text", "Organisers named by the source.", multi=True, max_len=600, zh="来源提及的主办方。"),
        Column("status", "enum", "Announced, held or cancelled.", True, EVENT_STATUSES, zh="已宣布、已举办或已取消。"),
        Column("attendance_text", "text", "Attendance as the source states it.", zh="来源所述的参加人数。"),
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
    "城市、大学和机构之间的合作，例如电影办事处。",
    (
        Column("partnership_id", "slug", "Unique id.", True, zh="唯一标识。"),
        Column("name_en", "text", "Name in English.", True, zh="英文名称。"),
        Column("name_zh_hans", "text", "Name in Simplified Chinese, where sourced.", zh="简体中文名称（如有来源）。"),
        Column("kind", "enum", "Kind of partnership.", True, PARTNERSHIP_KINDS, zh="合作类型。"),
        Column("party_a_type", "enum", "Type of the first party.", True, PARTY_TYPES, zh="第一方的类型。"),
        Column("party_a_id", "slug", "Id of the first party.", True, zh="第一方的标识。"),
        Column("party_b_type", "enum", "Type of the second party.", True, PARTY_TYPES, zh="第二方的类型。"),
        Column("party_b_id", "slug", "Id of the second party.", True, zh="第二方的标识。"),
        Column("party_a_name_en", "text", "Name of the first party as the source gives it, when the party "
                                          "has no table of its own (a university, an organisation).", zh="第一方在来源中的名称，用于本库未单独建表的一方（大学、机构）。"),
        Column("party_b_name_en", "text", "Name of the second party as the source gives it, when the party "
                                          "has no table of its own (a university, an organisation).", zh="第二方在来源中的名称，用于本库未单独建表的一方（大学、机构）。"),
        Column("status", "enum", "Announced, signed, opened or closed.", True, PARTNERSHIP_STATUSES, zh="已宣布、已签署、已启用或已关闭。"),
        Column("announced_date", "date", "When it was announced.", zh="宣布日期。"),
        Column("opened_date", "date", "When it opened or was signed.", zh="启用或签署日期。"),
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
    "工商登记导出文件中列出的企业，由 `python -m etl import --kind companies` 写入：经过校验、与人工整理的企业去重，并按经营范围分类。",
    (
        Column("credit_code", "uscc", "Unified social credit code (统一社会信用代码, GB 32100-2015), check digit verified.",
               True, zh="统一社会信用代码（GB 32100-2015），已核验校验码。"),
        Column("name", "text", "The registry's name, normalised: full-width ASCII forms and brackets folded, "
                               "spaces tidied.", True, zh="登记名称（已规范化）：全角 ASCII 字符和括号转为半角，空格已整理。"),
        Column("name_registry", "text", "The name exactly as the registry export gives it.", True, zh="工商登记导出文件中原样的名称。"),
        Column("legal_representative", "text", "Legal representative (法定代表人) as the registry gives it.", zh="法定代表人，按登记所载。"),
        Column("founded", "date", "Date of establishment (成立日期), ISO 8601.", zh="成立日期，ISO 8601。"),
        Column("capital_amount", "number", "Registered capital as stated, in capital_unit.", lo=0, zh="所载注册资本，单位见 capital_unit。"),
        Column("capital_unit", "text", "The unit the registry states the capital in (万元, 万美元 ...).", zh="登记所载注册资本的单位（万元、万美元等）。"),
        Column("capital_currency", "enum", "Currency of the registered capital (ISO 4217).", accepted=CURRENCIES, zh="注册资本的币种（ISO 4217）。"),
        Column("capital_base", "number", "Registered capital in units of capital_currency "
                                         "(500 万元 becomes 5000000 CNY).", lo=0, zh="以 capital_currency 为单位的注册资本（500 万元即 5000000 CNY）。"),
        Column("registration_status", "text", "Registration status (登记状态: 存续, 在业, 注销 ...) as given.", zh="登记状态（存续、在业、注销等），按原文。"),
        Column("province", "text", "Province (所属省份) as given.", zh="所属省份，按原文。"),
        Column("city", "text", "City (所属城市) as given.", zh="所属城市，按原文。"),
        Column("district", "text", "District or county (所属区县) as given.", zh="所属区县，按原文。"),
        Column("city_id", "slug", "The dashboard's city (cities.city_id) the registry's city names, where it has one.", zh="登记城市对应的本数据城市（cities.city_id），如有。"),
        Column("company_type", "text", "Type of enterprise (企业类型) as given.", zh="企业类型，按原文。"),
        Column("business_scope", "text", "Business scope (经营范围) as given: what the company may do.", zh="经营范围，按原文：企业可从事的业务。"),
        Column("activity", "enum", "What the company does, classified from its business scope by the rules in "
                                   "etl/registry/activities.toml.", True, REGISTRY_ACTIVITIES, zh="企业的业务类别，依 etl/registry/activities.toml 中的规则由经营范围分类得出。"),
        Column("activity_keyword", "text", "The keyword of the business scope that decided the activity "
                                           "(empty for other).", zh="决定该业务类别的经营范围关键词（other 类为空）。"),
        Column("export_row", "int", "Row of this company in the registry export (as the file shows it).", True, lo=1, zh="该企业在工商登记导出文件中的行号（按文件所示）。"),
        Column("source_id", "slug", "The registry import this row comes from (sources.source_id).", True, zh="本行所来自的工商登记导入（sources.source_id）。"),
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
    "无来源给出时另一种中文文字的名称：是转换结果，不是来源。由 `python -m etl scripts` 写入（OpenCC s2hk：简体转繁体，香港用字；hk2s：反向）；仅当转换所依据的名称未变时，构建才用它补全缺失的名称，并在 <column>_origin 中记录转换配置。",
    (
        Column("table_name", "text", "The table holding the name (a warehouse table).", True, zh="存放该名称的表（本数据库中的表）。"),
        Column("row_id", "text", "The row's key in that table.", True, zh="该行在该表中的键。"),
        Column("column_name", "text", "The column filled: name_zh_hant, title_zh_hans ...", True, zh="所补全的列：name_zh_hant、title_zh_hans 等。"),
        Column("converted_from", "text", "The name in the other script, as the source gives it.", True, zh="来源给出的另一种文字的名称。"),
        Column("converted", "text", "OpenCC's conversion of converted_from.", True, zh="OpenCC 对 converted_from 的转换结果。"),
        Column("profile", "enum", "How it was converted.", True, NAME_PROFILES, zh="转换方式。"),
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
