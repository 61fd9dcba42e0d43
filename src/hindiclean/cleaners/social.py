"""The `social` cleaner: follow / share / subscribe / app / comment / rating prompts,
whole lines and prompt sentences glued to the end of a body paragraph."""

from ..rules import packaged_rules
from .rules import RuleCleaner

social = RuleCleaner("social", packaged_rules().of("social"))
