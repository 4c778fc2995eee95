"""Helpers shared by the ETL tests: break a copy of the input, collect the problems a build reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.build import build
from etl.problems import InputError


def problems_for(raw: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        build(raw, tmp_path / "out", root=raw.parent)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
