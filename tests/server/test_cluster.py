"""Several workers behind HAProxy (filmdash.cluster): a viewer stays on its worker; when a worker
dies under load, the viewers of the other worker go on without a failure, and a viewer of the dead
one reconnects (as Streamlit's frontend does: health check, new websocket), lands on the survivor
and gets its view back from its URL.

Viewers speak Streamlit's websocket protocol (bench/load/viewer.py); no browser."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
import websocket

from bench.load.ports import free_block
from bench.load.viewer import RerunFailed, Viewer
from filmdash.cluster import Cluster, current_sessions, haproxy_binary, render_config, runtime_command, workers_for
from filmdash.core.i18n import t

pytestmark = pytest.mark.cluster

PAGE, QUERY = "coproductions", "lang=en&year=2021&coproductions_section=by_year"



def test_the_configuration_names_every_worker_with_its_cookie(tmp_path):
    config = render_config(workers_for(3, 9000), "127.0.0.1:9000", tmp_path / "s.sock")
    assert "cookie SRV insert indirect nocache" in config
    assert "option httpchk GET /_stcore/health" in config and "timeout tunnel" in config
    for i in (1, 2, 3):
        assert f"server w{i} 127.0.0.1:{9000 + i} check cookie w{i}" in config
    (tmp_path / "haproxy.cfg").write_text(config)
    import subprocess

    subprocess.run([haproxy_binary(), "-c", "-q", "-f", str(tmp_path / "haproxy.cfg")], check=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    port = free_block(3)
    c = Cluster(2, port, run_dir=tmp_path_factory.mktemp("cluster"))
    c.start()
    yield c
    c.stop(drain_first=False)


def open_view(base_url: str) -> Viewer:
    viewer = Viewer(base_url, timeout=90)
    viewer.connect(f"/{PAGE}?{QUERY}")
    viewer.rerun(PAGE, QUERY)
    return viewer


def shows_the_year(run) -> bool:
    return t("coproductions_year_filter_on", "en", year=2021) in run.texts


def test_a_drained_worker_keeps_its_viewers_and_takes_no_new_ones(cluster):
    base = f"http://127.0.0.1:{cluster.port}"
    first, second = open_view(base), open_view(base)
    assert {first.cookie("SRV"), second.cookie("SRV")} == {"w1", "w2"}  # fewest connections first
    kept = first if first.cookie("SRV") == "w2" else second
    runtime_command(cluster.socket, "set server streamlit/w2 state drain")
    try:
        newcomers = [open_view(base) for _ in range(3)]
        assert [v.cookie("SRV") for v in newcomers] == ["w1"] * 3
        assert shows_the_year(kept.rerun())  # still served by the drained worker, same websocket
        kept.close()
        kept.get("/_stcore/health")  # its next request, with its cookie, still reaches w2
        assert kept.cookie("SRV") == "w2"
    finally:
        runtime_command(cluster.socket, "set server streamlit/w2 state ready")
    for viewer in [first, second, *newcomers]:
        viewer.close()
    time.sleep(1)


def test_a_dead_worker_loses_no_viewer_on_the_other_and_its_viewers_come_back(cluster):
    base = f"http://127.0.0.1:{cluster.port}"
    viewers: dict[str, list[Viewer]] = {"w1": [], "w2": []}
    for _ in range(12):  # new viewers go to the worker with fewer connections: two on each
        if min(len(v) for v in viewers.values()) >= 2:
            break
        viewer = open_view(base)
        viewers[viewer.cookie("SRV")].append(viewer)
    assert all(len(v) >= 2 for v in viewers.values()), {k: len(v) for k, v in viewers.items()}
    assert current_sessions(cluster.socket) == {"w1": 2, "w2": 2}

    # the survivors keep working while the other worker is killed: each reruns in a loop
    errors: list[str] = []
    reruns: list[int] = []
    stop = threading.Event()

    def keep_viewing(viewer: Viewer) -> None:
        done = 0
        langs = ("zh-Hans", "en")
        while not stop.is_set():
            try:
                run = viewer.rerun(query=QUERY.replace("lang=en", f"lang={langs[done % 2]}"))
                assert run.widgets, "nothing drawn"
                done += 1
            except Exception as exc:  # any failure is a lost viewer
                errors.append(repr(exc))
                return
            time.sleep(0.2)
        reruns.append(done)

    threads = [threading.Thread(target=keep_viewing, args=(v,)) for v in viewers["w1"]]
    for thread in threads:
        thread.start()
    time.sleep(1)
    victim = next(w for w in cluster.workers if w.name == "w2")
    os.killpg(victim.process.pid, signal.SIGKILL)
    victim.process.wait()

    # the dead worker's viewers: their websocket is gone; they reconnect and rerun their URL
    for viewer in viewers["w2"]:
        with pytest.raises((websocket.WebSocketException, OSError, RerunFailed)):
            viewer.rerun()
        viewer.reconnect()
        assert viewer.cookie("SRV") == "w1"  # HAProxy sent it to the survivor, and says so
        run = viewer.rerun(PAGE, QUERY)
        assert shows_the_year(run), run.texts  # its view, from its URL
        assert run.widgets["url_coproductions_section"]

    time.sleep(5)  # long enough for HAProxy's health checks to mark w2 down
    stop.set()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert len(reruns) == len(viewers["w1"]) and min(reruns) >= 5, reruns
    assert "w2" in current_sessions(cluster.socket)  # still configured, now down
    # and a new viewer goes to the survivor
    assert open_view(base).cookie("SRV") == "w1"
