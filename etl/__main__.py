"""Command line: python -m etl build | check | reference."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from etl.build import ROOT, build
from etl.problems import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "validate, transform, check and publish the warehouse"),
                            ("check", "validate, transform and check without publishing")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--raw", type=Path, default=ROOT / "data" / "raw", help="folder of curated inputs")
        p.add_argument("--out", type=Path, default=ROOT / "build", help="folder of published warehouses")
    sub.add_parser("reference", help="rebuild reference data (countries, city coordinates, boundaries)")
    args = parser.parse_args(argv)

    if args.command == "reference":
        from etl.reference import main as reference_main

        return reference_main()
    started = time.perf_counter()
    try:
        result = build(args.raw, args.out, publish=args.command == "build")
    except InputError as exc:
        print(exc.report(), file=sys.stderr)
        if args.command == "build":
            print("The last good warehouse is unchanged and keeps serving.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    summary = ", ".join(f"{k} {v}" for k, v in result.tables.items())
    if result.path:
        print(f"Published {result.path.relative_to(ROOT) if result.path.is_relative_to(ROOT) else result.path}"
              f" in {seconds:.1f} s: {summary}")
    else:
        print(f"Check passed in {seconds:.1f} s (nothing published): {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
