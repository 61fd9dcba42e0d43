"""The `ads` cleaner: ad-slot labels, sponsored-headline blocks, ad-free upsells."""

from ..rules import packaged_rules
from .rules import RuleCleaner

ads = RuleCleaner("ads", packaged_rules().of("ads"))
