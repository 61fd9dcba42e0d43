"""Run a batch: stream the inputs through the pipeline on N processes, write outputs atomically
in the input's layout and format, and count everything in a Report."""

from __future__ import annotations

import gzip
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from tqdm import tqdm

from . import work
from .inputs import Source, UsageError
from .report import Failure, Report, Stats
from .work import PipelineSpec

TEXT_CHUNK_FILES = 16
JSONL_CHUNK_LINES = 256
JSONL_CHUNK_BYTES = 1 << 20
PARQUET_BATCH_ROWS = 1024
PARQUET_CHUNK_ROWS = 256


@dataclass
class Options:
    out: Path | None = None
    text_field: str = "text"
    jobs: int = 1
    errors: str = "skip"  # or "replace"
    resume: bool = False
    progress: bool = False
    spec: PipelineSpec = field(default_factory=PipelineSpec)


class _Mapper:
    """Ordered map over a process pool with a bounded number of tasks in flight (so a 20 GB
    input streams through in constant memory); in-process when jobs == 1."""

    def __init__(self, jobs: int, spec: PipelineSpec) -> None:
        self.jobs = jobs
        self.pool = None
        work.init(spec)  # the main process cleans stdin itself
        if jobs > 1:
            # fork starts workers in milliseconds where it exists; the pool is made before any
            # thread (the progress bar's) so forking is safe.
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = ctx.Pool(jobs, initializer=work.init, initargs=(spec,))

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        if self.pool is None:
            for item in items:
                yield func(item)
            return
        pending: deque = deque()
        window = 4 * self.jobs
        for item in items:
            pending.append(self.pool.apply_async(func, (item,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self, ok: bool) -> None:
        if self.pool is None:
            return
        if ok:
            self.pool.close()
        else:
            self.pool.terminate()
        self.pool.join()


@contextmanager
def _atomic(path: Path, gz: bool = False) -> Iterator[BinaryIO]:
    """A file written under a temporary name and renamed into place only when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    raw = tmp.open("wb")
    fh: BinaryIO = gzip.GzipFile(fileobj=raw, mode="wb") if gz else raw  # type: ignore[assignment]
    try:
        yield fh
    except BaseException:
        fh.close()
        if gz:
            raw.close()
        raise  # the .part file stays: plainly unfinished
    fh.close()
    if gz:
        raw.close()
    os.replace(tmp, path)


def _chunks_of_lines(fh: BinaryIO) -> Iterator[tuple[int, int, list[bytes]]]:
    """(first line number, byte offset of the first line, lines) in bounded chunks."""
    lines: list[bytes] = []
    size = 0
    first, offset, pos = 1, 0, 0
    for n, raw in enumerate(fh, start=1):
        if not lines:
            first, offset = n, pos
        lines.append(raw)
        size += len(raw)
        pos += len(raw)
        if len(lines) >= JSONL_CHUNK_LINES or size >= JSONL_CHUNK_BYTES:
            yield first, offset, lines
            lines, size = [], 0
    if lines:
        yield first, offset, lines


class Runner:
    """One batch run over many sources."""

    def __init__(self, options: Options) -> None:
        self.o = options
        self.report = Report()
        self.bar: tqdm | None = None

    def _count(self, stats: Stats) -> None:
        self.report.stats.add(stats)
        if self.bar is not None:
            self.bar.update(stats.pages)

    def _dest(self, source: Source) -> Path | None:
        return None if self.o.out is None else self.o.out / source.rel

    def run(self, sources: list[Source]) -> Report:
        if self.o.out is None and any(s.kind == "parquet" for s in sources):
            raise UsageError("Parquet output needs --out DIR")
        todo = []
        for s in sources:
            dst = self._dest(s)
            if self.o.resume and dst is not None and dst.exists():
                self.report.inputs_skipped_as_done.append(s.label)
            else:
                todo.append(s)
        mapper = _Mapper(self.o.jobs, self.o.spec)
        self.bar = tqdm(
            unit=" pages", disable=not self.o.progress, file=sys.stderr, dynamic_ncols=True
        )
        ok = False
        try:
            # In argument order; runs of text files go to the workers together.
            texts: list[Source] = []
            for s in [*todo, Source("end", None, Path())]:
                if s.kind == "text":
                    texts.append(s)
                    continue
                if texts:
                    self._texts(mapper, texts)
                    texts = []
                if s.kind == "stdin":
                    self._stdin(s)
                elif s.kind == "jsonl":
                    self._jsonl(mapper, s)
                elif s.kind == "parquet":
                    self._parquet(mapper, s)
            ok = True
        finally:
            mapper.close(ok)
            self.bar.close()
        return self.report

    def _texts(self, mapper: _Mapper, sources: list[Source]) -> None:
        tasks = [
            (str(s.path), None if (d := self._dest(s)) is None else str(d), self.o.errors)
            for s in sources
        ]
        chunks = [tasks[i : i + TEXT_CHUNK_FILES] for i in range(0, len(tasks), TEXT_CHUNK_FILES)]
        for texts, stats in mapper.map(work.clean_files, chunks):
            for text in texts:
                if text is not None:
                    sys.stdout.write(text)
            self._count(stats)

    def _stdin(self, source: Source) -> None:
        data = sys.stdin.buffer.read()
        stats = Stats()
        text = work._decode(data, self.o.errors, "-", None, 0)
        if isinstance(text, Failure):
            stats.pages += 1
            stats.failures.append(text)
        else:
            out = work.clean_text(text, "-", stats)
            dst = self._dest(source)
            if dst is None:
                sys.stdout.write(out)
            else:
                work.write_atomic(dst, out.encode("utf-8"))
        self._count(stats)

    def _jsonl(self, mapper: _Mapper, source: Source) -> None:
        gz = source.path.name.lower().endswith(".gz")
        dst = self._dest(source)
        opener = gzip.open if gz else open
        with opener(source.path, "rb") as fh:
            tasks = (
                (source.label, first, offset, lines, self.o.text_field, self.o.errors)
                for first, offset, lines in _chunks_of_lines(fh)
            )
            if dst is None:
                out = sys.stdout.buffer
                for lines, stats in mapper.map(work.clean_jsonl_lines, tasks):
                    out.writelines(lines)
                    self._count(stats)
                out.flush()
                return
            with _atomic(dst, gz=gz) as out:
                for lines, stats in mapper.map(work.clean_jsonl_lines, tasks):
                    out.writelines(lines)
                    self._count(stats)

    def _parquet(self, mapper: _Mapper, source: Source) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise UsageError(
                f"{source.label}: Parquet needs pyarrow: pip install 'hindiclean[parquet]'"
            ) from None
        reader = pq.ParquetFile(source.path)
        schema = reader.schema_arrow
        if self.o.text_field not in schema.names:
            raise UsageError(
                f"{source.label}: no column {self.o.text_field!r} (has {schema.names})"
            )
        col = schema.names.index(self.o.text_field)
        dst = self._dest(source)
        with _atomic(dst) as raw:
            writer = pq.ParquetWriter(raw, schema)
            row = 1
            for batch in reader.iter_batches(batch_size=PARQUET_BATCH_ROWS):
                values = batch.column(col).to_pylist()
                tasks = [
                    (source.label, row + i, values[i : i + PARQUET_CHUNK_ROWS])
                    for i in range(0, len(values), PARQUET_CHUNK_ROWS)
                ]
                cleaned: list[str | None] = []
                for part, stats in mapper.map(work.clean_values, tasks):
                    cleaned.extend(part)
                    self._count(stats)
                keep = pa.array([v is not None for v in cleaned])
                columns = list(batch.columns)
                columns[col] = pa.array(cleaned, type=schema.field(col).type)
                table = pa.Table.from_batches(
                    [pa.RecordBatch.from_arrays(columns, schema=schema)]
                ).filter(keep)
                writer.write_table(table)
                row += len(values)
            writer.close()


def run_batch(sources: list[Source], options: Options) -> Report:
    """Clean every source; see `Options`. Raises UsageError for inputs that cannot work."""
    return Runner(options).run(sources)


__all__ = ["Options", "Runner", "run_batch"]
