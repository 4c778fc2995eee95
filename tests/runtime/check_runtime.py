"""Run by a virtual environment that holds only the run-time lock (requirements.lock), never by pytest:
build the warehouse, open every page in every language through app.py, and make every export the app
offers. Prints one line per check and exits non-zero on the first failure: a module the app or the
ETL imports that `make run` does not install fails here as ModuleNotFoundError.

    python tests/runtime/check_runtime.py BUILD_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("/", "/cities", "/companies", "/coproductions", "/studios", "/events", "/map", "/sources", "/data",
         "/present")


def main(build_dir: str) -> int:
    os.environ["FILMDASH_BUILD_DIR"] = build_dir
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from etl.__main__ import main as etl_main

    if etl_main(["build", "--out", build_dir]) != 0:
        print("etl build failed")
        return 1
    from streamlit.testing.v1 import AppTest

    from filmdash.serve import disable_pages_folder_detection

    disable_pages_folder_detection()
    for path in PAGES:
        for lang in ("en", "zh-Hans", "zh-Hant"):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.query_params["lang"] = lang
            if path != "/":
                at.switch_page(f"pages{path}.py")
            at.run()
            if at.exception:
                print(f"{path} ({lang}): {at.exception[0].message}")
                return 1
            print(f"page {path} ({lang}): {len(at.main.children)} elements, no exception")
    import plotly.graph_objects as go

    from filmdash.core import db, exports, geo, images
    from filmdash.views import companies

    table = db.query("companies_list", limit=companies.LIST_LIMIT, **companies.filters({}, ""))
    print(f"csv {len(exports.csv_bytes(table))} bytes, xlsx {len(exports.xlsx_bytes(table))} bytes")
    figure = geo.map_figure(db.query("map_cities"), db.query("map_sco"),
                            db.query("map_links", year_from=1900, year_to=2100, statuses=[]),
                            db.query("map_places", kinds=[]), lang="zh-Hans")
    for fmt in ("png", "svg"):
        data = images.export_image(figure, fmt)
        print(f"map {fmt}: {len(data)} bytes")
    print(f"chart png: {len(images.export_image(go.Figure(go.Bar(x=[1], y=[2])), 'png'))} bytes")
    # the researchers' downloads: every format, and the citation pack
    from filmdash.core import package

    bibliography = db.query("sources_bibliography", search="", kinds=[])
    about = package.About("companies", "companies", "", "/data?table=companies", db.warehouse_id(), "2026-12-07",
                          len(table))
    for fmt in package.FORMATS:
        print(f"download {fmt}: {len(package.file_bytes(fmt, table, about, bibliography))} bytes")
    print(f"citation pack: {len(package.citation_pack(table, about, bibliography, 'companies'))} bytes")
    # the presenter's handouts, from the shipped deck
    from filmdash.core import deck
    from filmdash.presenter import handouts, slides

    the_deck = slides.read_deck(deck.DEFAULT_DECK)
    print(f"handout pptx: {len(handouts.pptx_bytes(the_deck, db.warehouse_id(), 'zh-Hant'))} bytes")
    print(f"handout pdf: {len(handouts.pdf_bytes(the_deck, db.warehouse_id(), 'en'))} bytes")
    print("runtime check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
