"""The rule engine: applies a RuleSet (and shape detectors) to a Page in one pass per block.

Three concerns, three modules: matching a block against the rules of one scope (one gated,
dispatched alternation per scope: `cleaners/matching.py`), splitting blocks where chrome is glued
to body (`cleaners/glue.py`), and here the walk: scopes (whole block, lead, tail, sentence, list,
section), what a cut leaves judged again until nothing changes, removals recorded. The packaged
rules of every category run as one `RuleCleaner` (the `rules` step); `without(category)` and
`without(rule)` give one with fewer rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..literals import (
    FOLD_HAZARDS,
    floats,
    required_literals,
    trie_pattern,
    without_extensions,
)
from ..page import Block, Page, Removal
from ..rules import Rule, RuleSet, RuleTimeout, report_timeout
from ..settings import current
from ..text import (
    TextMemo,
    content_words,
    has_devanagari,
    last_sentence_start,
    normalize_line,
    sentence_count,
    trim_cut,
)
from ..topic import (
    article_words,
    has_inner_sentence_end,
    is_body_shape,
    is_headline_shaped,
    is_paragraph,
    last_sentence_index,
    overlap,
)
from ..wordlists import char_class
from .glue import QUOTE_CLOSE, GlueSplitter, _PageRuns
from .matching import NO_GATE, GatedRule, PageGate, alternation

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
# A bulleted list item ("- विज्ञापन", "• Sponsored"): its marker is not decoration to strip.
_LIST_ITEM = re.compile(r"[-–•*]\s+\S")
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


def _unsettled(text: str) -> bool:
    """Whether what a cut leaves would change when normalised as a line of its own (ftfy may
    repair there what it left alone beside the part cut off: `0›ß¢ ...`). Such a cut is not made:
    a second run would normalise the rest before any rule, and changing it here would write text
    the input does not hold."""
    return bool(text) and normalize_line(text) != text


def _tail_fits(cut: str) -> bool:
    """A tail found inside a block takes the block from its marker on only when that part is
    short: at most `cut_max_chars` characters and `tail_max_sentences` sentences."""
    s = current().rules
    return len(cut) <= s.cut_max_chars and sentence_count(cut) <= s.tail_max_sentences


class RuleCleaner(GlueSplitter):
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
        self._whole = alternation(
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
        self._full_gate = PageGate([(g, g.literals) for g in gated])
        self._open_gate = PageGate([(g, None) for g in gated])
        self._lead = alternation(by_scope.get("lead", []))
        self._sentence = alternation(by_scope.get("sentence", []))
        tails = by_scope.get("tail", [])
        # Tails anchored at the block start are matched there; the others searched for.
        self._tail_start = alternation([r for r in tails if r.pattern.startswith("^")])
        self._tail = alternation([r for r in tails if not r.pattern.startswith("^")])
        # What the engine makes of a text depends on the text alone (a page's gate only skips
        # rules that cannot match it): judgements of texts seen before, on this page or an earlier
        # one (chrome repeats), are reused. Not with a user's rule: its time limit may run out.
        packaged = all(r.packaged for r in self.rules)
        self._memos = (TextMemo(), TextMemo(), TextMemo()) if packaged else None
        return {a: self.__dict__.pop(a) for a in _COMPILED_ATTRS}

    @staticmethod
    def _split_gated(
        rules: list[Rule],
    ) -> tuple[list[Rule], list[GatedRule], list[str]]:
        """Floating rules with selective required literals are gated; the rest alternate. Also
        returns the literals the page scan looks for (no one a prefix of another)."""
        plain: list[Rule] = []
        gated: list[GatedRule] = []
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
            gated.append(GatedRule(pos, r, regex, lits))
        # Report literals as the page scan finds them: reduced to the shortest prefix kept.
        reduced = sorted(without_extensions(frozenset().union(*(g.literals for g in gated))))
        gated = [
            GatedRule(
                g.pos, g.rule, g.regex,
                frozenset(p for p in reduced if any(x.startswith(p) for x in g.literals)),
            )
            for g in gated
        ]
        return plain, gated, reduced

    def _page_gate(self, blocks: Sequence[Block]) -> PageGate:
        """Which gated rules can hit some block of this page (one scan of the page)."""
        if not self._gated:
            return NO_GATE
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
            return NO_GATE
        rules = []
        for g in self._gated:
            present = g.literals & seen
            if present:
                rules.append((g, present))
        return PageGate(rules)

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
        words = _PageRuns(page.blocks)
        blocks = self._split_glued(page.blocks, words)
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
                    kept = self._settle_glued(block, text, g, removed, words)
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
        self, block: Block, gate: PageGate, removed: list[Removal]
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
        self, block: Block, gate: PageGate, removed: list[Removal]
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
            mark = len(removed)
            lead_cut = self._cut_lead(block, text, removed)
            if lead_cut != text and _unsettled(lead_cut):
                del removed[mark:]  # see `_unsettled`: the cut is not made
            else:
                text = lead_cut
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
                if (
                    shorter
                    and shorter != text
                    and not _unsettled(shorter)
                    and self._whole_hit(shorter, gate) is None
                ):
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
            if (
                found is not None
                and _tail_fits(text[found[1].start() :])
                and not _unsettled(trim_cut(text[: found[1].start()]))
            ):
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
            mark = len(removed)
            shorter = self._cut_sentences(block, text, removed)
            if shorter == text:
                return text, None, tail, cut
            if _unsettled(shorter):
                del removed[mark:]
                return text, None, tail, cut
            text, cut = shorter, True
            if not text:
                return "", None, tail, cut

    def _opens_with_marker(self, text: str) -> bool:
        """A lead or tail rule matches at the start of text."""
        return (
            self._lead.first(text, search=False) is not None
            or self._tail_start.first(text, search=False) is not None
            or self._tail.first(text[: current().rules.cut_max_chars], search=False) is not None
        )

    def _whole_hit(self, text: str, gate: PageGate) -> tuple[Rule, re.Match[str]] | None:
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

    def _whole_hit_of(self, text: str, gate: PageGate) -> tuple[Rule, re.Match[str]] | None:
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
        self, text: str, whole: str, gate: PageGate
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
            if len(last) > cut_max or last.rstrip().endswith(QUOTE_CLOSE):
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
