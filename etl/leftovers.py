"""What a killed build leaves behind, and how the next build proves it is no longer in use.

A build writes warehouse-<stamp>.building and, beside it, warehouse-<stamp>.building.lock holding
the builder's pid under an exclusive flock(2) for the whole build. The kernel drops the flock when
the process dies, even by kill -9, so a lock that can be taken belongs to no running build: its
.building file (and DuckDB's .wal beside it) can go. The lock is taken before the lock file appears
under its name (a temporary file, locked, then renamed), so a visible lock file is never free while
its build runs. A .building file with no lock file at all (older builds made none) goes only when no
process has it open (Linux's /proc). Temporary files of an atomic write (.<name>.<pid>.tmp) go when
their pid is dead.
"""

from __future__ import annotations

import fcntl
import os
import re
from pathlib import Path

LOCK_SUFFIX = ".lock"
TMP = re.compile(r"^\..+\.(\d+)\.tmp$")


class BuildLock:
    """Held while a build writes `partial`; released (and its file removed) when the build ends."""

    def __init__(self, partial: Path):
        self.path = partial.with_name(partial.name + LOCK_SUFFIX)
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self.fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        os.write(self.fd, f"{os.getpid()}\n".encode())
        os.rename(tmp, self.path)
        return self

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def lock_is_free(lock: Path) -> bool:
    """True when no running process holds this lock file (so its build is dead)."""
    try:
        fd = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing this descriptor releases only the flock taken through it


def open_by_any_process(path: Path) -> bool | None:
    """Whether a process has the file open (None when that cannot be known: no /proc)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    target = str(path.resolve())
    for fd_dir in proc.glob("[0-9]*/fd"):
        try:
            for fd in fd_dir.iterdir():
                try:
                    if os.readlink(fd) == target:
                        return True
                except OSError:
                    continue
        except OSError:  # the process ended, or belongs to someone else
            continue
    return False


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(build_dir: Path) -> list[Path]:
    """Remove what killed builds left in build_dir, only where it is proven unused. Returns what went."""
    removed = []

    def remove(*paths: Path) -> None:
        for path in paths:
            if path.exists():
                path.unlink(missing_ok=True)
                removed.append(path)

    for partial in sorted(build_dir.glob("*.building")):
        lock = partial.with_name(partial.name + LOCK_SUFFIX)
        wal = partial.with_name(partial.name + ".wal")
        if lock.exists():
            if lock_is_free(lock):
                remove(partial, wal, lock)
        elif open_by_any_process(partial) is False:
            remove(partial, wal)
    for lock in sorted(build_dir.glob("*.building" + LOCK_SUFFIX)):
        if not lock.with_suffix("").exists() and lock_is_free(lock):
            remove(lock)  # killed after its warehouse was published, before the lock was removed
    for tmp in sorted(build_dir.glob(".*.tmp")):
        m = TMP.match(tmp.name)
        if m and not pid_alive(int(m.group(1))):
            remove(tmp)
    return removed
