"""Hugging Face `datasets` integration: `ds.map(hindiclean.datasets.cleaner("text"), batched=True)`.

Needs `pip install -e '.[datasets]'` (in the checkout). The function cleans one column in place
(or into `output`), adds a struct column of removals by category (`stats=True`), and gives
exactly what `hindiclean clean` gives for the same pages. It is picklable, so `num_proc=N`
works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .pipeline import DEFAULT, Pipeline
from .stats import removal_counts

STATS_COLUMN = "hindiclean_removed"


class _Cleaner:
    """The batched map function (a class, so it pickles to worker processes)."""

    def __init__(self, column: str, output: str | None, pipeline: Pipeline, stats: bool) -> None:
        self.column = column
        self.output = output or column
        self.pipeline = pipeline
        self.stats = stats

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        if self.column not in batch:
            raise KeyError(f"hindiclean: no column {self.column!r} (has {sorted(batch)})")
        texts, counts = [], []
        for i, value in enumerate(batch[self.column]):
            if not isinstance(value, str):
                raise TypeError(
                    f"hindiclean: row {i} of the batch: column {self.column!r} holds "
                    f"{type(value).__name__}, not str (filter such rows out first)"
                )
            result = self.pipeline.run(value)
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
) -> Callable[[dict[str, list[Any]]], dict[str, list[Any]]]:
    """A function for `Dataset.map(..., batched=True)` that cleans `column`."""
    return _Cleaner(column, output, pipeline or DEFAULT, stats)
