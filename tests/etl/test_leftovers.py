"""Crash leftovers: a killed build's files go when they are proven unused, never while a build runs;
last_build.json is replaced atomically, and an unreadable one means "stale", not a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import etl.build as build_module
from etl.__main__ import main, up_to_date
from etl.build import build, current_path, write_atomically
from etl.leftovers import remove_leftovers
from tests.etl.helpers import kill9, start_paused_build


def _names(out: Path, pattern: str) -> list[str]:
    return sorted(p.name for p in out.glob(pattern))


def test_a_build_killed_with_sigkill_leaves_files_the_next_build_removes(mini, tmp_path):
    out = tmp_path / "out"
    good = build(mini, out, root=tmp_path).path
    kill9(start_paused_build(mini, out))
    partial = _names(out, "*.building")
    assert len(partial) == 1
    assert _names(out, "*.building.lock") == [partial[0] + ".lock"]
    newer = build(mini, out, root=tmp_path).path
    assert newer != good and current_path(out) == newer
    assert _names(out, "*.building*") == []


def test_the_files_of_a_running_build_are_kept(mini, tmp_path):
    out = tmp_path / "out"
    build(mini, out, root=tmp_path)
    running = start_paused_build(mini, out)
    try:
        partial = _names(out, "*.building")
        assert len(partial) == 1
        # another build, meanwhile, in this process: it publishes and leaves the running one's files alone
        newer = build(mini, out, root=tmp_path).path
        assert current_path(out) == newer
        assert remove_leftovers(out) == []
        assert _names(out, "*.building") == partial
        assert _names(out, "*.building.lock") == [partial[0] + ".lock"]
    finally:
        kill9(running)
    removed = [p.name for p in remove_leftovers(out)]
    assert removed[0] == partial[0] and removed[-1] == partial[0] + ".lock"  # DuckDB's .wal between, if any
    assert _names(out, "*.building*") == []


def _holding_open(path: Path) -> subprocess.Popen:
    script = "import sys, time\nf = open(sys.argv[1], 'rb')\nprint('open', flush=True)\ntime.sleep(60)\n"
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_building_file_without_a_lock_goes_only_when_no_process_has_it_open(tmp_path):
    """Builds before the lock left bare .building files (24 after 36 kills in the attack on the project)."""
    partial = tmp_path / "warehouse-20260101T000000-000000001.building"
    wal = tmp_path / (partial.name + ".wal")
    partial.write_bytes(b"partial")
    wal.write_bytes(b"wal")
    holder = _holding_open(partial)
    try:
        assert remove_leftovers(tmp_path) == []
        assert partial.exists()
    finally:
        kill9(holder)
    assert remove_leftovers(tmp_path) == [partial, wal]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temporary_files_of_a_dead_writer_go_and_of_a_live_one_stay(tmp_path):
    dead = tmp_path / f".last_build.json.{_dead_pid()}.tmp"
    live = tmp_path / f".CURRENT.{os.getpid()}.tmp"
    other = tmp_path / ".notes.tmp"  # no pid: not ours to judge
    for path in (dead, live, other):
        path.write_text("x", encoding="utf-8")
    assert remove_leftovers(tmp_path) == [dead]
    assert live.exists() and other.exists()


def test_last_build_json_is_never_written_in_place(tmp_path, monkeypatch):
    """A writer killed before its rename leaves the old file whole (and a temporary file of its own)."""
    stamp = tmp_path / "last_build.json"
    stamp.write_text('{"tree_sha256": "old"}\n', encoding="utf-8")

    def killed(src, dst):
        raise KeyboardInterrupt("killed before the rename")

    monkeypatch.setattr(build_module.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(stamp, '{"tree_sha256": "new", "tables": {}}\n')
    assert json.loads(stamp.read_text(encoding="utf-8")) == {"tree_sha256": "old"}
    assert _names(tmp_path, ".*.tmp") == [f".last_build.json.{os.getpid()}.tmp"]


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated by a crash
    lambda text: "",
    lambda text: "\udcff",  # not UTF-8
    lambda text: "[]",  # JSON, but not an object
    lambda text: '{"tree_sha256": 5}',
])
def test_an_unreadable_last_build_json_is_stale_and_rebuilt(mini, tmp_path, capsys, damage):
    out = tmp_path / "out"
    args = ["build", "--if-stale", "--raw", str(mini), "--out", str(out)]
    assert main(args) == 0
    assert up_to_date(mini, out)
    stamp = out / "last_build.json"
    stamp.write_bytes(damage(stamp.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    assert not up_to_date(mini, out)
    before = current_path(out)
    capsys.readouterr()
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Published ")
    assert current_path(out) != before
    assert up_to_date(mini, out)
