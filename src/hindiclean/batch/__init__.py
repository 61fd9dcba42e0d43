"""Batch cleaning: folders, JSONL and Parquet, all cores, reports, nothing lost."""

from .inputs import Source, UsageError, discover
from .report import Failure, Report, Stats
from .runner import Options, run_batch
from .work import PipelineSpec

__all__ = [
    "Failure",
    "Options",
    "PipelineSpec",
    "Report",
    "Source",
    "Stats",
    "UsageError",
    "discover",
    "run_batch",
]
