"""Rules as data: the `Rule` model, loading and validating TOML rule files, the packaged rules."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CATEGORIES = ("ads", "related", "disclaimer", "social", "navigation", "metadata", "duplicate")

SCOPES = {
    "line": "the whole block is the pattern: the block is removed",
    "prefix": "the block starts with the pattern: the block is removed",
    "lead": "the pattern is glued to the start of a block: that part is cut, the rest kept",
    "sentence": "the last sentence of a block matches: that sentence is cut, the rest kept",
    "tail": "from the pattern on, the rest of the page is chrome (bounded: see README)",
    "list": "the block heads a list of links: it goes, and so do the off-topic headlines under it",
    "section": "the block opens a section (comments): it goes, with the blocks up to `until`",
}

PACKAGED_FILES = ("ads", "related", "disclaimer", "social", "navigation", "metadata")


class RuleError(ValueError):
    """A rule that cannot be used; the message names the rule and where it came from."""


@dataclass(frozen=True)
class Rule:
    """A named pattern of one category with a scope (see `SCOPES`).

    `pattern` and `unless` are Python regular expressions, matched case-insensitively;
    `unless` vetoes the rule when it matches the block. `max_chars` bounds the block length
    for `line` and `prefix` rules, so a long body paragraph never falls to a short marker.
    """

    name: str
    category: str
    pattern: str
    scope: str = "line"
    unless: str | None = None
    max_chars: int = 300
    until: str | None = None
    max_blocks: int = 8
    description: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    source: str = "<code>"
    meta: dict = field(default_factory=dict, compare=False, hash=False)  # e.g. learned counts

    def __post_init__(self) -> None:
        where = f"rule {self.name!r} ({self.source})"
        if not self.name or not isinstance(self.name, str):
            raise RuleError(f"a rule in {self.source} has no name")
        if self.category not in CATEGORIES:
            raise RuleError(f"{where}: unknown category {self.category!r}; one of {CATEGORIES}")
        if self.scope not in SCOPES:
            raise RuleError(f"{where}: unknown scope {self.scope!r}; one of {tuple(SCOPES)}")
        if not self.pattern:
            raise RuleError(f"{where}: empty pattern")
        if self.scope == "section" and not self.until:
            raise RuleError(f"{where}: a section rule needs `until` (where the section ends)")
        patterns = (("pattern", self.pattern), ("unless", self.unless), ("until", self.until))
        for label, pat in patterns:
            if pat is None:
                continue
            try:
                compiled = re.compile(pat, re.IGNORECASE)
            except re.error as exc:
                raise RuleError(f"{where}: invalid {label} regex: {exc}") from None
            if compiled.groups:
                raise RuleError(f"{where}: {label} has capturing groups; use (?:...)")
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise RuleError(f"{where}: max_chars must be a positive whole number")

    @property
    def unless_re(self) -> re.Pattern[str] | None:
        return _compile(self.unless) if self.unless else None

    @property
    def until_re(self) -> re.Pattern[str] | None:
        return _compile(self.until) if self.until else None


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class RuleSet:
    """An ordered collection of rules with unique names."""

    rules: tuple[Rule, ...] = field(default=())

    def __post_init__(self) -> None:
        seen: dict[str, str] = {}
        for r in self.rules:
            if r.name in seen:
                raise RuleError(f"rule {r.name!r} is defined twice ({seen[r.name]} and {r.source})")
            seen[r.name] = r.source

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __add__(self, other: RuleSet | Iterable[Rule]) -> RuleSet:
        return RuleSet(self.rules + tuple(other))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.rules)

    def of(self, category: str) -> RuleSet:
        return RuleSet(tuple(r for r in self.rules if r.category == category))

    def without(self, *names: str) -> RuleSet:
        """The rule set less the named rules; an unknown name is an error (likely a typo)."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise RuleError(f"no rule named {sorted(unknown)}; known: see RuleSet.names")
        return RuleSet(tuple(r for r in self.rules if r.name not in names))


_FIELDS = {
    "name",
    "category",
    "pattern",
    "scope",
    "unless",
    "max_chars",
    "until",
    "max_blocks",
    "description",
    "examples",
    "counter_examples",
    "meta",
}


_FRAGMENT = re.compile(r"<<([A-Z_][A-Z0-9_]*)>>")


def _expand(pattern: object, fragments: dict[str, str], where: str) -> object:
    """Replace `<<NAME>>` with the file's `[fragments]` entry NAME (a shared sub-pattern)."""
    if not isinstance(pattern, str):
        return pattern

    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in fragments:
            raise RuleError(f"{where}: unknown fragment <<{m.group(1)}>>")
        return f"(?:{fragments[m.group(1)]})"

    for _ in range(10):  # fragments may use fragments
        expanded = _FRAGMENT.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise RuleError(f"{where}: fragments nest too deep (a fragment that uses itself?)")


def parse_rules(data: dict, source: str) -> RuleSet:
    """Build a RuleSet from parsed TOML: optional top-level `category` and `[fragments]`,
    then `[[rule]]` tables."""
    default_category = data.get("category")
    fragments = data.get("fragments", {})
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise RuleError(f"{source}: [fragments] must map names to pattern strings")
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise RuleError(f"{source}: 'rule' must be an array of tables ([[rule]])")
    rules = []
    for i, entry in enumerate(entries, start=1):
        label = f"{source}, rule #{i}"
        if not isinstance(entry, dict):
            raise RuleError(f"{label}: not a table")
        name = entry.get("name")
        if not name:
            raise RuleError(f"{label}: missing 'name'")
        unknown = set(entry) - _FIELDS
        if unknown:
            raise RuleError(f"rule {name!r} ({source}): unknown field(s) {sorted(unknown)}")
        if "pattern" not in entry:
            raise RuleError(f"rule {name!r} ({source}): missing 'pattern'")
        category = entry.get("category", default_category)
        where = f"rule {name!r} ({source})"
        entry = dict(entry)
        for key in ("pattern", "unless", "until"):
            entry[key] = _expand(entry.get(key), fragments, where)
        try:
            rules.append(
                Rule(
                    name=name,
                    category=category,
                    pattern=entry["pattern"],
                    scope=entry.get("scope", "line"),
                    unless=entry.get("unless"),
                    max_chars=entry.get("max_chars", 300),
                    until=entry.get("until"),
                    max_blocks=entry.get("max_blocks", 8),
                    description=entry.get("description", ""),
                    examples=tuple(entry.get("examples", ())),
                    counter_examples=tuple(entry.get("counter_examples", ())),
                    source=source,
                    meta=dict(entry.get("meta", {})),
                )
            )
        except TypeError as exc:
            raise RuleError(f"rule {name!r} ({source}): {exc}") from None
    return RuleSet(tuple(rules))


def load_rules(path: str | Path) -> RuleSet:
    """Load a TOML rule file of the packaged form. Errors name the file and the rule."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise RuleError(f"{path}: no such rule file") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML: {exc}") from None
    return parse_rules(data, str(path))


@lru_cache(maxsize=1)
def packaged_rules() -> RuleSet:
    """All rules shipped with hindiclean (one TOML file per category)."""
    rules = RuleSet()
    base = resources.files("hindiclean") / "rules"
    for stem in PACKAGED_FILES:
        text = (base / f"{stem}.toml").read_text(encoding="utf-8")
        rules = rules + parse_rules(tomllib.loads(text), f"hindiclean/rules/{stem}.toml")
    return rules
