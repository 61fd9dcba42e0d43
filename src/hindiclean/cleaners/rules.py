"""The rule engine: applies a RuleSet (and shape detectors) to a Page in one pass per block.

All patterns of one scope are compiled into a single alternation with named groups, so a block is
matched once per scope, not once per rule. Category cleaners (`ads`, `related`, ...) are instances
of `RuleCleaner`; a Pipeline fuses adjacent ones into one so the page is walked once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..dispatch import first_chars, is_plain_key
from ..literals import (
    FOLD_HAZARDS,
    floats,
    gate_strings,
    required_literals,
    trie_pattern,
    without_extensions,
)
from ..page import Block, Page, Removal
from ..rules import Rule, RuleSet, RuleTimeout, compile_rules, report_timeout
from ..settings import current
from ..text import (
    SENTENCE_END,
    TextMemo,
    content_words,
    has_devanagari,
    is_sentence_like,
    last_sentence_start,
    memo_by_text_and_settings,
    sentence_count,
    trim_cut,
)
from ..topic import (
    article_words,
    ends_dangling,
    has_inner_sentence_end,
    is_body_shape,
    is_headline_shaped,
    is_paragraph,
    last_sentence_index,
    overlap,
)
from ..wordlists import char_class
from ..wordlists import words as word_set

# Thresholds (how far a tail, a cut, a list header reach): `Settings().rules`
# (hindiclean.settings), read when a cleaner is called.
# White space and the joiners that join nothing once a cut has been made beside them.
_CUT_EDGE = frozenset(" \u200c\u200d")
# Decoration around a label ("--- विज्ञापन ---", "— AD —", "▲ caption", "Ad ↓"): stripped before
# whole-block rules are matched, so a rule names the label, not every way to draw it.
_DECOR = r"\s" + char_class("decoration")  # words/decoration.txt
_DECOR_EDGES = re.compile(f"^[{_DECOR}]+|[{_DECOR}]+$")
_DECOR_CHAR = re.compile(f"[{_DECOR}]")
_SIGNED = re.compile(r"\s+[|•]\s+[^|•।]{1,40}$")
_QUOTE_CLOSE = ('"', "”", "'", "’", "»")
# A bulleted list item ("- विज्ञापन", "• Sponsored"): its marker is not decoration to strip.
_LIST_ITEM = re.compile(r"[-–•*]\s+\S")
# A glue point: a sentence end directly followed by a letter or an opening bracket or quote.
# (A quote right after the sentence end closes it, unless code residue follows: `।",msid:"`.)
_GLUE = re.compile(r"[।॥?!.](?=[^\s\d।॥?!.,;:|\-–—)\]}'’”»\"]|\",\w)")
_SENTENCE_END_AT = re.compile(r"[।॥?!](?=\s|$)")
# A glue point inside a token where the script changes: a Devanagari letter directly followed
# by a capital Latin letter (`...रोकUpdated: 03 Oct`); what follows is judged as a block's rest.
_SCRIPT_GLUE = re.compile(r"[\u0900-\u0963](?=[A-Z])")
# A glue point where chrome ends and the body begins with no space: a Latin letter, `+`, a
# closing bracket, the minutes of a time or a time-of-day word, directly followed by a
# Devanagari letter (`... 06:40 ISTमाजुली,`, `+05:30पणजी,`, `A-AA+सिक्किम:`, `2/5पक्षी`,
# `14-11-2025प्रयागराज।`, an icon or symbol `✆वाराणसी`, `⌁ विज्ञापन ⌁छात्रों` but not a list mark),
# `[संबंधित: ...]ओज़ोन`, `09:40 पूर्वाह्ननई`); not a number's suffix (`20वीं`). What comes
# before is judged: split off only when it is chrome.
_LEAD_GLUE = re.compile(
    r"(?:[A-Za-z+\]\u2190-\u2bff\U0001f300-\U0001faff]"
    r"|[0-9](?:(?<=[:.][0-9][0-9])|(?<=[0-9]/[0-9])|(?<=[0-9]/[0-9][0-9])|(?<=[./-][0-9]{4}))"
    r"|पूर्वाह्न|अपराह्न)"
    r"(?=[\u0904-\u0939\u0958-\u0961\u0972-\u097f])"
)
# A glue point inside one Devanagari token, where chrome ends and a word of the page begins
# (`विज्ञापनखरगोन`, `करेंबैडमिंटन`, `होम›आरा›ताज़ाआरा में`): the runs of a page's Devanagari letters
# (its words, as far as a glue point goes), and the letters a word can begin with (not a sign).
_SENTENCE_ENDS = ("।", "॥", ".", "?", "!")
_CLOSE_CHARS = " \"'”’)"
_LIST_MARKS = word_set("list_marks")  # words/list_marks.txt: `✓चाइनीज` is an item
_DEV_RUN = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_WORD_START = frozenset(
    [chr(c) for c in range(0x904, 0x93A)]
    + [chr(c) for c in range(0x958, 0x962)]
    + [chr(c) for c in range(0x972, 0x980)]
)
# `_SCRIPT_GLUE` found from its capital (a scan sre runs at C speed; the Devanagari class
# `_SCRIPT_GLUE` opens with matches nearly every character): a match starts where one of
# `_SCRIPT_GLUE` ends.
_CAPITAL = re.compile("[A-Z](?<=[\u0900-\u0963][A-Z])")
# What every lead glue point holds (`_lead_glued`'s C-level gate): an ASCII letter, digit, `+`,
# `]` or a symbol right before a Devanagari letter, or the time-of-day words' ending.
_LEAD_GLUE_ASCII = re.compile(
    r"[A-Za-z0-9+\]\u2190-\u2bff\U0001f300-\U0001faff]"
    r"(?=[\u0904-\u0939\u0958-\u0961\u0972-\u097f])"
)
_LEAD_GLUE_WORD_END = "ाह्न"
# A head ending on a date-time stamp (`14.08.2025 • 06:40 IST`, `2025-05-09T10:32:00+05:30`,
# `१४ सितंबर २०२५ | १०:१५ अपराह्न`) is a byline or dateline, when it holds no sentence end.
_STAMP_END = re.compile(
    r"[0-9०-९]{1,2}[:.][0-9०-९]{2}(?::[0-9]{2})?\s*"
    r"(?:[+-][0-9]{2}:?[0-9]{2}|AM|PM|am|pm|IST|GMT|UTC|पूर्वाह्न|अपराह्न|बजे)?\s*$"
)
_DATE_IN = re.compile(
    r"[0-9०-९]{1,4}[./-][0-9०-९]{1,2}[./-][0-9०-९]{1,4}|[0-9०-९]{1,2}\s+\S{3,12}\s+[0-9०-९]{4}"
    r"|\S{3,12}\s+[0-9०-९]{1,2},\s+[0-9०-९]{4}"
)
# A glued note: a sentence end directly followed by a bracketed span that runs to the end of
# the block (closed there, or going on in the next line).
_GLUED_NOTE = re.compile(r"[(\[][^()\[\]]{10,400}[)\]]?\s*")


def _page_runs(blocks: Sequence[Block]) -> dict[str, int]:
    """How often each run of Devanagari letters occurs on the page."""
    return Counter(_DEV_RUN.findall("\n".join(b.text for b in blocks)))


# Every word that could begin inside a Devanagari token (a letter, not a sign, after a letter
# or sign), to the token's end: overlapping, found in one C-level scan.
_INNER_WORDS: dict[int, re.Pattern[str]] = {}  # by `word_glue_min_chars`


def _inner_words(least: int) -> re.Pattern[str]:
    """The scan for words that begin `least` or more letters into a token and run `least` or
    more letters to its end (one pattern per setting)."""
    found = _INNER_WORDS.get(least)
    if found is None:
        found = _INNER_WORDS[least] = re.compile(
            rf"(?<=[\u0900-\u0963\u0971-\u097f]{{{least}}})"
            rf"(?=([\u0904-\u0939\u0958-\u0961\u0972-\u097f]"
            rf"[\u0900-\u0963\u0971-\u097f]{{{least - 1},}}))"
        )
    return found


@memo_by_text_and_settings
def _glue_words(text: str) -> tuple[int, tuple[str, ...]]:
    """How far a word glue point is looked for in text (its first `word_glue_max_head_words`
    words, at most `cut_max_chars`), and the words that begin inside a token there."""
    s = current().rules
    head_words = text.split(None, s.word_glue_max_head_words)
    limit = min(len(text) - len(head_words[-1]) if head_words else 0, s.cut_max_chars)
    return limit, tuple(_inner_words(s.word_glue_min_chars).findall(text, 0, limit))


def _word_glue_points(
    text: str, limit: int, words: dict[str, int]
) -> list[tuple[bool, int, int]]:
    """Where a word of the page could begin inside a Devanagari token of text[:limit], after
    at least `word_glue_min_chars` of the token: (whether the token is itself a word found
    elsewhere on the page, the token's start, the offset in it), points in tokens found nowhere
    else first (`अधिकारअदालत` before `हाईकोर्ट`), then in text order."""
    least = current().rules.word_glue_min_chars
    points = []
    for run in _DEV_RUN.finditer(text, 0, limit):
        token = run.group()
        if len(token) < 2 * least:
            continue
        for p in range(least, len(token) - least + 1):
            if token[p] in _WORD_START and token[p:] in words:
                points.append((words.get(token, 0) > 1, run.start(), p))
    return sorted(points)


def _glued_headline(rest: str) -> bool:
    """What follows a glued danda to the block's end is another story's headline shape
    (`...मिला था।शहर में आवारा कुत्तों का आतंक, एक दिन में 40 लोगों को काटा`): headline-shaped,
    opening with a Devanagari letter, at least `glued_headline_min_words` words, not a sentence
    whose danda the page dropped (it ends on no closing auxiliary) and not a sentence broken at
    a link (no dangling end)."""
    return (
        "\u0904" <= rest[0] <= "\u0939"
        and len(rest.split(None, current().rules.glued_headline_min_words))
        >= current().rules.glued_headline_min_words
        and is_headline_shaped(rest)
        and not is_sentence_like(rest)
        and not ends_dangling(rest)
    )


def _first_sentence_end(text: str) -> int:
    """The index just past text's first sentence end followed by a space (-1: none)."""
    m = _SENTENCE_END_AT.search(text)
    return m.end() if m else -1


# A packaged whole-block rule that can begin with any character is matched alone, and only on
# a text holding one of its gate strings (`literals.gate_strings`), when these are at most this
# many (C-level `in` tests) or all single characters (one character-class search).
ANY_GATE_MAX_STRINGS = 8
# `FOLD_HAZARDS` as they stand in a lower-cased text ("İ" lowers to "i" and U+0307).
_HAZARDS_LOW = tuple(sorted(set("".join(h.lower() for h in FOLD_HAZARDS)) - {"i"}))
_HAZARD_LOW = re.compile("[" + "".join(_HAZARDS_LOW) + "]")

# A floating rule is gated by its required literals only if the shortest is at least this long
# (a gate on "a" or " " would pass nearly every block and only add work).
GATE_MIN_CHARS = 3


# Compiled rule engines kept for reuse, by (rules, detectors, gating); the oldest goes first.
ENGINE_CACHE_SIZE = 32
_ENGINES: dict[tuple, dict[str, object]] = {}
_COMPILED_ATTRS = (
    "_whole", "_plain_pos", "_gated", "_whole_max", "_scan", "_hazard", "_gate_max",
    "_full_gate", "_open_gate", "_lead", "_sentence", "_tail_start", "_tail", "_memos",
)


@dataclass(frozen=True)
class Detector:
    """A named shape test on one block's text, for chrome that no phrase list can enumerate."""

    name: str
    category: str
    test: Callable[[str], bool]
    description: str = ""


@dataclass(frozen=True)
class _GatedRule:
    """A floating whole-block rule kept out of the alternation: it is matched only on blocks
    holding one of its required literals (see `hindiclean.literals`)."""

    pos: int  # its place in the order of whole-block rules (the first hit in order wins)
    rule: Rule
    regex: re.Pattern[str]
    literals: frozenset[str]  # prefix-reduced, as the page scan reports them


class _PageGate:
    """The gated rules worth trying on one page, each with the literals seen on it; `None` as
    literals means: try the rule on every block (the page has a fold hazard)."""

    __slots__ = ("all_literal", "literals", "rules")

    def __init__(self, rules: list[tuple[_GatedRule, frozenset[str] | None]]) -> None:
        self.rules = rules
        # Every literal of these rules: a text is searched for each once, not once per rule.
        self.literals = tuple(sorted(frozenset().union(*(p for _g, p in rules if p is not None))))
        self.all_literal = all(p is not None for _g, p in rules)


_NO_GATE = _PageGate([])


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
    search for its gate characters; None: the rule stays in the alternation."""
    gate = gate_strings(pattern)
    if gate is None:
        return None
    if all(len(g) == 1 for g in gate):
        return re.compile("[" + "".join(re.escape(g) for g in sorted(gate)) + "]")
    if len(gate) <= ANY_GATE_MAX_STRINGS:
        return tuple(sorted(gate))
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


def _alternation(
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


class _PageContext:
    """Facts about the page computed only when a rule needs them."""

    def __init__(
        self, blocks: Sequence[Block], is_chrome: Callable[[str], bool] | None = None
    ) -> None:
        self.blocks = blocks
        self._is_chrome = is_chrome
        self._words: set[str] | None = None
        self._counts: list[int] | None = None
        self._last: int | None = None
        self._start: int | None = -2

    @property
    def start(self) -> int | None:
        """Index of the first Hindi paragraph that no whole-block rule takes (a disclaimer or
        cookie banner above the headline does not start the article); None: no article."""
        if self._start == -2:
            self._start = None
            for i, b in enumerate(self.blocks):
                text = b.text
                article = is_paragraph(text) and has_devanagari(text)
                if article and (self._is_chrome is None or not self._is_chrome(text)):
                    self._start = i
                    break
        return self._start

    @property
    def last_sentence(self) -> int:
        """Index of the page's last sentence-shaped Devanagari block (-1 if none)."""
        if self._last is None:
            self._last = last_sentence_index(self.blocks)
        return self._last

    @property
    def article_words(self) -> set[str]:
        if self._words is None:
            self._words = article_words(self.blocks)
        return self._words

    def words_from(self, i: int) -> int:
        """Words in blocks[i:]."""
        if self._counts is None:
            counts = [len(b.text.split()) for b in self.blocks]
            acc = 0
            suffix = [0] * (len(counts) + 1)
            for j in range(len(counts) - 1, -1, -1):
                acc += counts[j]
                suffix[j] = acc
            self._counts = suffix
        return self._counts[i]


def _heads_prose(blocks: Sequence[Block], i: int, is_chrome: Callable[[str], bool]) -> bool:
    """Whether prose follows block i, perhaps after chrome in between (an ad slot, a widget
    with the headlines under it); past `heads_prose_near` blocks, prose about block i."""
    after_chrome = False
    s = current().rules
    for j in range(i + 1, min(len(blocks), i + 1 + s.heads_prose_window)):
        text = blocks[j].text
        if is_chrome(text):
            after_chrome = True
        elif is_body_shape(text) or (has_devanagari(text) and has_inner_sentence_end(text)):
            # prose, also when cut short or with a headline glued to its end
            return j - i <= s.heads_prose_near or bool(
                content_words(text) & content_words(blocks[i].text)
            )
        elif not (after_chrome and is_headline_shaped(text)):
            return False
    return False


def _tail_fits(cut: str) -> bool:
    """A tail found inside a block takes the block from its marker on only when that part is
    short: at most `cut_max_chars` characters and `tail_max_sentences` sentences."""
    s = current().rules
    return len(cut) <= s.cut_max_chars and sentence_count(cut) <= s.tail_max_sentences


class RuleCleaner:
    """Apply rules (and shape detectors) of one or more categories to every block of a page."""

    def __init__(
        self,
        name: str,
        rules: RuleSet | Iterable[Rule],
        detectors: Iterable[Detector] = (),
        *,
        gating: bool = True,
    ) -> None:
        """`gating=False` matches every rule by regex alone (same results, slower: for tests).

        The rules are compiled when the cleaner is first used, and compiled once per distinct
        (rules, detectors, gating): `Pipeline.without` and `with_rules` reuse what is built."""
        self.name = name
        self.gating = gating
        self.rules = rules if isinstance(rules, RuleSet) else RuleSet(tuple(rules))
        self.detectors = tuple(detectors)

    def __getattr__(self, attr: str):
        """Compile on first use of a compiled attribute (see `__init__`)."""
        if attr not in _COMPILED_ATTRS or "rules" not in self.__dict__:
            raise AttributeError(attr)
        key = (self.rules.rules, self.detectors, self.gating)
        state = _ENGINES.get(key)
        if state is None:
            state = self._compile()
            if len(_ENGINES) >= ENGINE_CACHE_SIZE:
                _ENGINES.pop(next(iter(_ENGINES)))
            _ENGINES[key] = state
        self.__dict__.update(state)
        return state[attr]

    def _compile(self) -> dict[str, object]:
        """The compiled state of this cleaner's rules (attributes set on first use)."""
        gating = self.gating
        by_scope: dict[str, list[Rule]] = {}
        for r in self.rules:
            by_scope.setdefault(r.scope, []).append(r)
        whole_rules = (
            by_scope.get("line", [])
            + by_scope.get("list", [])
            + by_scope.get("section", [])
            + by_scope.get("prefix", [])
        )
        plain, gated, reduced = self._split_gated(whole_rules) if gating else (whole_rules, [], ())
        self._whole = _alternation(
            plain, whole=lambda r: r.scope in ("line", "list", "section"), bounded=True
        )
        # Place of each plain rule in the order of whole-block rules, by name (names are unique;
        # object ids would not survive pickling to a worker process).
        gated_names = {g.rule.name for g in gated}
        self._plain_pos = {
            r.name: i for i, r in enumerate(whole_rules) if r.name not in gated_names
        }
        self._gated = tuple(gated)
        self._whole_max = max((r.max_chars for r in whole_rules), default=0)
        # Two scans, of the literals opening with an ASCII character and of the others: each
        # trie's root has half the branches, and sre skips a Devanagari text at C speed to the
        # few characters that open an ASCII literal (measured: 0.043 s against 0.062 s a pass).
        self._scan = tuple(
            re.compile(trie_pattern(part))
            for part in (
                frozenset(x for x in reduced if x[0].isascii()),
                frozenset(x for x in reduced if not x[0].isascii()),
            )
            if part
        )
        self._hazard = re.compile(f"[{FOLD_HAZARDS}]")
        # The page scan covers blocks no longer than this (gated rules skip longer ones); a
        # text cut from a longer block is checked against every literal of its rules.
        self._gate_max = max((g.rule.max_chars for g in gated), default=0)
        self._full_gate = _PageGate([(g, g.literals) for g in gated])
        self._open_gate = _PageGate([(g, None) for g in gated])
        self._lead = _alternation(by_scope.get("lead", []))
        self._sentence = _alternation(by_scope.get("sentence", []))
        tails = by_scope.get("tail", [])
        # Tails anchored at the block start are matched there; the others searched for.
        self._tail_start = _alternation([r for r in tails if r.pattern.startswith("^")])
        self._tail = _alternation([r for r in tails if not r.pattern.startswith("^")])
        # What the engine makes of a text depends on the text alone (a page's gate only skips
        # rules that cannot match it): judgements of texts seen before, on this page or an earlier
        # one (chrome repeats), are reused. Not with a user's rule: its time limit may run out.
        packaged = all(r.packaged for r in self.rules)
        self._memos = (TextMemo(), TextMemo(), TextMemo()) if packaged else None
        return {a: self.__dict__.pop(a) for a in _COMPILED_ATTRS}

    @staticmethod
    def _split_gated(
        rules: list[Rule],
    ) -> tuple[list[Rule], list[_GatedRule], list[str]]:
        """Floating rules with selective required literals are gated; the rest alternate. Also
        returns the literals the page scan looks for (no one a prefix of another)."""
        plain: list[Rule] = []
        gated: list[_GatedRule] = []
        for pos, r in enumerate(rules):
            if not r.packaged:  # a user's rule is matched under its time limit, never gated
                plain.append(r)
                continue
            lits = required_literals(r.pattern) if floats(r.pattern) else None
            if lits is None or min(map(len, lits)) < GATE_MIN_CHARS:
                plain.append(r)
                continue
            tail = r"\Z" if r.scope in ("line", "list", "section") else ""
            regex = re.compile(f"(?:{r.pattern}){tail}", re.IGNORECASE)
            gated.append(_GatedRule(pos, r, regex, lits))
        # Report literals as the page scan finds them: reduced to the shortest prefix kept.
        reduced = sorted(without_extensions(frozenset().union(*(g.literals for g in gated))))
        gated = [
            _GatedRule(
                g.pos, g.rule, g.regex,
                frozenset(p for p in reduced if any(x.startswith(p) for x in g.literals)),
            )
            for g in gated
        ]
        return plain, gated, reduced

    def _page_gate(self, blocks: Sequence[Block]) -> _PageGate:
        """Which gated rules can hit some block of this page (one scan of the page)."""
        if not self._gated:
            return _NO_GATE
        limit = self._gate_max
        joined = "\n".join(b.text for b in blocks if len(b.text) <= limit)
        if self._hazard.search(joined) is not None:
            return self._open_gate
        # Every literal found at any position (also where one overlaps another's match): a
        # search from just past each hit's start keeps sre's prefix skip, which the zero-width
        # `(?=(...))` scan turned off.
        seen: set[str] = set()
        low = joined.lower()
        for scan in self._scan:
            search, pos = scan.search, 0
            while (m := search(low, pos)) is not None:
                seen.add(m.group())
                pos = m.start() + 1
        if not seen:
            return _NO_GATE
        rules = []
        for g in self._gated:
            present = g.literals & seen
            if present:
                rules.append((g, present))
        return _PageGate(rules)

    def __repr__(self) -> str:
        n_rules, n_detectors = len(self.rules), len(self.detectors)
        return f"RuleCleaner({self.name!r}, {n_rules} rules, {n_detectors} detectors)"

    def fuse(self, other: RuleCleaner, name: str | None = None) -> RuleCleaner:
        """One cleaner applying both rule sets and detectors (a single walk over the page)."""
        return RuleCleaner(
            name or f"{self.name}+{other.name}",
            self.rules + other.rules,
            self.detectors + other.detectors,
            gating=self.gating and other.gating,
        )

    def without(self, *names: str) -> RuleCleaner:
        """This cleaner less the named rules or detectors, and those of named categories."""
        names_set = set(names)
        return RuleCleaner(
            self.name,
            RuleSet(
                tuple(
                    r for r in self.rules if r.name not in names_set and r.category not in names_set
                )
            ),
            tuple(
                d for d in self.detectors if d.name not in names_set and d.category not in names_set
            ),
            gating=self.gating,
        )

    @property
    def categories(self) -> frozenset[str]:
        """The categories of this cleaner's rules and detectors."""
        return frozenset(r.category for r in self.rules) | {d.category for d in self.detectors}

    # -- the walk ---------------------------------------------------------------------------

    def __call__(self, page: Page) -> Page:
        blocks = self._split_glued(page.blocks)
        gate = self._page_gate(blocks)
        long_gate = self._open_gate if gate is self._open_gate else self._full_gate

        timeouts: list = []

        def takes_whole(text: str) -> bool:
            try:
                return self._whole_hit(text, gate) is not None
            except RuleTimeout as exc:  # a user's rule ran out of time: not chrome
                timeouts.append(report_timeout(exc, 0, text))
                return False

        ctx = _PageContext(blocks, takes_whole)
        out: list[Block] = []
        removed: list[Removal] = []
        i, n = 0, len(blocks)
        while i < n:
            block = blocks[i]
            g = gate if len(block.text) <= self._gate_max else long_gate
            mark = len(removed)
            try:
                text, hit, tail, cut = self._judge(block, g, removed)
                nxt = i + 1
                if hit is not None and not cut and hit.scope == "list":
                    nxt = self._consume_list(blocks, nxt, hit, ctx, takes_whole, removed)
                elif hit is not None and not cut and hit.scope == "section":
                    nxt = self._consume_section(blocks, nxt, hit, removed)
            except RuleTimeout as exc:
                # A user's rule ran past its time limit: the block is kept as it is (body
                # first), the rule reported, and the run goes on.
                del removed[mark:]
                timeouts.append(report_timeout(exc, block.line, block.text))
                out.append(block)
                i += 1
                continue
            i = nxt
            if hit is None and text:
                try:
                    kept = self._settle_glued(block, text, g, removed)
                except RuleTimeout as exc:
                    timeouts.append(report_timeout(exc, block.line, block.text))
                    kept = [text]
                for piece in kept:
                    for det in self.detectors:
                        if det.test(piece):
                            removed.append(Removal(block.line, piece, det.category, det.name))
                            break
                    else:
                        out.append(
                            block if piece == block.text else Block(piece, block.line, block.part)
                        )
            if tail is not None:
                rest = ctx.words_from(i)
                s = current().rules
                if rest <= s.tail_max_words and rest <= s.tail_max_share * ctx.words_from(0):
                    for later in blocks[i:]:
                        removed.append(Removal(later.line, later.text, tail.category, tail.name))
                    break
        return page.replace(out, removed).with_timeouts(timeouts)

    def _judge(
        self, block: Block, gate: _PageGate, removed: list[Removal]
    ) -> tuple[str, Rule | None, Rule | None, bool]:
        """`_judge_text`, once per text (`_memos`): the removals are made again for this block's
        line from the ones recorded."""
        if self._memos is None:
            return self._judge_text(block, gate, removed)
        memo = self._memos[0]
        got = memo.get(block.text)
        if got is None:
            mark = len(removed)
            result = self._judge_text(block, gate, removed)
            made = tuple((r.text, r.category, r.rule, r.partial) for r in removed[mark:])
            memo.put(block.text, (result, made))
            return result
        result, made = got
        line = block.line
        removed.extend(Removal(line, *m) for m in made)
        return result

    def _judge_text(
        self, block: Block, gate: _PageGate, removed: list[Removal]
    ) -> tuple[str, Rule | None, Rule | None, bool]:
        """Judge one block until nothing changes: lead cuts, whole-block rules, a tail, prompt
        sentences at its end. What a cut leaves is judged again by the same rules and bounds
        (as ftfy fixes until stable), so a second run finds nothing more to do.

        Returns what is kept, the whole-block rule that took the rest (or None), the first tail
        that cut the block (or None), and whether a tail or sentence was cut before."""
        text = block.text
        tail: Rule | None = None
        cut = False
        while True:
            text = self._cut_lead(block, text, removed)
            if not text:
                return "", None, tail, cut
            hit = self._whole_hit(text, gate)
            if (
                hit is not None
                and hit[0].category == "related"
                and hit[0].scope == "prefix"
                and text.count("।") + text.count("॥") > current().rules.link_max_dandas
            ):
                # Body first: a link takes one headline; a link line holding more sentences is
                # a paragraph glued after the link (`...दो गिरफ्तारजांच में सामने आया ...।`).
                hit = None
            if hit is not None and sentence_count(text) > 1:
                # Body first: when the block is taken only for a prompt sentence at its end
                # (a paragraph with "... ऐप डाउनलोड करें।" glued on), cut that sentence instead.
                trial: list[Removal] = []
                shorter = self._cut_sentences(block, text, trial)
                if shorter and shorter != text and self._whole_hit(shorter, gate) is None:
                    removed.extend(trial)
                    text, cut = shorter, True
                    continue
            if hit is not None:
                rule = hit[0]
                removed.append(Removal(block.line, text, rule.category, rule.name))
                return "", rule, tail, cut
            found = self._tail_start.first(text, search=False) or self._tail.first(
                text, search=True
            )
            if found is not None and _tail_fits(text[found[1].start() :]):
                rule, m = found
                kept = trim_cut(text[: m.start()])
                removed.append(
                    Removal(block.line, text[m.start() :], rule.category, rule.name, bool(kept))
                )
                tail = tail or rule
                text, cut = kept, True
                if not text:
                    return "", None, tail, cut
                continue
            shorter = self._cut_sentences(block, text, removed)
            if shorter == text:
                return text, None, tail, cut
            text, cut = shorter, True
            if not text:
                return "", None, tail, cut

    def _split_glued(self, blocks: Sequence[Block]) -> Sequence[Block]:
        """Split blocks where chrome is glued to a sentence end with no space between
        (`...गया।ये भी पढ़ें: ...`, `...तक।whatsappfacebooktwitter`): the block is split at the
        glue point when what follows it opens with chrome (a whole-block rule takes the rest, its
        first sentence or its first word; or a lead or tail rule matches there), so the body
        before it is judged, and kept, as a block of its own. Body glued to body is not split."""
        out: list[Block] | None = None
        words: dict[str, int] | None = None
        for k, block in enumerate(blocks):
            pieces = self._glued_split(block.text)
            if words is None:
                words = _page_runs(blocks)
            if pieces is None:
                pieces = self._word_glued(block.text, words) or self._glued_word_glued(
                    block.text, words
                )
            else:  # a piece split off after a sentence end may hold a word glue point too
                pieces = [q for p in pieces for q in (self._word_glued(p, words) or [p])]
            if pieces is None:
                if out is not None:
                    out.append(block)
                continue
            if out is None:
                out = list(blocks[:k])
            out.extend(Block(p, block.line) for p in pieces)
        return blocks if out is None else out

    def _settle_glued(
        self, block: Block, text: str, gate: _PageGate, removed: list[Removal], depth: int = 0
    ) -> list[str]:
        """What is kept of a judged block, split where chrome is still glued to a sentence end
        in it (a cut may have left such a glue point), each piece judged again until nothing
        changes: a second run finds no glue point to split in what is kept."""
        pieces = self._glued_pieces(text) if depth < current().rules.glue_max_depth else None
        if pieces is None:
            return [text]
        kept: list[str] = []
        for piece in pieces:
            part = Block(piece, block.line, block.part)
            rest, hit, _tail, _cut = self._judge(part, gate, removed)
            if hit is None and rest:
                kept.extend(self._settle_glued(block, rest, gate, removed, depth + 1))
        return kept

    def _glued_split(self, text: str, depth: int = 0) -> list[str] | None:
        """text split at every glue point followed by chrome (None: none). Each piece is split
        again on its own (up to `glue_max_depth`), as a second run would see it: a glue point
        whose rest was too long for a whole-block rule may be chrome once the rest is cut."""
        try:
            found = self._glued_pieces(text)
        except RuleTimeout:
            return None  # a user's rule ran out of time: the text is judged whole
        if found is None:
            return None
        out: list[str] = []
        for piece in found:
            deeper = depth < current().rules.glue_max_depth
            sub = self._glued_split(piece, depth + 1) if deeper else None
            out.extend(sub or [piece])
        return out

    def _glued_pieces(self, text: str) -> list[str] | None:
        """The pieces of text split at its first glue point followed by chrome (None: none).
        Once per text (`_memos`)."""
        if self._memos is None:
            return self._glued_pieces_of(text)
        memo = self._memos[1]
        got = memo.get(text)
        if got is None:
            got = self._glued_pieces_of(text) or ()
            memo.put(text, got)
        return list(got) if got else None

    def _glued_pieces_of(self, text: str) -> list[str] | None:
        gate = self._full_gate
        found = self._lead_glued(text, gate)
        if found is not None:
            return found
        glued = _GLUE.search(text, 0, len(text) - 1)
        if glued is None:
            capital = _CAPITAL.search(text, 1, len(text) - 1)  # `_SCRIPT_GLUE`
            if capital is None:
                return None
            at = capital.start()
            rest = text[at:]
            if self._whole_hit(rest, gate) is not None or self._opens_with_marker(rest):
                return [text[:at], rest]
            return None
        # Chrome as a whole (a byline naming `site.com`) is not split; judged as the walk judges
        # it: after its lead cuts.
        rest = self._cut_lead(Block(text, 0), text, [])
        if not rest or self._whole_hit(rest, gate) is not None:
            return None
        for m in _GLUE.finditer(text, glued.start(), len(text) - 1):
            at = m.end()
            rest = text[at:]
            head = text[:at].rstrip()
            if not head.strip(SENTENCE_END + "".join(_QUOTE_CLOSE) + " "):
                continue
            if (
                self._whole_hit(rest, gate) is not None
                or self._opens_with_marker(rest)
                or _GLUED_NOTE.fullmatch(rest)
            ):
                return [head, rest]
            for end in (_first_sentence_end(rest), rest.find(" ")):
                if 0 < end < len(rest) and self._whole_hit(rest[:end], gate) is not None:
                    return [head, rest[:end], rest[end:].strip()]
            lead = self._lead_glued(rest, gate)  # `...गया।Advertisementजिलाधिकारी ने ...`
            if lead is not None:
                return [head, *lead]
            if text[m.start()] in "।॥" and _glued_headline(rest):
                return [head, rest]  # a line of its own: `off_topic` judges it as a headline
        return None

    def _lead_glued(self, text: str, gate: _PageGate) -> list[str] | None:
        """text split at the first lead glue point whose head is chrome: taken by a whole-block
        rule, or a byline ending on a date-time stamp (None: none)."""
        end = min(len(text) - 1, current().rules.cut_max_chars)
        if _LEAD_GLUE_ASCII.search(text, 0, end) is None and _LEAD_GLUE_WORD_END not in text:
            return None
        for m in _LEAD_GLUE.finditer(text, 0, end):
            at = m.end()
            if text[m.start()] in _LIST_MARKS:
                continue
            head = text[:at]
            if _SENTENCE_END_AT.search(head):
                return None  # past the first sentence: not a lead
            if self._head_is_chrome(head, gate) or (
                _STAMP_END.search(head) and _DATE_IN.search(head)
            ):
                return [head.rstrip(), text[at:]]
        return None

    def _head_is_chrome(self, head: str, gate: _PageGate) -> bool:
        """What stands before a glue point is chrome: lead cuts take it all, or what they leave
        is taken by a whole-block rule or a detector (a breadcrumb, a lone symbol)."""
        kept = self._cut_lead(Block(head, 0), head, [])
        if not kept or self._whole_hit(kept, gate) is not None:
            return True
        return any(det.test(kept) for det in self.detectors)

    def _word_glued(self, text: str, words: dict[str, int]) -> list[str] | None:
        """text split inside a Devanagari token where chrome ends and a word of the page begins
        with no space (`🔔 सूचनाएं चालू करेंबैडमिंटन: ...`): both sides of the point are at least
        `word_glue_min_chars` long, what follows it is a word that stands alone on the page (the
        page's words only shrink as chrome goes, so a second run splits nothing new), the head is
        chrome (as `_lead_glued` judges it), the block as a whole is not, and the rest is long
        enough to be a headline or paragraph (None: no such point)."""
        s = current().rules
        limit, inner = _glue_words(text)
        if words.keys().isdisjoint(inner):
            return None  # most blocks end here
        for _known, start, p in _word_glue_points(text, limit, words):
            if _SENTENCE_END_AT.search(text, 0, start):
                continue  # past the first sentence: not a lead
            at = start + p
            rest = text[at:]
            if len(rest.split(None, s.word_glue_min_rest_words)) < s.word_glue_min_rest_words:
                continue
            head = text[:at]
            if not self._head_is_chrome(head, self._full_gate):
                continue
            # A rule that takes the whole block as it is ("Recommended: आईफोन ...") says
            # where its chrome ends better than a word found inside a token, unless what
            # follows the word is a whole sentence (a paragraph glued after a link).
            after = self._cut_lead(Block(text, 0), text, [])  # as the walk would judge it
            if (
                after and self._whole_hit(after, self._full_gate) is None
            ) or rest.rstrip(_CLOSE_CHARS).endswith(_SENTENCE_ENDS):
                return [head.rstrip(), rest]
            return None
        return None

    def _glued_word_glued(self, text: str, words: dict[str, int]) -> list[str] | None:
        """text split at a sentence end glued to chrome that is itself glued inside a token to
        the next sentence (`...है।पूरा लेख पढ़ेंमौसम विभाग ...`): both points at once."""
        for m in _GLUE.finditer(text, 0, len(text) - 1):
            head = text[: m.end()].rstrip()
            rest = self._word_glued(text[m.end() :], words)
            if rest is not None and head.strip(SENTENCE_END + "".join(_QUOTE_CLOSE) + " "):
                return [head, *rest]
        return None

    def _opens_with_marker(self, text: str) -> bool:
        """A lead or tail rule matches at the start of text."""
        return (
            self._lead.first(text, search=False) is not None
            or self._tail_start.first(text, search=False) is not None
            or self._tail.first(text[: current().rules.cut_max_chars], search=False) is not None
        )

    def _whole_hit(self, text: str, gate: _PageGate) -> tuple[Rule, re.Match[str]] | None:
        """The whole-block rule that takes text (tried also without its decoration). Once per
        text (`_memos`)."""
        if self._memos is None:
            return self._whole_hit_of(text, gate)
        memo = self._memos[2]
        got = memo.get(text)
        if got is None:
            got = self._whole_hit_of(text, gate) or ()
            memo.put(text, got)
        return got or None

    def _whole_hit_of(self, text: str, gate: _PageGate) -> tuple[Rule, re.Match[str]] | None:
        if len(text) > self._whole_max:
            return None
        hit = self._first_whole(text, text, gate)
        if hit is not None:
            return hit
        if _DECOR_CHAR.match(text[-1]) or (_DECOR_CHAR.match(text) and not _LIST_ITEM.match(text)):
            core = _DECOR_EDGES.sub("", text)
            if core and core != text:
                hit = self._first_whole(core, text, gate)
        return hit

    def _first_whole(
        self, text: str, whole: str, gate: _PageGate
    ) -> tuple[Rule, re.Match[str]] | None:
        """The first whole-block rule, in rule order, that takes text: the alternation of the
        plain rules, then the gated rules placed before its hit whose literals text holds."""
        hit = None
        if len(text) <= self._whole.max_chars:
            hit = self._whole.first(text, search=False, whole=whole)
        if not gate.rules:
            return hit
        limit = self._plain_pos[hit[0].name] if hit is not None else len(self._plain_pos) + len(
            self._gated
        )
        found = None
        hazard = False
        for g, present in gate.rules:
            if g.pos >= limit:
                break
            rule = g.rule
            if len(text) > rule.max_chars:
                continue
            if present is not None:
                if found is None:
                    low = text.lower()
                    # Texts cut from long blocks were not in the page scan's hazard check.
                    hazard = gate is self._full_gate and self._hazard.search(text) is not None
                    # The gate's literals text holds (C-level substring tests, once per text).
                    found = frozenset(filter(low.__contains__, gate.literals))
                    if not found and not hazard and gate.all_literal:
                        return hit  # every rule left is gated by a literal text lacks
                if not hazard and present.isdisjoint(found):
                    continue
            m = g.regex.match(text)
            if m is not None and (rule.unless_re is None or rule.unless_re.search(whole) is None):
                return rule, m
        return hit

    def _cut_lead(self, block: Block, text: str, removed: list[Removal]) -> str:
        """Cut chrome glued to the start of the text, marker after marker (no copying until
        the end, so many markers on one long line stay linear)."""
        if self._lead.regex is None:
            return text
        pos = 0
        while pos < len(text):
            hit = self._lead.first(text, search=False, pos=pos)
            if hit is None or hit[1].end() == pos:
                break
            rule, m = hit
            if rule.defer:
                whole = self._whole_hit(text[pos:], self._full_gate)
                if whole is not None and whole[0].category != rule.category:
                    break
            end = m.end()
            while end < len(text) and text[end] in _CUT_EDGE:
                end += 1
            cut = text[pos : m.end()].strip()
            removed.append(Removal(block.line, cut, rule.category, rule.name, end < len(text)))
            pos = end
        return trim_cut(text[pos:]) if pos else text

    def _cut_sentences(self, block: Block, text: str, removed: list[Removal]) -> str:
        """Cut prompt sentences off the end of text, one after another. Works back from an end
        index (each sentence is read once, nothing is copied until the end): linear in text."""
        if self._sentence.regex is None:
            return text
        end = len(text)
        cut_max = current().rules.cut_max_chars
        while end:
            # Read no further back than a prompt can be long (+2: the spaces skipped at its start).
            start = last_sentence_start(text, end, floor=max(0, end - cut_max - 2))
            if start < 0:
                break  # too long for a prompt
            last = text[start:end]
            if len(last) > cut_max or last.rstrip().endswith(_QUOTE_CLOSE):
                break  # too long for a prompt, or the end of a quotation: someone's words
            hit = self._sentence.first(last, search=True)
            if hit is None:
                break
            rule = hit[0]
            end = start
            while end and text[end - 1] in _CUT_EDGE:
                end -= 1
            removed.append(Removal(block.line, last.strip(), rule.category, rule.name, end > 0))
        return text if end == len(text) else trim_cut(text[:end])

    @staticmethod
    def _consume_section(
        blocks: Sequence[Block], i: int, rule: Rule, removed: list[Removal]
    ) -> int:
        """Blocks up to the first matching `until` (not included: lead rules cut it), if it
        comes within `max_blocks`; otherwise the section is not taken."""
        until = rule.until_re
        end = min(len(blocks), i + rule.max_blocks + 1)
        for j in range(i, end):
            if until.search(blocks[j].text):
                for b in blocks[i:j]:
                    removed.append(Removal(b.line, b.text, rule.category, rule.name))
                return j
        return i

    def _consume_list(
        self,
        blocks: Sequence[Block],
        i: int,
        rule: Rule,
        ctx: _PageContext,
        takes_whole: Callable[[str], bool],
        removed: list[Removal],
    ) -> int:
        taken = 0
        start = ctx.start
        s = current().rules
        while i < len(blocks) and taken < s.list_max_items:
            text = blocks[i].text
            if start is None or i < start:
                break  # above the first paragraph: the page's own headline
            heads_prose = _heads_prose(blocks, i, takes_whole)
            # Numbered link lists ("1. ...") are headlines too, under a list header, and so are
            # sponsored headlines signed with their advertiser ("... | Brand Name").
            bare = text.lstrip("0123456789.)- ").strip() if text[:1].isdigit() else text
            bare = _SIGNED.sub("", bare)
            if not is_headline_shaped(bare):
                break
            if i > ctx.last_sentence and len(bare) >= s.list_trailing_chars:
                pass  # after the article's last sentence a headline cannot be a subheading
            elif len(bare) < s.list_min_chars:
                break  # too short for a story's headline: the article's subheading
            elif heads_prose or (share := overlap(bare, ctx.article_words)) is None or not (
                share < s.list_max_overlap
                or (share < s.list_long_max_overlap and len(bare) >= s.list_long_chars)
            ):
                break  # shares the article's words, or heads its next paragraph: a subheading
            removed.append(Removal(blocks[i].line, text, rule.category, rule.name))
            i += 1
            taken += 1
        return i
