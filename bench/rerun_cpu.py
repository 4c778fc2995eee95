"""`python -m bench.rerun_cpu` (make rerun-cpu): the server CPU one rerun costs, per page and per action.

What a Locust viewer of `make load` does (bench/load/locustfile.py), one action at a time, from one
viewer, against one worker (filmdash.serve) on a free 127.0.0.1 port whose caches were warmed first
(every page in every language once, as `make load` does): for every page,

- open page: the page's link with ?lang= (en, zh-Hans, zh-Hant in turn), no widget state;
- change filter: the page's filter (bench/load/pages.py) set to one option after another;
- switch language: ?lang= to the next language, the filter left as it was.

Each action is repeated --repeat times; the figure is the server process's CPU time (user + system,
all its threads) over those reruns divided by their number. CPU time, not wall time, is the measure:
on a shared machine another process's load stretches a rerun's wall time but hardly its CPU time
(the load average at the start and end is written beside the figures all the same). The viewer runs
in this process, so its own CPU is not counted.

Writes bench/RERUN_CPU.md and bench/rerun_cpu.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import psutil

from bench.load.__main__ import serve_one, warm_up
from bench.load.pages import PAGES, with_lang
from bench.load.ports import free_block
from bench.load.viewer import Viewer, multiselect_state, selectbox_state
from filmdash.cluster import stop

ROOT = Path(__file__).resolve().parents[1]
OUT_MD = ROOT / "bench" / "RERUN_CPU.md"
OUT_JSON = ROOT / "bench" / "rerun_cpu.json"
LANGS = ("en", "zh-Hans", "zh-Hant")
ACTIONS = ("open page", "change filter", "switch language")


def cpu_s(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def filter_states(run, key: str | None) -> list:
    """The widget states that set the page's filter to each of its options in turn (a multiselect to
    one option), as a browser sends them; none for a page without a filter."""
    if not key or key not in run.widgets:
        return []
    kind, proto = run.widgets[key]
    if kind == "multiselect":
        return [multiselect_state(proto, [option]) for option in proto.options]
    if kind == "selectbox":
        return [selectbox_state(proto, option) for option in proto.options]
    return []


def measure(viewer: Viewer, server: psutil.Process, reruns) -> dict:
    """CPU ms of the server per rerun (total over the reruns / their number), and the median wall ms."""
    walls = []
    before = cpu_s(server)
    for kwargs in reruns:  # a generator may read viewer.query as left by the rerun before
        walls.append(viewer.rerun(**kwargs).seconds * 1000)
    cpu = cpu_s(server) - before
    return {"reruns": len(walls), "cpu_ms": round(cpu * 1000 / len(walls), 1),
            "wall_ms_median": round(statistics.median(walls), 1)}


def page_actions(url: str, server: psutil.Process, page: str, repeat: int) -> dict:
    viewer = Viewer(url, timeout=180)
    viewer.connect(f"/{page}?lang=en")
    try:
        first = viewer.rerun(page, "lang=en")
        results = {"open page": measure(viewer, server, [
            {"page": page, "query": f"lang={LANGS[i % 3]}", "widgets": []} for i in range(repeat)])}
        viewer.rerun(page, "lang=en")
        states = filter_states(first, PAGES[page])
        if states:
            results["change filter"] = measure(viewer, server, [
                {"widgets": [states[i % len(states)]]} for i in range(repeat)])
        # each switch moves ?lang= to the next language and keeps the rest of the URL (the filter)
        switches = [LANGS[(i + 1) % 3] for i in range(repeat)]
        results["switch language"] = measure(viewer, server, ({"query": with_lang(viewer.query, lang)}
                                                              for lang in switches))
        return results
    finally:
        viewer.close()


def cell(actions: dict, action: str) -> str:
    if action not in actions:
        return "—"
    return f"{actions[action]['cpu_ms']:.0f} ({actions[action]['wall_ms_median']:.0f})"


def write_report(runs: dict) -> None:
    """bench/rerun_cpu.json keeps one run per label (the code it measured: before and after a change);
    bench/RERUN_CPU.md shows each, newest last."""
    OUT_JSON.write_text(json.dumps(runs, indent=2, ensure_ascii=False) + "\n")
    md = ["# Server CPU per rerun, per page and action", "",
          "One viewer (bench/load/viewer.py, Streamlit's websocket protocol), one action at a time, against one "
          "worker warmed as `make load` warms it (every page in every language once). A figure is the server "
          "process's CPU time (user + system, all threads) over the action's reruns divided by their number: the "
          "measure least disturbed by other work on a shared machine. In brackets, the median wall time from rerun "
          "request to script_finished, which other work stretches. Open page cycles ?lang= en, zh-Hans, zh-Hant; "
          "change filter sets the page's filter (bench/load/pages.py) to one option after another, mostly "
          "combinations no earlier rerun cached; switch language moves ?lang= on, the filter kept.", ""]
    for label, run in runs.items():
        md += [f"## {label}", "",
               f"`{run['command']}` at commit {run['commit']}, {run['when']}, {run['machine']}; {run['repeat']} "
               f"reruns per cell; load average {run['load_before']} before, {run['load_after']} after (2.0 would be "
               "both cores busy).", "",
               "| page | " + " | ".join(f"{a}: CPU ms (wall ms)" for a in ACTIONS) + " |",
               "|---|" + "---|" * len(ACTIONS)]
        md += [f"| /{page} | " + " | ".join(cell(actions, a) for a in ACTIONS) + " |"
               for page, actions in run["pages"].items()]
        md += ["", f"Mean over the cells: **{run['mean_cpu_ms']:.0f} CPU ms per rerun**.", ""]
    OUT_MD.write_text("\n".join(md))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=12, help="reruns per page and action")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated URL paths ('' is the home page)")
    parser.add_argument("--label", default="current", help="the run's name in bench/RERUN_CPU.md (a run of the same "
                        "label is replaced, others kept)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RERUN_CPU.md as it is")
    args = parser.parse_args(argv)
    pages = args.pages.split(",")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()  # the code the server runs: read before it starts
    if subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                      text=True).stdout.strip():
        commit += " (with uncommitted changes)"
    port = free_block(1)
    url = f"http://127.0.0.1:{port}"
    load_before = round(os.getloadavg()[0], 2)
    process = serve_one(port)
    try:
        server = psutil.Process(process.pid)
        warm_up(url)
        results: dict = {}
        for page in pages:
            results[page] = page_actions(url, server, page, args.repeat)
            print(f"/{page}: " + ", ".join(f"{a} {r['cpu_ms']:.0f} ms CPU ({r['wall_ms_median']:.0f} ms wall)"
                                          for a, r in results[page].items()), flush=True)
    finally:
        stop(process)
    cells = [r["cpu_ms"] for actions in results.values() for r in actions.values()]
    report = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "command": shlex.join(["python", "-m", "bench.rerun_cpu", *(sys.argv[1:] if argv is None else argv)]),
        "commit": commit,
        "repeat": args.repeat, "load_before": load_before, "load_after": round(os.getloadavg()[0], 2),
        "pages": results, "mean_cpu_ms": round(statistics.mean(cells), 1),
    }
    print(f"mean {report['mean_cpu_ms']} CPU ms per rerun; load average {load_before} -> {report['load_after']}")
    if not args.no_write:
        runs = json.loads(OUT_JSON.read_text()) if OUT_JSON.exists() else {}
        runs[args.label] = report
        write_report(runs)


if __name__ == "__main__":
    main()
