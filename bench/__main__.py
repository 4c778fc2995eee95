"""make bench: time every page from navigation to fully drawn, and each filter change to redrawn,
against a baseline page served the same way. Writes bench/results.json and bench/RESULTS.md.

Method: two Streamlit servers on loopback (the app, and bench/baseline_app.py, both started by
filmdash.serve); one headless Chromium; every timing is the median of REPEATS rounds after one warm-up, each round timing the
baseline and the page back to back, so both see the same machine. "Drawn" means the app's
script state is notRunning, no skeleton is left, and every plotly chart on the page has drawn its
SVG. A filter change is timed from the click (on a page left to settle for SETTLE_MS after it drew)
to the same condition, once the server has finished the rerun the click started.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))
# Before a click, the page rests this long after it drew: the grids and fonts that finish after the
# charts drew belong to the load, not to the filter change. The baseline rests the same time.
SETTLE_MS = int(os.environ.get("BENCH_SETTLE_MS", "1000"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const charts = document.querySelectorAll('[data-testid=stPlotlyChart]');
  for (const c of charts) { if (!c.querySelector('.main-svg')) return false; }
  return true;
}"""

# (URL path, a CSS selector to click for the filter change: a button or segment with this text)
PAGES = [
    ("/", "Table"),
    ("/cities", "Per capita"),
    ("/companies", "Founded decade"),
    ("/coproductions", "Table"),
    ("/studios", "Table"),
    ("/events", "city"),
    ("/map", "Points only"),
    ("/sources", "Conflicts"),
    ("/data?table=sources", "Next page →"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: str, command: list[str] | None = None, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """A server on a free loopback port: `script` through the app's launcher (filmdash.serve), or
    `python <command>` when one is given; returns once /_stcore/health answers."""
    port = free_port()
    # both through the app's launcher (filmdash.serve), so the baseline is served the same way
    command = command or ["-c", f"from filmdash.serve import main; main(script={script!r})"]
    proc = subprocess.Popen([sys.executable, *command, "--server.port", str(port),
                             "--server.address", "127.0.0.1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{script} did not start")


def script_finished(payload) -> bool:
    """True for Streamlit's "script finished" message (a full or a fragment rerun ended)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(payload, str):
        return False
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - not a ForwardMsg
        return False
    return msg.WhichOneof("type") == "script_finished"


def wait_drawn(page, finished: list | None = None, before: int = 0) -> None:
    """Drawn; after a click, only once the server has finished the rerun the click started
    (read from the websocket: a fast rerun leaves no visible trace in the page's attributes)."""
    if finished is not None:
        deadline = time.perf_counter() + 30
        while len(finished) <= before and time.perf_counter() < deadline:
            page.wait_for_timeout(2)
    page.wait_for_function(DRAWN, timeout=60_000, polling=20)


def time_load(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1",
                                                                              "data:", "blob:")) else r.abort())
    start = time.perf_counter()
    page.goto(url)
    wait_drawn(page)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def time_action(browser, url: str, act, prepare=None, settle_ms: int | None = None) -> float | None:
    """Open url, let it settle, run prepare(page) (untimed: opening a dropdown), then time act(page) (the
    click, the key press) until the server has finished the rerun it started and the page is drawn again.
    None when act finds nothing to act on (it returns False)."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    finished: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived",
                                          lambda payload: finished.append(1) if script_finished(payload) else None))
    page.goto(url)
    wait_drawn(page)
    page.wait_for_timeout(SETTLE_MS if settle_ms is None else settle_ms)  # a person clicks a page that has settled, not the instant it drew
    if prepare is not None and prepare(page) is False:
        context.close()
        return None
    before = len(finished)
    start = time.perf_counter()
    if act(page) is False:
        context.close()
        return None
    wait_drawn(page, finished, before)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def time_click(browser, url: str, text: str, settle_ms: int | None = None) -> float | None:
    def click(page):
        # segmented controls are radio groups; plain buttons are buttons
        target = page.get_by_role("radio", name=text, exact=True).or_(page.get_by_role("button", name=text, exact=True)).first
        if target.count() == 0:
            return False
        target.click()
    return time_action(browser, url, click, settle_ms=settle_ms)


def median(samples: list[float]) -> float:
    return round(statistics.median(samples), 3)


def measure_page(browser, app_url: str, base_url: str, path: str, click: str | None) -> dict:
    """REPEATS rounds, each timing the baseline and the page one after the other (load, then click),
    so that a slow spell of the machine slows both and the ratio stays the page's own."""
    time_load(browser, app_url + path)  # warm-up; the page must be registered (an unknown path shows /)
    loads, base_loads, clicks, base_clicks = [], [], [], []
    for _ in range(REPEATS):
        base_loads.append(time_load(browser, base_url))
        loads.append(time_load(browser, app_url + path))
        if click:
            elapsed = time_click(browser, app_url + path, click)
            if elapsed is not None:
                base_clicks.append(time_click(browser, base_url, "b"))
                clicks.append(elapsed)
    entry = {"load_s": median(loads), "baseline_load_s": median(base_loads)}
    entry["load_ratio"] = round(entry["load_s"] / entry["baseline_load_s"], 2)
    if clicks:
        entry.update(filter=f"click '{click}'", filter_s=median(clicks), baseline_rerun_s=median(base_clicks))
        entry["filter_ratio"] = round(entry["filter_s"] / entry["baseline_rerun_s"], 2)
    entry["samples"] = {"load_s": [round(x, 3) for x in loads], "baseline_load_s": [round(x, 3) for x in base_loads],
                        "filter_s": [round(x, 3) for x in clicks],
                        "baseline_rerun_s": [round(x, 3) for x in base_clicks]}
    return entry


def main() -> int:
    from playwright.sync_api import sync_playwright

    app, app_url = serve("app.py")
    base, base_url = serve("bench/baseline_app.py")
    results = {"date": time.strftime("%Y-%m-%d"), "repeats": REPEATS, "settle_ms": SETTLE_MS,
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
               "pages": {}}
    only = [p for p in os.environ.get("BENCH_PAGES", "").split(",") if p]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            time_load(browser, base_url)
            time_click(browser, base_url, "b")
            for path, click in PAGES:
                if not only or path in only:
                    results["pages"][path] = measure_page(browser, app_url, base_url, path, click)
                    print(path, {k: v for k, v in results["pages"][path].items() if k != "samples"}, flush=True)
            browser.close()
    finally:
        for proc in (app, base):
            os.killpg(proc.pid, signal.SIGTERM)
    pages = results["pages"].values()
    results["baseline"] = {"load_s": median([x for e in pages for x in e["samples"]["baseline_load_s"]]),
                           "widget_rerun_s": median([x for e in pages for x in e["samples"]["baseline_rerun_s"]])}
    if only:
        print(json.dumps(results, indent=2))
        return 0  # a partial run is for development: the recorded results stay whole
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    b = results["baseline"]
    lines = [f"# Benchmark results ({results['date']}, {results['machine']}, median of {REPEATS})", "",
             f"Baseline page (one small plotly chart), over all rounds: load {b['load_s']:.3f} s; trivial widget "
             f"rerun {b['widget_rerun_s']:.3f} s. Each page is timed in rounds alternating with the baseline, and "
             f"its ratio is to the baseline timed in the same rounds. Clicks wait {SETTLE_MS} ms after the page "
             "drew. Targets: load ≤ 1.5×, filter ≤ 2×.", "",
             "| page | load s | baseline s | × | filter change | s | baseline s | × |",
             "|---|---|---|---|---|---|---|---|"]
    nan = float("nan")
    for path, e in results["pages"].items():
        lines.append(f"| {path} | {e['load_s']:.3f} | {e['baseline_load_s']:.3f} | {e['load_ratio']:.2f} | "
                     f"{e.get('filter', '—')} | {e.get('filter_s', nan):.3f} | {e.get('baseline_rerun_s', nan):.3f} | "
                     f"{e.get('filter_ratio', nan):.2f} |")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
