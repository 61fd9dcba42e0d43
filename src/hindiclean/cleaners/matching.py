"""Matching whole-block rules: one alternation per scope, gated and dispatched.

The rule engine (`cleaners/rules.py`) compiles a RuleSet into `_Alternation`s: packaged rules in
one `re` alternation with named groups, dispatched by a block's first character (`dispatch.py`);
floating rules kept out of it and tried only on blocks holding one of their required literals,
found in one page scan (`PageGate`, `literals.py`); rules that can begin with any character
tried alone behind a gate of the strings every match holds (`literals.gate_strings`); a user's
rules on `regex` under their time limit (`_Either` keeps the two apart).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..dispatch import first_chars, is_plain_key
from ..literals import FOLD_HAZARDS, floats, gate_strings, trie_pattern
from ..rules import Rule, compile_rules

# A packaged whole-block rule that can begin with any character is matched alone, and only on
# a text holding one of its gate strings (`literals.gate_strings`), when these are at most this
# many (C-level `in` tests) or all single characters (one character-class search).
ANY_GATE_MAX_STRINGS = 8
# `FOLD_HAZARDS` as they stand in a lower-cased text ("İ" lowers to "i" and U+0307).
_HAZARDS_LOW = tuple(sorted(set("".join(h.lower() for h in FOLD_HAZARDS)) - {"i"}))
_HAZARD_LOW = re.compile("[" + "".join(_HAZARDS_LOW) + "]")


@dataclass(frozen=True)
class GatedRule:
    """A floating whole-block rule kept out of the alternation: it is matched only on blocks
    holding one of its required literals (see `hindiclean.literals`)."""

    pos: int  # its place in the order of whole-block rules (the first hit in order wins)
    rule: Rule
    regex: re.Pattern[str]
    literals: frozenset[str]  # prefix-reduced, as the page scan reports them


class PageGate:
    """The gated rules worth trying on one page, each with the literals seen on it; `None` as
    literals means: try the rule on every block (the page has a fold hazard)."""

    __slots__ = ("all_literal", "literals", "rules")

    def __init__(self, rules: list[tuple[GatedRule, frozenset[str] | None]]) -> None:
        self.rules = rules
        # Every literal of these rules: a text is searched for each once, not once per rule.
        self.literals = tuple(sorted(frozenset().union(*(p for _g, p in rules if p is not None))))
        self.all_literal = all(p is not None for _g, p in rules)


NO_GATE = PageGate([])


class _Alternation:
    """All rules of one scope class compiled into one regex with a named group per rule.

    Whole-block rules are also tiered by `max_chars`: a block of length L is matched against
    one alternation of just the rules that allow blocks of length L, so long paragraphs never
    pay for the many short-line rules.
    """

    def __init__(
        self, rules: Sequence[Rule], whole: Callable[[Rule], bool] | None = None, bounded=False
    ) -> None:
        self.rules = tuple(rules)
        self.bounded = bounded  # whole-block rules obey max_chars; cuts are bounded by the engine
        parts = []
        for i, r in enumerate(self.rules):
            tail = r"\Z" if whole and whole(r) else ""
            parts.append(f"(?P<r{i}>(?:{r.pattern}){tail})")
        self.singles = [compile_rules(p, (r,)) for r, p in zip(self.rules, parts, strict=True)]
        self.max_chars = max((r.max_chars for r in self.rules), default=0) if bounded else 10**9
        # (bound, regex): the regex holds the rules with max_chars >= bound.
        self.tiers: list[tuple[int, re.Pattern[str] | None]] = []
        bounds = sorted({r.max_chars for r in self.rules}) if bounded else [10**9]
        if not self.rules:
            bounds = []
        for bound in bounds:
            chosen = [
                p for r, p in zip(self.rules, parts, strict=True)
                if not bounded or r.max_chars >= bound
            ]
            self.tiers.append((bound, compile_rules("|".join(chosen), self.rules)))
        self.regex = self.tiers[0][1] if self.tiers else None
        # First-character dispatch (anchored matches only, `hindiclean.dispatch`): a block is
        # matched against the tier's alternation of the rules that can begin with any character
        # and the alternation of the rules that list its first character (all tiers, built when
        # first needed); the hit of the lower rule index is the tier alternation's first hit
        # (rules left out cannot match, a rule beyond the tier is refused by `_allowed` and the
        # one-by-one fallback then finds what the tier alternation would have found).
        self._parts = parts
        self._index = {f"r{i}": i for i in range(len(self.rules))}  # group name -> rule index
        self._firsts = [first_chars(r.pattern) for r in self.rules]
        # Rules that can begin with any character and have a cheap gate (packaged rules only):
        # (index, max chars, its regex, gate) in rule order, tried one by one after the
        # alternation of the others (see `_dispatched`).
        self._any_gated: list[tuple] = []
        if self.rules and all(r.packaged for r in self.rules):
            for i, (r, f) in enumerate(zip(self.rules, self._firsts, strict=True)):
                gate = _any_gate(r.pattern) if f is None else None
                if gate is not None:
                    bound = r.max_chars if bounded else 10**9
                    self._any_gated.append((i, bound, self.singles[i], gate))
        gated_any = {i for i, *_ in self._any_gated}
        self._any_tiers: list[tuple[int, re.Pattern[str] | None]] = []
        for bound in bounds:
            chosen = [
                p for i, (r, p, f) in enumerate(zip(self.rules, parts, self._firsts, strict=True))
                if f is None and i not in gated_any and (not bounded or r.max_chars >= bound)
            ]
            regex = compile_rules("|".join(chosen), self.rules) if chosen else None
            self._any_tiers.append((bound, regex))
        # Only characters some rule lists are cached (the cache stays as small as the rules'
        # first characters, whatever a page holds); characters with the same rules share one
        # compiled alternation.
        self._listed = frozenset().union(*(f for f in self._firsts if f))
        self._keyed: dict[str, re.Pattern[str]] = {}
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _keyed_regex(self, ch: str) -> re.Pattern[str] | None:
        """The alternation of the rules that list ch as a first character (None: no rule)."""
        regex = self._keyed.get(ch)
        if regex is not None or ch not in self._listed:
            return regex
        chosen = tuple(i for i, f in enumerate(self._firsts) if f and ch in f)
        regex = self._subsets.get(chosen)
        if regex is None:
            regex = compile_rules("|".join(self._parts[i] for i in chosen), self.rules)
            self._subsets[chosen] = regex
        self._keyed[ch] = regex
        return regex

    def _dispatched(self, text: str, pos: int, n: int) -> re.Match[str] | None:
        """The anchored match of the lowest rule index among the rules that can begin with
        text[pos] (see above)."""
        m1 = None
        for bound, regex in self._any_tiers:
            if n <= bound:
                m1 = regex.match(text, pos) if regex is not None else None
                break
        ch = text[pos].lower()
        keyed = self._keyed.get(ch)
        if keyed is None and ch in self._listed:
            keyed = self._keyed_regex(ch)
        m2 = keyed.match(text, pos) if keyed is not None else None
        index = self._index
        if m1 is None or m2 is None:
            m = m1 or m2
        else:
            m = m1 if index[m1.lastgroup] < index[m2.lastgroup] else m2
        if self._any_gated:
            limit = index[m.lastgroup] if m is not None else len(self.rules)
            low = None
            for i, bound, single, gate in self._any_gated:
                if i >= limit:
                    break
                if n > bound:
                    continue
                if low is None:
                    low = (text[pos:] if pos else text).lower()
                    # sre's special folds (dotless i, long s) escape a lower-cased test.
                    if _HAZARD_LOW.search(low) is not None:
                        low = ""
                if low:
                    if type(gate) is tuple:
                        for g in gate:
                            if g in low:
                                break
                        else:
                            continue
                    elif gate.search(low) is None:
                        continue
                gm = single.match(text, pos)
                if gm is not None:
                    return gm
        return m

    def _allowed(self, rule: Rule, text: str, whole: str) -> bool:
        if self.bounded and len(text) > rule.max_chars:
            return False
        u = rule.unless_re
        return u is None or u.search(whole) is None

    def _regex_for(self, n: int) -> re.Pattern[str] | None:
        for bound, regex in self.tiers:
            if n <= bound:
                return regex
        return None

    def first(
        self, text: str, search: bool, whole: str | None = None, pos: int = 0
    ) -> tuple[Rule, re.Match[str]] | None:
        """The first rule whose pattern hits text (from `pos`) and whose guards allow it;
        `unless` vetoes are judged on `whole` (the block before its decoration was stripped)."""
        whole = text if whole is None else whole
        n = len(text) - pos
        if search or n <= 0 or not (text[pos].isascii() or is_plain_key(text[pos])):
            regex = self._regex_for(n)
            if regex is None:
                return None
            m = regex.search(text, pos) if search else regex.match(text, pos)
        elif n > self.max_chars:
            return None
        else:
            m = self._dispatched(text, pos, n)
        if m is None:
            return None
        rule = self.rules[self._index[m.lastgroup]]
        if not rule.unless and (not self.bounded or len(text) <= rule.max_chars):
            return rule, m  # `_allowed`, without the call
        if self._allowed(rule, text, whole):
            return rule, m
        # Rare: the hit is vetoed; try the others one by one.
        for r, single in zip(self.rules, self.singles, strict=True):
            if r is rule or (self.bounded and len(text) > r.max_chars):
                continue
            m2 = single.search(text, pos) if search else single.match(text, pos)
            if m2 and self._allowed(r, text, whole):
                return r, m2
        return None


def _any_gate(pattern: str) -> tuple[str, ...] | re.Pattern[str] | None:
    """A cheap gate for a rule that can begin with any character: its gate strings (few), or a
    search for its gate characters, or (a floating rule) for its gate strings; None: the rule
    stays in the alternation."""
    gate = gate_strings(pattern)
    if gate is None:
        return None
    if all(len(g) == 1 for g in gate):
        return re.compile("[" + "".join(re.escape(g) for g in sorted(gate)) + "]")
    if len(gate) <= ANY_GATE_MAX_STRINGS:
        return tuple(sorted(gate))
    if floats(pattern):
        # A floating rule (`.{0,160}फॉलो करें...`) backtracks over every short block it meets:
        # one search for its gate strings (a trie, at C speed) costs a fraction of that.
        return re.compile(trie_pattern(gate))
    return None


class _Either:
    """Packaged rules and a user's rules of one scope, kept apart: the packaged ones in an
    alternation under `re`, the user's under `regex` with a time limit. The first hit wins as
    it would in one alternation: the leftmost, then the first in rule order."""

    def __init__(self, packaged: _Alternation, user: _Alternation, order: dict[str, int]):
        self.parts = (packaged, user)
        self.order = order
        self.regex = packaged.regex or user.regex
        self.max_chars = max(packaged.max_chars, user.max_chars)

    def first(
        self, text: str, search: bool, whole: str | None = None, pos: int = 0
    ) -> tuple[Rule, re.Match[str]] | None:
        best = None
        for part in self.parts:
            if part.regex is None or (part.bounded and len(text) > part.max_chars):
                continue
            hit = part.first(text, search, whole, pos)
            if hit is not None and (
                best is None
                or (hit[1].start(), self.order[hit[0].name])
                < (best[1].start(), self.order[best[0].name])
            ):
                best = hit
        return best


def alternation(
    rules: Sequence[Rule], whole: Callable[[Rule], bool] | None = None, bounded: bool = False
) -> _Alternation | _Either:
    """One alternation for the rules, or two when packaged and user rules are mixed."""
    packaged = [r for r in rules if r.packaged]
    if len(packaged) in (0, len(rules)):
        return _Alternation(rules, whole=whole, bounded=bounded)
    order = {r.name: i for i, r in enumerate(rules)}
    user = [r for r in rules if not r.packaged]
    return _Either(
        _Alternation(packaged, whole=whole, bounded=bounded),
        _Alternation(user, whole=whole, bounded=bounded),
        order,
    )
