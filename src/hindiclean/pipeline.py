"""`Pipeline`: an ordered, composable tuple of cleaners, itself a cleaner; and its `Result`."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .cleaners.ads import ads
from .cleaners.base import Cleaner, FunctionCleaner
from .cleaners.disclaimers import disclaimers
from .cleaners.duplicates import duplicates
from .cleaners.layout import layout
from .cleaners.menus import menus
from .cleaners.metadata import metadata
from .cleaners.navigation import navigation
from .cleaners.normalize import normalize
from .cleaners.off_topic import off_topic
from .cleaners.related import related
from .cleaners.rules import RuleCleaner
from .cleaners.social import social
from .page import Page, Removal
from .rules import RuleError, RuleSet
from .settings import _ACTIVE, Settings, use


@dataclass(frozen=True)
class Result:
    """What `Pipeline.run` returns: the clean text, every removal, and the final page."""

    text: str
    removals: tuple[Removal, ...]
    page: Page

    @property
    def timeouts(self) -> tuple:
        """Blocks kept because a user's rule ran past its time limit (`rules.TimedOut`)."""
        return self.page.timeouts

    def by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removals:
            counts[r.category] = counts.get(r.category, 0) + 1
        return counts


_DEFAULT_CACHE: list[Pipeline] = []


def _packaged_rules_cleaner() -> RuleCleaner:
    """The packaged rules of every category (ads, related, disclaimer, social, navigation,
    metadata) as one cleaner named `rules`: one walk over the page for all of them. Built once."""
    if not _RULES_CACHE:
        fused = ads
        for c in (related, disclaimers, social, navigation):
            fused = fused.fuse(c)
        _RULES_CACHE.append(fused.fuse(metadata, name="rules"))
    return _RULES_CACHE[0]


_RULES_CACHE: list[RuleCleaner] = []


class Pipeline:
    """Ordered cleaners applied in turn. `Pipeline.default()` is what `clean()` uses.

    >>> p = Pipeline.default().without("off_topic")
    >>> "off_topic" in p.names
    False

    A pipeline may carry its own `Settings` (`settings=`, `with_settings`): its cleaners run
    under them (`hindiclean.settings.current()`). Without, it runs under the active settings
    (the defaults, unless an outer pipeline or a `settings.use()` block sets others).
    """

    def __init__(
        self, cleaners: Iterable[Cleaner | Callable] = (), *, settings: Settings | None = None
    ) -> None:
        if settings is not None and not isinstance(settings, Settings):
            raise TypeError(f"settings must be a Settings, got {type(settings).__name__}")
        self._settings = settings
        items: list[Cleaner] = []
        for c in cleaners:
            if not callable(c):
                raise TypeError(f"a cleaner must be callable, got {type(c).__name__}")
            if not isinstance(getattr(c, "name", None), str):
                raise TypeError(f"cleaner {c!r} has no string `name`; wrap it: cleaner('name')(f)")
            items.append(c)
        names = [c.name for c in items]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"cleaner names must be unique in a pipeline: {sorted(dupes)}")
        # Run one by one, as listed: what a pipeline gives is what its cleaners give in turn
        # (the default's `rules` cleaner holds the packaged rules of all categories).
        self.cleaners: tuple[Cleaner, ...] = tuple(items)
        self.name = "pipeline"

    @property
    def settings(self) -> Settings | None:
        """This pipeline's own settings (None: it runs under the active ones)."""
        return self._settings

    def with_settings(self, settings: Settings | None) -> Pipeline:
        """This pipeline running under `settings` (None: under the active ones); the cleaners
        and their compiled rules are shared, not rebuilt."""
        if settings is not None and not isinstance(settings, Settings):
            raise TypeError(f"settings must be a Settings, got {type(settings).__name__}")
        new = copy.copy(self)
        new._settings = settings
        return new

    @classmethod
    def default(cls) -> Pipeline:
        """normalize, rules (the packaged rules of every category), menus, duplicates, layout,
        off_topic. Built once and shared
        (a pipeline is immutable: `without`, `then`, `with_rules` return new ones)."""
        if cls is Pipeline and _DEFAULT_CACHE:
            return _DEFAULT_CACHE[0]
        built = cls([normalize, _packaged_rules_cleaner(), menus, duplicates, layout, off_topic])
        if cls is Pipeline:
            _DEFAULT_CACHE.append(built)
        return built

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cleaners)

    def __repr__(self) -> str:
        changed = self._settings.changed() if self._settings is not None else {}
        return f"Pipeline({list(self.names)}{f', settings={changed}' if changed else ''})"

    def __add__(self, other: Pipeline | Cleaner) -> Pipeline:
        """The cleaners of both, under this pipeline's settings."""
        extra = other.cleaners if isinstance(other, Pipeline) else (other,)
        return Pipeline(self.cleaners + tuple(extra), settings=self._settings)

    def then(self, cleaner: Cleaner | Callable[[Page], Page], name: str | None = None) -> Pipeline:
        """This pipeline with one more cleaner at the end (a plain function needs a `name`)."""
        if name is not None or not isinstance(getattr(cleaner, "name", None), str):
            label = name or getattr(cleaner, "__name__", None)
            if not label:
                raise TypeError("give the cleaner a name: .then(func, name='my_site')")
            cleaner = FunctionCleaner(label, cleaner)
        return Pipeline((*self.cleaners, cleaner), settings=self._settings)

    def rule_names(self) -> list[tuple[str, str, str, str]]:
        """Every name a removal of this pipeline can carry: (name, category, cleaner,
        description), for rules, detectors and the decisions of the position cleaners."""
        out: list[tuple[str, str, str, str]] = []
        for c in self.cleaners:
            if isinstance(c, RuleCleaner):
                out += [(r.name, r.category, c.name, r.description) for r in c.rules]
                out += [(d.name, d.category, c.name, d.description) for d in c.detectors]
            for name, category, description in getattr(c, "decisions", ()):
                out.append((name, category, c.name, description))
        return out

    def without(self, *names: str) -> Pipeline:
        """Drop cleaners by name (a category names its cleaner too: `disclaimer`,
        `duplicate`), or switch off single rules (rule or detector names)."""
        names = tuple(self._cleaner_name(n) for n in names)
        decisions = {
            n: c.name for c in self.cleaners for n, _cat, _desc in getattr(c, "decisions", ())
        }
        taken = [n for n in names if n in decisions]
        if taken:
            raise RuleError(
                f"{taken[0]!r} is a decision of the cleaner {decisions[taken[0]]!r} and cannot be "
                f"switched off alone yet; switch off the cleaner {decisions[taken[0]]!r} instead"
            )
        known_rules = {
            n
            for c in self.cleaners
            if isinstance(c, RuleCleaner)
            for n in (*c.rules.names, *(d.name for d in c.detectors))
        }
        known_rules |= {
            cat for c in self.cleaners if isinstance(c, RuleCleaner) for cat in c.categories
        }
        unknown = [n for n in names if n not in self.names and n not in known_rules]
        if unknown:
            raise RuleError(f"no cleaner or rule named {unknown}; cleaners: {list(self.names)}")
        out: list[Cleaner] = []
        for c in self.cleaners:
            if c.name in names:
                continue
            if isinstance(c, RuleCleaner):
                c = c.without(*[n for n in names if n in known_rules])
            out.append(c)
        return Pipeline(out, settings=self._settings)

    def _cleaner_name(self, name: str) -> str:
        """A category's name stands for its cleaner (`disclaimer` -> `disclaimers`)."""
        if name not in self.names and f"{name}s" in self.names:
            return f"{name}s"
        return name

    def with_rules(self, rules: RuleSet | Iterable, name: str = "custom") -> Pipeline:
        """Add user rules (a RuleSet, e.g. from `load_rules`) as a cleaner after `normalize`."""
        rule_set = rules if isinstance(rules, RuleSet) else RuleSet(tuple(rules))
        taken = {n for c in self.cleaners if isinstance(c, RuleCleaner) for n in c.rules.names}
        clash = sorted(taken & set(rule_set.names))
        if clash:
            raise RuleError(f"rule names already in the pipeline: {clash}; rename them")
        label = name
        k = 2
        while label in self.names:
            label = f"{name}{k}"
            k += 1
        custom = RuleCleaner(label, rule_set)
        items = list(self.cleaners)
        at = items.index(normalize) + 1 if normalize in items else 0
        items.insert(at, custom)
        return Pipeline(items, settings=self._settings)

    def __call__(self, page: Page) -> Page:
        if self._settings is None:
            for step in self.cleaners:
                page = step(page)
            return page
        token = _ACTIVE.set(self._settings)
        try:
            for step in self.cleaners:
                page = step(page)
        finally:
            _ACTIVE.reset(token)
        return page

    def run(self, text: str) -> Result:
        """Clean one page of raw text: the clean text and every removal."""
        page = self(Page.from_text(text))
        return Result(page.text, page.removals, page)

    def explain(self, text: str, color: bool = False) -> str:
        """Each line of `text` kept (`+`) or dropped (`-`, `~` for a cut) by this pipeline, with
        the category and rule of each removal (custom and learned rules included)."""
        from .explain import explain

        return explain(text, self, color=color)


DEFAULT = Pipeline.default()


def clean(text: str, settings: Settings | None = None) -> str:
    """The article alone, from the raw text of one Hindi news page (under `settings`, when
    given; see `hindiclean.settings`)."""
    if settings is None:
        return DEFAULT.run(text).text
    with use(settings):
        return DEFAULT.run(text).text
