"""Which pages a batch run reads: text files, folders, stdin, JSONL (.gz) and Parquet files.

Folders are walked as a stream (one folder's names in memory at a time), symlinked folders are
followed, and whatever cannot be listed or followed (an unreadable folder, a dangling symlink,
a symlink loop) comes out as a `Source` of kind "failed", to be reported and counted.
"""

from __future__ import annotations

import atexit
import gzip
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from itertools import chain, islice
from pathlib import Path

from .settings import Settings


class UsageError(ValueError):
    """The command's inputs or options cannot work; the message says which and why."""


def shown(path: object) -> str:
    """A path as text that can always be printed and written to JSON (bytes of a name that is
    not UTF-8 show as \\xNN)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Source:
    """One input: its kind, where it is, and where its output goes (relative to --out)."""

    kind: str  # "text", "jsonl", "parquet", "stdin", or "failed" (reason says why)
    path: Path | None
    rel: Path
    size: int = -1
    mtime_ns: int = -1
    reason: str = ""
    name: str = ""  # how the input is named in reports, when not by its path ("-": stdin)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return "-" if self.path is None else shown(self.path)


# What --format takes; "auto" tells the format from the name (and, for .json and stdin, from the
# first line: a JSON object on it makes the input JSON Lines).
FORMATS = ("auto", "text", "jsonl", "parquet")
# How much of a .json file or of stdin is read to find its first line.
SNIFF_BYTES = 1 << 20


def kind_of(path: Path, fmt: str = "auto") -> str:
    """The kind of an input file: "text", "jsonl" or "parquet" (`fmt` other than "auto" wins)."""
    if fmt != "auto":
        return fmt
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".json", ".json.gz")):
        return "jsonl" if _first_line_is_object(_head(path)) else "json"
    return "text"


def _head(path: Path) -> bytes:
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            return fh.read(SNIFF_BYTES)
    except (OSError, EOFError):
        return b""  # unreadable or damaged: reading it as JSON Lines reports the reason


def _first_line_is_object(head: bytes) -> bool:
    """Whether the first non-blank line of `head` is a whole JSON object (JSON Lines)."""
    for line in head.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def stdin_kind(fmt: str = "auto") -> str:
    """The kind of what is piped in, from its first line (without consuming it)."""
    if fmt != "auto":
        return fmt
    peek = getattr(sys.stdin.buffer, "peek", None)
    head = peek(SNIFF_BYTES) if peek is not None else b""
    return "jsonl" if b"\n" in head and _first_line_is_object(head) else "text"


def _spooled_stdin() -> Source:
    """JSON Lines piped in, copied to a temporary file (removed at exit) and read as a JSONL
    input named "-", whose output is stdin.jsonl under --out (or stdout)."""
    fd, name = tempfile.mkstemp(prefix="hindiclean-stdin-", suffix=".jsonl")
    atexit.register(Path(name).unlink, missing_ok=True)
    with os.fdopen(fd, "wb") as fh:
        shutil.copyfileobj(sys.stdin.buffer, fh)
    st = os.stat(name)
    return Source("jsonl", Path(name), Path("stdin.jsonl"), st.st_size, st.st_mtime_ns, name="-")


def _source(path: Path, rel: Path, st: os.stat_result, fmt: str = "auto") -> Source:
    kind = kind_of(path, fmt)
    if kind == "json":
        return _failed(
            path,
            "a JSON document, not JSON Lines (one object a line): convert it (jq -c '.[]') "
            "or pass --format jsonl or --format text",
        )
    return Source(kind, path, rel, st.st_size, st.st_mtime_ns)


def _failed(path: Path, reason: str) -> Source:
    return Source("failed", path, Path(), reason=reason)


def _entries(folder: Path, settings: Settings) -> Iterator[os.DirEntry]:
    """A folder's entries, by name when there are at most `settings.sort_limit`."""
    with os.scandir(folder) as it:
        first = list(islice(it, settings.sort_limit + 1))
        if len(first) <= settings.sort_limit:
            yield from sorted(first, key=lambda e: e.name)
        else:
            yield from chain(first, it)


def _walk(
    root: Path, folder: Path, glob: str, settings: Settings, ancestors: frozenset,
    fmt: str = "auto",
) -> Iterator[Source]:
    try:
        for entry in _entries(folder, settings):
            if entry.name.startswith("."):
                continue  # hidden, such as our own .NAME.part files and .hindiclean folder
            path = Path(entry.path)
            try:
                st = os.stat(path)  # follows symlinks
            except FileNotFoundError:
                yield _failed(path, f"dangling symlink (to {shown(os.readlink(path))})")
                continue
            except OSError as exc:
                yield _failed(path, f"cannot follow: {exc.strerror or exc}")
                continue
            rel = path.relative_to(root)
            if entry.is_dir():
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    yield _failed(path, "symlink loop (a folder that holds itself)")
                    continue
                yield from _walk(root, path, glob, settings, ancestors | {key}, fmt)
            elif entry.is_file() and fnmatchcase(
                rel.as_posix() if "/" in glob else entry.name, glob
            ):
                yield _source(path, rel, st, fmt)
    except OSError as exc:
        yield _failed(folder, f"cannot list the folder: {exc.strerror or exc}")


def iter_sources(
    args: list[str], glob: str = "*.txt", settings: Settings | None = None, fmt: str = "auto"
) -> Iterator[Source]:
    """Expand the command's INPUT arguments, streamed; folders are searched recursively with
    `glob`; `fmt` ("auto" or one of FORMATS) is the format of every input. Check the
    arguments with `check_args` first."""
    settings = settings or Settings()
    for arg in args:
        if arg == "-":
            if stdin_kind(fmt) == "jsonl":
                yield _spooled_stdin()
            else:
                yield Source("stdin", None, Path("stdin.txt"))
            continue
        path = Path(arg)
        st = os.stat(path)
        if path.is_dir():
            yield from _walk(path, path, glob, settings, frozenset({(st.st_dev, st.st_ino)}), fmt)
        else:
            yield _source(path, Path(path.name), st, fmt)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_args(args: list[str], out: Path | None) -> None:
    """Raise UsageError for inputs that do not exist, two files that would be written to one
    output, and an `--out` that is a file, an input, inside one, or holds one."""
    names: dict[str, str] = {}
    for arg in args:
        if arg == "-":
            continue
        path = Path(arg)
        if not path.exists():
            raise UsageError(f"{arg}: no such file or folder")
        if not path.is_dir():
            if path.name in names:
                raise UsageError(
                    f"{names[path.name]} and {arg} would both be written to {path.name}; "
                    "clean them into different --out folders"
                )
            names[path.name] = arg
    if out is None:
        return
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; --out must be a folder (new or existing)")
    real_out = out.resolve()
    for arg in args:
        if arg == "-":
            continue
        real = Path(arg).resolve()
        if Path(arg).is_dir() and _inside(real_out, real):
            raise UsageError(
                f"--out {out} is the input folder {arg} or inside it: the outputs would be read "
                "as inputs by the next run; choose an --out outside the inputs"
            )
        if _inside(real, real_out):
            raise UsageError(
                f"the input {arg} is inside --out {out}: it could be overwritten; "
                "choose an --out outside the inputs"
            )


def discover(args: list[str], glob: str = "*.txt") -> list[Source]:
    """All the sources of `args` as a list (for `learn`); inputs that cannot be read are left
    out here and reported by `read_pages`' caller."""
    check_args(args, None)
    return [s for s in iter_sources(args, glob) if s.kind != "failed"]


def read_pages(
    sources: list[Source], text_field: str = "text", skipped: list[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(name, text) of every page the sources hold, streamed; pages that cannot be read (bad
    UTF-8, bad JSON, no text field, a broken file) are named in `skipped` instead."""
    skipped = [] if skipped is None else skipped
    for s in sources:
        if s.kind == "stdin":
            data = sys.stdin.buffer.read()
            try:
                yield "-", data.decode("utf-8")
            except UnicodeDecodeError:
                skipped.append("-")
        elif s.kind == "text":
            try:
                yield s.label, s.path.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                skipped.append(s.label)
        elif s.kind == "jsonl":
            opener = gzip.open if s.path.name.lower().endswith(".gz") else open
            n = 0
            try:
                with opener(s.path, "rb") as fh:
                    for n, raw in enumerate(fh, start=1):
                        if not raw.strip():
                            continue
                        try:
                            record = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
                            value = record.get(text_field)
                        except (ValueError, AttributeError, RecursionError):
                            value = None
                        if isinstance(value, str):
                            yield f"{s.label}:{n}", value
                        else:
                            skipped.append(f"{s.label}:{n}")
            except (OSError, EOFError) as exc:
                skipped.append(f"{s.label}:{n + 1}: {exc}")
        elif s.kind == "parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise UsageError(
                    f"{s.label}: Parquet needs pyarrow: pip install -e '.[parquet]'"
                ) from None
            row = 0
            try:
                for batch in pq.ParquetFile(s.path).iter_batches(columns=[text_field]):
                    for value in batch.column(0).to_pylist():
                        row += 1
                        if isinstance(value, str):
                            yield f"{s.label}:{row}", value
                        else:
                            skipped.append(f"{s.label}:{row}")
            except Exception as exc:  # a corrupt file: arrow raises its own errors
                skipped.append(f"{s.label}: {exc}")
