"""The run-time dependencies are complete: a virtual environment made from requirements.lock alone
(what `make run` installs) builds the warehouse, draws every page in every language and makes every
export. A module the app imports that only the development set installs fails here."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".venv" / "bin" / "uv"


def test_the_run_time_lock_alone_runs_the_app_and_every_export(tmp_path):
    venv = tmp_path / "runtime-venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", "3.11", str(venv)], check=True, cwd=ROOT)
    subprocess.run([str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                    "--require-hashes", "-r", "requirements.lock"], check=True, cwd=ROOT)
    installed = subprocess.run([str(UV), "pip", "list", "--python", str(venv / "bin" / "python"), "--format", "freeze"],
                               check=True, cwd=ROOT, capture_output=True, text=True).stdout
    assert "pytest" not in installed and "geopandas" not in installed  # the development set is not there
    done = subprocess.run([str(venv / "bin" / "python"), "tests/runtime/check_runtime.py", str(tmp_path / "build")],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert sum(line.startswith("page ") for line in lines) == 30
    assert [line.split(":")[0] for line in lines if line.startswith("download ")] == [
        "download csv", "download xlsx", "download parquet", "download json"]
    assert [line.split(":")[0] for line in lines if line.startswith("handout ")] == ["handout pptx", "handout pdf"]
    assert [line.split(":")[0] for line in lines if line.startswith("map ")] == ["map png", "map svg"]
    assert lines[-1] == "runtime check passed"
