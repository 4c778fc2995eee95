"""A real Streamlit server and Debian's Chromium, with every non-localhost request blocked."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:",
                  "about:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*command: str) -> tuple[subprocess.Popen, str]:
    """A Streamlit server on a free loopback port, started by `python <command>` from the project root;
    returns once /_stcore/health answers."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run); browser tests never skip")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, *command, "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail(f"{' '.join(command)} did not become healthy in 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def server():
    proc, url = start_server("-m", "filmdash.serve")
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page that records every request to another host (and aborts it), and every local one."""

    def __init__(self, browser, base_url: str, locale: str = "en-GB"):
        self.context = browser.new_context(viewport={"width": 1600, "height": 1200}, locale=locale)
        self.page = self.context.new_page()
        self.base_url = base_url
        self.external: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            self.requests.append(url)
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def wait_drawn(self, timeout: float = 60_000) -> None:
        self.page.wait_for_selector(
            '[data-testid=stApp][data-test-connection-state=CONNECTED][data-test-script-state=notRunning]',
            timeout=timeout)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')", timeout=timeout)
        self.page.wait_for_timeout(600)
        self.page.wait_for_selector(
            '[data-testid=stApp][data-test-script-state=notRunning]', timeout=timeout)

    def open(self, path: str = "/") -> Page:
        self.page.goto(self.base_url + path)
        self.wait_drawn()
        return self

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        out = ARTIFACTS / f"{name}.png"
        self.page.locator("[data-testid=stMain]").screenshot(path=str(out))
        return out

    def close(self):
        self.context.close()



def assert_drawn(shot: Path, min_ink: float = 0.03, min_colours: int = 64) -> None:
    """A screenshot shows a drawn page, not an empty or half-loaded one: enough of it is not background
    (ink) and it holds the many colours of text, charts and anti-aliasing."""
    from PIL import Image

    with Image.open(shot) as image:
        pixels = image.convert("RGB").resize((min(image.width, 400), min(image.height, 400)))
        colours = pixels.getcolors(maxcolors=1 << 16) or []
        background = max(colours)[1] if colours else None
        ink = 1 - (max(colours)[0] / (pixels.width * pixels.height)) if colours else 1.0
    assert len(colours) == 0 or len(colours) >= min_colours, f"{shot.name}: {len(colours)} colours, background {background}"
    assert ink >= min_ink, f"{shot.name}: only {ink:.1%} of the picture differs from its background {background}"


@pytest.fixture
def open_page(browser, server):
    pages = []

    def make(path: str = "/", locale: str = "en-GB") -> Page:
        page = Page(browser, server, locale)
        pages.append(page)
        return page.open(path)

    yield make
    for page in pages:
        page.close()


def run_in_netns(test_file: str, selection: str, guard: str, passed: int, timeout: int = 280) -> None:
    """Run some tests of test_file again in a network namespace with only loopback (`unshare -n`): the
    hall with its network down. Inside, the guard variable is set, and the calling test skips; a machine
    that cannot make a namespace skips it too."""
    if os.environ.get(guard):
        pytest.skip("already inside the network namespace")
    if not shutil.which("unshare"):
        pytest.skip("unshare(1) is not installed: no network namespace can be made here")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine refuses a network namespace (needs root or CAP_SYS_ADMIN): {probe.stderr.strip()}")
    inner = (f"ip link set lo up && exec {sys.executable} -m pytest -q -p no:cacheprovider "
             f"{test_file} -k {shlex.quote(selection)}")
    result = subprocess.run(["unshare", "-n", "sh", "-c", inner], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, guard: "1"}, timeout=timeout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert f"{passed} passed" in result.stdout, result.stdout[-2000:]
