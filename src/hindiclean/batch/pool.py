"""Worker processes that cannot hang a run: an ordered map over tasks of pages in which a worker
that dies (`kill -9`, the OOM killer) or spends longer than the time limit on one page is
replaced, the page it was on is marked failed, and its task is done again without that page.

Each worker tells the main process, through a little shared memory, which page of its task it
is on and since when (`started`); that is how a death or a stuck page is pinned on one page.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

from .settings import Settings

_IDLE, _BETWEEN = -2.0, -1.0  # progress[0] when not on a page
_PROGRESS: Any = None  # this worker's shared [page index, since (time.monotonic())]


class RunFailed(RuntimeError):
    """The run cannot go on (a bug, or workers that die outside any page)."""


class OutputError(RunFailed):
    """An output cannot be written (a full disk, a folder where a file goes): not the page's
    fault, so the run stops instead of reporting every page after it."""


@dataclass
class Task:
    """Pages for one worker round trip; `poisoned` pages (index -> reason) are reported failed
    instead of being cleaned again."""

    poisoned: dict[int, str] = field(default_factory=dict)
    attempts: int = 0


def started(index: int) -> None:
    """Called by the work functions in a worker as they start page `index` of their task."""
    if _PROGRESS is not None:
        _PROGRESS[1] = time.monotonic()
        _PROGRESS[0] = index


def _serve(conn: Any, progress: Any, init: Callable, initargs: tuple) -> None:
    global _PROGRESS
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _PROGRESS = progress
    parent = os.getppid()
    init(*initargs)
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return  # the main process is gone
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, func, task = msg
        try:
            result: tuple = ("ok", func(task))
        except OutputError as exc:
            result = ("fatal", -1, str(exc))
        except Exception as exc:
            result = ("error", int(progress[0]), f"{type(exc).__name__}: {exc}")
        progress[0] = _IDLE
        conn.send((seq, result))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if exitcode == -signal.SIGKILL else ""
        return f"the worker process was killed by {name}{hint} while on this page"
    return f"the worker process ended (exit code {exitcode}) while on this page"


class _Worker:
    def __init__(self, ctx: Any, init: Callable, initargs: tuple) -> None:
        self.progress = ctx.RawArray("d", 2)
        self.progress[0] = _IDLE
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, self.progress, init, initargs))
        self.proc.daemon = True
        self.proc.start()
        child.close()
        self.job: tuple[int, Task] | None = None

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Pool:
    """`jobs` worker processes, each built with `init(*initargs)`."""

    def __init__(self, jobs: int, init: Callable, initargs: tuple, settings: Settings) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.init, self.initargs = init, initargs
        self.settings = settings
        self.workers = [self._spawn() for _ in range(jobs)]
        self.idle_deaths = 0

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.init, self.initargs)

    def imap(self, func: Callable[[Any], Any], tasks: Iterable[Task]) -> Iterator[Any]:
        """func(task) for every task, in order, with a bounded number of tasks in flight."""
        window = self.settings.window_per_job * len(self.workers)
        ready: deque[tuple[int, Task]] = deque()
        results: dict[int, Any] = {}
        source = iter(tasks)
        pulled = done = 0
        exhausted = finished = False
        try:
            while True:
                while not exhausted and pulled - done < window:
                    task = next(source, None)
                    if task is None:
                        exhausted = True
                    else:
                        ready.append((pulled, task))
                        pulled += 1
                for w in self.workers:
                    if w.job is None and ready:
                        self._send(w, func, ready)
                if done in results:
                    yield results.pop(done)
                    done += 1
                    continue
                if exhausted and done == pulled:
                    finished = True
                    return
                self._wait(ready, results)
        finally:
            if not finished:  # the consumer stopped early: drop whatever is in flight
                for i, w in enumerate(self.workers):
                    if w.job is not None:
                        w.kill()
                        self.workers[i] = self._spawn()

    def _send(self, w: _Worker, func: Callable, ready: deque) -> None:
        seq, task = ready.popleft()
        w.job = (seq, task)
        w.progress[1] = time.monotonic()
        w.progress[0] = _BETWEEN
        with suppress(OSError):  # a dead worker: its sentinel says so in _wait
            w.conn.send((seq, func, task))

    def _wait(self, ready: deque, results: dict[int, Any]) -> None:
        busy = [w for w in self.workers if w.job is not None]
        limit = self.settings.page_timeout
        now = time.monotonic()
        timeout = max(0.0, min([w.progress[1] + limit - now for w in busy], default=1.0))
        objs = {w.conn: w for w in busy} | {w.proc.sentinel: w for w in busy}
        for obj in wait(list(objs), min(timeout, 1.0) + 0.01):
            w = objs[obj]
            if w.job is None:
                continue
            if obj is w.conn:
                try:
                    seq, result = w.conn.recv()
                except (EOFError, OSError):
                    self._replace(w, ready, _death(self._exitcode(w)))
                    continue
                self._result(w, seq, result, ready, results)
            else:
                self._replace(w, ready, _death(self._exitcode(w)))
        now = time.monotonic()
        for w in self.workers:
            on_page = w.progress[0] != _IDLE  # not waiting to hand its result over
            if w.job is not None and on_page and now - w.progress[1] > limit:
                why = f"took longer than the time limit of {limit:g} s (--page-timeout)"
                self._replace(w, ready, why)
        for i, w in enumerate(self.workers):
            if w.job is None and not w.proc.is_alive():  # died between tasks
                self.idle_deaths += 1
                if self.idle_deaths > self.settings.task_attempts * len(self.workers):
                    raise RunFailed("worker processes keep dying between tasks")
                w.kill()
                self.workers[i] = self._spawn()

    @staticmethod
    def _exitcode(w: _Worker) -> int | None:
        w.proc.join(1)
        return w.proc.exitcode

    def _result(self, w: _Worker, seq: int, result: tuple, ready: deque, results: dict) -> None:
        assert w.job is not None
        task = w.job[1]
        w.job = None
        if result[0] == "ok":
            results[seq] = result[1]
            return
        kind, index, error = result
        if kind == "fatal":
            raise OutputError(error)
        if index < 0:
            raise RunFailed(f"internal error outside any page: {error}")
        self._retry(seq, task, index, f"internal error while cleaning this page: {error}", ready)

    def _retry(self, seq: int, task: Task, index: int, why: str, ready: deque) -> None:
        """Send `task` again with page `index` marked failed; a task that fails again outside
        a page, or again on a page already marked, is retried a bounded number of times."""
        if index < 0 or index in task.poisoned:
            task.attempts += 1
            if task.attempts >= self.settings.task_attempts:
                raise RunFailed(f"a task failed {task.attempts} times: {why}")
        else:
            task.poisoned[index] = why
        ready.appendleft((seq, task))

    def _replace(self, w: _Worker, ready: deque, why: str) -> None:
        """Kill `w` (if alive), start another, and send its task again without the page."""
        assert w.job is not None
        seq, task = w.job
        index = int(w.progress[0])
        w.job = None
        w.kill()
        self.workers[self.workers.index(w)] = self._spawn()
        self._retry(seq, task, index, why, ready)

    def close(self) -> None:
        for w in self.workers:
            with suppress(OSError):
                w.conn.send(None)
        for w in self.workers:
            w.proc.join(5)
            w.kill()
