"""Required literals of a regex: strings one of which every match must contain.

The rule engine uses them as a gate. A rule whose pattern floats (`.{0,120}फॉलो करें...`)
costs the regex engine a backtracking walk over every short block; checking first whether one of
its literals occurs in the (lower-cased) block is a C-speed substring test, and the regex runs
only where it can match. The derivation is conservative: it returns a set only when every match
of the pattern, case-insensitively, contains one of the set's strings in ``text.lower()`` (for
texts without the few characters in `FOLD_HAZARDS`, which the caller checks for).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product

try:  # Python >= 3.11
    from re import _constants as c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Characters that match an ASCII letter case-insensitively but do not lower() to it (sre's
# special folds: dotless i, long s; dotted capital I lowers to two characters). A text holding
# one of them is matched without the gate.
FOLD_HAZARDS = "ıſİ"
# Bounds that keep the derived sets small (a gate of thousands of strings gains nothing).
MAX_SET = 64
MAX_CLASS = 8
# A leading repeat longer than this makes a pattern "float" (see `floats`).
FLOAT_MIN_REPEAT = 8

_Set = frozenset[str]


def _safe(ch: str) -> bool:
    """A character whose case-insensitive matches all lower() to ch.lower()."""
    return ch.isascii() or ch.lower() == ch.upper()


class _Info:
    """What a sub-pattern is known to match: `exact` (all its matches, if few) and `req`
    (one of these strings is inside every match), each None when unknown."""

    __slots__ = ("exact", "req")

    def __init__(self, exact: _Set | None, req: _Set | None) -> None:
        self.exact = exact
        self.req = req


_EMPTY = _Info(frozenset({""}), None)
_UNKNOWN = _Info(None, None)


def _better(a: _Set | None, b: _Set | None) -> _Set | None:
    """The more selective of two requirement sets (longer shortest string, then fewer)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _as_req(exact: _Set | None) -> _Set | None:
    return exact if exact and "" not in exact else None


def _concat(a: _Set, b: _Set) -> _Set | None:
    if len(a) * len(b) > MAX_SET:
        return None
    return frozenset(x + y for x, y in product(a, b))


class _Mode:
    """How a walk of the parse tree chooses: which of two requirement sets is better, what a
    character class yields, and how many strings an alternation's requirement may hold."""

    __slots__ = ("better", "klass", "req_max")

    def __init__(
        self,
        better: Callable[[_Set | None, _Set | None], _Set | None],
        klass: Callable[[list], _Info],
        req_max: int,
    ) -> None:
        self.better = better
        self.klass = klass
        self.req_max = req_max


def _seq(items: list, mode: _Mode) -> _Info:
    exact: _Set | None = frozenset({""})
    req: _Set | None = None
    run: _Set | None = frozenset({""})  # the exact run being built
    for op, av in items:
        info = _node(op, av, mode)
        req = mode.better(req, info.req)
        if info.exact is not None and run is not None:
            joined = _concat(run, info.exact)
            if joined is None:  # too many strings: close the run, start again here
                req = mode.better(req, _as_req(run))
                run = info.exact
            else:
                run = joined
        elif info.exact is not None:
            run = info.exact
        else:
            req = mode.better(req, _as_req(run))
            run = None
        if exact is not None:
            exact = _concat(exact, info.exact) if info.exact is not None else None
    req = mode.better(req, _as_req(run))
    return _Info(exact, req)


def _branch(alternatives: list, mode: _Mode) -> _Info:
    infos = [_seq(list(alt), mode) for alt in alternatives]
    exact: _Set | None = frozenset()
    for info in infos:
        if exact is None or info.exact is None or len(exact) + len(info.exact) > MAX_SET:
            exact = None
            break
        exact = exact | info.exact
    req: _Set | None = frozenset()
    for info in infos:
        own = mode.better(info.req, _as_req(info.exact))
        if own is None or req is None or len(req) + len(own) > mode.req_max:
            req = None
            break
        req = req | own
    return _Info(exact, req)


def _class(items: list) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, big ranges
            return _UNKNOWN
        if len(chars) > MAX_CLASS:
            return _UNKNOWN
    if not all(_safe(ch) for ch in chars):
        return _UNKNOWN
    return _Info(frozenset(ch.lower() for ch in chars), None)


def _node(op: object, av: object, mode: _Mode) -> _Info:
    if op is c.LITERAL:
        ch = chr(av)
        return _Info(frozenset({ch.lower()}), None) if _safe(ch) else _UNKNOWN
    if op is c.IN:
        return mode.klass(av)
    if op is c.SUBPATTERN:
        return _seq(list(av[-1]), mode)
    if op is c.BRANCH:
        return _branch(av[1], mode)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        lo, hi, sub = av
        inner = _seq(list(sub), mode)
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _Info(None, None)
        exact = inner.exact if lo == hi == 1 else None
        return _Info(exact, mode.better(inner.req, _as_req(inner.exact)))
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _seq(list(av), mode)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY  # zero-width: adds nothing, requires nothing we rely on
    return _UNKNOWN


# The page scan's literals: the longest shortest string wins; classes give their characters.
_LITERALS = _Mode(_better, _class, MAX_SET)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased strings one of which every case-insensitive match of `pattern` contains
    (in the lower-cased text); None if no such set could be derived.

    >>> sorted(required_literals(r".{0,40}(?:Follow|फॉलो) करें"))
    ['follow करें', 'फॉलो करें']
    >>> required_literals(r"\\d+ min") == frozenset({" min"})
    True
    """
    tree = sre_parse.parse(pattern, re.IGNORECASE)
    info = _seq(list(tree), _LITERALS)
    found = _better(info.req, _as_req(info.exact))
    return None if found is None else without_extensions(found)


def _floats_seq(items: list) -> bool:
    for op, av in items:
        if op in (c.AT, c.ASSERT_NOT):
            continue
        if op is c.ASSERT:  # a leading lookahead that floats walks the block too
            if _floats_seq(list(av[1])):
                return True
            continue
        if op is c.SUBPATTERN:
            return _floats_seq(list(av[-1]))
        if op is c.BRANCH:
            return any(_floats_seq(list(alt)) for alt in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            _lo, hi, sub = av
            return hi > FLOAT_MIN_REPEAT and _broad(list(sub))
        return False
    return False


def _broad(items: list) -> bool:
    """Whether a sub-pattern opens with an item that matches almost any character."""
    if not items:
        return False
    op, av = items[0]
    if op is c.ANY or op is c.NOT_LITERAL:
        return True
    if op is c.IN:
        return bool(av) and av[0][0] is c.NEGATE
    if op is c.SUBPATTERN:
        return _broad(list(av[-1]))
    return False


def floats(pattern: str) -> bool:
    """Whether the pattern opens with a long variable run (`.{0,120}`, `[^।]{0,300}`,
    `(?:\\S+ ){3,}`): a match then backtracks over the run, which makes it costly."""
    return _floats_seq(list(sre_parse.parse(pattern, re.IGNORECASE)))


def without_extensions(literals: frozenset[str]) -> frozenset[str]:
    """The set with every string that has another member as a prefix dropped: occurrences of
    the shorter one cover it, and a scan then finds at most one member at each position."""
    kept: list[str] = []
    for s in sorted(literals):
        if not kept or not s.startswith(kept[-1]):
            kept.append(s)
    return frozenset(kept)


def trie_pattern(literals: frozenset[str]) -> str:
    """A regex alternation of the strings, factored by common prefix (sre tries far fewer
    branches at each position than with a flat alternation)."""
    trie: dict = {}
    for s in literals:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(trie)


# --- gates for rules that can begin with any character ---------------------------------------
# A whole-block rule that can begin with any character meets every block (no first-character
# dispatch) and may have no literal long enough for the page scan. `gate_strings` finds, for
# such a rule, the strings (often single characters: an arrow, `|`, a digit) one of which every
# match holds, chosen to let as few short blocks through as it can; the engine runs the rule
# only on a block that holds one (C-level tests), with the same results.
# Classes up to this many characters count.
GATE_MAX_CHARS = 4096
# A gate letting more than this share of short blocks through is not worth testing.
GATE_MAX_SHARE = 0.8


def char_share(ch: str) -> float:
    """Rough share of short blocks of a Hindi page holding ch (for choosing a gate only)."""
    if ch.isspace():
        return 0.95
    if "\u0900" <= ch <= "\u0963" or "\u0970" <= ch <= "\u097f":
        return 0.5
    if ch.isascii():
        if ch.isalpha():
            return 0.15
        if ch.isdigit():
            return 0.05
        return 0.2 if ch in ",.-:" else 0.05
    return 0.01


def _share(strings: _Set) -> float:
    """Rough share of short blocks holding one of strings."""
    miss = 1.0
    for s in strings:
        p = min(map(char_share, s)) * 0.3 ** (len(s) - 1) if s else 1.0
        miss *= 1 - p
    return 1 - miss


def _gate_better(a: _Set | None, b: _Set | None) -> _Set | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _share(a) <= _share(b) else b


def _gate_class(items: list) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < GATE_MAX_CHARS:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        else:  # NEGATE, categories (`\d` is every Unicode decimal digit), big ranges
            return _UNKNOWN
        if len(chars) > GATE_MAX_CHARS:
            return _UNKNOWN
    if not all(_safe(ch) for ch in chars):
        return _UNKNOWN
    low = frozenset(ch.lower() for ch in chars)
    return _Info(low if len(low) <= MAX_CLASS else None, low)


# The any-first rules' gates: the set least often found in short blocks wins; classes of up to
# GATE_MAX_CHARS characters count, as requirements.
_GATES = _Mode(_gate_better, _gate_class, GATE_MAX_CHARS)


def gate_strings(pattern: str) -> frozenset[str] | None:
    """Lower-cased strings, one of which every case-insensitive match of `pattern` holds (in
    the lower-cased text, when it has none of `FOLD_HAZARDS`), chosen to be rare in short
    blocks; None when no such set lets fewer than `GATE_MAX_SHARE` of them through.

    >>> sorted(gate_strings(r"(?:\\S+ ){3,}\\S*(?:…|\\.\\.\\.)"))
    ['...', '…']
    """
    tree = sre_parse.parse(pattern, re.IGNORECASE)
    info = _seq(list(tree), _GATES)
    found = _gate_better(info.req, _as_req(info.exact))
    if found is None or "" in found or _share(found) > GATE_MAX_SHARE:
        return None
    return without_extensions(found)
