"""Data: the researchers' desk. Explore any published table (facets, search, sort, pages), download
exactly what was asked for with its sources, cite it, query it with read-only SQL, take the release."""

import streamlit as st

from filmdash.core import db, explore, package, sqlbox, ui
from filmdash.core.i18n import language, set_language, t
from filmdash.core.params import parse_choice
from filmdash.views import data

ui.warehouse_or_stop()
lang = language()
warehouse = str(db.current_warehouse())
st.title(t("data_title"))
st.markdown(t("data_intro"))
tab = ui.section_switch("tab", data.TABS, lang)
base_url = getattr(st.context, "url", None) or "/data"


def download_row(key: str, build, stem: str, scopes: list[tuple[str, int]], fmt: str) -> None:
    """One button per scope, its row count on it; the file is built when clicked."""
    with st.container(horizontal=True):
        for scope, n in scopes:
            ui.file_download(data.scope_label(scope, fmt, n), lambda s=scope: build(s, fmt),
                             f"{stem(scope)}.{fmt}", package.MIME[fmt], key=f"{key}_{scope}_{fmt}")


# 0. the explorer: table, search, facets, sort and page, all in the URL -------------------------------
def selection() -> tuple[dict, explore.Selection, list[str], list[str]]:
    """The catalogue, the URL's selection, what in the URL was ignored, and the table's facets."""
    tables = data.tables(warehouse)
    sel, ignored = data.read_selection(ui.query_all(), tables)
    return tables, sel, ignored, data.facet_columns(warehouse, sel.table)


def changed(sel: explore.Selection, facet_cols: list[str], new_table: bool = False, keep_page: bool = False) -> None:
    """A control changed: the URL follows the widgets (table, facets, search, sort, size, page).
    Only sel's table and its filters on columns without a facet are read: neither changes in a
    rerun of the rows alone, so a callback made in an earlier run reads them right."""
    state = st.session_state
    if new_table:
        new = explore.Selection(state["data_table"])
    else:
        kept = {c: v for c, v in sel.filters if c not in facet_cols}
        picked = {c: tuple(state.get(f"data_f_{c}") or ()) for c in facet_cols}
        filters = tuple(sorted((c, v) for c, v in {**kept, **picked}.items() if v))
        raw_sort = state["data_sort"] or ""
        new = explore.Selection(sel.table, filters, (state["data_q"] or "").strip(), raw_sort.lstrip("-") or None,
                                raw_sort.startswith("-"), int(state["data_page"]) if keep_page else 1,
                                int(state["data_size"]))
    ui.replace_query(data.url_params(new))
    if not new_table:
        st.session_state["data_signature"] = tuple(data.url_params(new))


def browse() -> None:
    tables, sel, ignored, facet_cols = selection()
    table = tables[sel.table]
    for name, raw in ignored:
        ui.ignored(name, raw)
    signature = tuple(data.url_params(sel))
    if st.session_state.get("data_signature") != signature:  # the URL changed: the widgets follow it
        st.session_state.update({
            "data_table": sel.table, "data_q": sel.q, "data_sort": ("-" if sel.desc else "") + (sel.sort or ""),
            "data_size": sel.page_size, "data_page": sel.page,
            **{f"data_f_{c}": list(sel.filter_dict().get(c, [])) for c in facet_cols}})
        st.session_state["data_signature"] = signature
    args = (sel, facet_cols)

    with st.container(border=True):
        left, right = st.columns([2, 3])
        left.selectbox(t("data_table_label"), sorted(tables), key="data_table", on_change=changed, args=args,
                       kwargs={"new_table": True}, format_func=lambda n: data.table_label(tables[n], lang))
        right.text_input(t("data_search_label"), key="data_q", on_change=changed, args=args,
                         placeholder=t("data_search_placeholder"))
        st.markdown(f"**{ui.md_escape(table.comment or t('data_no_description'))}**")
        with st.expander(t("data_columns_title", n=len(table.columns))):
            st.dataframe(data.columns_table(table, lang), hide_index=True, width="stretch")
        facets = data.matches(warehouse, sel).facets
        if facet_cols:
            for col, box in zip(facet_cols, st.columns(len(facet_cols))):
                counts = dict(facets.get(col, []))
                options = [v for v, _ in facets.get(col, [])]
                options += [v for v in st.session_state.get(f"data_f_{col}", []) if v not in counts]
                box.multiselect(col, options, key=f"data_f_{col}", on_change=changed, args=args,
                                format_func=lambda v, c=counts: data.facet_label(v, c.get(v, 0), lang),
                                placeholder=t("data_facet_any"), help=ui.md_escape(table.column(col).comment) or None)
        others = [(c, v) for c, v in sel.filters if c not in facet_cols]
        if others:
            st.caption(t("data_other_filters", filters=ui.md_escape("; ".join(f"{c} = {' | '.join(v)}"
                                                                             for c, v in others))))
    rows_and_downloads(lang, warehouse, base_url)


@st.fragment
def rows_and_downloads(lang: str, warehouse: str, base_url: str) -> None:
    """Sections 1 and 2, a fragment: a page turn, a sort or a page size changes neither the matching
    rows' count nor the facets, so it reruns only this part (a fragment rerun runs without app.py:
    it sets the page's language itself, and reads the selection from the URL the change wrote)."""
    set_language(lang)
    tables, sel, _, facet_cols = selection()
    table = tables[sel.table]
    total = data.matches(warehouse, sel).total
    shown = data.page_rows(warehouse, sel).rows
    args = (sel, facet_cols)

    def turn(step: int, pages: int) -> None:
        st.session_state["data_page"] = min(max(1, min(sel.page, pages) + step), pages)
        changed(sel, facet_cols, keep_page=True)

    # 1. the rows, with their sources beside them
    with st.container(border=True):
        st.header(t("data_rows_title", table=sel.table))
        st.caption(data.range_text(sel, len(shown), total, lang))
        config = {c.name: st.column_config.Column(help=ui.md_escape(c.comment)) for c in table.columns if c.comment}
        config["source_url"] = st.column_config.LinkColumn(help=t("data_source_url_help"))
        st.dataframe(shown, hide_index=True, width="stretch", column_config=config, placeholder="")
        pages = data.last_page(total, sel.page_size)
        sort_options = [""] + [f"{p}{c}" for c in table.names for p in ("", "-")]
        with st.container(horizontal=True):
            st.selectbox(t("data_sort_label"), sort_options, key="data_sort", on_change=changed, args=args,
                         format_func=lambda s: t("data_sort_default") if not s else
                         t("data_sort_desc" if s.startswith("-") else "data_sort_asc", column=s.lstrip("-")))
            st.number_input(t("data_page_label", pages=pages), min_value=1, max_value=pages, step=1,
                            key="data_page", on_change=changed, args=args, kwargs={"keep_page": True})
            st.selectbox(t("data_size_label"), explore.PAGE_SIZES, key="data_size", on_change=changed, args=args)
        with st.container(horizontal=True):
            for label, step in (("data_previous", -1), ("data_next", 1)):
                st.button(t(label), key=label, on_click=turn, args=(step, pages),
                          disabled=not 1 <= min(sel.page, pages) + step <= pages)
        if table.has_sources and not shown.empty:
            quotes = dict(zip(shown["source_id"], shown["quote"])) if "quote" in shown else None
            ui.sources_popover(shown["source_id"].dropna().tolist(), quotes, key="data_rows")

    # 2. downloads of exactly this, and the citation pack
    url = data.share_url(base_url, [("lang", lang), *data.url_params(sel)])
    with st.container(border=True):
        st.header(t("data_downloads_title"))
        fmt = st.segmented_control(t("data_format_label"), package.FORMATS, key="data_format", default="csv",
                                   format_func=str.upper, selection_mode="single") or "csv"
        scopes = data.scopes(sel, len(shown), total, table.rows)
        download_row("data", lambda scope, f: data.download(warehouse, sel, scope, f, url, lang),
                     lambda scope: data.file_stem(warehouse, sel, scope), scopes, fmt)
        pack_scope = "matching" if sel.filtered else "table"
        ui.file_download(t("data_pack_button", n=f"{total if sel.filtered else table.rows:,}"),
                         lambda: data.download(warehouse, sel, pack_scope, "zip", url, lang),
                         f"{data.file_stem(warehouse, sel, pack_scope)}_citation-pack.zip", package.MIME["zip"],
                         key="data_pack")
        st.caption(t("data_downloads_note"))
        with st.expander(t("data_cite_title")):
            st.caption(t("data_share_label"))
            st.code(url, language=None, wrap_lines=True)
            cites = package.citations(data.about(warehouse, sel, pack_scope, total, url, lang))
            for key, text in cites.items():
                st.caption(t(f"data_cite_{key}"))
                st.code(text, language=None, wrap_lines=True)


# 1. read-only SQL ----------------------------------------------------------------------------------
def sql_tab() -> None:
    canned = sqlbox.canned()

    def pick() -> None:
        chosen = canned.get(st.session_state["url_canned"] or "")
        pairs = [("tab", "sql")]
        if chosen is not None:
            pairs += [("canned", chosen.id), ("sql", chosen.sql), *((f"p.{k}", v) for k, v in chosen.params)]
        ui.replace_query(pairs)

    st.caption(t("data_sql_intro", cap=f"{sqlbox.ROW_CAP:,}", seconds=f"{sqlbox.TIMEOUT_S:g}"))
    linked = ui.url_value("canned", lambda raw: parse_choice(raw, canned))
    choice = st.selectbox(t("data_sql_canned_label"), [""] + list(canned), key="url_canned", on_change=pick,
                          index=([""] + list(canned)).index(linked) if linked else 0,
                          format_func=lambda c: t(f"canned_{c}_title") if c else t("data_sql_canned_none"))
    if choice:
        st.caption(t(f"canned_{choice}_description"))
    sql = ui.url_widget(st.text_area, t("data_sql_label"), "sql", "", height=200,
                        placeholder="SELECT city_id, count(*) AS companies FROM companies GROUP BY ALL")
    names = sqlbox.parameters(sql)
    values = {}
    if names:
        defaults = dict(canned[choice].params) if choice else {}
        for name, box in zip(names, st.columns(len(names))):
            with box:
                values[name] = sqlbox.typed(ui.url_widget(st.text_input, f"${name}", f"p.{name}",
                                                          defaults.get(name, "")))
    st.button(t("data_sql_run"), type="primary", key="data_sql_run")
    if not (sql or "").strip():
        st.info(t("data_sql_empty_hint"))
        return
    try:
        result = data.run_sql(warehouse, sql, values)
    except sqlbox.Refused as exc:
        st.error(data.sql_error(exc, lang, escape=ui.md_escape))  # DuckDB's message quotes the statement
        return
    st.caption(t("data_sql_result", n=f"{len(result.frame):,}", seconds=f"{result.seconds:.2f}"))
    if result.truncated:
        st.warning(t("data_sql_truncated", cap=f"{sqlbox.ROW_CAP:,}"))
    st.dataframe(result.frame, hide_index=True, width="stretch")
    url = data.share_url(base_url, [("lang", lang), ("tab", "sql"), ("sql", sql),
                                     *((f"p.{k}", str(v)) for k, v in values.items())])
    about = data.sql_about(warehouse, sql, len(result.frame), url)
    stem = package.file_stem(choice or "query", [f"{k}-{v}" for k, v in values.items()], about.build_date)
    with st.container(horizontal=True):
        for fmt in package.FORMATS:
            ui.file_download(t("data_download_result", fmt=fmt.upper(), n=f"{len(result.frame):,}"),
                             lambda f=fmt: package.file_bytes(f, result.frame, about, data.bibliography(result.frame)),
                             f"{stem}.{fmt}", package.MIME[fmt], key=f"data_sql_{fmt}")


# 2. the release: the whole warehouse as the build wrote it -------------------------------------------
def release_tab() -> None:
    ui.release_box(data.release(), lang)


{"browse": browse, "sql": sql_tab, "release": release_tab}[tab]()
