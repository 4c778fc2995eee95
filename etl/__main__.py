"""Command line: python -m etl build | check | export | reference | folding | import | scripts | descriptions | fonts."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from etl.build import ROOT, build
from etl.problems import InputError


def up_to_date(raw: Path, out: Path) -> bool:
    from etl.build import current_path, tree_digest

    if current_path(out) is None:
        return False
    try:
        stamp = json.loads((out / "last_build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, truncated by a crash, not UTF-8, not JSON: build again
        return False
    return isinstance(stamp, dict) and stamp.get("tree_sha256") == tree_digest(raw)


def export_release(build_dir: Path) -> int:
    """The release of the current warehouse, beside it (see etl/export.py)."""
    from etl.build import current_path
    from etl.export import export

    warehouse = current_path(build_dir)
    if warehouse is None:
        print(f"No warehouse is published in {build_dir}: run `python -m etl build` first.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    archive = export(warehouse)
    print(f"Released {archive.name} ({archive.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "validate, transform, check and publish the warehouse"),
                            ("check", "validate, transform and check without publishing")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--raw", type=Path, default=ROOT / "data" / "raw", help="folder of curated inputs")
        p.add_argument("--out", type=Path, default=ROOT / "build", help="folder of published warehouses")
        p.add_argument("--if-stale", action="store_true",
                       help="build only when an input or the ETL changed since the current warehouse")
    p = sub.add_parser("export", help="write the release of the current warehouse (DuckDB copy, Parquet, CSV, "
                                      "datapackage.json, SHA256SUMS, one zip)")
    p.add_argument("--out", type=Path, default=ROOT / "build", help="folder of published warehouses")
    sub.add_parser("reference", help="rebuild reference data (countries, city coordinates, boundaries)")
    sub.add_parser("scripts", help="convert names a source gives in one Chinese script only (OpenCC), "
                                   "into data/raw/name_conversions/")
    sub.add_parser("descriptions", help="convert the Simplified Chinese table and column descriptions to Traditional "
                                        "(OpenCC s2hk), into etl/descriptions_zh_hant.csv")
    sub.add_parser("fonts", help="subset Noto Sans SC/TC to the characters shown, into static/fonts/")
    sub.add_parser("folding", help="rewrite the Traditional -> Simplified search table from OpenCC (build-time)")
    imp = sub.add_parser("import", help="validate a registry export and write it as a declared input under data/raw")
    imp.add_argument("file", type=Path, help="the export: CSV (UTF-8, GBK, GB18030) or XLSX")
    imp.add_argument("--kind", required=True, help="what the export lists: companies")
    imp.add_argument("--source", required=True, help="source id of this import (new, or an earlier registry import)")
    imp.add_argument("--publisher", help="for a new source: who published the registry or database")
    imp.add_argument("--title", help="for a new source: the export's title")
    imp.add_argument("--date", help="for a new source: the export's date, YYYY-MM-DD")
    imp.add_argument("--url", help="for a new source: the registry's address, if any")
    imp.add_argument("--language", default="zh-Hans", help="the export's language (BCP 47; default zh-Hans)")
    imp.add_argument("--encoding", help="a CSV's encoding (utf-8, gbk, gb18030); detected when left out")
    imp.add_argument("--sheet", help="an XLSX sheet's name (default: the first sheet)")
    imp.add_argument("--map", type=Path, help="a TOML file naming unusual headers (shape of etl/registry/headers.toml)")
    imp.add_argument("--raw", type=Path, default=ROOT / "data" / "raw", help="folder of curated inputs")
    imp.add_argument("--report", type=Path, help="folder for the report (default build/imports/SOURCE)")
    imp.add_argument("--curator", default="registry import (python -m etl import)",
                     help="who imported it, for manifest.toml")
    imp.add_argument("--replace", action="store_true", help="import a source again, in place of its earlier file")
    args = parser.parse_args(argv)
    if args.command == "import":
        from etl.registry.command import main as import_main

        return import_main(args)

    if args.command == "scripts":
        from etl.names import main as scripts_main

        return scripts_main()
    if args.command == "descriptions":
        from etl.descriptions import main as descriptions_main

        return descriptions_main()
    if args.command == "fonts":
        from etl.fonts import main as fonts_main

        return fonts_main()

    if args.command == "reference":
        from etl.reference import main as reference_main

        return reference_main()
    if args.command == "folding":
        from etl.folding import main as folding_main

        return folding_main()
    if args.command == "export":
        return export_release(args.out)
    started = time.perf_counter()
    if args.command == "build" and args.if_stale and up_to_date(args.raw, args.out):
        print("The warehouse is up to date with data/raw and etl/: nothing to build.")
        from etl.build import current_path
        from etl.export import release_exists

        return 0 if release_exists(current_path(args.out)) else export_release(args.out)
    from etl.descriptions import Untranslated

    try:
        result = build(args.raw, args.out, publish=args.command == "build")
    except (InputError, Untranslated) as exc:
        print(exc.report() if isinstance(exc, InputError) else str(exc), file=sys.stderr)
        if args.command == "build":
            print("The last good warehouse is unchanged and keeps serving.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    summary = ", ".join(f"{k} {v}" for k, v in result.tables.items())
    if result.path:
        print(f"Published {result.path.relative_to(ROOT) if result.path.is_relative_to(ROOT) else result.path}"
              f" in {seconds:.1f} s: {summary}")
        return export_release(args.out)
    else:
        print(f"Check passed in {seconds:.1f} s (nothing published): {summary}")
    if result.names_report:
        print(result.names_report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
