"""Every threshold of a batch run, in one place: time limits, caps on memory, chunk sizes.

`Settings()` holds the defaults; the `clean` command sets the ones it has options for
(`--page-timeout`, `--max-listed`, `--gzip-level`, `--no-fsync`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..learn import MAX_CANDIDATES, MAX_SITES, MAX_TOTAL_CANDIDATES, MIN_PAGES, MIN_SHARE


@dataclass(frozen=True)
class Settings:
    """Limits of one batch run; each bounds time or memory of some process."""

    page_timeout: float = 60.0
    """Seconds one page may take in a worker; past that the worker is killed, the page
    reported ("took longer than ...") and the run goes on (`--page-timeout`)."""

    max_listed: int = 1000
    """Failures, empty pages and resumed outputs listed by name in the report, each; the rest
    are counted (`*_not_listed`) (`--max-listed`)."""

    window_per_job: int = 4
    """Chunks in flight (sent, or done and waiting for their turn) per worker: bounds the
    memory of the main process whatever the input's size."""

    text_chunk_files: int = 16
    """Text files sent to a worker in one task."""

    jsonl_chunk_lines: int = 256
    """JSONL lines sent to a worker in one task (at most)..."""

    jsonl_chunk_bytes: int = 1 << 20
    """... and bytes (at most, unless one line is longer)."""

    parquet_batch_rows: int = 1024
    """Parquet rows read (and written) at a time."""

    parquet_chunk_rows: int = 256
    """Parquet values sent to a worker in one task."""

    gzip_level: int = 6
    """Compression of `.jsonl.gz` outputs; each worker compresses its own chunks, so
    compression scales with `--jobs` (`--gzip-level`)."""

    fsync: bool = True
    """Flush each output to disk before renaming it into place (`--no-fsync` to skip)."""

    sort_limit: int = 100_000
    """A folder with at most this many entries is read in name order; a bigger one streams in
    the order the file system gives (memory stays bounded)."""

    task_attempts: int = 3
    """A task whose worker died outside any page (not the page's fault) is retried this many
    times, then the run fails."""

    learn_min_pages: int = MIN_PAGES
    """--learn: a site's line is learned when it stands on at least this many of the site's
    pages (`--min-pages`); a site with fewer pages learns nothing..."""

    learn_min_share: float = MIN_SHARE
    """... and on at least this share of them (`--min-share`)."""

    learn_max_candidates: int = MAX_CANDIDATES
    """--learn: distinct lines counted per site at most (lossy counting; `--max-candidates`)."""

    learn_max_total: int = MAX_TOTAL_CANDIDATES
    """--learn: distinct lines counted over all sites at most (the main process's memory)."""

    learn_max_sites: int = MAX_SITES
    """--learn: sites counted at once; past it the sites with the fewest pages are dropped
    (they learn nothing)."""

    def as_dict(self) -> dict:
        return asdict(self)

    def check(self) -> None:
        """Raise ValueError naming the first setting out of range."""
        if not self.page_timeout > 0:
            raise ValueError("--page-timeout must be more than 0 seconds")
        if self.max_listed < 0:
            raise ValueError("--max-listed must be 0 or more")
        if not 0 <= self.gzip_level <= 9:
            raise ValueError("--gzip-level must be 0 to 9")
        if self.learn_min_pages < 1:
            raise ValueError("--min-pages must be 1 or more")
        if not 0 <= self.learn_min_share <= 1:
            raise ValueError("--min-share must be within 0..1")
        if min(self.learn_max_candidates, self.learn_max_total, self.learn_max_sites) < 1:
            raise ValueError("--max-candidates and the learn_max_* settings must be 1 or more")
