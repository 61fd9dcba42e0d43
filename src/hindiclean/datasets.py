"""Hugging Face `datasets` integration: `ds.map(hindiclean.datasets.cleaner("text"), batched=True)`.

Needs `pip install -e '.[datasets]'` (in the checkout). The function cleans one column in place
(or into `output`), adds a struct column of removals by category (`stats=True`), and gives
exactly what `hindiclean clean` gives for the same pages. It is picklable, so `num_proc=N`
works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .learn import SiteRules, learn_site_rules, site_of
from .pipeline import DEFAULT, Pipeline
from .stats import removal_counts

STATS_COLUMN = "hindiclean_removed"


class _Cleaner:
    """The batched map function (a class, so it pickles to worker processes)."""

    def __init__(
        self, column: str, output: str | None, pipeline: Pipeline, stats: bool,
        site_rules: SiteRules | None = None, site_column: str | None = None,
    ) -> None:
        self.column = column
        self.output = output or column
        self.pipeline = pipeline
        self.stats = stats
        self.sites = None if site_rules is None else SiteRules(
            site_rules.rules, site_rules.pages, pipeline
        )
        self.site_column = site_column

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        if self.column not in batch:
            raise KeyError(f"hindiclean: no column {self.column!r} (has {sorted(batch)})")
        texts, counts = [], []
        if self.site_column is not None and self.site_column not in batch:
            raise KeyError(f"hindiclean: no column {self.site_column!r} (has {sorted(batch)})")
        where = batch[self.site_column] if self.site_column else [""] * len(batch[self.column])
        for i, (value, site) in enumerate(zip(batch[self.column], where, strict=True)):
            if not isinstance(value, str):
                raise TypeError(
                    f"hindiclean: row {i} of the batch: column {self.column!r} holds "
                    f"{type(value).__name__}, not str (filter such rows out first)"
                )
            if self.sites is None:
                result = self.pipeline.run(value)
            else:
                result = self.sites.run(value, site_of(site))
            texts.append(result.text)
            counts.append(removal_counts(result.removals))
        out = dict(batch)
        out[self.output] = texts
        if self.stats:
            out[STATS_COLUMN] = counts
        return out


def cleaner(
    column: str = "text",
    output: str | None = None,
    pipeline: Pipeline | None = None,
    stats: bool = True,
    site_rules: SiteRules | None = None,
    site_column: str | None = None,
) -> Callable[[dict[str, list[Any]]], dict[str, list[Any]]]:
    """A function for `Dataset.map(..., batched=True)` that cleans `column`; with `site_rules`
    (from `learn_sites`), each row with `pipeline` plus the learned rules of its site
    (`site_of` its `site_column`: the host of a URL, or a site name)."""
    return _Cleaner(column, output, pipeline or DEFAULT, stats, site_rules, site_column)


def learn_sites(
    dataset: Any, column: str = "text", site_column: str | None = None, **thresholds: Any
) -> SiteRules:
    """The first of the two steps: learn each site's recurring chrome from a dataset (or any
    iterable of rows), streaming it once. `thresholds`: `min_pages`, `min_share`,
    `max_candidates` as in `learn_site_rules`."""
    rows = (r for r in dataset if isinstance(r[column], str))
    return learn_site_rules(
        ((r[site_column] if site_column else "", r[column]) for r in rows), **thresholds
    )
