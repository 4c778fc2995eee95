"""The dependency files agree: every pin in requirements*.txt is what the hashed lock installs, and the
development lock holds the run-time tree unchanged (so tests run on exactly what `make run` installs)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", re.M)


def pins(path: Path) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(path.read_text(encoding="utf-8"))}


def test_every_requirement_is_locked_at_its_pin():
    for requirements, lock in (("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")):
        wanted, locked = pins(ROOT / requirements), pins(ROOT / lock)
        assert {n: v for n, v in wanted.items() if locked.get(n) != v} == {}, f"run `make lock`: {lock} is stale"


def test_the_development_lock_keeps_the_run_time_tree():
    run, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert {n: (v, dev.get(n)) for n, v in run.items() if dev.get(n) != v} == {}


def test_every_locked_package_carries_hashes():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        entries = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", (ROOT / lock).read_text(encoding="utf-8"))
        unhashed = [e.split()[0] for e in entries if PIN.match(e) and "--hash=sha256:" not in e]
        assert unhashed == [], lock
