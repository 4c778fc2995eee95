"""make bench-patches: what each of the launcher's optional adjustments buys, measured.

Two servers of the same app on loopback: "launcher" (python -m filmdash.serve: the pages-folder
fix, the base-URL hint in the page's HTML, and the frame's prefetch of the data grid's code) and
"plain" (the pages-folder fix only, which the app needs to route at all; no hint, no prefetch).
In alternating rounds, one headless Chromium times:
- a deep link (/companies, /sources) from navigation to its websocket opening, and to drawn: what the
  base-URL hint is for;
- the Overview's first switch of a chart box to Table, on a page that has rested 3 s: what the
  prefetch is for.
Writes bench/PATCHES.md and bench/patches.json.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time

from bench.__main__ import ARGS, ROOT, serve, time_click, time_load

REPEATS = int(os.environ.get("BENCH_REPEATS", "9"))
DEEP_LINKS = ("/companies", "/sources")
PLAIN = ("from filmdash.serve import disable_pages_folder_detection; disable_pages_folder_detection(); "
         "import sys; from streamlit.web import cli; "
         "sys.argv = ['streamlit', 'run', 'app.py', *sys.argv[1:]]; cli.main()")


def time_connect(browser, url: str) -> float:
    """Seconds from navigation to the page's websocket opening: the part of a deep link's load the
    base-URL hint changes (the rest is the same script and the same drawing)."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1",
                                                                              "data:", "blob:")) else r.abort())
    opened: list[float] = []
    page.on("websocket", lambda ws: opened.append(time.perf_counter()))
    start = time.perf_counter()
    page.goto(url)
    while not opened and time.perf_counter() - start < 60:
        page.wait_for_timeout(5)
    context.close()
    return opened[0] - start


def serve_variant(variant: str) -> tuple[subprocess.Popen, str]:
    if variant == "launcher":
        return serve("app.py", ["-m", "filmdash.serve"])
    return serve("app.py", ["-c", PLAIN], env={"FILMDASH_PREFETCH": "0"})


def main() -> int:
    from playwright.sync_api import sync_playwright

    servers = {variant: serve_variant(variant) for variant in ("launcher", "plain")}
    samples: dict[str, dict[str, list[float]]] = {v: {} for v in servers}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for _, url in servers.values():  # warm-up: every page's script and cache, once
                for path in ("/", *DEEP_LINKS):
                    time_load(browser, url + path)
            for _ in range(REPEATS):
                for variant, (_, url) in servers.items():
                    for path in DEEP_LINKS:
                        samples[variant].setdefault(f"connect {path}", []).append(time_connect(browser, url + path))
                        samples[variant].setdefault(f"load {path}", []).append(time_load(browser, url + path))
                    first_table = time_click(browser, url + "/", "Table", settle_ms=3000)
                    samples[variant].setdefault("first Table click on /", []).append(first_table)
            browser.close()
    finally:
        for proc, _ in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
    medians = {v: {k: round(statistics.median(x), 3) for k, x in m.items()} for v, m in samples.items()}
    result = {"date": time.strftime("%Y-%m-%d"), "repeats": REPEATS,
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "median_s": medians, "samples_s": {v: {k: [round(s, 3) for s in x] for k, x in m.items()}
                                                 for v, m in samples.items()}}
    (ROOT / "bench" / "patches.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    lines = [f"# What the launcher's optional adjustments buy ({result['date']}, {result['machine']}, "
             f"median of {REPEATS})", "",
             "`launcher`: `python -m filmdash.serve` (pages-folder fix, base-URL hint, grid prefetch). `plain`: the "
             "pages-folder fix only. Rounds alternate between the two servers.", "",
             "| measure | launcher s | plain s | launcher − plain s |", "|---|---|---|---|"]
    for measure in medians["launcher"]:
        a, b = medians["launcher"][measure], medians["plain"][measure]
        lines.append(f"| {measure} | {a:.3f} | {b:.3f} | {a - b:+.3f} |")
    (ROOT / "bench" / "PATCHES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
