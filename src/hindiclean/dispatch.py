"""First characters of a regex: which rules can match a block at all, decided by its first
character.

The rule engine compiles the whole-block rules of a scope into one alternation. Tried on a block
that none of them can match, an alternation of 40 rules under IGNORECASE still walks every
branch (sre's literal fast-fail does not apply to it). Every whole-block rule is anchored at the
block's start, so the rules that can match a block are known from its first character: the
engine keeps, per first character, the alternation of just those rules (in their order, so the
first hit is the same as in the full alternation). The derivation is conservative: a rule whose
first character cannot be bounded (it opens with `.`, `\\S`, a negated class, a large range)
is in every subset.
"""

from __future__ import annotations

try:  # Python >= 3.11
    from re import _constants as c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# A character class with more members than this is taken as "any character".
MAX_CLASS_CHARS = 256

_ANY = None  # "any first character"
_Chars = frozenset[str] | None


_CATEGORIES: dict[object, frozenset[str]] = {}


def _category(cat: object) -> frozenset[str] | None:
    """The characters of \\s or \\d (str patterns: str.isspace / str.isdecimal); None for the
    others (\\w and the negations are too large to be worth listing)."""
    if cat not in _CATEGORIES:
        if cat is c.CATEGORY_SPACE:
            _CATEGORIES[cat] = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
        elif cat is c.CATEGORY_DIGIT:
            _CATEGORIES[cat] = frozenset(
                ch for ch in map(chr, range(0x110000)) if ch.isdecimal()
            )
        else:
            return None
    return _CATEGORIES[cat]


def _class_chars(items: list) -> _Chars:
    out: set[str] = set()
    for op, av in items:
        if op is c.NEGATE:
            return _ANY
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < MAX_CLASS_CHARS:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and (chars := _category(av)) is not None:
            out |= chars
        else:
            return _ANY  # \w, negated categories, wide ranges
    return frozenset(out)


def _seq_first(items: list) -> tuple[_Chars, bool]:
    """(first characters, nullable) of a sequence of sre_parse items."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _node_first(op, av)
        if first is _ANY:
            return _ANY, False
        chars |= first
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _node_first(op: object, av: object) -> tuple[_Chars, bool]:
    if op is c.LITERAL:
        return frozenset({chr(av)}), False
    if op is c.IN:
        return _class_chars(av), False
    if op is c.SUBPATTERN:
        return _seq_first(list(av[-1]))
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _seq_first(list(av))
    if op is c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for alt in av[1]:
            first, null = _seq_first(list(alt))
            if first is _ANY:
                return _ANY, False
            chars |= first
            nullable = nullable or null
        return frozenset(chars), nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        lo, _hi, item = av
        first, null = _seq_first(list(item))
        return first, null or lo == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset(), True  # zero width: look past it (a superset is still sound)
    return _ANY, False  # ANY, NOT_LITERAL, back references, conditionals


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters, lower-cased, that a match of `pattern` (case-insensitive, anchored at the
    start of the text) can begin with; None when any character can begin one. Texts that start
    with a character for which `is_plain_key` is false must be matched without dispatch."""
    try:
        first, nullable = _seq_first(list(sre_parse.parse(pattern)))
    except Exception:  # pragma: no cover - the rule loader has compiled every pattern already
        return None
    if first is _ANY or nullable:
        return None
    if not all(is_plain_key(ch) for ch in first):
        return None  # a cased non-ASCII letter: sre's special folds (Kelvin sign, long s...)
    return frozenset(ch.lower() for ch in first)


def is_plain_key(ch: str) -> bool:
    """A character that matches case-insensitively only characters with the same lower()."""
    return ch.isascii() or ch.lower() == ch.upper()
