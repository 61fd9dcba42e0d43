"""Which pages a batch run reads: text files, folders, stdin, JSONL (.gz) and Parquet files."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class UsageError(ValueError):
    """The command's inputs or options cannot work; the message says which and why."""


@dataclass(frozen=True)
class Source:
    """One input: its kind, where it is, and where its output goes (relative to --out)."""

    kind: str  # "text", "jsonl", "parquet" or "stdin"
    path: Path | None
    rel: Path

    @property
    def label(self) -> str:
        return "-" if self.path is None else str(self.path)


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "text"


def _is_hidden(path: Path, root: Path) -> bool:
    """Hidden files and folders (our own temporary `.NAME.part` files among them): not inputs."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(args: list[str], glob: str = "*.txt") -> list[Source]:
    """Expand the command's INPUT arguments; folders are searched recursively with `glob`."""
    sources: list[Source] = []
    for arg in args:
        if arg == "-":
            sources.append(Source("stdin", None, Path("stdin.txt")))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob(glob) if p.is_file() and not _is_hidden(p, path)
            )
            sources.extend(Source(kind_of(p), p, p.relative_to(path)) for p in found)
        elif path.is_file():
            sources.append(Source(kind_of(path), path, Path(path.name)))
        else:
            raise UsageError(f"{arg}: no such file or folder")
    seen: dict[Path, str] = {}
    for s in sources:
        if s.rel in seen:
            raise UsageError(
                f"{seen[s.rel]} and {s.label} would both be written to {s.rel}; "
                "clean them into different --out folders"
            )
        seen[s.rel] = s.label
    return sources


def read_pages(
    sources: list[Source], text_field: str = "text", skipped: list[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(name, text) of every page the sources hold, streamed; pages that cannot be read (bad
    UTF-8, bad JSON, no text field) are named in `skipped` instead."""
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
            with opener(s.path, "rb") as fh:
                for n, raw in enumerate(fh, start=1):
                    if not raw.strip():
                        continue
                    try:
                        value = json.loads(raw.decode("utf-8").lstrip("\ufeff")).get(text_field)
                    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
                        value = None
                    if isinstance(value, str):
                        yield f"{s.label}:{n}", value
                    else:
                        skipped.append(f"{s.label}:{n}")
        elif s.kind == "parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise UsageError(
                    f"{s.label}: Parquet needs pyarrow: pip install 'hindiclean[parquet]'"
                ) from None
            row = 0
            for batch in pq.ParquetFile(s.path).iter_batches(columns=[text_field]):
                for value in batch.column(0).to_pylist():
                    row += 1
                    if isinstance(value, str):
                        yield f"{s.label}:{row}", value
                    else:
                        skipped.append(f"{s.label}:{row}")
