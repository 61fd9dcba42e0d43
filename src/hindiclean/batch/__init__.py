"""Batch cleaning: folders, JSONL and Parquet, all cores, reports, nothing lost."""

from .inputs import Source, UsageError, check_args, discover, iter_sources
from .pool import RunFailed
from .report import Failure, Report, Stats
from .runner import Options, run_batch
from .settings import Settings
from .work import PipelineSpec

__all__ = [
    "Failure",
    "Options",
    "PipelineSpec",
    "Report",
    "RunFailed",
    "Settings",
    "Source",
    "Stats",
    "UsageError",
    "check_args",
    "discover",
    "iter_sources",
    "run_batch",
]
