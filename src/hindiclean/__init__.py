"""hindiclean: turn raw plain-text dumps of Hindi news pages into the article alone.

>>> from hindiclean import clean
>>> clean("Home > देश > खबर\\nविज्ञापन\\nसरकार ने आज नई योजना की घोषणा की।\\n")
'सरकार ने आज नई योजना की घोषणा की।\\n'
"""

from .cleaners.base import Cleaner, FunctionCleaner, cleaner
from .cleaners.rules import Detector, RuleCleaner
from .explain import explain
from .learn import learn_rules, write_rules
from .page import Block, Page, Removal
from .pipeline import DEFAULT, Pipeline, Result, clean
from .rules import CATEGORIES, SCOPES, Rule, RuleError, RuleSet, load_rules, packaged_rules

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "DEFAULT",
    "SCOPES",
    "Block",
    "Cleaner",
    "Detector",
    "FunctionCleaner",
    "Page",
    "Pipeline",
    "Removal",
    "Result",
    "Rule",
    "RuleCleaner",
    "RuleError",
    "RuleSet",
    "__version__",
    "clean",
    "cleaner",
    "explain",
    "learn_rules",
    "load_rules",
    "packaged_rules",
    "write_rules",
]
