"""Shared fixtures: the mini dataset copied to a scratch folder, builds, the shipped warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini fixture's data/raw, for tests that break it on purpose."""
    raw = tmp_path / "raw"
    shutil.copytree(MINI, raw)
    return raw


@pytest.fixture(scope="session")
def shipped_warehouse() -> Path:
    """The warehouse built from the shipped data (make test builds it first)."""
    from filmdash.core.db import current_warehouse

    return current_warehouse()
