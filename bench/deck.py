"""make bench-deck: `make deck` (the shipped deck, PPTX and PDF in all three languages) cold and warm.

- cold: a fresh process with the render cache (build/renders) and the extracted and cut fonts
  (build/fonts) removed, so every chart is drawn by kaleido and every font cut again. Bar: 60 s.
- warm: the same command again, caches in place: it only makes the views and assembles the
  documents. Bar: 15 s.

Each run is `python -m filmdash.presenter.handouts --out <scratch>` in a child process; wall time
from the parent, CPU time (user + system) of the child and everything it waited for (kaleido's
Chromium included) from getrusage(RUSAGE_CHILDREN), and the stages the command prints. BENCH_REPEATS
(default 3) cold+warm pairs; the medians go to bench/DECK.md. Both caches are rebuilt by the runs.
"""

from __future__ import annotations

import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
BARS = {"cold": 60.0, "warm": 15.0}
OUT = ROOT / "bench" / "DECK.md"
COMMAND = [sys.executable, "-m", "filmdash.presenter.handouts"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(out: Path) -> dict:
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run([*COMMAND, "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"make deck failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    stages = re.search(r"built in [\d.]+ s \((.*)\)", done.stdout)
    return {"wall": wall, "cpu": _children_cpu() - cpu_before, "load": (load_before + os.getloadavg()[0]) / 2,
            "stages": stages.group(1) if stages else "", "files": len(list(out.glob("*.p*")))}


def clear_caches() -> None:
    from filmdash.core.paths import BUILD_DIR

    for folder in (BUILD_DIR / "renders", BUILD_DIR / "fonts"):
        shutil.rmtree(folder, ignore_errors=True)


def bytecode_note() -> str:
    """Whether imports read compiled bytecode: with PYTHONDONTWRITEBYTECODE set and no .pyc
    installed, every process compiles its imports (about 1,400 modules) again."""
    import fpdf

    cached = (Path(fpdf.__file__).parent / "__pycache__").is_dir()
    flag = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return (f"PYTHONDONTWRITEBYTECODE {flag}; installed packages {'have' if cached else 'have no'} compiled "
            "bytecode (`make` installs with uv --compile-bytecode)")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    runs: dict[str, list[dict]] = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory(prefix="bench-deck-") as scratch:
        for i in range(REPEATS):
            clear_caches()
            for kind in ("cold", "warm"):
                result = run_once(Path(scratch) / f"{kind}-{i}")
                runs[kind].append(result)
                print(f"{kind} {i + 1}/{REPEATS}: {result['wall']:.1f} s wall, {result['cpu']:.1f} s CPU, "
                      f"load {result['load']:.1f} ({result['stages']})", flush=True)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# The deck's handouts: cold and warm (make bench-deck)", "",
        f"Measured {now} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"command: `make bench-deck` (BENCH_REPEATS={REPEATS}), which times `python -m filmdash.presenter.handouts` "
        "(what `make deck` runs) in a child process: the shipped deck as PPTX and PDF in all three languages. "
        "Cold: build/renders and build/fonts removed first; warm: the same again. Medians of the runs.", "",
        "| run | wall s | bar | CPU s (with Chromium) | load | stages (the command's own timings, the last run) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    missed = []
    for kind, results in runs.items():
        wall = statistics.median(r["wall"] for r in results)
        met = wall < BARS[kind]
        missed += [] if met else [kind]
        lines.append(f"| {kind} | {wall:.1f} | < {BARS[kind]:.0f} s {'met' if met else 'MISSED'} | "
                     f"{statistics.median(r['cpu'] for r in results):.1f} | "
                     f"{statistics.median(r['load'] for r in results):.1f} | {results[-1]['stages']} |")
    lines += [
        "", f"Files written each run: {runs['warm'][-1]['files']}. {bytecode_note()}.", "",
        "## What the figures say", "",
        "- The machine may be shared (the load column is its 1-minute load average around the run): when it is "
        "well above the number of cores, a run gets a fraction of a core, and its wall time is several times its "
        "CPU time. The CPU column is the run's own work, Chromium included.",
        "- Cold, every chart is drawn once, in one kaleido session (one Chromium) for the whole deck, and each "
        "(view, language) image serves both the PPTX and the PDF. The images go to build/renders under a hash of "
        "the figure's JSON, the size, the renderer's versions and the fonts (filmdash/presenter/renders.py), so a "
        "warm run draws nothing and a changed figure never meets an old image.",
        "- The PDF embeds Noto Sans CJK cut to the brief's characters (build/fonts/subsets, keyed by the "
        "characters): fpdf parses a face of a few hundred glyphs instead of 65,000 and does not recompute its "
        "glyphs' bounding boxes.",
    ]
    if missed:
        lines += ["", f"Bars missed on this run: {', '.join(missed)}."]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
