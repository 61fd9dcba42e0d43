"""Per-page removal counts by category, in a fixed shape (for columns and metadata)."""

from __future__ import annotations

from .page import Removal
from .rules import CATEGORIES


def removal_counts(removals: tuple[Removal, ...] | list[Removal]) -> dict[str, int]:
    """Removals by category, every category present (a stable struct for Arrow columns)."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for r in removals:
        counts[r.category] = counts.get(r.category, 0) + 1
    return counts
