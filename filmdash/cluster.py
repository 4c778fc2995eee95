"""Serve the dashboard from several processes behind HAProxy: `python -m filmdash.cluster`
(`make serve-cluster WORKERS=N`).

- N Streamlit workers (filmdash.serve), on 127.0.0.1 at consecutive ports after the public one;
- HAProxy (Debian's package) on the public port, its configuration generated from
  deploy/haproxy.cfg.in: a cookie keeps a viewer on one worker (Streamlit keeps the session and its
  download files in that process), websockets pass through, /_stcore/health is checked every 2 s,
  and a viewer whose worker is down is sent to another (its page comes back from its URL);
- on Ctrl-C or SIGTERM, a graceful drain: every worker is put in HAProxy's drain state (no new
  viewers), open sessions get up to --grace seconds to finish, then workers and HAProxy stop.

All workers read the same published warehouse (build/CURRENT, read on every query), so a new build
is seen by all of them without a restart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from filmdash.core.i18n import counted
from filmdash.core.paths import BUILD_DIR, ROOT

TEMPLATE = ROOT / "deploy" / "haproxy.cfg.in"
BACKEND = "streamlit"


@dataclass
class Worker:
    name: str
    port: int
    process: subprocess.Popen | None = None


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if not found:
        raise SystemExit("HAProxy is not installed: apt-get install -y haproxy")
    return found


def workers_for(count: int, port: int) -> list[Worker]:
    return [Worker(f"w{i}", port + i) for i in range(1, count + 1)]


def render_config(workers: list[Worker], bind: str, socket_path: Path, template: Path = TEMPLATE) -> str:
    """HAProxy's configuration: the template with the bind address, the runtime socket and one
    server line per worker (its cookie value is its name)."""
    servers = "\n".join(f"    server {w.name} 127.0.0.1:{w.port} check cookie {w.name}" for w in workers)
    return string.Template(template.read_text(encoding="utf-8")).substitute(
        bind=bind, socket=str(socket_path), servers=servers)


def runtime_command(socket_path: Path, command: str, timeout: float = 5.0) -> str:
    """One command on HAProxy's runtime API (its stats socket), its answer."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(socket_path))
        sock.sendall(command.encode() + b"\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode()


def current_sessions(socket_path: Path) -> dict[str, int]:
    """Open connections per worker, from `show stat` (scur)."""
    lines = runtime_command(socket_path, "show stat").lstrip("# ").splitlines()
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
    return {r["svname"]: int(r["scur"] or 0) for r in rows if r["pxname"] == BACKEND
            and r["svname"] not in ("FRONTEND", "BACKEND")}


def drain(socket_path: Path, names: list[str], grace: float) -> None:
    """No new viewers for these workers; wait (up to grace seconds) for their open sessions to end."""
    for name in names:
        runtime_command(socket_path, f"set server {BACKEND}/{name} state drain")
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        open_now = {n: c for n, c in current_sessions(socket_path).items() if n in names and c}
        if not open_now:
            return
        time.sleep(0.5)


def wait_healthy(port: int, timeout: float = 90.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process for port {port} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"nothing healthy on port {port} after {timeout} s")


def start_worker(worker: Worker, streamlit_args: list[str]) -> None:
    """A worker in a process group of its own, so stopping it stops its children too."""
    worker.process = subprocess.Popen(
        [sys.executable, "-m", "filmdash.serve", "--server.port", str(worker.port), "--server.address", "127.0.0.1",
         "--server.headless", "true", *streamlit_args],
        cwd=ROOT, start_new_session=True)


def stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Cluster:
    """N workers and HAProxy, started and stopped together."""

    def __init__(self, workers: int, port: int, address: str = "localhost", grace: float = 30.0,
                 streamlit_args: list[str] | None = None, run_dir: Path | None = None):
        self.workers = workers_for(workers, port)
        self.port = port
        self.bind = f"{'127.0.0.1' if address == 'localhost' else address}:{port}"
        self.grace = grace
        self.streamlit_args = streamlit_args or []
        self.run_dir = run_dir or BUILD_DIR / "cluster" / str(port)
        self.socket = self.run_dir / "haproxy.sock"
        self.config = self.run_dir / "haproxy.cfg"
        self.haproxy: subprocess.Popen | None = None

    def start(self) -> Cluster:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.config.write_text(render_config(self.workers, self.bind, self.socket), encoding="utf-8")
        subprocess.run([haproxy_binary(), "-c", "-q", "-f", str(self.config)], check=True)
        for worker in self.workers:
            start_worker(worker, self.streamlit_args)
        for worker in self.workers:
            wait_healthy(worker.port, process=worker.process)
        self.haproxy = subprocess.Popen([haproxy_binary(), "-db", "-f", str(self.config)], start_new_session=True)
        wait_healthy(self.port, timeout=30, process=self.haproxy)
        return self

    def stop(self, drain_first: bool = True) -> None:
        if drain_first and self.haproxy is not None and self.haproxy.poll() is None:
            try:
                drain(self.socket, [w.name for w in self.workers], self.grace)
            except OSError:
                pass
        for worker in self.workers:
            stop(worker.process)
        stop(self.haproxy, signal.SIGUSR1)  # HAProxy's soft stop: finish what is open, then exit

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop(drain_first=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m filmdash.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Streamlit workers (default: cores)")
    parser.add_argument("--port", type=int, default=8501, help="HAProxy's port; workers use the next N ports")
    parser.add_argument("--address", default="localhost", help="HAProxy's address (workers stay on 127.0.0.1)")
    parser.add_argument("--grace", type=float, default=30.0, help="seconds open sessions get to finish on stop")
    args, streamlit_args = parser.parse_known_args(argv)
    cluster = Cluster(args.workers, args.port, args.address, args.grace, streamlit_args)

    def shutdown(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shutdown)
    try:
        cluster.start()
        ports = ", ".join(str(w.port) for w in cluster.workers)
        print(f"Film Cities Dashboard: http://{cluster.bind}/ (HAProxy) -> {counted(len(cluster.workers), 'worker', 'workers')} on "
              f"127.0.0.1 ports {ports}. Ctrl-C drains and stops.", flush=True)
        while True:
            time.sleep(1)
            if cluster.haproxy.poll() is not None:
                raise SystemExit(f"HAProxy exited with {cluster.haproxy.returncode}")
    except KeyboardInterrupt:
        print(f"Draining (up to {cluster.grace:.0f} s) and stopping ...", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
