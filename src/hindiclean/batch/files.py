"""Files a batch run writes: outputs under a temporary name renamed when complete, and the lock
that keeps two runs out of one `--out`."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems


def part_path(path: Path, suffix: str = "") -> Path:
    """The temporary name of `path` while it is written: `.NAME.part` beside it, or a short
    `.hindiclean-HASH.part` when that would be longer than a file name may be."""
    name = f".{path.name}.part{suffix}"
    if len(os.fsencode(name)) > NAME_MAX:
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:24]
        name = f".hindiclean-{digest}.part{suffix}"
    return path.with_name(name)


def finish(tmp: Path, path: Path, fsync: bool) -> None:
    """Rename a complete temporary file into place (after flushing it to disk)."""
    if fsync:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    os.replace(tmp, path)


def write_atomic(path: Path, data: bytes, fsync: bool = True, tmp: Path | None = None) -> None:
    """Write `data` to `path` through a temporary file: never a truncated `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp or part_path(path, f"-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        finish(tmp, path, fsync)
    finally:
        if tmp.exists():
            tmp.unlink()


class Lock:
    """An exclusive lock on `--out`: held by one run at a time, freed when its process ends
    (even by `kill -9`)."""

    def __init__(self, out: Path) -> None:
        self.path = out / ".hindiclean" / "lock"
        self.fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another run holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: an exclusive create instead
            self.fd = fd
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return True

    def holder(self) -> str:
        try:
            return self.path.read_text().strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
