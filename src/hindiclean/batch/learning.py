"""`clean --learn`: the first pass of a batch run, which learns each site's recurring chrome.

The workers compute each page's candidate line keys (`learn.observe`: cheap, no cleaning) and
send them back; the main process counts them per site in a `SiteLearner` (lossy counting,
memory capped per site and overall by the `learn_*` settings). The learned rules of each site
are kept in `OUT/.hindiclean/learned/` with a fingerprint of the inputs and options, so that
`--resume` knows the first pass is done and goes straight on with the second.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from ..learn import SiteLearner, SiteRules
from ..rules import load_rules
from . import work
from .files import write_atomic
from .inputs import Source, UsageError
from .jsonl import _Lines

if TYPE_CHECKING:
    from .runner import Runner

STATE = "state.json"


def text_site(s: Source) -> str:
    """The site of a text file: the first folder level under its input folder ("" for a file
    given by name or standing directly in the input folder)."""
    parts = s.rel.parts
    return parts[0] if len(parts) > 1 else ""


def inputs_digest(r: Runner, sources: Iterable[Source]) -> str:
    """A fingerprint of everything the learned rules depend on: every input (name, size,
    modification time), the field, the site field and the learning settings."""
    h = hashlib.sha256()
    s = r.s
    h.update(json.dumps([
        r.options_digest, r.o.site_field, s.learn_min_pages, s.learn_min_share,
        s.learn_max_candidates, s.learn_max_total, s.learn_max_sites,
    ]).encode())
    for src in sources:
        h.update(json.dumps([str(src.rel), src.label, src.kind, src.size, src.mtime_ns]).encode(
            "utf-8", "surrogateescape"
        ))
    return h.hexdigest()[:32]


def state_dir(out: Path) -> Path:
    return out / ".hindiclean" / "learned"


def load_state(out: Path, fingerprint: str) -> SiteRules | None:
    """The rules a finished first pass over the same inputs and options saved (or None)."""
    folder = state_dir(out)
    try:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        if state.get("fingerprint") != fingerprint:
            return None
        rules = {
            site: load_rules(folder / "rules" / name)
            for site, name in state["files"].items()
        }
        return SiteRules(rules, state["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_state(out: Path, fingerprint: str, sites: SiteRules) -> None:
    folder = state_dir(out)
    if (folder / "rules").exists():
        shutil.rmtree(folder / "rules")
    (folder / STATE).unlink(missing_ok=True)
    files = sites.save(folder / "rules")
    state = {
        "fingerprint": fingerprint,
        "files": {site: path.name for site, path in files.items()},
        "pages": sites.pages,
    }
    write_atomic(folder / STATE, json.dumps(state, ensure_ascii=False).encode("utf-8"))


def learn_pass(r: Runner, sources: Iterator[Source], total_bytes: int | None) -> SiteRules:
    """Read every page once and learn each site's rules (the workers observe, this process
    counts)."""
    s = r.s
    learner = SiteLearner(
        s.learn_min_pages, s.learn_min_share, s.learn_max_candidates, s.learn_max_total,
        s.learn_max_sites,
    )
    bar = tqdm(
        total=total_bytes, unit="B", unit_scale=True, desc="learning",
        disable=not r.o.progress, file=sys.stderr, dynamic_ncols=True,
    )
    r.learner = learner
    try:
        for observations, nbytes in r.pool.imap(observe, _tasks(r, sources)):  # type: ignore[union-attr]
            for site, name, lines, inside in observations:
                learner.add_observed(site, lines, inside, name)
            bar.update(nbytes)
            bar.set_postfix_str(
                f"{learner.pages} pages, {len(learner.sites)} sites", refresh=False
            )
    finally:
        bar.close()
    return learner.site_rules()


def observe(task: work.Task) -> tuple[list[work.Observation], int]:
    """In a worker: the observations of a task's pages, and the input bytes it covered."""
    if isinstance(task, work.TextTask):
        return work.observe_text_files(task), sum(max(f.size, 0) for f in task.files)
    if isinstance(task, work.JsonlTask):
        return work.observe_jsonl_lines(task), sum(map(len, task.lines))
    assert isinstance(task, work.ValuesTask)
    return work.observe_values(task), 0


def _tasks(r: Runner, sources: Iterator[Source]) -> Iterator[work.Task]:
    """The first pass's tasks over every input; inputs that failed whole are left to the
    second pass, which reports them."""
    chunk: list[work.TextFile] = []
    for src in sources:
        if src.kind == "text":
            chunk.append(work.TextFile(
                str(src.path), src.label, None, src.size, src.mtime_ns, text_site(src)
            ))
            if len(chunk) >= r.s.text_chunk_files:
                yield work.TextTask(files=tuple(chunk), errors=r.o.errors)
                chunk = []
        elif src.kind == "jsonl":
            yield from _jsonl_tasks(r, src)
        elif src.kind == "parquet":
            yield from _parquet_tasks(r, src)
        elif src.kind == "stdin":
            raise UsageError("--learn reads its inputs twice: give files or folders, not stdin")
    if chunk:
        yield work.TextTask(files=tuple(chunk), errors=r.o.errors)


def _jsonl_tasks(r: Runner, src: Source) -> Iterator[work.JsonlTask]:
    import gzip

    gz = src.path.name.lower().endswith(".gz")  # type: ignore[union-attr]
    try:
        fh = (gzip.open if gz else open)(src.path, "rb")  # type: ignore[operator]
    except OSError:
        return
    with fh:
        lines = _Lines(fh, 1, 0, r.s)
        for n, off, chunk in lines.chunks():
            yield work.JsonlTask(
                label=src.label, first_line=n, first_offset=off, lines=tuple(chunk),
                field=r.o.text_field, errors=r.o.errors, site_field=r.o.site_field,
            )


def _parquet_tasks(r: Runner, src: Source) -> Iterator[work.ValuesTask]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        msg = f"{src.label}: Parquet needs pyarrow: pip install -e '.[parquet]'"
        raise UsageError(msg) from None
    try:
        reader = pq.ParquetFile(src.path)
        names = reader.schema_arrow.names
        if r.o.text_field not in names:
            return  # the second pass says so
        columns = [r.o.text_field] + ([r.o.site_field] if r.o.site_field in names else [])
        row = 1
        for batch in reader.iter_batches(batch_size=r.s.parquet_batch_rows, columns=columns):
            values = batch.column(0).to_pylist()
            sites = batch.column(1).to_pylist() if batch.num_columns > 1 else []
            step = r.s.parquet_chunk_rows
            for i in range(0, len(values), step):
                yield work.ValuesTask(
                    label=src.label, first_row=row + i, values=tuple(values[i : i + step]),
                    errors=r.o.errors, sites=tuple(sites[i : i + step]),
                )
            row += len(values)
    except Exception:  # a corrupt file (arrow raises its own errors): the second pass reports
        return
