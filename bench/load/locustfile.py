"""Viewers for Locust, speaking Streamlit's websocket protocol (bench/load/viewer.py), no browser.

Each viewer opens a page of the dashboard (a deep link with ?lang=), then, once every
LOAD_ACT_EVERY seconds (10 by default, think time included; the first one that long after the page opened), does
the next of: change the page's filter (a widget state sent as a browser sends it), switch the
language (?lang=), open another page. Every action is one rerun, timed from the rerun request to
script_finished and reported to Locust as request type "rerun", named by what it did. A failed
rerun (an exception drawn, no answer in 60 s, a dropped connection) is a failure; the viewer then
reconnects, as the frontend does.

Locust's own statistics are not the measure: its percentiles round every time to two significant
figures (1,049 ms counts as 1,000) and mix failed requests in, and its CSV is written before the
--stop-timeout grace period in which the slowest answers arrive (a smoke run's CSV held 3 of the 6
reruns answered). Every rerun's exact time and outcome is written to LOAD_WINDOW_FILE at the end
instead; the runner computes counts and p50/p95/p99 from those.

    locust -f bench/load/locustfile.py --headless -u 100 -r 10 -t 40s --host http://127.0.0.1:8501

`python -m bench.load` (make load) runs it against 10, 50, 100 and 200 viewers and writes bench/LOAD.md.
Only for a server on this machine: the runner refuses any host but 127.0.0.1 / localhost.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from locust import User, constant_pacing, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load.pages import PAGES, with_lang  # noqa: E402
from bench.load.viewer import Viewer, multiselect_state, selectbox_state  # noqa: E402

ACT_EVERY = float(os.environ.get("LOAD_ACT_EVERY", "10"))
LANGS = ("en", "zh-Hans", "zh-Hant")
LOCAL = ("127.0.0.1", "localhost", "::1")


@events.init.add_listener
def only_this_machine(environment, **kwargs):
    host = urlsplit(environment.host or "").hostname
    if host not in LOCAL:
        raise SystemExit(f"load tests target this machine only (127.0.0.1 / localhost), not {host!r}")


# The window in which reruns were answered (first request sent, last answer received), written to
# LOAD_WINDOW_FILE at the end: Locust's own requests/s and --run-time timer start before its users do.
_window = {"first": None, "last": None}
_answered: list[tuple[str, float]] = []  # every answered rerun: (action, exact ms)
_failed: list[tuple[str, str]] = []  # every failed rerun or connection: (action, error)


@events.request.add_listener
def track_window(request_type, name, response_time, exception=None, **kwargs):
    now = time.time()
    if exception is not None:
        _failed.append((name, str(exception)[:200]))
    if request_type == "rerun":
        _window["first"] = min(_window["first"] or now, now - response_time / 1000)
        _window["last"] = now
        if exception is None:
            _answered.append((name, round(response_time, 1)))


@events.quitting.add_listener
def write_window(environment, **kwargs):
    if os.environ.get("LOAD_WINDOW_FILE"):
        now = time.perf_counter()
        waiting = sorted(round(now - started, 1) for _, started in _in_flight.values())
        kinds = [name for name, _ in _in_flight.values()]
        Path(os.environ["LOAD_WINDOW_FILE"]).write_text(json.dumps(
            {**_window, "unanswered": len(waiting), "unanswered_connects": kinds.count("connect"),
             "unanswered_waited_s": waiting, "answered": _answered, "failed": _failed}))


# Viewers still waiting when the run ends (for a rerun's answer, or to connect at all) are written to
# LOAD_WINDOW_FILE with how long they had waited: Locust only times the answers the server gave, so an
# overloaded server would otherwise look fast.
_in_flight: dict[int, tuple[str, float]] = {}


class DashboardViewer(User):
    wait_time = constant_pacing(ACT_EVERY)

    def on_start(self) -> None:
        self.viewer: Viewer | None = None
        self.last = None
        self.steps = random.randrange(3)
        self.lang = random.choice(LANGS)
        self.page = random.choice(list(PAGES))
        self.open(self.page)
        self.opened = True  # the opening was this viewer's first action: the next one comes ACT_EVERY later

    def on_stop(self) -> None:
        if self.viewer is not None:
            self.viewer.close()

    def _fire(self, kind: str, name: str, seconds: float, size: int = 0, exception=None) -> None:
        self.environment.events.request.fire(request_type=kind, name=name, response_time=seconds * 1000,
                                             response_length=size, exception=exception, context={})

    def _connect(self) -> bool:
        started = time.perf_counter()
        _in_flight[id(self)] = ("connect", started)
        try:
            self.viewer = Viewer(self.host, timeout=60)
            self.viewer.connect(f"/{self.page}?lang={self.lang}")
            _in_flight.pop(id(self), None)
            return True
        except Exception as exc:  # a refused connection is a lost viewer
            _in_flight.pop(id(self), None)
            self._fire("connect", "connect", time.perf_counter() - started, exception=exc)
            self.viewer = None
            return False

    def _rerun(self, name: str, **kwargs) -> None:
        if self.viewer is None and not self._connect():
            return
        started = time.perf_counter()
        _in_flight[id(self)] = (name, started)
        try:
            self.last = self.viewer.rerun(**kwargs)
        except Exception as exc:
            _in_flight.pop(id(self), None)
            self._fire("rerun", name, time.perf_counter() - started, exception=exc)
            self.viewer.close()
            self.viewer, self.last = None, None  # the next action reconnects, as the frontend does
            return
        _in_flight.pop(id(self), None)
        self._fire("rerun", name, self.last.seconds, self.last.bytes)

    def open(self, page: str, name: str = "open page") -> None:
        """A link to the page (?lang= only), as the sidebar's navigation opens it."""
        self.page = page
        self._rerun(name, page=page, query=with_lang("", self.lang))

    def change_filter(self) -> bool:
        key = PAGES[self.page]
        if not key or self.last is None or key not in self.last.widgets:
            return False
        kind, proto = self.last.widgets[key]
        options = list(proto.options)
        if not options:
            return False
        if kind == "multiselect":
            state = multiselect_state(proto, random.sample(options, random.randint(1, min(3, len(options)))))
        elif kind == "selectbox":
            state = selectbox_state(proto, random.choice(options))
        else:
            return False
        self._rerun("change filter", widgets=[state])
        return True

    def switch_language(self) -> None:
        self.lang = random.choice([lang for lang in LANGS if lang != self.lang])
        self._rerun("switch language", query=with_lang(self.viewer.query if self.viewer else "", self.lang))

    @task
    def act(self) -> None:
        if self.opened:  # Locust runs the first task at once after on_start; constant_pacing then waits
            self.opened = False
            return
        if self.viewer is None or self.last is None:
            self.open(self.page)
            return
        step, self.steps = self.steps % 3, self.steps + 1
        if step == 0 and self.change_filter():
            return
        if step in (0, 1):
            self.switch_language()
        else:
            self.open(random.choice([p for p in PAGES if p != self.page]), "open another page")
