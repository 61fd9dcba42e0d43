"""Shared paths and fixtures for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus_samples"
# The shared gold beside the checkout is the contract; a copy ships with the tests so they run
# on a machine that has only this repository.
SHARED_GOLD = ROOT.parent / "shared" / "gold"
GOLD_DIR = SHARED_GOLD if SHARED_GOLD.is_dir() else ROOT / "tests" / "data" / "gold"


def sample_pages() -> list[Path]:
    """Raw sample pages (each has NAME.expected.txt beside it)."""
    return sorted(p for p in SAMPLES.glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.fixture(scope="session")
def gold_files() -> list[Path]:
    files = sorted(GOLD_DIR.glob("*.jsonl"))
    if not files:
        pytest.fail(f"the gold pages are missing: expected *.jsonl in {GOLD_DIR}")
    return files
