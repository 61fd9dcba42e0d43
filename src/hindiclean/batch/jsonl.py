"""JSONL files in a batch run: streamed in chunks to the workers, written under a temporary
name with a checkpoint after each chunk (so `--resume` goes on inside the file), and read
errors, a truncated gzip or an input that changes while read reported."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import jsonline, work
from .files import finish, part_path
from .inputs import Source, UsageError
from .manifest import Checkpoint
from .settings import Settings

if TYPE_CHECKING:
    from .runner import Runner

READ_ERRORS = (OSError, EOFError, zlib.error)  # what reading a (gzip) file may raise


class _Lines:
    """A JSONL file's lines in bounded chunks; a read error ends the stream and is kept."""

    def __init__(self, fh: BinaryIO, first_line: int, offset: int, settings: Settings) -> None:
        self.fh, self.line, self.offset, self.settings = fh, first_line, offset, settings
        self.error: BaseException | None = None

    def chunks(self) -> Iterator[tuple[int, int, list[bytes]]]:
        lines: list[bytes] = []
        size = 0
        first, start = self.line, self.offset
        try:
            for raw in self.fh:
                lines.append(raw)
                size += len(raw)
                self.line += 1
                self.offset += len(raw)
                if len(lines) >= self.settings.jsonl_chunk_lines or (
                    size >= self.settings.jsonl_chunk_bytes
                ):
                    yield first, start, lines
                    lines, size, first, start = [], 0, self.line, self.offset
        except READ_ERRORS as exc:
            self.error = exc
        if lines:
            yield first, start, lines


def _first_record(path: Path, gz: bool) -> bytes | None:
    """The first non-blank line of a JSONL file (None if it cannot be read)."""
    try:
        with (gzip.open if gz else open)(path, "rb") as fh:
            for raw in fh:
                if raw.strip():
                    return raw
    except READ_ERRORS:
        return None
    return None




def _check_field(r: Runner, s: Source, gz: bool) -> None:
    """Stop at once when the first record has no --field (a typo would fail every one)."""
    line = _first_record(s.path, gz)  # type: ignore[arg-type]
    if line is None:
        return
    start = 3 if line.startswith(b"\xef\xbb\xbf") else 0
    try:
        member, members = jsonline.find(line, r.o.text_field, start)
    except (jsonline.JsonError, TypeError):
        return
    if member is None:
        names = ", ".join(repr(m.key) for m in members) or "none"
        raise UsageError(
            f"{s.label}: the first record has no field {r.o.text_field!r}; its fields "
            f"are {names}; choose one with --field"
        )


def _checkpoint(r: Runner, s: Source, fp: str, part: Path, fh: Any) -> Checkpoint | None:
    """Where an earlier run's temporary output stopped (--resume), with `fh` moved there;
    None: start from the beginning."""
    cp = r.manifest.checkpoint(s.rel, fp) if r.o.resume else None  # type: ignore[union-attr]
    if cp is None or not part.exists() or part.stat().st_size < cp.out_bytes:
        return None
    try:
        fh.seek(cp.in_offset)
    except READ_ERRORS:
        fh.seek(0)
        return None
    return cp


def clean_jsonl(r: Runner, s: Source) -> None:
    """Clean one JSONL (.gz) file into --out or to stdout; with --resume go on from the
    checkpoint of an earlier run's temporary file."""
    if not r.skip_or_claim(s):
        return
    gz = s.path.name.lower().endswith(".gz")  # type: ignore[union-attr]
    _check_field(r, s, gz)
    dst = r.dest(s)
    fp = r.fingerprint(s)
    try:
        fh: Any = (gzip.open if gz else open)(s.path, "rb")  # type: ignore[operator]
    except OSError as exc:
        r.fail(s.label, f"cannot read: {exc.strerror or exc}", transient=True)
        return
    with fh:
        if dst is None:
            _stream(r, s, fh, sys.stdout.buffer, None, 1, 0, gz=False)
            sys.stdout.buffer.flush()
            return
        part = part_path(dst)
        dst.parent.mkdir(parents=True, exist_ok=True)
        cp = _checkpoint(r, s, fp, part, fh)
        if cp is not None:
            mode, first, offset = "r+b", cp.lines + 1, cp.in_offset
            r.report.resumed_records += cp.lines
        else:
            mode, first, offset = "wb", 1, 0
        with open(part, mode) as out:
            out.truncate(0 if cp is None else cp.out_bytes)
            out.seek(0, os.SEEK_END)
            ok = _stream(r, s, fh, out, fp, first, offset, gz)
        finish(part, dst, r.s.fsync)
        r.manifest.done(s.rel, fp if ok else None)  # type: ignore[union-attr]


def _stream(
    r: Runner, s: Source, fh: BinaryIO, out: BinaryIO, fp: str | None,
    first: int, offset: int, gz: bool,
) -> bool:
    """Clean the lines of `fh` from `first` into `out`; True when all of it was read."""
    lines = _Lines(fh, first, offset, r.s)
    ends: deque[tuple[int, int, int]] = deque()  # (next line, input offset, raw position)
    raw = getattr(fh, "fileobj", None) or fh  # the compressed file under gzip

    def tasks() -> Iterator[work.JsonlTask]:
        for n, off, chunk in lines.chunks():
            ends.append((lines.line, lines.offset, raw.tell()))
            yield work.JsonlTask(
                label=s.label, first_line=n, first_offset=off, lines=tuple(chunk),
                field=r.o.text_field, errors=r.o.errors,
                gzip_level=r.s.gzip_level if gz else None,
                site_field=r.o.site_field if r.o.learn else None,
            )

    position = raw.tell()
    transient = r.report.stats.transient
    for data, stats in r.pool.imap(work.clean_jsonl_lines, tasks()):  # type: ignore[union-attr]
        out.write(data)
        line, in_offset, now = ends.popleft()
        if fp is not None and r.manifest is not None:
            out.flush()
            r.manifest.save_checkpoint(
                s.rel, fp, Checkpoint(line - 1, in_offset, out.tell())
            )
        r.count(stats, now - position)
        position = now
    ok = r.report.stats.transient == transient  # no page lost to a time limit or a death
    if lines.error is not None:
        ok = False
        why = str(lines.error) or type(lines.error).__name__
        if isinstance(lines.error, gzip.BadGzipFile):
            why = f"not a readable gzip file ({why})"
        elif gz and isinstance(lines.error, EOFError):
            why = f"the gzip file is truncated ({why})"
        elif gz and isinstance(lines.error, zlib.error):
            why = f"corrupt gzip data ({why})"
        r.fail(s.label, f"cannot read from here on: {why}", lines.line, transient=True)
    elif _changed(s):
        ok = False
        r.fail(s.label, "the file changed while the run read it (truncated or "
                   "rewritten?); run again with --resume", transient=True)
    return ok


def _changed(s: Source) -> bool:
    try:
        st = os.stat(s.path)  # type: ignore[arg-type]
    except OSError:
        return True
    return (st.st_size, st.st_mtime_ns) != (s.size, s.mtime_ns)
