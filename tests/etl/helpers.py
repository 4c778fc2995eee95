"""Helpers shared by the ETL tests: break a copy of the input, collect the problems a build reports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from etl.build import build
from etl.problems import InputError

ROOT = Path(__file__).resolve().parents[2]


def problems_for(raw: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        build(raw, tmp_path / "out", root=raw.parent)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


PAUSED_BUILD = (
    "import sys, time, pathlib, etl.build as b\n"
    "orig = b.load\n"
    "def slow(con, ex, digest):\n"
    "    counts = orig(con, ex, digest)\n"
    "    print('loaded', flush=True); time.sleep(60)\n"
    "    return counts\n"
    "b.load = slow\n"
    "b.build(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))\n"
)


def start_paused_build(raw: Path, out: Path) -> subprocess.Popen:
    """A build in another process, paused once its warehouse is loaded (its .building file written)."""
    proc = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(raw), str(out)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "loaded"
    return proc


def kill9(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
