"""`python -m bench.load` (make load): what one server holds, measured without browsers.

1. one worker (filmdash.serve) on a free 127.0.0.1 port; every page opened once in every language
   first (caches warm, not measured);
2. idle sessions: K viewers open the home page and stay connected; the server's RSS grows by about
   K times the memory of an idle session;
3. Locust (bench/load/locustfile.py), headless, against 10, 50, 100 and 200 viewers, each acting
   once every 10 s (think time included): reruns per second, p50/p95/p99 rerun time, failures,
   the server's peak RSS and CPU seconds per rerun;
4. the same Locust run against 1 and then WORKERS workers behind HAProxy (filmdash.cluster), at a
   load one worker cannot keep up with: does throughput grow with workers?
5. the target itself, 100 viewers each acting every 10 s, against WORKERS workers behind HAProxy
   (the one-worker figure is the 100-viewer level of 3), judged: p95 under 1 s, no failure, no viewer
   left waiting, under 2 MB per idle session.

p50/p95/p99 are exact (nearest rank) over the answered reruns' own times, which the viewers write
out: Locust's percentiles round to two significant figures (1,049 ms would pass as 1,000) and count
failed requests in.

Writes bench/LOAD.md (tables, the commands, the machine's load) and bench/load/results.json.
Every run is bounded (LOAD_DURATION seconds, 40 by default) and stops by itself; only 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

from bench.load.pages import PAGES
from bench.load.ports import free_block
from bench.load.viewer import Viewer
from filmdash.cluster import Cluster, stop, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = ROOT / "bench" / "load" / "locustfile.py"
OUT_MD = ROOT / "bench" / "LOAD.md"
OUT_JSON = ROOT / "bench" / "load" / "results.json"
TARGET_P95_MS = 1000
TARGET_USERS, TARGET_ACT_EVERY, TARGET_IDLE_MB = 100, 10.0, 2.0



def tree(pids: list[int]) -> list[psutil.Process]:
    procs = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            procs += [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            pass
    return procs


def rss_mb(pids: list[int]) -> float:
    total = 0
    for proc in tree(pids):
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for proc in tree(pids):
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


class Sampler(threading.Thread):
    """The servers' RSS every half second while a run lasts: its peak."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.pids, self.peak, self.done = pids, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, rss_mb(self.pids))
            self.done.wait(0.5)


def warm_up(url: str) -> None:
    """Every page once in every language: the caches a running server has, not measured."""
    viewer = Viewer(url, timeout=180)
    viewer.connect("/")
    for page in PAGES:
        for lang in ("en", "zh-Hans", "zh-Hant"):
            viewer.rerun(page, f"lang={lang}")
    viewer.close()


def idle_sessions(url: str, pids: list[int], count: int) -> dict:
    """RSS with `count` viewers connected and idle (each opened the home page once), against before."""
    before = rss_mb(pids)
    viewers = []
    for _ in range(count):
        viewer = Viewer(url, timeout=120)
        viewer.connect("/")
        viewer.rerun("", "lang=en")
        viewers.append(viewer)
    time.sleep(2)
    after = rss_mb(pids)
    for viewer in viewers:
        viewer.close()
    return {"sessions": count, "rss_before_mb": round(before, 1), "rss_after_mb": round(after, 1),
            "mb_per_session": round((after - before) / count, 2)}


def locust(url: str, users: int, duration: int, act_every: float, pids: list[int], workdir: Path,
           tag: str = "one") -> dict:
    """One headless Locust run; its aggregated stats, the servers' peak RSS and CPU per rerun. tag
    keeps each run's files apart (a stale window file would pass for a run that wrote none)."""
    prefix = workdir / f"{tag}-u{users}"
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(users),
               "-r", str(max(1, users // 10)), "-t", f"{duration}s", "--stop-timeout", "15", "--host", url,
               "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    sampler = Sampler(pids)
    sampler.start()
    cpu_before, load_before = cpu_seconds(pids), os.getloadavg()[0]
    started = time.monotonic()
    window_file = workdir / f"{tag}-u{users}_window.json"
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(command, cwd=ROOT, env={**os.environ, "LOAD_ACT_EVERY": str(act_every),
                                               "LOAD_WINDOW_FILE": str(window_file)},
                       check=False, timeout=duration + 120, stdout=log, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - started
    window = json.loads(window_file.read_text()) if window_file.exists() else None
    active = window["last"] - window["first"] if window and window.get("first") else float(duration)
    sampler.done.set()
    sampler.join()
    cpu = cpu_seconds(pids) - cpu_before
    if window is None:  # the viewers wrote nothing: Locust did not start or was killed
        raise RuntimeError(f"the Locust run left no {window_file.name}; see {prefix}.log")
    answered_by = [name for name, _ in window["answered"]]
    times = sorted(ms for _, ms in window["answered"])
    answered, failures = len(times), len(window["failed"])
    return {
        "users": users, "act_every_s": act_every, "duration_s": duration, "elapsed_s": round(elapsed, 1),
        "reruns": answered + failures, "failures": failures,
        "by_action": {name: answered_by.count(name) for name in sorted(set(answered_by))},
        "errors": sorted({error for _, error in window["failed"]})[:5],
        "unanswered": window.get("unanswered", 0),
        "unanswered_connects": window.get("unanswered_connects", 0),
        "unanswered_waited_s": window.get("unanswered_waited_s", []),
        "active_s": round(active, 1), "reruns_per_s": round(answered / active, 2) if active > 0 else 0.0,
        "offered_per_s": round(users / act_every, 2),
        "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "p99_ms": percentile(times, 99),
        "max_ms": int(round(times[-1])) if times else 0,
        "peak_rss_mb": round(sampler.peak, 1), "server_cpu_s": round(cpu, 1),
        "cpu_ms_per_rerun": round(1000 * cpu / answered) if answered else None,
        "load_avg_before": round(load_before, 1), "load_avg_after": round(os.getloadavg()[0], 1),
    }


def percentile(sorted_ms: list[float], p: float) -> int:
    """The nearest-rank p-th percentile of sorted values (0 when there are none)."""
    if not sorted_ms:
        return 0
    return int(round(sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]))


def late(level: dict) -> int:
    """Viewers left waiting longer than the p95 target when the run stopped (one whose rerun had just
    been sent is not late)."""
    return sum(1 for waited in level.get("unanswered_waited_s", []) if waited * 1000 > TARGET_P95_MS)


def knee(levels: list[dict]) -> str:
    for level in levels:
        if (level["failures"] or late(level) or level["p95_ms"] > TARGET_P95_MS
                or level["reruns_per_s"] < 0.8 * level["offered_per_s"]):
            return (f"{level['users']} viewers: the first level with a p95 over {TARGET_P95_MS} ms, a failure, a "
                    f"viewer left unanswered, or fewer than 80% of the offered reruns served")
    return f"not reached up to {levels[-1]['users']} viewers"


def verdict(level: dict | None) -> str:
    """Whether a run met the target: p95 under TARGET_P95_MS, no failure, no viewer left waiting, at
    least 80% of the offered reruns served."""
    if level is None:
        return "not run"
    misses = []
    if level["p95_ms"] >= TARGET_P95_MS:
        misses.append(f"p95 {level['p95_ms']} ms")
    if level["failures"]:
        misses.append(f"{level['failures']} failed")
    if late(level):
        misses.append(f"{late(level)} left waiting")
    if level["reruns_per_s"] < 0.8 * level["offered_per_s"]:
        misses.append(f"{level['reruns_per_s']} of {level['offered_per_s']} reruns/s served")
    return "**met**" if not misses else "**missed**: " + ", ".join(misses)


def cluster_run(workers: int, users: int, act_every: float, duration: int, workdir: Path, tag: str) -> dict:
    """A Locust run against `workers` workers behind HAProxy (filmdash.cluster), each warmed first."""
    port = free_block(workers + 1)
    cluster = Cluster(workers, port, run_dir=workdir / f"{tag}-cluster{workers}")
    cluster.start()
    try:
        url = f"http://127.0.0.1:{port}"
        # every worker's caches: viewers at the same time land on different workers
        warmers = [threading.Thread(target=warm_up, args=(url,)) for _ in range(workers)]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join()
        pids = [w.process.pid for w in cluster.workers]
        run = locust(url, users, duration, act_every, pids, workdir, tag=f"{tag}-w{workers}")
        run["label"] = f"{workers} (HAProxy)"
        run["workers"] = workers
        print(run, flush=True)
        return run
    finally:
        cluster.stop(drain_first=False)


def serve_one(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "filmdash.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"], cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_healthy(port, process=process)
    return process


def table(levels: list[dict], first: str) -> list[str]:
    lines = [f"| {first} | reruns/s (offered) | p50 | p95 | p99 | answered | failed | unanswered at the end "
             "over 1 s (longest wait) | peak RSS | server CPU per rerun | load avg |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in levels:
        label = r.get("label", r["users"])
        lines.append(f"| {label} | {r['reruns_per_s']} ({r['offered_per_s']}) | {r['p50_ms']} ms | {r['p95_ms']} ms | "
                     f"{r['p99_ms']} ms | {r['reruns'] - r['failures']} | {r['failures']} | {late(r)} "
                     f"({max(r['unanswered_waited_s'], default=0):.0f} s) | {r['peak_rss_mb']:.0f} MB | "
                     f"{r['cpu_ms_per_rerun']} ms | {r['load_avg_before']} → {r['load_avg_after']} |")
    return lines


def capacity(levels: list[dict]) -> list[str]:
    """What the CPU cost per rerun says a dedicated core would serve (the least disturbed figure on
    a shared machine)."""
    if not levels or not levels[0]["cpu_ms_per_rerun"]:
        return []
    median = levels[0]["cpu_ms_per_rerun"]  # the lightest level: an overloaded one spends CPU on reruns it never finishes
    per_core = 1000 / median
    return [f"Server CPU per answered rerun at {levels[0]['users']} viewers (not overloaded): {median} ms. One worker "
            "uses at most about one core "
            f"(Python runs one script step at a time), so a worker on a core of its own serves about "
            f"{per_core:.1f} reruns/s; 100 viewers acting every 10 s offer 10 reruns/s, which needs about "
            f"{10 / per_core:.1f} such cores: several workers (`make serve-cluster`) on a machine with that many "
            "free cores."]


def write_report(results: dict, args) -> None:
    idle, levels, scale = results["idle"], results["levels"], results["scale_out"]
    target = results.get("target") or {"users": TARGET_USERS, "act_every_s": TARGET_ACT_EVERY, "runs": []}
    idle_mb = max(0.0, idle["mb_per_session"])  # not max(x, 0.0): that keeps -0.0
    md = [
        "# Load: what one server holds, and several",
        "",
        f"Measured {results['when']} on {results['machine']} with `make load` "
        f"(`{results['command']}`). Viewers are Locust users speaking Streamlit's websocket protocol "
        "(bench/load/viewer.py, bench/load/locustfile.py): each opens a page with `?lang=`, then acts once every "
        f"{args.act_every:g} s (think time included; the first action that long after the page opened): change the page's filter, switch the language, open another "
        "page. A rerun is timed from the rerun request to Streamlit's script_finished message. Each run lasts "
        f"{args.duration} s, the first 10 s of it ramping up; the server's caches were warmed first (every page in "
        "every language once). Reruns/s is the reruns answered over the time from the first rerun sent to the last "
        "answered; offered is viewers / seconds between actions. p50/p95/p99 are exact (nearest rank) over the "
        "answered reruns' own times (Locust's percentiles round to two significant figures and count failures in); "
        "'unanswered at the end' counts the viewers still waiting over 1 s, for a rerun or to connect, when the run "
        "stopped (15 s after its end), with the longest wait: Streamlit runs every session's script in a thread "
        "of one process, with no queue, so an overloaded worker answers everyone late rather than some in time.",
        "",
        "**The same 2 cores run Locust and the workers**: the load average before → after each run is in the "
        "last column (2.0 would be both cores busy); anything else running then shows there. Times are upper "
        "bounds for a dedicated server; the server CPU per rerun is the least disturbed figure.",
        "",
        f"## The target: {target['users']} viewers, each acting every {target['act_every_s']:g} s",
        "",
        f"p95 under {TARGET_P95_MS} ms, no failure, no viewer left waiting, and under {TARGET_IDLE_MB:g} MB per idle "
        "session. One worker is the level of the same size below; the cluster is `make serve-cluster "
        f"WORKERS={target.get('workers', 2)}` (HAProxy in front, cookie-sticky).",
        "",
        *(table(target["runs"], "workers") if target["runs"] else ["(not run)"]),
        "",
        *[f"- {run.get('label')}: {verdict(run)}" for run in target["runs"]],
        f"- memory: {idle_mb:.2f} MB per idle session, "
        + ("**met**" if idle_mb < TARGET_IDLE_MB else "**missed**"),
        "",
        "## One worker",
        "",
        *table(levels, "viewers"),
        "",
        f"Knee: {results['knee']}.",
        "",
        *capacity(levels),
        "",
        f"Idle sessions: {idle['sessions']} viewers connected and idle (each opened the home page once) took the "
        f"server's RSS from {idle['rss_before_mb']:.0f} MB to {idle['rss_after_mb']:.0f} MB: "
        f"**{idle_mb:.2f} MB per idle session** (target: under 2 MB). Python reuses "
        "memory freed after the warm-up, so a small per-session cost can stay within that; the peak RSS column "
        "shows the growth under load.",
        "",
        f"## One worker against {max((r.get('workers', 1) for r in scale['runs']), default=2)}, behind HAProxy "
        f"({scale['users']} viewers, each acting every "
        f"{scale['act_every_s']:g} s)",
        "",
        *table(scale["runs"], "workers"),
        "",
        "RSS is the sum over the workers (HAProxy not counted).",
        "",
        *([ "## Notes on this run", "", *[f"- {note}" for note in results["notes"]], ""] if results.get("notes") else []),
        "## Reproduce",
        "",
        "```sh",
        "make load WORKERS=2           # all of the above, ~10 minutes; writes bench/LOAD.md and bench/load/results.json",
        "LOAD_DURATION=120 make load    # longer runs: more reruns behind each percentile",
        "python -m bench.load --users 10,50 --duration 30 --no-scale --no-target   # a quicker look",
        "make serve-cluster WORKERS=2  # then, in another shell:",
        "LOAD_ACT_EVERY=10 .venv/bin/locust -f bench/load/locustfile.py --headless -u 100 -r 10 -t 40s \\",
        "    --host http://127.0.0.1:8501",
        "```",
        "",
    ]
    OUT_MD.write_text("\n".join(md), encoding="utf-8")
    OUT_JSON.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="10,50,100,200", help="viewer counts, one Locust run each")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("LOAD_DURATION", "40")))
    parser.add_argument("--act-every", type=float, default=10.0, help="seconds between a viewer's actions")
    parser.add_argument("--idle", type=int, default=TARGET_USERS, help="idle sessions for the memory figure")
    parser.add_argument("--scale-users", type=int, default=100)
    parser.add_argument("--scale-act-every", type=float, default=2.0,
                        help="a faster pace for the 1-vs-WORKERS workers runs, so one worker is saturated")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1-vs-WORKERS workers runs")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS") or 2),
                        help="workers behind HAProxy for the scale-out and target runs (make load WORKERS=N)")
    parser.add_argument("--target-users", type=int, default=TARGET_USERS,
                        help="viewers in the target run (the target is 100; fewer only for a smoke run)")
    parser.add_argument("--no-target", action="store_true",
                        help="skip the target run (100 viewers every 10 s against WORKERS workers)")
    parser.add_argument("--report-only", action="store_true", help="rewrite bench/LOAD.md from results.json")
    args = parser.parse_args(argv)
    if args.report_only:
        results = json.loads(OUT_JSON.read_text(encoding="utf-8"))
        results["knee"] = knee(results["levels"])
        args.duration = results["levels"][0]["duration_s"]
        args.act_every = results["levels"][0]["act_every_s"]
        write_report(results, args)
        return
    users = [int(u) for u in args.users.split(",")]
    results = {"when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
               "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, Python "
                          f"{platform.python_version()}",
               "command": "python -m bench.load " + " ".join(argv if argv is not None else sys.argv[1:])}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        port = free_block(3)
        process = serve_one(port)
        url = f"http://127.0.0.1:{port}"
        try:
            warm_up(url)
            results["idle"] = idle_sessions(url, [process.pid], args.idle)
            print("idle", results["idle"], flush=True)
            results["levels"] = []
            for n in users:
                level = locust(url, n, args.duration, args.act_every, [process.pid], workdir)
                print(level, flush=True)
                results["levels"].append(level)
        finally:
            stop(process)
        results["knee"] = knee(results["levels"])
        results["scale_out"] = {"users": args.scale_users, "act_every_s": args.scale_act_every, "runs": []}
        if not args.no_scale:
            for workers in sorted({1, args.workers}):
                results["scale_out"]["runs"].append(
                    cluster_run(workers, args.scale_users, args.scale_act_every, args.duration, workdir, "scale"))
        one = next((level for level in results["levels"]
                    if level["users"] == args.target_users and level["act_every_s"] == TARGET_ACT_EVERY), None)
        results["target"] = {"users": args.target_users, "act_every_s": TARGET_ACT_EVERY, "workers": args.workers,
                             "runs": [{**one, "label": "1 (direct)", "workers": 1}] if one else []}
        if not args.no_target:
            results["target"]["runs"].append(
                cluster_run(args.workers, args.target_users, TARGET_ACT_EVERY, args.duration, workdir, "target"))
    write_report(results, args)
    print(f"wrote {OUT_MD.relative_to(ROOT)} and {OUT_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
