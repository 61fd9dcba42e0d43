"""What a batch run counts and reports: pages in, cleaned, skipped, empty, bytes, removals."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Failure:
    """A page that could not be cleaned: where it is and why."""

    input: str
    reason: str
    record: int | None = None  # 1-based line (JSONL) or row (Parquet)
    offset: int | None = None  # byte offset in the input, for bad UTF-8

    def describe(self) -> str:
        where = self.input
        if self.record is not None:
            where += f", record {self.record}"
        if self.offset is not None:
            where += f", byte {self.offset}"
        return f"{where}: {self.reason}"


@dataclass
class Stats:
    """Counters for some pages; added up across workers and inputs."""

    pages: int = 0
    cleaned: int = 0
    empty: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    categories: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    empty_pages: list[str] = field(default_factory=list)

    def add(self, other: Stats) -> None:
        self.pages += other.pages
        self.cleaned += other.cleaned
        self.empty += other.empty
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        self.categories.update(other.categories)
        self.rules.update(other.rules)
        self.failures.extend(other.failures)
        self.empty_pages.extend(other.empty_pages)

    @property
    def skipped(self) -> int:
        return len(self.failures)


MAX_LISTED = 1000


@dataclass
class Report:
    """The whole run: totals, the rules that fired most, failures and empty pages."""

    stats: Stats = field(default_factory=Stats)
    inputs_skipped_as_done: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        s = self.stats
        return {
            "pages": s.pages,
            "cleaned": s.cleaned,
            "skipped": s.skipped,
            "empty": s.empty,
            "bytes_in": s.bytes_in,
            "bytes_out": s.bytes_out,
            "removals_by_category": dict(s.categories.most_common()),
            "top_rules": dict(s.rules.most_common(20)),
            "failures": [vars(f) for f in s.failures[:MAX_LISTED]],
            "empty_pages": s.empty_pages[:MAX_LISTED],
            "resumed_outputs": self.inputs_skipped_as_done,
        }

    def write(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    def summary(self) -> str:
        s = self.stats
        lines = [
            f"hindiclean: {s.pages} pages: {s.cleaned} cleaned, {s.skipped} skipped, "
            f"{s.empty} came out empty; "
            f"{s.bytes_in / 1e6:.2f} MB in, {s.bytes_out / 1e6:.2f} MB out",
        ]
        if s.categories:
            cats = ", ".join(f"{k} {v}" for k, v in s.categories.most_common())
            lines.append(f"  removed: {cats}")
        if s.rules:
            top = ", ".join(f"{k} {v}" for k, v in s.rules.most_common(5))
            lines.append(f"  top rules: {top}")
        if self.inputs_skipped_as_done:
            lines.append(f"  resumed: {len(self.inputs_skipped_as_done)} outputs already complete")
        for f in s.failures[:20]:
            lines.append(f"  skipped: {f.describe()}")
        if len(s.failures) > 20:
            lines.append(f"  ... and {len(s.failures) - 20} more (see --report)")
        return "\n".join(lines) + "\n"
