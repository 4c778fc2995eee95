"""The house reads pages -> views -> core, with arrows only downwards, and etl/ apart:
- a view (filmdash/views/) never imports Streamlit, a page script, or another view;
- core (filmdash/core/) never imports a view or a page; of core, only ui.py draws with Streamlit
- etl/ imports nothing of filmdash (the app may read etl.schema's enumerations, never the reverse);
- no import cycle among filmdash's modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports included)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{alias.name}" for alias in node.names)
    return out


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def files(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if p.name != "__init__.py")


def test_views_import_neither_streamlit_nor_pages_nor_each_other():
    views = {module_name(p) for p in files("filmdash/views")}
    wrong = {}
    for path in files("filmdash/views"):
        found = {m for m in imports(path) if m.split(".")[0] in ("streamlit", "pages")
                 or (m in views and m != module_name(path))}
        if found:
            wrong[path.name] = sorted(found)
    assert wrong == {}


def test_core_imports_no_view_and_only_ui_draws():
    wrong = {}
    for path in files("filmdash/core"):
        found = {m for m in imports(path) if m.startswith(("filmdash.views", "pages"))}
        if path.name != "ui.py":
            found |= {m for m in imports(path) if m.split(".")[0] == "streamlit"}
        if found:
            wrong[path.name] = sorted(found)
    assert wrong == {}


def test_etl_stands_apart():
    assert {p.name: sorted(m for m in imports(p) if m.startswith("filmdash")) for p in files("etl")
            if any(m.startswith("filmdash") for m in imports(p))} == {}


def test_no_import_cycle_in_filmdash():
    modules = {module_name(p): p for p in files("filmdash")}
    graph = {m: {i for i in imports(p) if i in modules and i != m} for m, p in modules.items()}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in path:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif len(path) < len(graph):
                visit(nxt, path + [nxt])

    for start in graph:
        visit(start, [start])
    assert cycles == []


def test_the_rule_is_not_vacuous():
    """The checks above look at real imports: a view does import core, and a page imports its view."""
    assert "filmdash.core.db" in imports(ROOT / "filmdash" / "views" / "companies.py") | {
        m + ".db" for m in imports(ROOT / "filmdash" / "views" / "companies.py") if m == "filmdash.core"}
    assert "filmdash.views.companies" in imports(ROOT / "pages" / "companies.py")


def test_presenter_sits_above_the_views():
    """filmdash/presenter composes several views (as a page does): neither core nor a view imports it."""
    wrong = {p.name: sorted(m for m in imports(p) if m.startswith("filmdash.presenter"))
             for p in files("filmdash/core") + files("filmdash/views")}
    assert {name: found for name, found in wrong.items() if found} == {}
    assert "filmdash.views" in imports(ROOT / "filmdash" / "presenter" / "slides.py")
