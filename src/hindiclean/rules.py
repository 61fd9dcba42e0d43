"""Rules as data: the `Rule` model, loading and validating TOML rule files, the packaged rules."""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from .settings import current

if sys.version_info >= (3, 11):
    import re._parser as sre_parse

    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import sre_parse

    import tomli as tomllib

_C = sre_parse  # opcodes and categories (sre_constants names re-exported by the parser)

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


# --- patterns that cannot hang a run ------------------------------------------------------------
#
# A repeat whose body can itself vary in length, and whose iterations can meet in more than one
# place ((?:a+)+, (?:\w+\s?)+: where one iteration ends the next may begin with the same
# characters), gives a backtracking engine exponentially many ways to fail on a line that almost
# matches. Such patterns are refused when a rule is made (packaged or not), by a look at the
# pattern's parse tree (sre_parse). Repeats of at most REDOS_SAFE_REPEATS iterations are let
# through: they backtrack polynomially, with a small exponent.
REDOS_SAFE_REPEATS = 3
# Every match of a user's pattern (a rule not shipped with hindiclean, and its `unless` and
# `until`) runs under a time limit, `Settings().rules.user_pattern_timeout` seconds (the `regex`
# module's `timeout=`, read at each match). On a timeout the block is kept as it is, and the
# rule is reported (a RuleTimeoutWarning, and a record in `Page.timeouts` / `Result.timeouts`).

# Characters a char-set test is made on: ASCII, Latin-1, Devanagari, general punctuation and
# the spaces a page holds. Two sets overlap when some sample is in both.
_SAMPLES = tuple(
    chr(c)
    for c in (
        *range(0x00, 0x180),
        *range(0x900, 0x980),
        *range(0x2000, 0x2070),
        0x20B9, 0x2190, 0x25B6, 0x3000, 0xFEFF, 0x1F449,
    )
)
_ALL = frozenset(_SAMPLES)
_CATEGORY_TESTS = {
    _C.CATEGORY_DIGIT: lambda ch: ch.isdecimal(),
    _C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
    _C.CATEGORY_SPACE: lambda ch: ch.isspace(),
    _C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_" or "\u0900" <= ch <= "\u097f",
    _C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_" or "\u0900" <= ch <= "\u097f"),
}


def _fold(chars: Iterable[str]) -> frozenset[str]:
    return frozenset(c for ch in chars for c in (ch, ch.lower(), ch.upper()) if c in _ALL)


def _in_set(items: list) -> frozenset[str]:
    """The samples a character class ([...]) matches."""
    negate = False
    found: set[str] = set()
    for op, av in items:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            found.add(chr(av))
        elif op is _C.RANGE:
            lo, hi = av
            found.update(ch for ch in _SAMPLES if lo <= ord(ch) <= hi)
        elif op is _C.CATEGORY:
            test = _CATEGORY_TESTS.get(av)
            found.update(ch for ch in _SAMPLES if test is None or test(ch))
        else:
            found.update(_SAMPLES)
    folded = _fold(found)
    return _ALL - folded if negate else folded


def _chars(op, av) -> frozenset[str] | None:
    """The samples a one-character item matches, or None when the item is not one character."""
    if op is _C.LITERAL:
        return _fold([chr(av)])
    if op is _C.NOT_LITERAL:
        return _ALL - _fold([chr(av)])
    if op is _C.ANY:
        return _ALL - {"\n"}
    if op is _C.IN:
        return _in_set(av)
    return None


def _children(op, av) -> list:
    """The sub-patterns of a group, branch, repeat or look-around."""
    if op is _C.SUBPATTERN:
        return [av[-1]]
    if op is _C.BRANCH:
        return list(av[1])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return [av[2]]
    if op is _C.ATOMIC_GROUP:
        return [av]
    if op is _C.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _first(seq) -> frozenset[str]:
    """The characters a match of seq can start with (look-arounds and anchors read through)."""
    out: frozenset[str] = frozenset()
    for op, av in seq:
        one = _chars(op, av)
        if one is not None:
            return out | one
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        if op in (_C.SUBPATTERN, _C.ATOMIC_GROUP, _C.MAX_REPEAT, _C.MIN_REPEAT,
                  _C.POSSESSIVE_REPEAT):
            sub = _children(op, av)[0]
            out |= _first(sub)
            lo = av[0] if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) else 1
            if lo and sub.getwidth()[0] > 0:
                return out
            continue
        if op is _C.BRANCH:
            out = out.union(*(_first(b) for b in av[1]))
            if all(b.getwidth()[0] > 0 for b in av[1]):
                return out
            continue
        return _ALL  # a back reference or anything else: assume the worst
    return out


def _words(seq, limit: int = 256) -> frozenset[str] | None:
    """The finite set of texts seq matches (case folded) when it is made of literals,
    alternatives and optional parts only, else None."""
    out = {""}
    for op, av in seq:
        if op is _C.LITERAL:
            parts: frozenset[str] | None = frozenset({chr(av).casefold()})
        elif op is _C.IN and all(o is _C.LITERAL for o, _ in av):
            parts = frozenset(chr(v).casefold() for _, v in av)
        elif op is _C.SUBPATTERN:
            parts = _words(av[-1], limit)
        elif op is _C.BRANCH:
            found = [_words(b, limit) for b in av[1]]
            parts = None if any(f is None for f in found) else frozenset().union(*found)
        elif op is _C.MAX_REPEAT and av[1] <= 1:
            inner = _words(av[2], limit)
            parts = None if inner is None else inner | ({""} if av[0] == 0 else set())
        else:
            return None
        if parts is None:
            return None
        out = {x + y for x in out for y in parts}
        if len(out) > limit:
            return None
    return frozenset(out)


def _extensions(seq) -> frozenset[str]:
    """The characters with which a match of seq can run on: seq matches some text x and also
    x followed by more text starting with one of them. Where a repeat's iterations meet, an
    extension that can also start the next iteration is an ambiguity."""
    out: frozenset[str] = frozenset()
    for op, av in reversed(list(seq)):
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            lo, hi, sub = av
            out |= _extensions(sub)
            if hi != lo:
                out |= _first(sub)
        elif op in (_C.SUBPATTERN, _C.ATOMIC_GROUP):
            out |= _extensions(_children(op, av)[0])
        elif op is _C.BRANCH:
            out |= _branch_extensions(av[1])
        elif op is _C.AT:
            if av in _ENDS:
                return out  # nothing follows the end of the text
            continue
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            continue
        elif op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            return _ALL
        if not _passable(op, av):
            return out  # this part is always there: what stands before it cannot run on
    return out


_ENDS = (_C.AT_END, _C.AT_END_STRING)


def _passable(op, av) -> bool:
    """Whether the item can match nothing and still let text follow it."""
    if op is _C.AT:
        return av not in _ENDS
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return True
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return av[0] == 0 or _seq_passable(av[2])
    if op is _C.BRANCH:
        return any(_seq_passable(b) for b in av[1])
    if op in (_C.SUBPATTERN, _C.ATOMIC_GROUP):
        return _seq_passable(_children(op, av)[0])
    return False


def _seq_passable(seq) -> bool:
    return all(_passable(op, av) for op, av in seq)


def _branch_extensions(branches) -> frozenset[str]:
    """Extensions of an alternation: each branch's own, and where one branch matches a longer
    text than another from the same start (`Accept` and `Accept All`: " ")."""
    out = frozenset().union(*(_extensions(b) for b in branches))
    words = [_words(b) for b in branches]
    every = frozenset().union(*(w for w in words if w is not None))
    ext = {b[len(a)] for a in every for b in every if len(b) > len(a) and b.startswith(a)}
    out |= _fold(ext)
    firsts = [_first(b) for b in branches]
    widths = [b.getwidth() for b in branches]
    for k in range(len(branches)):
        for j in range(k + 1, len(branches)):
            if words[k] is not None and words[j] is not None:
                continue  # compared as words above
            if firsts[k] & firsts[j] and (widths[k] != widths[j] or widths[k][0] != widths[k][1]):
                # Two alternatives of which one is no plain word may start at the same place
                # and end at different places: assume anything they hold can follow.
                out |= _all_chars(branches[k]) | _all_chars(branches[j])
    return out


def _width(op, av) -> tuple[int, int]:
    sub = sre_parse.SubPattern(sre_parse.State(), [(op, av)])
    return sub.getwidth()


def _all_chars(seq) -> frozenset[str]:
    """Every character a match of seq can hold."""
    out: frozenset[str] = frozenset()
    for op, av in seq:
        one = _chars(op, av)
        if one is not None:
            out |= one
        elif op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue
        elif op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            return _ALL
        else:
            for sub in _children(op, av):
                out |= _all_chars(sub)
    return out


def _ambiguous_repeat(seq) -> str | None:
    """The first repeat in seq that can backtrack catastrophically, as a message, or None."""
    for op, av in seq:
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            hi, sub = av[1], av[2]
            if hi > REDOS_SAFE_REPEATS:
                if sub.getwidth()[0] == 0 and _has_repeat(sub):
                    return "a repeat of something that may match nothing"
                if _extensions(sub) & _first(sub):
                    return (
                        "a repeat whose body varies in length and can start with what it "
                        "runs on with (iterations can split the same text in many ways)"
                    )
                for branches in _branches(sub):
                    if _same_text(branches):
                        return "a repeat of alternatives that can match the same text"
        for child in _children(op, av):
            found = _ambiguous_repeat(child)
            if found:
                return found
    return None


def _same_text(branches) -> bool:
    """Whether two alternatives can match the same text (the same word twice, or overlapping
    character sets of which one is not a plain word)."""
    words = [_words(b) for b in branches]
    firsts = [_first(b) for b in branches]
    for k in range(len(branches)):
        for j in range(k + 1, len(branches)):
            if words[k] is not None and words[j] is not None:
                if words[k] & words[j]:
                    return True
            elif firsts[k] & firsts[j]:
                return True
    return False


def _has_repeat(seq) -> bool:
    for op, av in seq:
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[1] > 1:
            return True
        if any(_has_repeat(c) for c in _children(op, av)):
            return True
    return False


def _branches(seq) -> list:
    """The alternatives, when a repeat's body is one alternation (inside plain groups)."""
    if len(seq) != 1:
        return []
    op, av = seq[0]
    if op is _C.BRANCH:
        return [av[1]]
    if op is _C.SUBPATTERN:
        return _branches(av[-1])
    return []


@lru_cache(maxsize=4096)
def backtracking_hazard(pattern: str) -> str | None:
    """Why pattern can backtrack catastrophically (a nested repeat over overlapping
    characters), or None. Checked on the parse tree, without running the pattern."""
    try:
        tree = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None  # reported as an invalid regex elsewhere
    return _ambiguous_repeat(tree)


class RuleTimeout(Exception):
    """A user's pattern ran past its time limit (`user_pattern_timeout`) on some text."""

    def __init__(self, rules: tuple[str, ...]) -> None:
        limit = current().rules.user_pattern_timeout
        super().__init__(f"rule(s) {', '.join(rules)} exceeded {limit} s")
        self.rules = rules


class RuleTimeoutWarning(UserWarning):
    """A user's rule ran past its time limit on a page: the block was kept."""


@dataclass(frozen=True)
class TimedOut:
    """The record of a timeout: which rule(s), on which line of the page, on which text."""

    rules: tuple[str, ...]
    line: int
    text: str  # the start of the block (at most 80 characters)


def report_timeout(exc: RuleTimeout, line: int, text: str) -> TimedOut:
    record = TimedOut(exc.rules, line, text[:80])
    warnings.warn(
        f"hindiclean: rule {', '.join(exc.rules)} ran past {current().rules.user_pattern_timeout} "
        f"s on line "
        f"{line} ({text[:40]!r}...); the block was kept as it is",
        RuleTimeoutWarning,
        stacklevel=3,
    )
    return record


class TimedPattern:
    """A user's pattern compiled with `regex`: `search` and `match` under the active settings'
    `rules.user_pattern_timeout` (read at each call), raising RuleTimeout when it runs out."""

    __slots__ = ("_regex", "pattern", "rules")

    def __init__(self, pattern: str, rules: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.rules = rules
        self._regex = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)

    def __reduce__(self):
        return (TimedPattern, (self.pattern, self.rules))

    @property
    def groups(self) -> int:
        return self._regex.groups

    def search(self, text: str, pos: int = 0):
        try:
            return self._regex.search(text, pos, timeout=current().rules.user_pattern_timeout)
        except TimeoutError:
            raise RuleTimeout(self.rules) from None

    def match(self, text: str, pos: int = 0):
        try:
            return self._regex.match(text, pos, timeout=current().rules.user_pattern_timeout)
        except TimeoutError:
            raise RuleTimeout(self.rules) from None


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
    # A `lead` rule that defers: its cut is not made when a whole-block rule of another category
    # takes the block as it is (`और खबर » ...` is a link, not a breadcrumb before a headline).
    defer: bool = False
    description: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    source: str = "<code>"
    meta: dict = field(default_factory=dict, compare=False, hash=False)  # e.g. learned counts
    # True for the rules shipped with hindiclean (matched with `re`, no time limit); a user's
    # rule is matched with `regex` under its time limit (`rules.user_pattern_timeout`).
    packaged: bool = field(default=False, compare=False)

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
            hazard = backtracking_hazard(pat)
            if hazard:
                raise RuleError(
                    f"{where}: {label} can backtrack catastrophically: {hazard}; write it so "
                    f"each character can be matched one way only (e.g. (?:a+)+ as a+, "
                    f"(?:\\w+\\s?)+ as \\w+(?:\\s\\w+)*): {pat!r}"
                )
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise RuleError(f"{where}: max_chars must be a positive whole number")

    @property
    def unless_re(self) -> re.Pattern[str] | TimedPattern | None:
        if not self.unless:
            return None
        return _compile(self.unless) if self.packaged else _compile_user(self.unless, self.name)

    @property
    def until_re(self) -> re.Pattern[str] | TimedPattern | None:
        if not self.until:
            return None
        return _compile(self.until) if self.packaged else _compile_user(self.until, self.name)


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _compile_user(pattern: str, *rules: str) -> TimedPattern:
    return TimedPattern(pattern, rules)


def compile_rules(pattern: str, rules: Iterable[Rule]) -> re.Pattern[str] | TimedPattern:
    """Compile a pattern made of these rules' patterns: with `re` when all are packaged, else
    with `regex` under the user's time limit."""
    rules = tuple(rules)
    if all(r.packaged for r in rules):
        return re.compile(pattern, re.IGNORECASE)
    return _compile_user(pattern, *(r.name for r in rules if not r.packaged))


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
    "defer",
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


def parse_rules(data: dict, source: str, *, packaged: bool = False) -> RuleSet:
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
                    defer=bool(entry.get("defer", False)),
                    description=entry.get("description", ""),
                    examples=tuple(entry.get("examples", ())),
                    counter_examples=tuple(entry.get("counter_examples", ())),
                    source=source,
                    meta=dict(entry.get("meta", {})),
                    packaged=packaged,
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
        source = f"hindiclean/rules/{stem}.toml"
        rules = rules + parse_rules(tomllib.loads(text), source, packaged=True)
    return rules
