"""The fair laptop: `make pack` before leaving (with a network), `make preflight` on the laptop (none).

    python -m filmdash.fair pack        # build/pack/: wheels, warehouse, fonts, the deck's images and handouts
    python -m filmdash.fair preflight   # the server offline: every page and slide draws, fonts, handouts

pack writes build/pack/: wheels/ (every locked dependency, run and test time, and uv, for
`uv pip install --no-index --find-links build/pack/wheels --require-hashes -r requirements-dev.lock`), the published
warehouse and its CURRENT pointer, fonts/ (the Noto Sans CJK collections the PDF embeds), and the
deck's handouts (their chart images stay cached in build/handouts/images).

preflight checks, and says which check failed: fonts for both Chinese scripts; the warehouse; the
deck file; the handouts build; then it starts the server (inside `unshare -n`, only loopback, when
run as root) and opens every page and every slide of the deck in headless Chromium, failing on any
request that would leave the machine, on an error shown, or on a chart that did not draw.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from filmdash.core import routes
from filmdash.core.paths import BUILD_DIR, ROOT

PACK_DIR = BUILD_DIR / "pack"
UV = "uv==0.13.9"  # what the Makefile bootstraps the venv with
# every page of the navigation (filmdash.core.routes: /data included); presenter mode is opened slide by slide
PAGES = tuple(path for path in routes.url_paths() if path != "/present")
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  for (const c of document.querySelectorAll('[data-testid=stPlotlyChart]')) if (!c.querySelector('.main-svg')) return false;
  return true;
}"""


def step(name: str) -> None:
    print(f"· {name}", flush=True)


def pack() -> int:
    from filmdash.core import db
    from filmdash.presenter import handouts

    PACK_DIR.mkdir(parents=True, exist_ok=True)
    step("wheels for every pinned dependency")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "-d", str(PACK_DIR / "wheels"), "-r", str(ROOT / "requirements-dev.lock")],
                   check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "-d", str(PACK_DIR / "wheels"), UV], check=True, cwd=ROOT)
    step("the published warehouse")
    warehouse = db.current_warehouse()
    shutil.copy2(warehouse, PACK_DIR / warehouse.name)
    (PACK_DIR / "CURRENT").write_text(warehouse.name + "\n", encoding="utf-8")
    step("fonts")
    (PACK_DIR / "fonts").mkdir(exist_ok=True)
    for weight in ("Regular", "Bold"):
        shutil.copy2(handouts._collection(weight), PACK_DIR / "fonts")
    step("the deck's images and handouts")
    for path in handouts.write(handouts.deck.DEFAULT_DECK, PACK_DIR / "handouts", handouts.LANGUAGES, None):
        print(f"  {path.relative_to(ROOT)}")
    print(f"packed into {PACK_DIR.relative_to(ROOT)}")
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fonts() -> list[str]:
    problems = []
    for lang, name in (("zh-cn", "Simplified"), ("zh-tw", "Traditional")):
        found = subprocess.run(["fc-list", f":lang={lang}", "family"], capture_output=True, text=True).stdout
        if not found.strip():
            problems.append(f"no font for {name} Chinese (fc-list :lang={lang}): install fonts-noto-cjk")
    return problems


def _browse(base: str) -> list[str]:
    """Every page and every slide in Chromium; any request off the machine, error or undrawn chart."""
    from playwright.sync_api import sync_playwright

    from filmdash.presenter import slides as present

    problems: list[str] = []
    slides = len(present.read_deck())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        outside: list[str] = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else
                   (outside.append(r.request.url), r.abort()))
        for path in [*PAGES, *(f"/present?slide={n}" for n in range(1, slides + 1))]:
            started = time.perf_counter()
            page.goto(base + path)
            try:
                page.wait_for_function(DRAWN, timeout=90_000)
                page.wait_for_timeout(500)
                page.wait_for_function(DRAWN, timeout=90_000)
            except Exception as error:  # noqa: BLE001 - reported, the next page is still checked
                problems.append(f"{path}: did not finish drawing ({error.__class__.__name__})")
                continue
            if page.locator("[data-testid=stException], [data-testid=stAlertContentError]").count():
                problems.append(f"{path}: shows an error")
            if path.startswith("/present") and not page.locator(".st-key-present_stage .main-svg").count():
                problems.append(f"{path}: the slide's chart did not draw")
            print(f"  {path} drawn in {time.perf_counter() - started:.1f} s", flush=True)
        if outside:
            problems.append(f"requests that would leave the machine: {sorted(set(outside))[:10]}")
        browser.close()
    return problems


def preflight() -> int:
    from filmdash.core import db, deck
    from filmdash.presenter import handouts
    from filmdash.presenter import slides as present

    problems: list[str] = []
    step("fonts for both Chinese scripts")
    problems += _fonts()
    step("the warehouse")
    try:
        db.current_warehouse()
    except db.WarehouseMissing as error:
        problems.append(str(error))
    step("the deck file")
    try:
        present.read_deck()
    except deck.DeckError as error:
        problems.append(str(error))
    if problems:
        print("\n".join(f"FAILED: {p}" for p in problems))
        return 1
    step("the handouts build (all three languages)")
    with tempfile.TemporaryDirectory() as out:
        handouts.write(deck.DEFAULT_DECK, Path(out), handouts.LANGUAGES, None)
    step("the server offline: every page and slide")
    port = _free_port()
    if os.geteuid() == 0 and shutil.which("unshare"):
        # server and browser in a namespace with only loopback: the hall with its network down
        inner = f"ip link set lo up && exec {sys.executable} -m filmdash.fair _offline {port}"
        return subprocess.run(["unshare", "-n", "sh", "-c", inner], cwd=ROOT).returncode
    print("  (not root: networking stays on; every request off the machine is still blocked and reported)")
    return _offline(port)


def _offline(port: int) -> int:
    serve = [sys.executable, "-m", "filmdash.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true"]
    proc = subprocess.Popen(serve, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        return _browse_main(port)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)


def _browse_main(port: int) -> int:
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        print("FAILED: the server did not start")
        return 1
    problems = _browse(base)
    if problems:
        print("\n".join(f"FAILED: {p}" for p in problems))
        return 1
    print("preflight passed: offline, every page and slide drew, fonts and handouts are ready")
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "pack":
        return pack()
    if command == "preflight":
        return preflight()
    if command == "_offline":  # inside the namespace
        return _offline(int(argv[1]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
