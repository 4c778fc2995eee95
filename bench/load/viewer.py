"""A viewer without a browser: Streamlit's websocket protocol, spoken with Streamlit's own protobuf
messages (streamlit.proto: BackMsg, ClientState, WidgetStates, ForwardMsg).

What a browser tab does, and what this does the same way:
1. GET the page's HTML (the load balancer's cookie and Streamlit's XSRF cookie come back with it);
2. open the websocket /_stcore/stream with those cookies, the subprotocols "streamlit" and the XSRF
   token (and, on a reconnect, the previous session id), and an Origin header;
3. send BackMsg.rerun_script with a ClientState (the URL's query string, the page's URL path as
   page_name, the widget states it changed); the server runs the script and streams ForwardMsgs
   (deltas, page info ...), ending with script_finished.

A rerun's time runs from sending rerun_script to script_finished. Used by the Locust load test
(bench/load/locustfile.py) and the cluster failover test (tests/server/test_cluster.py); only
websocket-client and the standard library, so it works under gevent (Locust) and without it.
"""

from __future__ import annotations

import http.cookiejar
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

XSRF_COOKIE = "_streamlit_xsrf"
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


class RerunFailed(Exception):
    """The script raised (an exception element was drawn), failed to compile, or did not finish."""


@dataclass
class Run:
    """What one rerun drew: widgets by their key (the part of the id after the hash), texts, time."""
    seconds: float = 0.0
    status: int | None = None
    widgets: dict[str, tuple[str, object]] = field(default_factory=dict)  # key -> (element type, proto)
    texts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    messages: int = 0
    bytes: int = 0


def widget_key(widget_id: str) -> str:
    """'$$ID-<hash>-url_status' -> 'url_status' (a widget with a user key); other ids unchanged."""
    return widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") and widget_id.count("-") >= 2 else widget_id


class Viewer:
    """One browser tab's connection to a Streamlit server (directly or through a load balancer)."""

    def __init__(self, base_url: str, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self._http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.ws: websocket.WebSocket | None = None
        self.session_id = ""
        self.page = ""
        self.query = ""

    # --- connection ------------------------------------------------------------------------------
    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    def get(self, path: str = "/") -> bytes:
        with self._http.open(self.base_url + path, timeout=self.timeout) as response:
            return response.read()

    def connect(self, path: str = "/") -> None:
        """The page's HTML (the load balancer's cookie), the health check (Streamlit's XSRF cookie),
        then the websocket, as the frontend opens it."""
        self.get(path)
        self.reconnect()

    def reconnect(self) -> None:
        """What the frontend does when its websocket drops: health check, then a new websocket
        naming its old session (a worker that does not know it starts a new one)."""
        self.close()
        self.get("/_stcore/health")
        self.open_socket()

    def open_socket(self) -> None:
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        protocols = ["streamlit", self.cookie(XSRF_COOKIE) or ""]
        if self.session_id:  # a reconnect names the session it had, as the frontend does
            protocols.append(self.session_id)
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.cookies)
        self.ws = websocket.create_connection(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream", timeout=self.timeout,
            subprotocols=protocols, origin=f"{parts.scheme}://{parts.netloc}",
            header=[f"Cookie: {cookie}"] if cookie else [], enable_multithread=False)

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close()
            finally:
                self.ws = None

    # --- reruns ----------------------------------------------------------------------------------
    def rerun(self, page: str | None = None, query: str | None = None, widgets=(), fragment_id: str = "") -> Run:
        """Run the script for page (its URL path, '' for the home page) with query (the URL's query
        string, without '?') and the widget states given; wait for script_finished."""
        self.page = self.page if page is None else page
        self.query = self.query if query is None else query
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = self.page
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(widgets)
        started = time.perf_counter()
        self.ws.send_binary(msg.SerializeToString())
        run = Run()
        deadline = started + self.timeout
        while True:
            self.ws.settimeout(max(0.1, deadline - time.perf_counter()))
            try:
                data = self.ws.recv()
            except websocket.WebSocketTimeoutException as exc:
                raise RerunFailed(f"no script_finished within {self.timeout} s") from exc
            if not isinstance(data, bytes) or not data:
                continue
            run.messages += 1
            run.bytes += len(data)
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            kind = fmsg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fmsg.new_session.initialize.session_id or self.session_id
            elif kind == "delta":
                self._read_delta(fmsg.delta, run)
            elif kind == "page_info_changed":
                self.query = fmsg.page_info_changed.query_string
            elif kind == "script_finished" and fmsg.script_finished in DONE:
                run.seconds = time.perf_counter() - started
                run.status = fmsg.script_finished
                if fmsg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RerunFailed("the script did not compile")
                if run.exceptions:
                    raise RerunFailed("; ".join(run.exceptions)[:500])
                return run

    @staticmethod
    def _read_delta(delta, run: Run) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        proto = getattr(element, kind)
        if kind == "exception":
            run.exceptions.append(f"{proto.type}: {proto.message}")
        elif kind in ("markdown", "heading", "alert") and hasattr(proto, "body"):
            run.texts.append(proto.body)
        widget_id = getattr(proto, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            run.widgets[widget_key(widget_id)] = (kind, proto)


def multiselect_state(proto, labels: list[str]):
    """The widget state a browser sends when a multiselect is set to these option labels."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=proto.id)
    state.string_array_value.data.extend(labels)
    return state


def selectbox_state(proto, label: str):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    return WidgetState(id=proto.id, string_value=label)
