"""The Companies page on the shipped warehouse: every language, facets with counts from SQL, search,
URL state, the profile and the documented-against-reported figure."""

from __future__ import annotations

import pytest

from tests.pages.test_page_cities import again, open_page, sql, table_with, widget


def open_companies(**query):
    return open_page("companies", **query)


def companies_table(at):
    return table_with(at, "Known for")


@pytest.mark.parametrize("lang, title, reported", [
    ("en", "Film companies explorer", "more than 700"),
    ("zh-Hans", "影视公司浏览", "超过700"),
    ("zh-Hant", "影視公司瀏覽", "超過700"),
])
def test_renders_in_every_language_with_hangzhou_reported_and_documented(lang, title, reported):
    at = open_companies(lang=lang)
    assert at.title[0].value == title
    # companies only: the film offices, associations and schools listed beside them are not counted
    documented = sql("SELECT count(*) FROM companies WHERE city_id = 'hangzhou' "
                     "AND type NOT IN ('agency', 'education')")[0][0]
    assert [m.value for m in at.metric] == [reported, str(documented)]
    total = sql("SELECT count(*) FROM companies")[0][0]
    assert len(table_with(at, {"en": "Company", "zh-Hans": "公司", "zh-Hant": "公司"}[lang])) == total


def test_hangzhou_claim_and_both_sources():
    at = open_companies()
    value, qualifier, source = sql("SELECT value, qualifier, source_id FROM claims WHERE entity_type = 'city' "
                                   "AND entity_id = 'hangzhou' AND metric = 'film_companies' ORDER BY claim_id")[0]
    assert (value, qualifier) == (700, "more-than")
    labels = [p.proto.popover.label for p in at.get("popover")]
    n_documented = sql("SELECT count(DISTINCT source_id) FROM companies WHERE city_id = 'hangzhou'")[0][0]
    # first the sources of the counts for places inside Hangzhou (a district, a town, parks), then the city's
    n_places = sql("SELECT count(DISTINCT c.source_id) FROM claims c JOIN place_cities pc ON pc.place_id = c.entity_id "
                   "AND pc.city_id = 'hangzhou' AND pc.relation <> 'is' WHERE c.entity_type = 'place' "
                   "AND c.metric IN ('film_companies', 'resident_companies') AND c.value IS NOT NULL")[0][0]
    assert n_places == 4
    assert labels[:3] == [f"Sources ({n_places})", "Sources (1)", f"Sources ({n_documented})"]
    texts = "\n".join(m.value for m in at.markdown)
    assert source == "seed-003" and "variety.com" in texts


HUACE_KNOWN_FOR = {
    "en": "TV drama and film production and distribution; first Chinese listed company with TV drama as main "
          "business (2010)",
    "zh-Hans": "电视剧和电影的制作与发行；首家以电视剧为主营业务的中国上市公司（2010年）",
    "zh-Hant": "電視劇和電影的製作與發行；首家以電視劇為主營業務的中國上市公司（2010年）",
}


@pytest.mark.parametrize("lang, column", [("en", "Known for"), ("zh-Hans", "代表业务"), ("zh-Hant", "代表業務")])
def test_known_for_in_the_readers_script(lang, column):
    at = open_companies(lang=lang)
    table = table_with(at, column).set_index("company_id")[column]
    assert table["huace-group"] == HUACE_KNOWN_FOR[lang]
    assert table["hangzhou-time-coordinate"] == {"en": "Post-production on the film Assassin in Red (刺杀小说家)",
                                                 "zh-Hans": "电影《刺杀小说家》的后期制作",
                                                 "zh-Hant": "電影《刺杀小说家》的後期製作"}[lang]
    # every company shows the description of its reader's script (the shipped data translates all of them)
    source = {"en": "known_for", "zh-Hans": "known_for_zh_hans", "zh-Hant": "known_for_zh_hant"}[lang]
    assert table.to_dict() == dict(sql(f"SELECT company_id, {source} FROM companies"))


def test_search_finds_a_company_by_its_chinese_description():
    at = open_companies(lang="zh-Hant", q="後期製作")
    assert table_with(at, "代表業務")["company_id"].tolist() == ["hangzhou-time-coordinate"]


def test_facet_counts_follow_the_other_filters():
    at = open_companies(city="qingdao")
    assert widget(at, "multiselect", "url_city").value == ["qingdao"]
    expected = dict(sql("SELECT type, count(*) FROM companies WHERE city_id = 'qingdao' GROUP BY type"))
    type_box = widget(at, "multiselect", "url_type")
    shown = {}
    for label in type_box.options:
        name, n = label.rsplit(" (", 1)
        shown[name] = int(n.rstrip(")"))
    assert sum(shown.values()) == sum(expected.values())
    assert shown["Studio operator"] == expected.get("studio-operator", 0)
    assert shown["Production"] == expected.get("production", 0)
    # the city facet counts every city (its own filter does not narrow it)
    cities = dict(sql("SELECT city_id, count(*) FROM companies GROUP BY city_id"))
    assert f"Hangzhou ({cities['hangzhou']})" in widget(at, "multiselect", "url_city").options
    assert len(companies_table(at)) == cities["qingdao"]


def test_choosing_a_type_filters_the_table_and_writes_the_url():
    at = open_companies()
    widget(at, "multiselect", "url_type").set_value(["animation"])
    at = again(at)
    assert at.query_params["type"] in ("animation", ["animation"])
    n = sql("SELECT count(*) FROM companies WHERE type = 'animation'")[0][0]
    table = companies_table(at)
    assert len(table) == n and set(table["Type"]) == {"Animation"}


@pytest.mark.parametrize("q", ["华策", "HUACE", "huace film"])
def test_search_in_english_and_chinese_case_insensitive(q):
    at = open_companies(q=q)
    assert widget(at, "text_input", "url_q").value == q
    expected = sql(f"SELECT name_en FROM companies WHERE contains(lower(name_en || ' ' || coalesce(name_zh_hans, '') "
                   f"|| ' ' || coalesce(aliases, '') || ' ' || coalesce(known_for, '') || ' ' || "
                   f"coalesce(known_for_zh_hans, '') || ' ' || coalesce(known_for_zh_hant, '')), lower('{q}')) "
                   "ORDER BY name_en")
    assert companies_table(at)["Company"].tolist() == [r[0] for r in expected]
    assert "Zhejiang Huace Film & TV" in companies_table(at)["Company"].tolist()


def test_listed_and_decade_facets():
    at = open_companies(listed="listed", by="decade", companies_chart_view="table")
    listed = sql("SELECT count(*) FROM companies WHERE coalesce(listing, '') <> ''")[0][0]
    assert len(companies_table(at)) == listed
    chart = table_with(at, "Companies documented")
    assert chart["Companies documented"].sum() == listed
    # one bar per founding decade in time order, and 'year not given' last for the companies without one
    decades = sql("""SELECT coalesce(CAST(decade AS VARCHAR) || 's', 'year not given'), count(*) FROM (
                         SELECT founded_year // 10 * 10 AS decade FROM companies WHERE coalesce(listing, '') <> '')
                     GROUP BY decade ORDER BY decade NULLS LAST""")
    assert list(zip(chart["Founded"], chart["Companies documented"])) == decades


def test_profile_from_the_url():
    at = open_companies(company="huace-group", lang="zh-Hant")
    assert widget(at, "selectbox", "url_company").value == "huace-group"
    name_hant, origin, founded, listing = sql("SELECT name_zh_hant, name_zh_hant_origin, founded_year, listing "
                                              "FROM companies WHERE company_id = 'huace-group'")[0]
    texts = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    # no Traditional name sourced: OpenCC's (s2hk), recorded as a conversion in the warehouse
    assert (name_hant, origin) == ("浙江華策影視股份有限公司", "opencc-s2hk")
    assert f"### {name_hant}" in texts
    assert f"**成立年份**: {founded}" in texts and f"**上市代碼**: {listing}" in texts
    assert f"**代表業務**: {HUACE_KNOWN_FOR['zh-Hant']}" in texts


@pytest.mark.parametrize("company, lang, line", [
    ("zhuiguang-pictures", "zh-Hans", "**区、镇或园区**: 艺创小镇"),
    ("zhejiang-oscar-cinema", "en", "**District, town or park**: Xiacheng District"),
    ("huace-group", "zh-Hant", "**區、鎮或園區**: 無數據"),
])
def test_profile_names_the_place_its_source_gives(company, lang, line):
    # the place is the row's own: 追光影业 in Yichuang Town (Xinhua Zhejiang), a cinema at its Xiacheng address
    # (ehangzhou.gov.cn); Huace's source gives the city only
    assert sql(f"SELECT place_id FROM companies WHERE company_id = '{company}'")[0][0] == {
        "zhuiguang-pictures": "yichuang-town", "zhejiang-oscar-cinema": "hangzhou-xiacheng", "huace-group": None}[company]
    at = open_companies(company=company, lang=lang)
    assert line in "\n".join(m.value.replace("\\", "") for m in at.markdown)


def test_hangzhou_places_counts_are_their_own():
    at = open_companies(city="hangzhou")
    caption = "\n".join(c.value.replace("\\", "") for c in at.caption)
    # the district's, the town's and the parks' counts, each under its own name, never the city's 700
    assert "Shangcheng District: 50 (2020, " in caption and "艺创小镇: about 20 (Aug 2019, " in caption
    assert "浙江数字文化国际合作区: more than 30 (Sept 2021, " in caption
    assert "杭州数字娱乐产业园: 20 (22 Mar 2005, " in caption


def test_hangzhou_companies_that_are_companies_counted_twice_independently():
    # issue 17: at least 80 Hangzhou film, TV and animation companies that are companies (agencies,
    # associations and universities are not); counted from the curated CSVs with the csv module and from
    # the shipped warehouse, which must agree. Cinemas (type exhibition) are counted apart as well.
    import csv
    from pathlib import Path

    rows = [r for f in sorted((Path(__file__).resolve().parents[2] / "data" / "raw" / "companies").glob("*.csv"))
            for r in csv.DictReader(f.open(encoding="utf-8"))]
    hangzhou = [r for r in rows if r["city_id"] == "hangzhou" and r["type"] not in ("agency", "education")]
    cinemas = [r for r in hangzhou if r["type"] == "exhibition"]
    assert (len(hangzhou), len(cinemas), len(hangzhou) - len(cinemas)) == (80, 22, 58)
    assert sql("SELECT count(*), count(*) FILTER (WHERE type = 'exhibition') FROM companies "
               "WHERE city_id = 'hangzhou' AND type NOT IN ('agency', 'education')")[0] == (80, 22)
    # and that is what the documented-against-reported comparison counts against "more than 700", not the
    # agencies and schools beside them (rows of the warehouse, but organisations of another type)
    assert sql("SELECT documented, reported FROM documented_vs_reported "
               "WHERE measure = 'film_companies' AND entity_id = 'hangzhou'")[0] == (80, 700)
    assert sql("SELECT count(*) FROM companies WHERE city_id = 'hangzhou'")[0][0] == 90
    # every place a company is given lies in Hangzhou (the build refuses anything else)
    assert sql("SELECT count(*) FROM companies c JOIN places p USING (place_id) "
               "WHERE c.city_id = 'hangzhou' AND p.city_id = 'hangzhou'")[0][0] == sum(1 for r in rows if r["place_id"])
