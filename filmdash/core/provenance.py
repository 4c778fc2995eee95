"""Where a company count comes from: curated sources (hand-curated rows, each with its source and quote) or a
registry import (rows of a business registry export, brought in by `python -m etl import`), with the export's
date. One wording for every page that shows company counts (Companies, Overview, Cities)."""

from __future__ import annotations

from filmdash.core.i18n import language, t


def _count(n) -> str:
    return f"{int(n):,}"  # an exact count: never rounded to 万 or m


def _date(as_of, lang: str) -> str:
    return as_of if isinstance(as_of, str) and as_of else t("undated", lang)


def cell(provenance: str, as_of, lang: str | None = None) -> str:
    """One company's provenance: 'curated source' or 'registry import (2026-12-01)'."""
    lang = lang or language()
    if provenance == "registry":
        return t("provenance_registry", lang, as_of=_date(as_of, lang))
    return t("provenance_curated", lang)


def line(curated, registry, registry_as_of, lang: str | None = None) -> str:
    """'All 35 from curated sources; no registry import.' or '35 from curated sources, 96,970 from registry
    imports (latest export 2026-12-01).'"""
    lang = lang or language()
    if not registry:
        return t("provenance_curated_only", lang, curated=_count(curated))
    return t("provenance_both", lang, curated=_count(curated), registry=_count(registry),
             as_of=_date(registry_as_of, lang))


def short(curated, registry, registry_as_of, lang: str | None = None) -> str:
    """The same in a table cell: '35 curated' or '35 curated, 96,970 registry import (2026-12-01)'."""
    lang = lang or language()
    if not registry:
        return t("provenance_short_curated", lang, curated=_count(curated))
    return t("provenance_short_both", lang, curated=_count(curated), registry=_count(registry),
             as_of=_date(registry_as_of, lang))
