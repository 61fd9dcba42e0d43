"""Run a batch: stream the inputs through the pipeline on N worker processes, write outputs
atomically in the input's layout and format, and count everything in a Report."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from tqdm import tqdm

from .. import __version__
from . import jsonline, work
from .files import Lock, finish, part_path, write_atomic
from .inputs import Source, UsageError
from .manifest import Checkpoint, Manifest, digest, file_sha256
from .pool import Pool, RunFailed
from .report import Failure, Report, Stats
from .settings import Settings
from .work import PipelineSpec

READ_ERRORS = (OSError, EOFError, zlib.error)  # what reading a (gzip) file may raise


@dataclass
class Options:
    out: Path | None = None
    text_field: str = "text"
    jobs: int = 1
    errors: str = "skip"  # "replace" (U+FFFD for bad UTF-8) or "keep" (write failures as read)
    resume: bool = False
    progress: bool = False
    total_bytes: int | None = None  # for the progress bar, when known
    spec: PipelineSpec = field(default_factory=PipelineSpec)
    settings: Settings = field(default_factory=Settings)


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


class Runner:
    """One batch run over many sources."""

    def __init__(self, options: Options) -> None:
        self.o = options
        self.s = options.settings
        self.report = Report(settings=options.settings)
        self.bar: tqdm | None = None
        self.manifest: Manifest | None = None
        self.pool: Pool | None = None
        self.sources_seen = 0
        rules = [(r, file_sha256(r)) for r in options.spec.rules]
        self.options_digest = digest(
            __version__, options.text_field, options.errors, rules, options.spec.disable
        )

    # ------------------------------------------------------------ bookkeeping

    def _count(self, stats: Stats, nbytes: int = 0) -> None:
        self.report.stats.add(stats)
        if self.bar is not None:
            self.bar.update(nbytes)
            self.bar.set_postfix_str(f"{self.report.stats.pages} pages", refresh=False)

    def _fail(
        self, label: str, reason: str, record: int | None = None, transient: bool = False
    ) -> None:
        stats = Stats()
        stats.fail(Failure(label, reason, record), transient)
        self._count(stats)

    def _dest(self, source: Source) -> Path | None:
        return None if self.o.out is None else self.o.out / source.rel

    def _fingerprint(self, s: Source) -> str:
        return digest(self.options_digest, s.kind, s.size, s.mtime_ns)

    def _skip_or_claim(self, s: Source) -> bool:
        """False when `s` needs no work: its output is complete (--resume), or another input
        of this run was already written there (reported)."""
        if self.manifest is None:
            return True
        fp = self._fingerprint(s)
        if self.o.resume and self.manifest.is_done(s.rel, fp) and self._dest(s).exists():  # type: ignore[union-attr]
            self.report.resumed_outputs.append(s.label)
            return False
        if not self.manifest.claim(s.rel):
            self._fail(s.label, f"another input of this run was written to {s.rel} already; "
                       "clean them into different --out folders")
            return False
        return True

    # ------------------------------------------------------------ the run

    def run(self, sources: Iterable[Source]) -> Report:
        lock = None
        if self.o.out is not None:
            lock = Lock(self.o.out)
            if not lock.acquire():
                raise UsageError(
                    f"another hindiclean run (pid {lock.holder()}) is writing into {self.o.out}; "
                    "wait for it to end or choose another --out"
                )
        tqdm.monitor_interval = 0  # no monitor thread: workers are forked
        try:
            if self.o.out is not None:
                self.manifest = Manifest(self.o.out)
            self.pool = Pool(self.o.jobs, work.init, (self.o.spec,), self.s)
            self.bar = tqdm(
                total=self.o.total_bytes, unit="B", unit_scale=True,
                disable=not self.o.progress, file=sys.stderr, dynamic_ncols=True,
            )
            self._all(iter(sources))
        except UsageError:
            raise
        except (RunFailed, OSError) as exc:
            self.report.status, self.report.error = "failed", str(exc)
        except Exception as exc:  # a bug: the report still says how far the run got
            self.report.status, self.report.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            if self.pool is not None:
                self.pool.close()
            if self.bar is not None:
                self.bar.close()
            if self.manifest is not None:
                self.manifest.close()
            if lock is not None:
                lock.release()
        if self.sources_seen == 0:
            raise UsageError("no input files (folders are searched for --glob; see --glob)")
        return self.report

    def _all(self, sources: Iterator[Source]) -> None:
        pending: deque[Source] = deque()
        while True:
            s = pending.popleft() if pending else next(sources, None)
            if s is None:
                return
            self.sources_seen += 1
            if s.kind in ("text", "failed"):
                self._texts(s, sources, pending)
            elif s.kind == "stdin":
                self._stdin(s)
            elif s.kind == "jsonl":
                self._jsonl(s)
            elif s.kind == "parquet":
                self._parquet(s)

    # ------------------------------------------------------------ text files

    def _texts(self, first: Source, sources: Iterator[Source], pending: deque) -> None:
        """A run of text files (and inputs that failed whole) in chunks to the workers."""
        meta: deque[list[tuple[Source, str]]] = deque()

        def tasks() -> Iterator[work.TextTask]:
            chunk: list[tuple[Source, str]] = []
            s: Source | None = first
            while s is not None:
                if s.kind == "failed":
                    self._fail(s.label, s.reason)
                elif self._skip_or_claim(s):
                    chunk.append((s, self._fingerprint(s)))
                if len(chunk) >= self.s.text_chunk_files:
                    yield self._text_task(chunk, meta)
                    chunk = []
                s = next(sources, None)
                if s is not None and s.kind not in ("text", "failed"):
                    pending.append(s)  # the run of text files ends here
                    break
                self.sources_seen += s is not None
            if chunk:
                yield self._text_task(chunk, meta)

        for texts, stats, complete in self.pool.imap(work.clean_text_files, tasks()):  # type: ignore[union-attr]
            files = meta.popleft()
            for text in texts:
                if text is not None:
                    sys.stdout.buffer.write(text)
            if self.manifest is not None:
                for (s, fp), ok in zip(files, complete, strict=True):
                    self.manifest.done(s.rel, fp if ok else None)
            self._count(stats, sum(max(s.size, 0) for s, _ in files))
        sys.stdout.buffer.flush()

    def _text_task(self, chunk: list[tuple[Source, str]], meta: deque) -> work.TextTask:
        meta.append(chunk)
        files = tuple(
            work.TextFile(str(s.path), s.label, None if (d := self._dest(s)) is None else str(d),
                          s.size, s.mtime_ns)
            for s, _ in chunk
        )
        return work.TextTask(files=files, errors=self.o.errors, fsync=self.s.fsync)

    def _stdin(self, source: Source) -> None:
        task = work.StdinTask(data=sys.stdin.buffer.read(), errors=self.o.errors)
        for out, stats in self.pool.imap(work.clean_stdin, [task]):  # type: ignore[union-attr]
            dst = self._dest(source)
            if out is not None and dst is None:
                sys.stdout.buffer.write(out)
                sys.stdout.buffer.flush()
            elif out is not None and dst is not None:
                write_atomic(dst, out, self.s.fsync)
            self._count(stats, len(task.data))

    # ------------------------------------------------------------ JSONL

    def _check_field(self, s: Source, gz: bool) -> None:
        """Stop at once when the first record has no --field (a typo would fail every one)."""
        line = _first_record(s.path, gz)  # type: ignore[arg-type]
        if line is None:
            return
        start = 3 if line.startswith(b"\xef\xbb\xbf") else 0
        try:
            member, members = jsonline.find(line, self.o.text_field, start)
        except (jsonline.JsonError, TypeError):
            return
        if member is None:
            names = ", ".join(repr(m.key) for m in members) or "none"
            raise UsageError(
                f"{s.label}: the first record has no field {self.o.text_field!r}; its fields "
                f"are {names}; choose one with --field"
            )

    def _jsonl(self, s: Source) -> None:
        if not self._skip_or_claim(s):
            return
        gz = s.path.name.lower().endswith(".gz")  # type: ignore[union-attr]
        self._check_field(s, gz)
        dst = self._dest(s)
        fp = self._fingerprint(s)
        try:
            fh: Any = (gzip.open if gz else open)(s.path, "rb")  # type: ignore[operator]
        except OSError as exc:
            self._fail(s.label, f"cannot read: {exc.strerror or exc}", transient=True)
            return
        with fh:
            if dst is None:
                self._jsonl_stream(s, fh, sys.stdout.buffer, None, 1, 0, gz=False)
                sys.stdout.buffer.flush()
                return
            part = part_path(dst)
            cp = self.manifest.checkpoint(s.rel, fp) if self.o.resume else None  # type: ignore[union-attr]
            dst.parent.mkdir(parents=True, exist_ok=True)
            if cp is not None and part.exists() and part.stat().st_size >= cp.out_bytes:
                try:
                    fh.seek(cp.in_offset)
                except READ_ERRORS:
                    cp = None
            if cp is not None and part.exists() and part.stat().st_size >= cp.out_bytes:
                mode = "r+b"
                self.report.resumed_records += cp.lines
                first, offset = cp.lines + 1, cp.in_offset
            else:
                fh.seek(0)
                mode, first, offset = "wb", 1, 0
            with open(part, mode) as out:
                out.truncate(cp.out_bytes if mode == "r+b" else 0)  # type: ignore[union-attr]
                out.seek(0, os.SEEK_END)
                ok = self._jsonl_stream(s, fh, out, fp, first, offset, gz)
            finish(part, dst, self.s.fsync)
            self.manifest.done(s.rel, fp if ok else None)  # type: ignore[union-attr]

    def _jsonl_stream(
        self, s: Source, fh: BinaryIO, out: BinaryIO, fp: str | None,
        first: int, offset: int, gz: bool,
    ) -> bool:
        """Clean the lines of `fh` from `first` into `out`; True when all of it was read."""
        lines = _Lines(fh, first, offset, self.s)
        ends: deque[tuple[int, int, int]] = deque()  # (next line, input offset, raw position)
        raw = getattr(fh, "fileobj", None) or fh  # the compressed file under gzip

        def tasks() -> Iterator[work.JsonlTask]:
            for n, off, chunk in lines.chunks():
                ends.append((lines.line, lines.offset, raw.tell()))
                yield work.JsonlTask(
                    label=s.label, first_line=n, first_offset=off, lines=tuple(chunk),
                    field=self.o.text_field, errors=self.o.errors,
                    gzip_level=self.s.gzip_level if gz else None,
                )

        position = raw.tell()
        for data, stats in self.pool.imap(work.clean_jsonl_lines, tasks()):  # type: ignore[union-attr]
            out.write(data)
            line, in_offset, now = ends.popleft()
            if fp is not None and self.manifest is not None:
                out.flush()
                self.manifest.save_checkpoint(
                    s.rel, fp, Checkpoint(line - 1, in_offset, out.tell())
                )
            self._count(stats, now - position)
            position = now
        ok = True
        if lines.error is not None:
            ok = False
            why = str(lines.error) or type(lines.error).__name__
            if isinstance(lines.error, gzip.BadGzipFile):
                why = f"not a readable gzip file ({why})"
            elif gz and isinstance(lines.error, EOFError):
                why = f"the gzip file is truncated ({why})"
            elif gz and isinstance(lines.error, zlib.error):
                why = f"corrupt gzip data ({why})"
            self._fail(s.label, f"cannot read from here on: {why}", lines.line, transient=True)
        elif self._changed(s):
            ok = False
            self._fail(s.label, "the file changed while the run read it (truncated or "
                       "rewritten?); run again with --resume", transient=True)
        return ok

    @staticmethod
    def _changed(s: Source) -> bool:
        try:
            st = os.stat(s.path)  # type: ignore[arg-type]
        except OSError:
            return True
        return (st.st_size, st.st_mtime_ns) != (s.size, s.mtime_ns)

    # ------------------------------------------------------------ Parquet

    def _parquet(self, s: Source) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise UsageError(
                f"{s.label}: Parquet needs pyarrow: pip install 'hindiclean[parquet]'"
            ) from None
        dst = self._dest(s)
        if dst is None:
            raise UsageError(f"{s.label}: Parquet output needs --out DIR")
        if not self._skip_or_claim(s):
            return
        try:
            reader = pq.ParquetFile(s.path)
            schema = reader.schema_arrow
        except Exception as exc:  # arrow raises its own error types for a corrupt file
            self._fail(s.label, f"not a readable Parquet file: {exc}")
            self.manifest.done(s.rel, None)  # type: ignore[union-attr]
            return
        name = self.o.text_field
        if name not in schema.names:
            raise UsageError(f"{s.label}: no column {name!r}; its columns are {schema.names}")
        col = schema.names.index(name)
        ftype = schema.field(col).type
        if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)
                or pa.types.is_string_view(ftype)):
            raise UsageError(f"{s.label}: column {name!r} holds {ftype}, not strings")
        batches = reader.iter_batches(batch_size=self.s.parquet_batch_rows)
        part = part_path(dst)
        dst.parent.mkdir(parents=True, exist_ok=True)
        ok, row = True, 1
        with open(part, "wb") as raw:
            writer = pq.ParquetWriter(raw, schema)
            while True:
                try:
                    batch = next(batches, None)
                except Exception as exc:
                    ok = False
                    self._fail(s.label, f"cannot read from here on: {exc}", row, transient=True)
                    break
                if batch is None:
                    break
                values = batch.column(col).to_pylist()
                step = self.s.parquet_chunk_rows
                tasks = [
                    work.ValuesTask(label=s.label, first_row=row + i,
                                    values=tuple(values[i : i + step]), errors=self.o.errors)
                    for i in range(0, len(values), step)
                ]
                cleaned: list = []
                drop: list[int] = []
                for part_values, part_drop, stats in self.pool.imap(work.clean_values, tasks):  # type: ignore[union-attr]
                    drop.extend(len(cleaned) + i for i in part_drop)
                    cleaned.extend(part_values)
                    self._count(stats)
                columns = list(batch.columns)
                columns[col] = pa.array(cleaned, type=pa.string()).cast(ftype)
                table = pa.Table.from_batches([pa.RecordBatch.from_arrays(columns, schema=schema)])
                if drop:
                    dropped = set(drop)
                    table = table.filter(pa.array([i not in dropped for i in range(len(cleaned))]))
                writer.write_table(table)
                row += len(values)
            writer.close()
        if self.bar is not None:
            self.bar.update(max(s.size, 0))
        finish(part, dst, self.s.fsync)
        self.manifest.done(s.rel, self._fingerprint(s) if ok else None)  # type: ignore[union-attr]


def run_batch(sources: Iterable[Source], options: Options) -> Report:
    """Clean every source; see `Options`. Raises UsageError for inputs that cannot work; a run
    that cannot go on ends with `report.status == "failed"` and `report.error`."""
    return Runner(options).run(sources)


__all__ = ["Options", "Runner", "run_batch"]
