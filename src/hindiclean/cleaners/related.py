"""The `related` cleaner: marked links to other stories and related-stories widgets."""

from ..rules import packaged_rules
from .rules import RuleCleaner

related = RuleCleaner("related", packaged_rules().of("related"))
