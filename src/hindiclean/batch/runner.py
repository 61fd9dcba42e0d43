"""Run a batch: stream the inputs through the pipeline on N worker processes, write outputs
atomically in the input's layout and format, and count everything in a Report."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .. import __version__
from ..learn import SiteLearner, SiteRules
from ..settings import use
from . import learning, work
from .files import Lock, write_atomic
from .inputs import Source, UsageError
from .jsonl import clean_jsonl
from .manifest import Manifest, digest, file_sha256
from .parquet import clean_parquet
from .pool import Pool, RunFailed
from .report import Failure, Report, Stats
from .settings import Settings
from .work import PipelineSpec


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
    learn: bool = False  # a first pass learns each site's chrome; the second cleans with it
    site_field: str = "url"  # JSONL/Parquet: the field that gives a record's site
    save_rules: Path | None = None  # write each site's learned rules here (one TOML per site)


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
        self.sites: SiteRules | None = None
        self.learner: SiteLearner | None = None
        rules = [(r, file_sha256(r)) for r in options.spec.rules]
        self.options_digest = digest(
            __version__, options.text_field, options.errors, rules, options.spec.disable
        )
        if options.spec.settings is not None:  # an output depends on the settings too
            self.options_digest = digest(self.options_digest, options.spec.settings.as_dict())

    # ------------------------------------------------------------ bookkeeping

    def count(self, stats: Stats, nbytes: int = 0) -> None:
        self.report.stats.add(stats)
        if self.bar is not None:
            self.bar.update(nbytes)
            self.bar.set_postfix_str(f"{self.report.stats.pages} pages", refresh=False)

    def fail(
        self, label: str, reason: str, record: int | None = None, transient: bool = False
    ) -> None:
        stats = Stats()
        stats.fail(Failure(label, reason, record), transient)
        self.count(stats)

    def dest(self, source: Source) -> Path | None:
        return None if self.o.out is None else self.o.out / source.rel

    def fingerprint(self, s: Source) -> str:
        return digest(self.options_digest, s.kind, s.size, s.mtime_ns)

    def skip_or_claim(self, s: Source) -> bool:
        """False when `s` needs no work: its output is complete (--resume), or another input
        of this run was already written there (reported)."""
        if self.manifest is None:
            return True
        fp = self.fingerprint(s)
        if self.o.resume and self.manifest.is_done(s.rel, fp) and self.dest(s).exists():  # type: ignore[union-attr]
            self.report.resumed_outputs.append(s.label)
            return False
        if not self.manifest.claim(s.rel):
            self.fail(s.label, f"another input of this run was written to {s.rel} already; "
                       "clean them into different --out folders")
            return False
        return True

    # ------------------------------------------------------------ the run

    def run(self, sources: Iterable[Source] | Callable[[], Iterable[Source]]) -> Report:
        """Clean `sources`; with --learn, `sources` is a function that lists them afresh (they
        are read twice)."""
        if self.o.learn and not callable(sources):
            raise TypeError("--learn reads the inputs twice: pass a function that lists them")
        listing = sources if callable(sources) else (lambda: sources)
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
            if self.o.learn:
                self._learn(listing)
            self.pool = Pool(self.o.jobs, work.init, (self.o.spec, self.sites), self.s)
            self.bar = tqdm(
                total=self.o.total_bytes, unit="B", unit_scale=True,
                disable=not self.o.progress, file=sys.stderr, dynamic_ncols=True,
                desc="cleaning" if self.o.learn else None,
            )
            self._all(iter(listing()))
        except (UsageError, BrokenPipeError):
            raise  # a usage error; or the reader of stdout went away (the command stops quietly)
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

    def _learn(self, listing: Callable[[], Iterable[Source]]) -> None:
        """The first pass (or, with --resume, the rules a finished first pass saved)."""
        out = self.o.out
        fingerprint = learning.inputs_digest(self, listing()) if out is not None else ""
        sites = None
        if out is not None and self.o.resume:
            sites = learning.load_state(out, fingerprint)
            self.report.learn_resumed = sites is not None
        if sites is None:
            self.pool = Pool(self.o.jobs, work.init, (self.o.spec,), self.s)
            try:
                sites = learning.learn_pass(self, iter(listing()), self.o.total_bytes)
            finally:
                self.pool.close()
                self.pool = None
            if self.learner is not None:
                self.report.learn_untracked = self.learner.untracked
            if out is not None:
                learning.save_state(out, fingerprint, sites)
        self.sites = sites
        self.report.sites = sites
        if self.o.save_rules is not None:
            sites.save(self.o.save_rules, "Learned by `hindiclean clean --learn`. Read them, "
                       "delete any that is body, then: hindiclean clean ... --rules THIS_FILE")
        # an output depends on the rules learned: --resume redoes outputs made with others
        self.options_digest = digest(self.options_digest, sites.digest())

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
                clean_jsonl(self, s)
            elif s.kind == "parquet":
                clean_parquet(self, s)

    # ------------------------------------------------------------ text files

    def _texts(self, first: Source, sources: Iterator[Source], pending: deque) -> None:
        """A run of text files (and inputs that failed whole) in chunks to the workers."""
        meta: deque[list[tuple[Source, str]]] = deque()

        def tasks() -> Iterator[work.TextTask]:
            chunk: list[tuple[Source, str]] = []
            s: Source | None = first
            while s is not None:
                if s.kind == "failed":
                    self.fail(s.label, s.reason)
                elif self.skip_or_claim(s):
                    chunk.append((s, self.fingerprint(s)))
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
            self.count(stats, sum(max(s.size, 0) for s, _ in files))
        sys.stdout.buffer.flush()

    def _text_task(self, chunk: list[tuple[Source, str]], meta: deque) -> work.TextTask:
        meta.append(chunk)
        files = tuple(
            work.TextFile(str(s.path), s.label, None if (d := self.dest(s)) is None else str(d),
                          s.size, s.mtime_ns, learning.text_site(s) if self.o.learn else "")
            for s, _ in chunk
        )
        return work.TextTask(files=files, errors=self.o.errors, fsync=self.s.fsync)

    def _stdin(self, source: Source) -> None:
        task = work.StdinTask(data=sys.stdin.buffer.read(), errors=self.o.errors)
        for out, stats in self.pool.imap(work.clean_stdin, [task]):  # type: ignore[union-attr]
            dst = self.dest(source)
            if out is not None and dst is None:
                sys.stdout.buffer.write(out)
                sys.stdout.buffer.flush()
            elif out is not None and dst is not None:
                write_atomic(dst, out, self.s.fsync)
            self.count(stats, len(task.data))

def run_batch(
    sources: Iterable[Source] | Callable[[], Iterable[Source]], options: Options
) -> Report:
    """Clean every source; see `Options`. Raises UsageError for inputs that cannot work; a run
    that cannot go on ends with `report.status == "failed"` and `report.error`. With
    `options.learn`, `sources` is a function that lists the sources (called for each pass).
    `options.spec.settings` are the workers' settings, and this process's while learning."""
    if options.spec.settings is None:
        return Runner(options).run(sources)
    with use(options.spec.settings):
        return Runner(options).run(sources)


__all__ = ["Options", "Runner", "run_batch"]
