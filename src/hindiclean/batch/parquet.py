"""Parquet files in a batch run: read and written a record batch at a time, the text column
cleaned by the workers, the other columns and null values kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import work
from .files import finish, part_path
from .inputs import Source, UsageError

if TYPE_CHECKING:
    from .runner import Runner


def clean_parquet(r: Runner, s: Source) -> None:
    """Clean one Parquet file into --out (a corrupt file or a failed read is reported)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(
            f"{s.label}: Parquet needs pyarrow: pip install -e '.[parquet]'"
        ) from None
    dst = r.dest(s)
    if dst is None:
        raise UsageError(f"{s.label}: Parquet output needs --out DIR")
    if not r.skip_or_claim(s):
        return
    try:
        reader = pq.ParquetFile(s.path)
        schema = reader.schema_arrow
    except Exception as exc:  # arrow raises its own error types for a corrupt file
        r.fail(s.label, f"not a readable Parquet file: {exc}")
        r.manifest.done(s.rel, None)  # type: ignore[union-attr]
        return
    name = r.o.text_field
    if name not in schema.names:
        raise UsageError(f"{s.label}: no column {name!r}; its columns are {schema.names}")
    col = schema.names.index(name)
    ftype = schema.field(col).type
    if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)
            or pa.types.is_string_view(ftype)):
        raise UsageError(f"{s.label}: column {name!r} holds {ftype}, not strings")
    batches = reader.iter_batches(batch_size=r.s.parquet_batch_rows)
    site_col = (
        schema.names.index(r.o.site_field)
        if r.o.learn and r.o.site_field in schema.names else None
    )
    part = part_path(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    ok, row = True, 1
    transient = r.report.stats.transient
    with open(part, "wb") as raw:
        writer = pq.ParquetWriter(raw, schema)
        while True:
            try:
                batch = next(batches, None)
            except Exception as exc:
                ok = False
                r.fail(s.label, f"cannot read from here on: {exc}", row, transient=True)
                break
            if batch is None:
                break
            values = batch.column(col).to_pylist()
            sites = [] if site_col is None else batch.column(site_col).to_pylist()
            step = r.s.parquet_chunk_rows
            tasks = [
                work.ValuesTask(label=s.label, first_row=row + i,
                                values=tuple(values[i : i + step]), errors=r.o.errors,
                                sites=tuple(sites[i : i + step]))
                for i in range(0, len(values), step)
            ]
            cleaned: list = []
            drop: list[int] = []
            for part_values, part_drop, stats in r.pool.imap(work.clean_values, tasks):  # type: ignore[union-attr]
                drop.extend(len(cleaned) + i for i in part_drop)
                cleaned.extend(part_values)
                r.count(stats)
            columns = list(batch.columns)
            columns[col] = pa.array(cleaned, type=pa.string()).cast(ftype)
            table = pa.Table.from_batches([pa.RecordBatch.from_arrays(columns, schema=schema)])
            if drop:
                dropped = set(drop)
                table = table.filter(pa.array([i not in dropped for i in range(len(cleaned))]))
            writer.write_table(table)
            row += len(values)
        writer.close()
    if r.bar is not None:
        r.bar.update(max(s.size, 0))
    finish(part, dst, r.s.fsync)
    ok = ok and r.report.stats.transient == transient
    r.manifest.done(s.rel, r.fingerprint(s) if ok else None)  # type: ignore[union-attr]
