"""The work a batch run does on pages, in the main process or in worker processes.

Each function takes plain, picklable data and returns (results, Stats), so it can run in a
process pool; the pipeline is built once per process by `init`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import DEFAULT, Pipeline
from ..rules import load_rules
from .report import Failure, Stats


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline: user rule files and names to switch off (picklable)."""

    rules: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()

    def build(self) -> Pipeline:
        p = DEFAULT
        for path in self.rules:
            p = p.with_rules(load_rules(path), name=f"custom:{Path(path).stem}")
        if self.disable:
            p = p.without(*self.disable)
        return p


_PIPELINE: Pipeline = DEFAULT


def init(spec: PipelineSpec) -> None:
    """Build this process's pipeline (a pool initializer)."""
    global _PIPELINE
    _PIPELINE = spec.build()


def _decode(data: bytes, errors: str, where: str, record: int | None, base: int) -> str | Failure:
    if b"\x00" in data:
        return Failure(where, "binary data (NUL byte)", record, base + data.index(b"\x00"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        return Failure(where, f"invalid UTF-8 ({exc.reason})", record, base + exc.start)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str, name: str, stats: Stats) -> str:
    """Clean one page and count it."""
    result = _PIPELINE.run(text)
    stats.pages += 1
    stats.cleaned += 1
    stats.bytes_in += len(text.encode("utf-8", "surrogatepass"))
    stats.bytes_out += len(result.text.encode("utf-8", "surrogatepass"))
    for r in result.removals:
        stats.categories[r.category] += 1
        stats.rules[r.rule] += 1
    if not result.text:
        stats.empty += 1
        stats.empty_pages.append(name)
    return result.text


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name beside `path`, then rename: never a truncated `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def clean_file(task: tuple[str, str | None, str]) -> tuple[str | None, Stats]:
    """Clean one text file. Returns the clean text when there is no destination (stdout)."""
    src, dst, errors = task
    stats = Stats()
    try:
        data = Path(src).read_bytes()
    except OSError as exc:
        stats.pages += 1
        stats.failures.append(Failure(src, f"cannot read: {exc.strerror or exc}"))
        return None, stats
    text = _decode(data, errors, src, None, 0)
    if isinstance(text, Failure):
        stats.pages += 1
        stats.failures.append(text)
        return None, stats
    out = clean_text(text, src, stats)
    if dst is None:
        return out, stats
    write_atomic(Path(dst), out.encode("utf-8"))
    return None, stats


def clean_files(tasks: list[tuple[str, str | None, str]]) -> tuple[list[str | None], Stats]:
    """Clean several text files (one round trip to a worker for many small files)."""
    stats = Stats()
    texts: list[str | None] = []
    for task in tasks:
        text, one = clean_file(task)
        texts.append(text)
        stats.add(one)
    return texts, stats


def clean_jsonl_lines(
    task: tuple[str, int, int, list[bytes], str, str],
) -> tuple[list[bytes], Stats]:
    """Clean a run of JSONL lines (raw bytes) in order. Bad lines are reported, not written."""
    src, first_line, first_offset, lines, field, errors = task
    stats = Stats()
    out: list[bytes] = []
    offset = first_offset
    for n, raw in enumerate(lines, start=first_line):
        base, offset = offset, offset + len(raw)
        if not raw.strip():
            continue
        line = _decode(raw, errors, src, n, base)
        if isinstance(line, Failure):
            stats.pages += 1
            stats.failures.append(line)
            continue
        if n == 1 and line.startswith("\ufeff"):
            line = line[1:]  # a byte-order mark opening the file
            base += 3
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            stats.pages += 1
            at = base + len(line[: exc.pos].encode("utf-8"))
            stats.failures.append(Failure(src, f"not valid JSON ({exc.msg})", n, at))
            continue
        if not isinstance(record, dict):
            stats.pages += 1
            stats.failures.append(Failure(src, "the line is not a JSON object", n))
            continue
        value = record.get(field)
        if not isinstance(value, str):
            stats.pages += 1
            what = "missing" if field not in record else f"a {type(value).__name__}"
            stats.failures.append(Failure(src, f"field {field!r} is {what}, not a string", n))
            continue
        if _SURROGATE.search(value):  # "\ud83d" escapes: half an emoji cut off by a crawler
            if errors != "replace":
                stats.pages += 1
                reason = f"field {field!r} holds a lone surrogate (invalid Unicode)"
                stats.failures.append(Failure(src, reason, n))
                continue
            value = _SURROGATE.sub("\ufffd", value)
        record[field] = clean_text(value, f"{src}:{n}", stats)
        try:
            dumped = json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates in other fields: keep them escaped
            dumped = json.dumps(record).encode("ascii")
        out.append(dumped + b"\n")
    return out, stats


def clean_values(task: tuple[str, int, list]) -> tuple[list[str | None], Stats]:
    """Clean a column of values (Parquet rows): None where the value is not a string."""
    src, first_row, values = task
    stats = Stats()
    out: list[str | None] = []
    for n, value in enumerate(values, start=first_row):
        if not isinstance(value, str):
            stats.pages += 1
            kind = "null" if value is None else type(value).__name__
            stats.failures.append(Failure(src, f"value is {kind} (a string is needed)", n))
            out.append(None)
            continue
        out.append(clean_text(value, f"{src}:{n}", stats))
    return out, stats
