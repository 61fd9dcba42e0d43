"""The work a batch run does on pages, in worker processes.

Each function takes one picklable `Task` and returns picklable results with the task's Stats;
the pipeline is built once per process by `init`. Before each page a function calls
`pool.started(i)`, so a page that kills its worker or runs past the time limit is known, and
the task comes back with that page in `task.poisoned`: reported, not cleaned again.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..learn import SiteRules, observe, site_of
from ..pipeline import DEFAULT, Pipeline
from ..rules import load_rules
from ..settings import Settings, activate
from . import jsonline
from .files import write_atomic
from .pool import OutputError, Task, started
from .report import Failure, Stats


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline: user rule files, names to switch off and the settings
    (`hindiclean.settings.Settings`, None: the defaults) (picklable)."""

    rules: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    settings: Settings | None = None

    def build(self) -> Pipeline:
        p = DEFAULT
        for path in self.rules:
            p = p.with_rules(load_rules(path), name=f"custom:{Path(path).stem}")
        if self.disable:
            p = p.without(*self.disable)
        if self.settings is not None:
            p = p.with_settings(self.settings)
        return p


_PIPELINE: Pipeline = DEFAULT
_SITES: SiteRules | None = None  # with --learn: each site's learned rules (pipelines built once)
_LEARNED: dict[str, frozenset[str]] = {}  # the names of each site's learned rules


def init(spec: PipelineSpec, sites: SiteRules | None = None) -> None:
    """Build this process's pipeline (run in each worker as it starts); with `sites`, each
    site's pipeline is the base one plus the site's learned rules, built on first use."""
    global _PIPELINE, _SITES
    if spec.settings is not None:  # for the pipeline and for what learning reads in a worker
        activate(spec.settings)
    _PIPELINE = spec.build()
    _SITES = None
    _LEARNED.clear()
    if sites is not None:
        _SITES = SiteRules(sites.rules, sites.pages, _PIPELINE)


GZIP_MAGIC = b"\x1f\x8b"
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, errors: str, where: str, record: int | None, base: int) -> str | Failure:
    """A page's bytes as text, or the Failure that says why not (U+FFFD under "replace")."""
    if data.startswith(GZIP_MAGIC) and errors != "replace":
        return Failure(
            where, "gzip-compressed data: gunzip .txt.gz pages first (JSON lines may stay "
            "compressed if the file is named .jsonl.gz)", record, base,
        )
    if b"\x00" in data:
        if errors != "replace":
            return Failure(where, "binary data (NUL byte)", record, base + data.index(b"\x00"))
        data = data.replace(b"\x00", "\ufffd".encode())
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        return Failure(where, f"invalid UTF-8 ({exc.reason})", record, base + exc.start)


def clean_text(
    text: str, name: str, stats: Stats, as_field: bool = False, site: str = ""
) -> str:
    """Clean one page (of `site`) and count it; a field (`as_field`) gains no newline it did
    not end with."""
    if _SITES is None:
        result = _PIPELINE.run(text)
    else:
        result = _SITES.run(text, site)
        learned = _LEARNED.get(site)
        if learned is None:
            learned = _LEARNED[site] = frozenset(_SITES[site].names)
            if len(_LEARNED) > 4096:
                _LEARNED.clear()
        if learned:
            stats.sites[site] += sum(r.rule in learned for r in result.removals)
    out = result.text
    if as_field and out.endswith("\n") and not text.endswith("\n"):
        out = out[:-1]
    stats.pages += 1
    stats.cleaned += 1
    stats.bytes_in += len(text.encode("utf-8", "surrogatepass"))
    stats.bytes_out += len(out.encode("utf-8", "surrogatepass"))
    for r in result.removals:
        stats.categories[r.category] += 1
        stats.rules[r.rule] += 1
    if not out:
        stats.empty += 1
        stats.empty_pages.append(name)
    return out


def _failed(stats: Stats, failure: Failure, errors: str, transient: bool = False) -> bool:
    """Count a failure; True when the page is to be written unchanged (--errors keep)."""
    stats.fail(failure, transient)
    if errors == "keep":
        stats.kept += 1
        return True
    return False


# ---------------------------------------------------------------- text files and stdin


@dataclass(frozen=True)
class TextFile:
    src: str
    label: str
    dst: str | None  # None: the clean text goes back to the main process (stdout)
    size: int
    mtime_ns: int
    site: str = ""  # with --learn: the first folder level under the input folder


@dataclass
class TextTask(Task):
    files: tuple[TextFile, ...] = ()
    errors: str = "skip"
    fsync: bool = True


def _read(f: TextFile) -> bytes | str:
    """The file's bytes, or why they cannot be trusted."""
    try:
        with open(f.src, "rb") as fh:
            data = fh.read()
            st = os.fstat(fh.fileno())
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if len(data) != st.st_size or (f.mtime_ns >= 0 and st.st_mtime_ns != f.mtime_ns):
        return "the file changed while the run read it; run again with --resume"
    return data


def clean_text_files(task: TextTask) -> tuple[list[bytes | None], Stats, list[bool]]:
    """Clean text files; write each to its `dst` (or return its bytes for stdout). Returns
    the bytes for stdout, the Stats, and whether each output is complete (for --resume)."""
    stats = Stats()
    texts: list[bytes | None] = []
    complete: list[bool] = []
    for i, f in enumerate(task.files):
        started(i)
        data = _read(f)
        if i in task.poisoned or isinstance(data, str):
            reason = task.poisoned.get(i) or str(data)
            keep = _failed(stats, Failure(f.label, reason), task.errors, transient=True)
            out = data if keep and isinstance(data, bytes) else None
            done = False
        else:
            text = decode(data, task.errors, f.label, None, 0)
            if isinstance(text, Failure):
                out = data if _failed(stats, text, task.errors) else None
            else:
                out = clean_text(text, f.label, stats, site=f.site).encode(
                    "utf-8", "surrogatepass"
                )
            done = True
        if f.dst is not None and out is not None:
            try:
                write_atomic(Path(f.dst), out, task.fsync)
            except OSError as exc:
                raise OutputError(f"cannot write {f.dst}: {exc.strerror or exc}") from exc
            out = None
        texts.append(out)
        complete.append(done)
    return texts, stats, complete


@dataclass
class StdinTask(Task):
    data: bytes = b""
    errors: str = "skip"


def clean_stdin(task: StdinTask) -> tuple[bytes | None, Stats]:
    stats = Stats()
    started(0)
    if 0 in task.poisoned:
        keep = _failed(stats, Failure("-", task.poisoned[0]), task.errors, transient=True)
        return (task.data if keep else None), stats
    text = decode(task.data, task.errors, "-", None, 0)
    if isinstance(text, Failure):
        return (task.data if _failed(stats, text, task.errors) else None), stats
    return clean_text(text, "-", stats).encode("utf-8", "surrogatepass"), stats


# ---------------------------------------------------------------- JSONL


@dataclass
class JsonlTask(Task):
    label: str = ""
    first_line: int = 1
    first_offset: int = 0
    lines: tuple[bytes, ...] = ()
    field: str = "text"
    errors: str = "skip"
    gzip_level: int | None = None  # compress the chunk as one gzip member
    site_field: str | None = None  # with --learn: the field that gives a record's site


def record_site(raw: bytes, field: str | None, start: int = 0) -> str:
    """The site of a JSONL record: `site_of` its `field` ("" when there is none)."""
    if field is None:
        return ""
    try:
        member, _ = jsonline.find(raw, field, start)
    except (jsonline.JsonError, TypeError):
        return ""
    if member is None or member.kind(raw) != "a string":
        return ""
    try:
        return site_of(json.loads(raw[member.start : member.end].decode("utf-8", "replace")))
    except ValueError:
        return ""


def _clean_line(raw: bytes, n: int, base: int, task: JsonlTask, stats: Stats) -> bytes | Failure:
    """The line with its field cleaned (the rest byte for byte), or why not."""
    label, field = task.label, task.field
    start = 3 if n == 1 and raw.startswith(b"\xef\xbb\xbf") else 0
    bad_utf8 = False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if task.errors != "replace":
            return Failure(label, f"invalid UTF-8 ({exc.reason})", n, base + exc.start)
        bad_utf8 = True
    try:
        member, _ = jsonline.find(raw, field, start)
    except jsonline.JsonError as exc:
        return Failure(label, f"not valid JSON: {exc.msg}", n, base + exc.pos)
    except TypeError as exc:
        return Failure(label, str(exc), n)
    if member is None:
        return Failure(label, f"field {field!r} is missing", n)
    kind = member.kind(raw)
    if kind == "null":
        stats.pages += 1
        stats.nulls += 1
        return raw
    if kind != "a string":
        return Failure(label, f"field {field!r} holds {kind}, not a string", n)
    value_bytes = raw[member.start : member.end]
    value = json.loads(value_bytes.decode("utf-8", "replace") if bad_utf8 else value_bytes)
    if _SURROGATE.search(value):  # "\ud83d" escapes: half an emoji cut off by a crawler
        if task.errors != "replace":
            return Failure(label, f"field {field!r} holds a lone surrogate (invalid Unicode)", n)
        value = _SURROGATE.sub("\ufffd", value)
    site = record_site(raw, task.site_field, start)
    return jsonline.splice(
        raw, member, clean_text(value, f"{label}:{n}", stats, as_field=True, site=site)
    )


def clean_jsonl_lines(task: JsonlTask) -> tuple[bytes, Stats]:
    """Clean a run of JSONL lines in order. Blank lines pass through; a line that cannot be
    cleaned is reported, and written unchanged under --errors keep."""
    stats = Stats()
    out: list[bytes] = []
    offset = task.first_offset
    for i, raw in enumerate(task.lines):
        n, base = task.first_line + i, offset
        offset += len(raw)
        if not raw.strip():
            out.append(raw)
            continue
        started(i)
        if i in task.poisoned:
            result: bytes | Failure = Failure(task.label, task.poisoned[i], n)
        else:
            result = _clean_line(raw, n, base, task, stats)
        if isinstance(result, Failure):
            if _failed(stats, result, task.errors, transient=i in task.poisoned):
                out.append(raw)
        else:
            out.append(result)
    data = b"".join(out)
    if task.gzip_level is not None:
        data = gzip.compress(data, task.gzip_level, mtime=0)
    return data, stats


# ---------------------------------------------------------------- Parquet


@dataclass
class ValuesTask(Task):
    label: str = ""
    first_row: int = 1
    values: tuple = ()
    errors: str = "skip"
    sites: tuple = ()  # with --learn: each value's site (a URL or a site name), or empty


def clean_values(task: ValuesTask) -> tuple[list, list[int], Stats]:
    """Clean a column of values (Parquet rows). Nulls pass through; returns the values, the
    indexes of rows to drop (failures under --errors skip) and the Stats."""
    stats = Stats()
    out: list = []
    drop: list[int] = []
    for i, value in enumerate(task.values):
        started(i)
        n = task.first_row + i
        if i in task.poisoned or not (value is None or isinstance(value, str)):
            reason = task.poisoned.get(i) or f"value is {type(value).__name__}, not a string"
            if not _failed(stats, Failure(task.label, reason, n), task.errors, i in task.poisoned):
                drop.append(i)
            out.append(value)
        elif value is None:
            stats.pages += 1
            stats.nulls += 1
            out.append(None)
        else:
            site = site_of(task.sites[i]) if task.sites else ""
            out.append(clean_text(value, f"{task.label}:{n}", stats, as_field=True, site=site))
    return out, drop, stats


# ---------------------------------------------------------------- --learn, the first pass

# What the first pass sends back for a page: (site, name, candidate lines, paragraph sentence
# keys), as `learn.observe` gives them; a page that cannot be read is left out (the second pass
# reports it).
Observation = tuple[str, str, list, list]


def _observed(site: str, name: str, text: str) -> Observation:
    lines, inside = observe(text)
    return site, name, lines, sorted(inside)


def observe_text_files(task: TextTask) -> list[Observation]:
    out: list[Observation] = []
    for i, f in enumerate(task.files):
        started(i)
        if i in task.poisoned:
            continue
        data = _read(f)
        text = data if isinstance(data, str) else decode(data, task.errors, f.label, None, 0)
        if isinstance(data, bytes) and isinstance(text, str):
            out.append(_observed(f.site, f.label, text))
    return out


def observe_jsonl_lines(task: JsonlTask) -> list[Observation]:
    out: list[Observation] = []
    for i, raw in enumerate(task.lines):
        n = task.first_line + i
        if not raw.strip() or i in task.poisoned:
            continue
        started(i)
        start = 3 if n == 1 and raw.startswith(b"\xef\xbb\xbf") else 0
        try:
            member, _ = jsonline.find(raw, task.field, start)
        except (jsonline.JsonError, TypeError):
            continue
        if member is None or member.kind(raw) != "a string":
            continue
        try:
            value = json.loads(raw[member.start : member.end].decode(
                "utf-8", "replace" if task.errors == "replace" else "strict"
            ))
        except ValueError:
            continue
        if _SURROGATE.search(value):
            if task.errors != "replace":
                continue
            value = _SURROGATE.sub("\ufffd", value)
        site = record_site(raw, task.site_field, start)
        out.append(_observed(site, f"{task.label}:{n}", value))
    return out


def observe_values(task: ValuesTask) -> list[Observation]:
    out: list[Observation] = []
    for i, value in enumerate(task.values):
        started(i)
        if i in task.poisoned or not isinstance(value, str):
            continue
        site = site_of(task.sites[i]) if task.sites else ""
        out.append(_observed(site, f"{task.label}:{task.first_row + i}", value))
    return out
