"""The `disclaimers` cleaner: auto-feed and legal notices, copyright footers, cookie banners."""

from ..rules import packaged_rules
from .rules import RuleCleaner

disclaimers = RuleCleaner("disclaimers", packaged_rules().of("disclaimer"))
