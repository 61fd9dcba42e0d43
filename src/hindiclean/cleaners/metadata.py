"""The `metadata` cleaner: bylines, time stamps, captions and credits, author boxes."""

from ..rules import packaged_rules
from .rules import RuleCleaner

metadata = RuleCleaner("metadata", packaged_rules().of("metadata"))
