"""Fuzz the ETL with mutated copies of the real input files (bytes, quotes, encodings, cells, lines).

Properties: `check` either passes or raises InputError whose every problem names a file and a line,
never any other exception; and a `build` that fails leaves the published warehouse, its pointer and
last_build.json byte-identical, with nothing of its own left behind.

`make test` runs the "standard" profile (200 examples in all); `make fuzz` runs HYPOTHESIS_PROFILE=fuzz
(5000; FUZZ_EXAMPLES=N for N + N/4).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from etl.build import build, current_path
from etl.problems import InputError

ROOT = Path(__file__).resolve().parents[2]
COMMON = {"deadline": None, "database": None, "print_blob": True,
          "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
# About 0.1 s of CPU for a refused input, 0.6 s for one that passes and is built (a quarter of them):
# 160 + 40 examples take about a minute of CPU; `make fuzz` 4000 + 1000.
settings.register_profile("standard", max_examples=160, **COMMON)
# FUZZ_EXAMPLES bounds a fuzz run on a busy machine (a niced run on a shared 2-core machine managed
# about one example a minute): `FUZZ_EXAMPLES=200 make fuzz`.
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "4000")), **COMMON)
settings.register_profile("quick", max_examples=25, **COMMON)  # while working on the ETL
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "standard"))
# a minute on an idle machine; far more on a busy shared one. `make fuzz` runs for as long as its examples take:
# pytest-timeout's marker overrides `-o timeout=0`, and its SIGALRM, arriving in the middle of a DuckDB query,
# surfaced as "RuntimeError: Query interrupted" (a flaky failure) 900 s into a 4000-example run.
pytestmark = pytest.mark.timeout(0 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 900)
BUILD_SHARE = 4  # the publishing property writes a warehouse per passing example: a quarter of the examples

FILES = sorted(str(p.relative_to(ROOT / "data" / "raw")) for p in (ROOT / "data" / "raw").glob("*/*.csv"))
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "latin-1", "cp1252", "utf-16", "big5", "ascii")
HOSTILE = (
    "", " ", '"', '""', "'", ",", "|", " | ", "..", "../../etc/passwd", "-1", "-0", "0", "1e400", "inf", "-inf",
    "NaN", "1" * 20, "9" * 29, "9" * 40, "0.0000000001", "1,000", "７００", "٣٦٦", "２０２３-04-07", "2023-02-30",
    "0000", "9999-12-31", "true", "TRUE", "\x00", "\x1b[31m", "\u202eevil", "zero\u200bwidth", "a\u2028b",
    "\ufeff", "é\x9d\x92å²\x9b", "Ã©", "<a href='x'>x</a>", "=1+1", "x" * 5000, "青岛", "\r", "\n", "a\r\nb",
    "qingdao", "CN", "hangzhou", "s-seed", "seed-000", "count", "billion", "city", "released-CN", "held",
)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """A private copy of the shipped data/raw; each example mutates it and puts it back."""
    raw = tmp_path_factory.mktemp("fuzz") / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    return raw


def _splice(data: bytes, at: float, cut: int, insert: bytes) -> bytes:
    i = int(at * len(data))
    return data[:i] + insert + data[i + cut:]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def mutations(draw):
    """(file, new bytes, declared encoding or None to keep it)."""
    file = draw(st.sampled_from(FILES))
    data = (ROOT / "data" / "raw" / file).read_bytes()
    kind = draw(st.sampled_from(("bytes", "quote", "encoding", "cell", "lines")))
    encoding = None
    at = draw(st.floats(0, 1, exclude_max=True))
    if kind == "bytes":
        data = _splice(data, at, draw(st.integers(0, 4)), draw(st.binary(max_size=4)))
    elif kind == "quote":
        quotes = [m.start() for m in re.finditer(b'"', data)]
        if quotes and draw(st.booleans()):
            i = quotes[int(at * len(quotes))]
            data = data[:i] + draw(st.sampled_from((b"", b'""', b'"x', b"\n"))) + data[i + 1:]
        else:
            data = _splice(data, at, 0, b'"')
    elif kind == "encoding":
        text = data.decode("utf-8-sig")
        target = draw(st.sampled_from(ENCODINGS))
        data = text.encode(target, errors=draw(st.sampled_from(("replace", "ignore"))))
        encoding = draw(st.sampled_from((target, "utf-8", *ENCODINGS)))
    elif kind == "cell":
        lines = _lines(data)
        row = draw(st.integers(0, len(lines) - 1))
        cells = lines[row].split(b",")
        col = draw(st.integers(0, len(cells) - 1))
        value = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30)))
        if draw(st.booleans()):
            value = '"' + value.replace('"', '""') + '"'
        cells[col] = value.encode("utf-8", errors="surrogatepass")
        lines[row] = b",".join(cells)
        data = b"\n".join(lines)
    else:
        lines = _lines(data)
        i = int(at * len(lines))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "truncate", "blank", "bom")))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[0] = lines[0], lines[i]
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from((b"", b",,,", b"  ", b"\r"))))
        elif op == "bom":
            lines.insert(i, b"\xef\xbb\xbf")
        data = b"\n".join(lines)
        if op == "truncate":
            data = data[: int(at * len(data))]
    return file, data, encoding


class Mutated:
    """The shipped copy with one mutation applied; restored on exit."""

    def __init__(self, raw: Path, mutation: tuple[str, bytes, str | None]):
        self.raw, (self.file, self.data, self.encoding) = raw, mutation
        self.saved: dict[Path, bytes] = {}

    def __enter__(self) -> Path:
        path, manifest = self.raw / self.file, self.raw / "manifest.toml"
        self.saved = {path: path.read_bytes(), manifest: manifest.read_bytes()}
        path.write_bytes(self.data)
        if self.encoding:
            text = self.saved[manifest].decode("utf-8")
            declared = f'path = "{self.file}"\nencoding = "'
            start = text.index(declared) + len(declared)
            manifest.write_text(text[:start] + self.encoding + text[text.index('"', start):], encoding="utf-8")
        return self.raw

    def __exit__(self, *exc: object) -> None:
        for path, data in self.saved.items():
            path.write_bytes(data)


def _assert_problems_are_placed(error: InputError) -> None:
    assert error.total >= len(error.problems) > 0
    for problem in error.problems:
        assert problem.file and problem.line is not None and problem.line >= 1, str(problem)
        assert problem.reason, str(problem)


@given(mutation=mutations())
def test_check_passes_or_names_file_and_line_for_every_problem(shipped, tmp_path_factory, mutation):
    with Mutated(shipped, mutation) as raw:
        try:
            result = build(raw, tmp_path_factory.getbasetemp() / "never-written", publish=False, root=raw.parent)
        except InputError as error:
            event("refused")
            _assert_problems_are_placed(error)
            for problem in error.problems:
                assert (raw.parent / problem.file).is_file(), str(problem)
        else:
            event("passed")
            assert result.path is None and sum(result.tables.values()) > 0
    assert not (tmp_path_factory.getbasetemp() / "never-written").exists()


def _state(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def published(shipped, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published")
    build(shipped, out, root=shipped.parent)
    return out


@settings(max_examples=max(10, settings().max_examples // BUILD_SHARE))
@given(mutation=mutations())
def test_a_failing_build_never_changes_the_published_warehouse(shipped, published, mutation):
    before, serving = _state(published), current_path(published)
    with Mutated(shipped, mutation) as raw:
        try:
            build(raw, published, root=raw.parent)
        except InputError as error:
            _assert_problems_are_placed(error)
            assert current_path(published) == serving
            assert _state(published) == before
        else:
            assert current_path(published) != serving  # a harmless mutation publishes a new warehouse
    assert not list(published.glob("*.building*")) and not list(published.glob(".*.tmp"))
