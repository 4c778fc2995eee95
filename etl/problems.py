"""A problem found in the input, worded for the researcher who has to fix it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale

# A malformed 100 MB file has a million problems of one kind; the first few say what to fix.
PER_KIND = 20  # problems listed per file and kind (same column, same reason)
PER_FILE = 100  # problems listed per file
INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def counted(n: int, one: str, other: str) -> str:
    """A count with its words in the right English form ('1 problem', '3 problems'): CLDR's plural
    rule through Babel."""
    return f"{n} {one if Locale('en').plural_form(n) == 'one' else other}"


def visible(text: str) -> str:
    """The text with control, format (bidi, zero-width) and unassigned characters written as escapes,
    so a hostile value cannot reorder or hide the report it appears in."""
    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in INVISIBLE else ch for ch in text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        parts = [where]
        if self.column:
            parts.append(f"column '{visible(self.column)}'")
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f"value '{visible(shown)}'")
        return ": ".join([", ".join(parts), self.reason])

    @property
    def kind(self) -> tuple[str | None, str]:
        """Problems of one kind share a column and a reason, whatever the numbers in it."""
        return self.column, re.sub(r"[0-9]+", "N", self.reason)


class ProblemLog:
    """Every problem counted; at most PER_KIND of one kind and PER_FILE of one file kept."""

    def __init__(self, problems: Iterable[Problem] = ()):
        self.kept: list[Problem] = []
        self.total = 0
        self.omitted: Counter[str] = Counter()  # file -> problems counted but not kept
        self._files: Counter[str] = Counter()
        self._kinds: Counter[tuple] = Counter()
        self.extend(problems)

    def add(self, problem: Problem) -> None:
        self.total += 1
        kind = (problem.file, problem.kind)
        if self._files[problem.file] < PER_FILE and self._kinds[kind] < PER_KIND:
            self._files[problem.file] += 1
            self._kinds[kind] += 1
            self.kept.append(problem)
        else:
            self.omitted[problem.file] += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        if isinstance(problems, ProblemLog):
            for problem in problems.kept:
                self.add(problem)
            self.total += sum(problems.omitted.values())
            self.omitted.update(problems.omitted)
            return
        for problem in problems:
            self.add(problem)

    def __len__(self) -> int:
        return self.total

    def __bool__(self) -> bool:
        return self.total > 0


class InputError(Exception):
    """Raised with every problem of one run, never just the first (long runs of one kind counted)."""

    def __init__(self, problems: Iterable[Problem] | ProblemLog):
        log = problems if isinstance(problems, ProblemLog) else ProblemLog(problems)
        self.problems = sorted(log.kept, key=lambda p: (p.file, p.line or 0, p.column or "", p.reason))
        self.total = log.total
        self.omitted = dict(log.omitted)
        super().__init__(f"{counted(self.total, 'problem', 'problems')} in the input")

    def report(self) -> str:
        lines = [f"The input has {counted(self.total, 'problem', 'problems')}; nothing was published:"]
        lines += [f"  - {p}" for p in self.problems]
        for file, count in sorted(self.omitted.items()):
            lines.append(f"  ... and {counted(count, 'more problem', 'more problems')} in {file}, not listed (at most {PER_KIND} of one "
                         f"kind and {PER_FILE} per file are shown)")
        return "\n".join(lines)
