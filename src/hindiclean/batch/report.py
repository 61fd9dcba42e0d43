"""What a batch run counts and reports: pages in, cleaned, skipped, empty, bytes, removals.

Counts are numbers; the names kept (failures, empty pages, resumed outputs) are capped at
`Settings.max_listed` each, and the report says how many it left out.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .files import write_atomic
from .settings import Settings

if TYPE_CHECKING:
    from ..learn import SiteRules


@dataclass
class Failure:
    """A page, record or whole input that could not be cleaned: where it is and why."""

    input: str
    reason: str
    record: int | None = None  # 1-based line (JSONL) or row (Parquet)
    offset: int | None = None  # byte offset in the (uncompressed) input

    def describe(self) -> str:
        where = self.input
        if self.record is not None:
            where += f", record {self.record}"
        if self.offset is not None:
            where += f", byte {self.offset}"
        return f"{where}: {self.reason}"


@dataclass
class Capped:
    """A list that keeps the first `cap` items and counts the rest."""

    cap: int = Settings.max_listed
    items: list = field(default_factory=list)
    left_out: int = 0

    def append(self, item: object) -> None:
        if len(self.items) < self.cap:
            self.items.append(item)
        else:
            self.left_out += 1

    def extend(self, other: Capped) -> None:
        for item in other.items:
            self.append(item)
        self.left_out += other.left_out

    def __len__(self) -> int:
        return len(self.items) + self.left_out


@dataclass
class Stats:
    """Counters for some pages; added up across workers and inputs."""

    pages: int = 0
    cleaned: int = 0
    nulls: int = 0  # null values (JSONL, Parquet) passed through as null
    kept: int = 0  # failed pages written unchanged (--errors keep)
    empty: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    transient: int = 0  # failures a rerun may not meet (time limit, dead worker, read error)
    categories: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    failures: Capped = field(default_factory=Capped)
    empty_pages: Capped = field(default_factory=Capped)
    sites: Counter = field(default_factory=Counter)  # --learn: removals by learned rules

    def fail(self, failure: Failure, transient: bool = False) -> None:
        """Count one page (or input) that could not be cleaned."""
        self.pages += 1
        self.failures.append(failure)
        self.transient += transient

    def add(self, other: Stats) -> None:
        self.pages += other.pages
        self.cleaned += other.cleaned
        self.nulls += other.nulls
        self.kept += other.kept
        self.empty += other.empty
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        self.transient += other.transient
        self.categories.update(other.categories)
        self.rules.update(other.rules)
        self.failures.extend(other.failures)
        self.empty_pages.extend(other.empty_pages)
        self.sites.update(other.sites)

    @property
    def skipped(self) -> int:
        return len(self.failures)


@dataclass
class Report:
    """The whole run: how it ended, totals, the rules that fired most, failures, empty pages."""

    settings: Settings = field(default_factory=Settings)
    stats: Stats = field(default_factory=Stats)
    resumed_outputs: Capped = field(default_factory=Capped)
    resumed_records: int = 0
    status: str = "done"  # "done" or "failed"
    error: str | None = None
    sites: SiteRules | None = None  # --learn: what each site learned
    learn_resumed: bool = False  # --learn --resume: the first pass was done already
    learn_untracked: int = 0  # --learn: pages of sites dropped by the learn_max_sites cap

    def __post_init__(self) -> None:
        cap = self.settings.max_listed
        self.stats.failures.cap = self.stats.empty_pages.cap = self.resumed_outputs.cap = cap

    def as_dict(self) -> dict:
        from .. import __version__

        s = self.stats
        return {
            "status": self.status,
            "error": self.error,
            "pages": s.pages,
            "cleaned": s.cleaned,
            "skipped": s.skipped,
            "nulls": s.nulls,
            "kept_unchanged": s.kept,
            "empty": s.empty,
            "bytes_in": s.bytes_in,
            "bytes_out": s.bytes_out,
            "removals_by_category": dict(s.categories.most_common()),
            "top_rules": dict(s.rules.most_common(20)),
            "failures": [vars(f) for f in s.failures.items],
            "failures_not_listed": s.failures.left_out,
            "empty_pages": s.empty_pages.items,
            "empty_pages_not_listed": s.empty_pages.left_out,
            "resumed_outputs": self.resumed_outputs.items,
            "resumed_outputs_not_listed": self.resumed_outputs.left_out,
            "resumed_records": self.resumed_records,
            "settings": self.settings.as_dict(),
            "version": __version__,
            **({"learned": self.learned()} if self.sites is not None else {}),
        }

    def site_rows(self) -> list[dict]:
        """--learn: each site's pages, rules and removals by its rules, most pages first (at
        most `max_listed`)."""
        assert self.sites is not None
        pages = self.sites.pages
        top = sorted(pages, key=lambda site: (-pages[site], site))[: self.settings.max_listed]
        return [
            {"site": site, "pages": pages[site], "rules": len(self.sites[site]),
             "removals": self.stats.sites.get(site, 0)}
            for site in top
        ]

    def learned(self) -> dict:
        assert self.sites is not None
        return {
            "sites": self.site_rows(),
            "sites_not_listed": max(0, len(self.sites.pages) - self.settings.max_listed),
            "sites_with_rules": len(self.sites.rules),
            "rules": sum(len(r) for r in self.sites.rules.values()),
            "removals": sum(self.stats.sites.values()),
            "pages_untracked": self.learn_untracked,
            "first_pass_resumed": self.learn_resumed,
        }

    def write(self, path: str | Path) -> None:
        """Write the report as JSON, atomically: a failed write leaves no half-written file."""
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"
        write_atomic(Path(path), text.encode("utf-8", "backslashreplace"), fsync=True)

    def summary(self) -> str:
        s = self.stats
        lines = [
            f"hindiclean: {s.pages} pages: {s.cleaned} cleaned, {s.skipped} skipped, "
            f"{s.empty} came out empty; "
            f"{s.bytes_in / 1e6:.2f} MB in, {s.bytes_out / 1e6:.2f} MB out",
        ]
        if s.nulls or s.kept:
            lines.append(f"  {s.nulls} null values passed through, {s.kept} kept unchanged")
        if s.categories:
            cats = ", ".join(f"{k} {v}" for k, v in s.categories.most_common())
            lines.append(f"  removed: {cats}")
        if s.rules:
            top = ", ".join(f"{k} {v}" for k, v in s.rules.most_common(5))
            lines.append(f"  top rules: {top}")
        if self.sites is not None:
            learned = self.learned()
            lines.append(
                f"  learned: {learned['rules']} rules for {learned['sites_with_rules']} of "
                f"{len(self.sites.pages)} sites, {learned['removals']} removals"
                + (" (first pass resumed)" if self.learn_resumed else "")
            )
            for row in learned["sites"][:10]:
                lines.append(
                    f"    {row['site'] or '(all pages)'}: {row['pages']} pages, "
                    f"{row['rules']} rules, {row['removals']} removals"
                )
            if len(self.sites.pages) > 10:
                lines.append(f"    ... and {len(self.sites.pages) - 10} more sites (see --report)")
        if self.resumed_outputs or self.resumed_records:
            lines.append(
                f"  resumed: {len(self.resumed_outputs)} outputs already complete, "
                f"{self.resumed_records} records kept from the last run"
            )
        for f in s.failures.items[:20]:
            lines.append(f"  skipped: {f.describe()}")
        if s.skipped > 20:
            lines.append(f"  ... and {s.skipped - 20} more (see --report)")
        if self.status != "done":
            lines.append(f"hindiclean: the run failed: {self.error}")
        return "\n".join(lines) + "\n"
