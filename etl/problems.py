"""A problem found in the input, worded for the researcher who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


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
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f"value '{shown}'")
        return ": ".join([", ".join(parts), self.reason])


class InputError(Exception):
    """Raised with every problem of one run, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        super().__init__(f"{len(self.problems)} problem(s) in the input")

    def report(self) -> str:
        lines = [f"The input has {len(self.problems)} problem(s); nothing was published:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)
